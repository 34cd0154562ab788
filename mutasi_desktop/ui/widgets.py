"""Small reusable widgets and models: date field, error label, list models for detail tabs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mutasi_desktop.domain.tanggal import format_tanggal, parse_tanggal

_Index = QModelIndex | QPersistentModelIndex


E = TypeVar("E", bound=Enum)


def enum_or_none(kind: type[E], value: object) -> E | None:
    """A combo box's data as an enum member. Combos hold the plain values: Qt hands enum
    members back as bare strings anyway."""
    return kind(value) if value is not None else None


def format_date_short(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


class DateField(QLineEdit):
    """A date typed as 26-09-1986, 1986-09-26 or '26 September 1986'; empty means no date."""

    dateChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("hh-bb-tttt"))
        self.setClearButtonEnabled(True)
        self.setMaximumWidth(170)
        self.editingFinished.connect(self._normalise)
        self.textChanged.connect(self._on_text)

    def _on_text(self, _text: str) -> None:
        self.dateChanged.emit()

    def value(self) -> date | None:
        """The date, or None when empty; raises ValueError when the text is not a date."""
        text = self.text().strip()
        if not text:
            return None
        parsed = parse_tanggal(text, accept_serial=False)
        if parsed.value is None:
            raise ValueError(text)
        return parsed.value

    def is_valid(self) -> bool:
        try:
            self.value()
        except ValueError:
            return False
        return True

    def set_value(self, value: date | None) -> None:
        self.setText(format_date_short(value))
        self.setToolTip(format_tanggal(value) if value else "")

    def _normalise(self) -> None:
        if self.is_valid():
            value = self.value()
            if value is not None:
                self.blockSignals(True)
                self.set_value(value)
                self.blockSignals(False)


class ErrorLabel(QLabel):
    """A red message under a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.hide()

    def set_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"  # text | int | date | choice
    choices: Sequence[tuple[str, str]] = ()  # (value, label) for kind == "choice"
    required: bool = False


class RecordTableModel(QAbstractTableModel):
    """A list of dict-like records shown read-only or edited in place (detail tabs)."""

    def __init__(
        self, columns: Sequence[Column], *, editable: bool = False, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.editable = editable
        self.records: list[dict[str, Any]] = []
        self.on_change: Callable[[], None] | None = None

    def set_records(self, records: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.records = [dict(r) for r in records]
        self.endResetModel()

    def add_record(self, record: dict[str, Any]) -> int:
        row = len(self.records)
        self.beginInsertRows(QModelIndex(), row, row)
        self.records.append(dict(record))
        self.endInsertRows()
        self._changed()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.records):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.records[row]
            self.endRemoveRows()
            self._changed()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.editable and index.isValid():
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        col = self.columns[index.column()]
        value = self.records[index.row()].get(col.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col.kind == "date":
                return (
                    format_date_short(value)
                    if role == Qt.ItemDataRole.EditRole
                    else (format_tanggal(value) if value else "")
                )
            if col.kind == "choice" and role == Qt.ItemDataRole.DisplayRole:
                labels = dict(col.choices)
                return labels.get(value, value or "") if isinstance(value, str) else ""
            return "" if value is None else str(value)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self.editable and index.isValid() and role == Qt.ItemDataRole.EditRole):
            return False
        col = self.columns[index.column()]
        text = str(value).strip() if value is not None else ""
        parsed: Any
        if not text:
            if col.required:
                return False
            parsed = None
        elif col.kind == "int":
            if not text.isdigit():
                return False
            parsed = int(text)
        elif col.kind == "date":
            result = parse_tanggal(text, accept_serial=False)
            if result.value is None:
                return False
            parsed = result.value
        elif col.kind == "choice":
            values = {v for v, _ in col.choices}
            labels = {label: v for v, label in col.choices}
            if text in values:
                parsed = text
            elif text in labels:
                parsed = labels[text]
            else:
                return False
        else:
            parsed = text
        self.records[index.row()][col.key] = parsed
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        self._changed()
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for a 'choice' column of a RecordTableModel."""

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        for value, label in self.choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        pos = editor.findData(current)
        editor.setCurrentIndex(max(pos, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
