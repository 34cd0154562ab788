"""Table model of the staff register: all rows in memory, filtered and sorted per keystroke."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from mutasi_desktop.domain.nip import format_nip
from mutasi_desktop.domain.pegawai import StatusPegawai
from mutasi_desktop.services.register_index import RegisterIndex, SortSpec
from mutasi_desktop.services.staff import StaffFilter, StaffRow
from mutasi_desktop.ui.i18n import tr_label

_Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the StaffRow itself
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class StaffTableModel(QAbstractTableModel):
    NIP, NAMA, GOLONGAN, JABATAN, UNIT, OPD, JENIS, STATUS = range(8)
    SORT_KEYS = ("nip", "nama", "golongan", "jabatan", "unit", "opd", "jenis_pegawai", "status")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._index = RegisterIndex()
        self._headers = [
            self.tr("NIP"),
            self.tr("Nama"),
            self.tr("Gol."),
            self.tr("Jabatan"),
            self.tr("Unit kerja"),
            self.tr("OPD"),
            self.tr("Jenis"),
            self.tr("Status"),
        ]
        self._inactive_label = self.tr("Nonaktif")
        self._inactive_brush = QBrush(QColor("#8a8f98"))

    # ---- data in --------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._index.total

    @property
    def current_filter(self) -> StaffFilter:
        return self._index.filter

    def set_rows(self, rows: list[StaffRow]) -> None:
        self.beginResetModel()
        self._index.set_rows(rows)
        self.endResetModel()

    def set_filter(self, flt: StaffFilter) -> None:
        self.beginResetModel()
        self._index.set_filter(flt)
        self.endResetModel()

    def upsert(self, row: StaffRow) -> None:
        self.beginResetModel()
        self._index.upsert(row)
        self.endResetModel()

    def row_at(self, row: int) -> StaffRow | None:
        visible = self._index.visible
        return visible[row] if 0 <= row < len(visible) else None

    def row_of(self, pegawai_id: int) -> int | None:
        return self._index.position_of(pegawai_id)

    def visible_rows(self) -> list[StaffRow]:
        return list(self._index.visible)

    # ---- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._index.visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.row_at(index.row())
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.JABATAN, self.UNIT, self.OPD):
            return self._display(r, col)
        if role == Qt.ItemDataRole.ForegroundRole and not r.aktif:
            return self._inactive_brush
        if role == ROW_ROLE:
            return r
        if role == ID_ROLE:
            return r.id
        return None

    def _display(self, r: StaffRow, col: int) -> str:
        if col == self.NIP:
            return format_nip(r.nip)
        if col == self.NAMA:
            return r.nama_lengkap
        if col == self.GOLONGAN:
            return r.golongan or ""
        if col == self.JABATAN:
            return r.jabatan_nama or ""
        if col == self.UNIT:
            return r.unit_nama or ""
        if col == self.OPD:
            return r.opd_nama or ""
        if col == self.JENIS:
            return r.jenis_pegawai
        if col == self.STATUS:
            text = tr_label(StatusPegawai(r.status).label)
            return text if r.aktif else self._inactive_label
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_KEYS):
            return
        # A reset, not a layout change: the view re-selects the current person by id afterwards.
        self.beginResetModel()
        self._index.set_sort(
            SortSpec(self.SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
        )
        self.endResetModel()
