"""AbkService on both backends: worked examples, profiles, tasks, drivers, scenarios, ratios."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from mutasi_desktop.domain.abk import (
    BKN_19_2011,
    PERMENPANRB_1_2020,
    KondisiBeban,
    Pembulatan,
    Periode,
    SatuanWaktu,
    ScenarioOverride,
    StatusSelisih,
    TaskInput,
)
from mutasi_desktop.domain.abk_ratio import RatioRule
from mutasi_desktop.domain.abk_report import SumberPegawai, located_message
from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.storage.models import AuditLog, Pegawai, TugasJabatan
from support import SmallOrg, draft

Y = 2026
M, J = SatuanWaktu.MENIT, SatuanWaktu.JAM
TAHUN, BULAN, MINGGU, HARI = Periode.TAHUN, Periode.BULAN, Periode.MINGGU, Periode.HARI

# Reference §1.7 example 3 (PermenPAN-RB 1/2020, WKE 75,000).
DATA_BANSOS = [
    TaskInput("Entri data penerima", "data", 10, M, 18000, TAHUN),
    TaskInput("Rekap mingguan", "rekap", 240, M, 52, TAHUN),
    TaskInput("Putaran verval", "putaran", 2400, M, 4, TAHUN),
]
ADMIN_SOS = [
    TaskInput("Agenda surat", "surat", 15, M, 2400, TAHUN),
    TaskInput("Input berkas", "berkas", 6, M, 6000, TAHUN),
    TaskInput("Laporan bulanan", "laporan", 480, M, 12, TAHUN),
]
ADMIN_HUB = [
    TaskInput("Agenda surat", "surat", 15, M, 1200, TAHUN),
    TaskInput("Laporan bulanan", "laporan", 480, M, 12, TAHUN),
]


def _staff(services: Services, org: SmallOrg, seq: int, unit_id: int, jabatan_id: int) -> None:
    services.staff.create(draft(f"Pegawai {seq}", seq=seq, unit_id=unit_id, jabatan_id=jabatan_id))


@pytest.fixture
def example(services: Services, small_org: SmallOrg) -> tuple[Services, SmallOrg]:
    abk = services.abk
    abk.save_tasks(small_org.data_bansos_id, Y, DATA_BANSOS)
    abk.save_tasks(small_org.admin_sos_id, Y, ADMIN_SOS)
    abk.save_tasks(small_org.admin_hub_id, Y, ADMIN_HUB)
    seq = 1
    for jid, unit, n in (
        (small_org.data_bansos_id, small_org.sos_bidang_id, 2),
        (small_org.admin_sos_id, small_org.sos_bidang_id, 1),
        (small_org.admin_hub_id, small_org.hub_bidang_id, 2),
    ):
        for _ in range(n):
            _staff(services, small_org, seq, unit, jid)
            seq += 1
    return services, small_org


def _audits(services: Services, aksi: str) -> int:
    with services.ctx.read() as s:
        return int(s.scalar(select(func.count()).where(AuditLog.aksi == aksi)) or 0)


# ---- the worked example, rounding, minimum one --------------------------------------------------


def test_worked_example_3_per_position_unit_opd_and_totals(
    example: tuple[Services, SmallOrg],
) -> None:
    services, org = example
    report = services.abk.report(Y)
    bansos = report.position(org.data_bansos_id)
    assert bansos.beban_kerja_menit == 202_080
    assert bansos.kebutuhan == pytest.approx(2.6944)
    assert (bansos.kebutuhan_bulat, bansos.pegawai_ada, bansos.selisih) == (3, 2, -1)
    assert bansos.ej == pytest.approx(1.3472)
    assert (bansos.pj, bansos.kondisi, bansos.status) == (
        "A",
        KondisiBeban.OVERLOADED,
        StatusSelisih.KURANG,
    )
    assert (bansos.unit, bansos.opd, bansos.unit_path) == (
        "Bidang Perlindungan dan Jaminan Sosial",
        "Dinas Sosial",
        "Dinas Sosial \u203a Bidang Perlindungan dan Jaminan Sosial",
    )
    admin_sos = report.position(org.admin_sos_id)
    assert (admin_sos.beban_kerja_menit, admin_sos.kebutuhan_bulat, admin_sos.pj) == (
        77_760,
        1,
        "A",
    )
    assert admin_sos.ej == pytest.approx(1.0368)
    admin_hub = report.position(org.admin_hub_id)
    assert (admin_hub.beban_kerja_menit, admin_hub.kebutuhan_bulat, admin_hub.selisih) == (
        23_760,
        0,
        2,
    )
    assert admin_hub.ej == pytest.approx(0.1584) and admin_hub.pj == "E"
    assert admin_hub.kondisi is KondisiBeban.UNDERLOADED

    # Surplus in Dishub never offsets the shortage in Dinsos.
    assert report.totals.kurang == 1 and report.totals.lebih == 2
    dinsos = report.opd(org.dinsos_id)
    assert (dinsos.kebutuhan_bulat, dinsos.pegawai_ada, dinsos.kurang) == (4, 3, 1)
    assert dinsos.eu == pytest.approx((202_080 + 77_760) / (3 * 75_000))
    assert [u.nama for u in report.units] == [
        "Bidang Perlindungan dan Jaminan Sosial",
        "Bidang Lalu Lintas",
    ]
    # Positions without a task table (the Kepala Dinas) are counted, not listed.
    assert org.kadis_hub_id not in {p.jabatan_id for p in report.positions}
    assert report.jabatan_tanpa_tugas == 1
    everything = services.abk.report(Y, semua_jabatan=True)
    kadis = everything.position(org.kadis_hub_id)
    assert (kadis.jumlah_tugas, kadis.kebutuhan_bulat, kadis.ej, kadis.kondisi) == (
        0,
        0,
        None,
        KondisiBeban.KOSONG,
    )


@pytest.mark.parametrize(
    ("pembulatan", "minimal_satu", "needs"),
    [
        (Pembulatan.SETENGAH_KE_ATAS, False, (3, 1, 0)),
        (Pembulatan.KE_ATAS, False, (3, 2, 1)),
        (Pembulatan.SETENGAH_KE_ATAS, True, (3, 1, 1)),
        (Pembulatan.KE_ATAS, True, (3, 2, 1)),
    ],
)
def test_rounding_modes_and_the_minimum_one_flag_follow_the_year_profile(
    example: tuple[Services, SmallOrg],
    pembulatan: Pembulatan,
    minimal_satu: bool,
    needs: tuple[int, int, int],
) -> None:
    services, org = example
    profile = PERMENPANRB_1_2020.replace(pembulatan=pembulatan, minimal_satu=minimal_satu)
    services.abk.set_profile(Y, profile)
    assert services.abk.profile(Y) == profile
    report = services.abk.report(Y)
    got = tuple(
        report.position(j).kebutuhan_bulat
        for j in (org.data_bansos_id, org.admin_sos_id, org.admin_hub_id)
    )
    assert got == needs


def test_builtin_profiles_are_selectable_by_name_and_change_the_figures(
    example: tuple[Services, SmallOrg],
) -> None:
    services, org = example
    assert services.abk.profile_names()[0] == "PermenPAN-RB 1/2020"
    assert "Perka BKN 19/2011" in services.abk.profile_names()
    year = services.abk.set_profile(Y, "Perka BKN 19/2011", catatan="Perbup lama")
    assert (year.nama_profil, year.catatan) == ("Perka BKN 19/2011", "Perbup lama")
    bansos = services.abk.report(Y).position(org.data_bansos_id)
    assert bansos.kebutuhan == pytest.approx(202_080 / BKN_19_2011.wke_menit)
    with pytest.raises(DomainError) as err:
        services.abk.set_profile(Y, "Profil Karangan")
    assert err.value.code == "abk.profil_tidak_dikenal"
    assert _audits(services, "abk.profil") == 1


def test_hours_and_minutes_and_periods_are_annualised_by_the_profile(
    services: Services, small_org: SmallOrg
) -> None:
    tasks = [
        TaskInput("dalam jam", "x", 4, J, 1, TAHUN),  # 240
        TaskInput("per bulan", "x", 10, M, 2, BULAN),  # 2 × 12 × 10 = 240
        TaskInput("per minggu", "x", 0.5, J, 1, MINGGU),  # 50 × 30 = 1,500
        TaskInput("per hari", "x", 6, M, 1, HARI),  # 250 × 6 = 1,500
    ]
    change = services.abk.save_tasks(small_org.admin_hub_id, Y, tasks)
    rows = change.position.tugas
    assert [t.beban_kerja_menit for t in rows] == [240, 240, 1500, 1500]
    assert [t.volume_tahunan for t in rows] == [1, 24, 50, 250]
    assert change.position.beban_kerja_menit == 3480
    services.abk.set_profile(Y, BKN_19_2011)  # 48 weeks, 240 days
    again = services.abk.position(small_org.admin_hub_id, Y)
    assert [t.beban_kerja_menit for t in again.tugas] == [240, 240, 1440, 1440]


# ---- task tables --------------------------------------------------------------------------------


def test_save_tasks_validates_every_row_and_writes_nothing_on_error(
    services: Services, small_org: SmallOrg
) -> None:
    services.abk.save_tasks(small_org.admin_sos_id, Y, ADMIN_SOS)
    bad = [
        TaskInput("baik", "x", 10, M, 1, TAHUN),
        TaskInput("", "x", 10, M, 1, TAHUN),
        TaskInput("negatif", "x", -1, M, 1, TAHUN),
        TaskInput("tanpa volume", "x", 10, M, None, TAHUN),
        TaskInput("pemicu asing", "x", 10, M, None, TAHUN, pemicu="siswa", rasio=1),
    ]
    before = _audits(services, "abk.tugas")
    with pytest.raises(DomainError) as err:
        services.abk.save_tasks(small_org.admin_sos_id, Y, bad)
    assert [(p.params["tugas"], p.code) for p in err.value.problems] == [
        (2, "field.wajib"),
        (3, "abk.waktu_negatif"),
        (4, "abk.volume_kosong"),
        (5, "abk.pemicu_tidak_dikenal"),
    ]
    assert located_message(err.value.problems[1]).startswith("Tugas ke-3: Waktu penyelesaian")
    stored = services.abk.tasks(small_org.admin_sos_id, Y)
    assert [t.task.uraian for t in stored] == [t.uraian for t in ADMIN_SOS]
    assert _audits(services, "abk.tugas") == before


def test_save_tasks_audits_before_and_after_and_skips_unchanged_saves(
    services: Services, small_org: SmallOrg
) -> None:
    first = services.abk.save_tasks(small_org.admin_hub_id, Y, ADMIN_HUB)
    assert first.berubah and first.position.jumlah_tugas == 2
    again = services.abk.save_tasks(small_org.admin_hub_id, Y, ADMIN_HUB)
    assert not again.berubah
    changed = services.abk.save_tasks(small_org.admin_hub_id, Y, ADMIN_HUB[:1])
    entry = services.audit.for_entity("jabatan", small_org.admin_hub_id)[0]
    assert entry.id == changed.audit_id and entry.aksi == "abk.tugas"
    assert [t["uraian"] for t in entry.sebelum["tugas"]] == ["Agenda surat", "Laporan bulanan"]
    assert [t["uraian"] for t in entry.sesudah["tugas"]] == ["Agenda surat"]
    assert entry.sesudah["tugas"][0]["satuan_waktu"] == "menit"


def test_preview_recomputes_without_saving(services: Services, small_org: SmallOrg) -> None:
    services.abk.save_tasks(small_org.admin_hub_id, Y, ADMIN_HUB)
    preview = services.abk.preview_position(small_org.admin_hub_id, Y, DATA_BANSOS)
    assert preview.ok and preview.position is not None
    assert preview.position.beban_kerja_menit == 202_080
    assert services.abk.position(small_org.admin_hub_id, Y).beban_kerja_menit == 23_760
    broken = services.abk.preview_position(
        small_org.admin_hub_id, Y, [TaskInput("x", "x", 10, M, -3, TAHUN)]
    )
    assert not broken.ok and [p.code for p in broken.problems] == ["abk.volume_negatif"]


def test_unknown_position_and_year_are_refused(services: Services, small_org: SmallOrg) -> None:
    with pytest.raises(DomainError) as err:
        services.abk.save_tasks(99_999, Y, ADMIN_HUB)
    assert err.value.code == "jabatan.tidak_ditemukan"
    with pytest.raises(DomainError) as err:
        services.abk.report(1999)
    assert err.value.code == "abk.tahun_tidak_ada"


# ---- drivers, scenarios, comparison -------------------------------------------------------------


def test_driver_based_volume_scenario_and_side_by_side_comparison(
    example: tuple[Services, SmallOrg],
) -> None:
    services, org = example
    abk = services.abk
    abk.save_driver(Y, "penerima_bansos", 18_000, satuan="KPM")
    driven = [
        TaskInput("Verval penerima bansos", "data", 10, M, None, TAHUN, "penerima_bansos", 1),
        *DATA_BANSOS[1:],
    ]
    abk.save_tasks(org.data_bansos_id, Y, driven)
    assert abk.report(Y).position(org.data_bansos_id).beban_kerja_menit == 202_080

    info = abk.save_scenario(Y, "Penerima bansos +30 %", {"penerima_bansos": "+30 %"})
    assert info.overrides == (ScenarioOverride("penerima_bansos", percent=30.0),)
    assert info.ringkasan == "penerima_bansos +30 %"
    scen = abk.report(Y, "Penerima bansos +30 %")
    assert scen.position(org.data_bansos_id).beban_kerja_menit == 23_400 * 10 + 12_480 + 9_600
    assert {d.nama: (d.nilai, d.nilai_dasar) for d in scen.pemicu} == {
        "penerima_bansos": (23_400, 18_000)
    }
    # Scenario names are found case-insensitively (CLI users type them).
    assert abk.report(Y, "penerima BANSOS +30 %").skenario == "penerima BANSOS +30 %"

    cmp = abk.compare(Y, None, "Penerima bansos +30 %")
    by_id = {d.jabatan_id: d for d in cmp.positions}
    assert by_id[org.data_bansos_id].delta_beban_kerja_menit == 54_000
    assert by_id[org.data_bansos_id].delta_kebutuhan == pytest.approx(0.72)
    assert by_id[org.data_bansos_id].delta_kebutuhan_bulat == 0  # 3.41 still rounds to 3
    assert not by_id[org.admin_hub_id].berubah
    assert [d.jabatan_id for d in cmp.changed] == [org.data_bansos_id]

    with pytest.raises(DomainError) as err:
        abk.report(Y, "Tidak ada")
    assert err.value.code == "abk.skenario_tidak_ada"


def test_scenario_input_is_checked(services: Services, small_org: SmallOrg) -> None:
    abk = services.abk
    abk.save_driver(Y, "penduduk", 280_100)
    with pytest.raises(DomainError) as err:
        abk.save_scenario(Y, "Salah", {"penduduk": "naik banyak"})
    assert err.value.code == "abk.skenario_tidak_sah"
    with pytest.raises(DomainError) as err:
        abk.save_scenario(Y, "Asing", {"siswa": "+10 %"})
    assert err.value.code == "abk.pemicu_tidak_dikenal"
    abk.save_scenario(Y, "Tetap", {"penduduk": "300.000"})
    with pytest.raises(DomainError) as err:
        abk.save_scenario(Y, "Tetap", {"penduduk": "+1 %"})
    assert err.value.code == "abk.nama_ganda"
    (only,) = abk.scenarios(Y)
    assert only.overrides[0].absolute == 300_000
    abk.delete_scenario(only.id)
    assert abk.scenarios(Y) == []


def test_driver_rename_follows_into_tasks_and_scenarios_and_delete_is_guarded(
    services: Services, small_org: SmallOrg
) -> None:
    abk = services.abk
    drv = abk.save_driver(Y, "kpm", 18_000)
    abk.save_tasks(
        small_org.data_bansos_id, Y, [TaskInput("Verval", "data", 10, M, None, TAHUN, "kpm", 1)]
    )
    abk.save_scenario(Y, "Naik", {"kpm": "+10 %"})
    with pytest.raises(DomainError) as err:
        abk.delete_driver(drv.id)
    assert err.value.code == "abk.pemicu_dipakai"
    renamed = abk.save_driver(Y, "penerima_bansos", 20_000, driver_id=drv.id)
    assert (renamed.nama, renamed.nilai, renamed.jumlah_tugas) == ("penerima_bansos", 20_000, 1)
    assert abk.tasks(small_org.data_bansos_id, Y)[0].task.pemicu == "penerima_bansos"
    assert abk.scenarios(Y)[0].overrides[0].driver == "penerima_bansos"
    assert abk.report(Y, "Naik").position(small_org.data_bansos_id).beban_kerja_menit == 220_000
    with pytest.raises(DomainError) as err:
        abk.save_driver(Y, "negatif", -1)
    assert err.value.code == "abk.pemicu_negatif"
    spare = abk.save_driver(Y, "cadangan", 5)
    abk.delete_driver(spare.id)
    assert [d.nama for d in abk.drivers(Y)] == ["penerima_bansos"]


# ---- ratio estimator beside ABK -----------------------------------------------------------------


def test_ratio_estimates_stand_beside_abk_and_never_replace_it(
    example: tuple[Services, SmallOrg],
) -> None:
    services, org = example
    abk = services.abk
    rules = {r.rule.name: r for r in abk.ratio_rules(Y)}
    assert {"guru_sd", "dokter_umum", "bidan"} <= rules.keys()  # defaults of a new year
    abk.save_driver(Y, "penerima_bansos", 18_000)
    saved = abk.save_ratio_rule(
        Y,
        RatioRule("data_bansos", "penerima_bansos", 7_000, "Pengelola Data Bansos"),
        kata_kunci="pengelola bansos",
    )
    report = abk.report(Y)
    row = next(r for r in report.rasio if r.id == saved.id)
    assert row.kebutuhan_rasio == 3  # ceil(18,000 / 7,000)
    assert (row.jumlah_jabatan, row.kebutuhan_abk, row.pegawai_ada) == (1, 3, 2)
    assert row.selisih_rasio == -1
    assert report.position(org.data_bansos_id).kebutuhan_bulat == 3  # ABK figure unchanged
    guru = next(r for r in report.rasio if r.nama == "guru_sd")
    assert (guru.nilai_pemicu, guru.kebutuhan_rasio, guru.jumlah_jabatan) == (None, None, 0)
    # Editable: 1 per 6,000 now.
    abk.save_ratio_rule(
        Y,
        RatioRule("data_bansos", "penerima_bansos", 6_000, "Pengelola Data Bansos"),
        kata_kunci="bansos -umum",
        rule_id=saved.id,
    )
    row = next(r for r in abk.ratio_estimates(Y) if r.id == saved.id)
    assert (row.kebutuhan_rasio, row.kata_kunci) == (3, "bansos -umum")
    abk.delete_ratio_rule(saved.id)
    assert saved.id not in {r.id for r in abk.ratio_rules(Y)}


# ---- years --------------------------------------------------------------------------------------


def test_years_list_counts_and_a_new_year_can_copy_the_last_one(
    example: tuple[Services, SmallOrg],
) -> None:
    services, org = example
    abk = services.abk
    abk.save_driver(Y, "penduduk", 280_100)
    (year,) = abk.years()
    assert (year.tahun, year.jumlah_jabatan, year.jumlah_tugas, year.jumlah_pemicu) == (
        Y,
        3,
        8,
        1,
    )
    copied = abk.create_year(Y + 1, copy_from=Y)
    assert (copied.jumlah_tugas, copied.jumlah_pemicu) == (8, 1)
    assert abk.latest_year() == Y + 1
    assert abk.report(Y + 1).position(org.data_bansos_id).beban_kerja_menit == 202_080
    with pytest.raises(DomainError) as err:
        abk.create_year(Y + 1)
    assert err.value.code == "abk.nama_ganda"


def test_deleting_a_position_removes_its_tasks(services: Services, small_org: SmallOrg) -> None:
    services.abk.save_tasks(small_org.admin_hub_id, Y, ADMIN_HUB)
    with services.ctx.write_unchecked() as s:
        from mutasi_desktop.storage.models import Jabatan

        s.delete(s.get(Jabatan, small_org.admin_hub_id))
    with services.ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(TugasJabatan)) == 0


def test_inactive_staff_do_not_count_in_the_present_headcount(
    example: tuple[Services, SmallOrg],
) -> None:
    services, org = example
    with services.ctx.read() as s:
        pid = s.scalar(select(Pegawai.id).where(Pegawai.jabatan_id == org.data_bansos_id))
    assert pid is not None
    services.staff.deactivate(pid, "pensiun")
    row = services.abk.report(Y).position(org.data_bansos_id)
    assert (row.pegawai_ada, row.selisih, row.sumber_pegawai) == (
        1,
        -2,
        SumberPegawai.DATA_PEGAWAI,
    )
