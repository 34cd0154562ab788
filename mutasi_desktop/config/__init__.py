"""Paths and settings shared by every layer: data folder, database choice, resources."""

from mutasi_desktop.config.paths import (
    DatabaseChoice,
    data_dir,
    default_database_path,
    demo_database_path,
    resolve_database,
    resource_root,
)

__all__ = [
    "DatabaseChoice",
    "data_dir",
    "default_database_path",
    "demo_database_path",
    "resolve_database",
    "resource_root",
]
