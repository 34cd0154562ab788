"""ABK workbook import/export through the service, on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from mutasi_desktop.domain.abk_report import SumberPegawai, located_message
from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.services.bootstrap import Services, open_services
from mutasi_desktop.storage.models import AuditLog, Jabatan, Opd, UnitKerja
from support import SmallOrg, draft

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "abk"
LENGKAP = FIXTURES / "abk_lengkap.xlsx"
Y = 2026


def _count(services: Services, model: type) -> int:
    with services.ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_import_into_an_empty_database_creates_the_organisation_and_uses_pegawai_ada(
    services: Services,
) -> None:
    result = services.abk.import_workbook(LENGKAP, tahun=Y)
    assert (result.opd_baru, result.unit_baru, result.jabatan_baru) == (2, 4, 3)
    assert (result.baris_tugas, result.jabatan, result.pegawai_berkas) == (9, 3, 3)
    assert (result.pemicu_baru, result.perbedaan) == (1, ())
    assert services.staff.count() == 0

    report = services.abk.report(Y)
    by_name = {(p.opd, p.jabatan): p for p in report.positions}
    bansos = by_name[("Dinas Sosial", "Pengelola Data Bansos")]
    # 18,000 × 10 (driver) + 1/week × 4 h × 50 + 4 × 2,400 = 201,600 min.
    assert bansos.beban_kerja_menit == 201_600
    assert (bansos.pegawai_ada, bansos.sumber_pegawai, bansos.pegawai_berkas) == (
        2,
        SumberPegawai.BERKAS_ABK,
        2,
    )
    assert (bansos.kebutuhan_bulat, bansos.selisih, bansos.pj) == (3, -1, "A")
    admin = by_name[("Dinas Sosial", "Pengadministrasi Umum")]
    assert admin.beban_kerja_menit == 36_000 + 36_000 + 8 * 60 * 12
    hub = by_name[("Dinas Perhubungan", "Pengadministrasi Umum")]
    assert hub.beban_kerja_menit == 18_000 + 30 * 12 + 6 * 250
    assert (hub.kebutuhan_bulat, hub.pegawai_ada, hub.selisih) == (0, 2, 2)
    # The OPD's root unit is named like the OPD, the unit hangs under it.
    assert bansos.unit_path == "Dinas Sosial \u203a Bidang Perlindungan dan Jaminan Sosial"
    assert [d.nama for d in services.abk.drivers(Y)] == ["penerima_bansos"]


def test_the_register_wins_over_the_workbook_and_the_difference_is_shown(
    services: Services,
) -> None:
    services.abk.import_workbook(LENGKAP, tahun=Y)
    with services.ctx.read() as s:
        jab = s.execute(
            select(Jabatan.id, Jabatan.unit_id)
            .join(UnitKerja, UnitKerja.id == Jabatan.unit_id)
            .join(Opd, Opd.id == UnitKerja.opd_id)
            .where(Opd.nama == "Dinas Perhubungan", Jabatan.nama == "Pengadministrasi Umum")
        ).one()
    for seq in (1, 2, 3):  # the register has three people, the workbook says two
        services.staff.create(draft(f"Staf {seq}", seq=seq, unit_id=jab.unit_id, jabatan_id=jab.id))
    row = services.abk.report(Y).position(jab.id)
    assert (row.pegawai_ada, row.pegawai_register, row.pegawai_berkas) == (3, 3, 2)
    assert (row.sumber_pegawai, row.selisih_data, row.selisih) == (
        SumberPegawai.DATA_PEGAWAI,
        1,
        3,
    )
    assert services.abk.report(Y).perbedaan == (row,)

    again = services.abk.import_workbook(LENGKAP, tahun=Y)
    (diff,) = again.perbedaan
    assert (diff.jabatan_id, diff.register, diff.berkas, diff.selisih, diff.baris) == (
        jab.id,
        3,
        2,
        1,
        11,
    )
    assert [located_message(p) for p in again.peringatan] == [
        "Baris 11, kolom M (Jumlah Pegawai): Jabatan \u201cPengadministrasi Umum\u201d "
        "(Subbagian Umum dan Kepegawaian): data pegawai mencatat 3 orang, berkas ABK 2 orang; "
        "yang dipakai data pegawai."
    ]


def test_bad_rows_refuse_the_whole_file_with_row_column_and_reason(services: Services) -> None:
    with pytest.raises(DomainError) as err:
        services.abk.import_workbook(FIXTURES / "abk_salah.xlsx", tahun=Y)
    problems = err.value.problems
    assert err.value.code == "abk.impor_ada_kesalahan" and problems[0].params["jumlah"] == 9
    assert [located_message(p) for p in problems[1:]] == [
        "Baris 3, kolom E (Waktu Penyelesaian): Waktu penyelesaian tugas \u201cWaktu negatif\u201d "
        "tidak boleh negatif (-5.0).",
        "Baris 4, kolom G (Volume): Nilai volume \u201cbanyak\u201d bukan angka.",
        "Baris 5, kolom H (Periode): Nilai \u201ctriwulan\u201d tidak dikenal untuk periode "
        "(tahun/bulan/minggu/hari).",
        "Baris 6, kolom F (Satuan Waktu): Nilai \u201cdetik\u201d tidak dikenal untuk satuan "
        "waktu (menit/jam).",
        "Baris 7, kolom I (Pemicu): Pemicu \u201csiswa\u201d tidak dikenal pada tahun "
        "analisis ini.",
        "Baris 8, kolom J (Rasio): Tugas \u201cRasio kosong\u201d memakai pemicu "
        "\u201cpenduduk\u201d tetapi rasionya kosong.",
        "Baris 9, kolom C (Uraian Tugas): Uraian Tugas wajib diisi.",
        "Baris 10, kolom K (Pegawai Ada): Jumlah pegawai ada untuk jabatan \u201cAnalis Data\u201d "
        "berbeda antarbaris (1 di baris 2, 3); isi satu angka yang sama.",
        "Baris 11, kolom K (Pegawai Ada): Jumlah pegawai jabatan \u201cPengemudi\u201d harus "
        "bilangan bulat (ditemukan: 1,5).",
    ]
    for model in (Opd, UnitKerja, Jabatan, AuditLog):
        assert _count(services, model) == 0, model
    assert services.abk.years() == []


def test_reimport_replaces_task_tables_and_audits_one_batch(services: Services) -> None:
    first = services.abk.import_workbook(LENGKAP, tahun=Y)
    with services.ctx.read() as s:
        batches = set(s.scalars(select(AuditLog.batch).where(AuditLog.aksi != "abk.tahun_baru")))
        kinds = sorted(s.scalars(select(AuditLog.entitas).where(AuditLog.batch == first.batch)))
    assert batches == {first.batch}
    assert kinds.count("opd") == 2 and kinds.count("unit_kerja") == 4
    assert kinds.count("jabatan") == 3 + 3  # created, then their task tables
    again = services.abk.import_workbook(LENGKAP, tahun=Y)
    assert (again.opd_baru, again.jabatan_baru, again.baris_tugas) == (0, 0, 9)
    assert services.abk.years()[0].jumlah_tugas == 9
    with services.ctx.read() as s:
        second = list(s.scalars(select(AuditLog.aksi).where(AuditLog.batch == again.batch)))
    assert second == ["abk.impor"]  # nothing changed but the import itself is recorded


def test_names_match_existing_units_case_insensitively(
    services: Services, small_org: SmallOrg
) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Unit Kerja", "Jabatan", "Uraian Tugas", "Waktu Penyelesaian", "Volume"])
    ws.append(["BIDANG LALU  LINTAS", "pengadministrasi umum", "Agenda", 15, 1200])
    path = Path(services.ctx.database.sqlite_path or "/tmp").parent / "cocok.xlsx"
    wb.save(path)
    result = services.abk.import_workbook(path, tahun=Y)
    assert (result.opd_baru, result.unit_baru, result.jabatan_baru) == (0, 0, 0)
    assert result.jabatan_ids == (small_org.admin_hub_id,)


def test_an_ambiguous_unit_needs_the_opd_column(services: Services, tmp_path: Path) -> None:
    with services.ctx.write_unchecked() as s:
        for nama in ("Dinas Sosial", "Dinas Perhubungan"):
            opd = Opd(nama=nama)
            s.add(opd)
            s.flush()
            root = UnitKerja(opd_id=opd.id, nama=nama)
            s.add(root)
            s.flush()
            s.add(UnitKerja(opd_id=opd.id, parent_id=root.id, nama="Sekretariat"))
    wb = Workbook()
    ws = wb.active
    ws.append(["Unit Kerja", "Jabatan", "Uraian Tugas", "Waktu Penyelesaian", "Volume"])
    ws.append(["Sekretariat", "Pengadministrasi Umum", "Agenda", 15, 1200])
    path = tmp_path / "ambigu.xlsx"
    wb.save(path)
    with pytest.raises(DomainError) as err:
        services.abk.import_workbook(path, tahun=Y)
    problem = err.value.problems[1]
    assert problem.code == "impor.org_ambigu" and problem.params["baris"] == 2
    assert "Dinas Sosial \u203a Sekretariat" in problem.params["kandidat"]
    ws.insert_cols(1)
    ws["A1"], ws["A2"] = "OPD", "Dinas Perhubungan"
    wb.save(path)
    result = services.abk.import_workbook(path, tahun=Y)
    assert (result.unit_baru, result.jabatan_baru) == (0, 1)
    (row,) = services.abk.report(Y).positions
    assert row.unit_path == "Dinas Perhubungan \u203a Sekretariat"


def test_dry_run_checks_everything_and_writes_nothing(services: Services) -> None:
    result = services.abk.import_workbook(LENGKAP, tahun=Y, dry_run=True)
    assert result.dry_run and result.jabatan_baru == 3 and result.batch is None
    for model in (Opd, Jabatan, AuditLog):
        assert _count(services, model) == 0


def test_export_reimports_into_another_database_with_the_same_figures(
    services: Services, tmp_path: Path
) -> None:
    services.abk.import_workbook(LENGKAP, tahun=Y)
    services.abk.save_scenario(Y, "Naik", {"penerima_bansos": "+30 %"})
    out = services.abk.export_workbook(tmp_path / "ekspor.xlsx", Y)
    other = open_services(tmp_path / "lain.sqlite3")
    try:
        result = other.abk.import_workbook(out, tahun=Y)
        assert (result.jabatan_baru, result.pemicu_baru) == (3, 1)
        before = services.abk.report(Y)
        after = other.abk.report(Y)
        key = lambda p: (p.opd, p.unit, p.jabatan)  # noqa: E731
        assert sorted(
            (key(p), p.beban_kerja_menit, p.kebutuhan_bulat, p.pegawai_ada)
            for p in before.positions
        ) == sorted(
            (key(p), p.beban_kerja_menit, p.kebutuhan_bulat, p.pegawai_ada) for p in after.positions
        )
    finally:
        other.close()


def test_a_file_without_task_rows_is_refused(services: Services, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["Unit Kerja", "Jabatan", "Uraian Tugas", "Waktu Penyelesaian", "Volume"])
    path = tmp_path / "kosong.xlsx"
    wb.save(path)
    with pytest.raises(DomainError) as err:
        services.abk.import_workbook(path)
    assert err.value.code == "abk.impor_tidak_ada_data"
