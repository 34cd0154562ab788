"""Ratio estimates of staff need (pupils per teacher, health workers per 100,000) beside ABK."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from mutasi_desktop.domain.abk import exact_number
from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.messages import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class RatioRule:
    """``pegawai`` staff are needed for every ``per`` units of the driver.

    Teachers: ``per=20, pegawai=1`` (20 pupils per teacher). Health workers are stated per
    100,000 people, so ``per=100_000, pegawai=45``: keeping both numbers stores the rule as the
    regulation states it and keeps the arithmetic exact (no rounded 2,222.22… people per doctor
    deciding whether a whole quotient ceils one too high).
    The figure is a second opinion beside ABK: the formal basis for a transfer stays ANJAB-ABK
    (Peraturan BKN 5/2019), so it never replaces the ABK need.
    """

    name: str
    driver: str
    per: float
    jabatan_kata: str
    pegawai: float = 1
    dasar: str = ""

    def __post_init__(self) -> None:
        for value in (self.per, self.pegawai):
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise DomainError("abk.rasio_tidak_sah", name=self.name, value=value)
            if not math.isfinite(value):
                raise DomainError("abk.rasio_tidak_sah", name=self.name, value=value)

    @property
    def driver_per_pegawai(self) -> float:
        """Driver units per one staff member (display only: 20 pupils, 2,222.2 people)."""
        return float(exact_number(self.per) / exact_number(self.pegawai))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "driver": self.driver,
            "per": self.per,
            "pegawai": self.pegawai,
            "jabatan_kata": self.jabatan_kata,
            "dasar": self.dasar,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RatioRule:
        try:
            return cls(
                name=str(data["name"]),
                driver=str(data["driver"]),
                per=data["per"],
                jabatan_kata=str(data["jabatan_kata"]),
                pegawai=data.get("pegawai", 1),
                dasar=str(data.get("dasar", "")),
            )
        except (KeyError, TypeError) as exc:
            raise DomainError("abk.profil_tidak_sah", detail=str(exc)) from exc


def estimate(rule: RatioRule, driver_value: float) -> int:
    """``ceil(driver_value × pegawai / per)`` on exact rationals: 100 pupils at 20:1 → 5."""
    if isinstance(driver_value, bool) or not isinstance(driver_value, int | float):
        raise DomainError(
            "abk.angka_tidak_sah", label=rule.driver, uraian=rule.name, value=driver_value
        )
    if not math.isfinite(driver_value):
        raise DomainError(
            "abk.angka_tidak_sah", label=rule.driver, uraian=rule.name, value=driver_value
        )
    if driver_value < 0:
        raise DomainError("abk.pemicu_negatif", pemicu=rule.driver, value=driver_value)
    need = exact_number(driver_value) * exact_number(rule.pegawai) / exact_number(rule.per)
    return math.ceil(need)


@dataclass(frozen=True, slots=True)
class RatioEstimate:
    """One rule applied to the driver table; ``kebutuhan`` is None when the driver is missing."""

    rule: RatioRule
    nilai_pemicu: float | None
    kebutuhan: int | None


def estimate_all(rules: Iterable[RatioRule], drivers: Mapping[str, float]) -> list[RatioEstimate]:
    """Apply every rule whose driver exists; rules without their driver report None, not 0."""
    out: list[RatioEstimate] = []
    for rule in rules:
        value = drivers.get(rule.driver)
        out.append(RatioEstimate(rule, value, None if value is None else estimate(rule, value)))
    return out


# Reference §5.1: PP 74/2008 Pasal 17 (pupils per teacher) and Kepmenko Kesra 54/2013 targets
# for 2019 (health workers per 100,000 people). Driver names are the defaults the demo data uses.
DEFAULT_RATIO_RULES: dict[str, RatioRule] = {
    rule.name: rule
    for rule in (
        RatioRule(
            "guru_sd",
            "murid_sd",
            20,
            QT_TRANSLATE_NOOP("Pesan", "Guru SD"),
            dasar="PP 74/2008 Pasal 17",
        ),
        RatioRule(
            "guru_smp",
            "murid_smp",
            20,
            QT_TRANSLATE_NOOP("Pesan", "Guru SMP"),
            dasar="PP 74/2008 Pasal 17",
        ),
        RatioRule(
            "guru_sma",
            "murid_sma",
            20,
            QT_TRANSLATE_NOOP("Pesan", "Guru SMA"),
            dasar="PP 74/2008 Pasal 17",
        ),
        RatioRule(
            "guru_smk",
            "murid_smk",
            15,
            QT_TRANSLATE_NOOP("Pesan", "Guru SMK"),
            dasar="PP 74/2008 Pasal 17",
        ),
        RatioRule(
            "dokter_umum",
            "penduduk",
            100_000,
            QT_TRANSLATE_NOOP("Pesan", "Dokter umum"),
            pegawai=45,
            dasar="Kepmenko Kesra 54/2013 (target 2019)",
        ),
        RatioRule(
            "dokter_gigi",
            "penduduk",
            100_000,
            QT_TRANSLATE_NOOP("Pesan", "Dokter gigi"),
            pegawai=13,
            dasar="Kepmenko Kesra 54/2013 (target 2019)",
        ),
        RatioRule(
            "perawat",
            "penduduk",
            100_000,
            QT_TRANSLATE_NOOP("Pesan", "Perawat"),
            pegawai=180,
            dasar="Kepmenko Kesra 54/2013 (target 2019)",
        ),
        RatioRule(
            "bidan",
            "penduduk",
            100_000,
            QT_TRANSLATE_NOOP("Pesan", "Bidan"),
            pegawai=120,
            dasar="Kepmenko Kesra 54/2013 (target 2019)",
        ),
    )
}

__all__ = ["DEFAULT_RATIO_RULES", "RatioEstimate", "RatioRule", "estimate", "estimate_all"]
