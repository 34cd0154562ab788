"""Rekomendasi: run the optimiser on a worker, see every move with its reasons and rule checks,
the balance before and after, accept or reject moves one by one, re-plan, make proposals."""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QLocale, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.mutasi_rules import sort_results
from mutasi_desktop.domain.nip import format_nip
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.planning_types import BalanceRow, PlanMove, PlanOptions, PlanResult
from mutasi_desktop.services.progress import Progress
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import fmt_int, tr_label, tr_message
from mutasi_desktop.ui.planning_models import (
    SEVERITY_COLOURS,
    BalanceTableModel,
    Keputusan,
    MoveTableModel,
    RowsFilterProxy,
    SkippedTableModel,
    fmt_date,
)
from mutasi_desktop.ui.planning_widgets import (
    error_text,
    hint,
    make_table,
    narrow_combo,
    show_error,
)
from mutasi_desktop.ui.style import BALANCED, SHORTAGE, WARNING
from mutasi_desktop.ui.tasks import Task
from mutasi_desktop.ui.widgets import DateField


class _Figure(QWidget):
    """One headline number of the plan over a small caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 20, 0)
        lay.setSpacing(0)
        self.value = QLabel()
        self.value.setObjectName("planFigure")
        self.value.setTextFormat(Qt.TextFormat.RichText)
        self.caption = QLabel(caption)
        self.caption.setObjectName("hint")
        lay.addWidget(self.value)
        lay.addWidget(self.caption)

    def show_value(self, text: str, tip: str = "") -> None:
        self.value.setText(text)
        self.setToolTip(tip)


def _arrow(before: int, after: int, colour: str) -> str:
    """'917 → 900' with the after-value coloured when it improved."""
    good = after < before
    shown = f'<span style="color:{BALANCED if good else colour}">{fmt_int(after)}</span>'
    return f"{fmt_int(before)} → {shown}"


class RecommendPage(QWidget):
    statusMessage = Signal(str)
    changed = Signal()

    LEVEL_OPD, LEVEL_UNIT, LEVEL_JABATAN = range(3)

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.planning = services.planning
        self.dialogs = dialogs
        self.plan: PlanResult | None = None
        self.task: Task | None = None
        self.rejected: set[tuple[int, int]] = set()
        self.excluded: set[int] = set()
        self.proposal_ids: list[int] = []  # proposals made from plans on this page
        self.moves = MoveTableModel(self)
        self.moves_proxy = RowsFilterProxy(self)
        self.moves_proxy.setSourceModel(self.moves)
        self.balance = BalanceTableModel(self)
        self.balance_proxy = RowsFilterProxy(self)
        self.balance_proxy.setSourceModel(self.balance)
        self.skipped = SkippedTableModel(self)
        self.skipped_proxy = RowsFilterProxy(self)
        self.skipped_proxy.setSourceModel(self.skipped)
        self._drill_opd: str | None = None
        self._units_of: dict[int, str] | None = None
        self._pending_decisions: dict[str, Keputusan] = {}
        self._build()
        self.moves.decisionsChanged.connect(self._update_buttons)
        self._show_plan(None)

    # ---- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 8, 0, 0)
        root.setSpacing(6)
        opts = QHBoxLayout()
        opts.addWidget(QLabel(self.tr("ABK")))
        self.year_combo = narrow_combo(QComboBox(), 6)
        self.year_combo.setToolTip(self.tr("Tahun analisis beban kerja yang menjadi dasar"))
        self.year_combo.currentIndexChanged.connect(self._fill_scenarios)
        opts.addWidget(self.year_combo)
        self.scenario_combo = narrow_combo(QComboBox(), 16)
        self.scenario_combo.setMinimumWidth(150)
        opts.addWidget(self.scenario_combo)
        opts.addSpacing(8)
        opts.addWidget(QLabel(self.tr("Paling banyak")))
        self.max_moves = QSpinBox()
        self.max_moves.setRange(0, 100_000)
        self.max_moves.setSpecialValueText(self.tr("tanpa batas"))
        self.max_moves.setSuffix(self.tr(" pemindahan"))
        self.max_moves.setToolTip(self.tr("Batas jumlah pemindahan dalam rencana (0: tanpa batas)"))
        opts.addWidget(self.max_moves)
        opts.addSpacing(8)
        opts.addWidget(QLabel(self.tr("Kecocokan kompetensi min.")))
        self.min_match = QSpinBox()
        self.min_match.setRange(0, 100)
        self.min_match.setSingleStep(10)
        self.min_match.setValue(50)
        self.min_match.setSuffix(" %")
        opts.addWidget(self.min_match)
        opts.addSpacing(8)
        opts.addWidget(QLabel(self.tr("TMT")))
        self.tmt = DateField()
        self.tmt.setPlaceholderText(self.tr("tgl 1 bulan depan"))
        self.tmt.setMaximumWidth(130)
        opts.addWidget(self.tmt)
        opts.addStretch(1)
        root.addLayout(opts)

        opts2 = QHBoxLayout()
        self.unwilling_box = QCheckBox(self.tr("Pindahkan juga yang tidak bersedia"))
        self.unwilling_box.setToolTip(
            self.tr("Pegawai yang menyatakan tidak bersedia boleh dipindahkan (biaya tinggi)")
        )
        self.struktural_box = QCheckBox(self.tr("Sertakan jabatan struktural"))
        self.struktural_box.setToolTip(
            self.tr("JPT, administrator dan pengawas biasanya diisi melalui seleksi, bukan rencana")
        )
        self.jenjang_box = QCheckBox(self.tr("Jenjang jabatan harus sama"))
        self.jenjang_box.setChecked(True)
        for box in (self.unwilling_box, self.struktural_box, self.jenjang_box):
            opts2.addWidget(box)
        opts2.addStretch(1)
        self.run_button = QPushButton(self.tr("Hitung rencana"))
        self.run_button.setObjectName("primaryButton")
        self.run_button.setToolTip(self.tr("Hitung rencana baru dengan pilihan di atas"))
        self.run_button.clicked.connect(self.run)
        opts2.addWidget(self.run_button)
        root.addLayout(opts2)

        self.summary = QFrame()
        self.summary.setObjectName("planSummary")
        sl = QVBoxLayout(self.summary)
        sl.setContentsMargins(12, 8, 12, 8)
        figures = QHBoxLayout()
        self.fig_moves = _Figure(self.tr("pemindahan diusulkan"))
        self.fig_kurang = _Figure(self.tr("kekurangan sebelum → sesudah"))
        self.fig_lebih = _Figure(self.tr("kelebihan sebelum → sesudah"))
        self.fig_gap = _Figure(self.tr("celah optimalitas"))
        self.fig_status = _Figure(self.tr("status pemecah"))
        self.fig_time = _Figure(self.tr("waktu hitung"))
        for f in (
            self.fig_moves,
            self.fig_kurang,
            self.fig_lebih,
            self.fig_gap,
            self.fig_status,
            self.fig_time,
        ):
            figures.addWidget(f)
        figures.addStretch(1)
        sl.addLayout(figures)
        self.summary_line = hint()
        sl.addWidget(self.summary_line)
        root.addWidget(self.summary)

        self.empty = hint(
            self.tr(
                "Optimasi menyusun rencana mutasi yang menutup kekurangan pegawai menurut ABK "
                "dari jabatan yang kelebihan, tanpa membuat jabatan asal kurang, dengan pegawai "
                "yang memenuhi syarat jabatan tujuan. Pegawai yang tidak bersedia dan yang sudah "
                "dalam usulan tidak dipindahkan. Tekan “Hitung rencana”."
            )
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.empty, 1)

        self.results = QSplitter(Qt.Orientation.Vertical)
        top = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.move_search = QLineEdit()
        self.move_search.setObjectName("searchBox")
        self.move_search.setPlaceholderText(self.tr("Cari pegawai, jabatan atau OPD…"))
        self.move_search.setClearButtonEnabled(True)
        self.move_search.textChanged.connect(self.moves_proxy.set_search)
        bar.addWidget(self.move_search, 1)
        self.accept_button = QPushButton(self.tr("Terima"))
        self.accept_button.setToolTip(self.tr("Terima pemindahan terpilih (T)"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button = QPushButton(self.tr("Tolak"))
        self.reject_button.setToolTip(
            self.tr("Tolak pemindahan terpilih; hitung ulang mencari penggantinya (Delete)")
        )
        self.reject_button.clicked.connect(self.reject_selected)
        self.undecide_button = QPushButton(self.tr("Batalkan pilihan"))
        self.undecide_button.clicked.connect(self.undecide_selected)
        for b in (self.accept_button, self.reject_button, self.undecide_button):
            bar.addWidget(b)
        ll.addLayout(bar)
        mv = MoveTableModel
        self.move_table = make_table(
            self.moves_proxy,
            multi=True,
            stretch=(mv.ASAL, mv.TUJUAN, mv.ALASAN),
            widths={mv.TERIMA: 56, mv.TOLAK: 46, mv.NAMA: 170, mv.ATURAN: 96},
        )
        self.move_table.setObjectName("moveTable")
        self.move_table.selectionModel().currentRowChanged.connect(self._on_move)
        self.move_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.move_table.customContextMenuRequested.connect(self._move_menu)
        ll.addWidget(self.move_table, 1)
        actions = QHBoxLayout()
        self.decision_label = hint()
        actions.addWidget(self.decision_label, 1)
        self.rerun_button = QPushButton(self.tr("Hitung ulang"))
        self.rerun_button.setToolTip(
            self.tr(
                "Hitung lagi tanpa pemindahan yang ditolak; yang diterima dipertahankan (dikunci)"
            )
        )
        self.rerun_button.clicked.connect(self.rerun)
        self.create_button = QPushButton(self.tr("Buat usulan dari yang diterima"))
        self.create_button.setObjectName("primaryButton")
        self.create_button.clicked.connect(self.create_proposals)
        actions.addWidget(self.rerun_button)
        actions.addWidget(self.create_button)
        ll.addLayout(actions)
        top.addWidget(left)

        self.explain = QTextBrowser()
        self.explain.setObjectName("moveExplanation")
        self.explain.setOpenLinks(False)
        self.explain.setMinimumWidth(330)
        top.addWidget(self.explain)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setSizes([820, 460])
        self.results.addWidget(top)

        self.lower_tabs = QTabWidget()
        self.lower_tabs.addTab(self._build_balance(), self.tr("Neraca sebelum dan sesudah"))
        self.skipped_table = make_table(
            self.skipped_proxy,
            widths={SkippedTableModel.NAMA: 260, SkippedTableModel.NIP: 180},
        )
        self.lower_tabs.addTab(self.skipped_table, self.tr("Tidak dipindahkan"))
        self.results.addWidget(self.lower_tabs)
        self.results.setStretchFactor(0, 3)
        self.results.setStretchFactor(1, 2)
        self.results.setSizes([380, 260])
        root.addWidget(self.results, 1)

        for text, key, slot in (
            (self.tr("Terima"), "T", self.accept_selected),
            (self.tr("Tolak"), "Delete", self.reject_selected),
        ):
            act = QAction(text, self)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(slot)
            self.move_table.addAction(act)

    def _build_balance(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Tingkat")))
        self.level_combo = QComboBox()
        self.level_combo.addItem(self.tr("Per OPD"), self.LEVEL_OPD)
        self.level_combo.addItem(self.tr("Per unit kerja"), self.LEVEL_UNIT)
        self.level_combo.addItem(self.tr("Per jabatan"), self.LEVEL_JABATAN)
        self.level_combo.currentIndexChanged.connect(self._on_level)
        bar.addWidget(self.level_combo)
        self.changed_box = QCheckBox(self.tr("Hanya yang berubah"))
        self.changed_box.toggled.connect(self._apply_balance_filter)
        bar.addWidget(self.changed_box)
        self.drill_label = QLabel()
        self.drill_label.setObjectName("hint")
        bar.addWidget(self.drill_label)
        self.drill_clear = QPushButton(self.tr("Semua OPD"))
        self.drill_clear.clicked.connect(self._clear_drill)
        bar.addWidget(self.drill_clear)
        bar.addStretch(1)
        self.balance_search = QLineEdit()
        self.balance_search.setPlaceholderText(self.tr("Cari OPD, unit atau jabatan…"))
        self.balance_search.setClearButtonEnabled(True)
        self.balance_search.textChanged.connect(self.balance_proxy.set_search)
        bar.addWidget(self.balance_search)
        lay.addLayout(bar)
        b = BalanceTableModel
        self.balance_table = make_table(
            self.balance_proxy,
            stretch=(b.NAMA, b.OPD),
            widths={**dict.fromkeys(range(b.SEBELUM, b.LEBIH_SESUDAH + 1), 76), b.KEBUTUHAN: 88},
        )
        self.balance_table.setObjectName("balanceTable")
        self.balance_table.doubleClicked.connect(self._drill)
        lay.addWidget(self.balance_table, 1)
        self.total_label = hint()
        self.total_label.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.total_label)
        return page

    # ---- options ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Offer the ABK years and scenarios (a plan already shown stays until recomputed)."""
        wanted = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        try:
            years = [y.tahun for y in self.services.abk.years()]
        except DomainError:
            years = []
        for y in sorted(years, reverse=True):
            self.year_combo.addItem(str(y), y)
        if not years:
            self.year_combo.addItem(self.tr("belum ada"), None)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(wanted), 0))
        self.year_combo.blockSignals(False)
        self._fill_scenarios()
        self.run_button.setEnabled(bool(years) and not self.busy())

    @Slot()
    def _fill_scenarios(self) -> None:
        wanted = self.scenario_combo.currentData()
        self.scenario_combo.clear()
        self.scenario_combo.addItem(self.tr("tanpa skenario"), None)
        year = self.year_combo.currentData()
        if year is not None:
            try:
                infos = self.services.abk.scenarios(year)
            except DomainError:
                infos = []
            for info in infos:
                self.scenario_combo.addItem(info.nama, info.nama)
        self.scenario_combo.setCurrentIndex(max(self.scenario_combo.findData(wanted), 0))

    def options(self) -> PlanOptions:
        """The options as set on screen; raises ValueError for a TMT that is not a date."""
        tmt: date | None = self.tmt.value()
        return PlanOptions(
            tahun=self.year_combo.currentData(),
            skenario=self.scenario_combo.currentData(),
            tmt=tmt,
            max_moves=self.max_moves.value() or None,
            allow_unwilling=self.unwilling_box.isChecked(),
            min_kecocokan=self.min_match.value() / 100,
            jenjang_sama=self.jenjang_box.isChecked(),
            sertakan_struktural=self.struktural_box.isChecked(),
            dikecualikan=frozenset(self.excluded),
            ditolak=frozenset(self.rejected),
        )

    # ---- running ---------------------------------------------------------------------------
    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    @Slot()
    def run(self) -> None:
        """A fresh plan: earlier rejections and exclusions are forgotten."""
        self.rejected.clear()
        self.excluded.clear()
        try:
            opts = self.options()
        except ValueError:
            self.dialogs.error(
                self, self.tr("Rencana mutasi"), self.tr("TMT bukan tanggal yang sah.")
            )
            return
        self._start(opts, {})

    @Slot()
    def rerun(self) -> None:
        """Re-plan honouring the verdicts: rejected moves are forbidden, accepted ones kept."""
        if self.plan is None:
            return
        for m in self.moves.chosen(Keputusan.TOLAK):
            self.rejected.add((m.pegawai_id, m.tujuan.jabatan_id))
        kept = [m for m in self.moves.chosen(Keputusan.TERIMA) if m.id not in self.moves.created]
        opts = replace(
            self.plan.options,
            ditolak=frozenset(self.rejected),
            dikecualikan=frozenset(self.excluded),
            terkunci=tuple((m.pegawai_id, m.tujuan.jabatan_id) for m in kept),
        )
        self._start(opts, {m.id: Keputusan.TERIMA for m in kept})

    def _start(self, opts: PlanOptions, decisions: dict[str, Keputusan]) -> None:
        if self.busy():
            return
        self._pending_decisions = decisions
        planning = self.planning

        def job(progress: Progress) -> PlanResult:
            return planning.recommend(opts, progress)

        self.task = Task(
            job,
            title=self.tr("Rencana mutasi"),
            label=self.tr("Menghitung rencana mutasi…"),
            parent=self,
        )
        self.task.finished.connect(self._on_plan)
        self.task.failed.connect(self._on_failed)
        self.task.cancelled.connect(self._on_cancelled)
        self.run_button.setEnabled(False)
        self.rerun_button.setEnabled(False)
        self.create_button.setEnabled(False)
        self.statusMessage.emit(self.tr("Menghitung rencana mutasi…"))
        self.task.start()

    @Slot(object)
    def _on_plan(self, plan: PlanResult) -> None:
        self.run_button.setEnabled(True)
        self._show_plan(plan, self._pending_decisions)
        self.statusMessage.emit(
            self.tr("Rencana selesai: {n} pemindahan, kekurangan {a} → {b}.").format(
                n=fmt_int(len(plan.moves)),
                a=fmt_int(plan.kekurangan_sebelum),
                b=fmt_int(plan.kekurangan_sesudah),
            )
        )

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.run_button.setEnabled(True)
        self._update_buttons()
        text = error_text(error) if isinstance(error, DomainError) else str(error)
        self.dialogs.error(self, self.tr("Rencana mutasi tidak dapat dihitung"), text)

    @Slot()
    def _on_cancelled(self) -> None:
        self.run_button.setEnabled(True)
        self._update_buttons()
        self.statusMessage.emit(self.tr("Perhitungan rencana dibatalkan."))

    # ---- showing ---------------------------------------------------------------------------
    def _show_plan(
        self, plan: PlanResult | None, decisions: dict[str, Keputusan] | None = None
    ) -> None:
        self.plan = plan
        self._units_of = None
        self.summary.setVisible(plan is not None)
        self.results.setVisible(plan is not None)
        self.empty.setVisible(plan is None)
        if plan is None:
            self.moves.set_plan_moves([])
            self.balance.set_level("", [])
            self.skipped.set_rows([])
            self._update_buttons()
            return
        self.moves.set_plan_moves(plan.moves, decisions)
        self.skipped.set_rows(plan.dilewati)
        self.lower_tabs.setTabText(
            1, self.tr("Tidak dipindahkan ({n})").format(n=fmt_int(len(plan.dilewati)))
        )
        self._show_summary(plan)
        self._on_level()
        if self.moves_proxy.rowCount():
            self.move_table.selectRow(0)
        else:
            self.explain.setHtml(
                "<p>"
                + html.escape(self.tr("Tidak ada pemindahan yang dapat menutup kekurangan."))
                + "</p>"
            )
        self._update_buttons()

    def _show_summary(self, plan: PlanResult) -> None:
        locale = QLocale()
        self.fig_moves.show_value(fmt_int(len(plan.moves)))
        self.fig_kurang.show_value(
            _arrow(plan.kekurangan_sebelum, plan.kekurangan_sesudah, SHORTAGE),
            self.tr("Jumlah kekurangan pegawai per jabatan menurut ABK"),
        )
        self.fig_lebih.show_value(
            _arrow(plan.kelebihan_sebelum, plan.kelebihan_sesudah, WARNING),
            self.tr("Jumlah kelebihan pegawai per jabatan menurut ABK"),
        )
        gap = locale.toString(plan.gap * 100, "f", 2) + " %"
        self.fig_gap.show_value(
            gap,
            self.tr("0 % berarti terbukti optimal; batas bawah {bound}").format(
                bound=locale.toString(plan.bound, "f", 0)
            ),
        )
        status = self.tr("optimal") if plan.status == "optimal" else plan.status
        colour = BALANCED if plan.status == "optimal" else WARNING
        self.fig_status.show_value(
            f'<span style="color:{colour}">{html.escape(status)}</span>',
            self.tr("Metode {method}").format(method=plan.method.upper()),
        )
        seconds = plan.stats.get("detik_total", 0.0)
        self.fig_time.show_value(locale.toString(seconds, "f", 2) + self.tr(" detik"))
        parts = [
            self.tr("Rencana {id}").format(id=plan.id),
            self.tr("ABK {tahun}").format(tahun=plan.tahun)
            + (f" · {plan.skenario}" if plan.skenario else ""),
            self.tr("TMT {tanggal}").format(tanggal=fmt_date(plan.tmt)),
            self.tr("objektif {obj} (batas {bound}), metode {method}").format(
                obj=locale.toString(plan.objective, "f", 0),
                bound=locale.toString(plan.bound, "f", 0),
                method=plan.method.upper(),
            ),
        ]
        if plan.usulan_terbuka:
            parts.append(
                self.tr("{n} usulan yang berjalan dihitung sebagai sudah direncanakan").format(
                    n=fmt_int(plan.usulan_terbuka)
                )
            )
        if self.rejected or self.excluded:
            parts.append(
                self.tr("{n} pemindahan ditolak, {m} pegawai dikecualikan").format(
                    n=fmt_int(len(self.rejected)), m=fmt_int(len(self.excluded))
                )
            )
        self.summary_line.setText(" · ".join(parts))
        t = plan.balance.total
        self.total_label.setText(
            self.tr(
                "Seluruh jabatan ber-ABK: kebutuhan {keb}, terisi {a} → {b}, kurang {k}, lebih {l}."
            ).format(
                keb=fmt_int(t.kebutuhan),
                a=fmt_int(t.sebelum),
                b=fmt_int(t.sesudah),
                k=_arrow(t.kurang_sebelum, t.kurang_sesudah, SHORTAGE),
                l=_arrow(t.lebih_sebelum, t.lebih_sesudah, WARNING),
            )
        )

    @Slot()
    def _on_level(self) -> None:
        if self.plan is None:
            return
        level = self.level_combo.currentData()
        b = self.plan.balance
        if level == self.LEVEL_OPD:
            self.balance.set_level(self.tr("OPD"), b.opd)
            self.balance_table.hideColumn(BalanceTableModel.OPD)
        elif level == self.LEVEL_UNIT:
            self.balance.set_level(self.tr("Unit kerja"), b.unit)
            self.balance_table.showColumn(BalanceTableModel.OPD)
        else:
            self.balance.set_level(self.tr("Jabatan"), b.jabatan, self._position_units())
            self.balance_table.showColumn(BalanceTableModel.OPD)
        if level == self.LEVEL_OPD:
            self._drill_opd = None
        self._apply_balance_filter()

    def _position_units(self) -> dict[int, str]:
        """Position id -> unit name, so same-named positions of one OPD can be told apart."""
        if self._units_of is None:
            self._units_of = {
                p.id: u.nama
                for opd in self.services.organisation.tree()
                for root in opd.units
                for u in root.walk()
                for p in u.positions
            }
        return self._units_of

    @Slot()
    def _apply_balance_filter(self) -> None:
        only_changed = self.changed_box.isChecked()
        opd = self._drill_opd

        def keep(row: BalanceRow) -> bool:
            if only_changed and not (row.masuk or row.keluar):
                return False
            return opd is None or row.opd == opd

        self.balance_proxy.set_predicate(keep if (only_changed or opd) else None)
        self.drill_label.setText(self.tr("OPD: {nama}").format(nama=opd) if opd else "")
        self.drill_label.setVisible(opd is not None)
        self.drill_clear.setVisible(opd is not None)

    @Slot(QModelIndex)
    def _drill(self, index: QModelIndex) -> None:
        """Double-click an OPD: its positions; double-click a unit: the positions of its OPD."""
        row = self.balance_proxy.row_at(index.row())
        if row is None or self.level_combo.currentData() == self.LEVEL_JABATAN:
            return
        self._drill_opd = row.opd or row.nama
        self.level_combo.blockSignals(True)
        self.level_combo.setCurrentIndex(self.level_combo.findData(self.LEVEL_JABATAN))
        self.level_combo.blockSignals(False)
        self.balance.set_level(
            self.tr("Jabatan"),
            self.plan.balance.jabatan if self.plan else (),
            self._position_units(),
        )
        self.balance_table.showColumn(BalanceTableModel.OPD)
        self._apply_balance_filter()

    @Slot()
    def _clear_drill(self) -> None:
        self._drill_opd = None
        self._apply_balance_filter()

    @Slot(QModelIndex, QModelIndex)
    def _on_move(self, current: QModelIndex, _previous: QModelIndex) -> None:
        move = self.moves_proxy.row_at(current.row()) if current.isValid() else None
        self.explain.setHtml(self.explanation(move) if move is not None else "")

    def explanation(self, m: PlanMove) -> str:
        """Everything the plan knows about one move, as the details pane shows it."""
        e = html.escape
        out = [f"<h3 style='margin-bottom:2px'>{e(m.nama)}</h3>"]
        facts = [format_nip(m.nip)]
        if m.golongan:
            facts.append(e(m.golongan))
        if m.pendidikan:
            facts.append(e(m.pendidikan))
        out.append(f"<p style='color:#5b6876'>{' · '.join(facts)}</p>")
        out.append(
            "<table cellspacing='0' cellpadding='2'>"
            f"<tr><td><b>{e(self.tr('Dari'))}</b></td><td>{e(m.asal.teks)}</td></tr>"
            f"<tr><td><b>{e(self.tr('Ke'))}</b></td><td>{e(m.tujuan.teks)}</td></tr></table>"
        )
        if m.id in self.moves.created:
            out.append(
                f"<p style='color:{BALANCED}'>"
                + e(
                    self.tr("Sudah dibuat menjadi usulan #{id}.").format(
                        id=self.moves.created[m.id]
                    )
                )
                + "</p>"
            )
        elif m.terkunci:
            out.append(
                "<p>" + e(self.tr("Diterima pada perhitungan sebelumnya (dikunci).")) + "</p>"
            )
        out.append(f"<p><b>{e(self.tr('Mengapa pemindahan ini'))}</b></p><ul>")
        out.extend(f"<li>{e(a)}</li>" for a in m.alasan)
        out.append("</ul>")
        out.append(f"<p><b>{e(self.tr('Pemeriksaan aturan'))}</b></p>")
        if m.aturan:
            out.append("<ul>")
            for r in sort_results(m.aturan):
                colour = SEVERITY_COLOURS[r.severity]
                out.append(
                    f"<li><span style='color:{colour}'>● {e(tr_label(r.severity.label))}</span>: "
                    f"{e(tr_message(r.code, dict(r.params)))}</li>"
                )
            out.append("</ul>")
            if m.peringatan:
                out.append(
                    "<p style='color:#5b6876'>"
                    + e(
                        self.tr(
                            "Peringatan perlu alasan tertulis sebelum usulan diverifikasi; "
                            "berikan di tab Usulan."
                        )
                    )
                    + "</p>"
                )
        else:
            out.append("<p>" + e(self.tr("Tidak ada temuan: semua aturan terpenuhi.")) + "</p>")
        out.append(
            "<p style='color:#5b6876'>"
            + e(
                self.tr(
                    "Kecocokan kompetensi {p} %; biaya dalam model {biaya} (makin kecil makin "
                    "diutamakan)."
                ).format(p=round(m.kecocokan * 100), biaya=fmt_int(m.biaya))
            )
            + "</p>"
        )
        return "".join(out)

    # ---- verdicts --------------------------------------------------------------------------
    def _selected_moves(self) -> list[PlanMove]:
        rows = sorted({i.row() for i in self.move_table.selectionModel().selectedRows()})
        found = [self.moves_proxy.row_at(r) for r in rows]
        return [m for m in found if m is not None]

    def _decide_selected(self, verdict: Keputusan | None) -> None:
        for m in self._selected_moves():
            self.moves.decide(m.id, verdict)

    @Slot()
    def accept_selected(self) -> None:
        self._decide_selected(Keputusan.TERIMA)

    @Slot()
    def reject_selected(self) -> None:
        self._decide_selected(Keputusan.TOLAK)

    @Slot()
    def undecide_selected(self) -> None:
        self._decide_selected(None)

    @Slot()
    def exclude_selected(self) -> None:
        """Leave these people where they are in the next plan (every move of theirs)."""
        for m in self._selected_moves():
            if m.id not in self.moves.created:
                self.excluded.add(m.pegawai_id)
                self.moves.decide(m.id, Keputusan.TOLAK)

    @Slot(QPoint)
    def _move_menu(self, pos: QPoint) -> None:
        index = self.move_table.indexAt(pos)
        if index.isValid() and not self.move_table.selectionModel().isRowSelected(index.row()):
            self.move_table.selectRow(index.row())
        menu = QMenu(self)
        for text, slot in (
            (self.tr("Terima"), self.accept_selected),
            (self.tr("Tolak"), self.reject_selected),
            (self.tr("Batalkan pilihan"), self.undecide_selected),
            (self.tr("Jangan pindahkan pegawai ini"), self.exclude_selected),
        ):
            act = menu.addAction(text)
            act.triggered.connect(slot)
        menu.popup(self.move_table.viewport().mapToGlobal(pos))

    @Slot()
    def _update_buttons(self) -> None:
        accepted = [
            m for m in self.moves.chosen(Keputusan.TERIMA) if m.id not in self.moves.created
        ]
        rejected = self.moves.chosen(Keputusan.TOLAK)
        total = len(self.moves.rows)
        self.create_button.setText(
            self.tr("Buat usulan dari yang diterima ({n})").format(n=fmt_int(len(accepted)))
        )
        idle = not self.busy()
        self.create_button.setEnabled(idle and bool(accepted))
        self.rerun_button.setEnabled(idle and self.plan is not None and bool(rejected or accepted))
        open_ = total - len(accepted) - len(rejected) - len(self.moves.created)
        self.decision_label.setText(
            self.tr(
                "{a} diterima · {r} ditolak · {o} belum diputuskan · {c} sudah diusulkan"
            ).format(
                a=fmt_int(len(accepted)),
                r=fmt_int(len(rejected)),
                o=fmt_int(max(open_, 0)),
                c=fmt_int(len(self.moves.created)),
            )
        )

    @Slot()
    def create_proposals(self) -> None:
        """Turn the accepted moves into draft proposals (source: optimiser), in one go."""
        if self.plan is None:
            return
        chosen = [m for m in self.moves.chosen(Keputusan.TERIMA) if m.id not in self.moves.created]
        if not chosen:
            return
        try:
            changes = self.planning.accept_moves(self.plan, [m.id for m in chosen])
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Usulan tidak dibuat"), exc)
            return
        made = {m.id: c.usulan.id for m, c in zip(chosen, changes, strict=True)}
        self.proposal_ids.extend(made.values())
        self.moves.mark_created(made)
        current = self.move_table.currentIndex()
        self._on_move(current, current)
        self.statusMessage.emit(
            self.tr("{n} usulan draf dibuat dari rencana; lihat tab Usulan.").format(
                n=fmt_int(len(made))
            )
        )
        self.changed.emit()
