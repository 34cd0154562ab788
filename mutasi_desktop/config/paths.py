"""Where things live: the per-user data folder, the database URL and the bundled resources."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

ENV_DATA_DIR = "MUTASI_DATA_DIR"
ENV_DB = "MUTASI_DB"
DB_FILENAME = "mutasi.sqlite3"
DEMO_DB_FILENAME = "demo-mamuju.sqlite3"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The one switch that relocates all data: argument, else MUTASI_DATA_DIR, else per-user."""
    chosen = override or os.environ.get(ENV_DATA_DIR)
    path = Path(chosen) if chosen else Path(user_data_dir("MutasiDesktop", "BKPSDM"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path(data_folder: Path | None = None) -> Path:
    return (data_folder or data_dir()) / DB_FILENAME


def demo_database_path(data_folder: Path | None = None) -> Path:
    return (data_folder or data_dir()) / DEMO_DB_FILENAME


@dataclass(frozen=True)
class DatabaseChoice:
    """A resolved database: SQLAlchemy URL plus the file path when it is SQLite."""

    url: str
    sqlite_path: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.sqlite_path is not None

    @property
    def display(self) -> str:
        """Human-readable location without any password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        head, sep, tail = self.url.partition("@")
        if not sep:
            return self.url
        scheme = head.split("://", 1)[0]
        return f"{scheme}://…@{tail}"


def resolve_database(
    db: str | os.PathLike[str] | None = None, *, data_folder: Path | None = None
) -> DatabaseChoice:
    """`--db PATH_OR_URL`, else MUTASI_DB, else the per-user data folder. A plain path is SQLite."""
    raw = str(db) if db else os.environ.get(ENV_DB) or ""
    if not raw:
        path = default_database_path(data_folder)
        return DatabaseChoice(f"sqlite:///{path}", path)
    if "://" in raw:
        if raw.startswith("sqlite"):
            file_part = raw.split("///", 1)[1] if "///" in raw else ""
            if not file_part or file_part == ":memory:":
                return DatabaseChoice(raw, None)
            return DatabaseChoice(raw, Path(file_part).resolve())
        return DatabaseChoice(raw, None)
    path = Path(raw).expanduser().resolve()
    return DatabaseChoice(f"sqlite:///{path}", path)


def resource_root() -> Path:
    """The `resources/` folder, from a source checkout, an install, or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "resources"
        if (candidate / "RESOURCES.md").exists():
            return candidate
    # Installed as a wheel: resources are shipped inside the package.
    return here.parents[1] / "resources"
