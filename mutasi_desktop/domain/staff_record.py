"""The editable staff record (a plain draft) and its field-level validation."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from mutasi_desktop.domain.errors import Problem, Severity
from mutasi_desktop.domain.golongan import golongan_problem, parse_golongan
from mutasi_desktop.domain.messages import QT_TRANSLATE_NOOP
from mutasi_desktop.domain.nip import check_nip, cross_check_nip, normalize_nip
from mutasi_desktop.domain.pegawai import (
    Agama,
    JenisKelamin,
    JenisPegawai,
    StatusPegawai,
    TingkatPendidikan,
)
from mutasi_desktop.domain.tanggal import format_tanggal

FIELD_LABELS: dict[str, str] = {
    "nip": QT_TRANSLATE_NOOP("Pesan", "NIP"),
    "nip_lama": QT_TRANSLATE_NOOP("Pesan", "NIP lama"),
    "nama": QT_TRANSLATE_NOOP("Pesan", "Nama"),
    "gelar_depan": QT_TRANSLATE_NOOP("Pesan", "Gelar depan"),
    "gelar_belakang": QT_TRANSLATE_NOOP("Pesan", "Gelar belakang"),
    "tempat_lahir": QT_TRANSLATE_NOOP("Pesan", "Tempat lahir"),
    "tanggal_lahir": QT_TRANSLATE_NOOP("Pesan", "Tanggal lahir"),
    "jenis_kelamin": QT_TRANSLATE_NOOP("Pesan", "Jenis kelamin"),
    "agama": QT_TRANSLATE_NOOP("Pesan", "Agama"),
    "jenis_pegawai": QT_TRANSLATE_NOOP("Pesan", "Jenis pegawai"),
    "golongan": QT_TRANSLATE_NOOP("Pesan", "Golongan"),
    "tmt_golongan": QT_TRANSLATE_NOOP("Pesan", "TMT golongan"),
    "unit_id": QT_TRANSLATE_NOOP("Pesan", "Unit kerja"),
    "jabatan_id": QT_TRANSLATE_NOOP("Pesan", "Jabatan"),
    "tmt_jabatan": QT_TRANSLATE_NOOP("Pesan", "TMT jabatan"),
    "pendidikan_tingkat": QT_TRANSLATE_NOOP("Pesan", "Tingkat pendidikan"),
    "pendidikan_jurusan": QT_TRANSLATE_NOOP("Pesan", "Jurusan"),
    "tahun_lulus": QT_TRANSLATE_NOOP("Pesan", "Tahun lulus"),
    "tmt_cpns": QT_TRANSLATE_NOOP("Pesan", "TMT CPNS"),
    "tmt_pns": QT_TRANSLATE_NOOP("Pesan", "TMT PNS"),
    "status": QT_TRANSLATE_NOOP("Pesan", "Status"),
    "kontrak_selesai": QT_TRANSLATE_NOOP("Pesan", "Akhir kontrak"),
    "catatan": QT_TRANSLATE_NOOP("Pesan", "Catatan"),
}

MAX_LENGTHS = {
    "nama": 150,
    "gelar_depan": 40,
    "gelar_belakang": 60,
    "tempat_lahir": 80,
    "pendidikan_jurusan": 150,
    "nip_lama": 20,
}


@dataclass(frozen=True)
class KompetensiItem:
    nama: str
    tingkat: str | None = None
    keterangan: str | None = None


@dataclass(frozen=True)
class PelatihanItem:
    nama: str
    penyelenggara: str | None = None
    tanggal_mulai: date | None = None
    tanggal_selesai: date | None = None
    jam_pelajaran: int | None = None
    status: str = "selesai"


@dataclass(frozen=True)
class AspirasiItem:
    sikap: str  # bersedia | tidak_bersedia | ingin_pindah
    tanggal: date | None = None
    opd_tujuan_id: int | None = None
    lokasi_tujuan: str | None = None
    alasan: str | None = None
    sumber: str | None = None


SIKAP_ASPIRASI: dict[str, str] = {
    "bersedia": QT_TRANSLATE_NOOP("Pesan", "Bersedia dipindahkan"),
    "tidak_bersedia": QT_TRANSLATE_NOOP("Pesan", "Tidak bersedia pindah"),
    "ingin_pindah": QT_TRANSLATE_NOOP("Pesan", "Mengajukan pindah"),
}


@dataclass(frozen=True)
class StaffDraft:
    """Everything a clerk can edit on one person; the service turns it into rows."""

    nip: str
    nama: str
    jenis_pegawai: JenisPegawai
    unit_id: int | None
    nip_lama: str | None = None
    gelar_depan: str | None = None
    gelar_belakang: str | None = None
    tempat_lahir: str | None = None
    tanggal_lahir: date | None = None
    jenis_kelamin: JenisKelamin | None = None
    agama: Agama | None = None
    golongan: str | None = None
    tmt_golongan: date | None = None
    jabatan_id: int | None = None
    tmt_jabatan: date | None = None
    pendidikan_tingkat: TingkatPendidikan | None = None
    pendidikan_jurusan: str | None = None
    tahun_lulus: int | None = None
    tmt_cpns: date | None = None
    tmt_pns: date | None = None
    status: StatusPegawai = StatusPegawai.AKTIF
    hukuman_disiplin: bool = False
    kontrak_selesai: date | None = None
    catatan: str | None = None
    kompetensi: tuple[KompetensiItem, ...] = field(default_factory=tuple)
    pelatihan: tuple[PelatihanItem, ...] = field(default_factory=tuple)
    aspirasi: tuple[AspirasiItem, ...] = field(default_factory=tuple)

    def normalised(self) -> StaffDraft:
        """Trim text, canonicalise NIP digits and golongan code; empty strings become None."""
        changes: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if type(value) is str:  # enums are str subclasses: leave them alone
                stripped = " ".join(value.split())
                changes[f.name] = stripped if stripped or f.name in ("nip", "nama") else None
        changes["nip"] = normalize_nip(self.nip)
        if self.golongan:
            parsed = parse_golongan(self.golongan, self.jenis_pegawai)
            if parsed is not None:
                changes["golongan"] = parsed.kode
        return replace(self, **changes)


def _problem(code: str, fld: str, severity: Severity = Severity.ERROR, **params: Any) -> Problem:
    return Problem(code, severity, fld, {"label": FIELD_LABELS.get(fld, fld), **params})


def validate_staff(draft: StaffDraft, *, today: date) -> list[Problem]:
    """Field-level problems of a (normalised) draft, each naming its field."""
    d = draft.normalised()
    problems: list[Problem] = []
    if not d.nip:
        problems.append(_problem("nip.kosong", "nip"))
    else:
        check = check_nip(d.nip, jenis=d.jenis_pegawai, today=today)
        problems.extend(check.problems)
        if check.nip is not None and d.jenis_pegawai.is_pns_like:
            problems.extend(
                cross_check_nip(check.nip, birth_date=d.tanggal_lahir, gender=d.jenis_kelamin)
            )
    if not d.nama:
        problems.append(_problem("field.wajib", "nama"))
    for name, limit in MAX_LENGTHS.items():
        value = getattr(d, name)
        if value and len(value) > limit:
            problems.append(_problem("field.terlalu_panjang", name, max=limit))
    if d.unit_id is None:
        problems.append(_problem("field.wajib", "unit_id"))
    if d.golongan:
        gp = golongan_problem(d.golongan, d.jenis_pegawai)
        if gp is not None:
            problems.append(gp)
    if d.tanggal_lahir is None:
        problems.append(_problem("field.wajib", "tanggal_lahir"))
    elif d.tanggal_lahir > today:
        problems.append(
            _problem("tanggal.masa_depan", "tanggal_lahir", value=format_tanggal(d.tanggal_lahir))
        )
    for name in ("tmt_golongan", "tmt_jabatan", "tmt_cpns", "tmt_pns"):
        value = getattr(d, name)
        if value is not None and d.tanggal_lahir is not None and value <= d.tanggal_lahir:
            problems.append(_problem("tanggal.sebelum_lahir", name, value=format_tanggal(value)))
    if d.tmt_cpns and d.tmt_pns and d.tmt_pns < d.tmt_cpns:
        problems.append(
            _problem("tanggal.pns_sebelum_cpns", "tmt_pns", value=format_tanggal(d.tmt_pns))
        )
    if d.tahun_lulus is not None and not (1940 <= d.tahun_lulus <= today.year):
        problems.append(_problem("field.tahun_salah", "tahun_lulus", value=d.tahun_lulus))
    for item in d.kompetensi:
        if not item.nama.strip():
            problems.append(_problem("field.wajib", "kompetensi", label="Nama kompetensi"))
    for p in d.pelatihan:
        if not p.nama.strip():
            problems.append(_problem("field.wajib", "pelatihan", label="Nama pelatihan"))
    return problems
