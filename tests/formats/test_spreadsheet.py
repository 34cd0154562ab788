"""Spreadsheet readers: every format gives the same raw cells; CSV dialects; merged cells."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.formats.spreadsheet import (
    decode_text,
    parse_csv_bytes,
    read_sheet,
    read_workbook,
    sheet_names,
    sniff_delimiter,
)
from support_import import FIXTURES


@pytest.mark.parametrize("name", ["legacy.xls", "legacy.ods"])
def test_legacy_formats_give_the_same_cells_as_the_csv(name: str) -> None:
    legacy = read_sheet(FIXTURES / name)
    csv = read_sheet(FIXTURES / "simpeg_cp1252.csv")
    assert legacy.rows[0] == csv.rows[0]  # the header
    first = legacy.rows[1]
    assert first[0] == "198609262015051001"  # NIP kept as text
    assert first[5] == date(1986, 9, 26)  # a real date cell
    assert first[19] == 2009  # a number (int or float, as the format stores it)
    assert legacy.source == name.rsplit(".", 1)[1]


def test_xlsx_dates_numbers_and_text_arrive_as_stored() -> None:
    sheet = read_sheet(FIXTURES / "rusak_nip.xlsx")
    assert sheet.name == "NIP" and sheet.source == "xlsx"
    assert sheet.rows[1][0] == "'198609262015051001"  # the apostrophe typed into a text cell
    assert sheet.rows[5][0] == pytest.approx(1.98501012010011e17)  # a number: digits lost
    assert isinstance(sheet.rows[5][0], float)
    assert sheet.rows[1][2] == date(1986, 9, 26)


def test_sheet_names_in_order_and_csv_has_one() -> None:
    assert sheet_names(FIXTURES / "siasn_title.xlsx") == ["Data Utama"]
    assert sheet_names(FIXTURES / "ganda.csv") == ["ganda"]
    names, sheet = read_workbook(FIXTURES / "simpeg_judul_dua_baris.xlsx")
    assert names == ["DUK 2025"] and sheet.name == "DUK 2025"


def test_merged_header_cells_are_filled_across_and_down(tmp_path: Path) -> None:
    sheet = read_sheet(FIXTURES / "simpeg_judul_dua_baris.xlsx")
    assert (3, 10, 3, 11) in sheet.merged  # "Pangkat/Gol" over Gol and TMT
    assert sheet.rows[3][10:14] == ["Pangkat/Gol", "Pangkat/Gol", "Jabatan", "Jabatan"]
    assert sheet.rows[4][1] == "NIP "  # merged down over the second header row
    # Near the top a merged title is copied across (it may be a header group)...
    assert sheet.rows[6][:3] == ["A. DINAS SOSIAL"] * 3


def test_below_the_header_area_merged_titles_are_not_copied_across(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["NIP", "Nama", "Unit Kerja"])
    for i in range(40):
        ws.append([f"1986092620150510{i:02d}", f"Orang {i}", "Sekretariat"])
    ws.append(["B. BIDANG SOSIAL"])
    ws.merge_cells("A42:C42")
    path = tmp_path / "bagian.xlsx"
    wb.save(path)
    rows = read_sheet(path).rows
    # ...further down it would land in the NIP column of a section row.
    assert rows[41] == ["B. BIDANG SOSIAL", "", ""]


def test_a_unit_merged_over_its_people_belongs_to_each_row(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["NIP", "Nama", "Unit Kerja"])
    for i in range(40):
        ws.append([f"1986092620150510{i:02d}", f"Orang {i}", "Sekretariat" if i == 0 else None])
    ws.merge_cells("C2:C41")
    path = tmp_path / "gabung.xlsx"
    wb.save(path)
    rows = read_sheet(path).rows
    assert {r[2] for r in rows[1:]} == {"Sekretariat"}


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Nama;Kota\nJosé;Mamuju\n".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "Nama;Kota\nJosé;Mamuju\n".encode(), "utf-8-sig"),
        ("Nama;Kota\nJosé;Mamuju\n".encode("cp1252"), "cp1252"),
        ("Nama;Kota\nJosé;Mamuju\n".encode("utf-16"), "utf-16"),
    ],
)
def test_csv_encodings(data: bytes, encoding: str) -> None:
    sheet = parse_csv_bytes(data)
    assert sheet.encoding == encoding
    assert sheet.rows == [["Nama", "Kota"], ["José", "Mamuju"]]


def test_undefined_windows_1252_bytes_fall_back_without_losing_bytes() -> None:
    text, encoding = decode_text(b"Nama\n\x81\x8d\n")
    assert encoding == "latin-1" and text == "Nama\n\x81\x8d\n"


@pytest.mark.parametrize(
    ("lines", "delimiter"),
    [
        (["NIP,Nama,Gol", "1,Andi,III/a", "2,Sitti,II/c"], ","),
        (["NIP;Nama;Gol", "1;Andi;III/a", "2;Sitti;1,98503E+17"], ";"),
        (["NIP\tNama", "1\tAndi, S.Sos."], "\t"),
        (["DAFTAR PEGAWAI", "", "NIP;Nama", "1;Andi, S.E."], ";"),
    ],
)
def test_the_delimiter_is_sniffed(lines: list[str], delimiter: str) -> None:
    assert sniff_delimiter(lines) == delimiter


def test_excel_sep_line_is_obeyed_and_not_a_row() -> None:
    sheet = parse_csv_bytes(b"sep=,\r\nNIP,Nama\r\n1;2,Andi\r\n")
    assert sheet.delimiter == "," and sheet.rows == [["NIP", "Nama"], ["1;2", "Andi"]]


def test_quoted_fields_with_delimiters_and_newlines_survive() -> None:
    sheet = parse_csv_bytes(b'NIP;Catatan\r\n1;"satu; dua\r\ntiga"\r\n')
    assert sheet.rows[1] == ["1", "satu; dua\r\ntiga"]


def test_unreadable_and_missing_files_are_reported(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04garbage")
    cases = {
        tmp_path / "tidak_ada.csv": "berkas.tidak_ada",
        tmp_path / "data.docx": "berkas.format_tidak_didukung",
        broken: "berkas.rusak",
    }
    (tmp_path / "data.docx").write_bytes(b"x")
    for path, code in cases.items():
        with pytest.raises(DomainError) as caught:
            read_sheet(path)
        assert caught.value.code == code
    with pytest.raises(DomainError) as caught:
        read_sheet(FIXTURES / "siasn_title.xlsx", "Lain")
    assert caught.value.code == "berkas.lembar_tidak_ada"
