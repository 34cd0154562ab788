"""Use cases: the only owners of database sessions; they return plain dataclasses."""
