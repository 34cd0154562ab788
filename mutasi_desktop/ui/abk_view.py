"""Beban Kerja: the workload dashboard (tree, position editor, charts, ratios, recaps)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mutasi_desktop.domain.abk_report import AbkGroupRow, AbkReport, located_message
from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.services.abk import AbkYear
from mutasi_desktop.services.abk_io import AbkImportResult
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.progress import Progress
from mutasi_desktop.ui.abk_charts import ChartWidget, EjHeatMap, ShortageSurplusChart
from mutasi_desktop.ui.abk_compare import ScenarioCompareDialog
from mutasi_desktop.ui.abk_model import (
    ID_ROLE,
    KIND_ROLE,
    KONDISI_COLOURS,
    AbkFilterProxy,
    AbkTreeModel,
    FilterMode,
    RatioTableModel,
    fmt_dec,
    fmt_ej,
    fmt_signed,
    kondisi_text,
)
from mutasi_desktop.ui.abk_position import AbkPositionPanel
from mutasi_desktop.ui.dialogs import Dialogs, SaveChoice
from mutasi_desktop.ui.i18n import fmt_int, problem_text, tr_label
from mutasi_desktop.ui.style import SHORTAGE, WARNING
from mutasi_desktop.ui.tasks import Task

SEARCH_DELAY_MS = 150
EXPAND_ALL_LIMIT = 400
# Local additions to the app's quiet stylesheet: the totals strip and the headline figures.
VIEW_STYLE = """
QFrame#abkTotals { background: #f7f9fa; border: 1px solid #e3e7ea; border-radius: 6px; }
QLabel#abkStatValue { font-size: 18px; font-weight: 600; color: #1d2733; }
QLabel#abkTotalsTitle { color: #33414e; }
QLabel#abkFigure { font-size: 15px; font-weight: 600; color: #1d2733; }
QLabel#abkDirty { color: #1f6f78; }
"""
MAX_IMPORT_LINES = 15


class _Stat(QWidget):
    """One figure of the regency totals: a big number over a small caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 18, 0)
        lay.setSpacing(0)
        self.value = QLabel()
        self.value.setObjectName("abkStatValue")
        self.caption = QLabel(caption)
        self.caption.setObjectName("hint")
        lay.addWidget(self.value)
        lay.addWidget(self.caption)

    def show_value(self, text: str, colour: str | None = None, tip: str = "") -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")
        self.setToolTip(tip)


class AbkView(QWidget):
    """Workload per OPD, unit and position for one analysis year and scenario."""

    statusMessage = Signal(str)

    TABEL, GRAFIK, PETA, RASIO = range(4)

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.report: AbkReport | None = None
        self.years: list[AbkYear] = []
        self.year: int | None = None
        self.scenario: str | None = None
        self.load_task: Task | None = None
        self.io_task: Task | None = None
        self.ratio_task: Task | None = None
        self.compare_dialog: ScenarioCompareDialog | None = None
        self.last_file: Path | None = None
        self._loaded = False
        self._pending = False
        self._ratio_stale = False
        self._filling = False
        self._restore_to: QPersistentModelIndex | None = None
        self._io_title = ""
        self._io_done: Callable[[Any], None] = self._written
        self.scenario_names: list[str] = []
        self.model = AbkTreeModel(self)
        self.proxy = AbkFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.ratio_model = RatioTableModel(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self._build()
        self.setStyleSheet(VIEW_STYLE)
        self.model.totalsChanged.connect(self._show_totals)
        self._set_busy(False)

    # ---- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 12, 12, 8)
        root.setSpacing(8)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Tahun")))
        self.year_combo = QComboBox()
        self.year_combo.setMinimumWidth(80)
        self.year_combo.currentIndexChanged.connect(self._on_year_changed)
        top.addWidget(self.year_combo)
        top.addSpacing(8)
        top.addWidget(QLabel(self.tr("Skenario")))
        self.scenario_combo = QComboBox()
        self.scenario_combo.setMinimumWidth(220)
        self.scenario_combo.setToolTip(
            self.tr("Hitung ulang dengan pemicu yang diubah skenario (mis. penerima bansos +30 %)")
        )
        self.scenario_combo.currentIndexChanged.connect(self._on_scenario_changed)
        top.addWidget(self.scenario_combo)
        top.addStretch(1)
        self.compare_button = QPushButton(self.tr("Bandingkan skenario…"))
        self.compare_button.setToolTip(self.tr("Dua skenario berdampingan, jabatan demi jabatan"))
        self.compare_button.clicked.connect(self.open_compare)
        self.import_button = QPushButton(self.tr("Impor ABK…"))
        self.import_button.setToolTip(self.tr("Impor tabel tugas dari buku kerja ABK"))
        self.import_button.clicked.connect(self.import_workbook)
        self.export_button = QPushButton(self.tr("Ekspor…"))
        self.export_button.setToolTip(
            self.tr("Tabel tugas dan hasilnya dalam tata letak buku kerja ABK (dapat diimpor lagi)")
        )
        self.export_button.clicked.connect(self.export_workbook)
        self.recap_xlsx_button = QPushButton(self.tr("Rekap Excel…"))
        self.recap_xlsx_button.setToolTip(
            self.tr("Rekapitulasi per jabatan, unit dan OPD sebagai buku kerja berformat")
        )
        self.recap_xlsx_button.clicked.connect(self.recap_xlsx)
        self.recap_pdf_button = QPushButton(self.tr("Rekap PDF"))
        self.recap_pdf_button.setToolTip(self.tr("Rekapitulasi siap cetak (F4 atau A4, mendatar)"))
        pdf_menu = QMenu(self.recap_pdf_button)
        self.pdf_f4_action = QAction(self.tr("Kertas F4…"), self)
        self.pdf_f4_action.triggered.connect(self.recap_pdf_f4)
        self.pdf_a4_action = QAction(self.tr("Kertas A4…"), self)
        self.pdf_a4_action.triggered.connect(self.recap_pdf_a4)
        pdf_menu.addAction(self.pdf_f4_action)
        pdf_menu.addAction(self.pdf_a4_action)
        self.recap_pdf_button.setMenu(pdf_menu)
        self.chart_button = QPushButton(self.tr("Simpan grafik"))
        self.chart_button.setToolTip(self.tr("Simpan grafik sebagai gambar PNG untuk laporan"))
        chart_menu = QMenu(self.chart_button)
        self.save_bars_action = QAction(self.tr("Kekurangan dan kelebihan per OPD…"), self)
        self.save_bars_action.triggered.connect(self.save_bar_chart)
        self.save_heat_action = QAction(self.tr("Peta panas EJ…"), self)
        self.save_heat_action.triggered.connect(self.save_heat_map)
        chart_menu.addAction(self.save_bars_action)
        chart_menu.addAction(self.save_heat_action)
        self.chart_button.setMenu(chart_menu)
        for b in (
            self.compare_button,
            self.import_button,
            self.export_button,
            self.recap_xlsx_button,
            self.recap_pdf_button,
            self.chart_button,
        ):
            top.addWidget(b)
        root.addLayout(top)

        self.profile_label = QLabel()
        self.profile_label.setObjectName("hint")
        self.profile_label.setWordWrap(True)
        root.addWidget(self.profile_label)

        self.totals_frame = QFrame()
        self.totals_frame.setObjectName("abkTotals")
        totals = QHBoxLayout(self.totals_frame)
        totals.setContentsMargins(12, 8, 12, 8)
        self.totals_title = QLabel()
        self.totals_title.setObjectName("abkTotalsTitle")
        self.totals_title.setWordWrap(True)
        self.totals_title.setMinimumWidth(170)
        totals.addWidget(self.totals_title)
        self.stats = {
            "kebutuhan": _Stat(self.tr("kebutuhan pegawai")),
            "ada": _Stat(self.tr("pegawai ada")),
            "kurang": _Stat(self.tr("kurang (per jabatan)")),
            "lebih": _Stat(self.tr("lebih (per jabatan)")),
            "eu": _Stat(self.tr("efektivitas daerah (EU)")),
            "kosong": _Stat(self.tr("jabatan kosong")),
        }
        for stat in self.stats.values():
            totals.addWidget(stat)
        totals.addStretch(1)
        root.addWidget(self.totals_frame)

        self.difference_label = QLabel()
        self.difference_label.setObjectName("hint")
        self.difference_label.setWordWrap(True)
        self.difference_label.setTextFormat(Qt.TextFormat.RichText)
        self.difference_label.linkActivated.connect(self._show_differences)
        self.difference_label.hide()
        root.addWidget(self.difference_label)

        self.pages = QStackedWidget()
        self.empty_label = QLabel(
            self.tr(
                "Belum ada analisis beban kerja. Impor buku kerja ABK (tombol Impor ABK…) untuk "
                "memulai; tahun analisis dibuat otomatis."
            )
        )
        self.empty_label.setObjectName("hint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.pages.addWidget(self.empty_label)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_table_tab(), self.tr("Beban kerja"))
        self.bar_chart = ShortageSurplusChart()
        self.tabs.addTab(self._scroll(self.bar_chart), self.tr("Grafik kurang/lebih"))
        self.heat_map = EjHeatMap()
        self.tabs.addTab(self._scroll(self.heat_map), self.tr("Peta panas EJ"))
        self.tabs.addTab(self._build_ratio_tab(), self.tr("Perkiraan rasio"))
        self.tabs.currentChanged.connect(self._on_tab)
        self.pages.addWidget(self.tabs)
        root.addWidget(self.pages, 1)

    def _scroll(self, chart: ChartWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(chart)
        area.setStyleSheet("QScrollArea { background: white; }")
        return area

    def _build_table_tab(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Cari OPD, unit kerja atau jabatan…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text)
        row.addWidget(self.search, 1)
        self.mode_combo = QComboBox()
        for text, mode in (
            (self.tr("Semua jabatan"), FilterMode.SEMUA),
            (self.tr("Hanya yang kurang pegawai"), FilterMode.KURANG),
            (self.tr("Hanya yang lebih pegawai"), FilterMode.LEBIH),
            (self.tr("Kurang atau lebih"), FilterMode.TIDAK_PAS),
            (self.tr("Jabatan kosong"), FilterMode.KOSONG),
            (self.tr("Data pegawai beda dengan berkas ABK"), FilterMode.BEDA_DATA),
        ):
            self.mode_combo.addItem(text, mode.value)
        self.mode_combo.currentIndexChanged.connect(self._on_mode)
        row.addWidget(self.mode_combo)
        self.all_positions_box = QCheckBox(self.tr("Termasuk jabatan tanpa tugas"))
        self.all_positions_box.setToolTip(
            self.tr("Tampilkan juga jabatan yang belum punya tabel tugas, agar dapat diisi")
        )
        self.all_positions_box.toggled.connect(self._on_all_positions)
        row.addWidget(self.all_positions_box)
        self.expand_button = QPushButton(self.tr("Buka semua"))
        self.expand_button.clicked.connect(self._expand_all)
        self.collapse_button = QPushButton(self.tr("Tutup semua"))
        self.collapse_button.clicked.connect(self._collapse_all)
        row.addWidget(self.expand_button)
        row.addWidget(self.collapse_button)
        lay.addLayout(row)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.tree = QTreeView()
        self.tree.setObjectName("abkTree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.tree.header()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tree.setSortingEnabled(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AbkTreeModel.NAMA, QHeaderView.ResizeMode.Stretch)
        widths = {
            AbkTreeModel.BEBAN: 100,
            AbkTreeModel.KEBUTUHAN: 88,
            AbkTreeModel.BULAT: 90,
            AbkTreeModel.ADA: 52,
            AbkTreeModel.SELISIH: 62,
            AbkTreeModel.KURANG: 62,
            AbkTreeModel.LEBIH: 54,
            AbkTreeModel.EJ: 50,
            AbkTreeModel.PJ: 118,
            AbkTreeModel.KONDISI: 150,
        }
        for col, width in widths.items():
            self.tree.setColumnWidth(col, width)
        self.tree.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.splitter.addWidget(self.tree)
        self.panel = AbkPositionPanel(self.services, self.dialogs)
        self.panel.saved.connect(self._on_position_saved)
        self.panel.statusMessage.connect(self.statusMessage)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([330, 280])
        lay.addWidget(self.splitter, 1)
        self.legend_label = QLabel(
            self.tr(
                "EJ = beban kerja ÷ (pegawai ada × waktu kerja efektif). PJ A (Sangat Baik) "
                "berarti kelebihan beban; B seimbang; C–E kekurangan beban. Selisih = ada − "
                "kebutuhan. * pegawai ada dari berkas ABK; † data pegawai beda dengan berkas ABK."
            )
        )
        self.legend_label.setObjectName("countLabel")
        self.legend_label.setWordWrap(True)
        lay.addWidget(self.legend_label)
        return page

    def _build_ratio_tab(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 8, 0, 0)
        note = QLabel(
            self.tr(
                "Perkiraan dengan rasio (mis. murid per guru) hanya pembanding. Dasar resmi "
                "kebutuhan pegawai dan mutasi tetap ABK (Peraturan BKN 5/2019); angka rasio tidak "
                "pernah menggantikannya."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        lay.addWidget(note)
        self.ratio_table = QTableView()
        self.ratio_table.setObjectName("abkRatioTable")
        self.ratio_table.setModel(self.ratio_model)
        self.ratio_table.setAlternatingRowColors(True)
        self.ratio_table.setWordWrap(False)
        self.ratio_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ratio_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ratio_table.verticalHeader().setVisible(False)
        hh = self.ratio_table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(True)
        lay.addWidget(self.ratio_table, 1)
        return page

    # ---- loading ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        # Computed on first view, not at start-up: the register is what a clerk opens first.
        if not self._loaded:
            self.reload()
        super().showEvent(event)

    def invalidate(self) -> None:
        """The data changed (an import, a reload): recompute now if on screen, else later."""
        if self.isVisible():
            self.reload()
        else:
            self._loaded = False

    def reload(self) -> None:
        """Re-read the years and scenarios, then recompute the report in the background."""
        self._loaded = True
        try:
            self.years = self.services.abk.years()
        except DomainError as exc:
            self.statusMessage.emit(problem_text(exc.problems[0]))
            self.years = []
        wanted = self.year
        self._filling = True
        self.year_combo.clear()
        for y in self.years:
            self.year_combo.addItem(str(y.tahun), y.tahun)
        index = self.year_combo.findData(wanted) if wanted is not None else -1
        self.year_combo.setCurrentIndex(index if index >= 0 else (0 if self.years else -1))
        self._filling = False
        self.year = self.year_combo.currentData()
        self._fill_scenarios()
        self.pages.setCurrentWidget(self.tabs if self.years else self.empty_label)
        if self.year is None:
            self.report = None
            self.model.set_report(None)
            self.panel.set_context(None, None, [])
            self.panel.clear()
            self._show_report_details()
            self._set_busy(False)
            return
        self.start_load()

    def _fill_scenarios(self) -> None:
        wanted = self.scenario
        self._filling = True
        self.scenario_combo.clear()
        self.scenario_combo.addItem(self.tr("\u2014 tanpa skenario \u2014"), None)
        names: list[str] = []
        if self.year is not None:
            try:
                infos = self.services.abk.scenarios(self.year)
            except DomainError:
                infos = []
            for info in infos:
                self.scenario_combo.addItem(info.nama, info.nama)
                self.scenario_combo.setItemData(
                    self.scenario_combo.count() - 1, info.ringkasan, Qt.ItemDataRole.ToolTipRole
                )
                names.append(info.nama)
        index = self.scenario_combo.findData(wanted) if wanted is not None else 0
        self.scenario_combo.setCurrentIndex(max(index, 0))
        self._filling = False
        self.scenario = self.scenario_combo.currentData()
        self.scenario_names = names

    def start_load(self) -> None:
        """Recompute the report of the chosen year and scenario on a worker thread."""
        if self.year is None:
            return
        if self.load_task is not None:
            self._pending = True  # the running result is stale: load again when it lands
            return
        abk, year, scenario = self.services.abk, self.year, self.scenario
        everything = self.all_positions_box.isChecked()

        def job(_progress: Progress) -> AbkReport:
            return abk.report(year, scenario, semua_jabatan=everything)

        task = Task(
            job,
            title=self.tr("Beban kerja"),
            label=self.tr("Menghitung beban kerja…"),
            parent=self,
        )
        task.finished.connect(self._on_loaded)
        task.failed.connect(self._on_load_failed)
        self.load_task = task
        self._set_busy(True)
        task.start()

    @Slot(object)
    def _on_loaded(self, report: AbkReport) -> None:
        self.load_task = None
        if self._pending:
            self._pending = False
            self.start_load()
            return
        self._set_busy(False)
        self.show_report(report)

    @Slot(object)
    def _on_load_failed(self, error: object) -> None:
        self.load_task = None
        self._pending = False
        self._set_busy(False)
        text = problem_text(error.problems[0]) if isinstance(error, DomainError) else str(error)
        self.dialogs.error(self, self.tr("Beban kerja"), text)

    def show_report(self, report: AbkReport) -> None:
        """Put a computed report on screen, keeping the selected position and its edits."""
        keep = self.panel.jabatan_id
        self.report = report
        self._ratio_stale = False
        self.model.set_report(report)
        self.panel.set_context(
            report.tahun, report.skenario, [d.nama for d in report.pemicu], report.profil
        )
        self._show_report_details()
        if keep is not None and self.model.position(keep) is not None:
            self._select_position(keep)
            if self.panel.is_dirty():
                self.panel.recompute()  # the edits stay; figures follow the new scenario
            else:
                self.panel.load(keep)
        elif not self.panel.is_dirty():
            self.panel.clear()
        self._expand_matches()

    def _show_report_details(self) -> None:
        report = self.report
        self.bar_chart.set_report(report)
        self.heat_map.set_report(report)
        self.ratio_model.set_rows(report.rasio if report is not None else ())
        if report is None:
            self.profile_label.setText("")
            self.difference_label.hide()
            self.totals_frame.hide()
            return
        self.totals_frame.show()
        prof = report.profil
        text = self.tr(
            "Profil {nama} \u00b7 waktu kerja efektif {menit} menit ({jam} jam) setahun \u00b7 "
            "pembulatan {bulat}{minimal} \u00b7 {n} jabatan dianalisis"
        ).format(
            nama=prof.name,
            menit=fmt_int(round(prof.wke_menit)),
            jam=fmt_int(round(prof.wke_menit / 60)),
            bulat=tr_label(prof.pembulatan.label).lower(),
            minimal=self.tr(", minimal satu orang") if prof.minimal_satu else "",
            n=fmt_int(len(report.positions)),
        )
        if report.jabatan_tanpa_tugas:
            text += " " + self.tr("({n} jabatan belum punya tabel tugas)").format(
                n=fmt_int(report.jabatan_tanpa_tugas)
            )
        self.profile_label.setText(text)
        diff = len(report.perbedaan)
        if diff:
            self.difference_label.setText(
                self.tr(
                    "{n} jabatan: jumlah pegawai di data pegawai berbeda dengan berkas ABK; yang "
                    "dipakai data pegawai. <a href='beda'>Tampilkan</a>"
                ).format(n=fmt_int(diff))
            )
        self.difference_label.setVisible(bool(diff))
        self._show_totals()

    @Slot()
    def _show_totals(self) -> None:
        t: AbkGroupRow | None = self.model.totals
        report = self.report
        if t is None or report is None:
            return
        place = report.instansi or self.tr("Seluruh daerah")
        scenario = (
            self.tr("skenario \u201c{s}\u201d").format(s=report.skenario)
            if report.skenario
            else self.tr("tanpa skenario")
        )
        self.totals_title.setText(
            self.tr("<b>{place}</b><br>{tahun} \u00b7 {skenario}").format(
                place=place, tahun=report.tahun, skenario=scenario
            )
        )
        s = self.stats
        s["kebutuhan"].show_value(
            fmt_int(t.kebutuhan_bulat),
            tip=self.tr("Jumlah kebutuhan dibulatkan per jabatan ({k} sebelum dibulatkan)").format(
                k=fmt_dec(t.kebutuhan, 1)
            ),
        )
        s["ada"].show_value(
            fmt_int(t.pegawai_ada),
            tip=self.tr("Selisih bersih {s}").format(s=fmt_signed(t.selisih)),
        )
        s["kurang"].show_value(fmt_int(t.kurang), SHORTAGE if t.kurang else None)
        s["lebih"].show_value(fmt_int(t.lebih), WARNING if t.lebih else None)
        eu = fmt_ej(t.eu, report.profil)
        s["eu"].show_value(
            f"{eu} \u00b7 {t.pj}" if t.pj else eu,
            KONDISI_COLOURS[t.kondisi],
            tip=kondisi_text(t.kondisi),
        )
        s["eu"].caption.setText(
            self.tr("efektivitas daerah (EU): {kondisi}").format(
                kondisi=kondisi_text(t.kondisi).lower()
            )
        )
        s["kosong"].show_value(fmt_int(t.jumlah_kosong))

    def _set_busy(self, busy: bool) -> None:
        has_year = self.year is not None
        for w in (
            self.compare_button,
            self.export_button,
            self.recap_xlsx_button,
            self.recap_pdf_button,
            self.chart_button,
        ):
            w.setEnabled(has_year and not busy)
        if busy:
            self.profile_label.setText(self.tr("Menghitung beban kerja…"))

    def is_idle(self) -> bool:
        return self.load_task is None and self.io_task is None and self.ratio_task is None

    def wait_idle(self) -> None:
        """Let background jobs land (their threads must not outlive the window)."""
        while not self.is_idle():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if self.compare_dialog is not None:
            self.compare_dialog.wait()

    # ---- year, scenario, filters ----------------------------------------------------------
    def _may_leave_position(self) -> bool:
        """Ask about unsaved task edits; True when it is fine to move on."""
        if not self.panel.is_dirty():
            return True
        choice = self.dialogs.ask_save(
            self,
            self.tr("Tabel tugas belum disimpan"),
            self.tr("Simpan perubahan tabel tugas {j}?").format(
                j=self.panel.stored.jabatan if self.panel.stored else ""
            ),
        )
        if choice is SaveChoice.SAVE:
            return self.panel.save()
        if choice is SaveChoice.DISCARD:
            self.panel.discard()
            return True
        return False

    @Slot(int)
    def _on_year_changed(self, _index: int) -> None:
        if self._filling:
            return
        year = self.year_combo.currentData()
        if year == self.year:
            return
        if not self._may_leave_position():
            self._filling = True
            self.year_combo.setCurrentIndex(self.year_combo.findData(self.year))
            self._filling = False
            return
        self.year = year
        self.panel.clear()
        self._fill_scenarios()
        self.start_load()

    @Slot(int)
    def _on_scenario_changed(self, _index: int) -> None:
        if self._filling:
            return
        self.scenario = self.scenario_combo.currentData()
        self.start_load()

    def set_scenario(self, name: str | None) -> None:
        index = self.scenario_combo.findData(name) if name is not None else 0
        self.scenario_combo.setCurrentIndex(max(index, 0))

    @Slot(str)
    def _on_search_text(self, _text: str) -> None:
        self._search_timer.start()

    @Slot()
    def _apply_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text()
        self.proxy.set_text(text)
        self._expand_matches()
        self._reveal_current()

    @Slot(int)
    def _on_mode(self, _index: int) -> None:
        self.proxy.set_mode(FilterMode(self.mode_combo.currentData()))
        self._expand_matches()
        self._reveal_current()

    def set_filter_mode(self, mode: FilterMode) -> None:
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode.value))

    @Slot(str)
    def _show_differences(self, _link: str) -> None:
        self.tabs.setCurrentIndex(self.TABEL)
        self.set_filter_mode(FilterMode.BEDA_DATA)

    def _expand_matches(self) -> None:
        """Open the tree down to the matching positions while there are few of them; with
        many, open only the OPDs (expanding thousands of rows costs more than it shows)."""
        if not self.proxy.is_filtering():
            return
        if self.proxy.count_matches(EXPAND_ALL_LIMIT) < EXPAND_ALL_LIMIT:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(0)

    @Slot(bool)
    def _on_all_positions(self, _checked: bool) -> None:
        self.start_load()

    @Slot()
    def _expand_all(self) -> None:
        self.tree.expandAll()

    @Slot()
    def _collapse_all(self) -> None:
        self.tree.collapseAll()

    def _reveal_current(self) -> None:
        current = self.tree.currentIndex()
        if current.isValid():
            self.tree.scrollTo(current)

    # ---- selection and editing -------------------------------------------------------------
    def _select_position(self, jabatan_id: int) -> None:
        source = self.model.index_of_position(jabatan_id)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return
        selection = self.tree.selectionModel()
        selection.blockSignals(True)
        self.tree.setCurrentIndex(index)
        selection.select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)
        self.tree.scrollTo(index)

    def select_position(self, jabatan_id: int) -> bool:
        """Select a position in the tree (opening its parents) and show it in the panel."""
        source = self.model.index_of_position(jabatan_id)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        return self.panel.jabatan_id == jabatan_id

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        kind = current.data(KIND_ROLE) if current.isValid() else None
        jabatan_id = current.data(ID_ROLE) if kind == "jabatan" else None
        if jabatan_id is not None and jabatan_id == self.panel.jabatan_id:
            return
        if jabatan_id is None:
            if not self.panel.is_dirty():
                self.panel.clear()
            return
        if not self._may_leave_position():
            # Put the selection back once Qt has finished moving it.
            self._restore_to = QPersistentModelIndex(previous)
            QTimer.singleShot(0, self._restore_current)
            return
        self.panel.load(int(jabatan_id))

    @Slot()
    def _restore_current(self) -> None:
        index, self._restore_to = self._restore_to, None
        if index is not None and index.isValid():
            selection = self.tree.selectionModel()
            selection.blockSignals(True)
            self.tree.setCurrentIndex(self.proxy.index(index.row(), 0, index.parent()))
            selection.blockSignals(False)

    @Slot(object)
    def _on_position_saved(self, row: Any) -> None:
        self.model.update_position(row)
        if self.report is not None:
            self.report = self._current_report(self.report)
            self.bar_chart.set_report(self.report)
            self.heat_map.set_report(self.report)
            self._ratio_stale = True

    def _current_report(self, report: AbkReport) -> AbkReport:
        """The report with the tree's edited positions and group totals (for the charts)."""
        opds = []
        for r in range(self.model.rowCount()):
            fig = self.model.node(self.model.index(r, 0)).fig
            if isinstance(fig, AbkGroupRow):
                opds.append(fig)
        totals = self.model.totals or report.totals
        return replace(
            report,
            positions=tuple(self.model.positions()),
            opds=tuple(opds),
            totals=totals,
        )

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        if index == self.RASIO and self._ratio_stale:
            self._refresh_ratios()

    def _refresh_ratios(self) -> None:
        if self.year is None or self.ratio_task is not None:
            return
        abk, year, scenario = self.services.abk, self.year, self.scenario

        def job(_progress: Progress) -> object:
            return abk.ratio_estimates(year, scenario)

        task = Task(
            job, title=self.tr("Perkiraan rasio"), label=self.tr("Menghitung…"), parent=self
        )
        task.finished.connect(self._on_ratios)
        task.failed.connect(self._on_ratio_failed)
        self.ratio_task = task
        task.start()

    @Slot(object)
    def _on_ratios(self, rows: Any) -> None:
        self.ratio_task = None
        self._ratio_stale = False
        self.ratio_model.set_rows(rows)

    @Slot(object)
    def _on_ratio_failed(self, _error: object) -> None:
        self.ratio_task = None

    # ---- comparison ------------------------------------------------------------------------
    @Slot()
    def open_compare(self) -> ScenarioCompareDialog | None:
        if self.year is None:
            return None
        if self.compare_dialog is not None:
            self.compare_dialog.wait()
            self.compare_dialog.close()
            self.compare_dialog.deleteLater()
        b = self.scenario or (self.scenario_names[0] if self.scenario_names else None)
        dialog = ScenarioCompareDialog(
            self.services,
            self.dialogs,
            self.year,
            self.scenario_names,
            None,
            b,
            self,
        )
        self.compare_dialog = dialog
        dialog.open()
        dialog.run()
        return dialog

    # ---- files -----------------------------------------------------------------------------
    def _run_io(
        self,
        job: Callable[[Progress], Any],
        title: str,
        label: str,
        done: Callable[[Any], None],
    ) -> None:
        if self.io_task is not None:
            return
        task = Task(job, title=title, label=label, parent=self)
        self._io_title = title
        self._io_done = done
        task.finished.connect(self._on_io_done)
        task.failed.connect(self._on_io_failed)
        task.cancelled.connect(self._on_io_cancelled)
        self.io_task = task
        task.start()

    @Slot(object)
    def _on_io_done(self, result: object) -> None:
        self.io_task = None
        self._io_done(result)

    @Slot(object)
    def _on_io_failed(self, error: object) -> None:
        self.io_task = None
        if isinstance(error, DomainError):
            lines = [located_message(p, QCoreApplication.translate) for p in error.problems]
            if len(lines) > MAX_IMPORT_LINES:
                rest = len(lines) - MAX_IMPORT_LINES
                lines = [*lines[:MAX_IMPORT_LINES], self.tr("… dan {n} lainnya").format(n=rest)]
            text = "\n".join(lines)
        else:
            text = self.tr("Gagal: {e}").format(e=error)
        self.dialogs.error(self, self._io_title, text)

    @Slot()
    def _on_io_cancelled(self) -> None:
        self.io_task = None
        self.statusMessage.emit(self.tr("Dibatalkan."))

    def _ask_save_path(self, title: str, filters: str, suggested: str, suffix: str) -> Path | None:
        path = self.dialogs.save_file(self, title, filters, suggested)
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        return Path(path)

    def _stem(self) -> str:
        stem = f"abk-{self.year}"
        if self.scenario:
            safe = "".join(ch if ch.isalnum() else "-" for ch in self.scenario.lower())
            stem += "-" + "-".join(part for part in safe.split("-") if part)
        return stem

    @Slot()
    def import_workbook(self) -> None:
        if not self._may_leave_position():
            return
        path = self.dialogs.open_file(
            self, self.tr("Impor ABK"), self.tr("Buku kerja ABK (*.xlsx *.xlsm)")
        )
        if not path:
            return
        abk, year = self.services.abk, self.year

        def job(progress: Progress) -> AbkImportResult:
            return abk.import_workbook(path, tahun=year, progress=progress)

        self._run_io(job, self.tr("Impor ABK"), self.tr("Membaca buku kerja ABK…"), self._imported)

    def _imported(self, result: AbkImportResult) -> None:
        lines = [
            self.tr(
                "Tahun {tahun}: {tugas} baris tugas untuk {jabatan} jabatan; {opd} OPD, {unit} "
                "unit dan {baru} jabatan baru; {pemicu} pemicu baru."
            ).format(
                tahun=result.tahun,
                tugas=fmt_int(result.baris_tugas),
                jabatan=fmt_int(result.jabatan),
                opd=fmt_int(result.opd_baru),
                unit=fmt_int(result.unit_baru),
                baru=fmt_int(result.jabatan_baru),
                pemicu=fmt_int(result.pemicu_baru),
            )
        ]
        if result.perbedaan:
            lines.append(
                self.tr(
                    "{n} jabatan: data pegawai berbeda dengan kolom Pegawai Ada; yang dipakai "
                    "data pegawai:"
                ).format(n=fmt_int(len(result.perbedaan)))
            )
            for d in result.perbedaan[:MAX_IMPORT_LINES]:
                lines.append(
                    self.tr("\u2022 {j} ({u}): data pegawai {r}, berkas {b}").format(
                        j=d.jabatan, u=d.unit, r=fmt_int(d.register), b=fmt_int(d.berkas)
                    )
                )
        self.dialogs.info(self, self.tr("Impor ABK selesai"), "\n".join(lines))
        self.statusMessage.emit(self.tr("Impor ABK selesai."))
        self.year = result.tahun
        self.reload()

    @Slot()
    def export_workbook(self) -> None:
        if self.year is None:
            return
        path = self._ask_save_path(
            self.tr("Ekspor tabel tugas ABK"),
            self.tr("Buku kerja Excel (*.xlsx)"),
            f"{self._stem()}.xlsx",
            ".xlsx",
        )
        if path is None:
            return
        abk, year, scenario = self.services.abk, self.year, self.scenario

        def job(_progress: Progress) -> Path:
            return abk.export_workbook(path, year, scenario)

        self._run_io(job, self.tr("Ekspor ABK"), self.tr("Menulis buku kerja…"), self._written)

    def _written(self, path: object) -> None:
        self.last_file = Path(str(path))
        self.statusMessage.emit(self.tr("Disimpan: {p}").format(p=path))

    @Slot()
    def recap_xlsx(self) -> None:
        if self.year is None:
            return
        path = self._ask_save_path(
            self.tr("Rekap ABK (Excel)"),
            self.tr("Buku kerja Excel (*.xlsx)"),
            f"rekap-{self._stem()}.xlsx",
            ".xlsx",
        )
        if path is None:
            return
        abk, year, scenario = self.services.abk, self.year, self.scenario
        everything = self.all_positions_box.isChecked()

        def job(_progress: Progress) -> Path:
            report = abk.report(year, scenario, semua_jabatan=everything)
            return abk.recap_xlsx(report, path)

        self._run_io(job, self.tr("Rekap ABK"), self.tr("Menulis rekap Excel…"), self._written)

    @Slot()
    def recap_pdf_f4(self) -> None:
        self.recap_pdf("F4")

    @Slot()
    def recap_pdf_a4(self) -> None:
        self.recap_pdf("A4")

    def recap_pdf(self, kertas: str) -> None:
        if self.year is None:
            return
        path = self._ask_save_path(
            self.tr("Rekap ABK (PDF {k})").format(k=kertas),
            self.tr("Dokumen PDF (*.pdf)"),
            f"rekap-{self._stem()}-{kertas.lower()}.pdf",
            ".pdf",
        )
        if path is None:
            return
        abk, year, scenario = self.services.abk, self.year, self.scenario
        everything = self.all_positions_box.isChecked()

        def job(_progress: Progress) -> Path:
            report = abk.report(year, scenario, semua_jabatan=everything)
            return abk.recap_pdf(report, path, kertas=kertas)

        self._run_io(job, self.tr("Rekap ABK"), self.tr("Menyusun rekap PDF…"), self._written)

    @Slot()
    def save_bar_chart(self) -> None:
        self._save_chart(self.bar_chart, f"grafik-kurang-lebih-{self._stem()}.png")

    @Slot()
    def save_heat_map(self) -> None:
        self._save_chart(self.heat_map, f"peta-panas-ej-{self._stem()}.png")

    def _save_chart(self, chart: ChartWidget, suggested: str) -> None:
        if self.report is None:
            return
        path = self._ask_save_path(
            self.tr("Simpan grafik"), self.tr("Gambar PNG (*.png)"), suggested, ".png"
        )
        if path is None:
            return
        if chart.save_png(path):
            self.last_file = path
            self.statusMessage.emit(self.tr("Grafik disimpan: {p}").format(p=path))
        else:
            self.dialogs.error(
                self,
                self.tr("Simpan grafik"),
                self.tr("Gambar tidak dapat ditulis ke {p}.").format(p=path),
            )

    # ---- closing ---------------------------------------------------------------------------
    def can_close(self) -> bool:
        """Unsaved task edits are asked about; background jobs are let finish."""
        if not self._may_leave_position():
            return False
        self.wait_idle()
        return True
