"""Spreadsheet readers: .xlsx/.xlsm/.xls/.ods through calamine, .csv through the stdlib.

Every reader returns a :class:`Sheet`: the raw cell values exactly as the file holds them (text,
numbers as float/int, date cells as ``date``/``datetime``, empty cells as ``""`` or None). No
value is interpreted here: a NIP stored as a number stays a float, so the importer can say that
its last digits are already lost. Why calamine and not openpyxl for reading: docs/import.md.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TypeAlias, cast

from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from mutasi_desktop.domain.errors import DomainError

CellValue: TypeAlias = str | float | int | bool | date | datetime | time | timedelta | None

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_SUFFIXES = (".csv", ".txt")
SUPPORTED_SUFFIXES = WORKBOOK_SUFFIXES + TEXT_SUFFIXES

# Horizontal merges are filled only this far down: that is where titles and headers live.
HEADER_SCAN_ROWS = 30
_DELIMITERS = (";", ",", "\t", "|")
_SNIFF_LINES = 60


@dataclass(frozen=True)
class Sheet:
    """One sheet as read: ``rows[r][c]`` is the cell at sheet row ``r + 1``, column ``c``."""

    name: str
    rows: list[list[CellValue]]
    source: str  # "xlsx", "xls", "ods" or "csv"
    encoding: str | None = None  # CSV only
    delimiter: str | None = None  # CSV only
    merged: tuple[tuple[int, int, int, int], ...] = field(default_factory=tuple)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def _error(code: str, path: Path, **params: Any) -> DomainError:
    return DomainError(code, path=str(path), **params)


def _check_path(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DomainError(
            "berkas.format_tidak_didukung", path=str(path), suffix=suffix or path.name
        )
    if not path.exists():
        raise _error("berkas.tidak_ada", path)
    if not os.access(path, os.R_OK):
        raise _error("berkas.terkunci", path)
    return suffix


def _visible_names(wb: CalamineWorkbook) -> list[str]:
    visible = [
        m.name
        for m in wb.sheets_metadata
        if m.typ == SheetTypeEnum.WorkSheet and m.visible == SheetVisibleEnum.Visible
    ]
    return visible or list(wb.sheet_names)


def sheet_names(path: str | Path) -> list[str]:
    """The visible sheets of a workbook in order; a CSV file has one, named after the file."""
    p = Path(path)
    suffix = _check_path(p)
    if suffix in TEXT_SUFFIXES:
        return [p.stem]
    with _open_workbook(p) as wb:
        return _visible_names(wb)


def read_sheet(path: str | Path, sheet: str | None = None) -> Sheet:
    """Read one sheet (the first when ``sheet`` is None); DomainError ``berkas.*`` if unreadable."""
    return read_workbook(path, sheet)[1]


def read_workbook(path: str | Path, sheet: str | None = None) -> tuple[list[str], Sheet]:
    """The visible sheet names and one sheet (the first visible when ``sheet`` is None),
    opening the file once (opening parses the shared strings: 0.2 s on a big export)."""
    p = Path(path)
    suffix = _check_path(p)
    if suffix in TEXT_SUFFIXES:
        return [p.stem], read_csv(p)
    with _open_workbook(p) as wb:
        names = _visible_names(wb)
        if not names:
            raise _error("berkas.kosong", p, sheet=p.name)
        name = sheet if sheet is not None else names[0]
        if name not in wb.sheet_names:
            raise _error("berkas.lembar_tidak_ada", p, sheet=name)
        try:
            ws = wb.get_sheet_by_name(name)
            # skip_empty_area=False keeps row and column numbers equal to the sheet's own.
            rows = cast("list[list[CellValue]]", ws.to_python(skip_empty_area=False))
            ranges = ws.merged_cell_ranges or []
        except Exception as exc:  # a damaged sheet part: report it, never crash the import
            raise _error("berkas.rusak", p, detail=_detail(exc)) from exc
    merged = tuple((r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges)
    _fill_merged(rows, merged)
    source = suffix.lstrip(".").replace("xlsm", "xlsx")
    return names, Sheet(name, rows, source, merged=merged)


class _Workbook:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.wb: CalamineWorkbook | None = None

    def __enter__(self) -> CalamineWorkbook:
        try:
            self.wb = CalamineWorkbook.from_path(str(self.path))
        except PermissionError as exc:  # Windows: Excel holds the file open
            raise _error("berkas.terkunci", self.path) from exc
        except Exception as exc:  # calamine raises several error types for broken archives
            raise _error("berkas.rusak", self.path, detail=_detail(exc)) from exc
        return self.wb

    def __exit__(self, *exc: object) -> None:
        if self.wb is not None:
            self.wb.close()


def _open_workbook(path: Path) -> _Workbook:
    return _Workbook(path)


def _detail(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 160 else text[:159] + "…"


def _blank(value: CellValue) -> bool:
    return value is None or value == ""


def _fill_merged(
    rows: list[list[CellValue]], merged: tuple[tuple[int, int, int, int], ...]
) -> None:
    """Copy a merged range's value into its other cells, as the reader of the printout sees it.

    Near the top (titles, one- or two-row headers) ranges are filled across and down. Below,
    only downwards: a unit name merged over the rows of its people belongs to each of them,
    while a section title merged across a row must not land in the NIP column.
    """
    for r0, c0, r1, c1 in merged:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        if _blank(value):
            continue
        last_col = c1 if r0 < HEADER_SCAN_ROWS else c0
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, min(last_col, len(row) - 1) + 1):
                if (r, c) != (r0, c0) and _blank(row[c]):
                    row[c] = value


# --------------------------------------------------------------------------- CSV


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # Five bytes are undefined in cp1252; Latin-1 maps every byte, so nothing is lost.
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the sample into the most rows of one consistent width."""
    best, best_score = ",", (-1, -1)
    sample = "\n".join(lines)
    for delim in _DELIMITERS:
        widths: dict[int, int] = {}
        try:
            for row in csv.reader(io.StringIO(sample), delimiter=delim):
                if len(row) > 1:
                    widths[len(row)] = widths.get(len(row), 0) + 1
        except csv.Error:
            continue
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda kv: (kv[1], kv[0]))
        score = (count, width)
        if score > best_score:
            best, best_score = delim, score
    return best


def read_csv(path: str | Path) -> Sheet:
    p = Path(path)
    try:
        data = p.read_bytes()
    except PermissionError as exc:
        raise _error("berkas.terkunci", p) from exc
    except OSError as exc:
        raise _error("berkas.rusak", p, detail=_detail(exc)) from exc
    return parse_csv_bytes(data, name=p.stem)


def parse_csv_bytes(data: bytes, *, name: str = "csv") -> Sheet:
    text, encoding = decode_text(data)
    text = text.replace("\x00", "")
    lines = text.splitlines()
    delimiter: str | None = None
    if lines and lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) == 5:
        # Excel's hint line ("sep=;"): obey it and do not treat it as a row.
        delimiter = lines[0].strip()[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
        lines = lines[1:]
    if delimiter is None:
        delimiter = sniff_delimiter(lines[:_SNIFF_LINES])
    rows: list[list[CellValue]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(list(row))
    except csv.Error as exc:
        raise DomainError("berkas.rusak", path=name, detail=_detail(exc)) from exc
    return Sheet(name, rows, "csv", encoding=encoding, delimiter=delimiter)
