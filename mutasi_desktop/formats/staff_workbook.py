"""Staff workbooks written with openpyxl: the register export and the import error workbook.

Both are written in openpyxl's write-only mode (streamed, constant memory): a frozen bold
header, an autofilter, sensible widths, NIPs as text cells and dates as real date cells.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mutasi_desktop.domain.errors import DomainError

DATE_FORMAT = "DD-MM-YYYY"
TEXT_FORMAT = "@"


class _Xl:
    """openpyxl, imported when a workbook is first written rather than at start-up (0.1 s)."""

    def __init__(self) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.comments import Comment
        from openpyxl.styles import Alignment, Font, PatternFill

        self.Workbook = Workbook
        self.WriteOnlyCell = WriteOnlyCell
        self.Comment = Comment
        self.header_font = Font(bold=True)
        self.header_fill = PatternFill("solid", fgColor="E3F1F2")
        self.error_fill = PatternFill("solid", fgColor="F8D7D3")
        self.warning_fill = PatternFill("solid", fgColor="FCEFD2")
        self.wrap = Alignment(wrap_text=True, vertical="top")


_xl_cache: list[_Xl] = []


def _xl() -> _Xl:
    if not _xl_cache:
        _xl_cache.append(_Xl())
    return _xl_cache[0]


def get_column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 14
    kind: str = "text"  # text | nip | date | int


def _header_cells(ws: Any, columns: Sequence[Column]) -> list[Any]:
    cells = []
    for col in columns:
        cell = _xl().WriteOnlyCell(ws, value=col.header)
        cell.font = _xl().header_font
        cell.fill = _xl().header_fill
        cells.append(cell)
    return cells


def _prepare(ws: Any, columns: Sequence[Column]) -> None:
    ws.freeze_panes = "A2"
    for i, col in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.append(_header_cells(ws, columns))


def _value_cell(ws: Any, kind: str, value: object) -> object:
    if value is None:
        return None
    if kind == "nip" or (kind == "text" and isinstance(value, str) and value[:1].isdigit()):
        cell = _xl().WriteOnlyCell(ws, value=str(value))
        cell.number_format = TEXT_FORMAT  # Excel must never turn a NIP into 1.98E+17
        return cell
    if isinstance(value, date):
        cell = _xl().WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value


def _save(wb: Any, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        wb.save(str(tmp))
        tmp.replace(path)  # a reader never sees half a workbook
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError("berkas.tidak_dapat_ditulis", path=str(path), detail=str(exc)) from exc


def write_table(
    path: str | Path,
    sheet_title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    *,
    tick: Callable[[int], None] | None = None,
) -> int:
    """Write one formatted sheet; returns the number of data rows."""
    p = Path(path)
    wb = _xl().Workbook(write_only=True)
    ws = wb.create_sheet(sheet_title[:31])
    _prepare(ws, columns)
    kinds = [c.kind for c in columns]
    count = 0
    for row in rows:
        ws.append([_value_cell(ws, kind, v) for kind, v in zip(kinds, row, strict=False)])
        count += 1
        if tick is not None and count % 1000 == 0:
            tick(count)
    if columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    _save(wb, p)
    return count


# --------------------------------------------------------------------------- error workbook


@dataclass(frozen=True)
class ErrorIssue:
    column: int | None  # 0-based column of the source sheet
    column_label: str
    value: str
    code: str
    message: str
    is_error: bool


@dataclass(frozen=True)
class ErrorRow:
    row: int  # sheet row number in the source file
    cells: Sequence[object]  # the source row as read
    issues: Sequence[ErrorIssue]
    rejected: bool


def _source_cell(ws: Any, value: object, issue: ErrorIssue | None) -> object:
    if value is None or value == "":
        value = None
    if isinstance(value, float) and value.is_integer() and abs(value) >= 1e15:
        value = f"{value:.15g}"  # keep the damaged NIP visible as Excel showed it
    if isinstance(value, str) or issue is not None or isinstance(value, date):
        cell = _xl().WriteOnlyCell(ws, value=value)
        if isinstance(value, str):
            cell.number_format = TEXT_FORMAT
        elif isinstance(value, date):
            cell.number_format = DATE_FORMAT
        if issue is not None:
            cell.fill = _xl().error_fill if issue.is_error else _xl().warning_fill
            cell.comment = _xl().Comment(issue.message, "Mutasi Desktop")
        return cell
    return value


def write_error_workbook(
    path: str | Path,
    *,
    source_name: str,
    labels: Sequence[str],
    rows: Sequence[ErrorRow],
    level_labels: tuple[str, str] = ("Kesalahan", "Peringatan"),
) -> None:
    """Rejected rows as they were in the source (bad cells red, with a note), plus one line per
    problem. Fix the first sheet and import it again: its header is the source's header."""
    p = Path(path)
    wb = _xl().Workbook(write_only=True)

    ws = wb.create_sheet("Baris ditolak")
    columns = [
        Column("Baris", 8, "int"),
        *(Column(label or get_column_letter(i + 1), 16) for i, label in enumerate(labels)),
        Column("Alasan", 70),
    ]
    _prepare(ws, columns)
    count = 0
    for er in rows:
        if not er.rejected:
            continue
        by_col: dict[int, ErrorIssue] = {}
        for issue in er.issues:
            if issue.column is not None and issue.column not in by_col:
                by_col[issue.column] = issue
        cells: list[object] = [er.row]
        for c in range(len(labels)):
            raw = er.cells[c] if c < len(er.cells) else None
            cells.append(_source_cell(ws, raw, by_col.get(c)))
        reason = _xl().WriteOnlyCell(
            ws,
            value="\n".join(
                f"{i.column_label}: {i.message}" if i.column_label else i.message
                for i in er.issues
                if i.is_error
            ),
        )
        reason.alignment = _xl().wrap
        cells.append(reason)
        ws.append(cells)
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"

    detail = wb.create_sheet("Daftar masalah")
    detail_cols = [
        Column("Baris", 8, "int"),
        Column("Kolom", 8),
        Column("Judul kolom", 22),
        Column("Nilai", 24),
        Column("Tingkat", 12),
        Column("Kode", 24),
        Column("Alasan", 80),
        Column("Baris ditolak", 12),
    ]
    _prepare(detail, detail_cols)
    n = 0
    for er in rows:
        for issue in er.issues:
            letter = get_column_letter(issue.column + 1) if issue.column is not None else ""
            value = _xl().WriteOnlyCell(detail, value=issue.value or None)
            value.number_format = TEXT_FORMAT
            detail.append(
                [
                    er.row or None,
                    letter or None,
                    issue.column_label or None,
                    value,
                    level_labels[0] if issue.is_error else level_labels[1],
                    issue.code,
                    issue.message,
                    "ya" if er.rejected else "tidak",
                ]
            )
            n += 1
    detail.auto_filter.ref = f"A1:{get_column_letter(len(detail_cols))}{n + 1}"

    info = wb.create_sheet("Sumber")
    info.append(["Berkas sumber", source_name])
    info.append(["Dibuat", datetime.now().strftime("%d-%m-%Y %H:%M")])
    _save(wb, p)
