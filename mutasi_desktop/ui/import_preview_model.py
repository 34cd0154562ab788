"""Table model of the import preview: the file's own cells, bad ones highlighted, and a proxy
that keeps only the rows with problems."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from mutasi_desktop.domain.staff_import import FIELD_BY_KEY, CellProblem, display_value
from mutasi_desktop.services.staff_import import ImportPreview, RowStatus
from mutasi_desktop.ui.i18n import tr_label, tr_message
from mutasi_desktop.ui.style import BALANCED, SHORTAGE, WARNING

_Index = QModelIndex | QPersistentModelIndex

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1  # True when the row has an error or a warning
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the sheet row number
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # RowStatus value, or "dilewati"

_ERROR_BG = QBrush(QColor("#f8d7d3"))
_WARNING_BG = QBrush(QColor("#fcefd2"))
_SKIPPED_FG = QBrush(QColor("#8a8f98"))


@dataclass
class _Line:
    row: int
    status: str  # RowStatus value or "dilewati"
    cells: Sequence[object]
    by_column: dict[int | None, list[CellProblem]]
    note: str = ""  # skipped rows: what kind of row it was

    @property
    def has_problems(self) -> bool:
        return bool(self.by_column)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for ps in self.by_column.values() for p in ps)


class ImportPreviewModel(QAbstractTableModel):
    BARIS, STATUS = 0, 1
    FIRST_FIELD = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[_Line] = []
        self._columns: list[int] = []  # source column of each field column
        self._headers: list[str] = []
        self._tooltips: list[str] = []
        self._status_text = {
            RowStatus.BARU.value: self.tr("Baru"),
            RowStatus.UBAH.value: self.tr("Diubah"),
            RowStatus.TETAP.value: self.tr("Tetap"),
            RowStatus.TOLAK.value: self.tr("Ditolak"),
            "dilewati": self.tr("Dilewati"),
        }
        self._status_colour = {
            RowStatus.BARU.value: QBrush(QColor(BALANCED)),
            RowStatus.UBAH.value: QBrush(QColor(WARNING)),
            RowStatus.TOLAK.value: QBrush(QColor(SHORTAGE)),
            "dilewati": _SKIPPED_FG,
        }

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        self._lines = []
        self._columns = []
        self._headers = []
        self._tooltips = []
        if preview is not None:
            source = preview.source
            rows = source.sheet.rows
            pairs = sorted(preview.mapping.items(), key=lambda kv: kv[1])
            for key, col in pairs:
                self._columns.append(col)
                label = source.header.labels[col] if col < len(source.header.labels) else ""
                self._headers.append(label or tr_label(FIELD_BY_KEY[key].label))
                self._tooltips.append(
                    self.tr("Kolom {col} → {field}").format(
                        col=source.label(col), field=tr_label(FIELD_BY_KEY[key].label)
                    )
                )
            lines: list[_Line] = []
            for r in preview.rows:
                by_column: dict[int | None, list[CellProblem]] = {}
                for p in r.problems:
                    where = p.column if p.column in self._columns else None
                    by_column.setdefault(where, []).append(p)
                cells = rows[r.row - 1] if 0 < r.row <= len(rows) else []
                lines.append(_Line(r.row, r.status.value, cells, by_column))
            for s in preview.skipped:
                cells = rows[s.row - 1] if 0 < s.row <= len(rows) else []
                lines.append(_Line(s.row, "dilewati", cells, {}, tr_label(s.kind.label)))
            lines.sort(key=lambda line: line.row)
            self._lines = lines
        self.endResetModel()

    # ---- Qt interface ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIRST_FIELD + len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.BARIS:
                return self.tr("Baris")
            if section == self.STATUS:
                return self.tr("Status")
            i = section - self.FIRST_FIELD
            return self._headers[i] if 0 <= i < len(self._headers) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            i = section - self.FIRST_FIELD
            return self._tooltips[i] if 0 <= i < len(self._tooltips) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        col = index.column()
        if role == PROBLEM_ROLE:
            return line.has_problems
        if role == ROW_ROLE:
            return line.row
        if role == STATUS_ROLE:
            return line.status
        if col == self.BARIS:
            if role == Qt.ItemDataRole.DisplayRole:
                return line.row
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if col == self.STATUS:
            return self._status_data(line, role)
        i = col - self.FIRST_FIELD
        if not 0 <= i < len(self._columns):
            return None
        source_col = self._columns[i]
        problems = line.by_column.get(source_col)
        if role == Qt.ItemDataRole.DisplayRole:
            value = line.cells[source_col] if source_col < len(line.cells) else None
            return display_value(value, 80)
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return _ERROR_BG if any(p.is_error for p in problems) else _WARNING_BG
        if role == Qt.ItemDataRole.ToolTipRole and problems:
            return "\n".join(tr_message(p.code, p.params) for p in problems)
        if role == Qt.ItemDataRole.ForegroundRole and line.status == "dilewati":
            return _SKIPPED_FG
        return None

    def _status_data(self, line: _Line, role: int) -> Any:
        row_problems = line.by_column.get(None, [])
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._status_text.get(line.status, line.status)
            return f"{text}: {line.note}" if line.note else text
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._status_colour.get(line.status)
        if role == Qt.ItemDataRole.BackgroundRole and row_problems:
            return _ERROR_BG if any(p.is_error for p in row_problems) else _WARNING_BG
        if role == Qt.ItemDataRole.ToolTipRole:
            messages = [tr_message(p.code, p.params) for ps in line.by_column.values() for p in ps]
            return "\n".join(messages) or None
        return None

    # ---- helpers for tests and the wizard --------------------------------------------------
    def problem_rows(self) -> list[int]:
        return [line.row for line in self._lines if line.has_problems]

    def column_of(self, source_column: int) -> int | None:
        try:
            return self.FIRST_FIELD + self._columns.index(source_column)
        except ValueError:
            return None

    def row_of(self, sheet_row: int) -> int | None:
        for i, line in enumerate(self._lines):
            if line.row == sheet_row:
                return i
        return None


class ProblemFilterProxy(QSortFilterProxyModel):
    """Shows every row, or with ``only_problems`` just the rows that have errors or warnings."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._only_problems = False

    def set_only_problems(self, value: bool) -> None:
        if value != self._only_problems:
            self.beginFilterChange()
            self._only_problems = value
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def only_problems(self) -> bool:
        return self._only_problems

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._only_problems:
            return True
        model = self.sourceModel()
        return bool(model.index(source_row, 0, source_parent).data(PROBLEM_ROLE))
