"""The demo regency's ABK tells its story: Dinas Sosial short, Dinas Perhubungan in surplus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from mutasi_desktop.domain.abk import KondisiBeban
from mutasi_desktop.domain.abk_report import AbkGroupRow, AbkReport
from mutasi_desktop.services.bootstrap import Services, open_services
from mutasi_desktop.services.demo import DEFAULT_AS_OF, build_demo
from mutasi_desktop.storage.models import Jabatan, TugasJabatan

STAFF = 6000  # the default demo: structural posts filled, so vacancies are the few random ones
YEAR = DEFAULT_AS_OF.year
SCENARIO = "Penerima bansos +30 %"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, AbkReport]]:
    svc = open_services(tmp_path_factory.mktemp("demo-abk") / "demo.sqlite3")
    build_demo(svc.ctx, staff=STAFF, seed=11)
    try:
        yield svc, svc.abk.report(YEAR)
    finally:
        svc.close()


def _opd(report: AbkReport, nama: str) -> AbkGroupRow:
    return next(o for o in report.opds if o.nama == nama)


def test_every_position_has_a_task_table_with_drivers_and_scenarios(
    demo: tuple[Services, AbkReport],
) -> None:
    svc, report = demo
    with svc.ctx.read() as s:
        positions = s.scalar(select(func.count()).select_from(Jabatan))
        without = s.scalar(
            select(func.count())
            .select_from(Jabatan)
            .where(~Jabatan.id.in_(select(TugasJabatan.jabatan_id).distinct()))
        )
    assert without == 0 and report.jabatan_tanpa_tugas == 0
    assert len(report.positions) == positions
    drivers = {d.nama: d for d in svc.abk.drivers(YEAR)}
    assert drivers["penerima_bansos"].nilai == 18_000
    assert drivers["penerima_bansos"].jumlah_tugas >= 4  # data clerk + social workers
    kecamatan = [d for n, d in drivers.items() if n.startswith("penduduk_")]
    assert len(kecamatan) == 11
    assert sum(d.nilai for d in kecamatan) == drivers["penduduk"].nilai == 280_100
    assert {s.nama for s in svc.abk.scenarios(YEAR)} >= {SCENARIO}
    (year,) = svc.abk.years()
    assert year.nama_profil == "PermenPAN-RB 1/2020"


def test_dinas_sosial_is_short_and_overloaded(demo: tuple[Services, AbkReport]) -> None:
    _, report = demo
    dinsos = _opd(report, "Dinas Sosial")
    assert dinsos.kurang >= 6 and dinsos.lebih == 0
    assert dinsos.eu > 1.3 and dinsos.kondisi is KondisiBeban.OVERLOADED
    rows = {(p.unit, p.jabatan): p for p in report.positions if p.opd == "Dinas Sosial"}
    # Reference §1.7 example 3, verbatim.
    bansos = rows[("Bidang Perlindungan dan Jaminan Sosial", "Pengelola Data Bansos")]
    assert (bansos.beban_kerja_menit, bansos.kebutuhan_bulat, bansos.pegawai_ada) == (202_080, 3, 2)
    assert bansos.ej == pytest.approx(1.3472) and bansos.pj == "A"
    admin = rows[("Bidang Perlindungan dan Jaminan Sosial", "Pengadministrasi Umum")]
    assert (admin.beban_kerja_menit, admin.kebutuhan_bulat, admin.pegawai_ada) == (77_760, 1, 1)
    assert admin.ej == pytest.approx(1.0368)
    assert all(p.selisih <= 0 for p in rows.values())


def test_dinas_perhubungan_has_staff_to_spare(demo: tuple[Services, AbkReport]) -> None:
    _, report = demo
    dishub = _opd(report, "Dinas Perhubungan")
    assert dishub.lebih >= 10 and dishub.kurang == 0
    assert dishub.eu < 0.6 and dishub.kondisi is KondisiBeban.UNDERLOADED
    admin = next(
        p
        for p in report.positions
        if p.opd == "Dinas Perhubungan" and p.jabatan == "Pengadministrasi Umum"
    )
    assert (admin.beban_kerja_menit, admin.kebutuhan_bulat, admin.pegawai_ada, admin.selisih) == (
        23_760,
        0,
        2,
        2,
    )
    assert admin.ej == pytest.approx(0.1584) and admin.pj == "E"
    # Unit heads stay needed even in a quiet office.
    heads = [
        p
        for p in report.positions
        if p.opd == "Dinas Perhubungan" and p.jabatan.startswith("Kepala")
    ]
    assert heads and all(p.kebutuhan_bulat == 1 for p in heads)


def test_most_other_opds_are_near_balance_with_some_variety(
    demo: tuple[Services, AbkReport],
) -> None:
    _, report = demo
    others = [o for o in report.opds if o.nama not in ("Dinas Sosial", "Dinas Perhubungan")]
    near = [o for o in others if o.eu is not None and 0.85 <= o.eu <= 1.15]
    assert len(near) >= 0.85 * len(others)
    assert {o.pj for o in others} >= {"A", "B"}  # variety, not one flat grade
    assert sum(o.kurang for o in others) > 0 and sum(o.lebih for o in others) > 0
    assert 0.9 <= report.totals.eu <= 1.1


def test_the_bansos_scenario_deepens_the_dinsos_shortage_only(
    demo: tuple[Services, AbkReport],
) -> None:
    svc, _ = demo
    cmp = svc.abk.compare(YEAR, None, SCENARIO)
    changed = cmp.changed
    # Only social work follows aid recipients; most of it sits in Dinas Sosial.
    assert changed and all("Sosial" in d.jabatan or "Bansos" in d.jabatan for d in changed)
    assert sum(d.opd == "Dinas Sosial" for d in changed) > len(changed) / 2
    assert cmp.delta_kebutuhan_bulat > 0 and cmp.delta_kurang > 0
    bansos = next(d for d in changed if d.jabatan == "Pengelola Data Bansos")
    assert bansos.delta_beban_kerja_menit == 5_400 * 10


def test_ratio_figures_use_the_demo_drivers(demo: tuple[Services, AbkReport]) -> None:
    _, report = demo
    rows = {r.nama: r for r in report.rasio}
    assert rows["guru_sd"].kebutuhan_rasio == 1_800  # 36,000 pupils at 20:1
    assert rows["guru_sd"].jumlah_jabatan > 0 and rows["guru_sd"].pegawai_ada > 0
    assert rows["bidan"].kebutuhan_rasio == 337  # ceil(280,100 × 120 / 100,000)
    assert rows["dokter_umum"].jumlah_jabatan > 0
    assert rows["guru_sma"].jumlah_jabatan == 0  # SMA is provincial: nothing matches


def test_same_seed_same_task_tables(tmp_path: Path, demo: tuple[Services, AbkReport]) -> None:
    def digest(svc: Services) -> list[tuple[object, ...]]:
        with svc.ctx.read() as s:
            return [
                tuple(r)
                for r in s.execute(
                    text(
                        "SELECT jabatan_id, urutan, uraian, waktu, satuan_waktu, volume, periode, "
                        "pemicu, rasio FROM tugas_jabatan ORDER BY jabatan_id, urutan"
                    )
                )
            ]

    other = open_services(tmp_path / "lagi.sqlite3")
    try:
        build_demo(other.ctx, staff=STAFF, seed=11)
        assert digest(other) == digest(demo[0])
    finally:
        other.close()
