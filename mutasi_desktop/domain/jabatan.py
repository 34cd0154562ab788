"""Jenis and jenjang jabatan, legacy eselon, and the retirement age (BUP) they imply."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from enum import StrEnum

from mutasi_desktop.domain.messages import QT_TRANSLATE_NOOP
from mutasi_desktop.domain.tanggal import parse_romawi, tambah_bulan


class JenisJabatan(StrEnum):
    JPT = "jpt"
    ADMINISTRASI = "administrasi"
    FUNGSIONAL = "fungsional"

    @property
    def label(self) -> str:
        return _JENIS_LABELS[self]


_JENIS_LABELS: dict[JenisJabatan, str] = {
    JenisJabatan.JPT: QT_TRANSLATE_NOOP("Pesan", "Jabatan Pimpinan Tinggi"),
    JenisJabatan.ADMINISTRASI: QT_TRANSLATE_NOOP("Pesan", "Jabatan Administrasi"),
    JenisJabatan.FUNGSIONAL: QT_TRANSLATE_NOOP("Pesan", "Jabatan Fungsional"),
}


class JenjangJabatan(StrEnum):
    """Jenjang in descending order within each jenis (reference 3.4)."""

    JPT_UTAMA = "jpt_utama"
    JPT_MADYA = "jpt_madya"
    JPT_PRATAMA = "jpt_pratama"
    ADMINISTRATOR = "administrator"
    PENGAWAS = "pengawas"
    PELAKSANA = "pelaksana"
    AHLI_UTAMA = "ahli_utama"
    AHLI_MADYA = "ahli_madya"
    AHLI_MUDA = "ahli_muda"
    AHLI_PERTAMA = "ahli_pertama"
    PENYELIA = "penyelia"
    MAHIR = "mahir"
    TERAMPIL = "terampil"
    PEMULA = "pemula"

    @property
    def jenis(self) -> JenisJabatan:
        if self in _JPT:
            return JenisJabatan.JPT
        if self in _ADMINISTRASI:
            return JenisJabatan.ADMINISTRASI
        return JenisJabatan.FUNGSIONAL

    @property
    def label(self) -> str:
        return _JENJANG_LABELS[self]

    @property
    def is_keahlian(self) -> bool:
        return self in _KEAHLIAN

    @property
    def is_keterampilan(self) -> bool:
        return self in _KETERAMPILAN

    @property
    def bup(self) -> int:
        """Batas usia pensiun, PP 11/2017 Pasal 239 (reference 2.3)."""
        return _BUP[self]

    @property
    def eselon(self) -> str | None:
        """Legacy eselon equivalent (UU 5/2014 transitional mapping) [UNVERIFIED]."""
        return _ESELON.get(self)


_J = JenjangJabatan
_JPT = frozenset({_J.JPT_UTAMA, _J.JPT_MADYA, _J.JPT_PRATAMA})
_ADMINISTRASI = frozenset({_J.ADMINISTRATOR, _J.PENGAWAS, _J.PELAKSANA})
_KEAHLIAN = frozenset({_J.AHLI_UTAMA, _J.AHLI_MADYA, _J.AHLI_MUDA, _J.AHLI_PERTAMA})
_KETERAMPILAN = frozenset({_J.PENYELIA, _J.MAHIR, _J.TERAMPIL, _J.PEMULA})

_JENJANG_LABELS: dict[JenjangJabatan, str] = {
    _J.JPT_UTAMA: QT_TRANSLATE_NOOP("Pesan", "JPT Utama"),
    _J.JPT_MADYA: QT_TRANSLATE_NOOP("Pesan", "JPT Madya"),
    _J.JPT_PRATAMA: QT_TRANSLATE_NOOP("Pesan", "JPT Pratama"),
    _J.ADMINISTRATOR: QT_TRANSLATE_NOOP("Pesan", "Administrator"),
    _J.PENGAWAS: QT_TRANSLATE_NOOP("Pesan", "Pengawas"),
    _J.PELAKSANA: QT_TRANSLATE_NOOP("Pesan", "Pelaksana"),
    _J.AHLI_UTAMA: QT_TRANSLATE_NOOP("Pesan", "Ahli Utama"),
    _J.AHLI_MADYA: QT_TRANSLATE_NOOP("Pesan", "Ahli Madya"),
    _J.AHLI_MUDA: QT_TRANSLATE_NOOP("Pesan", "Ahli Muda"),
    _J.AHLI_PERTAMA: QT_TRANSLATE_NOOP("Pesan", "Ahli Pertama"),
    _J.PENYELIA: QT_TRANSLATE_NOOP("Pesan", "Penyelia"),
    _J.MAHIR: QT_TRANSLATE_NOOP("Pesan", "Mahir"),
    _J.TERAMPIL: QT_TRANSLATE_NOOP("Pesan", "Terampil"),
    _J.PEMULA: QT_TRANSLATE_NOOP("Pesan", "Pemula"),
}

BUP_DEFAULT = 58
# PP 11/2017 Pasal 239. One news article gives 60 for administrator/pengawas; the PP says 58.
# Not modelled: JF whose own law sets another BUP (e.g. guru), which the caller must override.
_BUP: dict[JenjangJabatan, int] = {
    **dict.fromkeys(_JPT, 60),
    **dict.fromkeys(_ADMINISTRASI, 58),
    _J.AHLI_UTAMA: 65,
    _J.AHLI_MADYA: 60,
    _J.AHLI_MUDA: 58,
    _J.AHLI_PERTAMA: 58,
    **dict.fromkeys(_KETERAMPILAN, 58),
}

_ESELON: dict[JenjangJabatan, str] = {
    _J.JPT_PRATAMA: "II",
    _J.ADMINISTRATOR: "III",
    _J.PENGAWAS: "IV",
}

# UU 5/2014 Pasal 131 equivalences [S]: eselon I ≈ JPT madya (I.a of an LPNK head would be
# utama, which a regency does not have), II ≈ JPT pratama, III ≈ administrator,
# IV ≈ pengawas, V (and "fungsional umum") ≈ pelaksana.
_JENJANG_BY_ESELON: dict[int, JenjangJabatan] = {
    1: _J.JPT_MADYA,
    2: _J.JPT_PRATAMA,
    3: _J.ADMINISTRATOR,
    4: _J.PENGAWAS,
    5: _J.PELAKSANA,
}


# --------------------------------------------------------------------------- parsing

_WORD_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_ESELON_RE = re.compile(r"\beselon\s*(?P<num>v|iv|iii|ii|i|[1-5])(?:\s*[ab])?\b", re.ASCII)

_ALIASES: dict[str, JenjangJabatan] = {
    **{j.value.replace("_", " "): j for j in JenjangJabatan},
    **{j.label.lower(): j for j in JenjangJabatan},
    "jabatan pimpinan tinggi utama": _J.JPT_UTAMA,
    "jabatan pimpinan tinggi madya": _J.JPT_MADYA,
    "jabatan pimpinan tinggi pratama": _J.JPT_PRATAMA,
    "pimpinan tinggi utama": _J.JPT_UTAMA,
    "pimpinan tinggi madya": _J.JPT_MADYA,
    "pimpinan tinggi pratama": _J.JPT_PRATAMA,
    "fungsional umum": _J.PELAKSANA,
    "jabatan fungsional umum": _J.PELAKSANA,
    "jfu": _J.PELAKSANA,
    "staf": _J.PELAKSANA,
    "staff": _J.PELAKSANA,
    "jabatan pelaksana": _J.PELAKSANA,
    "jabatan administrator": _J.ADMINISTRATOR,
    "jabatan pengawas": _J.PENGAWAS,
    # Pre-2019 names of the keterampilan levels.
    "pelaksana lanjutan": _J.MAHIR,
    "pelaksana pemula": _J.PEMULA,
}
# Words that may precede a jenjang without changing it ("JF Ahli Muda", "Jabatan Fungsional …").
_PREFIX_FILLER = frozenset(
    {"jabatan", "jf", "jft", "fungsional", "tertentu", "struktural", "jenjang", "pejabat"}
)
# A jabatan name ending in a functional jenjang ("Analis Kebijakan Ahli Muda", "Perawat Mahir").
_FUNCTIONAL_SUFFIXES: tuple[tuple[str, JenjangJabatan], ...] = (
    ("ahli utama", _J.AHLI_UTAMA),
    ("ahli madya", _J.AHLI_MADYA),
    ("ahli muda", _J.AHLI_MUDA),
    ("ahli pertama", _J.AHLI_PERTAMA),
    ("pelaksana lanjutan", _J.MAHIR),
    ("pelaksana pemula", _J.PEMULA),
    ("penyelia", _J.PENYELIA),
    ("mahir", _J.MAHIR),
    ("terampil", _J.TERAMPIL),
    ("pemula", _J.PEMULA),
)


def _words(text: str) -> list[str]:
    return [w for w in _WORD_SPLIT_RE.split(text) if w]


def parse_jenjang(text: object) -> JenjangJabatan | None:
    """Jenjang from a label, enum value, SIASN wording or legacy eselon; None when unknown.

    ``Pelaksana``, ``JF Ahli Muda``, ``Fungsional Umum`` (pelaksana), ``Eselon III.a``
    (administrator), ``Eselon IV.b`` (pengawas), ``Eselon II.b`` (JPT pratama), and jabatan
    names ending in a functional jenjang (``Pranata Komputer Ahli Pertama``).
    """
    if text is None or isinstance(text, bool):
        return None
    if isinstance(text, JenjangJabatan):
        return text
    try:
        raw = text if isinstance(text, str) else str(text)
    except Exception:  # arbitrary objects from a reader must not break an import
        return None
    s = unicodedata.normalize("NFKC", raw).casefold().replace("_", " ")
    if len(s) > 200:
        return None

    if m := _ESELON_RE.search(s):
        num = m["num"]
        level = int(num) if num.isdigit() else parse_romawi(num)
        return _JENJANG_BY_ESELON.get(level or 0)

    words = _words(s)
    key = " ".join(words)
    if key in _ALIASES:
        return _ALIASES[key]
    while words and words[0] in _PREFIX_FILLER:
        words = words[1:]
        key = " ".join(words)
        if key in _ALIASES:
            return _ALIASES[key]
    for suffix, jenjang in _FUNCTIONAL_SUFFIXES:
        if key == suffix or key.endswith(" " + suffix):
            return jenjang
    return None


# --------------------------------------------------------------------------- retirement


def bup_for(jenjang: JenjangJabatan | None) -> int:
    """BUP of a jenjang; 58 (the general age) when the jenjang is unknown."""
    return BUP_DEFAULT if jenjang is None else jenjang.bup


def tanggal_pensiun(birth_date: date, bup: int) -> date:
    """TMT pensiun: the 1st of the month after the month in which the person reaches ``bup``.

    Born 15 March 1968 with BUP 58 → 1 April 2026 (born on the 1st still means next month).
    """
    return tambah_bulan(date(birth_date.year + bup, birth_date.month, 1), 1)


def is_pensiun_dalam(birth_date: date, bup: int, today: date, months: int) -> bool:
    """True when the TMT pensiun falls on or before ``today`` + ``months`` months.

    Already-retired people (TMT pensiun in the past) count too: they need attention as well.
    """
    if months < 0:
        raise ValueError(f"months must not be negative: {months}")
    return tanggal_pensiun(birth_date, bup) <= tambah_bulan(today, months)
