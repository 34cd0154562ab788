"""Tests of the ABK engine: reference §1.7 worked examples, rounding policies, totals, scenarios."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mutasi_desktop.domain.abk import (
    BKN_19_2011,
    DEFAULT_BANDS,
    DEPKEU_2002_BANDS,
    KEPMENPAN_75_2004,
    PERMENPANRB_1_2020,
    PROFILES,
    AbkProfile,
    KondisiBeban,
    Pembulatan,
    Periode,
    PJBand,
    PositionInput,
    PositionResult,
    SatuanWaktu,
    Scenario,
    ScenarioOverride,
    StatusSelisih,
    TaskInput,
    aggregate,
    apply_scenario,
    compare,
    compute,
    exact_number,
    parse_periode,
    parse_satuan_waktu,
    total_of,
    validate_position,
    validate_task,
)
from mutasi_desktop.domain.errors import DomainError, Severity
from mutasi_desktop.domain.messages import TEMPLATES, render

# No example database in the working tree; the properties are cheap enough to rerun each time.
PROPS = settings(database=None, max_examples=80, suppress_health_check=[HealthCheck.too_slow])

CEIL = PERMENPANRB_1_2020.replace(pembulatan=Pembulatan.KE_ATAS)
MIN_ONE = PERMENPANRB_1_2020.replace(minimal_satu=True)


def task(
    volume: float | None,
    waktu: float,
    periode: Periode = Periode.TAHUN,
    satuan: SatuanWaktu = SatuanWaktu.MENIT,
    pemicu: str | None = None,
    rasio: float | None = None,
    uraian: str = "tugas",
) -> TaskInput:
    return TaskInput(uraian, "dokumen", waktu, satuan, volume, periode, pemicu, rasio)


def position(
    tasks: Sequence[TaskInput],
    pegawai: int,
    key: object = "p",
    unit: object = "u",
    jabatan: str = "J",
) -> PositionInput:
    return PositionInput(key, unit, jabatan, tuple(tasks), pegawai)


def one(
    tasks: Sequence[TaskInput],
    pegawai: int = 1,
    profile: AbkProfile = PERMENPANRB_1_2020,
    drivers: dict[str, float] | None = None,
) -> PositionResult:
    return compute([position(tasks, pegawai)], profile, drivers).positions[0]


# -- reference §1.7 (3): constructed Dinsos / Dishub cases, PermenPAN-RB 1/2020 ---------------

BANSOS = position(
    [
        task(18_000, 10, uraian="verifikasi data penerima"),
        task(52, 240, uraian="rekap mingguan"),
        task(4, 2_400, uraian="verval"),
    ],
    2,
    key="dinsos-bansos",
    unit="dinsos",
    jabatan="Pengelola Data Bansos",
)
DINSOS_UMUM = position(
    [task(2_400, 15), task(6_000, 6), task(12, 480)],
    1,
    key="dinsos-umum",
    unit="dinsos",
    jabatan="Pengadministrasi Umum",
)
DISHUB_UMUM = position(
    [task(1_200, 15), task(12, 480)],
    2,
    key="dishub-umum",
    unit="dishub",
    jabatan="Pengadministrasi Umum",
)
SEED = [BANSOS, DINSOS_UMUM, DISHUB_UMUM]


def test_pengelola_data_bansos_is_overloaded_and_short_by_one() -> None:
    for profile in (PERMENPANRB_1_2020, CEIL, MIN_ONE):
        r = compute([BANSOS], profile).positions[0]
        assert r.beban_kerja_menit == 202_080
        assert r.beban_kerja_eksak == 202_080
        assert r.kebutuhan == pytest.approx(2.6944, abs=1e-12)
        assert r.kebutuhan_bulat == 3
        assert r.selisih == -1
        assert (r.kurang, r.lebih) == (1, 0)
        assert r.status is StatusSelisih.KURANG
        assert r.ej == pytest.approx(1.3472, abs=1e-12)
        assert (r.pj, r.pj_label) == ("A", "Sangat Baik")
        assert r.kondisi is KondisiBeban.OVERLOADED
        assert [t.beban_kerja_menit for t in r.tugas] == [180_000, 12_480, 9_600]


def test_dinsos_pengadministrasi_umum_half_up_versus_ceiling() -> None:
    half = compute([DINSOS_UMUM], PERMENPANRB_1_2020).positions[0]
    ceil = compute([DINSOS_UMUM], CEIL).positions[0]
    assert half.beban_kerja_menit == ceil.beban_kerja_menit == 77_760
    assert half.kebutuhan == pytest.approx(1.0368, abs=1e-12)
    assert half.kebutuhan_bulat == 1
    assert half.selisih == 0 and half.status is StatusSelisih.PAS
    assert ceil.kebutuhan_bulat == 2
    assert ceil.selisih == -1
    for r in (half, ceil):
        assert r.ej == pytest.approx(1.0368, abs=1e-12)
        assert r.pj == "A"
        assert r.kondisi is KondisiBeban.OVERLOADED


def test_dishub_pengadministrasi_umum_surplus_depends_on_policy() -> None:
    half = compute([DISHUB_UMUM], PERMENPANRB_1_2020).positions[0]
    ceil = compute([DISHUB_UMUM], CEIL).positions[0]
    min_one = compute([DISHUB_UMUM], MIN_ONE).positions[0]
    assert half.beban_kerja_menit == 23_760
    assert half.kebutuhan == pytest.approx(0.3168, abs=1e-12)
    assert (half.kebutuhan_bulat, half.selisih, half.lebih) == (0, 2, 2)
    assert (ceil.kebutuhan_bulat, ceil.selisih, ceil.lebih) == (1, 1, 1)
    assert (min_one.kebutuhan_bulat, min_one.selisih, min_one.lebih) == (1, 1, 1)
    for r in (half, ceil, min_one):
        assert r.ej == pytest.approx(0.1584, abs=1e-12)
        assert (r.pj, r.pj_label) == ("E", "Kurang")
        assert r.kondisi is KondisiBeban.UNDERLOADED
        assert r.status is StatusSelisih.LEBIH


def test_seed_totals_never_net_surplus_against_shortage() -> None:
    result = compute(SEED, PERMENPANRB_1_2020, opd_of={"dinsos": "sosial", "dishub": "hub"})
    dinsos, dishub = result.units["dinsos"], result.units["dishub"]
    assert (dinsos.kebutuhan_bulat, dinsos.pegawai_ada, dinsos.kurang, dinsos.lebih) == (4, 3, 1, 0)
    assert (dishub.kebutuhan_bulat, dishub.pegawai_ada, dishub.kurang, dishub.lebih) == (0, 2, 0, 2)
    assert dinsos.eu == pytest.approx(279_840 / (3 * 75_000))
    assert dinsos.pj == "A"
    total = result.totals
    assert total.kebutuhan_bulat == 4 and total.pegawai_ada == 5
    # Net the regency is one over; per position it is one short AND two over.
    assert (total.kurang, total.lebih) == (1, 2)
    assert total.kebutuhan == pytest.approx(4.048)
    assert total.eu == pytest.approx(303_600 / (5 * 75_000))
    assert total.pj == "C" and total.kondisi is KondisiBeban.UNDERLOADED
    assert set(result.opds) == {"sosial", "hub"}
    assert result.opds["sosial"].kurang == 1 and result.opds["hub"].lebih == 2


# -- reference §1.7 (1): singgihadis/anjab `abk` rows, volume × minutes / waktu_efektif --------

# A row's waktu_efektif w is the effective time of its period, so its multiplier is 72,000 / w:
# 72,000 → tahun (1), 6,000 → bulan (12), and 60 (an hourly count) → 1,200, set on `hari` here.
SINGGIH = AbkProfile(
    name="singgihadis",
    wke_menit=72_000,
    multipliers={Periode.TAHUN: 1, Periode.BULAN: 12, Periode.MINGGU: 48, Periode.HARI: 1_200},
)


@pytest.mark.parametrize(
    ("volume", "minutes", "periode", "exact", "stored"),
    [
        (45, 1, Periode.TAHUN, Fraction(45, 72_000), 0.0006),
        (35, 7, Periode.BULAN, Fraction(245, 6_000), 0.0408),
        (10, 2, Periode.HARI, Fraction(20, 60), 0.3333),
        (60, 7, Periode.TAHUN, Fraction(420, 72_000), 0.0058),
        (60, 4, Periode.TAHUN, Fraction(240, 72_000), 0.0033),
        (60, 6, Periode.TAHUN, Fraction(360, 72_000), 0.005),
    ],
)
def test_singgihadis_rows(
    volume: int, minutes: int, periode: Periode, exact: Fraction, stored: float
) -> None:
    r = one([task(volume, minutes, periode)], profile=SINGGIH)
    assert r.beban_kerja_eksak / 72_000 == exact
    assert r.kebutuhan == float(exact)
    assert round(r.kebutuhan, 4) == stored
    assert r.tugas[0].kebutuhan == float(exact)


def test_singgihadis_monthly_row_matches_bkn_profile() -> None:
    r = one([task(35, 7, Periode.BULAN)], profile=BKN_19_2011)
    assert r.kebutuhan == pytest.approx(0.040833, abs=1e-6)
    assert r.tugas[0].volume_tahunan == 420


# -- reference §1.7 (2): thesis units, KepMenPAN 75/2004 profile (WKE 86,400) ------------------


@pytest.mark.parametrize(
    ("beban", "fte", "need"),
    [(1_535_040, 17.767, 18), (1_192_320, 13.8, 14), (849_600, 9.833, 10)],
)
def test_thesis_units(beban: int, fte: float, need: int) -> None:
    r = one([task(beban, 1)], pegawai=need, profile=KEPMENPAN_75_2004)
    assert KEPMENPAN_75_2004.wke_menit == 86_400
    assert round(r.kebutuhan, 3) == fte
    assert r.kebutuhan_bulat == need
    assert r.selisih == 0


# -- rounding --------------------------------------------------------------------------------


def test_exact_half_rounds_up_and_just_below_rounds_down() -> None:
    assert one([task(1, 187_500)]).kebutuhan_bulat == 3  # exactly 2.5 FTE
    assert one([task(1, 187_499)]).kebutuhan_bulat == 2
    assert one([task(1, 37_500)]).kebutuhan_bulat == 1  # exactly 0.5
    assert one([task(0.49999999, 75_000)]).kebutuhan_bulat == 0
    assert one([task(0.49999999, 75_000)], profile=MIN_ONE).kebutuhan_bulat == 1
    assert one([task(0.49999999, 75_000)], profile=CEIL).kebutuhan_bulat == 1
    assert one([task(1, 150_000)], profile=CEIL).kebutuhan_bulat == 2  # whole stays whole
    assert one([task(1, 150_001)], profile=CEIL).kebutuhan_bulat == 3


def test_half_is_decided_on_exact_values_not_floats() -> None:
    # 2.3 × 12.5 = 28.75 exactly, but in binary floating point it is 28.749999999999996.
    assert 2.3 * 12.5 < 28.75
    profile = PERMENPANRB_1_2020.replace(wke_menit=57.5)
    r = one([task(2.3, 12.5)], profile=profile)
    assert r.beban_kerja_eksak == Fraction(115, 4)
    assert r.kebutuhan == 0.5
    assert r.kebutuhan_bulat == 1
    # Three tasks of 0.7 min sum to 2.1 exactly (floats give 2.0999999999999996).
    r = one([task(1, 0.7)] * 3, profile=PERMENPANRB_1_2020.replace(wke_menit=4.2))
    assert r.kebutuhan_bulat == 1


def test_rounding_is_applied_to_the_position_total_never_per_task() -> None:
    # Ten tasks of 0.3 FTE each: per-task rounding would give 0 (half-up) or 10 (ceiling).
    tasks = [task(1, 22_500)] * 10
    assert one(tasks).kebutuhan_bulat == 3
    assert one(tasks, profile=CEIL).kebutuhan_bulat == 3


def test_minimal_satu_keeps_zero_workload_at_zero() -> None:
    assert one([task(0, 60)], profile=MIN_ONE).kebutuhan_bulat == 0
    assert one([], profile=MIN_ONE).kebutuhan_bulat == 0
    assert one([task(1, 1)], profile=MIN_ONE).kebutuhan_bulat == 1
    assert one([task(1, 1)]).kebutuhan_bulat == 0


def test_round_kebutuhan_helper() -> None:
    assert PERMENPANRB_1_2020.round_kebutuhan(2.5) == 3
    assert PERMENPANRB_1_2020.round_kebutuhan(Fraction(5, 2) - Fraction(1, 10**12)) == 2
    assert CEIL.round_kebutuhan(0.0001) == 1
    assert MIN_ONE.round_kebutuhan(0.2) == 1
    assert MIN_ONE.round_kebutuhan(0) == 0


# -- units of time and periods ---------------------------------------------------------------


def test_one_hour_equals_sixty_minutes() -> None:
    in_hours = one([task(100, 1.5, satuan=SatuanWaktu.JAM)])
    in_minutes = one([task(100, 90)])
    assert in_hours.beban_kerja_eksak == in_minutes.beban_kerja_eksak == 9_000
    assert in_hours.kebutuhan == in_minutes.kebutuhan


@pytest.mark.parametrize(
    ("periode", "factor"),
    [(Periode.TAHUN, 1), (Periode.BULAN, 12), (Periode.MINGGU, 50), (Periode.HARI, 250)],
)
def test_period_annualisation(periode: Periode, factor: int) -> None:
    r = one([task(3, 20, periode)])
    assert r.tugas[0].volume_tahunan == 3 * factor
    assert r.beban_kerja_menit == 3 * factor * 20


def test_daily_task_of_five_hours_is_exactly_one_fte() -> None:
    # 1,250 h/yr = 5 h/day × 250 days: a full working day every day is one person.
    r = one([task(1, 5, Periode.HARI, SatuanWaktu.JAM)])
    assert r.kebutuhan == 1.0 and r.ej == 1.0
    assert r.pj == "B" and r.kondisi is KondisiBeban.BALANCED


def test_plain_strings_work_like_enum_members() -> None:
    raw = TaskInput("t", "x", 2, "jam", 12, "bulan")  # type: ignore[arg-type]
    typed = task(12, 2, Periode.BULAN, SatuanWaktu.JAM)
    assert one([raw]).beban_kerja_eksak == one([typed]).beban_kerja_eksak == 17_280


def test_parse_periode_and_satuan() -> None:
    assert parse_periode("Bulanan") is Periode.BULAN
    assert parse_periode(" per  minggu ") is Periode.MINGGU
    assert parse_periode("") is Periode.TAHUN
    assert parse_periode("kuartal") is None
    assert parse_satuan_waktu("JAM") is SatuanWaktu.JAM
    assert parse_satuan_waktu(None) is SatuanWaktu.MENIT
    assert parse_satuan_waktu("detik") is None


# -- EJ, PJ and empty positions --------------------------------------------------------------


def test_empty_position_has_no_ej_and_is_flagged() -> None:
    r = one([task(18_000, 10)], pegawai=0)
    assert r.ej is None and r.pj is None and r.pj_label is None
    assert r.kondisi is KondisiBeban.KOSONG
    assert r.kondisi.label == "Jabatan kosong"
    assert r.kebutuhan_bulat == 2 and r.selisih == -2 and r.kurang == 2
    unit = compute([position([task(1, 1)], 0)]).units["u"]
    assert unit.eu is None and unit.kondisi is KondisiBeban.KOSONG and unit.jumlah_kosong == 1


def test_empty_position_without_workload_is_pas() -> None:
    r = one([], pegawai=0)
    assert (r.kebutuhan_bulat, r.selisih, r.status) == (0, 0, StatusSelisih.PAS)
    assert r.kondisi is KondisiBeban.KOSONG


@pytest.mark.parametrize(
    ("ej", "grade", "kondisi"),
    [
        (Fraction(3, 2), "A", KondisiBeban.OVERLOADED),
        (Fraction(1) + Fraction(1, 10**9), "A", KondisiBeban.OVERLOADED),
        (Fraction(1), "B", KondisiBeban.BALANCED),
        (Fraction(9, 10), "B", KondisiBeban.BALANCED),
        (Fraction(9, 10) - Fraction(1, 10**9), "C", KondisiBeban.UNDERLOADED),
        (Fraction(7, 10), "C", KondisiBeban.UNDERLOADED),
        (Fraction(69, 100), "D", KondisiBeban.UNDERLOADED),
        (Fraction(1, 2), "D", KondisiBeban.UNDERLOADED),
        (Fraction(49, 100), "E", KondisiBeban.UNDERLOADED),
        (Fraction(0), "E", KondisiBeban.UNDERLOADED),
    ],
)
def test_default_bands_boundaries(ej: Fraction, grade: str, kondisi: KondisiBeban) -> None:
    band = PERMENPANRB_1_2020.band_for(ej)
    assert band.grade == grade
    assert PERMENPANRB_1_2020.kondisi_band(band) is kondisi


def test_band_boundary_through_compute_is_exact() -> None:
    # EJ exactly 0.9: 67,500 min for one person; a float division would also give 0.9, but
    # 0.9 × 3 persons must land in B too.
    assert one([task(1, 67_500)]).pj == "B"
    assert one([task(1, 202_500)], pegawai=3).pj == "B"
    assert one([task(1, 202_499)], pegawai=3).pj == "C"
    assert one([task(1, 75_000)], pegawai=1).pj == "B"
    assert one([task(1, 75_001)], pegawai=1).pj == "A"


def test_depkeu_bands() -> None:
    profile = PERMENPANRB_1_2020.replace(name="Depkeu", bands=DEPKEU_2002_BANDS)
    grades = [profile.band_for(x).grade for x in (1.01, 1.0, 0.81, 0.805, 0.66, 0.65, 0.5, 0.49)]
    assert grades == ["A", "B", "B", "C", "C", "D", "D", "E"]
    assert profile.kondisi_band(DEPKEU_2002_BANDS[1]) is KondisiBeban.BALANCED


def test_explicit_band_kondisi_wins() -> None:
    bands = (
        PJBand("A", "Sangat Baik", 1.0, False),
        PJBand("B", "Baik", 0.9, True),
        PJBand("C", "Cukup", 0.7, True, KondisiBeban.BALANCED),
        PJBand("E", "Kurang", None),
    )
    profile = PERMENPANRB_1_2020.replace(bands=bands)
    assert [profile.kondisi_band(b) for b in bands] == [
        KondisiBeban.OVERLOADED,
        KondisiBeban.BALANCED,
        KondisiBeban.BALANCED,
        KondisiBeban.UNDERLOADED,
    ]


def test_labels_are_indonesian() -> None:
    assert KondisiBeban.OVERLOADED.label == "Kelebihan beban"
    assert KondisiBeban.BALANCED.label == "Seimbang"
    assert KondisiBeban.UNDERLOADED.label == "Kekurangan beban"
    assert StatusSelisih.KURANG.label == "Kurang pegawai"
    assert Pembulatan.KE_ATAS.label


# -- units never offset each other ------------------------------------------------------------


def test_surplus_in_one_unit_never_offsets_shortage_in_another() -> None:
    a = position([task(1, 225_000)], 1, key=1, unit="kec-a", jabatan="Operator")  # need 3
    b = position([task(1, 150_000)], 4, key=2, unit="kec-b", jabatan="Operator")  # need 2
    result = compute([a, b], opd_of={"kec-a": "dinas", "kec-b": "dinas"})
    assert (result.units["kec-a"].kurang, result.units["kec-a"].lebih) == (2, 0)
    assert (result.units["kec-b"].kurang, result.units["kec-b"].lebih) == (0, 2)
    dinas = result.opds["dinas"]
    assert dinas.kebutuhan_bulat == dinas.pegawai_ada == 5
    assert (dinas.kurang, dinas.lebih) == (2, 2)
    assert (result.totals.kurang, result.totals.lebih) == (2, 2)


def test_unit_kebutuhan_sums_rounded_and_unrounded_separately() -> None:
    ps = [position([task(1, 30_000)], 1, key=i) for i in range(3)]  # 0.4 FTE each
    unit = compute(ps).units["u"]
    assert unit.kebutuhan == pytest.approx(1.2)
    assert unit.kebutuhan_bulat == 0  # each position rounds to 0 on its own
    assert unit.lebih == 3


def test_aggregate_with_callable_and_missing_parent() -> None:
    result = compute(SEED)
    by_first_letter = aggregate(result.positions, PERMENPANRB_1_2020, lambda u: str(u)[0])
    assert set(by_first_letter) == {"d"}
    assert by_first_letter["d"].kurang == 1 and by_first_letter["d"].lebih == 2
    with pytest.raises(DomainError) as info:
        aggregate(result.positions, PERMENPANRB_1_2020, {"dinsos": "x"})
    assert info.value.code == "abk.unit_tanpa_induk"


def test_empty_analysis() -> None:
    result = compute([])
    assert result.positions == () and dict(result.units) == {}
    assert result.totals.pegawai_ada == 0 and result.totals.kondisi is KondisiBeban.KOSONG
    assert total_of([], PERMENPANRB_1_2020).jumlah_jabatan == 0


def test_json_document_keys() -> None:
    result = compute(SEED)
    doc = json.loads(json.dumps(result.to_dict()))
    row = doc["positions"][0]
    for key in (
        "unit",
        "jabatan",
        "beban_kerja_menit",
        "kebutuhan",
        "kebutuhan_bulat",
        "pegawai_ada",
        "selisih",
        "ej",
        "pj",
    ):
        assert key in row
    assert row["kebutuhan"] == 2.6944 and row["kondisi"] == "overloaded"
    assert doc["units"][1]["lebih"] == 2
    assert AbkProfile.from_dict(doc["profile"]) == PERMENPANRB_1_2020
    assert result.position("dishub-umum").lebih == 2
    with pytest.raises(KeyError):
        result.position("nope")


# -- drivers, scenarios and comparison --------------------------------------------------------


def bansos_by_driver() -> PositionInput:
    return position(
        [
            task(None, 10, pemicu="penerima_bansos", rasio=1),
            task(52, 240),
            task(4, 2_400),
        ],
        2,
        key="bansos",
        unit="dinsos",
    )


def test_driver_volume_is_rate_times_driver() -> None:
    r = one(bansos_by_driver().tasks, pegawai=2, drivers={"penerima_bansos": 18_000})
    assert r.beban_kerja_menit == 202_080
    assert r.tugas[0].volume_tahunan == 18_000
    half = one([task(None, 10, pemicu="penduduk", rasio=0.5)], drivers={"penduduk": 301})
    assert half.tugas[0].volume_tahunan == 150.5
    monthly = one([task(None, 10, Periode.BULAN, pemicu="desa", rasio=2)], drivers={"desa": 10})
    assert monthly.tugas[0].volume_tahunan == 240  # 2 per desa per month × 10 desa × 12


def test_scenario_plus_thirty_percent_recomputes() -> None:
    drivers = {"penerima_bansos": 18_000.0, "penduduk": 290_000.0}
    base = compute([bansos_by_driver()], drivers=drivers)
    scenario = Scenario("bansos naik", (ScenarioOverride.parse("penerima_bansos", "+30 %"),))
    scenario_drivers = scenario.apply(drivers)
    assert scenario_drivers == {"penerima_bansos": 23_400.0, "penduduk": 290_000.0}
    assert drivers["penerima_bansos"] == 18_000.0  # input untouched
    after = compute([bansos_by_driver()], drivers=scenario_drivers)
    r = after.positions[0]
    assert r.beban_kerja_menit == 23_400 * 10 + 12_480 + 9_600
    assert r.kebutuhan_bulat == 3  # 3.4 FTE
    (delta,) = compare(base, after)
    assert delta.delta_beban_kerja_menit == 54_000
    assert delta.delta_kebutuhan == pytest.approx(0.72)
    assert delta.delta_kebutuhan_bulat == 0 and delta.delta_selisih == 0
    assert delta.delta_ej == pytest.approx(0.36)
    assert not delta.pj_berubah and delta.berubah


def test_scenario_absolute_and_sequence() -> None:
    drivers = {"x": 100.0}
    out = apply_scenario(
        drivers, [ScenarioOverride("x", absolute=200), ScenarioOverride("x", percent=-50)]
    )
    assert out == {"x": 100.0}
    with pytest.raises(DomainError) as info:
        apply_scenario(drivers, [ScenarioOverride("y", percent=10)])
    assert info.value.code == "abk.pemicu_tidak_dikenal"
    with pytest.raises(DomainError) as info:
        apply_scenario(drivers, [ScenarioOverride("x", percent=-150)])
    assert info.value.code == "abk.pemicu_negatif"


@pytest.mark.parametrize(
    ("text", "absolute", "percent"),
    [
        ("+30 %", None, 30),
        ("30%", None, 30),
        ("-12,5 %", None, -12.5),
        ("\u221210%", None, -10),
        ("25.000", 25_000, None),
        ("25000", 25_000, None),
        ("1.250,5", 1_250.5, None),
        ("0.125", 0.125, None),
        ("12,5", 12.5, None),
    ],
)
def test_parse_override(text: str, absolute: float | None, percent: float | None) -> None:
    o = ScenarioOverride.parse("d", text)
    assert (o.absolute, o.percent) == (absolute, percent)


@pytest.mark.parametrize("text", ["", "abc", "+25000", "30 %%", "1e999"])
def test_parse_override_rejects(text: str) -> None:
    with pytest.raises(DomainError) as info:
        ScenarioOverride.parse("d", text)
    assert info.value.code == "abk.skenario_tidak_sah"


def test_override_needs_exactly_one_value() -> None:
    with pytest.raises(DomainError) as info:
        ScenarioOverride("d")
    assert info.value.code == "abk.skenario_ganda"
    with pytest.raises(DomainError):
        ScenarioOverride("d", absolute=1, percent=2)
    with pytest.raises(DomainError):
        ScenarioOverride("d", absolute=-1)
    scenario = Scenario("s", (ScenarioOverride("d", percent=5),))
    assert Scenario.from_dict(json.loads(json.dumps(scenario.to_dict()))) == scenario


def test_compare_added_and_removed_positions() -> None:
    a = compute([BANSOS, DINSOS_UMUM])
    b = compute([DINSOS_UMUM, DISHUB_UMUM])
    deltas = {d.key: d for d in compare(a, b)}
    assert list(deltas) == ["dinsos-bansos", "dinsos-umum", "dishub-umum"]
    removed, same, added = deltas.values()
    assert removed.sesudah is None and removed.delta_kebutuhan_bulat == -3
    assert removed.delta_ej is None and removed.pj_berubah
    assert not same.berubah and same.delta_ej == 0
    assert added.sebelum is None and added.delta_pegawai_ada == 2 and added.delta_selisih == 2


# -- validation -------------------------------------------------------------------------------


def codes(problems: Sequence[object]) -> list[str]:
    return [p.code for p in problems]  # type: ignore[attr-defined]


def test_validation_problems() -> None:
    drivers = {"penduduk": 1_000.0, "rusak": -1.0}
    assert codes(validate_task(task(-1, 5), drivers)) == ["abk.volume_negatif"]
    assert codes(validate_task(task(1, -5), drivers)) == ["abk.waktu_negatif"]
    assert codes(validate_task(task(None, 5), drivers)) == ["abk.volume_kosong"]
    assert codes(validate_task(task(None, 5, pemicu="penduduk"), drivers)) == ["abk.rasio_kosong"]
    assert codes(validate_task(task(None, 5, pemicu="x", rasio=1), drivers)) == [
        "abk.pemicu_tidak_dikenal"
    ]
    assert codes(validate_task(task(None, 5, pemicu="rusak", rasio=1), drivers)) == [
        "abk.pemicu_negatif"
    ]
    assert codes(validate_task(task(None, 5, pemicu="penduduk", rasio=-1), drivers)) == [
        "abk.rasio_negatif"
    ]
    assert codes(validate_task(task(float("nan"), 5), drivers)) == ["abk.angka_tidak_sah"]
    bad_period = TaskInput("t", "x", 1, SatuanWaktu.MENIT, 1, "kuartal")  # type: ignore[arg-type]
    assert codes(validate_task(bad_period)) == ["field.pilihan_salah"]
    warn = validate_task(task(5, 5, pemicu="penduduk", rasio=1), drivers)
    assert codes(warn) == ["abk.volume_diabaikan"] and warn[0].severity is Severity.WARNING
    assert validate_task(task(5, 5), drivers) == []
    found = validate_position(position([task(1, 1), task(-1, 1, uraian="rusak")], -1), drivers)
    assert codes(found) == ["abk.pegawai_negatif", "abk.volume_negatif"]
    assert found[1].params["tugas"] == 2 and found[1].params["jabatan"] == "J"
    for p in found:
        assert p.code in TEMPLATES
        assert "{" not in p.message()


def test_compute_refuses_bad_input_with_every_problem() -> None:
    bad = [
        position([task(-1, 5, uraian="a")], 1, key=1),
        position([task(None, 5, pemicu="hilang", rasio=1, uraian="b")], 1, key=2),
        position([task(1, 1)], 1, key=3),
    ]
    with pytest.raises(DomainError) as info:
        compute(bad, drivers={})
    assert codes(info.value.problems) == ["abk.volume_negatif", "abk.pemicu_tidak_dikenal"]
    assert "hilang" in render("abk.pemicu_tidak_dikenal", info.value.problems[1].params)


def test_compute_refuses_non_integer_headcount() -> None:
    for pegawai in (True, 1.5, -1):
        with pytest.raises(DomainError) as info:
            compute([position([task(1, 1)], pegawai)])  # type: ignore[arg-type]
        assert info.value.code in {"abk.pegawai_tidak_sah", "abk.pegawai_negatif"}


def test_compute_reports_warnings_and_keeps_result() -> None:
    result = compute([position([task(5, 5, pemicu="d", rasio=2)], 1)], drivers={"d": 10})
    assert codes(result.peringatan) == ["abk.volume_diabaikan"]
    assert result.positions[0].beban_kerja_menit == 100  # rasio × driver, volume ignored


def test_compute_refuses_text_in_a_number_field() -> None:
    weird = TaskInput("t", "x", "lima", SatuanWaktu.MENIT, 1, Periode.TAHUN)  # type: ignore[arg-type]
    with pytest.raises(DomainError) as info:
        compute([position([weird], 1)])
    assert codes(info.value.problems) == ["abk.angka_tidak_sah"]


# -- profiles ---------------------------------------------------------------------------------


def test_predefined_profiles() -> None:
    assert set(PROFILES) == {"PermenPAN-RB 1/2020", "Perka BKN 19/2011", "KepMenPAN 75/2004"}
    assert PERMENPANRB_1_2020.wke_menit == 75_000
    assert dict(PERMENPANRB_1_2020.multipliers) == {
        "tahun": 1,
        "bulan": 12,
        "minggu": 50,
        "hari": 250,
    }
    assert PERMENPANRB_1_2020.pembulatan is Pembulatan.SETENGAH_KE_ATAS
    assert not PERMENPANRB_1_2020.minimal_satu
    assert PERMENPANRB_1_2020.bands == DEFAULT_BANDS
    assert BKN_19_2011.wke_menit == 72_000
    # BKN states 300 min/day, 1,500/week, 6,000/month: multiplier = 72,000 / period minutes.
    assert {p: 72_000 / m for p, m in BKN_19_2011.multipliers.items()} == {
        "tahun": 72_000,
        "bulan": 6_000,
        "minggu": 1_500,
        "hari": 300,
    }
    assert KEPMENPAN_75_2004.wke_menit == 86_400
    assert len({hash(p) for p in PROFILES.values()}) == 3


def test_profile_copies_caller_multipliers() -> None:
    mult: dict[Periode, float] = dict(PERMENPANRB_1_2020.multipliers)
    profile = AbkProfile(name="x", multipliers=mult)
    mult[Periode.HARI] = 1
    assert profile.multipliers[Periode.HARI] == 250


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"wke_menit": 0}, "abk.wke_tidak_sah"),
        ({"wke_menit": float("inf")}, "abk.wke_tidak_sah"),
        ({"multipliers": {"tahun": 1, "bulan": 12, "minggu": 50}}, "abk.pengali_tidak_sah"),
        (
            {"multipliers": {"tahun": 1, "bulan": 0, "minggu": 50, "hari": 250}},
            "abk.pengali_tidak_sah",
        ),
        ({"pembulatan": "ke_bawah"}, "field.pilihan_salah"),
        ({"bands": ()}, "abk.band_tidak_sah"),
        ({"bands": DEFAULT_BANDS[:-1]}, "abk.band_tidak_sah"),
        ({"bands": tuple(reversed(DEFAULT_BANDS[:-1])) + DEFAULT_BANDS[-1:]}, "abk.band_tidak_sah"),
    ],
)
def test_profile_validation(changes: dict[str, object], code: str) -> None:
    with pytest.raises(DomainError) as info:
        PERMENPANRB_1_2020.replace(**changes)
    assert info.value.code == code


def test_profile_from_dict_errors_and_defaults() -> None:
    assert AbkProfile.from_dict({}) == PERMENPANRB_1_2020
    assert AbkProfile.from_dict({"pembulatan": "ke_atas"}).pembulatan is Pembulatan.KE_ATAS
    for bad in ({"format": 99}, {"bands": [{"label": "x"}]}, {"multipliers": 5}):
        with pytest.raises(DomainError) as info:
            AbkProfile.from_dict(bad)
        assert info.value.code == "abk.profil_tidak_sah"


def test_exact_number() -> None:
    assert exact_number(0.1) == Fraction(1, 10)
    assert exact_number(2.0) == 2 and type(exact_number(2.0)) is int
    assert exact_number(Decimal("1.25")) == Fraction(5, 4)
    assert exact_number(Fraction(6, 3)) == 2
    with pytest.raises(ValueError):
        exact_number(float("nan"))
    with pytest.raises(TypeError):
        exact_number(True)


# -- properties -------------------------------------------------------------------------------

# Values with at most two decimals: doubling them stays exactly representable as typed.
volumes = st.one_of(
    st.integers(0, 100_000).map(float),
    st.integers(0, 1_000_000).map(lambda n: float(Decimal(n) / 100)),
)
times = st.one_of(st.integers(0, 2_400).map(float), st.sampled_from([0.5, 2.5, 7.5, 12.5, 0.25]))
tasks_st = st.builds(
    task,
    volume=volumes,
    waktu=times,
    periode=st.sampled_from(list(Periode)),
    satuan=st.sampled_from(list(SatuanWaktu)),
)
profiles_st = st.builds(
    AbkProfile,
    name=st.text(max_size=20),
    wke_menit=st.sampled_from([75_000, 72_000, 86_400, 90_420, 1_250.5]),
    multipliers=st.fixed_dictionaries(
        {
            Periode.TAHUN: st.just(1),
            Periode.BULAN: st.sampled_from([12, 12.0]),
            Periode.MINGGU: st.sampled_from([48, 50, 52, 57.6]),
            Periode.HARI: st.sampled_from([240, 250, 288, 300]),
        }
    ),
    pembulatan=st.sampled_from(list(Pembulatan)),
    minimal_satu=st.booleans(),
    bands=st.sampled_from([DEFAULT_BANDS, DEPKEU_2002_BANDS]),
)


@PROPS
@given(st.lists(tasks_st, max_size=8), st.integers(0, 20), profiles_st)
def test_doubling_every_volume_doubles_workload(
    tasks: list[TaskInput], pegawai: int, profile: AbkProfile
) -> None:
    doubled = [
        TaskInput(t.uraian, t.satuan_hasil, t.waktu, t.satuan_waktu, (t.volume or 0) * 2, t.periode)
        for t in tasks
    ]
    a = one(tasks, pegawai, profile)
    b = one(doubled, pegawai, profile)
    assert b.beban_kerja_eksak == 2 * a.beban_kerja_eksak
    assert b.kebutuhan == 2 * a.kebutuhan
    assert b.kebutuhan_bulat >= a.kebutuhan_bulat


@PROPS
@given(st.lists(tasks_st, max_size=8), st.integers(1, 20), profiles_st)
def test_adding_a_person_never_raises_ej(
    tasks: list[TaskInput], pegawai: int, profile: AbkProfile
) -> None:
    a = one(tasks, pegawai, profile)
    b = one(tasks, pegawai + 1, profile)
    assert a.ej is not None and b.ej is not None
    assert b.ej <= a.ej
    assert b.kebutuhan_bulat == a.kebutuhan_bulat and b.selisih == a.selisih + 1
    # Grades only move down the table when EJ falls.
    grades = [band.grade for band in profile.bands]
    assert grades.index(b.pj) >= grades.index(a.pj)  # type: ignore[arg-type]


@PROPS
@given(st.lists(tasks_st, min_size=1, max_size=8), st.data(), profiles_st)
def test_kebutuhan_bulat_is_monotone_in_volume(
    tasks: list[TaskInput], data: st.DataObject, profile: AbkProfile
) -> None:
    index = data.draw(st.integers(0, len(tasks) - 1))
    extra = data.draw(volumes)
    t = tasks[index]
    bigger = list(tasks)
    bigger[index] = TaskInput(
        t.uraian, t.satuan_hasil, t.waktu, t.satuan_waktu, (t.volume or 0) + extra, t.periode
    )
    assert one(bigger, 1, profile).kebutuhan_bulat >= one(tasks, 1, profile).kebutuhan_bulat


positions_st = st.lists(
    st.builds(
        PositionInput,
        key=st.uuids(),
        unit_key=st.sampled_from(["a", "b", "c", 7]),
        jabatan=st.text(max_size=10),
        tasks=st.lists(
            st.one_of(
                tasks_st,
                st.builds(
                    task,
                    volume=st.none(),
                    waktu=times,
                    pemicu=st.sampled_from(["penduduk", "murid"]),
                    rasio=st.sampled_from([0.001, 0.5, 1, 3.75]),
                ),
            ),
            max_size=6,
        ).map(tuple),
        pegawai_ada=st.integers(0, 12),
    ),
    max_size=12,
)


@PROPS
@given(
    positions_st,
    profiles_st,
    st.fixed_dictionaries({"penduduk": volumes, "murid": volumes}),
)
def test_compute_never_raises_on_valid_input(
    positions: list[PositionInput], profile: AbkProfile, drivers: dict[str, float]
) -> None:
    result = compute(positions, profile, drivers, opd_of=lambda unit: "kab")
    assert len(result.positions) == len(positions)
    assert result.peringatan == ()
    total = result.totals
    assert total.kurang == sum(p.kurang for p in result.positions)
    assert total.lebih == sum(p.lebih for p in result.positions)
    assert total.kurang - total.lebih == total.kebutuhan_bulat - total.pegawai_ada
    assert sum(u.pegawai_ada for u in result.units.values()) == total.pegawai_ada
    kab = result.opds["kab"] if positions else total
    assert (kab.kurang, kab.lebih, kab.kebutuhan_bulat, kab.beban_kerja_eksak) == (
        total.kurang,
        total.lebih,
        total.kebutuhan_bulat,
        total.beban_kerja_eksak,
    )
    for p in result.positions:
        assert (p.ej is None) == (p.pegawai_ada == 0)
        assert p.kebutuhan_bulat >= 0 and p.selisih == p.pegawai_ada - p.kebutuhan_bulat


@PROPS
@given(profiles_st)
def test_profile_round_trip(profile: AbkProfile) -> None:
    assert AbkProfile.from_dict(profile.to_dict()) == profile
    assert AbkProfile.from_dict(json.loads(json.dumps(profile.to_dict()))) == profile


@PROPS
@given(positions_st, st.fixed_dictionaries({"penduduk": volumes, "murid": volumes}))
def test_zero_percent_scenario_changes_nothing(
    positions: list[PositionInput], drivers: dict[str, float]
) -> None:
    same = apply_scenario(drivers, [ScenarioOverride("penduduk", percent=0)])
    assert same == drivers
    base = compute(positions, drivers=drivers)
    after = compute(positions, drivers=same)
    assert base.positions == after.positions
    assert not any(d.berubah for d in compare(base, after))
