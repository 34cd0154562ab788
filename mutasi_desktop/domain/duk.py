"""Daftar Urut Kepangkatan (DUK): the seniority order of PNS within an agency.

PP 15/1979 orders civil servants by, in turn: pangkat (golongan), jabatan, masa kerja, latihan
jabatan, pendidikan and usia. Latihan jabatan is not recorded here and is skipped; the rest map
onto stored fields: golongan (higher first) and its TMT (earlier first), the level of the
position (structural before functional, higher before lower), TMT CPNS (longer service first),
education (higher first) and birth date (older first). PPPK are not ranked in a DUK.
"""

from __future__ import annotations

from datetime import date

from mutasi_desktop.domain.golongan import parse_golongan
from mutasi_desktop.domain.jabatan import JenjangJabatan
from mutasi_desktop.domain.pegawai import JenisPegawai, TingkatPendidikan

_J = JenjangJabatan
# Lower comes first. Equivalences follow the usual eselon mapping (reference 3.4).
JABATAN_LEVEL: dict[JenjangJabatan, int] = {
    _J.JPT_UTAMA: 1,
    _J.JPT_MADYA: 2,
    _J.JPT_PRATAMA: 3,
    _J.ADMINISTRATOR: 4,
    _J.AHLI_UTAMA: 4,
    _J.PENGAWAS: 5,
    _J.AHLI_MADYA: 5,
    _J.AHLI_MUDA: 6,
    _J.AHLI_PERTAMA: 7,
    _J.PENYELIA: 7,
    _J.MAHIR: 8,
    _J.TERAMPIL: 9,
    _J.PEMULA: 10,
    _J.PELAKSANA: 11,
}
_NO_LEVEL = 12
_LATE = date.max


def in_duk(jenis: JenisPegawai | str) -> bool:
    """PNS and CPNS are ranked; PPPK are not."""
    return JenisPegawai(jenis) is not JenisPegawai.PPPK


def duk_key(
    *,
    golongan: str | None,
    tmt_golongan: date | None,
    jenjang: JenjangJabatan | str | None,
    tmt_cpns: date | None,
    pendidikan: TingkatPendidikan | str | None,
    tanggal_lahir: date | None,
    nama: str = "",
) -> tuple[int, date, int, date, int, date, str]:
    """Sort key: ``sorted(people, key=…)`` gives the DUK from rank 1 downwards."""
    g = parse_golongan(golongan) if golongan else None
    rank = g.rank if g is not None and not g.is_pppk else 0
    level = JABATAN_LEVEL.get(JenjangJabatan(jenjang), _NO_LEVEL) if jenjang else _NO_LEVEL
    edu = TingkatPendidikan(pendidikan).rank if pendidikan else -1
    return (
        -rank,
        tmt_golongan or _LATE,
        level,
        tmt_cpns or _LATE,
        -edu,
        tanggal_lahir or _LATE,
        nama,
    )
