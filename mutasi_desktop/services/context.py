"""Service context: database access, the acting user, permissions and the clock."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Protocol

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from mutasi_desktop.config.paths import DatabaseChoice
from mutasi_desktop.domain.errors import DomainError


class Action(StrEnum):
    """What a caller wants to do; the accounts issue maps roles onto these."""

    STAFF_READ = "pegawai.baca"
    STAFF_EDIT = "pegawai.ubah"
    STAFF_DEACTIVATE = "pegawai.nonaktifkan"
    ORG_EDIT = "organisasi.ubah"
    DEMO_BUILD = "demo.buat"
    ABK_READ = "abk.baca"
    ABK_EDIT = "abk.ubah"
    # Transfer planning; values equal domain.mutasi_workflow.Hak (the workflow's permissions).
    MUTASI_READ = "mutasi.baca"
    MUTASI_DRAFT = "mutasi.draf"
    MUTASI_VERIFY = "mutasi.verifikasi"
    MUTASI_APPROVE = "mutasi.setujui"
    MUTASI_DECREE = "mutasi.sk"
    MUTASI_EXECUTE = "mutasi.laksanakan"
    # Decrees (SK) and regency settings.
    SK_READ = "sk.baca"
    SK_DRAFT = "sk.konsep"
    SK_FINALIZE = "sk.tetapkan"
    SK_CANCEL = "sk.batalkan"
    SK_NUMBER = "sk.nomor"
    SETTINGS_EDIT = "pengaturan.ubah"


@dataclass(frozen=True)
class Actor:
    username: str
    roles: frozenset[str] = frozenset()

    @classmethod
    def from_os(cls) -> Actor:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):  # no passwd entry (containers) or no login name
            name = "pengguna"
        return cls(name)


class PermissionPolicy(Protocol):
    def allows(self, actor: Actor, action: Action) -> bool: ...


class AllowAll:
    """Until accounts and roles exist every local user may do everything."""

    def allows(self, actor: Actor, action: Action) -> bool:
        return True


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class ServiceContext:
    engine: Engine
    sessions: sessionmaker[Session]
    database: DatabaseChoice
    actor: Actor = field(default_factory=Actor.from_os)
    policy: PermissionPolicy = field(default_factory=AllowAll)
    clock: Callable[[], datetime] = _utc_now

    def today(self) -> date:
        return self.clock().astimezone().date()

    def require(self, action: Action) -> None:
        if not self.policy.allows(self.actor, action):
            raise DomainError("izin.ditolak", action=action.value)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    @contextmanager
    def write(self, action: Action) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back on any exception."""
        self.require(action)
        with self.write_unchecked() as session:
            yield session

    @contextmanager
    def write_unchecked(self) -> Iterator[Session]:
        """A transaction without a permission check: set-up code and tests only."""
        with self.sessions() as session, session.begin():
            yield session
