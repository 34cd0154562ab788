"""`mutasi abk import|report` over a real database file: exit codes, JSON keys, XLSX and PDF."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mutasi_desktop.cli import run
from mutasi_desktop.cli.common import Io
from mutasi_desktop.domain.tanggal import format_tanggal
from mutasi_desktop.services.bootstrap import open_services
from mutasi_desktop.storage.models import Pengaturan

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "abk"
POSITION_KEYS = {
    "unit",
    "jabatan",
    "beban_kerja_menit",
    "kebutuhan",
    "kebutuhan_bulat",
    "pegawai_ada",
    "selisih",
    "ej",
    "pj",
}


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), Io(out, err))
    return code, out.getvalue(), err.getvalue()


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} (poppler-utils) is required for the PDF tests")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "abk.sqlite3"
    svc = open_services(path)
    with svc.ctx.write_unchecked() as s:
        s.add(Pengaturan(kunci="kabupaten", nilai={"nama": "Kabupaten Mamuju"}))
    svc.close()
    code, out, err = cli(
        "--db", str(path), "abk", "import", str(FIXTURES / "abk_lengkap.xlsx"), "--year", "2026"
    )
    assert code == 0, err
    assert "9 tugas untuk 3 jabatan" in out
    return path


def test_import_refuses_a_bad_file_with_rows_and_columns_and_writes_nothing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kosong.sqlite3"
    code, out, err = cli("--db", str(path), "abk", "import", str(FIXTURES / "abk_salah.xlsx"))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("Impor ABK dibatalkan: 9 kesalahan")
    assert "Baris 3, kolom E (Waktu Penyelesaian): Waktu penyelesaian tugas" in lines[1]
    assert lines[-1].startswith("Baris 11, kolom K (Pegawai Ada)")
    code, _, err = cli("--db", str(path), "abk", "report")
    assert code == 2 and "Belum ada analisis beban kerja" in err
    code, _, err = cli("--db", str(path), "abk", "import", str(FIXTURES / "tidak-ada.xlsx"))
    assert code == 2 and "tidak ditemukan" in err


def test_import_dry_run_saves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "coba.sqlite3"
    code, out, _ = cli(
        "--db", str(path), "abk", "import", "--dry-run", str(FIXTURES / "abk_lengkap.xlsx")
    )
    assert code == 0 and out.startswith("Diperiksa (tidak disimpan)")
    code, _, _ = cli("--db", str(path), "abk", "report")
    assert code == 2


def test_report_json_has_the_documented_keys_and_plain_types(db: Path) -> None:
    code, out, _ = cli("--db", str(db), "abk", "report", "--json")
    assert code == 0
    doc = json.loads(out)
    assert {"positions", "units", "opds", "totals", "tahun", "tanggal", "profil"} <= set(doc)
    assert date.fromisoformat(doc["tanggal"])
    assert doc["tahun"] == 2026 and doc["instansi"] == "Kabupaten Mamuju"
    for p in doc["positions"]:
        assert set(p) >= POSITION_KEYS
        assert all(k == k.lower() and " " not in k for k in p)
        assert isinstance(p["beban_kerja_menit"], float)
        assert isinstance(p["kebutuhan_bulat"], int) and isinstance(p["selisih"], int)
        assert p["selisih"] == p["pegawai_ada"] - p["kebutuhan_bulat"]
    bansos = next(p for p in doc["positions"] if p["jabatan"] == "Pengelola Data Bansos")
    assert bansos["unit"] == "Bidang Perlindungan dan Jaminan Sosial"
    assert (bansos["kebutuhan_bulat"], bansos["pegawai_ada"], bansos["pj"]) == (3, 2, "A")
    assert bansos["kebutuhan"] == pytest.approx(201_600 / 75_000)
    assert bansos["sumber_pegawai"] == "berkas_abk"
    assert [u["unit"] for u in doc["units"]] == [
        "Bidang Perlindungan dan Jaminan Sosial",
        "Subbagian Umum dan Kepegawaian",
    ]
    assert doc["totals"]["kurang"] == 1 and doc["totals"]["lebih"] == 2


def test_report_json_ej_is_null_for_a_position_nobody_holds(db: Path, tmp_path: Path) -> None:
    svc = open_services(db)
    try:
        from mutasi_desktop.domain.abk import Periode, SatuanWaktu, TaskInput

        report = svc.abk.report(2026)
        target = report.positions[0]
        with svc.ctx.write_unchecked() as s:
            from mutasi_desktop.storage.models import Jabatan

            jab = Jabatan(unit_id=target.unit_id, nama="Analis Baru", jenis=target.jenis_jabatan)
            s.add(jab)
            s.flush()
            jid = jab.id
        svc.abk.save_tasks(
            jid,
            2026,
            [TaskInput("Menganalisis", "kajian", 60, SatuanWaktu.MENIT, 100, Periode.TAHUN)],
        )
    finally:
        svc.close()
    code, out, _ = cli("--db", str(db), "abk", "report", "--json", "--tasks")
    assert code == 0
    doc = json.loads(out)
    empty = next(p for p in doc["positions"] if p["jabatan"] == "Analis Baru")
    assert (empty["ej"], empty["pj"], empty["pegawai_ada"], empty["kondisi"]) == (
        None,
        None,
        0,
        "kosong",
    )
    assert empty["tugas"][0]["uraian"] == "Menganalisis"


def test_report_under_a_scenario_and_an_unknown_one(db: Path) -> None:
    svc = open_services(db)
    try:
        svc.abk.save_scenario(2026, "Bansos naik", {"penerima_bansos": "+30 %"})
    finally:
        svc.close()
    code, out, _ = cli("--db", str(db), "abk", "report", "--json", "--scenario", "Bansos naik")
    doc = json.loads(out)
    assert code == 0 and doc["skenario"] == "Bansos naik"
    bansos = next(p for p in doc["positions"] if p["jabatan"] == "Pengelola Data Bansos")
    assert bansos["beban_kerja_menit"] == 23_400 * 10 + 12_000 + 9_600
    code, _, err = cli("--db", str(db), "abk", "report", "--scenario", "Entah")
    assert code == 2 and "Skenario \u201cEntah\u201d tidak ada" in err


def test_report_table_on_stdout(db: Path) -> None:
    code, out, err = cli("--db", str(db), "abk", "report")
    assert code == 0
    assert out.splitlines()[0].startswith("OPD\tUnit kerja\tJabatan")
    assert "Pengelola Data Bansos\t3360.00\t2.69\t3\t2\t-1\t1.34\tA" in out
    assert "3 jabatan; kebutuhan 4, ada 5, kurang 1, lebih 2" in err


def test_report_xlsx_is_a_formatted_recap(db: Path, tmp_path: Path) -> None:
    out_path = tmp_path / "rekap.xlsx"
    code, _, err = cli("--db", str(db), "abk", "report", "--xlsx", str(out_path))
    assert code == 0 and str(out_path) in err
    book = load_workbook(out_path)
    assert book.sheetnames == ["Jabatan", "Unit Kerja", "OPD", "Rasio", "Parameter"]
    ws = book["Jabatan"]
    assert ws["A1"].value == "REKAPITULASI ANALISIS BEBAN KERJA TAHUN 2026"
    header = [c.value for c in ws[5]]
    assert header[:3] == ["OPD", "Unit Kerja", "Jabatan"] and "+/-" in header and "PJ" in header
    assert all(c.font.bold for c in ws[5])
    assert ws.freeze_panes == "D6"
    col = {h: i for i, h in enumerate(header)}
    rows = {r[col["Jabatan"]].value: r for r in ws.iter_rows(min_row=6)}
    bansos = rows["Pengelola Data Bansos"]
    assert bansos[col["+/-"]].value == -1
    assert bansos[col["+/-"]].fill.fgColor.rgb.endswith("F8D7DA")  # red: kurang
    assert bansos[col["Keterangan"]].value == "Kurang 1"
    assert bansos[col["Sumber Jumlah Pegawai"]].value == "Berkas ABK"
    assert bansos[col["Kebutuhan"]].number_format == "0.0000"
    hub_row = next(r for r in ws.iter_rows(min_row=6) if r[col["OPD"]].value == "Dinas Perhubungan")
    assert hub_row[col["+/-"]].fill.fgColor.rgb.endswith("FFF1C2")  # amber: lebih
    total = next(r for r in ws.iter_rows(min_row=6) if r[0].value == "JUMLAH")
    assert total[col["Kebutuhan (dibulatkan)"]].value == 4 and total[0].font.bold
    assert book["OPD"]["A6"].value == "Dinas Sosial"


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        [_poppler("pdftotext"), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(
        [_poppler("pdfinfo"), str(path)], capture_output=True, text=True, check=True
    ).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def test_report_pdf_on_f4_landscape_with_sections_totals_dates_and_embedded_fonts(
    db: Path, tmp_path: Path
) -> None:
    out_path = tmp_path / "rekap.pdf"
    code, _, _ = cli("--db", str(db), "abk", "report", "--pdf", str(out_path))
    assert code == 0
    info = _pdf_info(out_path)
    assert info["Page size"].startswith("935.433 x 609.449 pts")  # 330 × 215 mm
    pages = int(info["Pages"])
    text = _pdf_text(out_path)
    for needle in (
        "REKAPITULASI ANALISIS BEBAN KERJA (ABK)",
        "KABUPATEN MAMUJU",
        "TAHUN 2026",
        "A. Ringkasan",
        "B. Rekap per OPD",
        "C. Rincian per Jabatan",
        "D. Perkiraan Menurut Rasio (pembanding)",
        "Keterangan",
        "Profil PermenPAN-RB 1/2020: waktu kerja efektif 75.000 menit",
        "Pengelola Data Bansos",
        "Kelebihan beban",
        f"Dicetak {format_tanggal(date.today())}",
        f"Halaman 1 dari {pages}",
        f"Keadaan {format_tanggal(date.today())}",
    ):
        assert needle in text, needle
    # Totals: 3 positions, 299,220 min = 4,987 h, need 3.99 → 4 (3 + 1 + 0), present 5,
    # 1 short, 2 over (never netted), EU 0.798 → C; Indonesian decimals.
    jumlah = next(line for line in text.splitlines() if line.strip().startswith("JUMLAH"))
    assert jumlah.split() == [
        "JUMLAH",
        "3",
        "0",
        "4.987,00",
        "3,99",
        "4",
        "5",
        "1",
        "2",
        "0,798",
        "C",
        "Kekurangan",
        "beban",
    ]
    assert "3.360,00" in text and "\u22121" in text  # hours and a signed shortage
    fonts = subprocess.run(
        [_poppler("pdffonts"), str(out_path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all("LiberationSans" in f and " yes " in f for f in fonts), fonts
    assert not any("Helvetica" in f for f in fonts)


def test_report_pdf_on_a4_portrait(db: Path, tmp_path: Path) -> None:
    out_path = tmp_path / "a4.pdf"
    code, _, _ = cli(
        "--db", str(db), "abk", "report", "--pdf", str(out_path), "--paper", "A4", "--portrait"
    )
    assert code == 0
    assert _pdf_info(out_path)["Page size"].startswith("595.276 x 841.89 pts")


def test_export_writes_the_task_layout(db: Path, tmp_path: Path) -> None:
    out_path = tmp_path / "ekspor.xlsx"
    code, _, _ = cli("--db", str(db), "abk", "report", "--export", str(out_path))
    assert code == 0
    ws = load_workbook(out_path)["ABK"]
    assert [c.value for c in ws[5]][:5] == ["No", "OPD", "Unit Kerja", "Jabatan", "Uraian Tugas"]


def test_a_database_from_a_newer_app_is_refused_with_exit_3(db: Path) -> None:
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999_masa_depan'")
    con.commit()
    con.close()
    code, _, err = cli("--db", str(db), "abk", "report")
    assert code == 3 and "lebih baru" in err


def test_drivers_and_scenarios_are_defined_from_the_command_line(db: Path) -> None:
    base = ("--db", str(db), "abk")
    code, out, _ = cli(*base, "driver", "--json")
    drivers = {d["nama"]: d["nilai"] for d in json.loads(out)["pemicu"]}
    assert code == 0 and "penerima_bansos" in drivers
    code, out, _ = cli(*base, "driver", "--set", "penerima_bansos", "20000", "--json")
    assert code == 0
    assert {d["nama"]: d["nilai"] for d in json.loads(out)["pemicu"]}["penerima_bansos"] == 20000
    code, out, err = cli(
        *base, "scenario", "--set", "Bansos naik", "--override", "penerima_bansos=+50 %"
    )
    assert code == 0, err
    assert out.strip() == "Bansos naik\tpenerima_bansos +50 %"
    _, plain, _ = cli(*base, "report", "--json")
    _, raised, _ = cli(*base, "report", "--json", "--scenario", "Bansos naik")

    def bansos(doc: str) -> float:
        rows = json.loads(doc)["positions"]
        return next(p for p in rows if p["jabatan"] == "Pengelola Data Bansos")["kebutuhan"]

    assert bansos(raised) > bansos(plain)
    assert cli(*base, "scenario", "--set", "X", "--override", "tanpa-tanda")[0] == 2
    assert cli(*base, "driver", "--set", "penduduk", "banyak")[0] == 2
    code, out, _ = cli(*base, "scenario", "--delete", "Bansos naik", "--json")
    assert code == 0 and json.loads(out)["skenario"] == []
