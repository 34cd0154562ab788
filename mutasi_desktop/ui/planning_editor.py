"""The proposal editor: person, source and target, kind, reason, planned TMT, the live rule
check with an override per warning, and the proposal's history, training needs and objections."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.mutasi_rules import JenisMutasi, RuleResult
from mutasi_desktop.domain.mutasi_workflow import StatusUsulan
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.organisation import PositionChoice, UnitChoice
from mutasi_desktop.services.planning import MIN_ALASAN
from mutasi_desktop.services.planning_types import UsulanDetail, UsulanDraft, UsulanInfo
from mutasi_desktop.services.staff import StaffRow
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import tr_label, tr_message
from mutasi_desktop.ui.planning_models import (
    HistoryTableModel,
    ObjectionTableModel,
    TrainingTableModel,
    fmt_date,
    fmt_time,
)
from mutasi_desktop.ui.planning_widgets import (
    OverrideNote,
    PersonPicker,
    RuleList,
    error_text,
    hint,
    make_table,
    narrow_combo,
    section_title,
    show_error,
)
from mutasi_desktop.ui.widgets import DateField

CHECK_DELAY_MS = 150


class ProposalEditor(QWidget):
    """Edits one proposal (a new one, or a draft) or shows one further along the workflow."""

    saved = Signal(object)  # UsulanInfo after a create, update or override
    statusMessage = Signal(str)

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.planning = services.planning
        self.dialogs = dialogs
        self.detail: UsulanDetail | None = None
        self.is_new = False
        self.dirty = False
        self.pending: dict[str, str] = {}  # overrides typed for a proposal not saved yet
        self.results: list[RuleResult] = []
        self._units: list[UnitChoice] | None = None
        self._positions: dict[int, list[PositionChoice]] = {}
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.run_check)
        self._build()
        self.clear()

    # ---- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        root = QVBoxLayout(body)
        root.setContentsMargins(10, 0, 6, 6)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailSubtitle")
        self.subtitle.setWordWrap(True)
        root.addWidget(self.title)
        root.addWidget(self.subtitle)

        self.empty = hint(
            self.tr(
                "Pilih usulan di daftar untuk melihat pemeriksaan aturan dan riwayatnya, atau "
                "buat usulan baru (Ctrl+N)."
            )
        )
        root.addWidget(self.empty)

        self.body = QWidget()
        lay = QVBoxLayout(self.body)
        lay.setContentsMargins(0, 4, 0, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.picker = PersonPicker(self.services)
        self.picker.personChanged.connect(self._on_person)
        form.addRow(self.tr("Pegawai"), self.picker)
        self.asal_label = QLabel()
        self.asal_label.setWordWrap(True)
        form.addRow(self.tr("Jabatan sekarang"), self.asal_label)
        self.jenis = narrow_combo(QComboBox())
        for j in JenisMutasi:
            self.jenis.addItem(tr_label(j.label), j.value)
        self.jenis.currentIndexChanged.connect(self._on_jenis)
        form.addRow(self.tr("Jenis mutasi"), self.jenis)
        self.instansi = QLineEdit()
        self.instansi.setPlaceholderText(self.tr("Nama instansi asal atau tujuan"))
        self.instansi.textEdited.connect(self._edited)
        form.addRow(self.tr("Instansi lain"), self.instansi)
        self.unit = narrow_combo(QComboBox())
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        unit_edit = self.unit.lineEdit()
        assert unit_edit is not None
        unit_edit.setPlaceholderText(self.tr("Ketik nama unit kerja…"))
        self.unit.currentIndexChanged.connect(self._on_unit)
        form.addRow(self.tr("Unit tujuan"), self.unit)
        self.jabatan = narrow_combo(QComboBox())
        self.jabatan.currentIndexChanged.connect(self._edited)
        form.addRow(self.tr("Jabatan tujuan"), self.jabatan)
        self.tmt = DateField()
        self.tmt.textEdited.connect(self._edited)
        form.addRow(self.tr("TMT rencana"), self.tmt)
        self.alasan = QPlainTextEdit()
        self.alasan.setPlaceholderText(self.tr("Mengapa pegawai ini dipindahkan"))
        self.alasan.setFixedHeight(64)
        self.alasan.textChanged.connect(self._on_alasan)
        form.addRow(self.tr("Alasan"), self.alasan)
        lay.addLayout(form)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan usulan"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(self.tr("Simpan (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Batalkan perubahan"))
        self.revert_button.clicked.connect(self.revert)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)

        lay.addSpacing(6)
        lay.addWidget(section_title(self.tr("Pemeriksaan aturan")))
        self.rules = RuleList()
        self.rules.overrideRequested.connect(self.override)
        lay.addWidget(self.rules)

        lay.addSpacing(6)
        self.tabs = QTabWidget()
        self.history_model = HistoryTableModel(self)
        self.training_model = TrainingTableModel(self)
        self.objection_model = ObjectionTableModel(self)
        self.history_table = self._small_table(self.history_model)
        self.training_table = self._small_table(self.training_model)
        self.objection_table = self._small_table(self.objection_model)
        for col in (TrainingTableModel.NAMA, TrainingTableModel.USULAN):
            self.training_table.hideColumn(col)
        self.objection_table.hideColumn(ObjectionTableModel.NAMA)
        self.tabs.addTab(self.history_table, self.tr("Riwayat"))
        self.tabs.addTab(self.training_table, self.tr("Kebutuhan pelatihan"))
        self.tabs.addTab(self.objection_table, self.tr("Keberatan"))
        self.tabs.setMinimumHeight(190)
        lay.addWidget(self.tabs)
        root.addWidget(self.body)
        root.addStretch(1)

    def _small_table(
        self, model: HistoryTableModel | TrainingTableModel | ObjectionTableModel
    ) -> QTableView:
        table = make_table(model, sort=False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # ---- choices ---------------------------------------------------------------------------
    def _ensure_units(self) -> None:
        if self._units is not None:
            return
        self._units = self.services.organisation.unit_choices()
        with QSignalBlocker(self.unit):
            self.unit.clear()
            self.unit.addItem("", None)
            for u in self._units:
                self.unit.addItem(u.path, u.id)
            self.unit.setCurrentIndex(0)
        completer = QCompleter([u.path for u in self._units], self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(14)
        self.unit.setCompleter(completer)

    def invalidate_choices(self) -> None:
        """Units or positions may have changed (an import, a reload)."""
        self._units = None
        self._positions.clear()

    def _fill_positions(self, select: int | None = None) -> None:
        unit_id = self.unit.currentData()
        with QSignalBlocker(self.jabatan):
            self.jabatan.clear()
            self.jabatan.addItem("—", None)
            if unit_id is not None:
                if unit_id not in self._positions:
                    self._positions[unit_id] = self.services.organisation.positions(unit_id)
                for p in self._positions[unit_id]:
                    self.jabatan.addItem(p.nama, p.id)
            self.jabatan.setCurrentIndex(max(self.jabatan.findData(select), 0))

    def select_target(self, unit_id: int | None, jabatan_id: int | None) -> None:
        self._ensure_units()
        with QSignalBlocker(self.unit):
            self.unit.setCurrentIndex(max(self.unit.findData(unit_id), 0))
        self._show_unit_start()
        self._fill_positions(jabatan_id)
        self._edited()

    # ---- loading ---------------------------------------------------------------------------
    def clear(self) -> None:
        self.detail = None
        self.is_new = False
        self.dirty = False
        self.pending = {}
        self._timer.stop()
        self.title.setText(self.tr("Usulan mutasi"))
        self.subtitle.setText("")
        self.empty.show()
        self.body.hide()

    def start_new(self, person: StaffRow | None = None) -> None:
        self._ensure_units()
        self._loading = True
        self.detail = None
        self.is_new = True
        self.pending = {}
        self.title.setText(self.tr("Usulan mutasi baru"))
        self.subtitle.setText(
            self.tr("Aturan diperiksa setiap kali isian berubah; belum ada yang disimpan.")
        )
        self.picker.set_person(person)
        self._show_asal(person)
        self.jenis.setCurrentIndex(0)
        self.instansi.clear()
        with QSignalBlocker(self.unit):
            self.unit.setCurrentIndex(0)
        self._fill_positions()
        self.tmt.set_value(None)
        self.tmt.setPlaceholderText(self.tr("tgl 1 bulan depan"))
        self.alasan.setPlainText("")
        self.history_model.set_rows([])
        self.training_model.set_rows([])
        self.objection_model.set_rows([])
        self.tabs.hide()
        self._set_editable(True)
        self._loading = False
        self.dirty = person is not None
        self.empty.hide()
        self.body.show()
        self.run_check()
        self.picker.setFocus()

    def load(self, usulan_id: int) -> bool:
        """Open a stored proposal; False (and a message) when it cannot be read."""
        try:
            detail = self.planning.get(usulan_id)
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Usulan mutasi"), exc)
            return False
        self._ensure_units()
        self._loading = True
        self.detail = detail
        self.is_new = False
        self.pending = {}
        u = detail.usulan
        self.title.setText(self.tr("Usulan #{id} — {nama}").format(id=u.id, nama=u.nama))
        self._show_subtitle(u)
        try:
            person = self.services.staff.row(u.pegawai_id)
        except DomainError:
            person = None
        self.picker.set_person(person)
        self.asal_label.setText(u.asal.teks if u.asal else self.tr("— (dari instansi lain)"))
        self.jenis.setCurrentIndex(max(self.jenis.findData(u.jenis.value), 0))
        self.instansi.setText(u.instansi_lain or "")
        with QSignalBlocker(self.unit):
            self.unit.setCurrentIndex(
                max(self.unit.findData(u.tujuan.unit_id if u.tujuan else None), 0)
            )
        self._show_unit_start()
        self._fill_positions(u.tujuan.jabatan_id if u.tujuan else None)
        self.tmt.set_value(u.tmt_rencana)
        self.alasan.setPlainText(u.alasan or "")
        self.history_model.set_rows(detail.riwayat)
        self.training_model.set_rows(detail.pelatihan)
        self.objection_model.set_rows(detail.keberatan)
        self.tabs.setTabText(
            1, self.tr("Kebutuhan pelatihan ({n})").format(n=len(detail.pelatihan))
        )
        self.tabs.setTabText(2, self.tr("Keberatan ({n})").format(n=len(detail.keberatan)))
        self.tabs.show()
        self._set_editable(u.status.dapat_diubah)
        self._loading = False
        self.dirty = False
        self.empty.hide()
        self.body.show()
        self._show_results(list(detail.aturan))
        return True

    def _show_subtitle(self, u: UsulanInfo) -> None:
        bits = [
            tr_label(u.status.label),
            tr_label(u.sumber.label),
            self.tr("dibuat {waktu} oleh {oleh}").format(
                waktu=fmt_time(u.dibuat_pada), oleh=u.dibuat_oleh
            ),
        ]
        if u.batch_nama:
            bits.append(self.tr("kelompok “{nama}”").format(nama=u.batch_nama))
        if u.tmt_rencana:
            bits.append(self.tr("TMT {tanggal}").format(tanggal=fmt_date(u.tmt_rencana)))
        self.subtitle.setText(" · ".join(bits))

    def _show_asal(self, person: StaffRow | None) -> None:
        if person is None:
            self.asal_label.setText("")
            return
        where = [x for x in (person.jabatan_nama, person.unit_nama, person.opd_nama) if x]
        self.asal_label.setText(", ".join(where) or self.tr("— (belum menduduki jabatan)"))

    def _set_editable(self, editable: bool) -> None:
        for w in (self.picker, self.jenis, self.unit, self.jabatan, self.tmt):
            w.setEnabled(editable)
        self.alasan.setReadOnly(not editable)
        self.save_button.setVisible(editable)
        self.save_button.setText(
            self.tr("Simpan usulan") if self.is_new else self.tr("Simpan perubahan")
        )
        self.revert_button.setVisible(editable and not self.is_new)
        self._apply_jenis()

    @property
    def editable(self) -> bool:
        return self.is_new or (self.detail is not None and self.detail.usulan.status.dapat_diubah)

    # ---- edits -----------------------------------------------------------------------------
    @Slot(object)
    def _on_person(self, person: StaffRow | None) -> None:
        self._show_asal(person)
        self._edited()

    @Slot()
    def _on_jenis(self) -> None:
        self._apply_jenis()
        self._edited()

    def _apply_jenis(self) -> None:
        jenis = JenisMutasi(self.jenis.currentData())
        editable = self.editable
        self.instansi.setEnabled(editable and jenis.antar_instansi)
        self.unit.setEnabled(editable and jenis.punya_tujuan)
        self.jabatan.setEnabled(editable and jenis.punya_tujuan)

    @Slot()
    def _on_unit(self) -> None:
        self._show_unit_start()
        self._fill_positions()
        self._edited()

    def _show_unit_start(self) -> None:
        """Long unit paths: show where they begin (the OPD), the whole path as a tooltip."""
        edit = self.unit.lineEdit()
        if edit is not None:
            edit.setCursorPosition(0)
        self.unit.setToolTip(self.unit.currentText())

    @Slot()
    def _on_alasan(self) -> None:
        if not self.alasan.isReadOnly():
            self._edited()

    @Slot()
    def _edited(self) -> None:
        if self._loading or not self.editable:
            return
        self.dirty = True
        self._timer.start()

    def draft(self) -> UsulanDraft | None:
        """The proposal as typed; None without a person. Raises ValueError for a bad TMT."""
        person = self.picker.person
        if person is None:
            return None
        jenis = JenisMutasi(self.jenis.currentData())
        asal_id = None
        if self.detail is not None and self.detail.usulan.asal is not None:
            asal_id = self.detail.usulan.asal.jabatan_id
        tmt: date | None = self.tmt.value()
        return UsulanDraft(
            pegawai_id=person.id,
            jabatan_tujuan_id=self.jabatan.currentData() if jenis.punya_tujuan else None,
            jenis=jenis,
            jabatan_asal_id=asal_id,
            alasan=self.alasan.toPlainText().strip() or None,
            tmt_rencana=tmt,
            instansi_lain=self.instansi.text().strip() or None,
        )

    # ---- rule check ------------------------------------------------------------------------
    @Slot()
    def run_check(self) -> None:
        """Check the rules on what is typed now (the service's live check, nothing saved)."""
        self._timer.stop()
        if not self.editable:
            if self.detail is not None:
                self._show_results(list(self.detail.aturan))
            return
        try:
            d = self.draft()
        except ValueError:
            self.rules.set_message(
                self.tr("TMT rencana bukan tanggal yang sah (contoh: 01-12-2026)."), error=True
            )
            self.save_button.setEnabled(False)
            return
        if d is None:
            self.results = []
            self.rules.set_message(
                self.tr("Pilih pegawai dan jabatan tujuan untuk memeriksa aturan.")
            )
            self.save_button.setEnabled(False)
            return
        try:
            found = self.planning.check(
                d, usulan_id=self.detail.usulan.id if self.detail is not None else None
            )
        except DomainError as exc:
            self.results = []
            self.rules.set_message(error_text(exc), error=True)
            self.save_button.setEnabled(False)
            return
        self._show_results(found)

    def _notes(self) -> dict[str, OverrideNote]:
        notes: dict[str, OverrideNote] = {}
        if self.detail is not None:
            for code, p in self.detail.usulan.pengabaian.items():
                notes[code] = OverrideNote(p.alasan, p.oleh, p.waktu)
        for code, text in self.pending.items():
            notes[code] = OverrideNote(text)
        return notes

    def _show_results(self, results: list[RuleResult]) -> None:
        self.results = results
        status = self.detail.usulan.status if self.detail is not None else StatusUsulan.DRAF
        self.rules.set_results(results, self._notes(), can_override=not status.final)
        blocked = any(r.blocks for r in results)
        self.save_button.setEnabled(
            self.picker.person is not None and not blocked and (self.is_new or self.dirty)
        )
        self.save_button.setToolTip(
            self.tr("Aturan yang menghalangi harus diselesaikan dulu")
            if blocked
            else self.tr("Simpan (Ctrl+S)")
        )

    # ---- writes ----------------------------------------------------------------------------
    @Slot(str)
    def override(self, code: str) -> bool:
        """Ask a written reason for one warning; True when it was recorded."""
        rule = next((r for r in self.results if r.code == code), None)
        if rule is None:
            return False
        text = self.dialogs.ask_text(
            self,
            self.tr("Alasan mengabaikan peringatan"),
            self.tr(
                "{pesan}\n\nTuliskan alasan melanjutkan usulan ini (paling sedikit {min} "
                "karakter). Alasan, nama Anda dan waktunya dicatat dalam jejak audit."
            ).format(pesan=tr_message(rule.code, dict(rule.params)), min=MIN_ALASAN),
        )
        if text is None:
            return False
        if self.is_new:
            reason = " ".join(text.split())
            if len(reason) < MIN_ALASAN:
                self.dialogs.error(
                    self,
                    self.tr("Alasan terlalu pendek"),
                    tr_message("mutasi.alasan_wajib", {"aturan": code, "min": MIN_ALASAN}),
                )
                return False
            self.pending[code] = reason
            self._show_results(self.results)
            return True
        assert self.detail is not None
        try:
            change = self.planning.override(
                self.detail.usulan.id, code, text, expected_versi=self.detail.usulan.versi
            )
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Alasan tidak diterima"), exc)
            return False
        dirty = self.dirty
        self.detail = self.planning.get(change.usulan.id)
        self._show_subtitle(self.detail.usulan)
        self.history_model.set_rows(self.detail.riwayat)
        if dirty:
            self.run_check()
        else:
            self._show_results(list(self.detail.aturan))
        self.dirty = dirty
        self.saved.emit(change.usulan)
        self.statusMessage.emit(self.tr("Alasan dicatat untuk {kode}.").format(kode=code))
        return True

    @Slot()
    def save(self) -> bool:
        """Create or update the proposal; True when saved (or nothing to save)."""
        if not self.editable:
            return True
        try:
            d = self.draft()
        except ValueError:
            self.dialogs.error(
                self,
                self.tr("Tidak tersimpan"),
                self.tr("TMT rencana bukan tanggal yang sah (contoh: 01-12-2026)."),
            )
            return False
        if d is None:
            self.dialogs.error(self, self.tr("Tidak tersimpan"), self.tr("Pilih pegawai dulu."))
            return False
        try:
            if self.is_new:
                change = self.planning.create(d, self.pending)
            else:
                assert self.detail is not None
                change = self.planning.update(self.detail.usulan.id, d, self.detail.usulan.versi)
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Tidak tersimpan"), exc)
            return False
        self.load(change.usulan.id)
        self.saved.emit(change.usulan)
        self.statusMessage.emit(
            self.tr("Usulan #{id} tersimpan: {nama}").format(
                id=change.usulan.id, nama=change.usulan.nama
            )
        )
        return True

    @Slot()
    def revert(self) -> None:
        if self.detail is not None:
            self.load(self.detail.usulan.id)
        elif self.is_new:
            self.clear()
