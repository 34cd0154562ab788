"""Schema migrations applied from code at start-up, with a backup first and a newer-file refusal."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from mutasi_desktop.config.paths import DatabaseChoice
from mutasi_desktop.domain.errors import DomainError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config_for_script())
    head = script.get_current_head()
    assert head is not None
    return head


def alembic_config_for_script() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config_for_script())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@dataclass(frozen=True)
class MigrationResult:
    before: str | None
    after: str
    backup: Path | None

    @property
    def migrated(self) -> bool:
        return self.before != self.after


def backup_sqlite(path: Path, tag: str) -> Path:
    """Consistent copy through SQLite's online backup API (safe with WAL and other readers)."""
    folder = path.parent / "cadangan"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{tag}-{stamp}.sqlite3"
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def upgrade_database(engine: Engine, choice: DatabaseChoice) -> MigrationResult:
    """Bring the schema to head. Refuses files from a newer app and foreign SQLite files."""
    before = current_revision(engine)
    head = head_revision()
    location = choice.display
    if before is not None and before not in known_revisions():
        raise DomainError("db.versi_lebih_baru", path=location, found=before, known=head)
    if before is None:
        tables = set(inspect(engine).get_table_names())
        if tables:
            raise DomainError("db.bukan_mutasi", path=location)
    if before == head:
        return MigrationResult(before, head, None)
    backup: Path | None = None
    if before is not None and choice.sqlite_path is not None and choice.sqlite_path.exists():
        backup = backup_sqlite(choice.sqlite_path, f"sebelum-migrasi-{before}")
    command.upgrade(alembic_config(engine), "head")
    return MigrationResult(before, head, backup)


def copy_file(source: Path, target: Path) -> None:
    shutil.copy2(source, target)
