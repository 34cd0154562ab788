"""Plain rows of an ABK report (positions, units, OPDs, totals, drivers, ratios) and its JSON.

These are what services return and what the workbook/PDF writers and the GUI consume: frozen
dataclasses of plain values, no ORM objects. ``AbkReport.to_json`` is the document printed by
``mutasi abk report --json`` (design §4: snake_case keys, numbers as numbers, ISO dates).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from mutasi_desktop.domain.abk import (
    AbkProfile,
    KondisiBeban,
    StatusSelisih,
    TaskInput,
)
from mutasi_desktop.domain.errors import Problem
from mutasi_desktop.domain.messages import QT_TRANSLATE_NOOP, render

JSON_FORMAT = 1


class SumberPegawai(StrEnum):
    """Where a position's present headcount came from."""

    DATA_PEGAWAI = "data_pegawai"  # the staff register (always wins when it has anyone)
    BERKAS_ABK = "berkas_abk"  # the `Pegawai Ada` column of an imported ABK workbook

    @property
    def label(self) -> str:
        return _SUMBER_LABELS[self]


_SUMBER_LABELS: dict[SumberPegawai, str] = {
    SumberPegawai.DATA_PEGAWAI: QT_TRANSLATE_NOOP("Pesan", "Data pegawai"),
    SumberPegawai.BERKAS_ABK: QT_TRANSLATE_NOOP("Pesan", "Berkas ABK"),
}


@dataclass(frozen=True)
class AbkTaskRow:
    """One stored task with its yearly figures (``kebutuhan`` is its unrounded FTE share)."""

    id: int | None
    urutan: int
    task: TaskInput
    volume_tahunan: float
    beban_kerja_menit: float
    kebutuhan: float

    def to_json(self) -> dict[str, Any]:
        t = self.task
        return {
            "urutan": self.urutan,
            "uraian": t.uraian,
            "satuan_hasil": t.satuan_hasil,
            "waktu": t.waktu,
            "satuan_waktu": str(t.satuan_waktu),
            "volume": t.volume,
            "periode": str(t.periode),
            "pemicu": t.pemicu,
            "rasio": t.rasio,
            "volume_tahunan": self.volume_tahunan,
            "beban_kerja_menit": self.beban_kerja_menit,
            "kebutuhan": self.kebutuhan,
        }


@dataclass(frozen=True)
class AbkPositionRow:
    """One position (jabatan in a unit): a row of Form C with names, ids and headcount sources.

    ``pegawai_ada`` is the headcount the figures use: the register's count when the register
    has anyone in the position, else the workbook's ``Pegawai Ada`` (``sumber_pegawai`` says
    which). ``selisih = pegawai_ada − kebutuhan_bulat`` (negative: kurang, positive: lebih).
    """

    jabatan_id: int
    jabatan: str
    jenis_jabatan: str | None
    kelas: int | None
    unit_id: int
    unit: str
    unit_path: str  # "Dinas Sosial › Bidang Perlindungan dan Jaminan Sosial"
    opd_id: int
    opd: str
    jumlah_tugas: int
    beban_kerja_menit: float
    kebutuhan: float  # unrounded FTE
    kebutuhan_bulat: int
    pegawai_ada: int
    pegawai_register: int
    pegawai_berkas: int | None
    sumber_pegawai: SumberPegawai
    selisih: int
    ej: float | None  # None when nobody holds the position
    pj: str | None
    pj_label: str | None
    kondisi: KondisiBeban
    status: StatusSelisih
    tugas: tuple[AbkTaskRow, ...] = field(default=(), repr=False)

    @property
    def beban_kerja_jam(self) -> float:
        return self.beban_kerja_menit / 60

    @property
    def kurang(self) -> int:
        return max(0, -self.selisih)

    @property
    def lebih(self) -> int:
        return max(0, self.selisih)

    @property
    def selisih_data(self) -> int | None:
        """Register minus workbook headcount where the register won; None when the workbook
        gave no number or stood in for an empty register."""
        if self.pegawai_berkas is None or self.sumber_pegawai is SumberPegawai.BERKAS_ABK:
            return None
        return self.pegawai_register - self.pegawai_berkas

    @property
    def kondisi_label(self) -> str:
        return self.kondisi.label

    @property
    def status_label(self) -> str:
        return self.status.label

    def to_json(self, *, with_tasks: bool = False) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "jabatan_id": self.jabatan_id,
            "jabatan": self.jabatan,
            "jenis_jabatan": self.jenis_jabatan,
            "kelas": self.kelas,
            "unit_id": self.unit_id,
            "unit": self.unit,
            "unit_path": self.unit_path,
            "opd_id": self.opd_id,
            "opd": self.opd,
            "jumlah_tugas": self.jumlah_tugas,
            "beban_kerja_menit": self.beban_kerja_menit,
            "beban_kerja_jam": self.beban_kerja_jam,
            "kebutuhan": self.kebutuhan,
            "kebutuhan_bulat": self.kebutuhan_bulat,
            "pegawai_ada": self.pegawai_ada,
            "pegawai_register": self.pegawai_register,
            "pegawai_berkas": self.pegawai_berkas,
            "sumber_pegawai": str(self.sumber_pegawai),
            "selisih_data": self.selisih_data,
            "selisih": self.selisih,
            "kurang": self.kurang,
            "lebih": self.lebih,
            "ej": self.ej,
            "pj": self.pj,
            "pj_label": self.pj_label,
            "kondisi": str(self.kondisi),
            "status": str(self.status),
        }
        if with_tasks:
            doc["tugas"] = [t.to_json() for t in self.tugas]
        return doc


@dataclass(frozen=True)
class AbkGroupRow:
    """Totals of a unit, an OPD or the whole analysis (``id`` None for the grand total).

    ``kurang``/``lebih`` add up per-position shortages and surpluses separately, so a surplus
    in one position never hides a shortage in another (reference §1.6); ``selisih`` is the net.
    """

    id: int | None
    nama: str
    opd_id: int | None
    opd: str | None
    jumlah_jabatan: int
    jumlah_kosong: int
    beban_kerja_menit: float
    kebutuhan: float
    kebutuhan_bulat: int
    pegawai_ada: int
    kurang: int
    lebih: int
    eu: float | None
    pj: str | None
    pj_label: str | None
    kondisi: KondisiBeban
    path: str = ""

    @property
    def selisih(self) -> int:
        return self.pegawai_ada - self.kebutuhan_bulat

    @property
    def beban_kerja_jam(self) -> float:
        return self.beban_kerja_menit / 60

    @property
    def kondisi_label(self) -> str:
        return self.kondisi.label

    def to_json(self, id_key: str, name_key: str) -> dict[str, Any]:
        doc: dict[str, Any] = {id_key: self.id, name_key: self.nama}
        if id_key == "unit_id":
            doc.update({"unit_path": self.path, "opd_id": self.opd_id, "opd": self.opd})
        doc.update(
            {
                "jumlah_jabatan": self.jumlah_jabatan,
                "jumlah_kosong": self.jumlah_kosong,
                "beban_kerja_menit": self.beban_kerja_menit,
                "beban_kerja_jam": self.beban_kerja_jam,
                "kebutuhan": self.kebutuhan,
                "kebutuhan_bulat": self.kebutuhan_bulat,
                "pegawai_ada": self.pegawai_ada,
                "selisih": self.selisih,
                "kurang": self.kurang,
                "lebih": self.lebih,
                "eu": self.eu,
                "pj": self.pj,
                "pj_label": self.pj_label,
                "kondisi": str(self.kondisi),
            }
        )
        return doc


@dataclass(frozen=True)
class AbkDriverRow:
    """A driver of one analysis year: the stored value and the value a scenario made of it."""

    nama: str
    nilai: float  # value used in this computation (after the scenario)
    nilai_dasar: float  # value stored for the year
    satuan: str | None = None
    keterangan: str | None = None
    id: int | None = None
    jumlah_tugas: int = 0  # tasks that follow this driver

    @property
    def diubah_skenario(self) -> bool:
        return self.nilai != self.nilai_dasar

    def to_json(self) -> dict[str, Any]:
        return {
            "nama": self.nama,
            "nilai": self.nilai,
            "nilai_dasar": self.nilai_dasar,
            "satuan": self.satuan,
            "keterangan": self.keterangan,
            "jumlah_tugas": self.jumlah_tugas,
        }


@dataclass(frozen=True)
class RatioRow:
    """A ratio estimate beside ABK: never replaces the ABK need (the formal basis).

    ``kebutuhan_rasio = ceil(nilai_pemicu × pegawai / per)``, None when the driver is missing.
    The ABK figures are those of the positions matched by ``kata_kunci`` (all words must occur
    in the position or unit name); ``jumlah_jabatan`` 0 means none matched.
    """

    id: int | None
    nama: str
    jabatan_kata: str
    pemicu: str
    nilai_pemicu: float | None
    per: float
    pegawai: float
    dasar: str
    kata_kunci: str
    kebutuhan_rasio: int | None
    jumlah_jabatan: int
    kebutuhan_abk: int
    pegawai_ada: int

    @property
    def selisih_rasio(self) -> int | None:
        """Present staff minus the ratio need (None without a driver value)."""
        return None if self.kebutuhan_rasio is None else self.pegawai_ada - self.kebutuhan_rasio

    def to_json(self) -> dict[str, Any]:
        return {
            "nama": self.nama,
            "jabatan_kata": self.jabatan_kata,
            "pemicu": self.pemicu,
            "nilai_pemicu": self.nilai_pemicu,
            "per": self.per,
            "pegawai": self.pegawai,
            "dasar": self.dasar,
            "kata_kunci": self.kata_kunci,
            "kebutuhan_rasio": self.kebutuhan_rasio,
            "jumlah_jabatan": self.jumlah_jabatan,
            "kebutuhan_abk": self.kebutuhan_abk,
            "pegawai_ada": self.pegawai_ada,
            "selisih_rasio": self.selisih_rasio,
        }


@dataclass(frozen=True)
class AbkReport:
    """One computed analysis year (optionally under a scenario), ready to show or print."""

    tahun: int
    profil: AbkProfile
    skenario: str | None
    tanggal: date  # the day the report was computed
    positions: tuple[AbkPositionRow, ...]
    units: tuple[AbkGroupRow, ...]
    opds: tuple[AbkGroupRow, ...]
    totals: AbkGroupRow
    pemicu: tuple[AbkDriverRow, ...] = ()
    rasio: tuple[RatioRow, ...] = ()
    peringatan: tuple[Problem, ...] = ()
    jabatan_tanpa_tugas: int = 0  # active positions with neither tasks nor a workbook count
    instansi: str | None = None  # "Kabupaten Mamuju" when the settings name it

    def position(self, jabatan_id: int) -> AbkPositionRow:
        for row in self.positions:
            if row.jabatan_id == jabatan_id:
                return row
        raise KeyError(jabatan_id)

    def positions_of_opd(self, opd_id: int) -> list[AbkPositionRow]:
        return [p for p in self.positions if p.opd_id == opd_id]

    def opd(self, opd_id: int) -> AbkGroupRow:
        for row in self.opds:
            if row.id == opd_id:
                return row
        raise KeyError(opd_id)

    @property
    def perbedaan(self) -> tuple[AbkPositionRow, ...]:
        """Positions whose register headcount differs from the workbook's."""
        return tuple(p for p in self.positions if p.selisih_data)

    @property
    def drivers(self) -> Mapping[str, float]:
        return {d.nama: d.nilai for d in self.pemicu}

    def to_json(self, *, with_tasks: bool = False) -> dict[str, Any]:
        return {
            "format": JSON_FORMAT,
            "tahun": self.tahun,
            "tanggal": self.tanggal.isoformat(),
            "instansi": self.instansi,
            "skenario": self.skenario,
            "profil": self.profil.to_dict(),
            "pemicu": [d.to_json() for d in self.pemicu],
            "positions": [p.to_json(with_tasks=with_tasks) for p in self.positions],
            "units": [u.to_json("unit_id", "unit") for u in self.units],
            "opds": [o.to_json("opd_id", "opd") for o in self.opds],
            "totals": self.totals.to_json("id", "nama"),
            "rasio": [r.to_json() for r in self.rasio],
            "jabatan_tanpa_tugas": self.jabatan_tanpa_tugas,
            "peringatan": [
                {"kode": p.code, "pesan": render(p.code, p.params)} for p in self.peringatan
            ],
        }


def located_message(problem: Problem, translate: Any = None) -> str:
    """The problem's sentence, prefixed with where it is: 'Baris 7, kolom H (Volume): …'.

    Uses the ``baris``/``kolom`` params (workbook cells) or ``tugas`` (row of a task table).
    ``translate(context, text)`` may localise the templates (the GUI passes Qt's translate).
    """
    pesan = render(problem.code, problem.params, translate)
    params = problem.params
    baris, kolom, tugas = params.get("baris"), params.get("kolom"), params.get("tugas")
    if baris is not None and kolom:
        return render("abk.di_sel", {"baris": baris, "kolom": kolom, "pesan": pesan}, translate)
    if baris is not None:
        return render("abk.di_baris", {"baris": baris, "pesan": pesan}, translate)
    if tugas is not None:
        return render("abk.di_tugas", {"tugas": tugas, "pesan": pesan}, translate)
    return pesan


__all__ = [
    "JSON_FORMAT",
    "AbkDriverRow",
    "AbkGroupRow",
    "AbkPositionRow",
    "AbkReport",
    "AbkTaskRow",
    "RatioRow",
    "SumberPegawai",
    "located_message",
]
