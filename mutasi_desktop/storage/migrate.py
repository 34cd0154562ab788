"""Schema migrations applied from code at start-up, with a backup first and a newer-file refusal.

Alembic is imported only when a migration actually runs: reading the revision table and the
revision ids of the shipped scripts is enough to know that a database is current, and it keeps
about a tenth of a second off every start.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from mutasi_desktop.config.paths import DatabaseChoice
from mutasi_desktop.domain.errors import DomainError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_REVISION = re.compile(r"^revision(?::[^=]+)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?::[^=]+)?=\s*(?:None|['\"]([^'\"]+)['\"])", re.MULTILINE)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


@lru_cache(maxsize=1)
def _script_graph() -> dict[str, str | None]:
    """revision id -> down_revision of every shipped migration script."""
    graph: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            raise RuntimeError(f"{path.name}: no revision/down_revision line")
        graph[rev.group(1)] = down.group(1)
    return graph


def head_revision() -> str:
    graph = _script_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"migration scripts must form one line, heads: {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_script_graph())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


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
    if before is None and inspect(engine).get_table_names():
        raise DomainError("db.bukan_mutasi", path=location)
    if before == head:
        return MigrationResult(before, head, None)
    backup: Path | None = None
    if before is not None and choice.sqlite_path is not None and choice.sqlite_path.exists():
        backup = backup_sqlite(choice.sqlite_path, f"sebelum-migrasi-{before}")
    from alembic import command

    command.upgrade(alembic_config(engine), "head")
    return MigrationResult(before, head, backup)
