"""`mutasi staff import` and `mutasi staff export`: exit codes, reasons on stderr, reports."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mutasi_desktop.cli import run
from mutasi_desktop.cli.common import Io
from mutasi_desktop.services.bootstrap import open_services
from support_import import FIXTURES


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), Io(out, err))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite3"


def _count(db: Path) -> int:
    svc = open_services(db)
    try:
        return svc.staff.count()
    finally:
        svc.close()


def test_import_into_an_empty_database_creates_the_organisation_and_lists_it(db: Path) -> None:
    code, out, err = cli("--db", str(db), "staff", "import", str(FIXTURES / "siasn_snake.csv"))
    assert code == 0, err
    assert out.splitlines()[:2] == [
        "Ditambah: 4, diubah: 0, tetap: 0, ditolak: 0",
        "Dibuat dari berkas (8), periksa kembali:",
    ]
    assert "  opd: Dinas Sosial" in out and "  jabatan: Perawat Terampil (Dinas Sosial)" in out
    assert _count(db) == 4
    code, out, _ = cli("--db", str(db), "staff", "import", str(FIXTURES / "siasn_snake.csv"))
    assert (code, out) == (0, "Ditambah: 0, diubah: 0, tetap: 4, ditolak: 0\n")


def test_invalid_rows_exit_2_with_row_and_column_and_nothing_is_written(
    db: Path, tmp_path: Path
) -> None:
    report = tmp_path / "laporan.xlsx"
    code, out, err = cli(
        "--db",
        str(db),
        "staff",
        "import",
        str(FIXTURES / "rusak_nip.xlsx"),
        "--report",
        str(report),
    )
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("baris 6, kolom A (NIP): NIP tersimpan sebagai angka")
    assert lines[1] == (
        "baris 7, kolom A (NIP): NIP \u201c1.98501E+17\u201d tertulis dalam notasi ilmiah Excel; "
        "digit terakhirnya hilang. Ubah kolom NIP menjadi teks di berkas sumber. "
        "[nilai: 1.98501E+17]"
    )
    assert lines[-1].startswith("Impor dibatalkan: 11 baris tidak sah.")
    assert f"Laporan kesalahan: {report}" in lines
    assert _count(db) == 0
    rows = list(load_workbook(report)["Baris ditolak"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == list(range(6, 17))


def test_skip_invalid_imports_the_rest_and_writes_the_report(db: Path, tmp_path: Path) -> None:
    report = tmp_path / "laporan.xlsx"
    code, out, err = cli(
        "--db",
        str(db),
        "staff",
        "import",
        str(FIXTURES / "rusak_golongan.xlsx"),
        "--skip-invalid",
        "--report",
        str(report),
        "--json",
    )
    assert code == 0, err
    doc = json.loads(out)
    assert (doc["ditambah"], doc["ditolak"], doc["disimpan"]) == (5, 4, True)
    assert report.exists() and _count(db) == 5


def test_a_file_that_cannot_be_imported_at_all_exits_2(db: Path, tmp_path: Path) -> None:
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"not a zip")
    code, _, err = cli("--db", str(db), "staff", "import", str(broken))
    assert code == 2 and err.startswith(f"Berkas {broken} tidak dapat dibaca")
    odd = tmp_path / "data.pdf"
    odd.write_bytes(b"%PDF")
    code, _, err = cli("--db", str(db), "staff", "import", str(odd))
    assert code == 2 and "tidak didukung" in err
    no_nip = tmp_path / "tanpa_nip.csv"
    no_nip.write_text("Nama\nAndi\n", encoding="utf-8")
    code, _, err = cli("--db", str(db), "staff", "import", str(no_nip))
    assert code == 2 and err.startswith("Kolom NIP tidak ditemukan.")
    code, _, err = cli(
        "--db",
        str(db),
        "staff",
        "import",
        str(FIXTURES / "siasn_title.xlsx"),
        "--sheet",
        "Tidak Ada",
    )
    assert code == 2 and "Lembar \u201cTidak Ada\u201d tidak ada" in err


def test_export_of_a_unit_and_as_duk(db: Path, tmp_path: Path) -> None:
    cli("--db", str(db), "staff", "import", str(FIXTURES / "siasn_snake.csv"))
    out_file = tmp_path / "hub.xlsx"
    code, out, _ = cli(
        "--db", str(db), "staff", "export", str(out_file), "--unit", "Dinas Perhubungan"
    )
    assert (code, out) == (0, f"2 pegawai ditulis ke {out_file}\n")
    ws = load_workbook(out_file)["Pegawai"]
    assert [r[3] for r in ws.iter_rows(min_row=2, values_only=True)] == [
        "Muhammad Yusuf",
        "Sitti Nurhayati",
    ]
    duk = tmp_path / "duk.xlsx"
    code, out, _ = cli("--db", str(db), "staff", "export", str(duk), "--duk")
    assert code == 0 and out.startswith("3 pegawai")  # PPPK are not ranked
    code, _, err = cli("--db", str(db), "staff", "export", str(duk), "--unit", "Tidak Ada")
    assert code == 2 and "tidak ditemukan" in err


def test_an_exported_workbook_imports_back_without_changes(db: Path, tmp_path: Path) -> None:
    cli("--db", str(db), "staff", "import", str(FIXTURES / "simpeg_judul_dua_baris.xlsx"))
    out_file = tmp_path / "semua.xlsx"
    assert cli("--db", str(db), "staff", "export", str(out_file))[0] == 0
    copy = tmp_path / "salinan.xlsx"
    shutil.copy(out_file, copy)
    code, out, _ = cli("--db", str(db), "staff", "import", str(copy))
    assert (code, out) == (0, "Ditambah: 0, diubah: 0, tetap: 4, ditolak: 0\n")
