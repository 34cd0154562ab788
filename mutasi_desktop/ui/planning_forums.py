"""Konsultasi: consultation forums with the aspirations voiced there, and objections against
decrees with their two deadlines (14 days to file, 21 to answer), overdue ones in red."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.mutasi_workflow import (
    BATAS_JAWABAN_HARI,
    BATAS_PENGAJUAN_HARI,
    StatusKeberatan,
    Tenggat,
)
from mutasi_desktop.domain.staff_record import SIKAP_ASPIRASI, AspirasiItem
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.planning_types import (
    ForumDraft,
    ForumInfo,
    KeberatanDraft,
    KeberatanInfo,
)
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import fmt_int, tr_label
from mutasi_desktop.ui.planning_models import (
    AspirationTableModel,
    ForumTableModel,
    ObjectionTableModel,
    RowsFilterProxy,
    fmt_date,
)
from mutasi_desktop.ui.planning_widgets import (
    FilterChips,
    PersonPicker,
    hint,
    make_table,
    narrow_combo,
    section_title,
    show_error,
)
from mutasi_desktop.ui.style import SHORTAGE
from mutasi_desktop.ui.widgets import DateField


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


class ConsultationPage(QWidget):
    statusMessage = Signal(str)
    changed = Signal()

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.planning = services.planning
        self.dialogs = dialogs
        self.forum: ForumInfo | None = None
        self.objection: KeberatanInfo | None = None
        self.forum_model = ForumTableModel(self)
        self.forum_proxy = RowsFilterProxy(self)
        self.forum_proxy.setSourceModel(self.forum_model)
        self.aspiration_model = AspirationTableModel(self)
        self.aspiration_proxy = RowsFilterProxy(self)
        self.aspiration_proxy.setSourceModel(self.aspiration_model)
        self.objection_model = ObjectionTableModel(self)
        self.objection_proxy = RowsFilterProxy(self)
        self.objection_proxy.setSourceModel(self.objection_model)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 8, 0, 0)
        self.inner = QTabWidget()
        self.inner.setDocumentMode(True)
        self.inner.addTab(self._build_forums(), self.tr("Forum dan aspirasi"))
        self.inner.addTab(self._build_objections(), self.tr("Keberatan"))
        root.addWidget(self.inner)

    # ---- forums ----------------------------------------------------------------------------
    def _build_forums(self) -> QWidget:
        page = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.forum_search = QLineEdit()
        self.forum_search.setObjectName("searchBox")
        self.forum_search.setPlaceholderText(self.tr("Cari forum, tempat atau OPD…"))
        self.forum_search.setClearButtonEnabled(True)
        self.forum_search.textChanged.connect(self.forum_proxy.set_search)
        bar.addWidget(self.forum_search, 1)
        self.new_forum_button = QPushButton(self.tr("Forum baru"))
        self.new_forum_button.clicked.connect(self.new_forum)
        bar.addWidget(self.new_forum_button)
        ll.addLayout(bar)
        self.forum_table = make_table(
            self.forum_proxy,
            stretch=(ForumTableModel.JUDUL, ForumTableModel.TEMPAT),
            widths={ForumTableModel.TANGGAL: 96, ForumTableModel.OPD: 170, 4: 70},
        )
        self.forum_table.selectionModel().currentRowChanged.connect(self._on_forum)
        lists = QSplitter(Qt.Orientation.Vertical)
        lists.addWidget(self.forum_table)
        below = QWidget()
        bl = QVBoxLayout(below)
        bl.setContentsMargins(0, 6, 0, 0)
        bl.addWidget(section_title(self.tr("Aspirasi yang disampaikan di forum ini")))
        a = AspirationTableModel
        self.aspiration_table = make_table(
            self.aspiration_proxy,
            stretch=(a.ALASAN,),
            widths={a.NAMA: 190, a.SIKAP: 160, a.TUJUAN: 120, a.TANGGAL: 90},
        )
        bl.addWidget(self.aspiration_table, 1)
        lists.addWidget(below)
        lists.setSizes([190, 420])
        ll.addWidget(lists, 1)
        page.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(10, 6, 6, 6)
        self.forum_title = QLabel()
        self.forum_title.setObjectName("detailTitle")
        self.forum_title.setWordWrap(True)
        rl.addWidget(self.forum_title)
        form = QFormLayout()
        self.f_tanggal = DateField()
        self.f_judul = QLineEdit()
        self.f_tempat = QLineEdit()
        self.f_opd = narrow_combo(QComboBox())
        self.f_peserta = QPlainTextEdit()
        self.f_peserta.setPlaceholderText(self.tr("Satu peserta atau kelompok per baris"))
        self.f_peserta.setFixedHeight(96)
        self.f_catatan = QPlainTextEdit()
        self.f_catatan.setFixedHeight(96)
        form.addRow(self.tr("Tanggal"), self.f_tanggal)
        form.addRow(self.tr("Judul"), self.f_judul)
        form.addRow(self.tr("Tempat"), self.f_tempat)
        form.addRow(self.tr("OPD"), self.f_opd)
        form.addRow(self.tr("Peserta"), self.f_peserta)
        form.addRow(self.tr("Catatan"), self.f_catatan)
        rl.addLayout(form)
        row = QHBoxLayout()
        self.save_forum_button = QPushButton(self.tr("Simpan forum"))
        self.save_forum_button.setObjectName("primaryButton")
        self.save_forum_button.clicked.connect(self.save_forum)
        row.addWidget(self.save_forum_button)
        row.addStretch(1)
        rl.addLayout(row)
        rl.addSpacing(10)
        rl.addWidget(section_title(self.tr("Catat aspirasi pegawai")))
        aform = QFormLayout()
        self.a_person = PersonPicker(self.services)
        self.a_sikap = narrow_combo(QComboBox())
        for key, label in SIKAP_ASPIRASI.items():
            self.a_sikap.addItem(tr_label(label), key)
        self.a_opd = narrow_combo(QComboBox())
        self.a_lokasi = QLineEdit()
        self.a_lokasi.setPlaceholderText(self.tr("mis. Kota Mamuju"))
        self.a_alasan = QLineEdit()
        aform.addRow(self.tr("Pegawai"), self.a_person)
        aform.addRow(self.tr("Sikap"), self.a_sikap)
        aform.addRow(self.tr("OPD yang diinginkan"), self.a_opd)
        aform.addRow(self.tr("Tempat yang diinginkan"), self.a_lokasi)
        aform.addRow(self.tr("Alasan"), self.a_alasan)
        rl.addLayout(aform)
        row = QHBoxLayout()
        self.aspiration_button = QPushButton(self.tr("Catat aspirasi"))
        self.aspiration_button.clicked.connect(self.record_aspiration)
        row.addWidget(self.aspiration_button)
        row.addStretch(1)
        rl.addLayout(row)
        self.aspiration_hint = hint(
            self.tr(
                "Aspirasi terakhir seorang pegawai yang berlaku: “tidak bersedia” memunculkan "
                "peringatan pada usulan dan membuatnya tidak dipindahkan oleh optimasi."
            )
        )
        rl.addWidget(self.aspiration_hint)
        rl.addStretch(1)
        scroll = _scroll(right)
        scroll.setMinimumWidth(400)
        page.addWidget(scroll)
        page.setStretchFactor(0, 3)
        page.setStretchFactor(1, 2)
        page.setSizes([760, 480])
        return page

    def _fill_opds(self) -> None:
        opds = self.services.organisation.opd_choices()
        for combo in (self.f_opd, self.a_opd):
            current = combo.currentData()
            combo.clear()
            combo.addItem("—", None)
            for opd_id, nama in opds:
                combo.addItem(nama, opd_id)
            combo.setCurrentIndex(max(combo.findData(current), 0))

    def reload(self) -> None:
        self._fill_opds()
        try:
            forums = self.planning.forums()
            objections = self.planning.objections()
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Konsultasi"), exc)
            return
        self.forum_model.set_rows(forums)
        self.objection_model.set_rows(objections)
        self._update_objection_counts()
        forum_id = self.forum.id if self.forum else (forums[-1].id if forums else None)
        if forum_id is not None and self._select(self.forum_table, self.forum_proxy, forum_id):
            self._load_forum(forum_id)
        else:
            self.new_forum()
        if self.objection is not None and self._select(
            self.objection_table, self.objection_proxy, self.objection.id
        ):
            self._load_objection(self.objection.id)
        elif objections:
            self._select(self.objection_table, self.objection_proxy, objections[0].id)
        else:
            self.new_objection()

    @staticmethod
    def _select(table: QTableView, proxy: RowsFilterProxy, row_id: int) -> bool:
        row = proxy.proxy_row_of(row_id)
        if row is None:
            return False
        table.selectRow(row)
        return True

    @Slot(QModelIndex, QModelIndex)
    def _on_forum(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.forum_proxy.row_at(current.row()) if current.isValid() else None
        if row is not None:
            self._load_forum(row.id)

    def _load_forum(self, forum_id: int) -> None:
        try:
            f = self.planning.forum(forum_id)
            aspirations = self.planning.aspirations(forum_id=forum_id)
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Forum konsultasi"), exc)
            return
        self.forum = f
        self.forum_title.setText(f.judul)
        self.f_tanggal.set_value(f.tanggal)
        self.f_judul.setText(f.judul)
        self.f_tempat.setText(f.tempat)
        self.f_opd.setCurrentIndex(max(self.f_opd.findData(f.opd_id), 0))
        self.f_peserta.setPlainText(f.peserta or "")
        self.f_catatan.setPlainText(f.catatan or "")
        self.aspiration_model.set_rows(aspirations)
        self.aspiration_button.setEnabled(True)
        self.save_forum_button.setText(self.tr("Simpan perubahan forum"))

    @Slot()
    def new_forum(self) -> None:
        self.forum = None
        self.forum_table.clearSelection()
        self.forum_title.setText(self.tr("Forum konsultasi baru"))
        self.f_tanggal.set_value(self.services.ctx.today())
        for w in (self.f_judul, self.f_tempat):
            w.clear()
        self.f_opd.setCurrentIndex(0)
        self.f_peserta.clear()
        self.f_catatan.clear()
        self.aspiration_model.set_rows([])
        self.aspiration_button.setEnabled(False)
        self.save_forum_button.setText(self.tr("Simpan forum"))
        self.f_judul.setFocus()

    @Slot()
    def save_forum(self) -> bool:
        try:
            tanggal = self.f_tanggal.value()
        except ValueError:
            tanggal = None
        if tanggal is None:
            self.dialogs.error(self, self.tr("Forum konsultasi"), self.tr("Isi tanggal forum."))
            return False
        draft = ForumDraft(
            tanggal=tanggal,
            tempat=self.f_tempat.text(),
            judul=self.f_judul.text(),
            opd_id=self.f_opd.currentData(),
            peserta=self.f_peserta.toPlainText(),
            catatan=self.f_catatan.toPlainText(),
        )
        try:
            info = self.planning.save_forum(draft, self.forum.id if self.forum else None)
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Forum tidak tersimpan"), exc)
            return False
        self.forum_model.upsert(info)
        self._select(self.forum_table, self.forum_proxy, info.id)
        self._load_forum(info.id)
        self.statusMessage.emit(self.tr("Forum tersimpan: {judul}").format(judul=info.judul))
        return True

    @Slot()
    def record_aspiration(self) -> bool:
        if self.forum is None:
            return False
        person = self.a_person.person
        if person is None:
            self.dialogs.error(self, self.tr("Aspirasi"), self.tr("Pilih pegawai dulu."))
            return False
        item = AspirasiItem(
            sikap=str(self.a_sikap.currentData()),
            opd_tujuan_id=self.a_opd.currentData(),
            lokasi_tujuan=self.a_lokasi.text().strip() or None,
            alasan=self.a_alasan.text().strip() or None,
        )
        try:
            info = self.planning.record_aspiration(person.id, item, forum_id=self.forum.id)
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Aspirasi tidak tercatat"), exc)
            return False
        self.aspiration_model.upsert(info)
        self.forum_model.upsert(self.planning.forum(self.forum.id))
        self.a_person.set_person(None)
        self.a_lokasi.clear()
        self.a_alasan.clear()
        self.statusMessage.emit(
            self.tr("Aspirasi {nama} dicatat: {sikap}").format(
                nama=info.nama, sikap=tr_label(info.sikap_label)
            )
        )
        self.changed.emit()
        return True

    # ---- objections ------------------------------------------------------------------------
    def _build_objections(self) -> QWidget:
        page = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.objection_search = QLineEdit()
        self.objection_search.setObjectName("searchBox")
        self.objection_search.setPlaceholderText(self.tr("Cari pegawai, NIP, nomor SK…"))
        self.objection_search.setClearButtonEnabled(True)
        self.objection_search.textChanged.connect(self.objection_proxy.set_search)
        bar.addWidget(self.objection_search, 1)
        self.new_objection_button = QPushButton(self.tr("Keberatan baru"))
        self.new_objection_button.clicked.connect(self.new_objection)
        bar.addWidget(self.new_objection_button)
        ll.addLayout(bar)
        self.objection_chips = FilterChips([(t.value, tr_label(t.label)) for t in Tenggat])
        self.objection_chips.changed.connect(self._on_objection_chips)
        ll.addWidget(self.objection_chips)
        k = ObjectionTableModel
        self.objection_table = make_table(
            self.objection_proxy,
            stretch=(k.NAMA, k.NOMOR_SK),
            widths={
                k.TANGGAL_SK: 88,
                k.DIAJUKAN: 88,
                k.BATAS_AJU: 92,
                k.BATAS_JAWAB: 92,
                k.SISA: 62,
                k.STATUS: 178,
            },
        )
        self.objection_table.setObjectName("objectionTable")
        self.objection_table.selectionModel().currentRowChanged.connect(self._on_objection)
        ll.addWidget(self.objection_table, 1)
        ll.addWidget(
            hint(
                self.tr(
                    "Keberatan diajukan tertulis paling lambat {a} hari sesudah tanggal SK dan "
                    "dijawab PPK paling lambat {b} hari sesudah diajukan. Merah: batas jawaban "
                    "terlewati; kuning: tinggal 3 hari atau kurang."
                ).format(a=BATAS_PENGAJUAN_HARI, b=BATAS_JAWABAN_HARI)
            )
        )
        page.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(10, 6, 6, 6)
        self.objection_title = QLabel()
        self.objection_title.setObjectName("detailTitle")
        self.objection_title.setWordWrap(True)
        rl.addWidget(self.objection_title)
        form = QFormLayout()
        self.k_person = PersonPicker(self.services)
        self.k_nomor = QLineEdit()
        self.k_tanggal_sk = DateField()
        self.k_diajukan = DateField()
        self.k_isi = QPlainTextEdit()
        self.k_isi.setFixedHeight(80)
        form.addRow(self.tr("Pegawai"), self.k_person)
        form.addRow(self.tr("Nomor SK"), self.k_nomor)
        form.addRow(self.tr("Tanggal SK"), self.k_tanggal_sk)
        form.addRow(self.tr("Tanggal diajukan"), self.k_diajukan)
        form.addRow(self.tr("Isi keberatan"), self.k_isi)
        rl.addLayout(form)
        self.deadline_label = QLabel()
        self.deadline_label.setWordWrap(True)
        self.deadline_label.setTextFormat(Qt.TextFormat.RichText)
        rl.addWidget(self.deadline_label)
        for field in (self.k_tanggal_sk, self.k_diajukan):
            field.dateChanged.connect(self._show_deadlines)
        row = QHBoxLayout()
        self.save_objection_button = QPushButton(self.tr("Simpan keberatan"))
        self.save_objection_button.setObjectName("primaryButton")
        self.save_objection_button.clicked.connect(self.save_objection)
        self.withdraw_objection_button = QPushButton(self.tr("Cabut keberatan…"))
        self.withdraw_objection_button.clicked.connect(self.withdraw_objection)
        row.addWidget(self.save_objection_button)
        row.addWidget(self.withdraw_objection_button)
        row.addStretch(1)
        rl.addLayout(row)
        rl.addSpacing(10)
        rl.addWidget(section_title(self.tr("Jawaban PPK")))
        aform = QFormLayout()
        self.j_tanggal = DateField()
        self.j_hasil = narrow_combo(QComboBox())
        for status in (
            StatusKeberatan.DITOLAK,
            StatusKeberatan.DITERIMA,
            StatusKeberatan.TIDAK_DAPAT_DITERIMA,
        ):
            self.j_hasil.addItem(tr_label(status.label), status.value)
        self.j_isi = QPlainTextEdit()
        self.j_isi.setFixedHeight(80)
        aform.addRow(self.tr("Tanggal jawaban"), self.j_tanggal)
        aform.addRow(self.tr("Hasil"), self.j_hasil)
        aform.addRow(self.tr("Isi jawaban"), self.j_isi)
        rl.addLayout(aform)
        row = QHBoxLayout()
        self.answer_button = QPushButton(self.tr("Simpan jawaban"))
        self.answer_button.clicked.connect(self.answer_objection)
        row.addWidget(self.answer_button)
        row.addStretch(1)
        rl.addLayout(row)
        rl.addStretch(1)
        scroll = _scroll(right)
        scroll.setMinimumWidth(400)
        page.addWidget(scroll)
        page.setStretchFactor(0, 3)
        page.setStretchFactor(1, 2)
        page.setSizes([900, 380])
        return page

    def _update_objection_counts(self) -> None:
        counts: dict[str, int] = {}
        for k in self.objection_model.rows:
            counts[k.tenggat.value] = counts.get(k.tenggat.value, 0) + 1
        self.objection_chips.set_counts({t.value: counts.get(t.value, 0) for t in Tenggat})
        overdue = counts.get(Tenggat.LEWAT.value, 0)
        self.inner.setTabText(
            1,
            self.tr("Keberatan ({n} lewat batas)").format(n=fmt_int(overdue))
            if overdue
            else self.tr("Keberatan"),
        )

    @Slot()
    def _on_objection_chips(self) -> None:
        wanted = self.objection_chips.selected()
        self.objection_proxy.set_predicate(
            (lambda k: k.tenggat.value in wanted) if wanted else None
        )

    @Slot(QModelIndex, QModelIndex)
    def _on_objection(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.objection_proxy.row_at(current.row()) if current.isValid() else None
        if row is not None:
            self._load_objection(row.id)

    def _load_objection(self, keberatan_id: int) -> None:
        row_pos = self.objection_model.row_of(keberatan_id)
        k = self.objection_model.row_at(row_pos) if row_pos is not None else None
        if k is None:
            return
        self.objection = k
        self.objection_title.setText(
            self.tr("Keberatan {nama} · {status}").format(
                nama=k.nama,
                status=tr_label(k.tenggat.label if not k.status.selesai else k.status.label),
            )
        )
        try:
            person = self.services.staff.row(k.pegawai_id)
        except DomainError:
            person = None
        self.k_person.set_person(person)
        self.k_nomor.setText(k.nomor_sk or "")
        self.k_tanggal_sk.set_value(k.tanggal_sk)
        self.k_diajukan.set_value(k.tanggal_diajukan)
        self.k_isi.setPlainText(k.isi)
        self.j_tanggal.set_value(k.tanggal_jawaban or self.services.ctx.today())
        self.j_hasil.setCurrentIndex(
            max(self.j_hasil.findData(k.status.value), 0) if k.status.selesai else 0
        )
        if not k.tepat_waktu and not k.status.selesai:
            self.j_hasil.setCurrentIndex(
                self.j_hasil.findData(StatusKeberatan.TIDAK_DAPAT_DITERIMA.value)
            )
        self.j_isi.setPlainText(k.jawaban or "")
        open_ = not k.status.selesai
        for w in (self.k_person, self.k_nomor, self.k_tanggal_sk, self.k_diajukan):
            w.setEnabled(open_)
        self.k_isi.setReadOnly(not open_)
        self.j_tanggal.setEnabled(open_)
        self.j_hasil.setEnabled(open_)
        self.j_isi.setReadOnly(not open_)
        self.save_objection_button.setVisible(open_)
        self.withdraw_objection_button.setVisible(open_)
        self.answer_button.setVisible(open_)
        self._show_deadlines()

    @Slot()
    def new_objection(self) -> None:
        self.objection = None
        self.objection_table.clearSelection()
        self.objection_title.setText(self.tr("Keberatan baru"))
        self.k_person.set_person(None)
        self.k_nomor.clear()
        self.k_tanggal_sk.set_value(None)
        self.k_diajukan.set_value(self.services.ctx.today())
        self.k_isi.clear()
        self.j_tanggal.set_value(None)
        self.j_isi.clear()
        for w in (self.k_person, self.k_nomor, self.k_tanggal_sk, self.k_diajukan):
            w.setEnabled(True)
        self.k_isi.setReadOnly(False)
        self.save_objection_button.setVisible(True)
        self.withdraw_objection_button.setVisible(False)
        self.answer_button.setVisible(False)
        self.j_tanggal.setEnabled(False)
        self.j_hasil.setEnabled(False)
        self.j_isi.setReadOnly(True)
        self._show_deadlines()

    @Slot()
    def _show_deadlines(self) -> None:
        """The two clocks for the dates as typed (before saving, so a late filing shows)."""
        try:
            sk = self.k_tanggal_sk.value()
            filed = self.k_diajukan.value()
        except ValueError:
            self.deadline_label.setText("")
            return
        if sk is None:
            self.deadline_label.setText(
                self.tr("Isi tanggal SK untuk melihat batas waktu {a} dan {b} hari.").format(
                    a=BATAS_PENGAJUAN_HARI, b=BATAS_JAWABAN_HARI
                )
            )
            return
        last_day = sk + timedelta(days=BATAS_PENGAJUAN_HARI)
        text = self.tr("Batas pengajuan: {tanggal} ({n} hari sesudah SK).").format(
            tanggal=fmt_date(last_day), n=BATAS_PENGAJUAN_HARI
        )
        if filed is not None:
            if filed > last_day:
                text += (
                    f' <span style="color:{SHORTAGE}">'
                    + self.tr("Diajukan terlambat: dijawab “tidak dapat diterima”.")
                    + "</span>"
                )
            answer_by = filed + timedelta(days=BATAS_JAWABAN_HARI)
            text += " " + self.tr("Batas jawaban: {tanggal} ({n} hari sesudah diajukan).").format(
                tanggal=fmt_date(answer_by), n=BATAS_JAWABAN_HARI
            )
            k = self.objection
            if k is not None and k.tenggat is Tenggat.LEWAT and k.sisa_hari is not None:
                text += (
                    f' <span style="color:{SHORTAGE}">'
                    + self.tr("Terlambat {n} hari.").format(n=fmt_int(-k.sisa_hari))
                    + "</span>"
                )
        self.deadline_label.setText(text)

    @Slot()
    def save_objection(self) -> bool:
        person = self.k_person.person
        try:
            sk = self.k_tanggal_sk.value()
            filed = self.k_diajukan.value()
        except ValueError:
            sk = filed = None
        if person is None or sk is None or filed is None:
            self.dialogs.error(
                self,
                self.tr("Keberatan"),
                self.tr("Isi pegawai, tanggal SK dan tanggal diajukan."),
            )
            return False
        old = self.objection
        draft = KeberatanDraft(
            pegawai_id=person.id,
            tanggal_sk=sk,
            tanggal_diajukan=filed,
            isi=self.k_isi.toPlainText(),
            nomor_sk=self.k_nomor.text().strip() or None,
            usulan_id=old.usulan_id if old else None,
            batch_id=old.batch_id if old else None,
        )
        try:
            info = self.planning.save_objection(draft, old.id if old else None)
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Keberatan tidak tersimpan"), exc)
            return False
        self._after_objection(info, self.tr("Keberatan tersimpan: {nama}"))
        return True

    def _after_objection(self, info: KeberatanInfo, message: str) -> None:
        self.objection_model.upsert(info)
        self._update_objection_counts()
        self._select(self.objection_table, self.objection_proxy, info.id)
        self._load_objection(info.id)
        self.statusMessage.emit(message.format(nama=info.nama))
        self.changed.emit()

    @Slot()
    def answer_objection(self) -> bool:
        k = self.objection
        if k is None:
            return False
        try:
            tanggal = self.j_tanggal.value()
        except ValueError:
            tanggal = None
        if tanggal is None:
            self.dialogs.error(self, self.tr("Jawaban"), self.tr("Isi tanggal jawaban."))
            return False
        try:
            info = self.planning.answer_objection(
                k.id,
                tanggal_jawaban=tanggal,
                hasil=StatusKeberatan(self.j_hasil.currentData()),
                jawaban=self.j_isi.toPlainText(),
            )
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Jawaban tidak tersimpan"), exc)
            return False
        self._after_objection(info, self.tr("Jawaban keberatan {nama} dicatat"))
        return True

    @Slot()
    def withdraw_objection(self) -> bool:
        k = self.objection
        if k is None:
            return False
        note = self.dialogs.ask_text(
            self,
            self.tr("Cabut keberatan"),
            self.tr("Keberatan {nama} dicabut oleh yang bersangkutan.\nCatatan:").format(
                nama=k.nama
            ),
        )
        if note is None:
            return False
        try:
            info = self.planning.withdraw_objection(k.id, note)
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Keberatan"), exc)
            return False
        self._after_objection(info, self.tr("Keberatan {nama} dicabut"))
        return True
