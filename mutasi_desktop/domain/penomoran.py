"""Decree numbering: patterns with tokens, formatting and reading numbers back, gap arithmetic.

A pattern is text with tokens in braces, e.g. ``{kode}/Kep.{urut}/{unit}/{bulan}/{tahun}``
→ ``800.1.3.1/Kep.12/BKPSDM/III/2026``. ``{{`` and ``}}`` stand for literal braces.

Tokens:

- ``{urut}`` the sequence number (required); ``{urut:3}`` pads it with zeros to 3 digits;
- ``{tahun}`` the year of the decree date (required: sequences restart every year);
- ``{kode}`` the archive classification code (Permendagri 83/2022, e.g. ``800.1.3.1``);
- ``{unit}`` the issuing unit's code (``BKPSDM``);
- ``{bulan}`` the month in Roman numerals (``III``); ``{bulan_angka}`` the month as ``03``.

Two tokens must be separated by literal text so a number can be read back unambiguously.
The register lives in the database; this module is the pure arithmetic around it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.tanggal import bulan_romawi, parse_romawi

DEFAULT_POLA = "{kode}/Kep.{urut}/{unit}/{bulan}/{tahun}"
DEFAULT_KODE = "800.1.3.1"  # reference §4.2: leaf code for mutasi [UNVERIFIED], editable
DEFAULT_UNIT = "BKPSDM"

TOKENS: tuple[str, ...] = ("kode", "urut", "unit", "bulan", "bulan_angka", "tahun")
REQUIRED: tuple[str, ...] = ("urut", "tahun")
MAX_URUT_WIDTH = 6
MAX_URUT = 999_999

# What each token's value may look like when a number is read back.
_VALUE_RE: dict[str, str] = {
    "kode": r"[0-9A-Za-z][0-9A-Za-z.\-]*",
    "unit": r"[0-9A-Za-z][0-9A-Za-z.\-]*",
    "urut": r"[0-9]+",
    "bulan": r"XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I",
    "bulan_angka": r"[0-9]{2}",
    "tahun": r"[0-9]{4}",
}
_CODE_TEXT_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.\-]*")
_TOKEN_RE = re.compile(r"\{([a-z_]+)(?::(\d+))?\}")


@dataclass(frozen=True)
class Token:
    name: str
    width: int = 0  # zero padding of {urut:N}


Part = str | Token


@dataclass(frozen=True)
class NilaiNomor:
    """The values a number is made of."""

    urut: int
    tahun: int
    bulan: int = 1
    kode: str = ""
    unit: str = ""


def _problem(pola: str, detail: str) -> DomainError:
    return DomainError("nomor.pola_tidak_sah", pola=pola, detail=detail)


def _split(pola: str) -> tuple[Part, ...]:
    parts: list[Part] = []
    literal: list[str] = []
    i = 0
    while i < len(pola):
        ch = pola[i]
        if pola.startswith("{{", i):
            literal.append("{")
            i += 2
            continue
        if pola.startswith("}}", i):
            literal.append("}")
            i += 2
            continue
        if ch == "{":
            m = _TOKEN_RE.match(pola, i)
            if m is None:
                raise _problem(pola, "kurung kurawal tanpa nama token yang sah")
            name, width = m[1], m[2]
            if name not in TOKENS:
                raise _problem(pola, f"token {{{name}}} tidak dikenal")
            if width is not None and name != "urut":
                raise _problem(pola, f"hanya {{urut}} yang boleh diberi lebar, bukan {{{name}}}")
            n = int(width) if width is not None else 0
            if n > MAX_URUT_WIDTH:
                raise _problem(pola, f"lebar {{urut}} paling banyak {MAX_URUT_WIDTH}")
            if literal:
                parts.append("".join(literal))
                literal = []
            parts.append(Token(name, n))
            i = m.end()
            continue
        if ch == "}":
            raise _problem(pola, "kurung kurawal tutup tanpa pasangan")
        literal.append(ch)
        i += 1
    if literal:
        parts.append("".join(literal))
    return tuple(parts)


@dataclass(frozen=True)
class PolaNomor:
    """A parsed, validated numbering pattern."""

    teks: str
    parts: tuple[Part, ...]

    @classmethod
    def parse(cls, teks: str) -> PolaNomor:
        """Parse and validate ``teks``; ``DomainError('nomor.pola_tidak_sah')`` when invalid."""
        teks = teks.strip()
        if not teks:
            raise _problem(teks, "pola kosong")
        parts = _split(teks)
        names = [p.name for p in parts if isinstance(p, Token)]
        for name in REQUIRED:
            if name not in names:
                raise _problem(teks, f"token {{{name}}} wajib ada")
        for name in set(names):
            if names.count(name) > 1:
                raise _problem(teks, f"token {{{name}}} muncul lebih dari sekali")
        for a, b in itertools.pairwise(parts):
            if isinstance(a, Token) and isinstance(b, Token):
                raise _problem(teks, "dua token harus dipisahkan teks, misalnya '/'")
        if any(ch.isspace() and ch != " " for p in parts if isinstance(p, str) for ch in p):
            raise _problem(teks, "hanya spasi biasa yang boleh dipakai")
        return cls(teks, parts)

    @property
    def tokens(self) -> frozenset[str]:
        return frozenset(p.name for p in self.parts if isinstance(p, Token))

    def format(self, nilai: NilaiNomor) -> str:
        """The number text for ``nilai``; ``ValueError`` when a value does not fit the pattern."""
        if not 1 <= nilai.urut <= MAX_URUT:
            raise ValueError(f"sequence number out of range: {nilai.urut}")
        if not 1000 <= nilai.tahun <= 9999:
            raise ValueError(f"year out of range: {nilai.tahun}")
        out: list[str] = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            elif part.name == "urut":
                out.append(str(nilai.urut).zfill(part.width))
            elif part.name == "tahun":
                out.append(str(nilai.tahun))
            elif part.name == "bulan":
                out.append(bulan_romawi(nilai.bulan))
            elif part.name == "bulan_angka":
                bulan_romawi(nilai.bulan)  # validates 1..12
                out.append(f"{nilai.bulan:02d}")
            else:
                value = nilai.kode if part.name == "kode" else nilai.unit
                if not _CODE_TEXT_RE.fullmatch(value):
                    raise ValueError(f"{part.name} {value!r} is empty or has odd characters")
                out.append(value)
        return "".join(out)

    def _regex(self) -> re.Pattern[str]:
        pieces: list[str] = []
        for part in self.parts:
            if isinstance(part, str):
                # Spaces are typed loosely ("800 / Kep.388 / BKD / 2014"): any run of spaces
                # may appear around or inside a separator, or be left out.
                chunks = [re.escape(c) for c in part if not c.isspace()]
                pieces.append(r"\s*" + r"\s*".join(chunks) + r"\s*")
            else:
                pieces.append(f"(?P<{part.name}>{_VALUE_RE[part.name]})")
        return re.compile("".join(pieces), re.IGNORECASE)

    def baca(self, teks: str) -> NilaiNomor | None:
        """Read a number written with this pattern back into its values; None if it does not fit.

        Tokens the pattern lacks come back as defaults (month 1, empty codes).
        """
        m = self._regex().fullmatch(teks.strip())
        if m is None:
            return None
        groups = m.groupdict()
        bulan = 1
        if groups.get("bulan"):
            bulan = parse_romawi(groups["bulan"]) or 0
        elif groups.get("bulan_angka"):
            bulan = int(groups["bulan_angka"])
        if not 1 <= bulan <= 12:
            return None
        urut = int(groups["urut"])
        if not 1 <= urut <= MAX_URUT:
            return None
        return NilaiNomor(
            urut=urut,
            tahun=int(groups["tahun"]),
            bulan=bulan,
            kode=groups.get("kode") or "",
            unit=groups.get("unit") or "",
        )

    def contoh(self, kode: str = DEFAULT_KODE, unit: str = DEFAULT_UNIT) -> str:
        """An example number (sequence 12, 12 March 2026) for settings screens."""
        return self.format(NilaiNomor(12, 2026, 3, kode or DEFAULT_KODE, unit or DEFAULT_UNIT))


def check_pola(teks: str, *, seri_per_kode: bool) -> PolaNomor:
    """Parse ``teks`` and check it suits the sequence set-up.

    With separate sequences per classification code, the code must be part of the number,
    otherwise two sequences would print the same numbers.
    """
    pola = PolaNomor.parse(teks)
    if seri_per_kode and "kode" not in pola.tokens:
        raise _problem(teks, "urutan terpisah per kode klasifikasi memerlukan token {kode}")
    return pola


def seri(kode: str, *, seri_per_kode: bool) -> str:
    """The register's sequence key: the classification code, or '' for one shared sequence."""
    return kode if seri_per_kode else ""


def nilai_untuk(urut: int, tanggal: date, kode: str, unit: str) -> NilaiNomor:
    return NilaiNomor(urut=urut, tahun=tanggal.year, bulan=tanggal.month, kode=kode, unit=unit)


def nomor_berikut(terpakai: Iterable[int]) -> int:
    """The next sequence number: the smallest positive number not yet in the register.

    Normally that is the highest plus one. A number reserved ahead by hand leaves a hole that
    the next decrees fill first, so at the end of the year no number is skipped.
    """
    used = set(terpakai)
    n = 1
    while n in used:
        n += 1
    return n


def celah(terpakai: Iterable[int]) -> list[int]:
    """Numbers below the highest one that the register lacks (holes to be filled next)."""
    used = set(terpakai)
    if not used:
        return []
    return [n for n in range(1, max(used)) if n not in used]
