"""Table models of the Mutasi screens: proposals, history, training needs, plan moves, balances,
forums, aspirations, objections, batches; one search-and-predicate proxy for all of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from mutasi_desktop.domain.mutasi_rules import Keparahan, RuleResult
from mutasi_desktop.domain.mutasi_workflow import (
    Langkah,
    StatusKeberatan,
    StatusPelatihan,
    StatusUsulan,
    Tenggat,
)
from mutasi_desktop.domain.nip import format_nip
from mutasi_desktop.domain.pencarian import fold, matches, query_tokens, search_text
from mutasi_desktop.domain.tanggal import format_tanggal
from mutasi_desktop.services.planning_types import (
    AspirasiInfo,
    BalanceRow,
    BatchInfo,
    ForumInfo,
    KeberatanInfo,
    KebutuhanPelatihanInfo,
    PlanMove,
    RiwayatInfo,
    Tempat,
    Unmoved,
    UsulanInfo,
)
from mutasi_desktop.ui.i18n import fmt_int, tr_label, tr_message
from mutasi_desktop.ui.style import BALANCED, SHORTAGE, WARNING

_Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's dataclass
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # its database id (or move id)
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # a comparable sort key
MUTED = "#8a8f98"
T = TypeVar("T")


_BULAN_SINGKAT = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Mei",
    "Jun",
    "Jul",
    "Agu",
    "Sep",
    "Okt",
    "Nov",
    "Des",
)


def fmt_date(value: date | None) -> str:
    """A date in a table cell, short: 20 Okt 2026 (the tooltip gives it in full)."""
    return f"{value.day} {_BULAN_SINGKAT[value.month - 1]} {value.year}" if value else ""


def fmt_date_long(value: date | None) -> str:
    return format_tanggal(value) if value else ""


def fmt_time(value: datetime | None) -> str:
    """A timestamp as the office reads it: 15 Okt 2026 09.00 (local time)."""
    if value is None:
        return ""
    local = value.astimezone() if value.tzinfo is not None else value
    return f"{fmt_date(local.date())} {local:%H.%M}"


def place_short(t: Tempat | None) -> str:
    if t is None:
        return ""
    return f"{t.jabatan} · {t.opd}"


_DOTS: dict[str, QIcon] = {}


def dot_icon(colour: str) -> QIcon:
    """A small filled circle: the rule badge and status marks in tables."""
    icon = _DOTS.get(colour)
    if icon is None:
        pix = QPixmap(12, 12)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        icon = QIcon(pix)
        _DOTS[colour] = icon
    return icon


SEVERITY_COLOURS = {
    Keparahan.BLOKIR: SHORTAGE,
    Keparahan.PERINGATAN: WARNING,
    Keparahan.INFO: MUTED,
}


# ------------------------------------------------------------------------------ rule badges


class Badge(StrEnum):
    BLOKIR = "blokir"
    PERINGATAN = "peringatan"
    SIAP = "siap"
    SELESAI = "selesai"


def rule_badge(
    aturan: Sequence[RuleResult], pengabaian: Mapping[str, object], final: bool = False
) -> tuple[Badge, str]:
    """The short verdict a list shows for a proposal's rule findings, and its text."""
    if final:
        return Badge.SELESAI, ""
    blocks = [r for r in aturan if r.blocks]
    tr = QCoreApplication.translate
    if blocks:
        return Badge.BLOKIR, tr("PlanningModels", "diblokir")
    open_ = [r for r in aturan if r.needs_reason and r.code not in pengabaian]
    if open_:
        return Badge.PERINGATAN, tr("PlanningModels", "{n} peringatan").format(
            n=fmt_int(len(open_))
        )
    answered = [r for r in aturan if r.needs_reason]
    if answered:
        return Badge.SIAP, tr("PlanningModels", "{n} dialasankan").format(n=fmt_int(len(answered)))
    return Badge.SIAP, tr("PlanningModels", "lolos")


BADGE_COLOURS = {
    Badge.BLOKIR: SHORTAGE,
    Badge.PERINGATAN: WARNING,
    Badge.SIAP: BALANCED,
    Badge.SELESAI: MUTED,
}


def rules_tooltip(aturan: Sequence[RuleResult], pengabaian: Mapping[str, object]) -> str:
    lines = []
    for r in aturan:
        mark = "✓ " if r.code in pengabaian else ""
        lines.append(f"{mark}{tr_label(r.severity.label)}: {tr_message(r.code, dict(r.params))}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------ base classes


class RowsModel(QAbstractTableModel, Generic[T]):
    """Read-only rows of plain dataclasses; subclasses name the columns and their cells."""

    NUMERIC: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[T] = []

    # -- for subclasses
    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: T, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: T, column: int) -> Any:
        return fold(self.cell(row, column))

    def foreground(self, row: T, column: int) -> str | None:
        return None

    def background(self, row: T, column: int) -> str | None:
        return None

    def decoration(self, row: T, column: int) -> QIcon | None:
        return None

    def tooltip(self, row: T, column: int) -> str | None:
        text = self.cell(row, column)
        return text if len(text) > 30 else None

    def row_id(self, row: T) -> Any:
        return getattr(row, "id", None)

    def haystack(self, row: T) -> str:
        """What the search box looks in (folded)."""
        return search_text(self.cell(row, c) for c in range(self.columnCount()))

    # -- data in
    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, row_id: Any) -> int | None:
        for i, r in enumerate(self.rows):
            if self.row_id(r) == row_id:
                return i
        return None

    def upsert(self, row: T) -> int:
        """Replace the row with the same id, or append it; its position."""
        pos = self.row_of(self.row_id(row))
        if pos is None:
            pos = len(self.rows)
            self.beginInsertRows(QModelIndex(), pos, pos)
            self.rows.append(row)
            self.endInsertRows()
        else:
            self.rows[pos] = row
            self.dataChanged.emit(self.index(pos, 0), self.index(pos, self.columnCount() - 1))
        return pos

    # -- Qt interface
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = self.headers()
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.foreground(row, col)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self.background(row, col)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            return self.sort_key(row, col)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return self.row_id(row)
        return None


class RowsFilterProxy(QSortFilterProxyModel):
    """Search as you type (every word must occur; NIPs with spaces match) plus an optional
    predicate (the filter chips), sorting on ``SORT_ROLE``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._tokens: list[str] = []
        self._predicate: Callable[[Any], bool] | None = None

    def set_search(self, text: str) -> None:
        tokens = query_tokens(text)
        if tokens != self._tokens:
            self.beginFilterChange()
            self._tokens = tokens
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._predicate = predicate
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RowsModel):
            return True
        row = model.row_at(source_row)
        if row is None:
            return False
        if self._predicate is not None and not self._predicate(row):
            return False
        return not self._tokens or matches(model.haystack(row), self._tokens)

    def row_at(self, proxy_row: int) -> Any:
        src = self.mapToSource(self.index(proxy_row, 0))
        model = self.sourceModel()
        return model.row_at(src.row()) if isinstance(model, RowsModel) and src.isValid() else None

    def proxy_row_of(self, row_id: Any) -> int | None:
        model = self.sourceModel()
        if not isinstance(model, RowsModel):
            return None
        pos = model.row_of(row_id)
        if pos is None:
            return None
        mapped = self.mapFromSource(model.index(pos, 0))
        return mapped.row() if mapped.isValid() else None


# ------------------------------------------------------------------------------ proposals


class ProposalTableModel(RowsModel[UsulanInfo]):
    NO, NAMA, STATUS, ATURAN, ASAL, TUJUAN, TMT, KELOMPOK, NIP = range(9)

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Pegawai"),
            self.tr("Status"),
            self.tr("Aturan"),
            self.tr("Asal"),
            self.tr("Tujuan"),
            self.tr("TMT"),
            self.tr("Kelompok"),
            self.tr("NIP"),
        ]

    NUMERIC = frozenset({NO})

    def cell(self, row: UsulanInfo, column: int) -> str:
        if column == self.NO:
            return str(row.id)
        if column == self.NAMA:
            return row.nama
        if column == self.NIP:
            return format_nip(row.nip)
        if column == self.ASAL:
            return place_short(row.asal) or (row.instansi_lain or "")
        if column == self.TUJUAN:
            return place_short(row.tujuan) or (row.instansi_lain or "")
        if column == self.TMT:
            return fmt_date(row.tmt_rencana)
        if column == self.STATUS:
            return tr_label(row.status.label)
        if column == self.ATURAN:
            return rule_badge(row.aturan, row.pengabaian, row.status.final)[1]
        if column == self.KELOMPOK:
            return row.batch_nama or ""
        return ""

    def sort_key(self, row: UsulanInfo, column: int) -> Any:
        if column == self.NO:
            return row.id
        if column == self.TMT:
            return row.tmt_rencana.toordinal() if row.tmt_rencana else 0
        if column == self.STATUS:
            return list(StatusUsulan).index(row.status)
        if column == self.ATURAN:
            badge = rule_badge(row.aturan, row.pengabaian, row.status.final)[0]
            return list(Badge).index(badge)
        return super().sort_key(row, column)

    def foreground(self, row: UsulanInfo, column: int) -> str | None:
        if row.status.final and row.status is not StatusUsulan.DILAKSANAKAN:
            return MUTED
        if column == self.ATURAN:
            badge = rule_badge(row.aturan, row.pengabaian, row.status.final)[0]
            return BADGE_COLOURS[badge]
        return None

    def decoration(self, row: UsulanInfo, column: int) -> QIcon | None:
        if column != self.ATURAN or row.status.final:
            return None
        return dot_icon(BADGE_COLOURS[rule_badge(row.aturan, row.pengabaian)[0]])

    def tooltip(self, row: UsulanInfo, column: int) -> str | None:
        if column == self.ATURAN:
            return rules_tooltip(row.aturan, row.pengabaian) or None
        if column == self.ASAL and row.asal is not None:
            return row.asal.teks
        if column == self.TUJUAN and row.tujuan is not None:
            return row.tujuan.teks
        return super().tooltip(row, column)

    def haystack(self, row: UsulanInfo) -> str:
        return search_text(
            [
                row.nama,
                row.nip,
                row.asal.teks if row.asal else None,
                row.tujuan.teks if row.tujuan else None,
                row.instansi_lain,
                row.batch_nama,
                str(row.id),
            ]
        )


class HistoryTableModel(RowsModel[RiwayatInfo]):
    """Each step of one proposal: who took it and when."""

    WAKTU, LANGKAH, STATUS, OLEH, CATATAN = range(5)

    def headers(self) -> list[str]:
        return [
            self.tr("Waktu"),
            self.tr("Langkah"),
            self.tr("Status"),
            self.tr("Oleh"),
            self.tr("Catatan"),
        ]

    def step_label(self, langkah: str) -> str:
        extra = {
            "buat": self.tr("Dibuat"),
            "masuk_batch": self.tr("Masuk kelompok"),
            "keluar_batch": self.tr("Keluar dari kelompok"),
        }
        if langkah in extra:
            return extra[langkah]
        try:
            return tr_label(Langkah(langkah).label)
        except ValueError:
            return langkah

    def cell(self, row: RiwayatInfo, column: int) -> str:
        if column == self.WAKTU:
            return fmt_time(row.waktu)
        if column == self.LANGKAH:
            return self.step_label(row.langkah)
        if column == self.STATUS:
            after = tr_label(row.ke.label)
            if row.dari is None or row.dari is row.ke:
                return after
            return f"{tr_label(row.dari.label)} → {after}"
        if column == self.OLEH:
            return row.oleh
        if column == self.CATATAN:
            return row.catatan or ""
        return ""

    def sort_key(self, row: RiwayatInfo, column: int) -> Any:
        if column == self.WAKTU:
            return row.waktu.isoformat()
        return super().sort_key(row, column)

    def row_id(self, row: RiwayatInfo) -> Any:
        return row.waktu.isoformat()


# ------------------------------------------------------------------------------ training


class TrainingTableModel(RowsModel[KebutuhanPelatihanInfo]):
    NAMA, TOPIK, JENIS, STATUS, PELATIHAN, PENYELENGGARA, MULAI, SELESAI, JP, USULAN = range(10)
    NUMERIC = frozenset({JP, USULAN})

    def headers(self) -> list[str]:
        return [
            self.tr("Pegawai"),
            self.tr("Kebutuhan"),
            self.tr("Jenis"),
            self.tr("Status"),
            self.tr("Pelatihan"),
            self.tr("Penyelenggara"),
            self.tr("Mulai"),
            self.tr("Selesai"),
            self.tr("JP"),
            self.tr("Usulan"),
        ]

    def cell(self, row: KebutuhanPelatihanInfo, column: int) -> str:
        if column == self.NAMA:
            return row.nama
        if column == self.TOPIK:
            return row.topik
        if column == self.JENIS:
            return tr_label(row.jenis.label)
        if column == self.STATUS:
            return tr_label(row.status.label)
        if column == self.PELATIHAN:
            return row.nama_pelatihan or ""
        if column == self.PENYELENGGARA:
            return row.penyelenggara or ""
        if column == self.MULAI:
            return fmt_date(row.tanggal_mulai)
        if column == self.SELESAI:
            return fmt_date(row.tanggal_selesai)
        if column == self.JP:
            return fmt_int(row.jam_pelajaran) if row.jam_pelajaran else ""
        if column == self.USULAN:
            return f"#{row.usulan_id}" if row.usulan_id else ""
        return ""

    def sort_key(self, row: KebutuhanPelatihanInfo, column: int) -> Any:
        if column == self.MULAI:
            return row.tanggal_mulai.toordinal() if row.tanggal_mulai else 0
        if column == self.SELESAI:
            return row.tanggal_selesai.toordinal() if row.tanggal_selesai else 0
        if column == self.JP:
            return row.jam_pelajaran or 0
        if column == self.USULAN:
            return row.usulan_id or 0
        return super().sort_key(row, column)

    def foreground(self, row: KebutuhanPelatihanInfo, column: int) -> str | None:
        if row.status is StatusPelatihan.DIBATALKAN:
            return MUTED
        if column == self.STATUS and row.status is StatusPelatihan.SELESAI:
            return BALANCED
        return None

    def haystack(self, row: KebutuhanPelatihanInfo) -> str:
        return search_text([row.nama, row.nip, row.topik, row.nama_pelatihan, row.penyelenggara])


# ------------------------------------------------------------------------------ optimiser


class Keputusan(StrEnum):
    """The user's verdict on one proposed move."""

    TERIMA = "terima"
    TOLAK = "tolak"


class MoveTableModel(RowsModel[PlanMove]):
    """The moves of a plan with a Terima and a Tolak check box each (one excludes the other)."""

    TERIMA, TOLAK, NAMA, ASAL, TUJUAN, ALASAN, ATURAN = range(7)
    decisionsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.decisions: dict[str, Keputusan] = {}
        self.created: dict[str, int] = {}  # move id -> proposal id made from it

    def headers(self) -> list[str]:
        return [
            self.tr("Terima"),
            self.tr("Tolak"),
            self.tr("Pegawai"),
            self.tr("Dari"),
            self.tr("Ke"),
            self.tr("Alasan utama"),
            self.tr("Aturan"),
        ]

    def set_plan_moves(
        self, moves: Sequence[PlanMove], decisions: Mapping[str, Keputusan] | None = None
    ) -> None:
        self.beginResetModel()
        self.rows = list(moves)
        ids = {m.id for m in moves}
        self.decisions = {k: v for k, v in (decisions or {}).items() if k in ids}
        for m in moves:
            if m.terkunci:
                self.decisions[m.id] = Keputusan.TERIMA
        self.created = {}
        self.endResetModel()
        self.decisionsChanged.emit()

    def row_id(self, row: PlanMove) -> Any:
        return row.id

    def decide(self, move_id: str, verdict: Keputusan | None) -> None:
        pos = self.row_of(move_id)
        if pos is None or move_id in self.created:
            return
        if verdict is None:
            self.decisions.pop(move_id, None)
        else:
            self.decisions[move_id] = verdict
        self.dataChanged.emit(self.index(pos, 0), self.index(pos, self.columnCount() - 1))
        self.decisionsChanged.emit()

    def mark_created(self, created: Mapping[str, int]) -> None:
        self.created.update(created)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1)
            )
        self.decisionsChanged.emit()

    def chosen(self, verdict: Keputusan) -> list[PlanMove]:
        return [m for m in self.rows if self.decisions.get(m.id) is verdict]

    def main_reason(self, m: PlanMove) -> str:
        """What sets this move apart, in a few words (every move closes a shortage)."""
        total = len(m.kompetensi_cocok) + len(m.kompetensi_kurang)
        bits = []
        if total:
            bits.append(self.tr("kompetensi {a}/{b}").format(a=len(m.kompetensi_cocok), b=total))
        if m.kompetensi_kurang:
            bits.append(self.tr("perlu pelatihan: {k}").format(k=", ".join(m.kompetensi_kurang)))
        labels = {
            "pilihan_opd": self.tr("OPD sesuai aspirasi"),
            "pilihan_lokasi": self.tr("lokasi sesuai aspirasi"),
            "bersedia": self.tr("bersedia pindah"),
            "tidak_bersedia": self.tr("tidak bersedia"),
            "masa_lebih_5": self.tr("lebih dari 5 tahun di jabatan"),
            "masa_kurang_2": self.tr("kurang dari 2 tahun di jabatan"),
            "bup_dekat": self.tr("mendekati pensiun"),
            "baru_dipindah": self.tr("baru dipindahkan"),
        }
        bits.extend(labels[k] for k, _ in m.bagian_biaya if k in labels)
        if m.terkunci:
            bits.insert(0, self.tr("dikunci"))
        return "; ".join(bits) or self.tr("menutup kekurangan")

    def cell(self, row: PlanMove, column: int) -> str:
        if column in (self.TERIMA, self.TOLAK):
            return ""
        if column == self.NAMA:
            return row.nama
        if column == self.ASAL:
            return place_short(row.asal)
        if column == self.TUJUAN:
            return place_short(row.tujuan)
        if column == self.ALASAN:
            if row.id in self.created:
                return self.tr("Sudah menjadi usulan #{id}").format(id=self.created[row.id])
            return self.main_reason(row)
        if column == self.ATURAN:
            warns = row.peringatan
            if any(r.blocks for r in row.aturan):
                return self.tr("diblokir")
            return self.tr("{n} peringatan").format(n=fmt_int(len(warns))) if warns else ""
        return ""

    def sort_key(self, row: PlanMove, column: int) -> Any:
        if column in (self.TERIMA, self.TOLAK):
            verdict = self.decisions.get(row.id)
            return 0 if verdict is None else (1 if verdict is Keputusan.TERIMA else 2)
        if column == self.ATURAN:
            return len(row.peringatan)
        return super().sort_key(row, column)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and index.column() in (self.TERIMA, self.TOLAK):
            base |= Qt.ItemFlag.ItemIsUserCheckable
            if row.id in self.created:
                base &= ~Qt.ItemFlag.ItemIsEnabled
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col in (self.TERIMA, self.TOLAK):
            want = Keputusan.TERIMA if col == self.TERIMA else Keputusan.TOLAK
            on = self.decisions.get(row.id) is want
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return super().data(index, role)

    def foreground(self, row: PlanMove, column: int) -> str | None:
        verdict = self.decisions.get(row.id)
        if row.id in self.created:
            return BALANCED
        if verdict is Keputusan.TOLAK:
            return MUTED
        if column == self.ATURAN and row.aturan:
            return SHORTAGE if any(r.blocks for r in row.aturan) else WARNING
        return None

    def tooltip(self, row: PlanMove, column: int) -> str | None:
        if column == self.TERIMA:
            return self.tr("Terima usulan pemindahan ini")
        if column == self.TOLAK:
            return self.tr("Tolak: hitung ulang tanpa pemindahan ini")
        if column == self.ALASAN:
            return "\n".join(row.alasan)
        if column == self.ASAL:
            return row.asal.teks
        if column == self.TUJUAN:
            return row.tujuan.teks
        if column == self.ATURAN:
            return rules_tooltip(row.aturan, {}) or None
        return super().tooltip(row, column)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        row = self.row_at(index.row())
        if row is None or index.column() not in (self.TERIMA, self.TOLAK):
            return False
        if row.id in self.created:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        want = Keputusan.TERIMA if index.column() == self.TERIMA else Keputusan.TOLAK
        if checked:
            self.decide(row.id, want)
        elif self.decisions.get(row.id) is want:
            self.decide(row.id, None)
        return True

    def haystack(self, row: PlanMove) -> str:
        return search_text([row.nama, row.nip, row.asal.teks, row.tujuan.teks])


class BalanceTableModel(RowsModel[BalanceRow]):
    """Need and headcount before and after a plan, per OPD, unit or position."""

    NAMA, OPD, KEBUTUHAN, SEBELUM, MASUK, KELUAR, SESUDAH = range(7)
    KURANG_SEBELUM, KURANG_SESUDAH, LEBIH_SEBELUM, LEBIH_SESUDAH = range(7, 11)
    NUMERIC = frozenset(range(2, 11))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.level_name = ""
        self.units: Mapping[int, str] = {}  # position id -> its unit, on the position level

    def headers(self) -> list[str]:
        return [
            self.level_name or self.tr("Nama"),
            self.tr("Unit kerja · OPD") if self.units else self.tr("OPD"),
            self.tr("Kebutuhan"),
            self.tr("Terisi\nsebelum"),
            self.tr("Masuk"),
            self.tr("Keluar"),
            self.tr("Terisi\nsesudah"),
            self.tr("Kurang\nsebelum"),
            self.tr("Kurang\nsesudah"),
            self.tr("Lebih\nsebelum"),
            self.tr("Lebih\nsesudah"),
        ]

    def set_level(
        self, name: str, rows: Sequence[BalanceRow], units: Mapping[int, str] | None = None
    ) -> None:
        self.beginResetModel()
        self.level_name = name
        self.units = dict(units or {})
        self.rows = list(rows)
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)

    def row_id(self, row: BalanceRow) -> Any:
        return row.id

    def _number(self, row: BalanceRow, column: int) -> int:
        return {
            self.KEBUTUHAN: row.kebutuhan,
            self.SEBELUM: row.sebelum,
            self.MASUK: row.masuk,
            self.KELUAR: row.keluar,
            self.SESUDAH: row.sesudah,
            self.KURANG_SEBELUM: row.kurang_sebelum,
            self.KURANG_SESUDAH: row.kurang_sesudah,
            self.LEBIH_SEBELUM: row.lebih_sebelum,
            self.LEBIH_SESUDAH: row.lebih_sesudah,
        }[column]

    def cell(self, row: BalanceRow, column: int) -> str:
        if column == self.NAMA:
            return row.nama
        if column == self.OPD:
            unit = self.units.get(row.id) if row.id is not None else None
            return f"{unit} · {row.opd}" if unit else (row.opd or "")
        value = self._number(row, column)
        if column in (self.MASUK, self.KELUAR) and value == 0:
            return ""
        return fmt_int(value)

    def sort_key(self, row: BalanceRow, column: int) -> Any:
        if column in self.NUMERIC:
            return self._number(row, column)
        return super().sort_key(row, column)

    def foreground(self, row: BalanceRow, column: int) -> str | None:
        if column in (self.KURANG_SEBELUM, self.KURANG_SESUDAH):
            value = self._number(row, column)
            if value > 0:
                return SHORTAGE
            if column == self.KURANG_SESUDAH and row.kurang_sebelum > 0:
                return BALANCED
        if column in (self.LEBIH_SEBELUM, self.LEBIH_SESUDAH):
            value = self._number(row, column)
            if value > 0:
                return WARNING
            if column == self.LEBIH_SESUDAH and row.lebih_sebelum > 0:
                return BALANCED
        if column == self.SESUDAH and row.sesudah == row.kebutuhan and row.sebelum != row.kebutuhan:
            return BALANCED
        return None

    def tooltip(self, row: BalanceRow, column: int) -> str | None:
        if column == self.SEBELUM and row.rencana:
            return self.tr("{ada} di data pegawai, {rencana:+d} dari usulan yang berjalan").format(
                ada=fmt_int(row.ada), rencana=row.rencana
            )
        return super().tooltip(row, column)

    def haystack(self, row: BalanceRow) -> str:
        return search_text([row.nama, row.opd, self.units.get(row.id or 0)])


class SkippedTableModel(RowsModel[Unmoved]):
    """People of surplus positions the plan left where they are, and why."""

    NAMA, NIP, ALASAN = range(3)

    def headers(self) -> list[str]:
        return [self.tr("Pegawai"), self.tr("NIP"), self.tr("Mengapa tidak dipindahkan")]

    def reason(self, code: str) -> str:
        labels = {
            "mutasi.tidak_bersedia": self.tr("tidak bersedia dipindahkan"),
            "mutasi.usulan_ganda": self.tr("sudah dalam usulan yang berjalan"),
            "mutasi.tidak_aktif": self.tr("tidak aktif"),
            "mutasi.hukuman_disiplin": self.tr("sedang hukuman disiplin"),
            "mutasi.tugas_belajar": self.tr("sedang tugas belajar"),
            "mutasi.pensiun_sebelum_tmt": self.tr("pensiun sebelum TMT"),
            "mutasi.kontrak_berakhir_sebelum_tmt": self.tr("kontrak berakhir sebelum TMT"),
            "rencana.dikecualikan": self.tr("dikecualikan oleh pengguna"),
        }
        return labels.get(code, code)

    def row_id(self, row: Unmoved) -> Any:
        return row.pegawai_id

    def cell(self, row: Unmoved, column: int) -> str:
        if column == self.NAMA:
            return row.nama
        if column == self.NIP:
            return format_nip(row.nip)
        if column == self.ALASAN:
            return "; ".join(self.reason(c) for c in row.alasan)
        return ""


# ------------------------------------------------------------------------------ consultation


class ForumTableModel(RowsModel[ForumInfo]):
    TANGGAL, JUDUL, TEMPAT, OPD, ASPIRASI = range(5)
    NUMERIC = frozenset({ASPIRASI})

    def headers(self) -> list[str]:
        return [
            self.tr("Tanggal"),
            self.tr("Forum"),
            self.tr("Tempat"),
            self.tr("OPD"),
            self.tr("Aspirasi"),
        ]

    def cell(self, row: ForumInfo, column: int) -> str:
        if column == self.TANGGAL:
            return fmt_date(row.tanggal)
        if column == self.JUDUL:
            return row.judul
        if column == self.TEMPAT:
            return row.tempat
        if column == self.OPD:
            return row.opd or ""
        if column == self.ASPIRASI:
            return fmt_int(row.jumlah_aspirasi)
        return ""

    def sort_key(self, row: ForumInfo, column: int) -> Any:
        if column == self.TANGGAL:
            return row.tanggal.toordinal()
        if column == self.ASPIRASI:
            return row.jumlah_aspirasi
        return super().sort_key(row, column)


SIKAP_COLOURS = {"bersedia": BALANCED, "tidak_bersedia": SHORTAGE, "ingin_pindah": BALANCED}


class AspirationTableModel(RowsModel[AspirasiInfo]):
    NAMA, SIKAP, TUJUAN, ALASAN, TANGGAL = range(5)

    def headers(self) -> list[str]:
        return [
            self.tr("Pegawai"),
            self.tr("Sikap"),
            self.tr("Ingin ke"),
            self.tr("Alasan"),
            self.tr("Tanggal"),
        ]

    def cell(self, row: AspirasiInfo, column: int) -> str:
        if column == self.NAMA:
            return row.nama
        if column == self.SIKAP:
            return tr_label(row.sikap_label)
        if column == self.TUJUAN:
            return ", ".join(x for x in (row.opd_tujuan, row.lokasi_tujuan) if x)
        if column == self.ALASAN:
            return row.alasan or ""
        if column == self.TANGGAL:
            return fmt_date(row.tanggal)
        return ""

    def sort_key(self, row: AspirasiInfo, column: int) -> Any:
        if column == self.TANGGAL:
            return row.tanggal.toordinal() if row.tanggal else 0
        return super().sort_key(row, column)

    def decoration(self, row: AspirasiInfo, column: int) -> QIcon | None:
        if column == self.SIKAP and row.sikap in SIKAP_COLOURS:
            return dot_icon(SIKAP_COLOURS[row.sikap])
        return None


TENGGAT_COLOURS = {Tenggat.LEWAT: SHORTAGE, Tenggat.DEKAT: WARNING}
TENGGAT_BACKGROUNDS = {Tenggat.LEWAT: "#fdecea", Tenggat.DEKAT: "#fdf3e1"}


class ObjectionTableModel(RowsModel[KeberatanInfo]):
    """Objections with their two clocks; overdue rows red, near the deadline amber."""

    NAMA, NOMOR_SK, TANGGAL_SK, DIAJUKAN, BATAS_AJU, BATAS_JAWAB, SISA, STATUS = range(8)
    NUMERIC = frozenset({SISA})

    def headers(self) -> list[str]:
        return [
            self.tr("Pegawai"),
            self.tr("Nomor SK"),
            self.tr("Tanggal\nSK"),
            self.tr("Diajukan"),
            self.tr("Batas\npengajuan"),
            self.tr("Batas\njawaban"),
            self.tr("Sisa\nhari"),
            self.tr("Tenggat"),
        ]

    def cell(self, row: KeberatanInfo, column: int) -> str:
        if column == self.NAMA:
            return row.nama
        if column == self.NOMOR_SK:
            return row.nomor_sk or ""
        if column == self.TANGGAL_SK:
            return fmt_date(row.tanggal_sk)
        if column == self.DIAJUKAN:
            return fmt_date(row.tanggal_diajukan)
        if column == self.BATAS_AJU:
            text = fmt_date(row.batas_pengajuan)
            return text if row.tepat_waktu else self.tr("{d} (terlambat)").format(d=text)
        if column == self.BATAS_JAWAB:
            return fmt_date(row.batas_jawaban)
        if column == self.SISA:
            if row.sisa_hari is None:
                return ""
            if row.sisa_hari < 0:
                return self.tr("lewat {n}").format(n=fmt_int(-row.sisa_hari))
            return fmt_int(row.sisa_hari)
        if column == self.STATUS:
            if row.status is StatusKeberatan.DIAJUKAN:
                return tr_label(row.tenggat.label)
            text = tr_label(row.status.label)
            if row.jam.dijawab_terlambat:
                text = self.tr("{s}, dijawab terlambat").format(s=text)
            return text
        return ""

    def sort_key(self, row: KeberatanInfo, column: int) -> Any:
        if column == self.TANGGAL_SK:
            return row.tanggal_sk.toordinal()
        if column == self.DIAJUKAN:
            return row.tanggal_diajukan.toordinal()
        if column == self.BATAS_AJU:
            return row.batas_pengajuan.toordinal()
        if column == self.BATAS_JAWAB:
            return row.batas_jawaban.toordinal()
        if column in (self.SISA, self.STATUS):
            order = {Tenggat.LEWAT: 0, Tenggat.DEKAT: 1, Tenggat.AMAN: 2, Tenggat.SELESAI: 3}
            return order[row.tenggat] * 100_000 + (row.sisa_hari or 0)
        return super().sort_key(row, column)

    def foreground(self, row: KeberatanInfo, column: int) -> str | None:
        colour = TENGGAT_COLOURS.get(row.tenggat)
        if colour and column in (self.BATAS_JAWAB, self.SISA, self.STATUS):
            return colour
        if column == self.BATAS_AJU and not row.tepat_waktu:
            return SHORTAGE
        if row.tenggat is Tenggat.SELESAI:
            return MUTED
        return None

    def background(self, row: KeberatanInfo, column: int) -> str | None:
        return TENGGAT_BACKGROUNDS.get(row.tenggat)

    def decoration(self, row: KeberatanInfo, column: int) -> QIcon | None:
        if column == self.STATUS and row.tenggat in TENGGAT_COLOURS:
            return dot_icon(TENGGAT_COLOURS[row.tenggat])
        return None

    def tooltip(self, row: KeberatanInfo, column: int) -> str | None:
        if column in (self.NAMA, self.STATUS):
            return row.isi
        dates = {
            self.TANGGAL_SK: row.tanggal_sk,
            self.DIAJUKAN: row.tanggal_diajukan,
            self.BATAS_AJU: row.batas_pengajuan,
            self.BATAS_JAWAB: row.batas_jawaban,
        }
        if column in dates:
            return fmt_date_long(dates[column])
        return super().tooltip(row, column)

    def haystack(self, row: KeberatanInfo) -> str:
        return search_text([row.nama, row.nip, row.nomor_sk, row.isi])


class BatchTableModel(RowsModel[BatchInfo]):
    NAMA, STATUS, JUMLAH, SK, DIBUAT = range(5)
    NUMERIC = frozenset({JUMLAH})

    def headers(self) -> list[str]:
        return [
            self.tr("Kelompok"),
            self.tr("Status"),
            self.tr("Usulan"),
            self.tr("SK"),
            self.tr("Dibuat"),
        ]

    def cell(self, row: BatchInfo, column: int) -> str:
        if column == self.NAMA:
            return row.nama
        if column == self.STATUS:
            return tr_label(row.status.label)
        if column == self.JUMLAH:
            return fmt_int(row.jumlah)
        if column == self.SK:
            parts = [row.nomor_sk or "", fmt_date(row.tanggal_sk)]
            return " · ".join(p for p in parts if p)
        if column == self.DIBUAT:
            return f"{fmt_time(row.dibuat_pada)} · {row.dibuat_oleh}"
        return ""

    def sort_key(self, row: BatchInfo, column: int) -> Any:
        if column == self.JUMLAH:
            return row.jumlah
        if column == self.DIBUAT:
            return row.dibuat_pada.isoformat()
        return super().sort_key(row, column)
