"""Staff export: the register (all staff or a filter) as a formatted workbook, or as a DUK.

The column headers are ones the importer recognises, so an exported workbook can be edited and
imported again; importing it unchanged changes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Select, select

from mutasi_desktop.domain.duk import duk_key, in_duk
from mutasi_desktop.domain.golongan import parse_golongan
from mutasi_desktop.domain.jabatan import JenisJabatan
from mutasi_desktop.domain.pegawai import StatusPegawai
from mutasi_desktop.formats.staff_workbook import Column, write_table
from mutasi_desktop.services.context import Action, ServiceContext
from mutasi_desktop.services.progress import NullProgress, Progress, checkpoint
from mutasi_desktop.services.staff import StaffFilter, apply_filter
from mutasi_desktop.storage.models import Jabatan, Opd, Pegawai, UnitKerja


class ExportOrder(StrEnum):
    NAMA = "nama"  # by name, as the register lists people
    DUK = "duk"  # Daftar Urut Kepangkatan (PNS and CPNS only)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    order: ExportOrder
    seconds: float


COLUMNS: tuple[Column, ...] = (
    Column("No", 6, "int"),
    Column("NIP", 21, "nip"),
    Column("NIP Lama", 12, "nip"),
    Column("Nama", 30),
    Column("Gelar Depan", 10),
    Column("Gelar Belakang", 14),
    Column("Tempat Lahir", 16),
    Column("Tanggal Lahir", 13, "date"),
    Column("Jenis Kelamin", 8),
    Column("Agama", 10),
    Column("Jenis Pegawai", 9),
    Column("Pangkat", 22),
    Column("Golongan", 9),
    Column("TMT Golongan", 13, "date"),
    Column("Jabatan", 34),
    Column("Jenis Jabatan", 20),
    Column("Eselon", 8),
    Column("TMT Jabatan", 13, "date"),
    Column("Unit Kerja", 34),
    Column("OPD", 30),
    Column("Tingkat Pendidikan", 10),
    Column("Jurusan", 24),
    Column("Tahun Lulus", 8, "int"),
    Column("TMT CPNS", 13, "date"),
    Column("TMT PNS", 13, "date"),
    Column("Kedudukan Hukum", 13),
    Column("Akhir Kontrak", 13, "date"),
)

_JENIS_LABEL = {j.value: j.label for j in JenisJabatan}
_STATUS_LABEL = {s.value: s.label for s in StatusPegawai}


def _value(v: Any) -> Any:
    return v.value if isinstance(v, StrEnum) else v


def _query(flt: StaffFilter) -> Select[Any]:
    stmt = (
        select(
            Pegawai.nip,
            Pegawai.nip_lama,
            Pegawai.nama,
            Pegawai.gelar_depan,
            Pegawai.gelar_belakang,
            Pegawai.tempat_lahir,
            Pegawai.tanggal_lahir,
            Pegawai.jenis_kelamin,
            Pegawai.agama,
            Pegawai.jenis_pegawai,
            Pegawai.golongan,
            Pegawai.tmt_golongan,
            Jabatan.nama,
            Jabatan.jenis,
            Jabatan.eselon,
            Pegawai.tmt_jabatan,
            UnitKerja.nama,
            Opd.nama,
            Pegawai.pendidikan_tingkat,
            Pegawai.pendidikan_jurusan,
            Pegawai.tahun_lulus,
            Pegawai.tmt_cpns,
            Pegawai.tmt_pns,
            Pegawai.status,
            Pegawai.kontrak_selesai,
            Jabatan.jenjang,
        )
        .outerjoin(Jabatan, Jabatan.id == Pegawai.jabatan_id)
        .outerjoin(UnitKerja, UnitKerja.id == Pegawai.unit_id)
        .outerjoin(Opd, Opd.id == UnitKerja.opd_id)
    )
    return apply_filter(cast("Select[Any]", stmt), flt).order_by(Pegawai.nama, Pegawai.nip)


class StaffExportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def export(
        self,
        path: str | Path,
        flt: StaffFilter | None = None,
        *,
        order: ExportOrder = ExportOrder.NAMA,
        progress: Progress | None = None,
    ) -> ExportResult:
        """Write the staff matching ``flt`` (all active staff by default) to ``path``."""
        self.ctx.require(Action.STAFF_READ)
        progress = progress or NullProgress()
        started = time.perf_counter()
        with self.ctx.read() as session:
            records = [tuple(r) for r in session.execute(_query(flt or StaffFilter()))]
        if order is ExportOrder.DUK:
            records = [r for r in records if in_duk(_value(r[9]))]
            records.sort(
                key=lambda r: duk_key(
                    golongan=r[10],
                    tmt_golongan=r[11],
                    jenjang=_value(r[25]),
                    tmt_cpns=r[21],
                    pendidikan=_value(r[18]),
                    tanggal_lahir=r[6],
                    nama=r[2],
                )
            )
        total = len(records)

        def rows() -> Iterator[list[Any]]:
            for n, r in enumerate(records, start=1):
                if n % 1000 == 0:
                    checkpoint(progress, n, total, "Menulis buku kerja…")
                g = parse_golongan(r[10]) if r[10] else None
                yield [
                    n,
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    r[6],
                    _value(r[7]),
                    _value(r[8]),
                    _value(r[9]),
                    g.pangkat if g is not None else None,
                    r[10],
                    r[11],
                    r[12],
                    _JENIS_LABEL.get(_value(r[13])) if r[13] else None,
                    r[14],
                    r[15],
                    r[16],
                    r[17],
                    _value(r[18]),
                    r[19],
                    r[20],
                    r[21],
                    r[22],
                    _STATUS_LABEL.get(_value(r[23])),
                    r[24],
                ]

        title = "DUK" if order is ExportOrder.DUK else "Pegawai"
        count = write_table(path, title, COLUMNS, rows())
        checkpoint(progress, total, total, "Selesai")
        return ExportResult(Path(path), count, order, time.perf_counter() - started)
