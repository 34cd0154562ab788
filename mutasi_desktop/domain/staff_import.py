"""Staff import, the pure part: header aliases and detection, row kinds, cell parsing, checks.

Input is a grid of raw cell values (what a spreadsheet reader returns); output is one
:class:`ImportRecord` per data row with its parsed values and every problem found, each naming
its row and column. Nothing here touches a database: whether a NIP is new, changed or belongs
to somebody else is decided by the service, which also owns the transaction.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from operator import itemgetter
from typing import Any

from mutasi_desktop.domain.errors import Problem, Severity
from mutasi_desktop.domain.golongan import golongan_problem, parse_golongan
from mutasi_desktop.domain.messages import QT_TRANSLATE_NOOP, render
from mutasi_desktop.domain.nip import NIP_LENGTH, Nip, check_nip, cross_check_nip
from mutasi_desktop.domain.org_match import edit_distance
from mutasi_desktop.domain.pegawai import (
    Agama,
    JenisKelamin,
    JenisPegawai,
    StatusPegawai,
    TingkatPendidikan,
    parse_jenis_kelamin,
    parse_tingkat_pendidikan,
)
from mutasi_desktop.domain.pencarian import fold
from mutasi_desktop.domain.staff_record import FIELD_LABELS, MAX_LENGTHS
from mutasi_desktop.domain.tanggal import format_tanggal, parse_tanggal

HEADER_SCAN_ROWS = 30
TICK_EVERY = 2_000

# --------------------------------------------------------------------------- fields


class Kind(StrEnum):
    NIP = "nip"
    DIGITS = "digits"
    TEXT = "text"
    DATE = "date"
    TTL = "ttl"
    GENDER = "gender"
    AGAMA = "agama"
    JENIS = "jenis"
    CPNS_PNS = "cpns_pns"
    STATUS = "status"
    GOLONGAN = "golongan"
    PENDIDIKAN = "pendidikan"
    YEAR = "year"


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str
    kind: Kind


_EXTRA_LABELS = {
    "tempat_tanggal_lahir": QT_TRANSLATE_NOOP("Pesan", "Tempat, tanggal lahir"),
    "status_cpns_pns": QT_TRANSLATE_NOOP("Pesan", "Status CPNS/PNS"),
    "opd": QT_TRANSLATE_NOOP("Pesan", "OPD"),
    "unit": QT_TRANSLATE_NOOP("Pesan", "Unit kerja"),
    "jabatan": QT_TRANSLATE_NOOP("Pesan", "Jabatan"),
    "jenis_jabatan": QT_TRANSLATE_NOOP("Pesan", "Jenis jabatan"),
    "eselon": QT_TRANSLATE_NOOP("Pesan", "Eselon"),
}


def _f(key: str, kind: Kind) -> ImportField:
    return ImportField(key, _EXTRA_LABELS.get(key) or FIELD_LABELS[key], kind)


# Display order of the mapping page.
FIELDS: tuple[ImportField, ...] = (
    _f("nip", Kind.NIP),
    _f("nip_lama", Kind.DIGITS),
    _f("nama", Kind.TEXT),
    _f("gelar_depan", Kind.TEXT),
    _f("gelar_belakang", Kind.TEXT),
    _f("tempat_lahir", Kind.TEXT),
    _f("tanggal_lahir", Kind.DATE),
    _f("tempat_tanggal_lahir", Kind.TTL),
    _f("jenis_kelamin", Kind.GENDER),
    _f("agama", Kind.AGAMA),
    _f("jenis_pegawai", Kind.JENIS),
    _f("status_cpns_pns", Kind.CPNS_PNS),
    _f("status", Kind.STATUS),
    _f("golongan", Kind.GOLONGAN),
    _f("tmt_golongan", Kind.DATE),
    _f("opd", Kind.TEXT),
    _f("unit", Kind.TEXT),
    _f("jabatan", Kind.TEXT),
    _f("jenis_jabatan", Kind.TEXT),
    _f("eselon", Kind.TEXT),
    _f("tmt_jabatan", Kind.DATE),
    _f("pendidikan_tingkat", Kind.PENDIDIKAN),
    _f("pendidikan_jurusan", Kind.TEXT),
    _f("tahun_lulus", Kind.YEAR),
    _f("tmt_cpns", Kind.DATE),
    _f("tmt_pns", Kind.DATE),
    _f("kontrak_selesai", Kind.DATE),
    _f("catatan", Kind.TEXT),
)
FIELD_BY_KEY: dict[str, ImportField] = {f.key: f for f in FIELDS}
REQUIRED_FIELDS = ("nip", "nama")
# Person fields stored on the pegawai row (the organisation names are resolved by the service).
PERSON_FIELDS = (
    "nip",
    "nip_lama",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "tempat_lahir",
    "tanggal_lahir",
    "jenis_kelamin",
    "agama",
    "jenis_pegawai",
    "status",
    "golongan",
    "tmt_golongan",
    "tmt_jabatan",
    "pendidikan_tingkat",
    "pendidikan_jurusan",
    "tahun_lulus",
    "tmt_cpns",
    "tmt_pns",
    "kontrak_selesai",
    "catatan",
)
ORG_FIELDS = ("opd", "unit", "jabatan", "jenis_jabatan", "eselon")
_LENGTH_LIMITS = {**MAX_LENGTHS, "opd": 200, "unit": 200, "jabatan": 250, "eselon": 10}

# --------------------------------------------------------------------------- header aliases

# (field, priority, aliases). Lower priority wins when two columns name the same field
# (a SIMPEG sheet with both "Pangkat" and "Gol" maps golongan to "Gol").
_ALIAS_TABLE: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("nip", 0, ("nip baru", "nip", "nip 18", "nip 18 digit", "nomor induk pegawai")),
    ("nip", 1, ("no induk pegawai", "nip nipppk", "nip ni pppk", "nip pppk", "ni pppk")),
    ("nip", 1, ("nomor nip", "no nip", "nip nrp", "nip pegawai")),
    ("nip_lama", 0, ("nip lama", "nip 9 digit", "nip 9")),
    ("nama", 0, ("nama", "nama pegawai", "nama lengkap", "nama asn", "nama pns")),
    ("nama", 1, ("nama tanpa gelar", "nama karyawan")),
    ("gelar_depan", 0, ("gelar depan", "glr depan", "gelar dpn")),
    ("gelar_belakang", 0, ("gelar belakang", "glr belakang", "gelar blkg", "gelar blk")),
    ("tempat_lahir", 0, ("tempat lahir nama", "tempat lahir", "tmp lahir", "tpt lahir")),
    ("tempat_lahir", 1, ("tmpt lahir", "kota lahir")),
    ("tanggal_lahir", 0, ("tanggal lahir", "tgl lahir", "tanggal lhr", "tgl lhr")),
    (
        "tempat_tanggal_lahir",
        0,
        (
            "tempat tanggal lahir",
            "tempat tgl lahir",
            "ttl",
            "tmp tgl lahir",
            "tempat dan tgl lahir",
        ),
    ),
    ("tempat_tanggal_lahir", 0, ("tempat dan tanggal lahir", "tmp tanggal lahir")),
    ("jenis_kelamin", 0, ("jenis kelamin", "jenis kelamin nama", "jk", "l p", "kelamin")),
    ("jenis_kelamin", 1, ("jns kelamin", "gender", "sex")),
    ("agama", 0, ("agama nama", "agama")),
    ("jenis_pegawai", 0, ("jenis pegawai nama", "jenis pegawai", "jenis asn", "jns pegawai")),
    ("jenis_pegawai", 1, ("status pegawai", "status kepegawaian", "status asn")),
    ("jenis_pegawai", 1, ("jenis kepegawaian",)),
    ("status_cpns_pns", 0, ("status cpns pns", "status cpns")),
    ("status", 0, ("kedudukan hukum nama", "kedudukan hukum", "kedudukan pns nama")),
    ("status", 1, ("kedudukan pns", "kedudukan", "status kedudukan")),
    ("golongan", 0, ("gol akhir nama", "golongan", "gol ruang", "golongan ruang", "gol")),
    ("golongan", 0, ("pangkat gol", "pangkat golongan", "pangkat gol ruang")),
    ("golongan", 0, ("pangkat golongan ruang", "gol ruang akhir", "golongan terakhir")),
    ("golongan", 1, ("gol akhir", "pangkat gol terakhir")),
    ("golongan", 2, ("pangkat", "pangkat terakhir")),
    ("tmt_golongan", 0, ("tmt golongan", "tmt gol", "tmt pangkat", "tmt gol akhir")),
    ("tmt_golongan", 0, ("tmt pangkat gol", "tmt pangkat golongan", "tmt gol ruang")),
    ("tmt_golongan", 0, ("tmt golongan ruang", "tmt pangkat gol ruang")),
    ("opd", 0, ("unor induk nama", "opd", "skpd", "perangkat daerah", "nama opd", "nama skpd")),
    ("opd", 1, ("nama satker", "satker", "satuan kerja", "unit kerja induk", "unor induk")),
    ("opd", 1, ("organisasi perangkat daerah", "instansi opd")),
    ("unit", 0, ("unor nama", "unit kerja", "unit organisasi", "nama unit kerja", "unor")),
    ("unit", 1, ("unit", "sub unit kerja", "unit kerja terakhir", "nama unor")),
    ("unit", 2, ("bidang", "sub bagian bidang")),
    ("jabatan", 0, ("jabatan nama", "jabatan", "nama jabatan")),
    ("jabatan", 1, ("jabatan terakhir", "jabatan sekarang", "jabatan saat ini")),
    ("jenis_jabatan", 0, ("jenis jabatan nama", "jenis jabatan", "jns jabatan")),
    ("eselon", 0, ("eselon nama", "eselon")),
    ("tmt_jabatan", 0, ("tmt jabatan", "tmt jabatan terakhir")),
    (
        "pendidikan_tingkat",
        0,
        ("tingkat pendidikan nama", "tingkat pendidikan", "pendidikan terakhir"),
    ),
    ("pendidikan_tingkat", 0, ("jenjang pendidikan", "pendidikan tingkat", "pend terakhir")),
    ("pendidikan_tingkat", 1, ("pendidikan", "tingkat pendidikan terakhir")),
    ("pendidikan_jurusan", 0, ("pendidikan nama", "jurusan", "program studi", "prodi")),
    ("pendidikan_jurusan", 1, ("jurusan pendidikan", "nama pendidikan")),
    ("tahun_lulus", 0, ("tahun lulus", "thn lulus", "tahun lulus pendidikan")),
    ("tmt_cpns", 0, ("tmt cpns",)),
    ("tmt_pns", 0, ("tmt pns",)),
    ("kontrak_selesai", 0, ("akhir kontrak", "tanggal akhir kontrak", "tmt akhir kontrak")),
    ("kontrak_selesai", 0, ("kontrak selesai", "masa kontrak berakhir", "selesai kontrak")),
    ("catatan", 1, ("catatan", "keterangan", "ket")),
)

# Known columns that are deliberately not imported. Listing them stops the typo matcher from
# reading "tmt pns" into "tmt cpns" or "jabatan id" into "jabatan".
_IGNORED_HEADERS: tuple[str, ...] = (
    "no",
    "no urut",
    "nomor",
    "nomor urut",
    "pns id",
    "id",
    "tempat lahir id",
    "agama id",
    "jenis kawin id",
    "jenis kawin nama",
    "status kawin",
    "nik",
    "nomor hp",
    "no hp",
    "telepon",
    "email",
    "email gov",
    "alamat",
    "npwp nomor",
    "npwp",
    "bpjs",
    "jenis pegawai id",
    "kedudukan hukum id",
    "kedudukan pns id",
    "kartu asn virtual",
    "nomor sk cpns",
    "tanggal sk cpns",
    "nomor sk pns",
    "tanggal sk pns",
    "gol awal id",
    "gol awal nama",
    "gol akhir id",
    "mk tahun",
    "mk bulan",
    "masa kerja",
    "masa kerja tahun",
    "masa kerja bulan",
    "usia",
    "umur",
    "jenis jabatan id",
    "jabatan id",
    "tingkat pendidikan id",
    "pendidikan id",
    "kpkn id",
    "kpkn nama",
    "lokasi kerja id",
    "lokasi kerja nama",
    "unor id",
    "unor induk id",
    "instansi induk id",
    "instansi induk nama",
    "instansi kerja id",
    "instansi kerja nama",
    "satuan kerja induk id",
    "satuan kerja induk nama",
    "satuan kerja kerja id",
    "satuan kerja kerja nama",
    "is valid nik",
    "eselon id",
    "flag ikd",
)

_NON_ALNUM_RE = re.compile(r"[^0-9a-z]+")


def header_key(text: object) -> str:
    """Comparable form of a header: accents, case, punctuation and extra spaces dropped."""
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    s = fold(unicodedata.normalize("NFKC", str(text)))
    return " ".join(_NON_ALNUM_RE.sub(" ", s).split())


def _compact(key: str) -> str:
    return key.replace(" ", "")


def _token_set(key: str) -> str:
    return " ".join(sorted(dict.fromkeys(key.split())))


@dataclass(frozen=True)
class HeaderMatch:
    field: str
    priority: int
    fuzzy: bool = False


_BY_COMPACT: dict[str, HeaderMatch] = {}
_BY_TOKENS: dict[str, HeaderMatch] = {}
for _field, _prio, _aliases in _ALIAS_TABLE:
    for _alias in _aliases:
        _key = header_key(_alias)
        _BY_COMPACT.setdefault(_compact(_key), HeaderMatch(_field, _prio))
        _BY_TOKENS.setdefault(_token_set(_key), HeaderMatch(_field, _prio))
_IGNORED_COMPACT = frozenset(_compact(header_key(h)) for h in _IGNORED_HEADERS)
_ALL_COMPACT: tuple[tuple[str, HeaderMatch | None], ...] = (
    *((k, m) for k, m in _BY_COMPACT.items()),
    *((k, None) for k in _IGNORED_COMPACT),
)
_FUZZY_MAX_LEN = 40


def _exact_match(key: str) -> HeaderMatch | None:
    if not key:
        return None
    compact = _compact(key)
    found = _BY_COMPACT.get(compact)
    if found is not None:
        return found
    if compact in _IGNORED_COMPACT:
        return None
    return _BY_TOKENS.get(_token_set(key))


def _is_known(key: str) -> bool:
    compact = _compact(key)
    return compact in _BY_COMPACT or compact in _IGNORED_COMPACT


def _fuzzy_match(key: str) -> HeaderMatch | None:
    """A typo of exactly one alias (distance 1, or 2 for long headers); never a guess."""
    compact = _compact(key)
    if len(compact) < 5 or len(compact) > _FUZZY_MAX_LEN or _is_known(key):
        return None
    limit = 2 if len(compact) >= 10 else 1
    best = limit + 1
    found: set[str | None] = set()
    matches: dict[str | None, HeaderMatch | None] = {}
    for alias, match in _ALL_COMPACT:
        d = edit_distance(compact, alias, limit)
        if d > limit:
            continue
        target = match.field if match else None
        if d < best:
            best, found, matches = d, {target}, {target: match}
        elif d == best:
            found.add(target)
            matches.setdefault(target, match)
    if len(found) != 1:
        return None
    match = next(iter(matches.values()))
    return None if match is None else HeaderMatch(match.field, match.priority + 1, True)


def match_header(text: object) -> HeaderMatch | None:
    """The field a header names: exact alias, word order ignored, or a one-letter typo."""
    key = header_key(text)
    return _exact_match(key) or _fuzzy_match(key)


# --------------------------------------------------------------------------- cells


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    return False


def _float_digits(value: float) -> str:
    """The digits Excel shows for a large whole number (15 significant digits)."""
    try:
        return str(int(Decimal(f"{value:.15g}")))
    except (InvalidOperation, ValueError, OverflowError):
        return repr(value)


def display_value(value: object, limit: int = 200) -> str:
    """A cell value as a person reads it in the sheet (dates dd-mm-yyyy, no trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer():
            return str(int(value)) if abs(value) < 1e15 else _float_digits(value)
        return f"{value:.15g}"
    if isinstance(value, datetime):
        text = value.strftime("%d-%m-%Y")
        if (value.hour, value.minute, value.second) != (0, 0, 0):
            text += value.strftime(" %H:%M")
        return text
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    try:
        text = value if isinstance(value, str) else str(value)
    except Exception:  # an exotic object from a reader must not break a report
        return "?"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cell_text(value: object) -> str:
    """A header or label cell as stripped text."""
    if is_blank(value):
        return ""
    return " ".join(display_value(value).split())


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (spreadsheet column names)."""
    letters = ""
    n = index + 1
    while n > 0:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# --------------------------------------------------------------------------- header detection


@dataclass(frozen=True)
class HeaderInfo:
    """Where the header is and what it says. ``row`` is 0-based; ``labels`` has one entry per
    column (a two-row header joins its parts with " › ")."""

    row: int
    height: int
    labels: tuple[str, ...]
    mapping: dict[str, int]
    fuzzy: frozenset[str] = frozenset()

    @property
    def data_start(self) -> int:
        return self.row + self.height

    @property
    def signature(self) -> str:
        """Identifies a source layout (SIASN export, the office's own sheet) for remembered
        mappings: the normalised labels in order."""
        text = "|".join(header_key(label) for label in self.labels)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _row_labels(row: Sequence[object], width: int) -> list[str]:
    return [_cell_text(row[c]) if c < len(row) else "" for c in range(width)]


def _two_row_labels(top: list[str], bottom: list[str]) -> list[list[str]]:
    """Candidate labels per column for a header split over two rows, best first.

    A group title ("Pangkat/Gol") usually sits over several sub-headings ("Gol", "TMT"); with
    merge information the reader already copied it across, otherwise it is carried to the right
    over empty top cells that have a sub-heading below.
    """
    candidates: list[list[str]] = []
    group = ""
    for t, b in zip(top, bottom, strict=True):
        if t:
            group = t if b else ""
        elif b and group:
            t = group
        else:
            group = ""
        if t and b and header_key(t) != header_key(b):
            words = list(dict.fromkeys(f"{header_key(t)} {header_key(b)}".split()))
            candidates.append([" ".join(words), b, t])
        else:
            candidates.append([t or b])
    return candidates


def _match_labels(
    options: list[list[str]], *, fuzzy: bool
) -> tuple[dict[str, int], dict[str, int], set[str]]:
    """field → column and its priority; on conflicts the best priority, then the leftmost."""
    mapping: dict[str, int] = {}
    prio: dict[str, int] = {}
    fuzzy_fields: set[str] = set()
    for col, labels in enumerate(options):
        match = None
        for label in labels:
            match = _exact_match(header_key(label))
            if match is not None:
                break
        if match is None and fuzzy:
            for label in labels:
                match = _fuzzy_match(header_key(label))
                if match is not None:
                    break
        if match is None:
            continue
        if match.field not in mapping or match.priority < prio[match.field]:
            mapping[match.field] = col
            prio[match.field] = match.priority
            if match.fuzzy:
                fuzzy_fields.add(match.field)
            else:
                fuzzy_fields.discard(match.field)
    return mapping, prio, fuzzy_fields


def _looks_like_data(labels: list[str]) -> bool:
    """A row with an 18-digit number in it is a person, not a header."""
    return any(sum(ch.isdigit() for ch in label) >= 15 for label in labels)


def detect_header(rows: Sequence[Sequence[object]], max_scan: int = HEADER_SCAN_ROWS) -> HeaderInfo:
    """Find the header among the first rows: one row or two merged rows, title rows above.

    Always returns a best guess (row 0 when nothing matches) so a person can map by hand;
    :func:`missing_required` says whether the guess is usable.
    """
    scan = [list(r) for r in rows[:max_scan]]
    width = max((len(r) for r in scan), default=0)
    scored: list[tuple[tuple[int, int, int, int], int, int, list[list[str]]]] = []
    for i, row in enumerate(scan):
        top = _row_labels(row, width)
        if not any(top) or _looks_like_data(top):
            continue
        single = [[label] for label in top]
        m1, _, _ = _match_labels(single, fuzzy=False)
        scored.append((_score(m1, 1, i), i, 1, single))
        if i + 1 < len(scan):
            bottom = _row_labels(scan[i + 1], width)
            if any(bottom) and not _looks_like_data(bottom):
                double = _two_row_labels(top, bottom)
                m2, _, _ = _match_labels(double, fuzzy=False)
                if len(m2) > len(m1):
                    scored.append((_score(m2, 2, i), i, 2, double))
    if not scored:
        return HeaderInfo(0, 1, tuple(_row_labels(scan[0], width)) if scan else (), {})
    scored.sort(key=lambda item: item[0], reverse=True)
    best: tuple[tuple[int, int, int, int], HeaderInfo] | None = None
    # Typos only matter for the few rows that already look like a header.
    for _, i, height, options in scored[:4]:
        mapping, _, fuzzy_fields = _match_labels(options, fuzzy=True)
        labels = tuple(
            " › ".join(dict.fromkeys(p for p in (opts[-1], opts[1]) if p))
            if len(opts) == 3
            else opts[0]
            for opts in options
        )
        info = HeaderInfo(i, height, labels, mapping, frozenset(fuzzy_fields))
        score = _score(mapping, height, i)
        if best is None or score > best[0]:
            best = (score, info)
    assert best is not None
    return best[1]


def _score(mapping: Mapping[str, int], height: int, row: int) -> tuple[int, int, int, int]:
    required = sum(1 for f in REQUIRED_FIELDS if f in mapping)
    # More required fields, then more fields, then one row over two, then the earlier row.
    return (required, len(mapping), -height, -row)


def missing_required(mapping: Mapping[str, int]) -> list[str]:
    return [f for f in REQUIRED_FIELDS if f not in mapping]


# --------------------------------------------------------------------------- problems


@dataclass(frozen=True)
class CellProblem:
    """One finding, located: ``row`` is the sheet row (1-based, 0 for the file as a whole),
    ``column`` the 0-based column (None when no single cell is to blame)."""

    row: int
    column: int | None
    field: str | None
    code: str
    severity: Severity
    value: str
    params: dict[str, Any]

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def column_letter(self) -> str:
        return "" if self.column is None else column_letter(self.column)

    @property
    def location(self) -> tuple[int, str, str]:
        """(row, column letter, code): what golden tests compare."""
        return (self.row, self.column_letter, self.code)

    def message(self, translate: Any = None) -> str:
        return render(self.code, self.params, translate)

    def as_problem(self) -> Problem:
        return Problem(self.code, self.severity, self.field, dict(self.params))


def file_problem(code: str, **params: Any) -> CellProblem:
    return CellProblem(0, None, None, code, Severity.ERROR, "", params)


# --------------------------------------------------------------------------- row kinds


class RowKind(StrEnum):
    DATA = "data"
    KOSONG = "kosong"
    BAGIAN = "bagian"
    JUMLAH = "jumlah"
    NOMOR_KOLOM = "nomor_kolom"
    JUDUL_ULANG = "judul_ulang"

    @property
    def label(self) -> str:
        return ROW_KIND_LABELS[self]


ROW_KIND_LABELS: dict[RowKind, str] = {
    RowKind.DATA: QT_TRANSLATE_NOOP("Pesan", "Data pegawai"),
    RowKind.KOSONG: QT_TRANSLATE_NOOP("Pesan", "Baris kosong"),
    RowKind.BAGIAN: QT_TRANSLATE_NOOP("Pesan", "Judul bagian"),
    RowKind.JUMLAH: QT_TRANSLATE_NOOP("Pesan", "Baris jumlah"),
    RowKind.NOMOR_KOLOM: QT_TRANSLATE_NOOP("Pesan", "Nomor kolom"),
    RowKind.JUDUL_ULANG: QT_TRANSLATE_NOOP("Pesan", "Judul kolom berulang"),
}

_TOTAL_RE = re.compile(
    r"^(?:sub\s*-?\s*total|total|grand\s+total|jumlah|jml|rekap(?:itulasi)?)\b", re.ASCII
)
_SECTION_PREFIX_RE = re.compile(r"^(?:[a-z]|[ivxlc]{1,6}|\d{1,2})\s*[.)]\s+\S", re.ASCII)


def _int_like(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e6:
        return int(value)
    if isinstance(value, str):
        s = value.strip().strip("()")
        if s.isascii() and s.isdigit() and len(s) <= 4:
            return int(s)
    return None


def _has_digit(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and any(ch.isdigit() for ch in value)


def classify_row(
    cells: Sequence[object],
    mapping: Mapping[str, int],
    header_keys: Sequence[str] = (),
) -> RowKind:
    """What a row below the header is. Only DATA rows are imported; the rest are reported."""
    nip_col = mapping.get("nip")
    n = len(cells)
    nip = cells[nip_col] if nip_col is not None and nip_col < n else None
    if isinstance(nip, str) and len(nip) >= 10 and _has_digit(nip):
        return RowKind.DATA  # the common case, decided cheaply
    if isinstance(nip, float) and abs(nip) >= 1e8:
        return RowKind.DATA
    present = [v for v in cells if not is_blank(v)]
    if not present:
        return RowKind.KOSONG
    if not any(c < n and not is_blank(cells[c]) for c in mapping.values()) and all(
        _int_like(v) is not None for v in present
    ):
        return RowKind.KOSONG  # only a running number outside the mapped columns
    numbers = [_int_like(v) for v in present]
    if len(present) >= 3 and all(x is not None for x in numbers):
        ints = [x for x in numbers if x is not None]
        if ints == list(range(ints[0], ints[0] + len(ints))) and ints[0] <= 1:
            return RowKind.NOMOR_KOLOM
    if _has_digit(nip) and not (isinstance(nip, str) and _TOTAL_RE.match(fold(nip.strip()))):
        return RowKind.DATA
    texts = [fold(" ".join(v.split())) for v in present if isinstance(v, str)]
    if any(_TOTAL_RE.match(t) for t in texts):
        return RowKind.JUMLAH
    if header_keys:
        keys = {header_key(v) for v in present if isinstance(v, str)}
        wanted = {k for k in header_keys if k}
        if len(keys & wanted) >= max(2, len(keys) // 2 + 1):
            return RowKind.JUDUL_ULANG
    distinct = set(texts)
    others = [v for v in present if not isinstance(v, str) and _int_like(v) is None]
    if len(distinct) <= 2 and not others and texts:
        nama_col = mapping.get("nama")
        nama = cells[nama_col] if nama_col is not None and nama_col < n else None
        originals = [v.strip() for v in present if isinstance(v, str)]
        if (
            any(_SECTION_PREFIX_RE.match(t) for t in distinct)
            or is_blank(nama)
            or all(o == o.upper() and any(ch.isalpha() for ch in o) for o in originals)
        ):
            return RowKind.BAGIAN
    return RowKind.DATA


# --------------------------------------------------------------------------- values

_AGAMA_WORDS: dict[str, Agama] = {
    "islam": Agama.ISLAM,
    "kristen": Agama.KRISTEN,
    "protestan": Agama.KRISTEN,
    "kristen protestan": Agama.KRISTEN,
    "katolik": Agama.KATOLIK,
    "katholik": Agama.KATOLIK,
    "kristen katolik": Agama.KATOLIK,
    "hindu": Agama.HINDU,
    "buddha": Agama.BUDDHA,
    "budha": Agama.BUDDHA,
    "budhha": Agama.BUDDHA,
    "konghucu": Agama.KONGHUCU,
    "khonghucu": Agama.KONGHUCU,
    "kong hu cu": Agama.KONGHUCU,
}

_STATUS_WORDS: dict[str, StatusPegawai] = {
    **{s.value.replace("_", " "): s for s in StatusPegawai},
    "aktif bekerja": StatusPegawai.AKTIF,
    "pns aktif": StatusPegawai.AKTIF,
    "cltn": StatusPegawai.CUTI,
    "cuti diluar tanggungan negara": StatusPegawai.CUTI,
    "cuti di luar tanggungan negara": StatusPegawai.CUTI,
    "tb": StatusPegawai.TUGAS_BELAJAR,
    "purna tugas": StatusPegawai.PENSIUN,
    "pensiun": StatusPegawai.PENSIUN,
    "berhenti": StatusPegawai.DIBERHENTIKAN,
    "pemberhentian": StatusPegawai.DIBERHENTIKAN,
    "diberhentikan": StatusPegawai.DIBERHENTIKAN,
}

# Longer phrases first: "diploma iii" must not be read as "diploma i".
_PENDIDIKAN_PHRASES: tuple[tuple[str, TingkatPendidikan], ...] = (
    ("s 3", TingkatPendidikan.S3),
    ("doktor", TingkatPendidikan.S3),
    ("s 2", TingkatPendidikan.S2),
    ("magister", TingkatPendidikan.S2),
    ("pasca sarjana", TingkatPendidikan.S2),
    ("pascasarjana", TingkatPendidikan.S2),
    ("s 1", TingkatPendidikan.S1),
    ("sarjana", TingkatPendidikan.S1),
    ("diploma iv", TingkatPendidikan.D4),
    ("diploma 4", TingkatPendidikan.D4),
    ("diploma iii", TingkatPendidikan.D3),
    ("diploma 3", TingkatPendidikan.D3),
    ("diploma ii", TingkatPendidikan.D2),
    ("diploma 2", TingkatPendidikan.D2),
    ("diploma i", TingkatPendidikan.D1),
    ("diploma 1", TingkatPendidikan.D1),
    ("sekolah menengah atas", TingkatPendidikan.SLTA),
    ("sekolah menengah pertama", TingkatPendidikan.SMP),
    ("sekolah dasar", TingkatPendidikan.SD),
)

_DASH_RE = re.compile(r"\s*-\s*")
_DMY_RE = re.compile(r"(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})(?:\D|$)", re.ASCII)
_TTL_SPLIT_RE = re.compile(
    r"^(?P<place>.*?)[\s,/]+(?P<date>\d{1,2}\s*[-/. ]\s*\S+\s*[-/. ]\s*\d{4})$"
)


def _text(value: object) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, str):
        return " ".join(value.split())
    return display_value(value)


def _choice_key(value: object) -> str:
    return " ".join(_NON_ALNUM_RE.sub(" ", fold(str(_text(value) or ""))).split())


def parse_agama(value: object) -> Agama | None:
    return _AGAMA_WORDS.get(_choice_key(value))


def parse_status(value: object) -> StatusPegawai | None:
    return _STATUS_WORDS.get(_choice_key(value))


def parse_pendidikan(value: object) -> TingkatPendidikan | None:
    text = _text(value)
    if text is None:
        return None
    found = parse_tingkat_pendidikan(text)
    if found is not None:
        return found
    key = " " + _choice_key(text) + " "
    for phrase, level in _PENDIDIKAN_PHRASES:
        if f" {phrase} " in key:
            return level
    for word in ("slta", "sma", "smk", "sltp", "smp", "sd"):
        if f" {word} " in key:
            return parse_tingkat_pendidikan(word)
    return None


def parse_jenis_pegawai(value: object) -> JenisPegawai | None:
    key = _choice_key(value)
    if not key:
        return None
    words = set(key.split())
    if words & {"pppk", "p3k"} or "perjanjian kerja" in key:
        return JenisPegawai.PPPK
    if key == "c" or "cpns" in words or "calon" in words:
        return JenisPegawai.CPNS
    if key == "p" or "pns" in words:
        return JenisPegawai.PNS
    return None


def parse_cpns_pns(value: object) -> JenisPegawai | None:
    key = _choice_key(value)
    return {"c": JenisPegawai.CPNS, "p": JenisPegawai.PNS}.get(key)


# --------------------------------------------------------------------------- records


@dataclass(slots=True)
class ImportRecord:
    """One data row: ``values`` holds every mapped field, None where the cell was blank or
    unusable (a blank never erases what the database holds); ``derived`` holds values read from
    the NIP, used only when the person is new."""

    row: int
    values: dict[str, Any]
    problems: list[CellProblem] = field(default_factory=list)
    derived: dict[str, Any] = field(default_factory=dict)

    @property
    def nip(self) -> str | None:
        value = self.values.get("nip")
        return value if isinstance(value, str) else None

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)

    @property
    def given(self) -> dict[str, Any]:
        """The fields the row actually provides (blank cells left out)."""
        return {k: v for k, v in self.values.items() if v is not None}

    def with_derived(self) -> dict[str, Any]:
        """The provided values, gaps filled from the NIP (for a new person)."""
        merged = self.given
        for key, value in self.derived.items():
            if merged.get(key) is None:
                merged[key] = value
        return merged


@dataclass(frozen=True)
class SkippedRow:
    row: int
    kind: RowKind
    text: str


@dataclass
class ParsedSheet:
    header: HeaderInfo
    mapping: dict[str, int]
    records: list[ImportRecord]
    skipped: list[SkippedRow]
    problems: list[CellProblem]  # file-level (e.g. no NIP column)

    @property
    def usable(self) -> bool:
        return not any(p.is_error for p in self.problems)


def infer_date_order(values: Sequence[object]) -> str | None:
    """ "dmy" or "mdy" when some value of the column shows its order (a number above 12),
    "campur" when both orders occur, None when nothing tells."""
    day_first = month_first = False
    for value in set(v for v in values if isinstance(v, str)):
        m = _DMY_RE.match(value.strip().lstrip("'\u2018\u2019"))
        if not m:
            continue
        a, b = int(m[1]), int(m[3])
        if a > 12 and b <= 12:
            day_first = True
        elif b > 12 and a <= 12:
            month_first = True
    if day_first and month_first:
        return "campur"
    if day_first:
        return "dmy"
    if month_first:
        return "mdy"
    return None


Tick = Callable[[int, int], None]


_SPECIAL, _PLAIN_TEXT, _CACHED, _TTL = range(4)
_BLANK: tuple[None, tuple[()]] = (None, ())


def _lookup_all(
    raws: list[object], compute: Callable[[object], Any], cache: dict[Any, Any]
) -> list[Any]:
    """The (value, problems) of every cell of a column, each distinct value computed once."""
    out: list[Any] = []
    append = out.append
    get = cache.get
    for v in raws:
        if v is None or v == "":
            append(_BLANK)
            continue
        cls = v.__class__
        # Numbers and booleans are tagged with their type (1 == 1.0 == True as dict keys);
        # text and plain dates are their own keys.
        key = v if cls is str or cls is date else (cls, v)
        try:
            found = get(key)
        except TypeError:  # an unhashable oddity from a reader: compute, do not cache
            append(compute(v))
            continue
        if found is None:
            found = cache[key] = compute(v)
        append(found)
    return out


class _Raw:
    """The raw cell of a field in one row, looked up only when a problem needs to quote it."""

    __slots__ = ("cells", "mapping")

    def __init__(self, cells: Sequence[object], mapping: dict[str, int]) -> None:
        self.cells = cells
        self.mapping = mapping

    def get(self, name: str) -> object:
        col = self.mapping.get(name)
        return self.cells[col] if col is not None and col < len(self.cells) else None


_Outcome = tuple[Any, tuple[tuple[str, Severity, dict[str, Any]], ...]]


class _Parser:
    """Parses the cells of one sheet; caches the many repeated values (golongan, units…)."""

    def __init__(
        self, mapping: Mapping[str, int], today: date, orders: dict[str, str | None]
    ) -> None:
        self.mapping = dict(mapping)
        self.today = today
        self.orders = orders
        self.cache: dict[Any, tuple[Any, tuple[tuple[str, Severity, dict], ...]]] = {}
        # One entry per mapped column: (field, column, mode, parser, cache of that column).
        self.plan: list[tuple[str, int, int, Callable[[object], _Outcome], dict[Any, _Outcome]]]
        self.plan = []
        for key, col in self.mapping.items():
            fld = FIELD_BY_KEY.get(key)
            if fld is None or col < 0:
                continue
            if fld.kind in (Kind.NIP, Kind.GOLONGAN):
                mode = _SPECIAL
            elif fld.kind is Kind.TEXT and key == "nama":
                mode = _PLAIN_TEXT  # unique per row: caching would only cost memory
            elif fld.kind is Kind.TTL:
                mode = _TTL
            else:
                mode = _CACHED
            self.plan.append((key, col, mode, self._computer(fld), {}))

    # -- helpers
    def _problem(
        self,
        record: ImportRecord,
        fld: str | None,
        code: str,
        severity: Severity,
        raw: object,
        params: dict[str, Any],
    ) -> None:
        col = self.mapping.get(fld) if fld else None
        record.problems.append(
            CellProblem(record.row, col, fld, code, severity, display_value(raw), params)
        )

    def parse_rows(
        self, rows: Sequence[Sequence[object]], indices: Sequence[int], tick: Tick | None = None
    ) -> list[ImportRecord]:
        """Parse the data rows ``rows[i] for i in indices``, one column at a time.

        Column by column the per-cell work is a cache lookup in a tight loop (most columns
        repeat a few values); the per-row work (NIP, cross-field checks) follows.
        """
        data = [rows[i] for i in indices]
        count = len(data)
        # All mapped cells of a row in one C-level call, then columns by transposing: touching
        # every row once per column would cost more than the parsing itself.
        wanted = [col for _, col, _, _, _ in self.plan]
        extracted: list[list[object]] = [[] for _ in wanted]
        if wanted and count:
            width = max(wanted) + 1
            getter = itemgetter(*wanted)
            padded = [r if len(r) >= width else [*r, *([None] * (width - len(r)))] for r in data]
            picked = list(map(getter, padded))
            if len(wanted) == 1:
                extracted = [list(picked)]
            else:
                extracted = [list(c) for c in zip(*picked, strict=True)]
        keys: list[str] = []
        columns: list[list[Any]] = []
        raw_nips: list[object] = [None] * count
        raw_gols: list[object] = [None] * count
        # (position, field, raw, problems) of the cells whose value had something to say.
        noted: list[tuple[int, str, object, tuple[tuple[str, Severity, dict[str, Any]], ...]]]
        noted = []
        ttl: list[Any] | None = None
        for step, (key, _col, mode, compute, cache) in enumerate(self.plan):
            if tick is not None:
                tick(step, len(self.plan))
            raws = extracted[step]
            if mode == _SPECIAL:
                if key == "nip":
                    raw_nips = raws
                else:
                    raw_gols = raws
                continue
            if mode == _PLAIN_TEXT:
                keys.append(key)
                columns.append([None if v is None or v == "" else _text(v) for v in raws])
                continue
            outcomes = _lookup_all(raws, compute, cache)
            for pos, outcome in enumerate(outcomes):
                if outcome[1]:
                    noted.append((pos, key, raws[pos], outcome[1]))
            if mode == _TTL:
                ttl = [o[0] for o in outcomes]
                continue
            keys.append(key)
            columns.append([o[0] for o in outcomes])
        if ttl is not None:
            for target, part in (("tempat_lahir", 0), ("tanggal_lahir", 1)):
                if target not in self.mapping:
                    keys.append(target)
                    columns.append([None if v is None else v[part] for v in ttl])
        notes_at: dict[int, list[tuple[str, object, tuple]]] = {}
        for pos, key, raw, problems in noted:
            notes_at.setdefault(pos, []).append((key, raw, problems))
        records: list[ImportRecord] = []
        key_tuple = tuple(keys)
        by_row = zip(*columns, strict=True) if columns else iter([()] * count)
        for pos, row_values in enumerate(by_row):
            index = indices[pos]
            record = ImportRecord(index + 1, dict(zip(key_tuple, row_values, strict=True)))
            for key, raw, problems in notes_at.get(pos, ()):
                for code, severity, params in problems:
                    self._problem(record, key, code, severity, raw, dict(params))
            self._finish(record, raw_nips[pos], raw_gols[pos], data[pos])
            records.append(record)
        return records

    def _finish(
        self, record: ImportRecord, raw_nip: object, raw_gol: object, cells: Sequence[object]
    ) -> None:
        if raw_gol == "":
            raw_gol = None
        values = record.values
        self._jenis(record, raw_gol)
        jenis = values.get("jenis_pegawai") or record.derived.get("jenis_pegawai")
        if raw_gol is not None:
            self._golongan(record, raw_gol, jenis)
        if raw_nip is not None and raw_nip != "":
            self._nip(record, raw_nip, jenis)
        else:
            self._problem(record, "nip", "nip.kosong", Severity.ERROR, None, {})
        self._record_checks(record, _Raw(cells, self.mapping), jenis)

    def _computer(self, fld: ImportField) -> Callable[[object], _Outcome]:
        kind = fld.kind
        label = fld.label
        if kind is Kind.TEXT:
            limit = _LENGTH_LIMITS.get(fld.key)
            return lambda raw: _parse_text(raw, label, limit)
        if kind is Kind.DATE:
            order = self.orders.get(fld.key)
            return lambda raw: _parse_date(raw, order)
        if kind is Kind.DIGITS:
            limit = _LENGTH_LIMITS.get(fld.key)
            return lambda raw: _parse_digits(raw, label, limit)
        if kind is Kind.GENDER:
            return lambda raw: _parse_choice(raw, parse_jenis_kelamin_cell, label, Severity.ERROR)
        if kind is Kind.AGAMA:
            return lambda raw: _parse_choice(raw, parse_agama, label, Severity.WARNING)
        if kind is Kind.STATUS:
            return lambda raw: _parse_choice(raw, parse_status, label, Severity.ERROR)
        if kind is Kind.JENIS:
            return lambda raw: _parse_choice(raw, parse_jenis_pegawai, label, Severity.ERROR)
        if kind is Kind.CPNS_PNS:
            return lambda raw: (parse_cpns_pns(raw), ())
        if kind is Kind.PENDIDIKAN:
            return lambda raw: _parse_choice(raw, parse_pendidikan, label, Severity.WARNING)
        if kind is Kind.YEAR:
            return _parse_year
        if kind is Kind.TTL:
            order = self.orders.get(fld.key)
            return lambda raw: _parse_ttl(raw, order)
        return lambda raw: (None, ())  # NIP and golongan are parsed separately

    # -- the fields that depend on the employee kind
    def _jenis(self, record: ImportRecord, gol: object) -> None:
        explicit = record.values.pop("jenis_pegawai", None)
        cpns = record.values.pop("status_cpns_pns", None)
        jenis: JenisPegawai | None = None
        if explicit is JenisPegawai.PPPK:
            jenis = explicit
        elif cpns is not None:
            jenis = cpns
        elif explicit is not None:
            jenis = explicit
        if jenis is not None:
            record.values["jenis_pegawai"] = jenis
            return
        # Not stated: a bare Roman numeral golongan ("IX") only exists for PPPK.
        pppk = False
        if gol is not None:
            key = ("pppk?", gol if gol.__class__ is str else (gol.__class__, gol))
            try:
                pppk = self.cache[key][0]
            except (KeyError, TypeError):
                g = parse_golongan(gol)
                pppk = g is not None and g.is_pppk
                with contextlib.suppress(TypeError):
                    self.cache[key] = (pppk, ())
        record.derived["jenis_pegawai"] = JenisPegawai.PPPK if pppk else JenisPegawai.PNS

    def _golongan(self, record: ImportRecord, raw: object, jenis: JenisPegawai | None) -> None:
        key = ("golongan", (jenis, raw if type(raw) is str else (type(raw).__name__, raw)))
        try:
            kode, problems = self.cache[key]
        except (KeyError, TypeError):
            g = parse_golongan(raw, jenis)
            problem = None if g is not None else golongan_problem(raw, jenis)
            kode = g.kode if g is not None else None
            problems = (
                () if problem is None else ((problem.code, problem.severity, problem.params),)
            )
            with contextlib.suppress(TypeError):
                self.cache[key] = (kode, problems)
        for code, severity, params in problems:
            self._problem(record, "golongan", code, severity, raw, dict(params))
        if kode is not None:
            record.values["golongan"] = kode

    def _nip(self, record: ImportRecord, raw: object, jenis: JenisPegawai | None) -> None:
        digits, problems = parse_nip_cell(raw, jenis, self.today)
        for code, severity, params in problems:
            self._problem(record, "nip", code, severity, raw, params)
        if digits is not None:
            record.values["nip"] = digits

    # -- checks across fields (the import twin of staff_record.validate_staff)
    def _record_checks(
        self, record: ImportRecord, raw_of: _Raw, jenis: JenisPegawai | None
    ) -> None:
        v = record.values
        nip = v.get("nip")
        birth = v.get("tanggal_lahir")
        gender = v.get("jenis_kelamin")
        if nip is not None and (jenis is None or jenis is not JenisPegawai.PPPK):
            self._cross_check(record, nip, birth, gender, raw_of.get("nip"))
        nama = v.get("nama")
        if nama is not None and len(nama) > _LENGTH_LIMITS["nama"]:
            self._problem(
                record,
                "nama",
                "field.terlalu_panjang",
                Severity.ERROR,
                raw_of.get("nama"),
                {"label": FIELD_BY_KEY["nama"].label, "max": _LENGTH_LIMITS["nama"]},
            )
        if birth is not None and birth > self.today:
            self._problem(
                record,
                "tanggal_lahir",
                "tanggal.masa_depan",
                Severity.ERROR,
                raw_of.get("tanggal_lahir"),
                {"value": format_tanggal(birth), "label": FIELD_LABELS["tanggal_lahir"]},
            )
        if birth is not None:
            for name in ("tmt_golongan", "tmt_jabatan", "tmt_cpns", "tmt_pns"):
                value = v.get(name)
                if value is not None and value <= birth:
                    self._problem(
                        record,
                        name,
                        "tanggal.sebelum_lahir",
                        Severity.ERROR,
                        raw_of.get(name),
                        {"value": format_tanggal(value), "label": FIELD_LABELS[name]},
                    )
        cpns, pns = v.get("tmt_cpns"), v.get("tmt_pns")
        if cpns is not None and pns is not None and pns < cpns:
            self._problem(
                record,
                "tmt_pns",
                "tanggal.pns_sebelum_cpns",
                Severity.ERROR,
                raw_of.get("tmt_pns"),
                {"value": format_tanggal(pns), "label": FIELD_LABELS["tmt_pns"]},
            )
        year = v.get("tahun_lulus")
        if year is not None and not (1940 <= year <= self.today.year):
            self._problem(
                record,
                "tahun_lulus",
                "field.tahun_salah",
                Severity.ERROR,
                raw_of.get("tahun_lulus"),
                {"value": year, "label": FIELD_LABELS["tahun_lulus"]},
            )
            v.pop("tahun_lulus")

    def _cross_check(
        self,
        record: ImportRecord,
        nip: str,
        birth: date | None,
        gender: JenisKelamin | None,
        raw: object,
    ) -> None:
        """NIP against the row's birth date and gender; blanks are filled from the NIP."""
        birth_ok = birth is None or f"{birth.year:04d}{birth.month:02d}{birth.day:02d}" == nip[:8]
        gender_ok = gender is None or gender.nip_digit == nip[14]
        if not (birth_ok and gender_ok):
            for p in cross_check_nip(Nip(nip), birth_date=birth, gender=gender):
                self._problem(record, "nip", p.code, p.severity, raw, p.params)
        if birth is None or gender is None:
            parsed = Nip(nip)
            try:
                if birth is None:
                    record.derived["tanggal_lahir"] = parsed.birth_date
                if gender is None:
                    record.derived["jenis_kelamin"] = parsed.gender
            except ValueError:
                pass


def parse_jenis_kelamin_cell(value: object) -> JenisKelamin | None:
    text = _text(value)
    return None if text is None else parse_jenis_kelamin(_DASH_RE.sub("-", text))


def _parse_choice(
    raw: object, parse: Callable[[object], Any], label: str, severity: Severity
) -> tuple[Any, tuple[tuple[str, Severity, dict], ...]]:
    value = parse(raw)
    if value is not None:
        return value, ()
    code = "field.pilihan_salah" if severity is Severity.ERROR else "impor.nilai_diabaikan"
    return None, ((code, severity, {"value": display_value(raw, 60), "label": label}),)


def _parse_text(raw: object, label: str, limit: int | None) -> _Outcome:
    text = _text(raw)
    if text is not None and limit is not None and len(text) > limit:
        return None, (("field.terlalu_panjang", Severity.ERROR, {"label": label, "max": limit}),)
    return text, ()


def _parse_digits(raw: object, label: str, limit: int | None) -> _Outcome:
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 1e15:
        return str(int(raw)), ()
    text = _text(raw)
    if text is None:
        return None, ()
    text = text.lstrip("'\u2018\u2019`").strip()
    compact = "".join(ch for ch in text if ch not in " .-\u00a0")
    if limit is not None and len(compact) > limit:
        return None, (("field.terlalu_panjang", Severity.ERROR, {"label": label, "max": limit}),)
    return (compact or None), ()


def _parse_year(raw: object) -> tuple[int | None, tuple]:
    year: int | None = None
    if isinstance(raw, date):
        year = raw.year
    elif isinstance(raw, bool):
        year = None
    elif isinstance(raw, int):
        year = raw
    elif isinstance(raw, float) and raw.is_integer() and abs(raw) < 1e6:
        year = int(raw)
    elif isinstance(raw, str):
        s = raw.strip().lstrip("'")
        if s.isascii() and s.isdigit() and len(s) <= 6:
            year = int(s)
    if year is None:
        return None, (
            (
                "field.tahun_salah",
                Severity.ERROR,
                {"value": display_value(raw, 40), "label": FIELD_LABELS["tahun_lulus"]},
            ),
        )
    return year, ()


def _parse_date(raw: object, order: str | None) -> tuple[date | None, tuple]:
    prefer_day_first = order != "mdy"
    result = parse_tanggal(raw, prefer_day_first=prefer_day_first)
    shown = display_value(raw, 40)
    if result.value is None:
        if result.problem_code is None:
            return None, ()
        return None, (("tanggal.tidak_sah", Severity.ERROR, {"value": shown}),)
    if not result.ambiguous:
        return result.value, ()
    m = _DMY_RE.match(raw.strip().lstrip("'\u2018\u2019")) if isinstance(raw, str) else None
    if m is None:
        # A bare number that reads as a year (1985) rather than a day count.
        return None, (("impor.tanggal_tahun_saja", Severity.ERROR, {"value": shown}),)
    if order in ("dmy", "mdy"):
        return result.value, ()  # the column's other values settle the order
    if order == "campur":
        return None, (("impor.tanggal_urutan_campur", Severity.ERROR, {"value": shown}),)
    return result.value, (
        (
            "tanggal.ambigu",
            Severity.WARNING,
            {"value": shown, "dibaca": format_tanggal(result.value)},
        ),
    )


def _parse_ttl(
    raw: object, order: str | None
) -> tuple[tuple[str | None, date | None] | None, tuple]:
    """``Mamuju, 26-09-1986`` or ``Mamuju / 26 September 1986`` into place and date."""
    if isinstance(raw, date):
        return (None, raw if not isinstance(raw, datetime) else raw.date()), ()
    text = _text(raw)
    if text is None:
        return None, ()
    place, when_text = None, text
    if "," in text:
        place, when_text = (p.strip() for p in text.rsplit(",", 1))
    else:
        m = _TTL_SPLIT_RE.match(text)
        if m:
            place, when_text = m["place"].strip(" ,/"), m["date"]
    when, problems = _parse_date(when_text, order)
    if when is None and not problems:
        problems = (("tanggal.tidak_sah", Severity.ERROR, {"value": display_value(raw, 40)}),)
    return (place or None, when), problems


def parse_nip_cell(
    raw: object, jenis: JenisPegawai | None, today: date
) -> tuple[str | None, list[tuple[str, Severity, dict[str, Any]]]]:
    """Read a NIP cell: (18 digits or None, problems as (code, severity, params))."""
    if isinstance(raw, bool | date | time | timedelta):
        return None, [("nip.bukan_angka", Severity.ERROR, {"value": display_value(raw, 40)})]
    if isinstance(raw, int | float):
        number = float(raw)
        if not math.isfinite(number):
            return None, [("nip.bukan_angka", Severity.ERROR, {"value": display_value(raw)})]
        if abs(number) >= 1e15:
            # A spreadsheet keeps 15 significant digits of a number: an 18-digit NIP typed
            # into a number cell has already lost its last ones.
            return None, [("impor.nip_angka", Severity.ERROR, {"value": display_value(raw)})]
        raw = str(int(number)) if number.is_integer() else display_value(raw)
    check = check_nip(raw, jenis=jenis, today=today)
    if not check.problems and check.nip is not None:
        return check.nip.digits, []
    problems = [(p.code, p.severity, dict(p.params)) for p in check.problems]
    digits = check.nip.digits if check.nip is not None else None
    if any(code == "nip.urutan_nol" for code, _, _ in problems):
        # Excel turns the 16th–18th digits into 000 when a NIP was once stored as a number.
        problems = [
            ("impor.nip_dinolkan", Severity.ERROR, {"value": display_value(raw, 40)})
            if code == "nip.urutan_nol"
            else (code, sev, params)
            for code, sev, params in problems
        ]
    return digits, problems


def parse_sheet(
    rows: Sequence[Sequence[object]],
    header: HeaderInfo,
    mapping: Mapping[str, int] | None = None,
    *,
    today: date,
    tick: Tick | None = None,
) -> ParsedSheet:
    """Every row below the header: data rows parsed and checked, the others classified."""
    used = dict(header.mapping if mapping is None else mapping)
    problems = [
        file_problem("impor.kolom_wajib", label=FIELD_BY_KEY[f].label)
        for f in missing_required(used)
    ]
    records: list[ImportRecord] = []
    skipped: list[SkippedRow] = []
    if problems:
        return ParsedSheet(header, used, records, skipped, problems)
    orders = {
        f.key: infer_date_order([r[c] for r in rows[header.data_start :] if c < len(r)])
        for f in FIELDS
        if f.kind in (Kind.DATE, Kind.TTL) and (c := used.get(f.key)) is not None
    }
    # One program wrote the whole file: a column that cannot tell its own order takes the one
    # the other date columns agree on.
    settled = {o for o in orders.values() if o in ("dmy", "mdy")}
    if len(settled) == 1:
        file_order = settled.pop()
        orders = {k: (file_order if o is None else o) for k, o in orders.items()}
    parser = _Parser(used, today, orders)
    header_keys = [header_key(label.split(" › ")[-1]) for label in header.labels]
    total = len(rows)
    data_rows: list[int] = []
    for index in range(header.data_start, total):
        cells = rows[index]
        kind = classify_row(cells, used, header_keys)
        if kind is RowKind.DATA:
            data_rows.append(index)
        else:
            text = " ".join(_cell_text(v) for v in cells if not is_blank(v))
            skipped.append(SkippedRow(index + 1, kind, text[:120]))
    records = parser.parse_rows(rows, data_rows, tick)
    _mark_duplicates(records, used.get("nip"))
    if tick is not None:
        tick(total, total)
    return ParsedSheet(header, used, records, skipped, problems)


def _mark_duplicates(records: list[ImportRecord], nip_col: int | None) -> None:
    rows_of: dict[str, list[ImportRecord]] = {}
    for record in records:
        nip = record.values.get("nip")
        if nip is not None:
            rows_of.setdefault(nip, []).append(record)
    for nip, group in rows_of.items():
        if len(group) < 2:
            continue
        numbers = [r.row for r in group]
        for record in group:
            others = ", ".join(str(n) for n in numbers if n != record.row)
            record.problems.append(
                CellProblem(
                    record.row,
                    nip_col,
                    "nip",
                    "impor.nip_ganda_berkas",
                    Severity.ERROR,
                    nip,
                    {"nip": nip, "rows": others},
                )
            )


__all__ = [
    "FIELDS",
    "NIP_LENGTH",
    "CellProblem",
    "HeaderInfo",
    "ImportRecord",
    "ParsedSheet",
    "RowKind",
    "classify_row",
    "detect_header",
    "display_value",
    "match_header",
    "parse_sheet",
]
