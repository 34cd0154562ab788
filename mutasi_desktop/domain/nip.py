"""NIP (Nomor Induk Pegawai): normalisation, validation, display and demo generation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from mutasi_desktop.domain.errors import Problem, Severity
from mutasi_desktop.domain.pegawai import JenisKelamin, JenisPegawai
from mutasi_desktop.domain.tanggal import format_tanggal, umur

NIP_LENGTH = 18
FIELD = "nip"

# Plausibility bounds. Nobody in service was born before 1900; NIP-era appointments (and
# re-keyed older ones) do not predate the Republic. A TMT may be announced a little ahead.
MIN_BIRTH_YEAR = 1900
MIN_TMT_YEAR = 1945
TMT_YEARS_AHEAD = 1
MIN_AGE_AT_TMT = 18  # reference 3.1: heuristic, warning only

# Characters people and spreadsheets put inside a NIP that carry no meaning.
_SEPARATORS = frozenset(
    ".-"
    "\u00a0\u2007\u202f"  # non-breaking spaces (copied from Word/web pages)
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters and BOM
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphens, dashes, minus sign
)
_APOSTROPHES = ("'", "\u2018", "\u2019", "`")
_SCIENTIFIC_RE = re.compile(r"[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+", re.ASCII)
_GENDER_BY_DIGIT = {k.nip_digit: k for k in JenisKelamin}


def _as_text(text: object) -> str:
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer() and abs(text) < 1e16:
        # A numeric cell below 1e16 is exact; print it without ".0" so the length is right.
        return str(int(text))
    if isinstance(text, bytes | bytearray):
        return bytes(text).decode("utf-8", errors="replace")
    try:
        return text if isinstance(text, str) else str(text)
    except Exception:  # an exotic object from a reader must not break validation
        return ""


def _strip_apostrophe(s: str) -> str:
    s = s.strip()
    if s.startswith(_APOSTROPHES):
        s = s[1:].strip()
    return s


def normalize_nip(text: object) -> str:
    """Drop the Excel text apostrophe, spaces (incl. non-breaking), dots and dashes.

    The result may still contain non-digits; :func:`check_nip` reports those.
    """
    s = _strip_apostrophe(unicodedata.normalize("NFKC", _as_text(text)))
    return "".join(ch for ch in s if ch not in _SEPARATORS and not ch.isspace())


def looks_scientific(text: object) -> bool:
    """True for Excel's scientific rendering of a long number (``1.98501E+17``, ``1,98E17``)."""
    s = _strip_apostrophe(unicodedata.normalize("NFKC", _as_text(text)))
    return bool(_SCIENTIFIC_RE.fullmatch(s))


def nip_search_key(text: object) -> str:
    """Only the ASCII digits of ``text``, so ``19860926 201505`` finds a stored NIP prefix."""
    s = unicodedata.normalize("NFKC", _as_text(text))
    return "".join(ch for ch in s if "0" <= ch <= "9")


def _is_digits(s: str) -> bool:
    return s.isascii() and s.isdigit()


@dataclass(frozen=True)
class Nip:
    """An 18-digit NIP. The segment properties assume the PNS layout ``YYYYMMDD YYYYMM G NNN``.

    For a PPPK number (layout unverified) or an unchecked value the properties may raise
    ``ValueError``; use :func:`check_nip` before trusting them.
    """

    digits: str

    def __post_init__(self) -> None:
        if len(self.digits) != NIP_LENGTH or not _is_digits(self.digits):
            raise ValueError(f"a NIP has {NIP_LENGTH} ASCII digits: {self.digits!r}")

    def __str__(self) -> str:
        return self.digits

    @property
    def birth_date(self) -> date:
        d = self.digits
        return date(int(d[0:4]), int(d[4:6]), int(d[6:8]))

    @property
    def tmt_cpns(self) -> date:
        """TMT CPNS; the NIP holds year and month only, the day is always the 1st."""
        d = self.digits
        return date(int(d[8:12]), int(d[12:14]), 1)

    @property
    def gender(self) -> JenisKelamin:
        try:
            return _GENDER_BY_DIGIT[self.digits[14]]
        except KeyError:
            raise ValueError(f"NIP gender digit must be 1 or 2: {self.digits[14]}") from None

    @property
    def sequence(self) -> int:
        return int(self.digits[15:])

    @property
    def formatted(self) -> str:
        """Display form ``19860926 201505 1 001``."""
        d = self.digits
        return f"{d[0:8]} {d[8:14]} {d[14]} {d[15:]}"


@dataclass(frozen=True)
class NipCheck:
    """Outcome of :func:`check_nip`: ``nip`` is None whenever an error was found."""

    nip: Nip | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


def _shown(raw: str, limit: int = 40) -> str:
    """The value as quoted in a message, cut short so a stray note does not flood the report."""
    return raw if len(raw) <= limit else raw[: limit - 1] + "…"


def _problem(code: str, severity: Severity = Severity.ERROR, **params: object) -> Problem:
    return Problem(code, severity, FIELD, dict(params))


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _check_pns_segments(digits: str, today: date) -> list[Problem]:
    """Segment checks of the PNS layout; every problem is collected, none stops the others."""
    problems: list[Problem] = []

    birth = _valid_date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    if birth is not None and not MIN_BIRTH_YEAR <= birth.year <= today.year:
        birth = None  # a calendar date, but nobody in service was born then
    if birth is not None and birth > today:
        birth = None
    if birth is None:
        problems.append(_problem("nip.tanggal_lahir_salah", value=digits[0:8]))

    tmt_year, tmt_month = int(digits[8:12]), int(digits[12:14])
    tmt_plausible = 1 <= tmt_month <= 12 and (
        MIN_TMT_YEAR <= tmt_year <= today.year + TMT_YEARS_AHEAD
    )
    if tmt_plausible and birth is not None and (tmt_year, tmt_month) < (birth.year, birth.month):
        tmt_plausible = False  # appointed before being born
    if not tmt_plausible:
        problems.append(_problem("nip.tmt_salah", value=digits[8:14]))
    elif birth is not None:
        age = umur(birth, date(tmt_year, tmt_month, 1))
        if age < MIN_AGE_AT_TMT:
            problems.append(_problem("nip.tmt_terlalu_muda", Severity.WARNING, age=age))

    if digits[14] not in _GENDER_BY_DIGIT:
        problems.append(_problem("nip.kode_kelamin_salah", value=digits[14]))
    if digits[15:] == "000":
        problems.append(_problem("nip.urutan_nol"))
    return problems


def check_nip(
    text: object, *, jenis: JenisPegawai | None = None, today: date | None = None
) -> NipCheck:
    """Validate a NIP as typed or imported; never raises.

    ``jenis=PPPK`` checks only that there are 18 digits (the NI PPPK layout is unverified).
    ``today`` bounds the birth date and TMT (default: the system date).
    """
    if type(text) is str and text.isascii() and text.isdigit():
        digits = raw = text  # already clean (most imported cells): skip the normalising
    else:
        raw = _strip_apostrophe(unicodedata.normalize("NFKC", _as_text(text)))
        if looks_scientific(raw):
            # The last digits are already lost; no other check can say anything useful.
            return NipCheck(None, (_problem("nip.notasi_ilmiah", value=_shown(raw)),))
        digits = normalize_nip(raw)
    if not digits:
        return NipCheck(None, (_problem("nip.kosong"),))
    if not _is_digits(digits):
        return NipCheck(None, (_problem("nip.bukan_angka", value=_shown(raw)),))
    if len(digits) != NIP_LENGTH:
        return NipCheck(None, (_problem("nip.panjang_salah", length=len(digits)),))

    problems: list[Problem] = []
    if jenis is not JenisPegawai.PPPK:
        problems = _check_pns_segments(digits, today or date.today())
    has_error = any(p.is_error for p in problems)
    return NipCheck(None if has_error else Nip(digits), tuple(problems))


def parse_nip(text: object, *, jenis: JenisPegawai | None = None) -> Nip | None:
    """The :class:`Nip` when ``text`` passes :func:`check_nip` (warnings allowed), else None."""
    return check_nip(text, jenis=jenis).nip


def cross_check_nip(
    nip: Nip,
    *,
    birth_date: date | None,
    gender: JenisKelamin | None,
    severity: Severity = Severity.ERROR,
) -> list[Problem]:
    """Compare the NIP segments with the separately recorded birth date and gender.

    Segments that are not valid (e.g. a PPPK number) are skipped rather than reported twice.
    """
    problems: list[Problem] = []
    if birth_date is not None:
        try:
            nip_birth: date | None = nip.birth_date
        except ValueError:
            nip_birth = None
        if nip_birth is not None and nip_birth != birth_date:
            problems.append(
                Problem(
                    "nip.tanggal_lahir_beda",
                    severity,
                    FIELD,
                    {
                        "birth_date": format_tanggal(birth_date),
                        "nip_birth_date": format_tanggal(nip_birth),
                    },
                )
            )
    if gender is not None:
        try:
            nip_gender: JenisKelamin | None = nip.gender
        except ValueError:
            nip_gender = None
        if nip_gender is not None and nip_gender is not gender:
            problems.append(
                Problem(
                    "nip.kelamin_beda",
                    severity,
                    FIELD,
                    {"gender": gender.label, "nip_gender": nip_gender.label},
                )
            )
    return problems


def format_nip(text: object) -> str:
    """``19860926 201505 1 001`` for an 18-digit value, otherwise the input unchanged."""
    digits = normalize_nip(text)
    if len(digits) == NIP_LENGTH and _is_digits(digits):
        return Nip(digits).formatted
    return _as_text(text)


def make_nip(birth_date: date, tmt_cpns: date, gender: JenisKelamin, sequence: int) -> Nip:
    """Compose a NIP (demo data); the day of ``tmt_cpns`` is ignored."""
    if not 1 <= sequence <= 999:
        raise ValueError(f"NIP sequence must be 1..999, not {sequence}")
    if (tmt_cpns.year, tmt_cpns.month) < (birth_date.year, birth_date.month):
        raise ValueError("TMT CPNS precedes the birth date")
    return Nip(
        f"{birth_date.year:04d}{birth_date.month:02d}{birth_date.day:02d}"
        f"{tmt_cpns.year:04d}{tmt_cpns.month:02d}{gender.nip_digit}{sequence:03d}"
    )
