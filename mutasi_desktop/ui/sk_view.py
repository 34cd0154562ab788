"""Surat Keputusan: decrees from approved batches, draft editing, preview, print, the PDF files
of every person, the number register and verification of a code or a file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QMarginsF,
    QModelIndex,
    QSizeF,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPixmap,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.sk import JenisDokumen, StatusSk
from mutasi_desktop.domain.tanggal import format_tanggal, parse_tanggal
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.progress import Progress
from mutasi_desktop.services.sk import (
    HasilVerifikasi,
    RenderRingkasan,
    SkDetail,
    SkEdit,
    dokumen_daftar,
    folder_name,
)
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import fmt_int, problem_text, tr_label, tr_message
from mutasi_desktop.ui.sk_models import (
    BarisTableModel,
    HasilTableModel,
    RegisterTableModel,
    SkTableModel,
)
from mutasi_desktop.ui.style import BALANCED, SHORTAGE, WARNING
from mutasi_desktop.ui.tasks import Task
from mutasi_desktop.ui.widgets import DateField

PREVIEW_DPI = 80
PRINT_DPI = 300
VIEW_STYLE = f"""
QLabel#skVerdictOk {{ color: {BALANCED}; font-size: 15px; font-weight: 600; }}
QLabel#skVerdictBad {{ color: {SHORTAGE}; font-size: 15px; font-weight: 600; }}
QLabel#skWarnings {{ color: {WARNING}; }}
QLabel#skPage {{ background: white; border: 1px solid #c9d0d6; }}
QScrollArea#skPages {{ background: #e9edf0; }}
"""


@dataclass(frozen=True)
class _Doc:
    jenis: JenisDokumen
    baris: int | None
    label: str


def _lines(text: str) -> tuple[str, ...]:
    """One item per non-empty line."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _paragraphs(text: str) -> tuple[str, ...]:
    """Diktum paragraphs: separated by an empty line (a long text may wrap over lines)."""
    blocks = [" ".join(b.split()) for b in text.replace("\r", "").split("\n\n")]
    return tuple(b for b in blocks if b)


def qimage(page: Any) -> QImage:
    """A rendered page (RGB bytes from the service) as an owned QImage."""
    image = QImage(page.rgb, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    return image.copy()


class DecreeView(QWidget):
    statusMessage = Signal(str)
    openSettings = Signal()

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.decrees = services.decrees
        self.dialogs = dialogs
        self.detail: SkDetail | None = None
        self.preview_task: Task | None = None
        self.render_task: Task | None = None
        self.last_render: RenderRingkasan | None = None
        self.last_verdict: HasilVerifikasi | None = None
        self.pages: list[QImage] = []
        self._docs: list[_Doc] = []
        self._loaded = False
        self.setStyleSheet(VIEW_STYLE)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.banner = QFrame()
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(0, 0, 0, 0)
        self.banner_label = QLabel(
            self.tr(
                "Pengaturan daerah belum lengkap: isi nama daerah, Bupati dan Sekretaris Daerah "
                "sebelum membuat surat keputusan."
            )
        )
        self.banner_label.setObjectName("errorBanner")
        self.banner_label.setWordWrap(True)
        self.banner_button = QPushButton(self.tr("Buka Pengaturan"))
        self.banner_button.clicked.connect(self.openSettings)
        banner_row.addWidget(self.banner_label, 1)
        banner_row.addWidget(self.banner_button)
        layout.addWidget(self.banner)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_decrees(), self.tr("Surat keputusan"))
        self.tabs.addTab(self._build_register(), self.tr("Register nomor"))
        self.tabs.addTab(self._build_verify(), self.tr("Verifikasi"))
        self.tabs.currentChanged.connect(self._on_tab)

    # ------------------------------------------------------------------ building

    def _build_decrees(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Semua status"), None)
        for status in StatusSk:
            self.status_filter.addItem(tr_label(status.label), status.value)
        self.status_filter.currentIndexChanged.connect(self._on_filter)
        self.new_button = QPushButton(self.tr("Buat SK dari kelompok usulan…"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.create_from_batch)
        self.reload_button = QPushButton(self.tr("Muat ulang"))
        self.reload_button.clicked.connect(self.reload)
        bar.addWidget(QLabel(self.tr("Tampilkan:")))
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        bar.addWidget(self.reload_button)
        bar.addWidget(self.new_button)
        outer.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = SkTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        split.addWidget(self.table)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel(self.tr("Pilih surat keputusan di sebelah kiri."))
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel("")
        self.subtitle.setObjectName("detailSubtitle")
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rl.addWidget(self.title)
        rl.addWidget(self.subtitle)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(self._build_content(), self.tr("Isi"))
        self.detail_tabs.addTab(self._build_preview(), self.tr("Pratinjau"))
        self.detail_tabs.addTab(self._build_files(), self.tr("Berkas PDF"))
        self.detail_tabs.currentChanged.connect(self._on_detail_tab)
        rl.addWidget(self.detail_tabs, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([470, 1000])
        outer.addWidget(split, 1)
        return page

    def _build_content(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        self.warnings = QLabel("")
        self.warnings.setObjectName("skWarnings")
        self.warnings.setWordWrap(True)
        lay.addWidget(self.warnings)
        form = QFormLayout()
        self.tmt = DateField()
        self.tempat = QLineEdit()
        self.judul = QLineEdit()
        self.menimbang = QPlainTextEdit()
        self.mengingat = QPlainTextEdit()
        self.diktum = QPlainTextEdit()
        self.tembusan = QPlainTextEdit()
        self.tembusan_petikan = QPlainTextEdit()
        for edit, height in (
            (self.menimbang, 110),
            (self.mengingat, 130),
            (self.diktum, 170),
            (self.tembusan, 90),
            (self.tembusan_petikan, 90),
        ):
            edit.setMinimumHeight(height)
            edit.setTabChangesFocus(True)
        form.addRow(self.tr("TMT mutasi"), self.tmt)
        form.addRow(self.tr("Ditetapkan di"), self.tempat)
        form.addRow(self.tr("Tentang"), self.judul)
        form.addRow(self.tr("Menimbang (satu butir per baris)"), self.menimbang)
        form.addRow(self.tr("Mengingat (satu per baris)"), self.mengingat)
        form.addRow(self.tr("Diktum (pisahkan dengan baris kosong)"), self.diktum)
        form.addRow(self.tr("Tembusan SK"), self.tembusan)
        form.addRow(self.tr("Tembusan petikan"), self.tembusan_petikan)
        lay.addLayout(form)
        hint = QLabel(
            self.tr(
                "Isian yang terisi otomatis: {tmt}, {d1} (KESATU), {daerah}, {kepala_daerah}, "
                "{judul}, {sk_lama}."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        lay.addWidget(hint)

        self.lines_model = BarisTableModel(self)
        self.lines_model.on_edit = self._on_ket_edited
        self.lines = QTableView()
        self.lines.setModel(self.lines_model)
        self.lines.verticalHeader().hide()
        self.lines.setWordWrap(True)
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.lines.horizontalHeader().setStretchLastSection(True)
        self.lines.setMinimumHeight(180)
        self.lines_label = QLabel(self.tr("Pegawai dalam lampiran"))
        lay.addWidget(self.lines_label)
        lay.addWidget(self.lines)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan konsep"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save_draft)
        self.sync_button = QPushButton(self.tr("Sesuaikan dengan pengaturan"))
        self.sync_button.clicked.connect(self.sync_settings)
        self.finalize_button = QPushButton(self.tr("Tetapkan dan beri nomor…"))
        self.finalize_button.clicked.connect(self.finalize)
        self.delete_button = QPushButton(self.tr("Hapus konsep"))
        self.delete_button.clicked.connect(self.delete_draft)
        self.cancel_button = QPushButton(self.tr("Batalkan SK…"))
        self.cancel_button.clicked.connect(self.cancel_decree)
        self.correct_button = QPushButton(self.tr("Buat SK koreksi…"))
        self.correct_button.clicked.connect(self.correct_decree)
        for b in (
            self.save_button,
            self.sync_button,
            self.finalize_button,
            self.delete_button,
            self.cancel_button,
            self.correct_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        lay.addStretch(1)
        scroll.setWidget(inner)
        return scroll

    def _build_preview(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.doc_combo = QComboBox()
        self.doc_combo.setMinimumWidth(320)
        self.doc_combo.currentIndexChanged.connect(self._on_doc)
        self.print_button = QPushButton(self.tr("Cetak…"))
        self.print_button.clicked.connect(self.print_document)
        self.pdf_button = QPushButton(self.tr("Simpan PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        bar.addWidget(QLabel(self.tr("Dokumen:")))
        bar.addWidget(self.doc_combo, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.pdf_button)
        lay.addLayout(bar)
        self.page_area = QScrollArea()
        self.page_area.setObjectName("skPages")
        self.page_area.setWidgetResizable(True)
        self.page_host = QWidget()
        self.page_layout = QVBoxLayout(self.page_host)
        self.page_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_layout.setSpacing(12)
        self.page_area.setWidget(self.page_host)
        lay.addWidget(self.page_area, 1)
        return page

    def _build_files(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Menulis SK lengkap, satu petikan untuk setiap pegawai dan surat melaksanakan "
                "tugasnya ke satu folder. Berkas SK yang sudah ditetapkan didaftarkan sehingga "
                "keasliannya dapat diperiksa."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        bar = QHBoxLayout()
        self.render_button = QPushButton(self.tr("Buat semua berkas PDF…"))
        self.render_button.setObjectName("primaryButton")
        self.render_button.clicked.connect(self.render_all)
        self.open_folder_button = QPushButton(self.tr("Buka folder"))
        self.open_folder_button.setEnabled(False)
        self.open_folder_button.clicked.connect(self._open_folder)
        bar.addWidget(self.render_button)
        bar.addWidget(self.open_folder_button)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.render_summary = QLabel("")
        self.render_summary.setWordWrap(True)
        lay.addWidget(self.render_summary)
        self.results_model = HasilTableModel(self)
        self.results = QTableView()
        self.results.setModel(self.results_model)
        self.results.verticalHeader().hide()
        self.results.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.results, 1)
        return page

    def _build_register(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.services.ctx.today().year)
        self.year.valueChanged.connect(self.reload_register)
        self.reserve_button = QPushButton(self.tr("Catat nomor dipakai di luar aplikasi…"))
        self.reserve_button.clicked.connect(self.reserve_number)
        self.cancel_number_button = QPushButton(self.tr("Batalkan nomor…"))
        self.cancel_number_button.clicked.connect(self.cancel_number)
        bar.addWidget(QLabel(self.tr("Tahun:")))
        bar.addWidget(self.year)
        bar.addStretch(1)
        bar.addWidget(self.cancel_number_button)
        bar.addWidget(self.reserve_button)
        lay.addLayout(bar)
        self.next_number = QLabel("")
        self.next_number.setObjectName("hint")
        lay.addWidget(self.next_number)
        self.register_model = RegisterTableModel(self)
        self.register = QTableView()
        self.register.setModel(self.register_model)
        self.register.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.register.verticalHeader().hide()
        self.register.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.register, 1)
        return page

    def _build_verify(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Ketik kode verifikasi yang tercetak di kaki halaman, atau arahkan pemindai QR ke "
                "kodenya (pemindai mengetikkannya ke kotak ini), atau pilih berkas PDF. "
                "Pemeriksaan memakai register di basis data ini, tanpa internet."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        row = QHBoxLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Kode verifikasi, mis. 7Q22-CFAM-YC7J"))
        self.code_edit.returnPressed.connect(self.verify_code)
        self.verify_button = QPushButton(self.tr("Periksa kode"))
        self.verify_button.clicked.connect(self.verify_code)
        self.verify_file_button = QPushButton(self.tr("Periksa berkas PDF…"))
        self.verify_file_button.clicked.connect(self.verify_file)
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.verify_button)
        row.addWidget(self.verify_file_button)
        lay.addLayout(row)
        self.verdict = QLabel("")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict_detail = QLabel("")
        self.verdict_detail.setWordWrap(True)
        self.verdict_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.verdict)
        lay.addWidget(self.verdict_detail)
        lay.addStretch(1)
        return page

    # ------------------------------------------------------------------ loading

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    @Slot()
    def reload(self) -> None:
        self._loaded = True
        self.banner.setVisible(not self.services.settings.get().terkonfigurasi)
        current = self.detail.info.id if self.detail else None
        status = self.status_filter.currentData()
        rows = self.decrees.daftar(StatusSk(status) if status else None)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.new_button.setEnabled(bool(self.decrees.batches_siap()))
        if current is not None and self.model.index_of(current) >= 0:
            self.select(current)
        elif rows:
            self.select(rows[0].id)
        else:
            self._show(None)
        self.reload_register()

    def select(self, sk_id: int) -> None:
        row = self.model.index_of(sk_id)
        if row < 0:
            self.reload()
            row = self.model.index_of(sk_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._load(sk_id)

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        info = self.model.row_at(current.row()) if current.isValid() else None
        if info is not None and (self.detail is None or self.detail.info.id != info.id):
            self._load(info.id)

    @Slot(int)
    def _on_filter(self, _index: int) -> None:
        self.reload()

    def _load(self, sk_id: int) -> None:
        try:
            self._show(self.decrees.get(sk_id))
        except DomainError as exc:
            self._error(exc)

    def _show(self, detail: SkDetail | None) -> None:
        self.detail = detail
        self.pages = []
        self._clear_pages()
        draft = detail is not None and detail.info.status is StatusSk.DRAFT
        final = detail is not None and detail.info.status is StatusSk.FINAL
        for w in (self.tmt, self.tempat, self.judul, self.menimbang, self.mengingat, self.diktum):
            w.setEnabled(draft)
        for w in (self.tembusan, self.tembusan_petikan):
            w.setEnabled(draft)
        self.save_button.setVisible(draft)
        self.sync_button.setVisible(draft)
        self.finalize_button.setVisible(draft)
        self.delete_button.setVisible(draft)
        self.cancel_button.setVisible(final)
        self.correct_button.setVisible(final)
        for button in (self.print_button, self.pdf_button, self.render_button):
            button.setEnabled(detail is not None)
        self.lines_model.editable = draft
        if detail is None:
            self.title.setText(self.tr("Belum ada surat keputusan."))
            self.subtitle.setText(
                self.tr("Buat SK dari kelompok usulan mutasi yang sudah disetujui.")
            )
            self.lines_model.set_rows([])
            self.warnings.setText("")
            self.doc_combo.clear()
            self._docs = []
            return
        info, isi = detail.info, detail.isi
        status = tr_label(info.status.label)
        if info.nomor:
            self.title.setText(
                self.tr("Keputusan Nomor {nomor} ({status})").format(
                    nomor=info.nomor, status=status
                )
            )
        else:
            self.title.setText(
                self.tr("Konsep SK #{id} ({status})").format(id=info.id, status=status)
            )
        facts = [isi.judul_terisi]
        if info.tanggal:
            facts.append(
                self.tr("ditetapkan {tanggal}").format(tanggal=format_tanggal(info.tanggal))
            )
        if isi.tmt:
            facts.append(self.tr("TMT {tanggal}").format(tanggal=format_tanggal(isi.tmt)))
        facts.append(self.tr("{n} pegawai").format(n=fmt_int(info.jumlah)))
        if info.kode_verifikasi:
            facts.append(self.tr("kode {kode}").format(kode=info.kode_verifikasi))
        if isi.mengganti is not None:
            facts.append(self.tr("mengganti SK Nomor {nomor}").format(nomor=isi.mengganti.nomor))
        if info.alasan_batal:
            facts.append(self.tr("dibatalkan: {alasan}").format(alasan=info.alasan_batal))
        self.subtitle.setText(" · ".join(facts))
        self.tmt.set_value(isi.tmt)
        self.tempat.setText(isi.tempat)
        self.judul.setText(isi.judul)
        self.menimbang.setPlainText("\n".join(isi.menimbang))
        self.mengingat.setPlainText("\n".join(isi.mengingat))
        self.diktum.setPlainText("\n\n".join(isi.diktum))
        self.tembusan.setPlainText("\n".join(isi.tembusan))
        self.tembusan_petikan.setPlainText("\n".join(isi.tembusan_petikan))
        self.lines_model.set_rows(isi.baris)
        self.lines.resizeColumnsToContents()
        self.lines.resizeRowsToContents()
        self.warnings.setText("\n".join("• " + problem_text(p) for p in detail.masalah))
        docs: list[_Doc] = []
        for jenis, i in dokumen_daftar(isi):
            who = f" \u2014 {isi.baris[i].nama}" if i is not None else ""
            docs.append(_Doc(jenis, i, f"{jenis.judul}{who}"))
        self._docs = docs
        self.doc_combo.blockSignals(True)
        self.doc_combo.clear()
        for d in docs:
            self.doc_combo.addItem(d.label)
        self.doc_combo.blockSignals(False)
        if self.detail_tabs.currentIndex() == 1:
            self.show_preview()

    # ------------------------------------------------------------------ draft actions

    def _edit(self) -> SkEdit | None:
        if not self.tmt.is_valid():
            self.dialogs.error(
                self, self.tr("Simpan konsep"), self.tr("TMT bukan tanggal yang sah.")
            )
            return None
        return SkEdit(
            judul=self.judul.text(),
            menimbang=_lines(self.menimbang.toPlainText()),
            mengingat=_lines(self.mengingat.toPlainText()),
            diktum=_paragraphs(self.diktum.toPlainText()),
            tembusan=_lines(self.tembusan.toPlainText()),
            tembusan_petikan=_lines(self.tembusan_petikan.toPlainText()),
            tempat=self.tempat.text(),
            tmt=self.tmt.value(),
        )

    @Slot()
    def save_draft(self) -> bool:
        if self.detail is None:
            return False
        edit = self._edit()
        if edit is None:
            return False
        try:
            detail = self.decrees.update_draft(
                self.detail.info.id, edit, expected_versi=self.detail.info.versi
            )
        except DomainError as exc:
            self._error(exc)
            return False
        self._refresh_row(detail)
        self.statusMessage.emit(self.tr("Konsep SK disimpan."))
        return True

    def _on_ket_edited(self, row: int, text: str) -> None:
        if self.detail is None:
            return
        try:
            detail = self.decrees.update_draft(
                self.detail.info.id,
                SkEdit(keterangan={row: text}),
                expected_versi=self.detail.info.versi,
            )
        except DomainError as exc:
            self._error(exc)
            return
        self.detail = detail
        self._refresh_row(detail, reload_form=False)

    def _refresh_row(self, detail: SkDetail, *, reload_form: bool = True) -> None:
        row = self.model.index_of(detail.info.id)
        if row >= 0:
            self.model.rows[row] = detail.info
            self.model.dataChanged.emit(self.model.index(row, 0), self.model.index(row, 4))
        if reload_form:
            self._show(detail)
        else:
            self.detail = detail

    @Slot()
    def sync_settings(self) -> None:
        if self.detail is None:
            return
        try:
            self._refresh_row(self.decrees.sync_pengaturan(self.detail.info.id))
        except DomainError as exc:
            self._error(exc)

    @Slot()
    def finalize(self) -> None:
        if self.detail is None or not self.save_draft() or self.detail is None:
            return
        errors = [p for p in self.detail.masalah if p.is_error]
        if errors:
            self.dialogs.error(
                self,
                self.tr("Tetapkan SK"),
                "\n".join(problem_text(p) for p in errors),
            )
            return
        today = self.services.ctx.today()
        text = self.dialogs.ask_text(
            self,
            self.tr("Tetapkan SK"),
            self.tr("Tanggal penetapan (hh-bb-tttt):"),
            today.strftime("%d-%m-%Y"),
        )
        if text is None:
            return
        parsed = parse_tanggal(text, accept_serial=False)
        if parsed.value is None:
            self.dialogs.error(
                self, self.tr("Tetapkan SK"), tr_message("tanggal.tidak_sah", {"value": text})
            )
            return
        tanggal: date = parsed.value
        nomor = self.decrees.nomor_berikut(tanggal)
        warnings = [problem_text(p) for p in self.detail.masalah if not p.is_error]
        question = self.tr(
            "SK akan ditetapkan dengan Nomor {nomor} tanggal {tanggal}.\n\nSesudah ditetapkan, "
            "isi SK tidak dapat diubah lagi; kesalahan hanya dapat diperbaiki dengan SK koreksi."
        ).format(nomor=nomor, tanggal=format_tanggal(tanggal))
        if warnings:
            question += (
                "\n\n" + self.tr("Perhatikan:") + "\n" + "\n".join(f"• {w}" for w in warnings)
            )
        if not self.dialogs.confirm(self, self.tr("Tetapkan SK"), question):
            return
        try:
            info = self.decrees.finalize(
                self.detail.info.id, tanggal=tanggal, expected_versi=self.detail.info.versi
            )
        except DomainError as exc:
            self._error(exc)
            return
        self.statusMessage.emit(
            self.tr("SK ditetapkan: Nomor {nomor}.").format(nomor=info.nomor or "")
        )
        self.reload()
        self.select(info.id)

    @Slot()
    def delete_draft(self) -> None:
        if self.detail is None:
            return
        if not self.dialogs.confirm(
            self,
            self.tr("Hapus konsep"),
            self.tr("Hapus konsep SK ini? Kelompok usulannya tetap siap untuk dibuatkan SK lagi."),
        ):
            return
        try:
            self.decrees.delete_draft(self.detail.info.id)
        except DomainError as exc:
            self._error(exc)
            return
        self.detail = None
        self.reload()

    @Slot()
    def cancel_decree(self) -> None:
        if self.detail is None:
            return
        reason = self.dialogs.ask_text(
            self,
            self.tr("Batalkan SK"),
            self.tr(
                "Alasan pembatalan SK Nomor {nomor} (nomornya tetap tercatat, tidak dipakai lagi):"
            ).format(nomor=self.detail.info.nomor or ""),
        )
        if reason is None:
            return
        try:
            result = self.decrees.cancel(
                self.detail.info.id, reason, expected_versi=self.detail.info.versi
            )
        except DomainError as exc:
            self._error(exc)
            return
        if result.peringatan:
            self.dialogs.info(self, self.tr("Batalkan SK"), "\n".join(result.peringatan))
        self.statusMessage.emit(self.tr("SK dibatalkan."))
        self.reload()
        self.select(result.info.id)

    @Slot()
    def correct_decree(self) -> None:
        if self.detail is None:
            return
        reason = self.dialogs.ask_text(
            self,
            self.tr("SK koreksi"),
            self.tr("Apa yang dikoreksi? (menjadi alasan pembatalan SK lama)"),
        )
        if reason is None:
            return
        try:
            info = self.decrees.correct(self.detail.info.id, reason)
        except DomainError as exc:
            self._error(exc)
            return
        self.reload()
        self.select(info.id)
        self.detail_tabs.setCurrentIndex(0)

    @Slot()
    def create_from_batch(self) -> None:
        batches = self.decrees.batches_siap()
        if not batches:
            self.dialogs.info(
                self,
                self.tr("Buat SK"),
                self.tr("Belum ada kelompok usulan yang disetujui dan siap dibuatkan SK."),
            )
            return
        labels = [
            self.tr("{nama} ({n} pegawai)").format(nama=b.nama, n=fmt_int(b.jumlah))
            for b in batches
        ]
        choice = self.dialogs.choose_item(
            self, self.tr("Buat SK"), self.tr("Kelompok usulan mutasi:"), labels
        )
        if choice is None:
            return
        try:
            info = self.decrees.create_from_batch(batches[choice].id)
        except DomainError as exc:
            self._error(exc)
            return
        self.statusMessage.emit(self.tr("Konsep SK dibuat."))
        self.status_filter.setCurrentIndex(0)
        self.reload()
        self.select(info.id)

    # ------------------------------------------------------------------ preview and print

    @Slot(int)
    def _on_detail_tab(self, index: int) -> None:
        if index == 1 and not self.pages:
            self.show_preview()

    @Slot(int)
    def _on_doc(self, _index: int) -> None:
        self.pages = []
        if self.detail_tabs.currentIndex() == 1:
            self.show_preview()

    def _current_doc(self) -> _Doc | None:
        i = self.doc_combo.currentIndex()
        return self._docs[i] if 0 <= i < len(self._docs) else None

    @Slot()
    def show_preview(self) -> None:
        doc = self._current_doc()
        if self.detail is None or doc is None or self.preview_task is not None:
            return
        sk_id = self.detail.info.id
        decrees = self.decrees

        def job(progress: Progress) -> list[QImage]:
            progress.report(0, 1, "")
            return [
                qimage(p) for p in decrees.preview(sk_id, doc.jenis, doc.baris, dpi=PREVIEW_DPI)
            ]

        task = Task(
            job, title=self.tr("Pratinjau"), label=self.tr("Menyusun halaman…"), parent=self
        )
        task.finished.connect(self._on_preview)
        task.failed.connect(self._on_task_failed)
        task.cancelled.connect(self._on_preview_cancelled)
        self.preview_task = task
        task.start()

    @Slot(object)
    def _on_preview(self, images: list[QImage]) -> None:
        self.preview_task = None
        self.pages = images
        self._clear_pages()
        for image in images:
            label = QLabel()
            label.setObjectName("skPage")
            label.setPixmap(QPixmap.fromImage(image))
            label.setFixedSize(image.width() + 2, image.height() + 2)  # never squeezed
            self.page_layout.addWidget(label)

    @Slot()
    def _on_preview_cancelled(self) -> None:
        self.preview_task = None

    def _clear_pages(self) -> None:
        while self.page_layout.count():
            item = self.page_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    @Slot()
    def print_document(self) -> None:
        doc = self._current_doc()
        if self.detail is None or doc is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"{doc.label} {self.detail.info.nomor or ''}".strip())
        tata = self.detail.tata_letak
        w_mm, h_mm = tata.kertas.ukuran_mm
        size = QPageSize(
            QSizeF(w_mm, h_mm),
            QPageSize.Unit.Millimeter,
            tata.kertas.value,
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
        printer.setPageLayout(
            QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        )
        printer.setFullPage(True)
        if not self.dialogs.print_setup(self, printer):
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        painter = QPainter()
        try:
            if not painter.begin(printer):
                raise OSError(self.tr("Printer tidak dapat dibuka."))
            for n, page in enumerate(
                self.decrees.halaman(self.detail.info.id, doc.jenis, doc.baris, dpi=PRINT_DPI)
            ):
                if n:
                    printer.newPage()
                target = painter.viewport()
                painter.drawImage(target, qimage(page))
            painter.end()
        except (DomainError, OSError) as exc:
            if painter.isActive():
                painter.end()
            self._error(exc)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.statusMessage.emit(self.tr("Dokumen dikirim ke pencetak."))

    @Slot()
    def save_pdf(self) -> None:
        doc = self._current_doc()
        if self.detail is None or doc is None:
            return
        suggested = folder_name(self.detail.info) + ".pdf"
        if doc.baris is not None:
            suggested = f"{doc.jenis.berkas}-{self.detail.isi.baris[doc.baris].nip}.pdf"
        path = self.dialogs.save_file(
            self, self.tr("Simpan PDF"), self.tr("Dokumen PDF (*.pdf)"), suggested
        )
        if not path:
            return
        try:
            saved = self.decrees.save_pdf(self.detail.info.id, doc.jenis, Path(path), doc.baris)
        except (DomainError, OSError) as exc:
            self._error(exc)
            return
        self.statusMessage.emit(self.tr("PDF disimpan: {path}").format(path=str(saved)))

    # ------------------------------------------------------------------ all files

    @Slot()
    def render_all(self) -> None:
        if self.detail is None or self.render_task is not None:
            return
        folder = self.dialogs.choose_folder(self, self.tr("Pilih folder untuk berkas PDF"))
        if not folder:
            return
        target = Path(folder) / folder_name(self.detail.info)
        sk_id = self.detail.info.id
        decrees = self.decrees

        def job(progress: Progress) -> RenderRingkasan:
            return decrees.render_files(sk_id, target, progress=progress)

        n = len(self._docs)
        task = Task(
            job,
            title=self.tr("Berkas PDF"),
            label=self.tr("Menulis {n} dokumen…").format(n=fmt_int(n)),
            parent=self,
        )
        task.finished.connect(self._on_rendered)
        task.failed.connect(self._on_task_failed)
        task.cancelled.connect(self._on_render_cancelled)
        self.render_task = task
        self.render_button.setEnabled(False)
        task.start()

    @Slot(object)
    def _on_rendered(self, summary: RenderRingkasan) -> None:
        self.render_task = None
        self.render_button.setEnabled(True)
        self.last_render = summary
        self.results_model.set_rows(summary.hasil)
        self.results.resizeColumnsToContents()
        failed = len(summary.gagal)
        text = self.tr("{ok} berkas ditulis ke {folder} dalam {s} detik.").format(
            ok=fmt_int(summary.berhasil), folder=str(summary.folder), s=f"{summary.detik:.1f}"
        )
        if failed:
            text += " " + self.tr("{n} dokumen gagal; lihat daftar.").format(n=fmt_int(failed))
        if summary.draft:
            text += " " + self.tr("Ini cetakan KONSEP (bertanda DRAFT).")
        self.render_summary.setText(text)
        self.open_folder_button.setEnabled(True)
        self.statusMessage.emit(text)
        if self.detail is not None:
            self._load(self.detail.info.id)
            self.detail_tabs.setCurrentIndex(2)

    @Slot()
    def _on_render_cancelled(self) -> None:
        self.render_task = None
        self.render_button.setEnabled(True)
        self.render_summary.setText(
            self.tr("Dibatalkan; berkas yang sudah ditulis tetap ada dan terdaftar.")
        )

    @Slot()
    def _open_folder(self) -> None:
        if self.last_render is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_render.folder)))

    # ------------------------------------------------------------------ register

    @Slot()
    def reload_register(self) -> None:
        year = self.year.value()
        self.register_model.set_rows(self.decrees.register(year))
        self.register.resizeColumnsToContents()
        gaps = self.decrees.celah(year)
        try:
            text = self.tr("Nomor berikutnya: {nomor}").format(
                nomor=self.decrees.nomor_berikut(self.services.ctx.today())
            )
        except DomainError as exc:
            text = exc.message()
        if gaps:
            missing = ", ".join(str(n) for seq in gaps.values() for n in seq[:15])
            text += " · " + self.tr("belum terpakai (diisi lebih dulu): {n}").format(n=missing)
        self.next_number.setText(text)

    @Slot()
    def reserve_number(self) -> None:
        note = self.dialogs.ask_text(
            self,
            self.tr("Catat nomor"),
            self.tr("Nomor ini dipakai untuk surat apa?"),
        )
        if note is None:
            return
        nomor = self.dialogs.ask_text(
            self,
            self.tr("Catat nomor"),
            self.tr("Nomor lengkap yang sudah dipakai (kosongkan untuk nomor berikutnya):"),
        )
        if nomor is None:
            return
        try:
            rows = self.decrees.reserve(note, nomor=nomor.strip() or None)
        except DomainError as exc:
            self._error(exc)
            return
        self.statusMessage.emit(self.tr("Nomor dicatat: {nomor}").format(nomor=rows[0].nomor))
        self.reload_register()

    @Slot()
    def cancel_number(self) -> None:
        index = self.register.currentIndex()
        row = self.register_model.row_at(index.row()) if index.isValid() else None
        if row is None:
            return
        reason = self.dialogs.ask_text(
            self,
            self.tr("Batalkan nomor"),
            self.tr("Alasan pembatalan nomor {nomor}:").format(nomor=row.nomor),
        )
        if reason is None:
            return
        try:
            self.decrees.cancel_number(row.id, reason)
        except DomainError as exc:
            self._error(exc)
            return
        self.reload_register()

    # ------------------------------------------------------------------ verification

    @Slot()
    def verify_code(self) -> None:
        text = self.code_edit.text().strip()
        if not text:
            return
        try:
            self._verdict(self.decrees.verify_code(text))
        except DomainError as exc:
            self._error(exc)

    @Slot()
    def verify_file(self) -> None:
        path = self.dialogs.open_file(
            self, self.tr("Periksa berkas PDF"), self.tr("Dokumen PDF (*.pdf)")
        )
        if not path:
            return
        try:
            self._verdict(self.decrees.verify_file(Path(path)))
        except DomainError as exc:
            self._error(exc)

    def _verdict(self, result: HasilVerifikasi) -> None:
        self.last_verdict = result
        self.verdict.setObjectName("skVerdictOk" if result.sah else "skVerdictBad")
        self.verdict.setStyleSheet("")  # re-polish for the new object name
        self.verdict.setText(tr_message(f"sk.verifikasi.{result.hasil}", _verdict_params(result)))
        lines: list[str] = []
        if result.sk is not None:
            lines.append(self.tr("Tentang: {judul}").format(judul=result.sk.judul))
        if result.dokumen is not None and result.dokumen.nama:
            lines.append(
                self.tr("Pegawai: {nama} (NIP {nip})").format(
                    nama=result.dokumen.nama, nip=result.dokumen.nip or "-"
                )
            )
        if result.sha256:
            lines.append(self.tr("SHA-256 berkas: {h}").format(h=result.sha256))
        self.verdict_detail.setText("\n".join(lines))

    # ------------------------------------------------------------------ helpers

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        if index == 1:
            self.reload_register()

    @Slot(object)
    def _on_task_failed(self, error: BaseException) -> None:
        self.preview_task = None
        self.render_task = None
        self.render_button.setEnabled(self.detail is not None)
        self._error(error)

    def _error(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            text = "\n".join(problem_text(p) for p in exc.problems)
        else:
            text = self.tr("Terjadi kesalahan: {detail}").format(detail=str(exc))
        self.dialogs.error(self, self.tr("Surat Keputusan"), text)

    def busy(self) -> bool:
        return self.preview_task is not None or self.render_task is not None


def _verdict_params(result: HasilVerifikasi) -> dict[str, Any]:
    params: dict[str, Any] = {"kode": result.kode or "-"}
    if result.sk is not None:
        params.update(
            nomor=result.sk.nomor or "-",
            tanggal=format_tanggal(result.sk.tanggal) if result.sk.tanggal else "-",
            alasan=result.sk.alasan_batal or "-",
        )
    if result.dokumen is not None:
        params["dokumen"] = result.dokumen.judul
    return params
