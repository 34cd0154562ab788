"""Mutasi: transfer proposals and their workflow, the optimiser, consultation (forums,
aspirations, objections), training needs after a move, and batches of approved proposals."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.mutasi_workflow import Langkah, StatusUsulan, Transisi
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.planning_types import UsulanInfo
from mutasi_desktop.ui.dialogs import Dialogs, SaveChoice
from mutasi_desktop.ui.i18n import fmt_int, tr_label
from mutasi_desktop.ui.planning_editor import ProposalEditor
from mutasi_desktop.ui.planning_forums import ConsultationPage
from mutasi_desktop.ui.planning_models import ProposalTableModel, RowsFilterProxy
from mutasi_desktop.ui.planning_optimiser import RecommendPage
from mutasi_desktop.ui.planning_pages import BatchPage, TrainingPage
from mutasi_desktop.ui.planning_widgets import (
    PLANNING_STYLE,
    FilterChips,
    hint,
    make_table,
    show_error,
)

# The decree steps (into a decree, out of it) belong to the Surat Keputusan screen, which takes
# them for a whole batch; here: the planning steps and carrying a move out.
PROPOSAL_STEPS = (
    Langkah.VERIFIKASI,
    Langkah.SETUJUI,
    Langkah.TOLAK,
    Langkah.KEMBALIKAN,
    Langkah.TARIK,
    Langkah.LAKSANAKAN,
)


class ProposalsPage(QWidget):
    """The proposal list (search, status chips, rule badges) beside the proposal editor."""

    statusMessage = Signal(str)
    changed = Signal()

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.planning = services.planning
        self.dialogs = dialogs
        self.model = ProposalTableModel(self)
        self.proxy = RowsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._current_id: int | None = None
        self._build()
        self._build_actions()
        self._update_steps()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Cari nama, NIP, jabatan, OPD atau kelompok…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("Usulan baru"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.setToolTip(self.tr("Buat usulan mutasi (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_proposal)
        self.reload_button = QPushButton(self.tr("Muat ulang"))
        self.reload_button.clicked.connect(self.reload)
        top.addWidget(self.reload_button)
        top.addWidget(self.new_button)
        root.addLayout(top)
        self.chips = FilterChips([(s.value, tr_label(s.label)) for s in StatusUsulan])
        self.chips.setToolTip(self.tr("Tampilkan hanya status yang dipilih (tanpa pilihan: semua)"))
        self.chips.changed.connect(self._on_chips)
        root.addWidget(self.chips)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        m = ProposalTableModel
        self.table = make_table(
            self.proxy,
            multi=True,
            stretch=(m.ASAL, m.TUJUAN),
            widths={
                m.NO: 40,
                m.NAMA: 170,
                m.STATUS: 90,
                m.ATURAN: 116,
                m.TMT: 88,
                m.KELOMPOK: 130,
                m.NIP: 150,
            },
        )
        self.table.setObjectName("proposalTable")
        for col in (m.KELOMPOK, m.NIP):  # searchable; the editor and the batch tab show them
            self.table.hideColumn(col)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.selectionModel().selectionChanged.connect(self._update_steps)
        self.table.doubleClicked.connect(self._open_current)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        ll.addWidget(self.table, 1)
        steps = QHBoxLayout()
        self.steps_label = QLabel(self.tr("Langkah:"))
        steps.addWidget(self.steps_label)
        self.step_buttons: dict[Langkah, QPushButton] = {}
        for langkah in PROPOSAL_STEPS:
            button = QPushButton(self._step_text(langkah))
            button.setProperty("langkah", langkah.value)
            button.clicked.connect(self._on_step_button)
            steps.addWidget(button)
            self.step_buttons[langkah] = button
        self.steps_hint = hint()
        steps.addWidget(self.steps_hint, 1)
        steps.addStretch(1)
        ll.addLayout(steps)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        ll.addWidget(self.count_label)
        self.splitter.addWidget(left)
        self.editor = ProposalEditor(self.services, self.dialogs)
        self.editor.saved.connect(self._on_saved)
        self.editor.statusMessage.connect(self.statusMessage)
        self.editor.setMinimumWidth(420)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 520])
        root.addWidget(self.splitter, 1)

    def _build_actions(self) -> None:
        def action(text: str, key: QKeySequence, slot: Callable[[], object]) -> QAction:
            act = QAction(text, self)
            act.setShortcut(key)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.new_action = action(
            self.tr("Usulan baru"), QKeySequence(QKeySequence.StandardKey.New), self.new_proposal
        )
        self.save_action = action(
            self.tr("Simpan usulan"), QKeySequence(QKeySequence.StandardKey.Save), self.editor.save
        )
        self.find_action = action(
            self.tr("Cari"), QKeySequence(QKeySequence.StandardKey.Find), self.focus_search
        )
        # Delete and Enter belong to the table; in a text field they keep editing text.
        self.withdraw_action = QAction(self.tr("Tarik kembali usulan…"), self)
        self.withdraw_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.withdraw_action.triggered.connect(self.withdraw)
        self.open_action = QAction(self.tr("Buka"), self)
        self.open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.open_action.triggered.connect(self._open_current)
        for act in (self.withdraw_action, self.open_action):
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.table.addAction(act)

    def _step_text(self, langkah: Langkah) -> str:
        texts = {
            Langkah.VERIFIKASI: self.tr("Verifikasi"),
            Langkah.SETUJUI: self.tr("Setujui"),
            Langkah.TOLAK: self.tr("Tolak…"),
            Langkah.KEMBALIKAN: self.tr("Kembalikan ke draf…"),
            Langkah.TARIK: self.tr("Tarik kembali…"),
            Langkah.LAKSANAKAN: self.tr("Tandai dilaksanakan…"),
            Langkah.MASUK_SK: self.tr("Masukkan ke SK"),
            Langkah.BATAL_SK: self.tr("Keluarkan dari SK…"),
        }
        return texts[langkah]

    # ---- data ------------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            rows = self.planning.proposals()
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Usulan mutasi"), exc)
            return
        self.model.set_rows(rows)
        self.editor.invalidate_choices()
        self._after_change()
        if self._current_id is not None and self.model.row_of(self._current_id) is not None:
            if not self.editor.dirty:
                self.editor.load(self._current_id)
        elif not self.editor.is_new:
            self._current_id = None
            self.editor.clear()

    def _after_change(self) -> None:
        counts: dict[str, int] = {}
        for r in self.model.rows:
            counts[r.status.value] = counts.get(r.status.value, 0) + 1
        self.chips.set_counts({s.value: counts.get(s.value, 0) for s in StatusUsulan})
        self.count_label.setText(
            self.tr("{n} dari {total} usulan").format(
                n=fmt_int(self.proxy.rowCount()), total=fmt_int(self.model.rowCount())
            )
        )
        self._reselect()
        self._update_steps()

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._after_change()

    @Slot()
    def _on_chips(self) -> None:
        wanted = self.chips.selected()
        self.proxy.set_predicate((lambda r: r.status.value in wanted) if wanted else None)
        self._after_change()

    def show_status(self, statuses: set[StatusUsulan]) -> None:
        """Filter the list to these states (e.g. from the home screen)."""
        self.chips.set_selected({s.value for s in statuses})

    def _reselect(self) -> None:
        if self._current_id is None:
            return
        row = self.proxy.proxy_row_of(self._current_id)
        if row is None:
            return
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        sm.setCurrentIndex(
            self.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        sm.blockSignals(False)

    def selected_rows(self) -> list[UsulanInfo]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        out = [self.proxy.row_at(r) for r in rows]
        return [r for r in out if r is not None]

    def select_ids(self, ids: Sequence[int]) -> None:
        sm = self.table.selectionModel()
        sm.clearSelection()
        first = True
        for uid in ids:
            row = self.proxy.proxy_row_of(uid)
            if row is None:
                continue
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            if first:
                sm.setCurrentIndex(self.proxy.index(row, 0), flags)
                first = False
            else:
                sm.select(self.proxy.index(row, 0), flags)
        self._update_steps()

    # ---- selection and the editor --------------------------------------------------------
    def _confirm_leave(self) -> bool:
        if not self.editor.dirty:
            return True
        choice = self.dialogs.ask_save(
            self,
            self.tr("Perubahan belum disimpan"),
            self.tr("Usulan ini telah diubah. Simpan perubahan?"),
        )
        if choice is SaveChoice.CANCEL:
            return False
        if choice is SaveChoice.SAVE:
            return self.editor.save()
        return True

    def can_close(self) -> bool:
        return self._confirm_leave()

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.proxy.row_at(current.row()) if current.isValid() else None
        if row is None or (row.id == self._current_id and not self.editor.is_new):
            return
        if not self._confirm_leave():
            self._reselect()
            return
        self._current_id = row.id
        self.editor.load(row.id)

    @Slot()
    def _open_current(self) -> None:
        if self.editor.detail is not None:
            target = self.editor.picker if self.editor.editable else self.editor.tabs
            target.setFocus()

    @Slot()
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @Slot()
    def new_proposal(self) -> None:
        if not self._confirm_leave():
            return
        self._current_id = None
        self.table.clearSelection()
        self.editor.start_new()
        self._update_steps()

    @Slot(object)
    def _on_saved(self, info: UsulanInfo) -> None:
        self.model.upsert(info)
        self._current_id = info.id
        self._after_change()
        row = self.proxy.proxy_row_of(info.id)
        if row is not None:
            self.table.scrollTo(self.proxy.index(row, 0))
        self.changed.emit()

    # ---- workflow --------------------------------------------------------------------------
    def _available(self, rows: Sequence[UsulanInfo]) -> dict[Langkah, list[Transisi]]:
        """Steps every selected proposal can take now, with each proposal's transition."""
        if not rows:
            return {}
        out: dict[Langkah, list[Transisi]] = {}
        for langkah in PROPOSAL_STEPS:
            found = [next((t for t in r.langkah if t.langkah is langkah), None) for r in rows]
            if all(t is not None for t in found):
                out[langkah] = [t for t in found if t is not None]
        return out

    @Slot()
    def _update_steps(self) -> None:
        rows = self.selected_rows()
        available = self._available(rows)
        for langkah, button in self.step_buttons.items():
            button.setVisible(langkah in available)
        self.withdraw_action.setEnabled(Langkah.TARIK in available)
        self.steps_label.setVisible(bool(available))
        if not rows:
            self.steps_hint.setText(self.tr("Pilih usulan untuk melihat langkah berikutnya."))
        elif not available:
            self.steps_hint.setText(self.tr("Tidak ada langkah bersama untuk usulan terpilih."))
        else:
            self.steps_hint.setText(
                self.tr("{n} usulan dipilih").format(n=fmt_int(len(rows))) if len(rows) > 1 else ""
            )

    @Slot()
    def _on_step_button(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.take_step(Langkah(str(button.property("langkah"))))

    @Slot()
    def withdraw(self) -> None:
        if Langkah.TARIK in self._available(self.selected_rows()):
            self.take_step(Langkah.TARIK)

    def take_step(self, langkah: Langkah) -> bool:
        """The step on every selected proposal (all or nothing); True when taken."""
        rows = self.selected_rows()
        available = self._available(rows)
        if langkah not in available:
            return False
        if not self._confirm_leave():
            return False
        names = ", ".join(r.nama for r in rows[:3]) + (" …" if len(rows) > 3 else "")
        what = self.tr("{langkah}: {n} usulan ({names})").format(
            langkah=tr_label(langkah.label), n=fmt_int(len(rows)), names=names
        )
        note: str | None = None
        if any(t.perlu_catatan for t in available[langkah]):
            note = self.dialogs.ask_text(
                self,
                tr_label(langkah.label),
                self.tr("{what}\n\nCatatan (wajib, dicatat dalam riwayat):").format(what=what),
            )
            if note is None:
                return False
        elif langkah in (Langkah.TARIK, Langkah.LAKSANAKAN):
            question = (
                self.tr("{what}\n\nUsulan yang ditarik tidak dapat diproses lagi. Lanjutkan?")
                if langkah is Langkah.TARIK
                else self.tr(
                    "{what}\n\nData pegawai akan diubah ke jabatan baru mulai TMT rencana. "
                    "Lanjutkan?"
                )
            )
            if not self.dialogs.confirm(self, tr_label(langkah.label), question.format(what=what)):
                return False
        try:
            changes = self.planning.step_many([r.id for r in rows], langkah, note)
        except DomainError as exc:
            show_error(self.dialogs, self, tr_label(langkah.label), exc)
            return False
        for c in changes:
            self.model.upsert(c.usulan)
        self._after_change()
        if self._current_id is not None:
            self.editor.load(self._current_id)
        self.statusMessage.emit(what)
        self.changed.emit()
        return True

    @Slot(QPoint)
    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.new_action)
        available = self._available(self.selected_rows())
        if available:
            menu.addSeparator()
        for langkah in available:
            act = menu.addAction(self._step_text(langkah))
            act.setData(langkah.value)
            act.triggered.connect(self._on_menu_step)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    @Slot()
    def _on_menu_step(self) -> None:
        act = self.sender()
        if isinstance(act, QAction):
            self.take_step(Langkah(str(act.data())))


class PlanningView(QWidget):
    """The Mutasi section: one tab per part of transfer planning."""

    statusMessage = Signal(str)

    USULAN, REKOMENDASI, KONSULTASI, PELATIHAN, KELOMPOK = range(5)

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self._loaded = False
        self._stale: set[int] = set()
        self.setStyleSheet(PLANNING_STYLE)
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 8)
        self.tabs = QTabWidget()
        root.addWidget(self.tabs, 1)
        self.proposals = ProposalsPage(services, dialogs)
        self.optimiser = RecommendPage(services, dialogs)
        self.consultation = ConsultationPage(services, dialogs)
        self.training = TrainingPage(services, dialogs)
        self.batches = BatchPage(services, dialogs)
        self.pages: list[
            ProposalsPage | RecommendPage | ConsultationPage | TrainingPage | BatchPage
        ]
        self.pages = [
            self.proposals,
            self.optimiser,
            self.consultation,
            self.training,
            self.batches,
        ]
        self.tabs.addTab(self.proposals, self.tr("Usulan"))
        self.tabs.addTab(self.optimiser, self.tr("Rekomendasi"))
        self.tabs.addTab(self.consultation, self.tr("Konsultasi dan keberatan"))
        self.tabs.addTab(self.training, self.tr("Pelatihan"))
        self.tabs.addTab(self.batches, self.tr("Kelompok"))
        for index, page in enumerate(self.pages):
            page.setProperty("tab", index)
        for signal in (
            self.proposals.statusMessage,
            self.optimiser.statusMessage,
            self.consultation.statusMessage,
            self.training.statusMessage,
            self.batches.statusMessage,
        ):
            signal.connect(self.statusMessage)
        for changed in (
            self.proposals.changed,
            self.optimiser.changed,
            self.consultation.changed,
            self.training.changed,
            self.batches.changed,
        ):
            changed.connect(self._on_page_changed)
        self.tabs.currentChanged.connect(self._on_tab)

    def showEvent(self, event: QShowEvent) -> None:
        # Read on first view, not at start-up: the register is what a clerk opens the app for.
        # Later views re-read the shown tab: decrees and staff edits change proposals too.
        if not self._loaded:
            self.reload()
        elif not event.spontaneous():
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Mark every list as outdated and re-read the one on screen (a plan stays)."""
        self._stale = {i for i in range(len(self.pages)) if i != self.REKOMENDASI}
        self._load_tab(self.tabs.currentIndex())

    def invalidate(self) -> None:
        """The data changed elsewhere (an import, a reload): reload now if shown, else later."""
        if self.isVisible():
            self.reload()
        else:
            self._loaded = False

    def reload(self) -> None:
        self._loaded = True
        self._stale = set(range(len(self.pages)))
        self._load_tab(self.tabs.currentIndex())

    def _load_tab(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            self.pages[index].reload()

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        if self._loaded:
            self._load_tab(index)

    @Slot()
    def _on_page_changed(self) -> None:
        sender = self.sender()
        index = sender.property("tab") if isinstance(sender, QWidget) else None
        self._stale = {i for i in range(len(self.pages)) if i != index}
        self._stale.discard(self.REKOMENDASI)  # a plan stays as computed until recomputed

    def can_close(self) -> bool:
        return self.proposals.can_close()

    def busy(self) -> bool:
        return self.optimiser.busy()
