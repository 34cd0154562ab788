"""Tests of the ratio estimator (pupils per teacher, health workers per 100,000 people)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mutasi_desktop.domain.abk import PositionInput, SatuanWaktu, TaskInput, compute
from mutasi_desktop.domain.abk_ratio import (
    DEFAULT_RATIO_RULES,
    RatioRule,
    estimate,
    estimate_all,
)
from mutasi_desktop.domain.errors import DomainError


def test_default_rules_match_reference() -> None:
    per = {name: (r.driver, r.per, r.pegawai) for name, r in DEFAULT_RATIO_RULES.items()}
    assert per == {
        "guru_sd": ("murid_sd", 20, 1),
        "guru_smp": ("murid_smp", 20, 1),
        "guru_sma": ("murid_sma", 20, 1),
        "guru_smk": ("murid_smk", 15, 1),
        "dokter_umum": ("penduduk", 100_000, 45),
        "dokter_gigi": ("penduduk", 100_000, 13),
        "perawat": ("penduduk", 100_000, 180),
        "bidan": ("penduduk", 100_000, 120),
    }


@pytest.mark.parametrize(
    ("rule", "value", "need"),
    [
        ("guru_sd", 100, 5),  # reference §5.1 worked example
        ("guru_sd", 101, 6),
        ("guru_sd", 0, 0),
        ("guru_smk", 150, 10),
        ("guru_smk", 151, 11),
        ("dokter_umum", 100_000, 45),  # whole quotient: no extra person
        ("dokter_umum", 290_000, 131),  # 130.5 → 131
        ("dokter_gigi", 290_000, 38),  # 37.7
        ("perawat", 290_000, 522),  # exactly 522
        ("bidan", 290_000, 348),  # exactly 348
        ("bidan", 290_001, 349),
    ],
)
def test_estimate(rule: str, value: float, need: int) -> None:
    assert estimate(DEFAULT_RATIO_RULES[rule], value) == need


def test_driver_per_pegawai_for_display() -> None:
    assert DEFAULT_RATIO_RULES["guru_sd"].driver_per_pegawai == 20
    assert DEFAULT_RATIO_RULES["dokter_umum"].driver_per_pegawai == pytest.approx(2_222.222, 1e-6)


def test_editable_rule_round_trip() -> None:
    rule = RatioRule("guru_mi", "murid_mi", 15, "Guru MI", dasar="[UNVERIFIED]")
    assert RatioRule.from_dict(json.loads(json.dumps(rule.to_dict()))) == rule
    with pytest.raises(DomainError) as info:
        RatioRule.from_dict({"name": "x"})
    assert info.value.code == "abk.profil_tidak_sah"


@pytest.mark.parametrize("per", [0, -5, float("nan"), float("inf")])
def test_rule_rejects_bad_ratio(per: float) -> None:
    with pytest.raises(DomainError) as info:
        RatioRule("x", "d", per, "X")
    assert info.value.code == "abk.rasio_tidak_sah"


def test_estimate_rejects_bad_driver_values() -> None:
    rule = DEFAULT_RATIO_RULES["guru_sd"]
    with pytest.raises(DomainError) as info:
        estimate(rule, -1)
    assert info.value.code == "abk.pemicu_negatif"
    with pytest.raises(DomainError) as info:
        estimate(rule, float("nan"))
    assert info.value.code == "abk.angka_tidak_sah"


def test_estimate_all_reports_missing_drivers_as_none() -> None:
    out = estimate_all(DEFAULT_RATIO_RULES.values(), {"penduduk": 290_000.0, "murid_sd": 4_210.0})
    by_name = {e.rule.name: e for e in out}
    assert by_name["guru_sd"].kebutuhan == 211
    assert by_name["perawat"].kebutuhan == 522
    assert by_name["guru_smp"].kebutuhan is None and by_name["guru_smp"].nilai_pemicu is None


def test_ratio_figure_stands_beside_abk_and_never_replaces_it() -> None:
    drivers = {"murid_sd": 400.0}
    teaching = PositionInput(
        "guru",
        "sd-1",
        "Guru Kelas",
        (TaskInput("mengajar", "jam", 1, SatuanWaktu.JAM, 900, "tahun"),),  # type: ignore[arg-type]
        3,
    )
    abk = compute([teaching], drivers=drivers).positions[0]
    ratio = estimate(DEFAULT_RATIO_RULES["guru_sd"], drivers["murid_sd"])
    assert (abk.kebutuhan_bulat, ratio) == (1, 20)  # two different figures, each its own
    assert compute([teaching], drivers=drivers).positions[0] == abk


@settings(database=None)
@given(st.integers(0, 10**7), st.integers(1, 10**6), st.integers(1, 500))
def test_estimate_is_the_smallest_sufficient_headcount(value: int, per: int, pegawai: int) -> None:
    need = estimate(RatioRule("r", "d", per, "X", pegawai=pegawai), value)
    assert need * per >= value * pegawai
    assert need == 0 or (need - 1) * per < value * pegawai
