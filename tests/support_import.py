"""Helpers for the staff import tests: the golden files and a whole-database snapshot."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.storage.models import (
    AuditLog,
    Jabatan,
    Opd,
    Pegawai,
    Pengaturan,
    RiwayatJabatan,
    RiwayatPangkat,
    UnitKerja,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "staff"
TODAY = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)
TABLES = (Opd, UnitKerja, Jabatan, Pegawai, RiwayatJabatan, RiwayatPangkat, AuditLog, Pengaturan)


def snapshot(svc: Services) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table the importer may touch (to prove nothing was written)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with svc.ctx.read() as s:
        for model in TABLES:
            table = model.__table__  # type: ignore[attr-defined]
            key = next(iter(table.primary_key.columns))
            out[table.name] = [tuple(r) for r in s.execute(select(table).order_by(key))]
    return out
