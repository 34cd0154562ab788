"""Open a database for the app or the CLI: resolve, connect, migrate, and build the services."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from mutasi_desktop.config.paths import DatabaseChoice, resolve_database
from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.services.abk import AbkService
from mutasi_desktop.services.audit import AuditService
from mutasi_desktop.services.context import Actor, ServiceContext
from mutasi_desktop.services.organisation import OrganisationService
from mutasi_desktop.services.planning import PlanningService
from mutasi_desktop.services.sk import DecreeService
from mutasi_desktop.services.sk_settings import SettingsService
from mutasi_desktop.services.staff import StaffService
from mutasi_desktop.services.staff_export import StaffExportService
from mutasi_desktop.services.staff_import import StaffImportService
from mutasi_desktop.storage.engine import make_engine, make_session_factory, sqlite_version
from mutasi_desktop.storage.migrate import MigrationResult, upgrade_database

__all__ = ["Services", "open_services", "sqlite_version"]


@dataclass
class Services:
    """The composition of all use cases over one database."""

    ctx: ServiceContext
    migration: MigrationResult

    def __post_init__(self) -> None:
        self.staff = StaffService(self.ctx)
        self.organisation = OrganisationService(self.ctx)
        self.audit = AuditService(self.ctx)
        self.staff_import = StaffImportService(self.ctx)
        self.staff_export = StaffExportService(self.ctx)
        self.abk = AbkService(self.ctx)
        self.planning = PlanningService(self.ctx)
        self.settings = SettingsService(self.ctx)
        self.decrees = DecreeService(self.ctx, self.planning)

    @property
    def database(self) -> DatabaseChoice:
        return self.ctx.database

    def close(self) -> None:
        self.ctx.engine.dispose()


def open_services(
    db: str | Path | None = None,
    *,
    data_folder: Path | None = None,
    actor: Actor | None = None,
    quick_check: bool = True,
) -> Services:
    choice = resolve_database(db, data_folder=data_folder)
    engine = make_engine(choice)
    try:
        if quick_check and choice.sqlite_path is not None and choice.sqlite_path.exists():
            _quick_check(engine, choice)
        migration = upgrade_database(engine, choice)
    except Exception:
        engine.dispose()
        raise
    ctx = ServiceContext(engine, make_session_factory(engine), choice)
    if actor is not None:
        ctx.actor = actor
    return Services(ctx, migration)


def _quick_check(engine: object, choice: DatabaseChoice) -> None:
    from sqlalchemy import Engine
    from sqlalchemy.exc import DatabaseError

    assert isinstance(engine, Engine)
    try:
        with engine.connect() as conn:
            result = conn.execute(text("PRAGMA quick_check")).scalar()
    except DatabaseError as exc:
        raise DomainError(
            "db.rusak", path=choice.display, detail=str(exc.orig), backup=_latest_backup(choice)
        ) from exc
    if result != "ok":
        raise DomainError(
            "db.rusak", path=choice.display, detail=str(result), backup=_latest_backup(choice)
        )


def _latest_backup(choice: DatabaseChoice) -> str:
    if choice.sqlite_path is None:
        return "-"
    folder = choice.sqlite_path.parent / "cadangan"
    files = sorted(folder.glob(f"{choice.sqlite_path.stem}-*.sqlite3")) if folder.exists() else []
    return str(files[-1]) if files else "(belum ada cadangan)"
