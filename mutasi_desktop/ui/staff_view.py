"""The staff register (Pegawai): search, filters, the table and the detail panel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.golongan import ALL_PNS, ALL_PPPK
from mutasi_desktop.domain.jabatan import JenisJabatan
from mutasi_desktop.domain.pegawai import JenisPegawai, StatusPegawai
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.organisation import UnitChoice
from mutasi_desktop.services.staff import ChangeKind, StaffChange, StaffFilter, StaffRow
from mutasi_desktop.ui.dialogs import Dialogs, SaveChoice
from mutasi_desktop.ui.i18n import fmt_int, problem_text, tr_label
from mutasi_desktop.ui.staff_detail import StaffDetailPanel, merge_problems
from mutasi_desktop.ui.staff_io import StaffIo
from mutasi_desktop.ui.staff_table_model import StaffTableModel
from mutasi_desktop.ui.widgets import enum_or_none


class StaffRegisterView(QWidget):
    """Everything about finding and maintaining staff records."""

    statusMessage = Signal(str)
    countsChanged = Signal(int, int)

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.undo_stack: list[int] = []  # audit ids of this session's undoable changes
        self.model = StaffTableModel(self)
        self._current_id: int | None = None
        self.units: list[UnitChoice] = []
        self.io = StaffIo(self, services, dialogs, self.current_filter)
        self.io.statusMessage.connect(self.statusMessage)
        self.io.imported.connect(self._on_imported)
        self._build()
        self._build_actions()
        self.reload()

    # ---- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 12, 12, 8)

        search_row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Cari nama, NIP (boleh berspasi) atau jabatan…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        search_row.addWidget(self.search, 1)
        self.add_button = QPushButton(self.tr("Tambah pegawai"))
        self.add_button.setToolTip(self.tr("Tambah pegawai (Ctrl+N)"))
        self.add_button.clicked.connect(self.add_person)
        search_row.addWidget(self.add_button)
        self.import_button = QPushButton(self.tr("Impor…"))
        self.import_button.setToolTip(self.io.import_action.toolTip())
        self.import_button.clicked.connect(self.io.import_action.trigger)
        self.export_button = QPushButton(self.tr("Ekspor…"))
        self.export_button.setToolTip(self.io.export_action.toolTip())
        self.export_button.clicked.connect(self.io.export_action.trigger)
        search_row.addWidget(self.import_button)
        search_row.addWidget(self.export_button)
        root.addLayout(search_row)

        filters = QHBoxLayout()
        self.opd_filter = QComboBox()
        self.opd_filter.setMinimumWidth(180)
        self.opd_filter.currentIndexChanged.connect(self._on_opd_changed)
        self.unit_filter = QComboBox()
        self.unit_filter.setMinimumWidth(180)
        self.unit_filter.currentIndexChanged.connect(self.apply_filter)
        self.jenis_filter = QComboBox()
        self.jenis_filter.addItem(self.tr("Semua jenis"), None)
        for j in JenisPegawai:
            self.jenis_filter.addItem(j.value, j.value)
        self.jenis_filter.currentIndexChanged.connect(self.apply_filter)
        self.golongan_filter = QComboBox()
        self.golongan_filter.addItem(self.tr("Semua golongan"), None)
        for g in (*ALL_PNS, *ALL_PPPK):
            self.golongan_filter.addItem(g.kode if g.is_pppk is False else f"PPPK {g.kode}", g.kode)
        self.golongan_filter.currentIndexChanged.connect(self.apply_filter)
        self.jabatan_filter = QComboBox()
        self.jabatan_filter.addItem(self.tr("Semua jenis jabatan"), None)
        for jj in JenisJabatan:
            self.jabatan_filter.addItem(tr_label(jj.label), jj.value)
        self.jabatan_filter.currentIndexChanged.connect(self.apply_filter)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Semua status"), None)
        for s in StatusPegawai:
            self.status_filter.addItem(tr_label(s.label), s.value)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.inactive_filter = QCheckBox(self.tr("Tampilkan nonaktif"))
        self.inactive_filter.toggled.connect(self.apply_filter)
        self.reset_button = QPushButton(self.tr("Hapus filter"))
        self.reset_button.clicked.connect(self.reset_filters)
        for w in (
            self.opd_filter,
            self.unit_filter,
            self.jenis_filter,
            self.golongan_filter,
            self.jabatan_filter,
            self.status_filter,
        ):
            filters.addWidget(w)
        filters.addWidget(self.inactive_filter)
        filters.addWidget(self.reset_button)
        filters.addStretch(1)
        root.addLayout(filters)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView()
        self.table.setObjectName("staffTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(StaffTableModel.NAMA, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vh = self.table.verticalHeader()
        vh.setVisible(False)
        # Fixed row heights keep 50,000 rows instant: Qt never measures them.
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(26)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        for col, width in ((0, 170), (1, 230), (2, 55), (3, 220), (4, 200), (5, 170), (6, 60)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.doubleClicked.connect(self._focus_detail)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        left_lay.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        left_lay.addWidget(self.count_label)
        self.splitter.addWidget(left)

        self.detail = StaffDetailPanel(self.services)
        self.detail.saveRequested.connect(self.save)
        self.detail.setMinimumWidth(380)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 580])
        root.addWidget(self.splitter, 1)

    def _build_actions(self) -> None:
        def action(
            text: str,
            shortcut: QKeySequence | QKeySequence.StandardKey | str,
            slot: Callable[[], object],
        ) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.add_action = action(
            self.tr("Tambah pegawai"), QKeySequence.StandardKey.New, self.add_person
        )
        self.save_action = action(self.tr("Simpan"), QKeySequence.StandardKey.Save, self.save)
        self.undo_action = action(
            self.tr("Batalkan perubahan terakhir"), QKeySequence.StandardKey.Undo, self.undo
        )
        self.deactivate_action = action(
            self.tr("Nonaktifkan pegawai…"), QKeySequence(Qt.Key.Key_Delete), self.deactivate
        )
        self.reactivate_action = action(self.tr("Aktifkan kembali"), "", self.reactivate)
        self.find_action = action(self.tr("Cari"), QKeySequence.StandardKey.Find, self.focus_search)
        self.open_action = action(
            self.tr("Buka"), QKeySequence(Qt.Key.Key_Return), self._focus_detail
        )
        self.undo_action.setEnabled(False)
        # Delete and Enter belong to the table; in a text field they must keep editing text.
        for act in (self.deactivate_action, self.open_action):
            self.removeAction(act)
            self.table.addAction(act)
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    # ---- data -----------------------------------------------------------------------------
    @Slot(object)
    def _on_imported(self, _result: object) -> None:
        self.reload()

    def reload(self) -> None:
        """Read everything again (start-up, after an import or on request)."""
        self.model.set_rows(self.services.staff.all_rows())
        self.units = self.services.organisation.unit_choices()
        self._fill_opd_filter()
        self.detail.reload_choices(self.units)
        self.apply_filter()

    def _fill_opd_filter(self) -> None:
        current = self.opd_filter.currentData()
        self.opd_filter.blockSignals(True)
        self.opd_filter.clear()
        self.opd_filter.addItem(self.tr("Semua OPD"), None)
        for opd_id, nama in self.services.organisation.opd_choices():
            self.opd_filter.addItem(nama, opd_id)
        self.opd_filter.setCurrentIndex(max(self.opd_filter.findData(current), 0))
        self.opd_filter.blockSignals(False)
        self._fill_unit_filter()

    def _fill_unit_filter(self) -> None:
        opd_id = self.opd_filter.currentData()
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(self.tr("Semua unit"), None)
        if opd_id is not None:
            for u in self.units:
                if u.opd_id == opd_id:
                    self.unit_filter.addItem("   " * u.depth + u.path.split(" › ")[-1], u.id)
        self.unit_filter.blockSignals(False)
        self.unit_filter.setEnabled(opd_id is not None)

    @Slot()
    def _on_opd_changed(self) -> None:
        self._fill_unit_filter()
        self.apply_filter()

    def current_filter(self) -> StaffFilter:
        unit_id = self.unit_filter.currentData()
        return StaffFilter(
            search=self.search.text(),
            opd_id=self.opd_filter.currentData(),
            unit_ids=self.services.organisation.descendant_unit_ids(unit_id)
            if unit_id is not None
            else None,
            jenis_pegawai=enum_or_none(JenisPegawai, self.jenis_filter.currentData()),
            golongan=self.golongan_filter.currentData(),
            jenis_jabatan=enum_or_none(JenisJabatan, self.jabatan_filter.currentData()),
            status=enum_or_none(StatusPegawai, self.status_filter.currentData()),
            include_inactive=self.inactive_filter.isChecked(),
        )

    @Slot()
    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self._after_reset()

    def _after_reset(self) -> None:
        visible, total = self.model.rowCount(), self.model.total
        self.count_label.setText(
            self.tr("{visible} dari {total} pegawai").format(
                visible=fmt_int(visible), total=fmt_int(total)
            )
        )
        self.countsChanged.emit(visible, total)
        self._reselect()

    def _reselect(self) -> None:
        if self._current_id is None:
            return
        row = self.model.row_of(self._current_id)
        if row is None:
            return
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        index = self.model.index(row, 0)
        sm.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        sm.blockSignals(False)

    @Slot()
    def reset_filters(self) -> None:
        for combo in (
            self.opd_filter,
            self.jenis_filter,
            self.golongan_filter,
            self.jabatan_filter,
            self.status_filter,
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._fill_unit_filter()
        self.inactive_filter.blockSignals(True)
        self.inactive_filter.setChecked(False)
        self.inactive_filter.blockSignals(False)
        self.search.clear()
        self.apply_filter()

    def show_unit(self, opd_id: int, unit_id: int | None) -> None:
        """Open the register filtered to one OPD or unit (from the organisation view)."""
        self.reset_filters()
        self.opd_filter.setCurrentIndex(max(self.opd_filter.findData(opd_id), 0))
        if unit_id is not None:
            self.unit_filter.setCurrentIndex(max(self.unit_filter.findData(unit_id), 0))

    # ---- selection and editing ------------------------------------------------------------
    def _confirm_leave(self) -> bool:
        """Ask before unsaved edits are lost; False means stay."""
        if not self.detail.dirty:
            return True
        choice = self.dialogs.ask_save(
            self,
            self.tr("Perubahan belum disimpan"),
            self.tr("Data pegawai ini telah diubah. Simpan perubahan?"),
        )
        if choice is SaveChoice.CANCEL:
            return False
        if choice is SaveChoice.SAVE:
            return self.save()
        return True

    def can_close(self) -> bool:
        return self._confirm_leave()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is None or (row.id == self._current_id and not self.detail.is_new):
            return
        if not self._confirm_leave():
            self._reselect()
            return
        self.open_person(row.id)

    def open_person(self, pegawai_id: int) -> None:
        self._current_id = pegawai_id
        try:
            self.detail.load(self.services.staff.get(pegawai_id))
        except DomainError as exc:
            self.dialogs.error(self, self.tr("Pegawai"), problem_text(exc.problems[0]))
            return
        self._reselect()
        self._update_actions()

    def select_person(self, pegawai_id: int) -> None:
        self._current_id = pegawai_id
        row = self.model.row_of(pegawai_id)
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0))
        self.open_person(pegawai_id)

    @Slot()
    def _focus_detail(self) -> None:
        if self.detail.detail is not None:
            self.detail.tabs.setFocus()

    @Slot()
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @Slot()
    def add_person(self) -> None:
        if not self._confirm_leave():
            return
        unit_id = self.unit_filter.currentData()
        if unit_id is None and self.opd_filter.currentData() is not None:
            root = next(
                (
                    u.id
                    for u in self.units
                    if u.opd_id == self.opd_filter.currentData() and u.depth == 0
                ),
                None,
            )
            unit_id = root
        self._current_id = None
        self.table.clearSelection()
        self.detail.start_new(unit_id)
        self._update_actions()

    @Slot()
    def save(self) -> bool:
        """Validate and save the detail panel; True when saved (or nothing to save)."""
        if not self.detail.dirty:
            return True
        draft, unreadable = self.detail.draft()
        problems = merge_problems(
            unreadable,
            self.services.staff.check(draft, None if self.detail.is_new else self._current_id),
        )
        if any(p.is_error for p in problems):
            self.detail.show_problems(problems)
            return False
        try:
            if self.detail.is_new:
                change = self.services.staff.create(draft)
            else:
                assert self.detail.detail is not None
                change = self.services.staff.update(
                    self.detail.detail.id, draft, self.detail.detail.versi
                )
        except DomainError as exc:
            self.detail.show_problems(exc.problems)
            if not any(p.field for p in exc.problems):
                self.dialogs.error(self, self.tr("Tidak tersimpan"), problem_text(exc.problems[0]))
            return False
        self._apply_change(change)
        if change.kind is ChangeKind.UNCHANGED:
            self.statusMessage.emit(self.tr("Tidak ada perubahan."))
        else:
            self.statusMessage.emit(
                self.tr("Tersimpan: {nama}").format(
                    nama=change.row.nama_lengkap if change.row else ""
                )
            )
        return True

    def _apply_change(self, change: StaffChange) -> None:
        if change.row is not None:
            self.model.upsert(change.row)
        if change.undoable and change.audit_id is not None:
            self.undo_stack.append(change.audit_id)
        self._current_id = change.pegawai_id
        self._after_reset()
        self.detail.load(self.services.staff.get(change.pegawai_id))
        row = self.model.row_of(change.pegawai_id)
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0))
        self._update_actions()

    @Slot()
    def undo(self) -> None:
        if not self.undo_stack:
            self.statusMessage.emit(self.tr("Tidak ada perubahan yang dapat dibatalkan."))
            return
        if self.detail.dirty and not self.dialogs.confirm(
            self,
            self.tr("Batalkan perubahan"),
            self.tr("Isian yang belum disimpan akan hilang. Lanjutkan?"),
        ):
            return
        audit_id = self.undo_stack.pop()
        try:
            change = self.services.staff.undo(audit_id)
        except DomainError as exc:
            self.dialogs.error(
                self, self.tr("Tidak dapat dibatalkan"), problem_text(exc.problems[0])
            )
            self._update_actions()
            return
        self._apply_change(change)
        self.statusMessage.emit(
            self.tr("Perubahan dibatalkan: {nama}").format(
                nama=change.row.nama_lengkap if change.row else ""
            )
        )

    @Slot()
    def deactivate(self) -> None:
        row = self._selected_row()
        if row is None or not row.aktif:
            return
        reason = self.dialogs.ask_text(
            self,
            self.tr("Nonaktifkan pegawai"),
            self.tr(
                "Nonaktifkan {nama} ({nip})? Data tidak dihapus dan dapat diaktifkan "
                "kembali.\nAlasan:"
            ).format(nama=row.nama_lengkap, nip=row.nip),
        )
        if reason is None:
            return
        self._apply_change(self.services.staff.deactivate(row.id, reason))
        self.statusMessage.emit(self.tr("Dinonaktifkan: {nama}").format(nama=row.nama_lengkap))

    @Slot()
    def reactivate(self) -> None:
        row = self._selected_row()
        if row is None or row.aktif:
            return
        self._apply_change(self.services.staff.reactivate(row.id))

    def _selected_row(self) -> StaffRow | None:
        if self._current_id is None:
            return None
        pos = self.model.row_of(self._current_id)
        return self.model.row_at(pos) if pos is not None else None

    def _update_actions(self) -> None:
        row = self._selected_row()
        self.deactivate_action.setEnabled(row is not None and row.aktif)
        self.reactivate_action.setEnabled(row is not None and not row.aktif)
        self.undo_action.setEnabled(bool(self.undo_stack))

    @Slot(QPoint)
    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.add_action)
        menu.addSeparator()
        menu.addAction(self.deactivate_action)
        menu.addAction(self.reactivate_action)
        menu.addAction(self.undo_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))
