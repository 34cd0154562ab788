"""Indonesian dates: long-form formatting, Roman numerals, lenient parsing of imported dates."""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

BULAN: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

# Indexed by date.weekday() (Monday == 0).
HARI: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

PROBLEM_TIDAK_SAH = "tanggal.tidak_sah"


# --------------------------------------------------------------------------- formatting


def format_tanggal(d: date) -> str:
    """``12 Maret 2025``; the day is not zero-padded (``1 Maret 1985``), as in SK text."""
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def format_tanggal_hari(d: date) -> str:
    """``Minggu, 29 November 2026``."""
    return f"{HARI[d.weekday()]}, {format_tanggal(d)}"


# --------------------------------------------------------------------------- Roman numerals

_ROMAN_STEPS: tuple[tuple[int, str], ...] = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# Canonical (subtractive) numerals only, so "IIII" or "VX" are rejected rather than guessed.
_ROMAN_RE = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def romawi(n: int) -> str:
    """Canonical Roman numeral for 1..3999; ``ValueError`` outside that range."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"romawi() expects an int, got {type(n).__name__}")
    if not 1 <= n <= 3999:
        raise ValueError(f"Roman numerals cover 1..3999, not {n}")
    parts: list[str] = []
    for value, symbol in _ROMAN_STEPS:
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)


def bulan_romawi(d_or_month: date | int) -> str:
    """Roman month used in letter numbers (``800/123/III/2025``)."""
    month = d_or_month.month if isinstance(d_or_month, date) else d_or_month
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValueError(f"not a month: {d_or_month!r}")
    return romawi(month)


def parse_romawi(text: object) -> int | None:
    """Value of a canonical Roman numeral (any case, surrounding spaces ignored); else None."""
    if not isinstance(text, str):
        return None
    s = text.strip().upper()
    if not s or len(s) > 15 or not _ROMAN_RE.fullmatch(s):
        return None
    total = 0
    for i, ch in enumerate(s):
        value = _ROMAN_VALUES[ch]
        # Subtractive pair (IV, XC, ...): the smaller symbol counts negative.
        if i + 1 < len(s) and _ROMAN_VALUES[s[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class TanggalParse:
    """Result of :func:`parse_tanggal`.

    ``value`` is None for empty input (``problem_code`` None) and for invalid input
    (``problem_code == "tanggal.tidak_sah"``). ``ambiguous`` means another reading was
    plausible (day/month order, or a bare number that may be a year); importers should warn.
    """

    value: date | None
    ambiguous: bool = False
    problem_code: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem_code is None


_EMPTY = TanggalParse(None)
_INVALID = TanggalParse(None, False, PROBLEM_TIDAK_SAH)

EXCEL_SERIAL_MIN = 1
EXCEL_SERIAL_MAX = 2958465  # 9999-12-31, the last date Excel can show
# Lotus 1-2-3 treated 1900 as a leap year and Excel kept the bug: serial 60 is "29 Feb 1900",
# a day that never existed; serials after it are one day ahead of a naive count from 1899-12-31.
_EXCEL_FAKE_LEAP_DAY = 60
_EXCEL_EPOCH_BEFORE_BUG = date(1899, 12, 31)
_EXCEL_EPOCH_AFTER_BUG = date(1899, 12, 30)

_MONTH_WORDS: dict[str, int] = {}
for _i, _name in enumerate(BULAN, start=1):
    _MONTH_WORDS[_name.lower()] = _i
for _i, _name in enumerate(
    (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    start=1,
):
    _MONTH_WORDS[_name] = _i
    _MONTH_WORDS[_name[:3]] = _i
_MONTH_WORDS.update(
    {
        # Indonesian abbreviations and old spellings (Pebruari, Nopember) still seen in SIMPEG data.
        "peb": 2,
        "pebruari": 2,
        "mei": 5,
        "agu": 8,
        "agt": 8,
        "ags": 8,
        "agus": 8,
        "sept": 9,
        "okt": 10,
        "nop": 11,
        "nopember": 11,
        "des": 12,
        "febr": 2,
    }
)

_WEEKDAY_WORDS = (
    "senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
)
_WEEKDAY_PREFIX_RE = re.compile(rf"^(?:{_WEEKDAY_WORDS})\s*,?\s+", re.ASCII)
# A time part after the date, as written by CSV exports ("1985-03-12 00:00:00", "…T08:00").
_TIME_SUFFIX_RE = re.compile(
    r"(?:t|\s+)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?"
    r"(?:\s*(?:z|[+-]\d{2}:?\d{2}|wib|wita|wit))?$",
    re.ASCII,
)
_ISO_RE = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})", re.ASCII)
_DMY_RE = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})", re.ASCII)
_YYYYMMDD_RE = re.compile(r"\d{8}", re.ASCII)
_SERIAL_TEXT_RE = re.compile(r"(\d{1,7})(?:[.,]\d+)?", re.ASCII)
_MAX_TEXT = 64
_SEP = r"(?:\s*[-/.,]\s*|\s+)"
_DAY_MONTHNAME_RE = re.compile(rf"(\d{{1,2}}){_SEP}([a-z]+)\.?{_SEP}(\d{{4}})", re.ASCII)
_MONTHNAME_DAY_RE = re.compile(r"([a-z]+)\.?\s*(\d{1,2})(?:\s*,\s*|\s+)(\d{4})", re.ASCII)


def _make(year: int, month: int, day: int, *, ambiguous: bool = False) -> TanggalParse:
    try:
        return TanggalParse(date(year, month, day), ambiguous, None)
    except ValueError:
        return _INVALID


def excel_serial_to_date(serial: float) -> date | None:
    """Date of an Excel serial in the 1900 date system (time of day dropped); None if invalid."""
    if isinstance(serial, bool):
        return None
    if isinstance(serial, float) and not math.isfinite(serial):
        return None
    whole = math.floor(serial)
    if not EXCEL_SERIAL_MIN <= whole <= EXCEL_SERIAL_MAX or whole == _EXCEL_FAKE_LEAP_DAY:
        return None
    epoch = _EXCEL_EPOCH_BEFORE_BUG if whole < _EXCEL_FAKE_LEAP_DAY else _EXCEL_EPOCH_AFTER_BUG
    return epoch + timedelta(days=whole)


def _from_serial(serial: float) -> TanggalParse:
    value = excel_serial_to_date(serial)
    if value is None:
        return _INVALID
    # A bare 1900..2100 is far more likely a year typed into a date column than a 1905 date.
    looks_like_year = 1900 <= math.floor(serial) <= 2100
    return TanggalParse(value, looks_like_year, None)


def _parse_text(raw: str, prefer_day_first: bool, accept_serial: bool) -> TanggalParse:
    s = unicodedata.normalize("NFKC", raw).strip().casefold()
    if s[:1] in ("'", "\u2018", "\u2019"):
        s = s[1:].strip()  # Excel's "store as text" marker
    if not s:
        return _EMPTY
    if len(s) > _MAX_TEXT:
        return _INVALID  # a note, not a date; also keeps the regexes cheap on huge cells
    s = _WEEKDAY_PREFIX_RE.sub("", s)
    s = _TIME_SUFFIX_RE.sub("", s).strip()

    if _YYYYMMDD_RE.fullmatch(s):
        return _make(int(s[:4]), int(s[4:6]), int(s[6:]))
    if m := _SERIAL_TEXT_RE.fullmatch(s):
        if not accept_serial:
            return _INVALID
        if len(m[1]) <= 2 and len(s) > len(m[1]):
            return _INVALID  # "12.03": a day and month without a year, not a 1900 serial
        return _from_serial(float(s.replace(",", ".")))
    if m := _ISO_RE.fullmatch(s):
        return _make(int(m[1]), int(m[3]), int(m[4]))
    if m := _DMY_RE.fullmatch(s):
        return _day_month_order(int(m[1]), int(m[3]), int(m[4]), prefer_day_first)
    if m := _DAY_MONTHNAME_RE.fullmatch(s):
        month = _MONTH_WORDS.get(m[2])
        return _INVALID if month is None else _make(int(m[3]), month, int(m[1]))
    if m := _MONTHNAME_DAY_RE.fullmatch(s):
        month = _MONTH_WORDS.get(m[1])
        return _INVALID if month is None else _make(int(m[3]), month, int(m[2]))
    return _INVALID


def _day_month_order(first: int, second: int, year: int, prefer_day_first: bool) -> TanggalParse:
    if first > 12 and second > 12:
        return _INVALID
    if first > 12:
        return _make(year, second, first)
    if second > 12:
        return _make(year, first, second)  # only a month-first reading makes sense
    ambiguous = first != second
    if prefer_day_first:
        return _make(year, second, first, ambiguous=ambiguous)
    return _make(year, first, second, ambiguous=ambiguous)


def parse_tanggal(
    value: object, *, prefer_day_first: bool = True, accept_serial: bool = True
) -> TanggalParse:
    """Read a date from a cell or text; never raises.

    Accepts ``date``/``datetime``, Excel serials (number or numeric text), ``yyyy-mm-dd``,
    ``dd-mm-yyyy`` (also ``/`` and ``.``), ``yyyymmdd``, and ``1 Maret 1985`` style text with
    Indonesian or English month names or their common abbreviations.
    ``accept_serial=False`` refuses bare numbers (for text typed by a person, where ``1985``
    is a year, not serial 1985 = 7 June 1905).
    """
    if value is None:
        return _EMPTY
    if isinstance(value, datetime):
        return TanggalParse(value.date())
    if isinstance(value, date):
        return TanggalParse(value)
    if isinstance(value, bool):
        return _INVALID
    if isinstance(value, int | float | Decimal) and not accept_serial:
        return _INVALID
    if isinstance(value, int | float):
        return _from_serial(value)
    if isinstance(value, Decimal):
        try:
            return _from_serial(float(value))
        except (ValueError, OverflowError, InvalidOperation):
            return _INVALID
    if isinstance(value, bytes | bytearray):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            return _INVALID
    try:
        text = value if isinstance(value, str) else str(value)
    except Exception:  # arbitrary objects from a reader must not crash an import
        return _INVALID
    try:
        return _parse_text(text, prefer_day_first, accept_serial)
    except (ValueError, OverflowError):
        return _INVALID


# --------------------------------------------------------------------------- arithmetic


def tambah_bulan(d: date, months: int) -> date:
    """``d`` moved by whole months; the day is clamped to the target month's last day."""
    year, month0 = divmod(d.year * 12 + (d.month - 1) + months, 12)
    month = month0 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def umur(birth_date: date, on: date) -> int:
    """Completed years of age on ``on`` (0 if ``on`` precedes the birth date).

    Someone born on 29 February becomes a year older on 1 March in non-leap years.
    """
    years = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    return max(years, 0)


def masa_kerja(start: date, on: date) -> tuple[int, int]:
    """Completed (years, months) of service from ``start`` to ``on``; (0, 0) if ``on`` is earlier.

    A month counts once its day-of-month is reached (start 15 Jan → 1 month on 15 Feb).
    """
    months = (on.year - start.year) * 12 + (on.month - start.month) - (on.day < start.day)
    if months <= 0:
        return (0, 0)
    return divmod(months, 12)
