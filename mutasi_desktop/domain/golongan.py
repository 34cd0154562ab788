"""Golongan/ruang and pangkat of PNS (I/a … IV/e) and PPPK golongan (I … XVII)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass

from mutasi_desktop.domain.errors import Problem, Severity
from mutasi_desktop.domain.pegawai import JenisPegawai, TingkatPendidikan
from mutasi_desktop.domain.tanggal import parse_romawi, romawi

FIELD = "golongan"

# Reference 3.2 [V]: (golongan/ruang, pangkat) in ascending order.
PANGKAT_PNS: tuple[tuple[str, str], ...] = (
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
)
_PANGKAT_BY_KODE = dict(PANGKAT_PNS)
_RANK_PNS = {kode: i for i, (kode, _) in enumerate(PANGKAT_PNS, start=1)}

# Reference 3.3 [UNVERIFIED]: PPPK golongan I..XVII, no pangkat names.
PPPK_MAX = 17
_RANK_PPPK = {romawi(n): n for n in range(1, PPPK_MAX + 1)}


@dataclass(frozen=True, order=True)
class Golongan:
    """A golongan in one of the two schemes; ``kode`` is canonical (``III/b`` or ``IX``).

    Sorting puts every PNS golongan before every PPPK one and orders each scheme by ``rank``;
    compare ranks only within a scheme, the two pay scales are not equivalent.
    """

    # First field, so order=True sorts by (scheme, rank) rather than by the text of kode.
    _sort_key: tuple[bool, int] = dataclasses.field(init=False, repr=False)
    kode: str
    is_pppk: bool = False

    def __post_init__(self) -> None:
        table = _RANK_PPPK if self.is_pppk else _RANK_PNS
        if self.kode not in table:
            scheme = "PPPK" if self.is_pppk else "PNS"
            raise ValueError(f"unknown {scheme} golongan code: {self.kode!r}")
        object.__setattr__(self, "_sort_key", (self.is_pppk, table[self.kode]))

    def __str__(self) -> str:
        return self.kode

    @property
    def rank(self) -> int:
        """1 for I/a (or PPPK I) up to 17 for IV/e (or PPPK XVII)."""
        return self._sort_key[1]

    @property
    def pangkat(self) -> str | None:
        return None if self.is_pppk else _PANGKAT_BY_KODE[self.kode]

    @property
    def label(self) -> str:
        """SK style ``Penata Muda Tingkat I, III/b``; PPPK just the numeral."""
        return self.kode if self.pangkat is None else f"{self.pangkat}, {self.kode}"

    @property
    def ruang_romawi(self) -> str:
        """The Roman part: ``III`` of ``III/b``, the whole code for PPPK."""
        return self.kode.split("/")[0]

    @property
    def ruang_huruf(self) -> str | None:
        """The letter of ``III/b``; None for PPPK."""
        return None if self.is_pppk else self.kode.split("/")[1]


ALL_PNS: tuple[Golongan, ...] = tuple(Golongan(kode, False) for kode, _ in PANGKAT_PNS)
ALL_PPPK: tuple[Golongan, ...] = tuple(Golongan(kode, True) for kode in _RANK_PPPK)
_PNS_BY_KODE = {g.kode: g for g in ALL_PNS}
_PPPK_BY_KODE = {g.kode: g for g in ALL_PPPK}


def pns(kode: str) -> Golongan:
    """The PNS golongan with canonical code ``kode`` (``KeyError`` otherwise)."""
    return _PNS_BY_KODE[kode]


def pppk(kode: str) -> Golongan:
    """The PPPK golongan with canonical code ``kode`` (``KeyError`` otherwise)."""
    return _PPPK_BY_KODE[kode]


def next_golongan(g: Golongan) -> Golongan | None:
    """The next higher golongan in the same scheme; None at IV/e or XVII."""
    scheme = ALL_PPPK if g.is_pppk else ALL_PNS
    return scheme[g.rank] if g.rank < len(scheme) else None


# --------------------------------------------------------------------------- parsing

_ROMAN_GOL = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_MAX_RUANG = {1: "d", 2: "d", 3: "d", 4: "e"}
_PNS_CODE = r"(?P<gol>iv|iii|ii|i|[1-4])\s*[/\-.]?\s*(?P<ruang>[a-e])"
_PNS_AT_END_RE = re.compile(rf"(?:^|(?<=[^a-z0-9])){_PNS_CODE}$", re.ASCII)
_PNS_AT_START_RE = re.compile(rf"^{_PNS_CODE}(?=$|[^a-z0-9])", re.ASCII)
_SIASN_ID_RE = re.compile(r"(?P<gol>[1-4])(?P<ruang>[1-5])", re.ASCII)
_PPPK_CODE_RE = re.compile(r"(?:^|(?<=[^a-z0-9]))(?P<code>[ivx]{1,6}|\d{1,2})$", re.ASCII)
_TOKEN_SPLIT_RE = re.compile(r"[\s,;:/\-().\[\]]+")
# Words that may surround a code without changing it ("Gol. IX", "Golongan/Ruang III/b").
_FILLER = frozenset({"gol", "golongan", "ruang", "pangkat", "pppk", "pns", "cpns"})
_TINGKAT = frozenset({"tk", "tkt", "tingkat"})


def _pangkat_key(text: str) -> str:
    """Comparable form of a pangkat: lower case, fillers dropped, ``Tk. I``/``TK 1`` → tingkat i."""
    words = [w for w in _TOKEN_SPLIT_RE.split(text.lower()) if w and w not in _FILLER]
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("tki", "tk1", "tkti"):  # "TkI" written without a space
            out += ["tingkat", "i"]
        elif w in _TINGKAT:
            out.append("tingkat")
            if i + 1 < len(words) and words[i + 1] in ("i", "1"):
                out.append("i")
                i += 1
        else:
            out.append(w)
        i += 1
    return " ".join(out)


_PNS_BY_PANGKAT = {_pangkat_key(p): _PNS_BY_KODE[k] for k, p in PANGKAT_PNS}


def _pns_from_parts(gol_text: str, ruang: str) -> Golongan | None:
    gol = _ROMAN_GOL.get(gol_text) or (int(gol_text) if gol_text.isdigit() else 0)
    if not 1 <= gol <= 4 or ruang > _MAX_RUANG[gol]:
        return None
    return _PNS_BY_KODE[f"{romawi(gol)}/{ruang}"]


def _pns_from_siasn_id(text: str) -> Golongan | None:
    """SIASN ``gol_akhir_id``: 11..14, 21..24, 31..34, 41..45 [UNVERIFIED code list]."""
    m = _SIASN_ID_RE.fullmatch(text)
    if not m:
        return None
    return _pns_from_parts(m["gol"], "abcde"[int(m["ruang"]) - 1])


def _parse_pns(s: str) -> Golongan | None:
    """``s`` is lower-cased, NFKC-normalised and stripped."""
    whole_key = _pangkat_key(s)
    by_pangkat = _PNS_BY_PANGKAT.get(whole_key)
    if by_pangkat is not None:
        return by_pangkat
    if whole_key.isdigit():
        return _pns_from_siasn_id(whole_key)
    for regex, rest_slice in ((_PNS_AT_END_RE, "before"), (_PNS_AT_START_RE, "after")):
        m = regex.search(s)
        if not m:
            continue
        found = _pns_from_parts(m["gol"], m["ruang"])
        if found is None:
            return None
        rest = s[: m.start()] if rest_slice == "before" else s[m.end() :]
        rest_key = _pangkat_key(rest)
        if not rest_key:
            return found
        # A pangkat next to the code must agree with it; a contradiction is not guessed away.
        return found if _PNS_BY_PANGKAT.get(rest_key) is found else None
    return None


def _parse_pppk(s: str, *, allow_arabic: bool) -> Golongan | None:
    m = _PPPK_CODE_RE.search(s)
    if not m or _pangkat_key(s[: m.start()]):
        return None
    code = m["code"]
    if code.isdigit():
        if not allow_arabic:
            return None
        n: int | None = int(code)
    else:
        n = parse_romawi(code)
    if n is None or not 1 <= n <= PPPK_MAX:
        return None
    return _PPPK_BY_KODE[romawi(n)]


def _raw_text(text: object) -> str:
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer():
        text = int(text)  # a numeric cell: 31.0 is the SIASN id 31
    try:
        raw = text if isinstance(text, str) else str(text)
    except Exception:  # arbitrary objects from a reader must not break an import
        return ""
    return raw.strip()


def _normalise(raw: str) -> str:
    return unicodedata.normalize("NFKC", raw).lower().strip(_EDGE_PUNCTUATION)


_EDGE_PUNCTUATION = " \t\r\n\u00a0()[].,;:"
_MAX_TEXT = 200  # longer cells are notes, not a golongan


def parse_golongan(text: object, jenis: JenisPegawai | None = None) -> Golongan | None:
    """Read a golongan written in any of the usual ways; None when unknown or of the wrong scheme.

    PNS: ``III/b``, ``III b``, ``IIIb``, ``III-b``, ``3b``, ``Penata Muda Tk. I (III/b)``,
    ``Pembina Utama Muda, IV/c``, a pangkat alone, or a SIASN id ``31``..``45``.
    PPPK: ``IX``, ``Gol. IX``; Arabic ``9`` only when ``jenis`` is PPPK.
    With ``jenis=None`` the shape decides: a Roman numeral with a letter is PNS, a bare one PPPK.
    """
    if type(text) is str:
        # Fast path for stored, canonical codes (50,000 of them at start-up).
        canonical = _PNS_BY_KODE.get(text) or _PPPK_BY_KODE.get(text)
        if canonical is not None and (
            jenis is None or canonical.is_pppk == (jenis is JenisPegawai.PPPK)
        ):
            return canonical
    s = _normalise(_raw_text(text))
    if not s or len(s) > _MAX_TEXT:
        return None
    if jenis is None:
        return _parse_pns(s) or _parse_pppk(s, allow_arabic=False)
    if jenis is JenisPegawai.PPPK:
        return _parse_pppk(s, allow_arabic=True)
    return _parse_pns(s)


def golongan_problem(text: object, jenis: JenisPegawai | None) -> Problem | None:
    """``golongan.tidak_dikenal`` or ``golongan.tidak_sesuai_jenis``; None if fine or blank.

    A blank value is left to the caller's "wajib diisi" rule.
    """
    raw = _raw_text(text)
    if not _normalise(raw) or parse_golongan(text, jenis) is not None:
        return None
    if jenis is not None:
        other = parse_golongan(
            text, JenisPegawai.PNS if jenis is JenisPegawai.PPPK else JenisPegawai.PPPK
        )
        if other is not None:
            return Problem(
                "golongan.tidak_sesuai_jenis",
                Severity.ERROR,
                FIELD,
                {"value": other.kode, "jenis": jenis.value},
            )
    return Problem("golongan.tidak_dikenal", Severity.ERROR, FIELD, {"value": raw})


# --------------------------------------------------------------------------- education tables

# Entry golongan of a new CPNS by the diploma used to apply: PP 98/2000 as amended by
# PP 11/2002 Pasal 11(4) [S: secondary quotes; not in reference.md].
_AWAL_PNS: dict[TingkatPendidikan, str] = {
    TingkatPendidikan.SD: "I/a",
    TingkatPendidikan.SMP: "I/c",
    TingkatPendidikan.SLTA: "II/a",
    TingkatPendidikan.D1: "II/a",
    TingkatPendidikan.D2: "II/b",
    TingkatPendidikan.D3: "II/c",
    TingkatPendidikan.D4: "III/a",
    TingkatPendidikan.S1: "III/a",
    TingkatPendidikan.S2: "III/b",
    TingkatPendidikan.S3: "III/c",
}

# [UNVERIFIED] Usual ceiling of regular promotion by education, after PP 99/2000 Pasal 8 as
# remembered (not read). A heuristic for demo data and soft warnings only: promotions through
# a jabatan or a new diploma legitimately go higher.
_MAKS_PNS: dict[TingkatPendidikan, str] = {
    TingkatPendidikan.SD: "II/a",
    TingkatPendidikan.SMP: "II/b",
    TingkatPendidikan.SLTA: "III/a",
    TingkatPendidikan.D1: "III/a",
    TingkatPendidikan.D2: "III/b",
    TingkatPendidikan.D3: "III/c",
    TingkatPendidikan.D4: "III/d",
    TingkatPendidikan.S1: "III/d",
    TingkatPendidikan.S2: "IV/a",
    TingkatPendidikan.S3: "IV/b",
}

# Reference 3.3 [UNVERIFIED]: SD I, SLTA V, D-III VII, S-1/D-IV IX, S-2 X, S-3 XI.
# SMP, D-I and D-II are not in the reference; interpolated here [UNVERIFIED].
_AWAL_PPPK: dict[TingkatPendidikan, str] = {
    TingkatPendidikan.SD: "I",
    TingkatPendidikan.SMP: "IV",
    TingkatPendidikan.SLTA: "V",
    TingkatPendidikan.D1: "V",
    TingkatPendidikan.D2: "VI",
    TingkatPendidikan.D3: "VII",
    TingkatPendidikan.D4: "IX",
    TingkatPendidikan.S1: "IX",
    TingkatPendidikan.S2: "X",
    TingkatPendidikan.S3: "XI",
}


def golongan_awal_pns(pendidikan: TingkatPendidikan) -> Golongan:
    """Entry golongan of a CPNS appointed with this education."""
    return _PNS_BY_KODE[_AWAL_PNS[pendidikan]]


def golongan_maks_pns(pendidikan: TingkatPendidikan) -> Golongan:
    """Usual ceiling of regular promotion for this education [UNVERIFIED heuristic]."""
    return _PNS_BY_KODE[_MAKS_PNS[pendidikan]]


def pppk_awal(pendidikan: TingkatPendidikan) -> Golongan:
    """PPPK golongan usually given for this education [UNVERIFIED]."""
    return _PPPK_BY_KODE[_AWAL_PPPK[pendidikan]]
