"""Audit trail: one row per change with who, when, what, and the values before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mutasi_desktop.services.context import ServiceContext
from mutasi_desktop.storage.models import AuditLog


def jsonable(value: Any) -> Any:
    """Dates as ISO strings, enums as values, containers recursively: JSON columns stay portable."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def record(
    session: Session,
    ctx: ServiceContext,
    *,
    aksi: str,
    entitas: str,
    entitas_id: int | None,
    ringkasan: str,
    sebelum: Any = None,
    sesudah: Any = None,
    batch: str | None = None,
) -> AuditLog:
    row = AuditLog(
        waktu=ctx.clock(),
        pengguna=ctx.actor.username,
        aksi=aksi,
        entitas=entitas,
        entitas_id=entitas_id,
        ringkasan=ringkasan[:500],
        sebelum=jsonable(sebelum),
        sesudah=jsonable(sesudah),
        batch=batch,
    )
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class AuditEntry:
    id: int
    waktu: datetime
    pengguna: str
    aksi: str
    entitas: str
    entitas_id: int | None
    ringkasan: str
    sebelum: Any
    sesudah: Any
    dibatalkan_oleh: int | None


class AuditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def for_entity(self, entitas: str, entitas_id: int, limit: int = 200) -> list[AuditEntry]:
        with self.ctx.read() as session:
            rows = session.scalars(
                select(AuditLog)
                .where(AuditLog.entitas == entitas, AuditLog.entitas_id == entitas_id)
                .order_by(AuditLog.id.desc())
                .limit(limit)
            ).all()
            return [_entry(r) for r in rows]

    def latest(self, limit: int = 100) -> list[AuditEntry]:
        with self.ctx.read() as session:
            rows = session.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)).all()
            return [_entry(r) for r in rows]


def _entry(r: AuditLog) -> AuditEntry:
    return AuditEntry(
        r.id,
        r.waktu,
        r.pengguna,
        r.aksi,
        r.entitas,
        r.entitas_id,
        r.ringkasan,
        r.sebelum,
        r.sesudah,
        r.dibatalkan_oleh,
    )
