"""Pure domain rules and maths (standard library only: no Qt, no SQLAlchemy, no file formats)."""
