"""`mutasi demo`: a deterministic, realistic Kabupaten Mamuju built in one transaction."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.pegawai import JenisPegawai
from mutasi_desktop.services import audit
from mutasi_desktop.services.context import Action, ServiceContext
from mutasi_desktop.services.demo_abk import build_demo_abk
from mutasi_desktop.services.demo_data import load_demo_data
from mutasi_desktop.services.demo_mutasi import build_demo_mutasi
from mutasi_desktop.services.demo_org import OrgBuilder
from mutasi_desktop.services.demo_people import PeopleFactory
from mutasi_desktop.services.demo_sk import build_demo_sk
from mutasi_desktop.services.progress import NullProgress, Progress, checkpoint
from mutasi_desktop.storage.models import (
    Aspirasi,
    Base,
    Jabatan,
    Kompetensi,
    Opd,
    Pegawai,
    Pelatihan,
    Pengaturan,
    RiwayatJabatan,
    RiwayatPangkat,
    UnitKerja,
)

MAX_STAFF = 200_000
DEFAULT_AS_OF = date(2026, 11, 1)
AUDIT_AKSI = "demo"
AUDIT_ENTITAS = "basis_data"
SETTING_KABUPATEN = "kabupaten"
SETTING_DEMO = "demo"

_CHUNK = 5_000  # rows per executemany: big enough to be fast, small enough to cancel promptly
_REPORT_EVERY = 500  # people generated between progress reports
# Progress is reported in permille: generating people is ~60 % of the work, writing ~40 %.
_TOTAL = 1000
_GENERATE_SHARE = 600
_NO_PROGRESS = NullProgress()


@dataclass(frozen=True)
class DemoSummary:
    opd: int
    unit: int
    jabatan: int
    pegawai: int
    seconds: float


def build_demo(
    ctx: ServiceContext,
    *,
    staff: int = 6000,
    seed: int = 2026,
    as_of: date = DEFAULT_AS_OF,
    progress: Progress = _NO_PROGRESS,
) -> DemoSummary:
    """Fill an empty database with the demo regency; same ``seed`` and ``as_of``, same data.

    Refuses (``demo.db_tidak_kosong``) when the database already holds OPDs or staff. Raises
    ``Cancelled`` (and writes nothing) when ``progress`` asks to stop.
    """
    if not 0 <= staff <= MAX_STAFF:
        raise DomainError("demo.jumlah_pegawai_tidak_sah", value=staff, maks=MAX_STAFF)
    started = time.perf_counter()
    data = load_demo_data()
    with ctx.write(Action.DEMO_BUILD) as session:
        _refuse_if_not_empty(session)
        checkpoint(progress, 0, _TOTAL, "Menyusun organisasi")
        first = {name: _next_id(session, model) for name, model in _TABLES.items()}
        rng = random.Random(seed)
        builder = OrgBuilder(
            data,
            rng,
            first_opd_id=first["opd"],
            first_unit_id=first["unit_kerja"],
            first_jabatan_id=first["jabatan"],
        )
        builder.build_static()
        plan = builder.staff(staff)
        factory = PeopleFactory(data, rng, as_of, plan, first_ids=first)
        skala = data.organisasi["skala"]
        kinds = factory.assign_kinds(
            plan.seats, float(skala["bagian_pppk"]), float(skala["bagian_cpns"])
        )
        n_seats = len(plan.seats)
        for i, (seat, kind) in enumerate(zip(plan.seats, kinds, strict=True)):
            if i % _REPORT_EVERY == 0:
                checkpoint(
                    progress, _GENERATE_SHARE * i // max(n_seats, 1), _TOTAL, "Membuat data pegawai"
                )
            factory.make(seat, kind)

        rows = factory.rows
        batches: list[tuple[type[Base], Sequence[dict[str, Any]]]] = [
            (Opd, plan.opd_rows),
            (UnitKerja, plan.unit_rows),
            (Jabatan, [p.row() for p in plan.posisi]),
            (Pegawai, rows.pegawai),
            (RiwayatJabatan, rows.riwayat_jabatan),
            (RiwayatPangkat, rows.riwayat_pangkat),
            (Kompetensi, rows.kompetensi),
            (Pelatihan, rows.pelatihan),
            (Aspirasi, rows.aspirasi),
        ]
        _write(session, batches, progress)
        _advance_sequences(session)
        build_demo_abk(session, ctx, tahun=as_of.year, seed=seed)
        build_demo_mutasi(session, as_of=as_of)

        kabupaten = dict(data.nama["kabupaten"])
        kabupaten["sekda"] = factory.sekda or {
            "nama": None,
            "nip": None,
            "golongan": None,
            "pangkat": None,
            "jabatan": "Sekretaris Daerah",
        }
        summary_values = {
            "staff": staff,
            "seed": seed,
            "as_of": as_of.isoformat(),
            "opd": len(plan.opd_rows),
            "unit": len(plan.unit_rows),
            "jabatan": len(plan.posisi),
            "pegawai": len(rows.pegawai),
            "pppk": kinds.count(JenisPegawai.PPPK),
            "cpns": kinds.count(JenisPegawai.CPNS),
        }
        session.merge(Pengaturan(kunci=SETTING_KABUPATEN, nilai=kabupaten))
        session.merge(Pengaturan(kunci=SETTING_DEMO, nilai=summary_values))
        build_demo_sk(session, ctx, as_of=as_of)
        audit.record(
            session,
            ctx,
            aksi=AUDIT_AKSI,
            entitas=AUDIT_ENTITAS,
            entitas_id=None,
            ringkasan=(
                f"Data demo {kabupaten['nama']} dibuat: {len(plan.opd_rows)} OPD, "
                f"{len(plan.unit_rows)} unit kerja, {len(plan.posisi)} jabatan, "
                f"{len(rows.pegawai)} pegawai (seed {seed}, keadaan {as_of.isoformat()})"
            ),
            sesudah=summary_values,
        )
        checkpoint(progress, _TOTAL, _TOTAL, "Menyimpan")
    return DemoSummary(
        opd=len(plan.opd_rows),
        unit=len(plan.unit_rows),
        jabatan=len(plan.posisi),
        pegawai=len(rows.pegawai),
        seconds=time.perf_counter() - started,
    )


_TABLES: dict[str, type[Base]] = {
    "opd": Opd,
    "unit_kerja": UnitKerja,
    "jabatan": Jabatan,
    "pegawai": Pegawai,
    "riwayat_jabatan": RiwayatJabatan,
    "riwayat_pangkat": RiwayatPangkat,
    "kompetensi": Kompetensi,
    "pelatihan": Pelatihan,
    "aspirasi": Aspirasi,
}


def _refuse_if_not_empty(session: Session) -> None:
    n_opd = session.scalar(select(func.count()).select_from(Opd)) or 0
    n_pegawai = session.scalar(select(func.count()).select_from(Pegawai)) or 0
    if n_opd or n_pegawai:
        raise DomainError("demo.db_tidak_kosong", opd=n_opd, pegawai=n_pegawai)


def _table(model: type[Base]) -> Table:
    return Base.metadata.tables[str(model.__tablename__)]


def _next_id(session: Session, model: type[Base]) -> int:
    # Ids are assigned here so children can name their parents without a flush per row.
    return int(session.scalar(select(func.max(_table(model).c.id))) or 0) + 1


def _advance_sequences(session: Session) -> None:
    """PostgreSQL: explicit ids do not move the serial sequences; move them past the new rows."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for name in _TABLES:
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {name}), false)"
            )
        )


def _write(
    session: Session, batches: list[tuple[type[Base], Sequence[dict[str, Any]]]], progress: Progress
) -> None:
    total_rows = sum(len(rows) for _, rows in batches) or 1
    written = 0
    for model, rows in batches:
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            # Core insert on the table: the ORM bulk path would run one statement per row for
            # the versioned Pegawai mapper; executemany keeps 50,000 staff within seconds.
            session.execute(insert(_table(model)), list(chunk))
            written += len(chunk)
            done = _GENERATE_SHARE + (_TOTAL - _GENERATE_SHARE) * written // total_rows
            checkpoint(progress, min(done, _TOTAL - 1), _TOTAL, "Menyimpan ke basis data")
