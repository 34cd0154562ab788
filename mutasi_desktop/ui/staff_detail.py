"""Detail panel of one person: read and edit identity, rank, position, history and lists."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
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

from mutasi_desktop.domain.errors import Problem
from mutasi_desktop.domain.golongan import ALL_PNS, ALL_PPPK
from mutasi_desktop.domain.jabatan import JenjangJabatan, bup_for, tanggal_pensiun
from mutasi_desktop.domain.nip import format_nip
from mutasi_desktop.domain.pegawai import (
    Agama,
    JenisKelamin,
    JenisPegawai,
    StatusPegawai,
    TingkatPendidikan,
)
from mutasi_desktop.domain.staff_record import (
    FIELD_LABELS,
    SIKAP_ASPIRASI,
    AspirasiItem,
    KompetensiItem,
    PelatihanItem,
    StaffDraft,
    validate_staff,
)
from mutasi_desktop.domain.tanggal import format_tanggal
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.organisation import PositionChoice, UnitChoice
from mutasi_desktop.services.staff import StaffDetail
from mutasi_desktop.ui.i18n import problem_text, tr_label
from mutasi_desktop.ui.widgets import (
    ChoiceDelegate,
    Column,
    DateField,
    ErrorLabel,
    RecordTableModel,
    enum_or_none,
)


def merge_problems(unreadable: list[Problem], checked: list[Problem]) -> list[Problem]:
    """An unreadable date is reported as such, not also as "required" (it was left empty)."""
    fields = {p.field for p in unreadable}
    return unreadable + [p for p in checked if p.field not in fields]


class StaffDetailPanel(QWidget):
    """Edits a StaffDraft. Emits ``dirtyChanged``; the register view owns saving."""

    dirtyChanged = Signal(bool)
    saveRequested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.detail: StaffDetail | None = None
        self.is_new = False
        self._dirty = False
        self._loading = False
        self._touched: set[str] = set()
        self._errors: dict[str, ErrorLabel] = {}
        self._field_tab: dict[str, int] = {}
        self._units: list[UnitChoice] = []
        self._positions: dict[int, list[PositionChoice]] = {}
        self._jenjang_of: dict[int, str | None] = {}
        self._build()
        self.clear()

    # ---- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailSubtitle")
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner = QLabel()
        self.banner.setObjectName("errorBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.title)
        outer.addWidget(self.subtitle)
        outer.addWidget(self.banner)

        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        # Takes the space of the hidden editor while nobody is selected.
        self.empty_space = QWidget()
        outer.addWidget(self.empty_space, 1)
        self._build_identity()
        self._build_employment()
        self._build_position()
        self._build_history()
        self._build_lists()

        self.button_row = QWidget()
        buttons = QHBoxLayout(self.button_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.revert_button = QPushButton(self.tr("Batalkan perubahan"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(self.tr("Simpan perubahan (Ctrl+S)"))
        self.save_button.clicked.connect(self.saveRequested)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addWidget(self.button_row)

    def _tab(self, title: str) -> QFormLayout:
        page = QWidget()
        column = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column.addLayout(form)
        column.addStretch(1)  # keep rows at their natural height, spare space at the bottom
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, title)
        return form

    def _row(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        err = ErrorLabel()
        lay.addWidget(err)
        self._errors[key] = err
        self._field_tab[key] = self.tabs.count() - 1
        form.addRow(label, box)
        widget.setObjectName(f"field_{key}")
        self._connect_change(key, widget)

    def _connect_change(self, key: str, widget: QWidget) -> None:
        def changed(*_: Any) -> None:
            self._on_field_changed(key)

        if isinstance(widget, DateField):
            widget.dateChanged.connect(changed)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(changed)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(changed)

    @staticmethod
    def _combo(items: list[tuple[str, Any]], *, allow_empty: bool = True) -> QComboBox:
        combo = QComboBox()
        if allow_empty:
            combo.addItem("—", None)
        for label, value in items:
            combo.addItem(label, value)
        return combo

    def _build_identity(self) -> None:
        form = self._tab(self.tr("Identitas"))
        self.nip = QLineEdit()
        self.nip.setPlaceholderText("19860926 201505 1 001")
        self.nip_lama = QLineEdit()
        self.gelar_depan = QLineEdit()
        self.nama = QLineEdit()
        self.gelar_belakang = QLineEdit()
        self.tempat_lahir = QLineEdit()
        self.tanggal_lahir = DateField()
        self.jenis_kelamin = self._combo([(g.label, g.value) for g in JenisKelamin])
        self.agama = self._combo([(a.value, a.value) for a in Agama])
        self.status = self._combo(
            [(tr_label(s.label), s.value) for s in StatusPegawai], allow_empty=False
        )
        self.catatan = QPlainTextEdit()
        self.catatan.setMaximumHeight(80)
        self._row(form, "nip", self.tr("NIP"), self.nip)
        self._row(form, "nip_lama", self.tr("NIP lama"), self.nip_lama)
        self._row(form, "gelar_depan", self.tr("Gelar depan"), self.gelar_depan)
        self._row(form, "nama", self.tr("Nama"), self.nama)
        self._row(form, "gelar_belakang", self.tr("Gelar belakang"), self.gelar_belakang)
        self._row(form, "tempat_lahir", self.tr("Tempat lahir"), self.tempat_lahir)
        self._row(form, "tanggal_lahir", self.tr("Tanggal lahir"), self.tanggal_lahir)
        self._row(form, "jenis_kelamin", self.tr("Jenis kelamin"), self.jenis_kelamin)
        self._row(form, "agama", self.tr("Agama"), self.agama)
        self._row(form, "status", self.tr("Status"), self.status)
        self._row(form, "catatan", self.tr("Catatan"), self.catatan)

    def _build_employment(self) -> None:
        form = self._tab(self.tr("Kepegawaian"))
        self.jenis_pegawai = self._combo(
            [(j.value, j.value) for j in JenisPegawai], allow_empty=False
        )
        self.jenis_pegawai.currentIndexChanged.connect(self._fill_golongan)
        self.golongan = QComboBox()
        self.tmt_golongan = DateField()
        self.tmt_cpns = DateField()
        self.tmt_pns = DateField()
        self.kontrak_selesai = DateField()
        self.hukuman_disiplin = QCheckBox(self.tr("Sedang menjalani hukuman disiplin"))
        self.pendidikan_tingkat = self._combo([(t.value, t.value) for t in TingkatPendidikan])
        self.pendidikan_jurusan = QLineEdit()
        self.tahun_lulus = QLineEdit()
        self.tahun_lulus.setValidator(QIntValidator(1900, 2100, self))
        self.tahun_lulus.setMaximumWidth(90)
        self._row(form, "jenis_pegawai", self.tr("Jenis pegawai"), self.jenis_pegawai)
        self._row(form, "golongan", self.tr("Golongan"), self.golongan)
        self._row(form, "tmt_golongan", self.tr("TMT golongan"), self.tmt_golongan)
        self._row(form, "tmt_cpns", self.tr("TMT CPNS"), self.tmt_cpns)
        self._row(form, "tmt_pns", self.tr("TMT PNS"), self.tmt_pns)
        self._row(form, "kontrak_selesai", self.tr("Akhir kontrak (PPPK)"), self.kontrak_selesai)
        self._row(form, "hukuman_disiplin", self.tr("Disiplin"), self.hukuman_disiplin)
        self._row(form, "pendidikan_tingkat", self.tr("Pendidikan"), self.pendidikan_tingkat)
        self._row(form, "pendidikan_jurusan", self.tr("Jurusan"), self.pendidikan_jurusan)
        self._row(form, "tahun_lulus", self.tr("Tahun lulus"), self.tahun_lulus)

    def _build_position(self) -> None:
        form = self._tab(self.tr("Jabatan"))
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.currentIndexChanged.connect(self._fill_positions)
        self.jabatan = QComboBox()
        self.jabatan.currentIndexChanged.connect(self._update_retirement)
        self.tmt_jabatan = DateField()
        self.pensiun_info = QLabel()
        self.pensiun_info.setObjectName("hint")
        self._row(form, "unit_id", self.tr("Unit kerja"), self.unit)
        self._row(form, "jabatan_id", self.tr("Jabatan"), self.jabatan)
        self._row(form, "tmt_jabatan", self.tr("TMT jabatan"), self.tmt_jabatan)
        form.addRow(self.tr("Pensiun (BUP)"), self.pensiun_info)
        self.tanggal_lahir.dateChanged.connect(self._update_retirement)

    def _build_history(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(QLabel(self.tr("Riwayat jabatan")))
        self.riwayat_jabatan_model = RecordTableModel(
            [
                Column("jabatan_nama", self.tr("Jabatan")),
                Column("unit_nama", self.tr("Unit kerja")),
                Column("tmt_mulai", self.tr("TMT"), "date"),
                Column("tmt_selesai", self.tr("Sampai"), "date"),
                Column("nomor_sk", self.tr("Nomor SK")),
            ],
            parent=self,
        )
        self.riwayat_jabatan_view = self._table(self.riwayat_jabatan_model)
        lay.addWidget(self.riwayat_jabatan_view, 1)
        lay.addWidget(QLabel(self.tr("Riwayat pangkat")))
        self.riwayat_pangkat_model = RecordTableModel(
            [
                Column("golongan", self.tr("Gol.")),
                Column("pangkat", self.tr("Pangkat")),
                Column("tmt", self.tr("TMT"), "date"),
                Column("nomor_sk", self.tr("Nomor SK")),
            ],
            parent=self,
        )
        self.riwayat_pangkat_view = self._table(self.riwayat_pangkat_model)
        lay.addWidget(self.riwayat_pangkat_view, 1)
        self.tabs.addTab(page, self.tr("Riwayat"))

    def _table(self, model: RecordTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        if model.editable:
            view.setEditTriggers(QTableView.EditTrigger.AllEditTriggers)
        return view

    def _build_lists(self) -> None:
        self.kompetensi_model = RecordTableModel(
            [
                Column("nama", self.tr("Kompetensi"), required=True),
                Column(
                    "tingkat",
                    self.tr("Tingkat"),
                    "choice",
                    [
                        ("dasar", self.tr("Dasar")),
                        ("menengah", self.tr("Menengah")),
                        ("mahir", self.tr("Mahir")),
                    ],
                ),
                Column("keterangan", self.tr("Keterangan")),
            ],
            editable=True,
            parent=self,
        )
        self.pelatihan_model = RecordTableModel(
            [
                Column("nama", self.tr("Pelatihan"), required=True),
                Column("penyelenggara", self.tr("Penyelenggara")),
                Column("tanggal_mulai", self.tr("Mulai"), "date"),
                Column("tanggal_selesai", self.tr("Selesai"), "date"),
                Column("jam_pelajaran", self.tr("JP"), "int"),
                Column(
                    "status",
                    self.tr("Status"),
                    "choice",
                    [("selesai", self.tr("Selesai")), ("direncanakan", self.tr("Direncanakan"))],
                    required=True,
                ),
            ],
            editable=True,
            parent=self,
        )
        self.aspirasi_model = RecordTableModel(
            [
                Column("tanggal", self.tr("Tanggal"), "date"),
                Column(
                    "sikap",
                    self.tr("Sikap"),
                    "choice",
                    [(k, tr_label(v)) for k, v in SIKAP_ASPIRASI.items()],
                    required=True,
                ),
                Column("lokasi_tujuan", self.tr("Tujuan yang diminta")),
                Column("alasan", self.tr("Alasan")),
                Column("sumber", self.tr("Sumber")),
            ],
            editable=True,
            parent=self,
        )
        self.list_tables: dict[str, QTableView] = {}
        for key, title, model, blank in (
            (
                "kompetensi",
                self.tr("Kompetensi"),
                self.kompetensi_model,
                {"nama": self.tr("Kompetensi baru"), "tingkat": "dasar"},
            ),
            (
                "pelatihan",
                self.tr("Pelatihan"),
                self.pelatihan_model,
                {"nama": self.tr("Pelatihan baru"), "status": "selesai"},
            ),
            (
                "aspirasi",
                self.tr("Aspirasi"),
                self.aspirasi_model,
                {"sikap": "bersedia", "tanggal": None},
            ),
        ):
            page = QWidget()
            lay = QVBoxLayout(page)
            view = self._table(model)
            for col_no, col in enumerate(model.columns):
                if col.kind == "choice":
                    view.setItemDelegateForColumn(col_no, ChoiceDelegate(col.choices, view))
            lay.addWidget(view, 1)
            row = QHBoxLayout()
            add = QPushButton(self.tr("Tambah"))
            remove = QPushButton(self.tr("Hapus baris"))
            add.clicked.connect(self._adder(model, view, blank))
            remove.clicked.connect(self._remover(model, view))
            row.addStretch(1)
            row.addWidget(add)
            row.addWidget(remove)
            lay.addLayout(row)
            model.on_change = self._list_changed
            self.tabs.addTab(page, title)
            self.list_tables[key] = view

    def _adder(self, model: RecordTableModel, view: QTableView, blank: dict[str, Any]) -> Any:
        def add() -> None:
            row = model.add_record(blank)
            index = model.index(row, 0)
            view.setCurrentIndex(index)
            view.edit(index)

        return add

    def _remover(self, model: RecordTableModel, view: QTableView) -> Any:
        def remove() -> None:
            index = view.currentIndex()
            if index.isValid():
                model.remove_row(index.row())

        return remove

    # ---- choices --------------------------------------------------------------------------
    def reload_choices(self, units: list[UnitChoice]) -> None:
        """Offer these units (the register reads them once and shares them)."""
        self._units = units
        self._positions.clear()
        with QSignalBlocker(self.unit):
            self.unit.clear()
            self.unit.addItem("—", None)
            for u in self._units:
                self.unit.addItem(u.path, u.id)
        completer = QCompleter([self.unit.itemText(i) for i in range(self.unit.count())], self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.unit.setCompleter(completer)

    @Slot()
    def _fill_golongan(self) -> None:
        jenis = self.jenis_pegawai.currentData()
        current = self.golongan.currentData()
        with QSignalBlocker(self.golongan):
            self.golongan.clear()
            self.golongan.addItem("—", None)
            scheme = ALL_PPPK if jenis == JenisPegawai.PPPK.value else ALL_PNS
            for g in scheme:
                self.golongan.addItem(g.label, g.kode)
            pos = self.golongan.findData(current)
            self.golongan.setCurrentIndex(max(pos, 0))

    @Slot()
    def _fill_positions(self) -> None:
        unit_id = self.unit.currentData()
        current = self.jabatan.currentData()
        with QSignalBlocker(self.jabatan):
            self.jabatan.clear()
            self.jabatan.addItem("—", None)
            if unit_id is not None:
                if unit_id not in self._positions:
                    self._positions[unit_id] = self.services.organisation.positions(unit_id)
                for p in self._positions[unit_id]:
                    self.jabatan.addItem(p.nama, p.id)
                    self._jenjang_of[p.id] = p.jenjang
            pos = self.jabatan.findData(current)
            self.jabatan.setCurrentIndex(max(pos, 0))
        self._update_retirement()

    @Slot()
    def _update_retirement(self) -> None:
        jabatan_id = self.jabatan.currentData()
        jenjang_value = self._jenjang_of.get(jabatan_id) if jabatan_id is not None else None
        jenjang = JenjangJabatan(jenjang_value) if jenjang_value else None
        bup = bup_for(jenjang)
        try:
            birth = self.tanggal_lahir.value()
        except ValueError:
            birth = None
        if self.jenis_pegawai.currentData() == JenisPegawai.PPPK.value:
            self.pensiun_info.setText(self.tr("PPPK: lihat akhir kontrak"))
        elif birth is None:
            self.pensiun_info.setText(self.tr("BUP {bup} tahun").format(bup=bup))
        else:
            self.pensiun_info.setText(
                self.tr("BUP {bup} tahun — pensiun TMT {tanggal}").format(
                    bup=bup, tanggal=format_tanggal(tanggal_pensiun(birth, bup))
                )
            )

    # ---- loading --------------------------------------------------------------------------
    def clear(self) -> None:
        self.detail = None
        self.is_new = False
        self.title.setText(self.tr("Pilih pegawai"))
        self.subtitle.setText(
            self.tr("Pilih satu baris di daftar, atau tekan Ctrl+N untuk menambah.")
        )
        self.tabs.hide()
        self.button_row.hide()
        self.empty_space.show()
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(False)
        self._set_dirty(False)

    def load(self, detail: StaffDetail) -> None:
        self.detail = detail
        self.is_new = False
        self._fill(detail.draft)
        self.riwayat_jabatan_model.set_records([vars(r) for r in detail.riwayat_jabatan])
        self.riwayat_pangkat_model.set_records([vars(r) for r in detail.riwayat_pangkat])
        self._update_header()

    def start_new(self, unit_id: int | None) -> None:
        self.detail = None
        self.is_new = True
        self._fill(StaffDraft(nip="", nama="", jenis_pegawai=JenisPegawai.PNS, unit_id=unit_id))
        self.riwayat_jabatan_model.set_records([])
        self.riwayat_pangkat_model.set_records([])
        self.title.setText(self.tr("Pegawai baru"))
        self.subtitle.setText(self.tr("Isi NIP, nama, tanggal lahir dan unit kerja, lalu Simpan."))
        self._set_dirty(True)
        self.tabs.setCurrentIndex(0)
        self.nip.setFocus()

    def _update_header(self) -> None:
        if self.detail is None:
            return
        d = self.detail
        self.title.setText(d.nama_lengkap)
        parts = [
            format_nip(d.draft.nip),
            d.draft.golongan or "",
            d.jabatan_nama or "",
            d.opd_nama or "",
        ]
        if not d.aktif:
            parts.append(
                self.tr("NONAKTIF") + (f" ({d.alasan_nonaktif})" if d.alasan_nonaktif else "")
            )
        self.subtitle.setText(" · ".join(p for p in parts if p))

    def _fill(self, d: StaffDraft) -> None:
        self._loading = True
        try:
            self.tabs.show()
            self.button_row.show()
            self.empty_space.hide()
            self.nip.setText(format_nip(d.nip) if d.nip else "")
            self.nip_lama.setText(d.nip_lama or "")
            self.gelar_depan.setText(d.gelar_depan or "")
            self.nama.setText(d.nama)
            self.gelar_belakang.setText(d.gelar_belakang or "")
            self.tempat_lahir.setText(d.tempat_lahir or "")
            self.tanggal_lahir.set_value(d.tanggal_lahir)
            self._select(self.jenis_kelamin, d.jenis_kelamin)
            self._select(self.agama, d.agama)
            self._select(self.status, d.status)
            self.catatan.setPlainText(d.catatan or "")
            self._select(self.jenis_pegawai, d.jenis_pegawai)
            self._fill_golongan()
            self._select(self.golongan, d.golongan)
            self.tmt_golongan.set_value(d.tmt_golongan)
            self.tmt_cpns.set_value(d.tmt_cpns)
            self.tmt_pns.set_value(d.tmt_pns)
            self.kontrak_selesai.set_value(d.kontrak_selesai)
            self.hukuman_disiplin.setChecked(d.hukuman_disiplin)
            self._select(self.pendidikan_tingkat, d.pendidikan_tingkat)
            self.pendidikan_jurusan.setText(d.pendidikan_jurusan or "")
            self.tahun_lulus.setText(str(d.tahun_lulus) if d.tahun_lulus else "")
            self._select(self.unit, d.unit_id)
            self._fill_positions()
            self._select(self.jabatan, d.jabatan_id)
            self.tmt_jabatan.set_value(d.tmt_jabatan)
            self.kompetensi_model.set_records([vars(k) for k in d.kompetensi])
            self.pelatihan_model.set_records([vars(p) for p in d.pelatihan])
            self.aspirasi_model.set_records([vars(a) for a in d.aspirasi])
            self._update_retirement()
        finally:
            self._loading = False
        self._touched.clear()
        self.show_problems([])
        self._set_dirty(False)

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        # Combos hold plain values: Qt hands enum members back as bare strings anyway.
        pos = combo.findData(value.value if isinstance(value, Enum) else value)
        combo.setCurrentIndex(max(pos, 0))

    # ---- editing --------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty and not self.is_new)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def _on_field_changed(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        self._set_dirty(True)
        self.validate_live()

    def _list_changed(self) -> None:
        if not self._loading:
            self._set_dirty(True)

    @Slot()
    def revert(self) -> None:
        if self.detail is not None:
            self.load(self.detail)

    def draft(self) -> tuple[StaffDraft, list[Problem]]:
        """The draft in the fields, and the dates that could not be read (left empty in it)."""
        problems: list[Problem] = []
        dates: dict[str, date | None] = {}
        for key in (
            "tanggal_lahir",
            "tmt_golongan",
            "tmt_cpns",
            "tmt_pns",
            "kontrak_selesai",
            "tmt_jabatan",
        ):
            field: DateField = getattr(self, key)
            try:
                dates[key] = field.value()
            except ValueError:
                dates[key] = None
                problems.append(
                    Problem("tanggal.tidak_sah", field=key, params={"value": field.text()})
                )
        tahun = self.tahun_lulus.text().strip()
        d = StaffDraft(
            nip=self.nip.text(),
            nama=self.nama.text(),
            jenis_pegawai=JenisPegawai(self.jenis_pegawai.currentData()),
            unit_id=self.unit.currentData(),
            nip_lama=self.nip_lama.text(),
            gelar_depan=self.gelar_depan.text(),
            gelar_belakang=self.gelar_belakang.text(),
            tempat_lahir=self.tempat_lahir.text(),
            tanggal_lahir=dates["tanggal_lahir"],
            jenis_kelamin=enum_or_none(JenisKelamin, self.jenis_kelamin.currentData()),
            agama=enum_or_none(Agama, self.agama.currentData()),
            golongan=self.golongan.currentData(),
            tmt_golongan=dates["tmt_golongan"],
            jabatan_id=self.jabatan.currentData(),
            tmt_jabatan=dates["tmt_jabatan"],
            pendidikan_tingkat=enum_or_none(
                TingkatPendidikan, self.pendidikan_tingkat.currentData()
            ),
            pendidikan_jurusan=self.pendidikan_jurusan.text(),
            tahun_lulus=int(tahun) if tahun.isdigit() else None,
            tmt_cpns=dates["tmt_cpns"],
            tmt_pns=dates["tmt_pns"],
            status=StatusPegawai(self.status.currentData()),
            hukuman_disiplin=self.hukuman_disiplin.isChecked(),
            kontrak_selesai=dates["kontrak_selesai"],
            catatan=self.catatan.toPlainText(),
            kompetensi=tuple(KompetensiItem(**r) for r in self.kompetensi_model.records),
            pelatihan=tuple(PelatihanItem(**r) for r in self.pelatihan_model.records),
            aspirasi=tuple(AspirasiItem(**r) for r in self.aspirasi_model.records),
        )
        return d.normalised(), problems

    def validate_live(self) -> None:
        """Domain checks while typing, shown only on fields the user has touched."""
        draft, unreadable = self.draft()
        problems = merge_problems(
            unreadable, validate_staff(draft, today=self.services.ctx.today())
        )
        self.show_problems([p for p in problems if p.field in self._touched], banner=False)

    def show_problems(self, problems: list[Problem], *, banner: bool = True) -> None:
        by_field: dict[str, list[str]] = {}
        for p in problems:
            by_field.setdefault(p.field or "", []).append(problem_text(p))
        for key, label in self._errors.items():
            label.set_message("\n".join(by_field.get(key, [])))
        errors = [p for p in problems if p.is_error]
        if banner and errors:
            # Name the fields, in form order: the second error may sit on another tab.
            order = {key: n for n, key in enumerate(self._errors)}
            fields = sorted({p.field or "" for p in errors}, key=lambda f: order.get(f, len(order)))
            names = [tr_label(FIELD_LABELS.get(f, f)) for f in fields]
            self.banner.setText(
                self.tr("Belum dapat disimpan. Periksa: {fields}.").format(fields=", ".join(names))
            )
            self.banner.show()
            first = next((p.field for p in errors if p.field in self._field_tab), None)
            if first is not None:
                self.tabs.setCurrentIndex(self._field_tab[first])
        elif banner or not problems:
            self.banner.hide()

    def error_text(self, key: str) -> str:
        label = self._errors.get(key)
        return label.text() if label is not None and label.isVisibleTo(self) else ""
