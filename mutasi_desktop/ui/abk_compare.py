"""Two scenarios of one analysis year side by side, position by position."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEventLoop,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Slot,
)
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mutasi_desktop.domain.abk_report import AbkPositionRow
from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.services.abk import AbkComparison, AbkPositionDelta
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.progress import Progress
from mutasi_desktop.ui.abk_model import (
    CENTER,
    KONDISI_COLOURS,
    RIGHT,
    SORT_ROLE,
    dot_icon,
    fmt_dec,
    fmt_ej,
    fmt_signed,
    kondisi_text,
)
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import fmt_int, problem_text
from mutasi_desktop.ui.style import SHORTAGE, WARNING
from mutasi_desktop.ui.tasks import Task

_Index = QModelIndex | QPersistentModelIndex


def fmt_delta(value: float) -> str:
    """'+0,12', '\u22120,30' or '0' (changes under half a hundredth read as none)."""
    if abs(value) < 0.005:
        return "0"
    sign = "+" if value > 0 else "\u2212"
    return sign + fmt_dec(abs(value))


class ComparisonTableModel(QAbstractTableModel):
    """Per position: need and difference under A and under B, the change, and PJ A → B."""

    (
        OPD,
        UNIT,
        JABATAN,
        KEB_A,
        KEB_B,
        DELTA,
        DELTA_FTE,
        SELISIH_A,
        SELISIH_B,
        EJ,
        PJ,
        KONDISI_B,
    ) = range(12)
    NUMERIC = frozenset({KEB_A, KEB_B, DELTA, DELTA_FTE, SELISIH_A, SELISIH_B, EJ})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.comparison: AbkComparison | None = None
        self.rows: list[AbkPositionDelta] = []
        self.changed_only = True
        self._fte_tip = self.tr("Perubahan kebutuhan sebelum dibulatkan (FTE)")
        self._headers = [
            self.tr("OPD"),
            self.tr("Unit kerja"),
            self.tr("Jabatan"),
            self.tr("Kebutuhan A"),
            self.tr("Kebutuhan B"),
            self.tr("Perubahan"),
            self.tr("Perubahan FTE"),
            self.tr("Selisih A"),
            self.tr("Selisih B"),
            self.tr("EJ A \u2192 B"),
            self.tr("PJ A \u2192 B"),
            self.tr("Kondisi B"),
        ]

    def set_comparison(self, comparison: AbkComparison | None) -> None:
        self.comparison = comparison
        self._refill()

    def set_changed_only(self, changed_only: bool) -> None:
        self.changed_only = changed_only
        self._refill()

    def _refill(self) -> None:
        self.beginResetModel()
        c = self.comparison
        if c is None:
            self.rows = []
        else:
            self.rows = list(c.changed if self.changed_only else c.positions)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.NUMERIC:
            return RIGHT
        return None

    @staticmethod
    def _side(row: AbkPositionRow | None, name: str) -> Any:
        return None if row is None else getattr(row, name)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        d = self.rows[index.row()]
        col = index.column()
        a, b = d.sebelum, d.sesudah
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.OPD:
                return d.opd
            if col == self.UNIT:
                return d.unit
            if col == self.JABATAN:
                return d.jabatan
            if col in (self.KEB_A, self.KEB_B):
                row = a if col == self.KEB_A else b
                return "\u2014" if row is None else fmt_int(row.kebutuhan_bulat)
            if col == self.DELTA:
                return fmt_signed(d.delta_kebutuhan_bulat)
            if col in (self.SELISIH_A, self.SELISIH_B):
                row = a if col == self.SELISIH_A else b
                return "\u2014" if row is None else fmt_signed(row.selisih)
            if col == self.DELTA_FTE:
                return fmt_delta(d.delta_kebutuhan)
            if col == self.EJ:
                profile = self.comparison.b.profil if self.comparison else None
                ea = fmt_ej(self._side(a, "ej"), profile)
                eb = fmt_ej(self._side(b, "ej"), profile)
                return ea if ea == eb else f"{ea} \u2192 {eb}"
            if col == self.PJ:
                pa = self._side(a, "pj") or "\u2014"
                pb = self._side(b, "pj") or "\u2014"
                return pa if pa == pb else f"{pa} \u2192 {pb}"
            if col == self.KONDISI_B:
                return "" if b is None else kondisi_text(b.kondisi)
        elif role == SORT_ROLE:
            if col in (self.OPD, self.UNIT, self.JABATAN, self.PJ, self.KONDISI_B):
                return str(self.data(index) or "")
            values = {
                self.KEB_A: self._side(a, "kebutuhan_bulat"),
                self.KEB_B: self._side(b, "kebutuhan_bulat"),
                self.DELTA: d.delta_kebutuhan_bulat,
                self.DELTA_FTE: d.delta_kebutuhan,
                self.SELISIH_A: self._side(a, "selisih"),
                self.SELISIH_B: self._side(b, "selisih"),
                self.EJ: self._side(b, "ej"),
            }
            value = values.get(col)
            return -1e12 if value is None else float(value)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col in (self.OPD, self.UNIT, self.JABATAN):
                return self.data(index)
            if col == self.DELTA_FTE:
                return self._fte_tip
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            if col in self.NUMERIC:
                return RIGHT
            if col == self.PJ:
                return CENTER
        elif role == Qt.ItemDataRole.ForegroundRole:
            if col == self.DELTA and d.delta_kebutuhan_bulat:
                # More people needed under B deepens a shortage: the shortage colour.
                return QColor(SHORTAGE if d.delta_kebutuhan_bulat > 0 else WARNING)
            if col == self.DELTA_FTE and abs(d.delta_kebutuhan) >= 0.005:
                return QColor(SHORTAGE if d.delta_kebutuhan > 0 else WARNING)
            if col in (self.SELISIH_A, self.SELISIH_B):
                row = a if col == self.SELISIH_A else b
                if row is not None and row.selisih:
                    return QColor(SHORTAGE if row.selisih < 0 else WARNING)
        elif role == Qt.ItemDataRole.DecorationRole and col == self.KONDISI_B and b is not None:
            return dot_icon(KONDISI_COLOURS[b.kondisi])
        return None


class ScenarioCompareDialog(QDialog):
    """Pick scenarios A and B; the comparison runs in the background."""

    def __init__(
        self,
        services: Services,
        dialogs: Dialogs,
        year: int,
        scenarios: Sequence[str],
        a: str | None = None,
        b: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.year = year
        self.task: Task | None = None
        self.comparison: AbkComparison | None = None
        self.setWindowTitle(self.tr("Bandingkan skenario \u2014 {y}").format(y=year))
        self.resize(1360, 680)
        layout = QVBoxLayout(self)
        pick = QHBoxLayout()
        self.a_combo = QComboBox()
        self.b_combo = QComboBox()
        for combo in (self.a_combo, self.b_combo):
            combo.addItem(self.tr("\u2014 tanpa skenario \u2014"), None)
            for name in scenarios:
                combo.addItem(name, name)
            combo.setMinimumWidth(240)
        self.a_combo.setCurrentIndex(max(0, self.a_combo.findData(a)) if a else 0)
        if b is None and scenarios:
            b = scenarios[0] if scenarios[0] != a else (scenarios[1] if len(scenarios) > 1 else b)
        self.b_combo.setCurrentIndex(max(0, self.b_combo.findData(b)) if b else 0)
        pick.addWidget(QLabel(self.tr("A:")))
        pick.addWidget(self.a_combo)
        pick.addSpacing(12)
        pick.addWidget(QLabel(self.tr("B:")))
        pick.addWidget(self.b_combo)
        self.compare_button = QPushButton(self.tr("Bandingkan"))
        self.compare_button.setObjectName("primaryButton")
        self.compare_button.clicked.connect(self.run)
        pick.addWidget(self.compare_button)
        pick.addStretch(1)
        self.changed_box = QCheckBox(self.tr("Hanya jabatan yang berubah"))
        self.changed_box.setChecked(True)
        self.changed_box.toggled.connect(self._on_changed_only)
        pick.addWidget(self.changed_box)
        layout.addLayout(pick)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = ComparisonTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorClearable(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((130, 140, 170, 104, 104, 88, 116, 78, 78, 104, 78)):
            self.table.setColumnWidth(col, width)
        hh.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def names(self) -> tuple[str | None, str | None]:
        return self.a_combo.currentData(), self.b_combo.currentData()

    def is_busy(self) -> bool:
        return self.task is not None

    @Slot()
    def run(self) -> None:
        if self.task is not None:
            return
        a, b = self.names()
        abk, year = self.services.abk, self.year

        def job(_progress: Progress) -> AbkComparison:
            return abk.compare(year, a, b)

        task = Task(
            job,
            title=self.tr("Bandingkan skenario"),
            label=self.tr("Menghitung kedua skenario…"),
            parent=self,
        )
        task.finished.connect(self._on_done)
        task.failed.connect(self._on_failed)
        self.task = task
        self.compare_button.setEnabled(False)
        self.summary.setText(self.tr("Menghitung…"))
        task.start()

    @Slot(object)
    def _on_done(self, comparison: AbkComparison) -> None:
        self.task = None
        self.compare_button.setEnabled(True)
        self.comparison = comparison
        self.model.set_comparison(comparison)
        a, b = comparison.a.totals, comparison.b.totals
        none = self.tr("tanpa skenario")
        self.summary.setText(
            self.tr(
                "A: {na} \u00b7 B: {nb}. Kebutuhan {ka} \u2192 {kb} ({dk}); kurang {ua} \u2192 "
                "{ub} ({du}); lebih {la} \u2192 {lb} ({dl}). {n} dari {t} jabatan berubah."
            ).format(
                na=comparison.a.skenario or none,
                nb=comparison.b.skenario or none,
                ka=fmt_int(a.kebutuhan_bulat),
                kb=fmt_int(b.kebutuhan_bulat),
                dk=fmt_signed(comparison.delta_kebutuhan_bulat),
                ua=fmt_int(a.kurang),
                ub=fmt_int(b.kurang),
                du=fmt_signed(comparison.delta_kurang),
                la=fmt_int(a.lebih),
                lb=fmt_int(b.lebih),
                dl=fmt_signed(comparison.delta_lebih),
                n=fmt_int(len(comparison.changed)),
                t=fmt_int(len(comparison.positions)),
            )
        )

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.task = None
        self.compare_button.setEnabled(True)
        self.summary.setText("")
        text = problem_text(error.problems[0]) if isinstance(error, DomainError) else str(error)
        self.dialogs.error(self, self.tr("Bandingkan skenario"), text)

    @Slot(bool)
    def _on_changed_only(self, checked: bool) -> None:
        self.model.set_changed_only(checked)

    def wait(self) -> None:
        """Let a running comparison finish (its thread must not outlive the dialog)."""
        while self.task is not None:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    def done(self, result: int) -> None:
        self.wait()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.wait()
        super().closeEvent(event)
