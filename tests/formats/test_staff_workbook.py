"""The formatted staff workbook: frozen bold header, autofilter, widths, NIP text, real dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.formats.staff_workbook import Column, get_column_letter, write_table


def test_table_layout_and_cell_types(tmp_path: Path) -> None:
    path = tmp_path / "pegawai.xlsx"
    columns = [
        Column("No", 6, "int"),
        Column("NIP", 21, "nip"),
        Column("Nama", 30),
        Column("Tanggal Lahir", 13, "date"),
    ]
    rows = [
        [1, "198609262015051001", "Andi Baso", date(1986, 9, 26)],
        [2, "199001022015052001", "Sitti", None],
    ]
    assert write_table(path, "Pegawai", columns, rows) == 2
    ws = load_workbook(path)["Pegawai"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:D3"
    assert [c.font.b for c in ws[1]] == [True] * 4
    assert ws.column_dimensions["B"].width == 21 and ws.column_dimensions["C"].width == 30
    nip = ws["B2"]
    assert nip.value == "198609262015051001" and nip.data_type == "s"
    assert nip.number_format == "@"
    born = ws["D2"]
    assert born.is_date and born.number_format == "DD-MM-YYYY"
    assert born.value.date() == date(1986, 9, 26)
    assert ws["D3"].value is None


def test_no_half_written_workbook_when_the_target_cannot_be_written(tmp_path: Path) -> None:
    target = tmp_path / "folder.xlsx"
    target.mkdir()  # a directory where the file should go
    with pytest.raises(DomainError) as caught:
        write_table(target, "X", [Column("A")], [["a"]])
    assert caught.value.code == "berkas.tidak_dapat_ditulis"
    assert not (tmp_path / "folder.xlsx.tmp").exists()


def test_column_letters() -> None:
    assert [get_column_letter(i) for i in (1, 26, 27, 53)] == ["A", "Z", "AA", "BA"]
