"""Table models of the decree screens: decrees, a decree's lines, the number register, and the
per-person results of a print run."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from mutasi_desktop.domain.sk import BarisSk, StatusSk
from mutasi_desktop.domain.tanggal import format_tanggal
from mutasi_desktop.services.sk import BerkasHasil, NomorInfo, SkInfo
from mutasi_desktop.ui.i18n import fmt_int, tr_label
from mutasi_desktop.ui.style import BALANCED, SHORTAGE, WARNING

_Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
T = TypeVar("T")


class _RowsModel(QAbstractTableModel, Generic[T]):
    """Read-only rows of plain dataclasses; subclasses name the columns and cells."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[T] = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: T, column: int) -> str:
        raise NotImplementedError

    def foreground(self, row: T, column: int) -> QColor | None:
        return None

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            names = self.headers()
            return names[section] if 0 <= section < len(names) else None
        return section + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.cell(row, index.column())
            return text if len(text) > 40 else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, index.column())
        if role == ROW_ROLE:
            return index.row()
        return None


class SkTableModel(_RowsModel[SkInfo]):
    NOMOR, TANGGAL, STATUS, JUMLAH, TENTANG = range(5)

    def headers(self) -> list[str]:
        return [
            self.tr("Nomor"),
            self.tr("Tanggal"),
            self.tr("Status"),
            self.tr("Pegawai"),
            self.tr("Tentang"),
        ]

    def cell(self, row: SkInfo, column: int) -> str:
        if column == self.NOMOR:
            return row.nomor or self.tr("Konsep #{id}").format(id=row.id)
        if column == self.TANGGAL:
            return format_tanggal(row.tanggal) if row.tanggal else ""
        if column == self.STATUS:
            return tr_label(row.status.label)
        if column == self.JUMLAH:
            return fmt_int(row.jumlah)
        return row.judul

    def foreground(self, row: SkInfo, column: int) -> QColor | None:
        if column != self.STATUS:
            return None
        colour = {
            StatusSk.DRAFT: WARNING,
            StatusSk.FINAL: BALANCED,
            StatusSk.CANCELLED: SHORTAGE,
        }[row.status]
        return QColor(colour)

    def index_of(self, sk_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == sk_id), -1)


class BarisTableModel(_RowsModel[BarisSk]):
    """A decree's lines; the Ket column is editable while the decree is a draft."""

    NO, NAMA, PANGKAT, LAMA, BARU, KET = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.editable = False
        self.on_edit: Callable[[int, str], None] | None = None

    def headers(self) -> list[str]:
        return [
            self.tr("No"),
            self.tr("Nama / NIP"),
            self.tr("Pangkat/Gol."),
            self.tr("Jabatan lama"),
            self.tr("Jabatan baru"),
            self.tr("Ket."),
        ]

    def cell(self, row: BarisSk, column: int) -> str:
        if column == self.NO:
            return ""  # the row number comes from data(), which knows the index
        if column == self.NAMA:
            return f"{row.nama}\n{row.nip_tampil}"
        if column == self.PANGKAT:
            return row.pangkat
        if column == self.LAMA:
            return row.jabatan_lama_lengkap
        if column == self.BARU:
            return row.jabatan_baru_lengkap
        return row.keterangan

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == self.KET:
            row = self.row_at(index.row())
            return row.keterangan if row is not None else None
        if role == Qt.ItemDataRole.DisplayRole and index.column() == self.NO and index.isValid():
            return str(index.row() + 1)
        return super().data(index, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.editable and index.isValid() and index.column() == self.KET:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self.editable and index.isValid() and index.column() == self.KET):
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        text = " ".join(str(value or "").split())
        row = self.row_at(index.row())
        if row is None or text == row.keterangan:
            return False
        self.rows[index.row()] = replace(row, keterangan=text)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        if self.on_edit is not None:
            self.on_edit(index.row(), text)
        return True


class RegisterTableModel(_RowsModel[NomorInfo]):
    TAHUN, URUT, NOMOR, STATUS, TANGGAL, KETERANGAN = range(6)

    def headers(self) -> list[str]:
        return [
            self.tr("Tahun"),
            self.tr("Urut"),
            self.tr("Nomor"),
            self.tr("Status"),
            self.tr("Tanggal"),
            self.tr("Keterangan"),
        ]

    def cell(self, row: NomorInfo, column: int) -> str:
        if column == self.TAHUN:
            return str(row.tahun)
        if column == self.URUT:
            return str(row.urut)
        if column == self.NOMOR:
            return row.nomor
        if column == self.STATUS:
            return {
                "dipakai": self.tr("Dipakai SK"),
                "dicadangkan": self.tr("Dicadangkan (di luar aplikasi)"),
                "dibatalkan": self.tr("Dibatalkan"),
            }[row.status.value]
        if column == self.TANGGAL:
            return format_tanggal(row.tanggal)
        text = row.keterangan or ""
        if row.alasan_batal:
            text = f"{text} \u2014 {self.tr('batal')}: {row.alasan_batal}"
        return text

    def foreground(self, row: NomorInfo, column: int) -> QColor | None:
        if column == self.STATUS and row.status.value == "dibatalkan":
            return QColor(SHORTAGE)
        return None


class HasilTableModel(_RowsModel[BerkasHasil]):
    """One line per document of a print run: written (file) or failed (reason)."""

    DOKUMEN, NAMA, NIP, HASIL = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Dokumen"), self.tr("Nama"), self.tr("NIP"), self.tr("Hasil")]

    def cell(self, row: BerkasHasil, column: int) -> str:
        if column == self.DOKUMEN:
            return row.jenis.judul
        if column == self.NAMA:
            return row.nama or ""
        if column == self.NIP:
            return row.nip or ""
        if row.ok and row.path is not None:
            return row.path.name
        return self.tr("Gagal: {reason}").format(reason=row.galat or "")

    def foreground(self, row: BerkasHasil, column: int) -> QColor | None:
        if column == self.HASIL:
            return QColor(BALANCED if row.ok else SHORTAGE)
        return None
