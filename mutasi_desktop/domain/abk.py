"""Workload analysis (ABK) engine: profiles, workload, staff need, EJ/PJ, totals, scenarios."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any

from mutasi_desktop.domain.errors import DomainError, Problem, Severity
from mutasi_desktop.domain.messages import QT_TRANSLATE_NOOP

# Exact values are kept as int while they stay whole (int arithmetic is several times faster
# than Fraction, and almost every ABK volume and standard time is a whole number).
Exact = int | Fraction

# Version of the dict layout written by ``AbkProfile.to_dict`` (stored per analysis year).
PROFILE_FORMAT = 1

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------


class Periode(StrEnum):
    """The period a task volume is counted in; annualised by the profile's multipliers."""

    TAHUN = "tahun"
    BULAN = "bulan"
    MINGGU = "minggu"
    HARI = "hari"


class SatuanWaktu(StrEnum):
    MENIT = "menit"
    JAM = "jam"

    @property
    def menit(self) -> int:
        return 60 if self is SatuanWaktu.JAM else 1


class Pembulatan(StrEnum):
    """How the position's unrounded need becomes whole persons (never applied per task)."""

    SETENGAH_KE_ATAS = "setengah_ke_atas"  # Form C ROUND(x, 0): x.5 goes up
    KE_ATAS = "ke_atas"  # ceiling

    @property
    def label(self) -> str:
        return _PEMBULATAN_LABELS[self]


_PEMBULATAN_LABELS: dict[Pembulatan, str] = {
    Pembulatan.SETENGAH_KE_ATAS: QT_TRANSLATE_NOOP("Pesan", "Setengah ke atas (0,5 \u2192 1)"),
    Pembulatan.KE_ATAS: QT_TRANSLATE_NOOP("Pesan", "Selalu ke atas"),
}


class KondisiBeban(StrEnum):
    """Plain words beside the PJ grade, because the scale calls an overloaded post 'Sangat Baik'.

    The stable values are English (they appear in ``--json`` output); ``label`` is Indonesian.
    """

    OVERLOADED = "overloaded"
    BALANCED = "balanced"
    UNDERLOADED = "underloaded"
    KOSONG = "kosong"  # nobody holds the position: EJ is undefined

    @property
    def label(self) -> str:
        return _KONDISI_LABELS[self]


_KONDISI_LABELS: dict[KondisiBeban, str] = {
    KondisiBeban.OVERLOADED: QT_TRANSLATE_NOOP("Pesan", "Kelebihan beban"),
    KondisiBeban.BALANCED: QT_TRANSLATE_NOOP("Pesan", "Seimbang"),
    KondisiBeban.UNDERLOADED: QT_TRANSLATE_NOOP("Pesan", "Kekurangan beban"),
    KondisiBeban.KOSONG: QT_TRANSLATE_NOOP("Pesan", "Jabatan kosong"),
}


class StatusSelisih(StrEnum):
    """Sign of ``selisih = pegawai_ada - kebutuhan_bulat``."""

    KURANG = "kurang"
    LEBIH = "lebih"
    PAS = "pas"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS: dict[StatusSelisih, str] = {
    StatusSelisih.KURANG: QT_TRANSLATE_NOOP("Pesan", "Kurang pegawai"),
    StatusSelisih.LEBIH: QT_TRANSLATE_NOOP("Pesan", "Lebih pegawai"),
    StatusSelisih.PAS: QT_TRANSLATE_NOOP("Pesan", "Sesuai kebutuhan"),
}


def _norm_word(text: str) -> str:
    return " ".join(str(text).strip().lower().replace("_", " ").split())


_PERIODE_WORDS: dict[str, Periode] = {
    **{w: Periode.TAHUN for w in ("tahun", "tahunan", "per tahun", "thn", "th", "/tahun")},
    **{w: Periode.BULAN for w in ("bulan", "bulanan", "per bulan", "bln", "/bulan")},
    **{w: Periode.MINGGU for w in ("minggu", "mingguan", "per minggu", "mgg", "pekan", "/minggu")},
    **{w: Periode.HARI for w in ("hari", "harian", "per hari", "hr", "/hari")},
}

_SATUAN_WORDS: dict[str, SatuanWaktu] = {
    **{w: SatuanWaktu.MENIT for w in ("menit", "mnt", "min", "m", "minute", "minutes")},
    **{w: SatuanWaktu.JAM for w in ("jam", "j", "hour", "hours")},
}


def parse_periode(text: str | None) -> Periode | None:
    """Accept 'tahun', 'Bulanan', 'per minggu', 'hari' …; empty means tahun; None when unknown."""
    word = _norm_word(text or "")
    if not word:
        return Periode.TAHUN
    return _PERIODE_WORDS.get(word)


def parse_satuan_waktu(text: str | None) -> SatuanWaktu | None:
    """Accept 'menit'/'mnt'/'jam'…; empty means menit (design §4 default); None when unknown."""
    word = _norm_word(text or "")
    if not word:
        return SatuanWaktu.MENIT
    return _SATUAN_WORDS.get(word)


# ---------------------------------------------------------------------------------------------
# Exact numbers
# ---------------------------------------------------------------------------------------------


def exact_number(value: float | Decimal | Fraction) -> Exact:
    """The exact rational a user meant by ``value``.

    A float is read through its shortest decimal form (``repr``), i.e. the number the user typed
    or the workbook showed: 0.1 means 1/10, not the binary value 0.1000000000000000055…. Whole
    values come back as ``int``. Raises ``ValueError`` for NaN/infinity, ``TypeError`` otherwise.
    """
    if type(value) is int:
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value!r}")
        return Fraction(repr(value))
    if isinstance(value, bool):
        raise TypeError(f"not a number: {value!r}")
    if isinstance(value, int):
        return int(value)
    if isinstance(value, Decimal | Fraction):
        if isinstance(value, Decimal) and not value.is_finite():
            raise ValueError(f"not a finite number: {value!r}")
        frac = Fraction(value)
        return frac.numerator if frac.denominator == 1 else frac
    raise TypeError(f"not a number: {value!r}")


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, Decimal):
        return value.is_finite()
    return isinstance(value, int | Fraction)


# ---------------------------------------------------------------------------------------------
# Profile (everything that differs between rule sets)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PJBand:
    """One row of the Prestasi Jabatan table: EJ at or above (or above) ``min_ej`` → ``grade``.

    Bands are listed from the highest grade down; the last band has ``min_ej = None`` (no floor).
    ``kondisi`` may be set explicitly; when None it is derived (see ``AbkProfile.kondisi_band``).
    """

    grade: str
    label: str
    min_ej: float | None
    min_inclusive: bool = True
    kondisi: KondisiBeban | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "grade": self.grade,
            "label": self.label,
            "min_ej": self.min_ej,
            "min_inclusive": self.min_inclusive,
            "kondisi": None if self.kondisi is None else str(self.kondisi),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PJBand:
        kondisi = data.get("kondisi")
        return cls(
            grade=str(data["grade"]),
            label=str(data["label"]),
            min_ej=None if data.get("min_ej") is None else float(data["min_ej"]),
            min_inclusive=bool(data.get("min_inclusive", True)),
            kondisi=None if kondisi is None else KondisiBeban(kondisi),
        )


# Reference §1.5 (P-ABK-CODE-A pej()). The printed ranges "0,70–0,89" are read as
# 0.70 ≤ EJ < 0.90: each printed lower bound is inclusive and a band reaches up to the next one.
DEFAULT_BANDS: tuple[PJBand, ...] = (
    PJBand("A", QT_TRANSLATE_NOOP("Pesan", "Sangat Baik"), 1.0, False),
    PJBand("B", QT_TRANSLATE_NOOP("Pesan", "Baik"), 0.9, True),
    PJBand("C", QT_TRANSLATE_NOOP("Pesan", "Cukup"), 0.7, True),
    PJBand("D", QT_TRANSLATE_NOOP("Pesan", "Sedang"), 0.5, True),
    PJBand("E", QT_TRANSLATE_NOOP("Pesan", "Kurang"), None, True),
)

# Depkeu 2002 guideline (P-TUGINO): A > 1; B 0.81–1.00; C 0.66–0.80; D 0.50–0.65; E < 0.50,
# read the same way (an EJ of 0.805 falls in C, below B's printed floor of 0.81).
DEPKEU_2002_BANDS: tuple[PJBand, ...] = (
    PJBand("A", QT_TRANSLATE_NOOP("Pesan", "Sangat Baik"), 1.0, False),
    PJBand("B", QT_TRANSLATE_NOOP("Pesan", "Baik"), 0.81, True),
    PJBand("C", QT_TRANSLATE_NOOP("Pesan", "Cukup"), 0.66, True),
    PJBand("D", QT_TRANSLATE_NOOP("Pesan", "Sedang"), 0.5, True),
    PJBand("E", QT_TRANSLATE_NOOP("Pesan", "Kurang"), None, True),
)

# 1,250 h/yr = 104 h/month = 25 h/week = 5 h/day (reference §1.2).
DEFAULT_MULTIPLIERS: dict[Periode, float] = {
    Periode.TAHUN: 1,
    Periode.BULAN: 12,
    Periode.MINGGU: 50,
    Periode.HARI: 250,
}


def _default_multipliers() -> dict[Periode, float]:
    return dict(DEFAULT_MULTIPLIERS)


@dataclass(frozen=True)
class AbkProfile:
    """A named rule set, saved with each analysis year (``to_dict``/``from_dict``).

    ``multipliers[p]`` turns a volume counted per period ``p`` into a yearly volume; a rule set
    that states effective minutes per period (BKN 19/2011: 300/day … 72,000/yr) gives
    ``multiplier = wke_menit / minutes_per_period``.
    """

    name: str = "PermenPAN-RB 1/2020"
    wke_menit: float = 75_000
    multipliers: Mapping[Periode, float] = field(default_factory=_default_multipliers)
    pembulatan: Pembulatan = Pembulatan.SETENGAH_KE_ATAS
    minimal_satu: bool = False
    bands: tuple[PJBand, ...] = DEFAULT_BANDS

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        if not _is_number(self.wke_menit) or self.wke_menit <= 0:
            problems.append(
                Problem("abk.wke_tidak_sah", field="wke_menit", params={"value": self.wke_menit})
            )
        multipliers: dict[Periode, float] = {}
        for key, value in dict(self.multipliers).items():
            try:
                periode = Periode(key)
            except ValueError:
                problems.append(
                    Problem(
                        "field.pilihan_salah",
                        field="multipliers",
                        params={"value": key, "label": "periode"},
                    )
                )
                continue
            if not _is_number(value) or value <= 0:
                problems.append(
                    Problem(
                        "abk.pengali_tidak_sah",
                        field="multipliers",
                        params={"periode": str(periode), "value": value},
                    )
                )
            multipliers[periode] = value
        for periode in Periode:
            if periode not in multipliers:
                problems.append(
                    Problem(
                        "abk.pengali_tidak_sah",
                        field="multipliers",
                        params={"periode": str(periode), "value": None},
                    )
                )
        try:
            pembulatan = Pembulatan(self.pembulatan)
        except ValueError:
            problems.append(
                Problem(
                    "field.pilihan_salah",
                    field="pembulatan",
                    params={"value": self.pembulatan, "label": "pembulatan"},
                )
            )
            pembulatan = Pembulatan.SETENGAH_KE_ATAS
        bands = tuple(self.bands)
        if not _bands_valid(bands):
            problems.append(Problem("abk.band_tidak_sah", field="bands"))
        if problems:
            raise DomainError.from_problems(problems)
        # Own copies in canonical types: the caller's dict must not change a frozen profile.
        object.__setattr__(self, "multipliers", {p: multipliers[p] for p in Periode})
        object.__setattr__(self, "pembulatan", pembulatan)
        object.__setattr__(self, "bands", bands)
        object.__setattr__(self, "minimal_satu", bool(self.minimal_satu))

    def __hash__(self) -> int:
        return hash(
            (
                self.name,
                self.wke_menit,
                tuple(self.multipliers.items()),
                self.pembulatan,
                self.minimal_satu,
                self.bands,
            )
        )

    def replace(self, **changes: Any) -> AbkProfile:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able dict (enum values as strings, numbers as numbers)."""
        return {
            "format": PROFILE_FORMAT,
            "name": self.name,
            "wke_menit": self.wke_menit,
            "multipliers": {str(p): v for p, v in self.multipliers.items()},
            "pembulatan": str(self.pembulatan),
            "minimal_satu": self.minimal_satu,
            "bands": [band.to_dict() for band in self.bands],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AbkProfile:
        """Inverse of ``to_dict``; missing keys take the defaults; bad data → DomainError."""
        try:
            fmt = int(data.get("format", PROFILE_FORMAT))
            if fmt > PROFILE_FORMAT:
                raise DomainError("abk.profil_tidak_sah", detail=f"format {fmt}")
            kwargs: dict[str, Any] = {}
            if "name" in data:
                kwargs["name"] = str(data["name"])
            if "wke_menit" in data:
                kwargs["wke_menit"] = data["wke_menit"]
            if "multipliers" in data:
                kwargs["multipliers"] = dict(data["multipliers"])
            if "pembulatan" in data:
                kwargs["pembulatan"] = data["pembulatan"]
            if "minimal_satu" in data:
                kwargs["minimal_satu"] = bool(data["minimal_satu"])
            if "bands" in data:
                kwargs["bands"] = tuple(PJBand.from_dict(b) for b in data["bands"])
        except DomainError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DomainError("abk.profil_tidak_sah", detail=str(exc)) from exc
        return cls(**kwargs)

    # -- rules ---------------------------------------------------------------------------------

    def band_for(self, ej: float | Fraction) -> PJBand:
        """The PJ band of an EJ value (compared exactly)."""
        return self.bands[_band_index(_compile_bands(self.bands), exact_number(ej))]

    def kondisi_band(self, band: PJBand) -> KondisiBeban:
        """Plain-word workload of a band.

        Explicit ``band.kondisi`` wins. Otherwise the band containing EJ = 1 (each incumbent
        carries exactly one full-time load) is *balanced* — B in both shipped tables — bands
        above it are *overloaded* (A) and bands below are *underloaded* (C–E).
        """
        return _kondisi_table(self.bands)[self.bands.index(band)]

    def round_kebutuhan(self, kebutuhan: float | Fraction) -> int:
        """Whole persons for a position's unrounded need under this profile's policy."""
        return _round_need(exact_number(kebutuhan), self.pembulatan, self.minimal_satu)


def _bands_valid(bands: Sequence[PJBand]) -> bool:
    if not bands or not all(isinstance(b, PJBand) for b in bands):
        return False
    if bands[-1].min_ej is not None:
        return False
    if len({b.grade for b in bands}) != len(bands):
        return False
    floors = [b.min_ej for b in bands[:-1]]
    if any(f is None or not _is_number(f) or f < 0 for f in floors):
        return False
    exact = [exact_number(f) for f in floors if f is not None]
    return all(a > b for a, b in itertools.pairwise(exact))


def _compile_bands(bands: Sequence[PJBand]) -> list[tuple[Exact | None, bool]]:
    return [(None if b.min_ej is None else exact_number(b.min_ej), b.min_inclusive) for b in bands]


def _band_index(compiled: Sequence[tuple[Exact | None, bool]], ej: Exact) -> int:
    for index, (floor, inclusive) in enumerate(compiled):
        if floor is None or ej > floor or (inclusive and ej == floor):
            return index
    return len(compiled) - 1  # unreachable for a valid table (last band has no floor)


def _kondisi_table(bands: Sequence[PJBand]) -> list[KondisiBeban]:
    balanced = _band_index(_compile_bands(bands), 1)
    out: list[KondisiBeban] = []
    for index, band in enumerate(bands):
        if band.kondisi is not None:
            out.append(KondisiBeban(band.kondisi))
        elif index < balanced:
            out.append(KondisiBeban.OVERLOADED)
        elif index == balanced:
            out.append(KondisiBeban.BALANCED)
        else:
            out.append(KondisiBeban.UNDERLOADED)
    return out


def _round_need(kebutuhan: Exact, pembulatan: Pembulatan, minimal_satu: bool) -> int:
    """Exact rounding of a non-negative rational (no float ever decides the .5 case)."""
    if isinstance(kebutuhan, int):
        return kebutuhan
    num, den = kebutuhan.numerator, kebutuhan.denominator
    # Half-up is floor(x + 1/2) on the exact rational: 2.5 → 3, 2.4999… → 2.
    whole = -(-num // den) if pembulatan is Pembulatan.KE_ATAS else (2 * num + den) // (2 * den)
    if whole == 0 and minimal_satu and num > 0:
        # A post with some workload stays in the peta jabatan with one person (reference §1.4a);
        # a post with zero workload keeps 0.
        whole = 1
    return whole


PERMENPANRB_1_2020 = AbkProfile()

# Perka BKN 19/2011: 1 day = 300 min, 1 week = 1,500, 1 month = 6,000, 1 year = 72,000.
BKN_19_2011 = AbkProfile(
    name="Perka BKN 19/2011",
    wke_menit=72_000,
    multipliers={Periode.TAHUN: 1, Periode.BULAN: 12, Periode.MINGGU: 48, Periode.HARI: 240},
)

# Thesis example (P-THESIS-123DOK): 288 days × 5 h = 86,400 min; 25 h/week gives 57.6 weeks.
KEPMENPAN_75_2004 = AbkProfile(
    name="KepMenPAN 75/2004",
    wke_menit=86_400,
    multipliers={Periode.TAHUN: 1, Periode.BULAN: 12, Periode.MINGGU: 57.6, Periode.HARI: 288},
)

PROFILES: dict[str, AbkProfile] = {
    p.name: p for p in (PERMENPANRB_1_2020, BKN_19_2011, KEPMENPAN_75_2004)
}

# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TaskInput:
    """One task row (uraian tugas) of a position.

    Yearly volume: ``volume × multipliers[periode]``; with a driver (``pemicu``) it is
    ``rasio × drivers[pemicu] × multipliers[periode]`` — driver values are yearly quantities and
    ``rasio`` is the volume per driver unit in the task's period (with the default period
    ``tahun`` this is simply ``rasio × driver``).
    """

    uraian: str
    satuan_hasil: str
    waktu: float
    satuan_waktu: SatuanWaktu
    volume: float | None
    periode: Periode
    pemicu: str | None = None
    rasio: float | None = None


@dataclass(frozen=True, slots=True)
class PositionInput:
    """A position in one unit (the key of surplus/shortage) with its tasks and headcount."""

    key: Hashable
    unit_key: Hashable
    jabatan: str
    tasks: tuple[TaskInput, ...]
    pegawai_ada: int


def validate_task(
    task: TaskInput,
    drivers: Mapping[str, float] | None = None,
    profile: AbkProfile | None = None,
) -> list[Problem]:
    """Problems of one task (errors stop ``compute``; warnings are reported with the result)."""
    drivers = drivers or {}
    multipliers = (profile or PERMENPANRB_1_2020).multipliers
    problems: list[Problem] = []
    ctx: dict[str, Any] = {"uraian": task.uraian}

    def err(code: str, fld: str, **params: Any) -> None:
        problems.append(Problem(code, Severity.ERROR, fld, {**ctx, **params}))

    def warn(code: str, fld: str, **params: Any) -> None:
        problems.append(Problem(code, Severity.WARNING, fld, {**ctx, **params}))

    if not _is_number(task.waktu):
        err("abk.angka_tidak_sah", "waktu", value=task.waktu, label="waktu penyelesaian")
    elif task.waktu < 0:
        err("abk.waktu_negatif", "waktu", value=task.waktu)
    if task.satuan_waktu not in _SATUAN_VALUES:
        err("field.pilihan_salah", "satuan_waktu", value=task.satuan_waktu, label="satuan waktu")
    if task.periode not in multipliers:
        err("field.pilihan_salah", "periode", value=task.periode, label="periode")

    if task.pemicu is None:
        if task.volume is None:
            err("abk.volume_kosong", "volume")
        elif not _is_number(task.volume):
            err("abk.angka_tidak_sah", "volume", value=task.volume, label="volume")
        elif task.volume < 0:
            err("abk.volume_negatif", "volume", value=task.volume)
        if task.rasio is not None:
            warn("abk.rasio_diabaikan", "rasio", value=task.rasio)
        return problems

    ctx["pemicu"] = task.pemicu
    if task.rasio is None:
        err("abk.rasio_kosong", "rasio")
    elif not _is_number(task.rasio):
        err("abk.angka_tidak_sah", "rasio", value=task.rasio, label="rasio")
    elif task.rasio < 0:
        err("abk.rasio_negatif", "rasio", value=task.rasio)
    if task.pemicu not in drivers:
        err("abk.pemicu_tidak_dikenal", "pemicu")
    else:
        value = drivers[task.pemicu]
        if not _is_number(value):
            err("abk.angka_tidak_sah", "pemicu", value=value, label="nilai pemicu")
        elif value < 0:
            err("abk.pemicu_negatif", "pemicu", value=value)
    if task.volume is not None:
        warn("abk.volume_diabaikan", "volume", value=task.volume)
    return problems


_SATUAN_VALUES = frozenset(str(s) for s in SatuanWaktu)


def validate_position(
    position: PositionInput,
    drivers: Mapping[str, float] | None = None,
    profile: AbkProfile | None = None,
) -> list[Problem]:
    """Problems of a position and its tasks; task problems carry ``tugas`` (1-based row)."""
    problems: list[Problem] = []
    ctx = {"jabatan": position.jabatan, "unit": position.unit_key}
    pegawai = position.pegawai_ada
    if isinstance(pegawai, bool) or not isinstance(pegawai, int):
        problems.append(
            Problem("abk.pegawai_tidak_sah", field="pegawai_ada", params={**ctx, "value": pegawai})
        )
    elif pegawai < 0:
        problems.append(
            Problem("abk.pegawai_negatif", field="pegawai_ada", params={**ctx, "value": pegawai})
        )
    for row, task in enumerate(position.tasks, start=1):
        for p in validate_task(task, drivers, profile):
            problems.append(replace(p, params={**ctx, "tugas": row, **p.params}))
    return problems


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TaskResult:
    """Yearly figures of one task; ``kebutuhan`` is its share of FTE (display only, unrounded)."""

    volume_tahunan: float
    beban_kerja_menit: float
    kebutuhan: float


@dataclass(frozen=True, slots=True)
class PositionResult:
    """Workload of one position in one unit (a row of Form C)."""

    key: Hashable
    unit_key: Hashable
    jabatan: str
    beban_kerja_menit: float
    kebutuhan: float  # unrounded FTE = beban / WKE
    kebutuhan_bulat: int
    pegawai_ada: int
    selisih: int  # pegawai_ada − kebutuhan_bulat: negative = kurang, positive = lebih
    ej: float | None  # None when nobody holds the position
    pj: str | None
    pj_label: str | None
    kondisi: KondisiBeban
    status: StatusSelisih
    tugas: tuple[TaskResult, ...] = field(default=(), repr=False)
    beban_kerja_eksak: Fraction = field(default=Fraction(0), repr=False)

    @property
    def kurang(self) -> int:
        return max(0, -self.selisih)

    @property
    def lebih(self) -> int:
        return max(0, self.selisih)

    def to_dict(self) -> dict[str, Any]:
        """Keys of ``mutasi abk report --json`` (``unit`` is the opaque unit key)."""
        return {
            "unit": self.unit_key,
            "jabatan": self.jabatan,
            "beban_kerja_menit": self.beban_kerja_menit,
            "kebutuhan": self.kebutuhan,
            "kebutuhan_bulat": self.kebutuhan_bulat,
            "pegawai_ada": self.pegawai_ada,
            "selisih": self.selisih,
            "kurang": self.kurang,
            "lebih": self.lebih,
            "ej": self.ej,
            "pj": self.pj,
            "pj_label": self.pj_label,
            "kondisi": str(self.kondisi),
            "status": str(self.status),
        }


@dataclass(frozen=True, slots=True)
class UnitResult:
    """Totals of a group of positions (a unit, an OPD or the whole regency).

    ``kurang``/``lebih`` add up per-position shortages and surpluses separately: a surplus in
    one position or unit never offsets a shortage in another (reference §1.6).
    ``eu = Σ beban / (Σ pegawai_ada × WKE)``, None when the group has nobody.
    """

    key: Hashable
    jumlah_jabatan: int
    jumlah_kosong: int
    beban_kerja_menit: float
    kebutuhan: float  # Σ unrounded
    kebutuhan_bulat: int  # Σ of the per-position rounded needs
    pegawai_ada: int
    kurang: int
    lebih: int
    eu: float | None
    pj: str | None
    pj_label: str | None
    kondisi: KondisiBeban
    beban_kerja_eksak: Fraction = field(default=Fraction(0), repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit": self.key,
            "jumlah_jabatan": self.jumlah_jabatan,
            "jumlah_kosong": self.jumlah_kosong,
            "beban_kerja_menit": self.beban_kerja_menit,
            "kebutuhan": self.kebutuhan,
            "kebutuhan_bulat": self.kebutuhan_bulat,
            "pegawai_ada": self.pegawai_ada,
            "kurang": self.kurang,
            "lebih": self.lebih,
            "eu": self.eu,
            "pj": self.pj,
            "pj_label": self.pj_label,
            "kondisi": str(self.kondisi),
        }


OpdResult = UnitResult


@dataclass(frozen=True)
class AbkResult:
    """Everything one recompute produces; ``units`` is keyed by unit key, ``opds`` by OPD key."""

    profile: AbkProfile
    drivers: Mapping[str, float]
    positions: tuple[PositionResult, ...]
    units: Mapping[Hashable, UnitResult]
    opds: Mapping[Hashable, UnitResult]
    totals: UnitResult
    peringatan: tuple[Problem, ...] = ()

    def position(self, key: Hashable) -> PositionResult:
        """The result of the position with ``key``; KeyError when absent."""
        for result in self.positions:
            if result.key == key:
                return result
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile.to_dict(),
            "positions": [p.to_dict() for p in self.positions],
            "units": [u.to_dict() for u in self.units.values()],
            "opds": [o.to_dict() for o in self.opds.values()],
            "totals": self.totals.to_dict(),
        }


# ---------------------------------------------------------------------------------------------
# Computation
# ---------------------------------------------------------------------------------------------


class _Rules:
    """A profile compiled into exact numbers once per recompute."""

    __slots__ = ("bands", "kondisi", "minimal_satu", "multipliers", "pembulatan", "wke")

    def __init__(self, profile: AbkProfile) -> None:
        self.wke: Exact = exact_number(profile.wke_menit)
        self.multipliers: dict[str, Exact] = {
            str(p): exact_number(v) for p, v in profile.multipliers.items()
        }
        self.pembulatan = profile.pembulatan
        self.minimal_satu = profile.minimal_satu
        self.bands = _compile_bands(profile.bands)
        self.kondisi = _kondisi_table(profile.bands)


def _grade(
    profile: AbkProfile, rules: _Rules, beban: Exact, pegawai: int
) -> tuple[float | None, str | None, str | None, KondisiBeban]:
    if pegawai <= 0:
        return None, None, None, KondisiBeban.KOSONG
    ej = Fraction(beban) / (pegawai * rules.wke)
    index = _band_index(rules.bands, ej)
    band = profile.bands[index]
    return float(ej), band.grade, band.label, rules.kondisi[index]


def compute(
    positions: Iterable[PositionInput],
    profile: AbkProfile = PERMENPANRB_1_2020,
    drivers: Mapping[str, float] | None = None,
    opd_of: Mapping[Hashable, Hashable] | Callable[[Hashable], Hashable] | None = None,
) -> AbkResult:
    """Recompute the whole analysis.

    Workload is summed exactly per position and rounded once on the position total. Any error
    in the inputs (negative time, unknown driver …) raises ``DomainError`` listing every problem
    with its ``jabatan``/``tugas``; nothing is half-computed. Warnings travel in ``peringatan``.
    ``opd_of`` maps a unit key to its group key (OPD, or any ancestor) for ``opds``.
    """
    drivers = dict(drivers or {})
    rules = _Rules(profile)
    mult = rules.multipliers
    wke = rules.wke
    exact_cache: dict[float, Exact] = {}
    driver_cache: dict[str, Exact] = {}
    results: list[PositionResult] = []
    problems: list[Problem] = []

    def ex(value: float) -> Exact:
        # Most values repeat (times like 15 or 7.5 min); the cache keeps Fraction parsing rare.
        if type(value) is int:
            return value
        hit = exact_cache.get(value)
        if hit is None:
            hit = exact_cache[value] = exact_number(value)
        return hit

    for pos in positions:
        total: Exact = 0
        task_results: list[TaskResult] = []
        pegawai = pos.pegawai_ada
        ok = isinstance(pegawai, int) and not isinstance(pegawai, bool) and pegawai >= 0
        warned = False
        for t in pos.tasks:
            try:
                waktu = ex(t.waktu)
                if t.satuan_waktu == SatuanWaktu.JAM:
                    waktu = waktu * 60
                elif t.satuan_waktu != SatuanWaktu.MENIT:
                    raise ValueError
                if t.pemicu is None:
                    volume = ex(t.volume)  # type: ignore[arg-type]  # None → TypeError
                    if t.rasio is not None:
                        warned = True
                else:
                    base = driver_cache.get(t.pemicu)
                    if base is None:
                        base = driver_cache[t.pemicu] = exact_number(drivers[t.pemicu])
                    volume = ex(t.rasio) * base  # type: ignore[arg-type]
                    if base < 0:
                        raise ValueError
                    if t.volume is not None:
                        warned = True
                volume = volume * mult[t.periode]
                if waktu < 0 or volume < 0:
                    raise ValueError
            except (TypeError, ValueError, KeyError):
                ok = False
                continue
            beban = volume * waktu
            total += beban
            task_results.append(TaskResult(float(volume), float(beban), float(beban / wke)))
        if not ok or warned:
            found = validate_position(pos, drivers, profile)
            if not ok and not any(p.is_error for p in found):
                # The fast path refused a value the validator has no sentence for (a string
                # where a number belongs…): still refuse, never drop the position silently.
                found.append(
                    Problem(
                        "abk.tugas_tidak_sah",
                        params={"jabatan": pos.jabatan, "unit": pos.unit_key},
                    )
                )
            problems.extend(found)
            if not ok:
                continue
        results.append(_position_result(pos, profile, rules, total, tuple(task_results)))

    errors = [p for p in problems if p.is_error]
    if errors:
        raise DomainError.from_problems(errors)

    units = aggregate(results, profile)
    opds = aggregate(results, profile, opd_of) if opd_of is not None else {}
    return AbkResult(
        profile=profile,
        drivers=drivers,
        positions=tuple(results),
        units=units,
        opds=opds,
        totals=total_of(results, profile),
        peringatan=tuple(problems),
    )


def _position_result(
    pos: PositionInput,
    profile: AbkProfile,
    rules: _Rules,
    total: Exact,
    tasks: tuple[TaskResult, ...],
) -> PositionResult:
    kebutuhan = Fraction(total, 1) / rules.wke
    bulat = _round_need(kebutuhan, rules.pembulatan, rules.minimal_satu)
    pegawai = pos.pegawai_ada
    selisih = pegawai - bulat
    ej, grade, label, kondisi = _grade(profile, rules, total, pegawai)
    status = (
        StatusSelisih.KURANG
        if selisih < 0
        else StatusSelisih.LEBIH
        if selisih > 0
        else StatusSelisih.PAS
    )
    return PositionResult(
        key=pos.key,
        unit_key=pos.unit_key,
        jabatan=pos.jabatan,
        beban_kerja_menit=float(total),
        kebutuhan=float(kebutuhan),
        kebutuhan_bulat=bulat,
        pegawai_ada=pegawai,
        selisih=selisih,
        ej=ej,
        pj=grade,
        pj_label=label,
        kondisi=kondisi,
        status=status,
        tugas=tasks,
        beban_kerja_eksak=Fraction(total),
    )


class _Acc:
    __slots__ = ("beban", "bulat", "jabatan", "kosong", "kurang", "lebih", "pegawai")

    def __init__(self) -> None:
        self.beban: Exact = 0
        self.bulat = 0
        self.jabatan = 0
        self.kosong = 0
        self.kurang = 0
        self.lebih = 0
        self.pegawai = 0


def _identity(unit: Hashable) -> Hashable:
    return unit


def aggregate(
    positions: Iterable[PositionResult],
    profile: AbkProfile,
    group_of: Mapping[Hashable, Hashable] | Callable[[Hashable], Hashable] | None = None,
) -> dict[Hashable, UnitResult]:
    """Group position results by unit (default) or by ``group_of(unit_key)`` (OPD, ancestor…).

    Groups appear in first-seen order. A unit missing from a ``group_of`` mapping is an error
    (``abk.unit_tanpa_induk``) rather than a silent drop from the totals.
    """
    key_of: Callable[[Hashable], Hashable]
    if group_of is None:
        key_of = _identity
    elif callable(group_of):
        key_of = group_of
    else:
        mapping = group_of

        def key_of(unit: Hashable) -> Hashable:
            try:
                return mapping[unit]
            except KeyError:
                raise DomainError("abk.unit_tanpa_induk", unit=unit) from None

    rules = _Rules(profile)
    accs: dict[Hashable, _Acc] = {}
    for p in positions:
        group = key_of(p.unit_key)
        acc = accs.get(group)
        if acc is None:
            acc = accs[group] = _Acc()
        acc.beban += p.beban_kerja_eksak
        acc.bulat += p.kebutuhan_bulat
        acc.jabatan += 1
        acc.kosong += p.pegawai_ada == 0
        acc.kurang += p.kurang
        acc.lebih += p.lebih
        acc.pegawai += p.pegawai_ada
    return {key: _unit_result(key, acc, profile, rules) for key, acc in accs.items()}


def total_of(positions: Iterable[PositionResult], profile: AbkProfile) -> UnitResult:
    """Totals over all positions (key None); an empty input gives an all-zero 'kosong' total."""
    groups = aggregate(positions, profile, lambda _unit: None)
    return groups.get(None) or _unit_result(None, _Acc(), profile, _Rules(profile))


def _unit_result(key: Hashable, acc: _Acc, profile: AbkProfile, rules: _Rules) -> UnitResult:
    beban = Fraction(acc.beban)
    eu, grade, label, kondisi = _grade(profile, rules, beban, acc.pegawai)
    return UnitResult(
        key=key,
        jumlah_jabatan=acc.jabatan,
        jumlah_kosong=acc.kosong,
        beban_kerja_menit=float(beban),
        kebutuhan=float(beban / rules.wke),
        kebutuhan_bulat=acc.bulat,
        pegawai_ada=acc.pegawai,
        kurang=acc.kurang,
        lebih=acc.lebih,
        eu=eu,
        pj=grade,
        pj_label=label,
        kondisi=kondisi,
        beban_kerja_eksak=beban,
    )


# ---------------------------------------------------------------------------------------------
# Scenarios and comparison
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScenarioOverride:
    """Set a driver to ``absolute``, or change it by ``percent`` (+30 means ×1.3); not both."""

    driver: str
    absolute: float | None = None
    percent: float | None = None

    def __post_init__(self) -> None:
        if (self.absolute is None) == (self.percent is None):
            raise DomainError("abk.skenario_ganda", pemicu=self.driver)
        value = self.absolute if self.absolute is not None else self.percent
        if not _is_number(value):
            raise DomainError("abk.skenario_tidak_sah", pemicu=self.driver, value=value)
        if self.absolute is not None and self.absolute < 0:
            raise DomainError("abk.pemicu_negatif", pemicu=self.driver, value=self.absolute)

    @classmethod
    def parse(cls, driver: str, text: str) -> ScenarioOverride:
        """'+30 %', '-12,5%', '30%' → percent; '25000', '25.000', '1.250,5' → absolute."""
        raw = str(text).strip().replace("\u2212", "-")
        match = _PERCENT_RE.fullmatch(raw)
        try:
            if match:
                return cls(driver, percent=float(_id_number(match.group(1))))
            if raw and raw[0] in "+-":
                raise ValueError(raw)  # a signed plain number is ambiguous (delta or value?)
            return cls(driver, absolute=float(_id_number(raw)))
        except (ValueError, ArithmeticError):
            raise DomainError("abk.skenario_tidak_sah", pemicu=driver, value=text) from None

    def apply(self, value: float) -> float:
        if self.absolute is not None:
            return self.absolute
        assert self.percent is not None
        # Exact: 18,000 × (1 + 30/100) must be 23,400, not 23,400.000000000004.
        new = exact_number(value) * (100 + exact_number(self.percent)) / 100
        if new < 0:
            raise DomainError("abk.pemicu_negatif", pemicu=self.driver, value=float(new))
        return float(new)

    def to_dict(self) -> dict[str, Any]:
        return {"driver": self.driver, "absolute": self.absolute, "percent": self.percent}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScenarioOverride:
        return cls(str(data["driver"]), data.get("absolute"), data.get("percent"))


_PERCENT_RE = re.compile(r"([+-]?\s*[\d.,]+)\s*%")


def _id_number(text: str) -> Decimal:
    """Read '1.250,5' (Indonesian), '1,250.5', '12,5' or '12.5' as a Decimal.

    A lone separator followed by exactly three digits is a thousands separator ('25.000' is
    twenty-five thousand in Indonesian notation), unless the number starts with 0 ('0.125').
    """
    s = text.replace(" ", "")
    digits = s.lstrip("+-")
    if "," in s and "." in s:
        decimal_sep = "," if s.rfind(",") > s.rfind(".") else "."
        thousands_sep = "." if decimal_sep == "," else ","
        s = s.replace(thousands_sep, "").replace(decimal_sep, ".")
    else:
        sep = "," if "," in s else "." if "." in s else ""
        if sep:
            parts = digits.split(sep)
            thousands = len(parts) > 2 or (len(parts[1]) == 3 and not digits.startswith("0"))
            s = s.replace(sep, "") if thousands else s.replace(sep, ".")
    value = Decimal(s)
    if not value.is_finite():
        raise ValueError(text)
    return value


@dataclass(frozen=True, slots=True)
class Scenario:
    """A named set of driver overrides ('penerima bansos +30 %')."""

    name: str
    overrides: tuple[ScenarioOverride, ...] = ()

    def apply(self, drivers: Mapping[str, float]) -> dict[str, float]:
        return apply_scenario(drivers, self.overrides)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "overrides": [o.to_dict() for o in self.overrides]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Scenario:
        return cls(
            str(data["name"]),
            tuple(ScenarioOverride.from_dict(o) for o in data.get("overrides", ())),
        )


def apply_scenario(
    drivers: Mapping[str, float], overrides: Iterable[ScenarioOverride]
) -> dict[str, float]:
    """A new driver table with the overrides applied in order (the input is left untouched).

    Overriding a driver the base table does not have is an error: it is almost always a typo,
    and a silently ignored scenario would look like 'no effect'.
    """
    out = dict(drivers)
    for override in overrides:
        if override.driver not in out:
            raise DomainError("abk.pemicu_tidak_dikenal", pemicu=override.driver)
        out[override.driver] = override.apply(out[override.driver])
    return out


@dataclass(frozen=True, slots=True)
class PositionDelta:
    """One position side by side in two results (``sebelum``/``sesudah`` None when absent)."""

    key: Hashable
    unit_key: Hashable
    jabatan: str
    sebelum: PositionResult | None
    sesudah: PositionResult | None
    delta_beban_kerja_menit: float
    delta_kebutuhan: float
    delta_kebutuhan_bulat: int
    delta_pegawai_ada: int
    delta_selisih: int
    delta_ej: float | None  # None unless both sides have an EJ
    pj_berubah: bool

    @property
    def berubah(self) -> bool:
        return bool(
            self.sebelum is None
            or self.sesudah is None
            or self.delta_beban_kerja_menit
            or self.delta_kebutuhan_bulat
            or self.delta_pegawai_ada
            or self.pj_berubah
        )


def _get(result: PositionResult | None, name: str, missing: Any) -> Any:
    return missing if result is None else getattr(result, name)


def compare(
    a: AbkResult | Iterable[PositionResult], b: AbkResult | Iterable[PositionResult]
) -> list[PositionDelta]:
    """Per-position deltas ``b − a`` matched by position key: a's order, then b's new keys.

    Both results should come from the same profile; deltas of a missing side count it as zero.
    """
    before = {p.key: p for p in (a.positions if isinstance(a, AbkResult) else a)}
    after = {p.key: p for p in (b.positions if isinstance(b, AbkResult) else b)}
    keys = list(before) + [k for k in after if k not in before]
    out: list[PositionDelta] = []
    for key in keys:
        x, y = before.get(key), after.get(key)
        ref = y if y is not None else x
        assert ref is not None
        ej_x = None if x is None else x.ej
        ej_y = None if y is None else y.ej
        out.append(
            PositionDelta(
                key=key,
                unit_key=ref.unit_key,
                jabatan=ref.jabatan,
                sebelum=x,
                sesudah=y,
                delta_beban_kerja_menit=float(
                    _get(y, "beban_kerja_eksak", Fraction(0))
                    - _get(x, "beban_kerja_eksak", Fraction(0))
                ),
                delta_kebutuhan=_get(y, "kebutuhan", 0.0) - _get(x, "kebutuhan", 0.0),
                delta_kebutuhan_bulat=_get(y, "kebutuhan_bulat", 0) - _get(x, "kebutuhan_bulat", 0),
                delta_pegawai_ada=_get(y, "pegawai_ada", 0) - _get(x, "pegawai_ada", 0),
                delta_selisih=_get(y, "selisih", 0) - _get(x, "selisih", 0),
                delta_ej=None if ej_x is None or ej_y is None else ej_y - ej_x,
                pj_berubah=_get(x, "pj", None) != _get(y, "pj", None),
            )
        )
    return out


__all__ = [
    "BKN_19_2011",
    "DEFAULT_BANDS",
    "DEFAULT_MULTIPLIERS",
    "DEPKEU_2002_BANDS",
    "KEPMENPAN_75_2004",
    "PERMENPANRB_1_2020",
    "PROFILES",
    "AbkProfile",
    "AbkResult",
    "KondisiBeban",
    "OpdResult",
    "PJBand",
    "Pembulatan",
    "Periode",
    "PositionDelta",
    "PositionInput",
    "PositionResult",
    "SatuanWaktu",
    "Scenario",
    "ScenarioOverride",
    "StatusSelisih",
    "TaskInput",
    "TaskResult",
    "UnitResult",
    "aggregate",
    "apply_scenario",
    "compare",
    "compute",
    "exact_number",
    "parse_periode",
    "parse_satuan_waktu",
    "total_of",
    "validate_position",
    "validate_task",
]
