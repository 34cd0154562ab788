"""Qt Widgets user interface (the only package besides the app entry that imports PySide6)."""
