"""The staff import wizard: file → sheet → column mapping → preview → apply → summary.

Reading, previewing and applying run as background tasks (progress after half a second, with
cancel); the wizard moves on when a task finishes. Nothing is written before the preview page's
"Impor" button, and then everything or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.staff_import import FIELDS, REQUIRED_FIELDS, column_letter
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.progress import Progress
from mutasi_desktop.services.staff_import import (
    SUPPORTED_SUFFIXES,
    ImportPreview,
    ImportResult,
    SourceSheet,
)
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import fmt_int, problem_text, tr_label
from mutasi_desktop.ui.import_preview_model import ImportPreviewModel, ProblemFilterProxy
from mutasi_desktop.ui.tasks import Task

IGNORE = ""  # combo data of "(abaikan)"
FUZZY_BG = "#fcefd2"


def _file_filter() -> str:
    patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
    return f"({patterns})"


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Pilih berkas"))
        self.setSubTitle(
            self.tr(
                "Ekspor SIASN (data utama) atau lembar SIMPEG/olahan sendiri: .xlsx, .xls, .ods "
                "atau .csv. Berkas juga dapat diseret ke daftar pegawai."
            )
        )
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Lokasi berkas…"))
        self.path.textChanged.connect(self.completeChanged)
        self.browse = QPushButton(self.tr("Pilih berkas…"))
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout.addLayout(row)
        self.hint = QLabel(
            self.tr(
                "NIP sebaiknya disimpan sebagai teks. Baris judul boleh berada di bawah judul "
                "laporan atau terbagi dua baris; baris bagian dan jumlah dilewati."
            )
        )
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        layout.addStretch(1)

    @Slot()
    def _browse(self) -> None:
        chosen = self._wizard.dialogs.open_file(
            self, self.tr("Pilih berkas pegawai"), self.tr("Lembar kerja") + " " + _file_filter()
        )
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:
        text = self.path.text().strip()
        return bool(text) and Path(text).suffix.lower() in SUPPORTED_SUFFIXES

    def validatePage(self) -> bool:
        try:
            names = self._wizard.services.staff_import.sheet_names(self.path.text().strip())
        except DomainError as exc:
            self._wizard.dialogs.error(self, self.tr("Berkas"), problem_text(exc.problems[0]))
            return False
        self._wizard.set_sheets(Path(self.path.text().strip()), names)
        return True


class SheetPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Pilih lembar"))
        self.setSubTitle(self.tr("Lembar kerja yang berisi data pegawai."))
        layout = QVBoxLayout(self)
        self.sheets = QListWidget()
        self.sheets.currentRowChanged.connect(self.completeChanged)
        self.sheets.itemDoubleClicked.connect(self._double_clicked)
        layout.addWidget(self.sheets)

    def initializePage(self) -> None:
        self.sheets.clear()
        for name in self._wizard.sheet_names:
            self.sheets.addItem(QListWidgetItem(name))
        self.sheets.setCurrentRow(0)

    @Slot(QListWidgetItem)
    def _double_clicked(self, _item: QListWidgetItem) -> None:
        self._wizard.next()

    def isComplete(self) -> bool:
        return self.sheets.currentRow() >= 0

    def validatePage(self) -> bool:
        if self._wizard.ready_to_leave(self):
            return True
        item = self.sheets.currentItem()
        sheet = item.text() if item is not None else None
        path = self._wizard.path
        importer = self._wizard.services.staff_import

        def job(progress: Progress) -> SourceSheet:
            progress.report(0, 0, "")
            return importer.open_source(path, sheet)

        self._wizard.run(
            self, job, self.tr("Membaca berkas"), self.tr("Membaca {f}…").format(f=path.name)
        )
        return False


class MappingPage(QWizardPage):
    TARGET = 3

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Pemetaan kolom"))
        self.setSubTitle(
            self.tr(
                "Kolom berkas dan data yang diisinya. Ubah bila perlu; pemetaan diingat untuk "
                "berkas dengan susunan kolom yang sama."
            )
        )
        layout = QVBoxLayout(self)
        self.header_info = QLabel()
        self.header_info.setWordWrap(True)
        layout.addWidget(self.header_info)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kolom"), self.tr("Judul di berkas"), self.tr("Contoh isi"), self.tr("Data")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 200)
        self.table.setColumnWidth(3, 210)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.missing = QLabel()
        self.missing.setObjectName("fieldError")
        self.missing.setWordWrap(True)
        self.reset_button = QPushButton(self.tr("Kembalikan pemetaan otomatis"))
        self.reset_button.clicked.connect(self._reset)
        bottom.addWidget(self.missing, 1)
        bottom.addWidget(self.reset_button)
        layout.addLayout(bottom)
        self.combos: list[QComboBox] = []
        self._filling = False

    def initializePage(self) -> None:
        source = self._wizard.source
        assert source is not None
        header = source.header
        if header.height == 2:
            text = self.tr("Judul kolom ditemukan di baris {a}–{b} (dua baris).").format(
                a=header.row + 1, b=header.row + 2
            )
        else:
            text = self.tr("Judul kolom ditemukan di baris {a}.").format(a=header.row + 1)
        if source.remembered is not None:
            text += " " + self.tr(
                "Pemetaan diambil dari impor sebelumnya dengan susunan yang sama."
            )
        self.header_info.setText(text)
        self._fill(self._wizard.mapping)

    def _fill(self, mapping: dict[str, int]) -> None:
        source = self._wizard.source
        assert source is not None
        self._filling = True
        by_column = {col: key for key, col in mapping.items()}
        width = source.width
        self.table.setRowCount(width)
        self.combos = []
        for col in range(width):
            label = source.header.labels[col] if col < len(source.header.labels) else ""
            self.table.setItem(col, 0, QTableWidgetItem(column_letter(col)))
            label_item = QTableWidgetItem(label)
            if by_column.get(col) in source.header.fuzzy:
                # Matched despite the spelling: worth a look before importing.
                label_item.setBackground(QBrush(QColor(FUZZY_BG)))
                label_item.setToolTip(
                    self.tr("Dicocokkan meskipun ejaannya berbeda; periksa pemetaannya.")
                )
            self.table.setItem(col, 1, label_item)
            self.table.setItem(col, 2, QTableWidgetItem(" · ".join(source.sample(col))))
            combo = QComboBox()
            combo.addItem(self.tr("(abaikan)"), IGNORE)
            for f in FIELDS:
                combo.addItem(tr_label(f.label), f.key)
            combo.setCurrentIndex(max(combo.findData(by_column.get(col, IGNORE)), 0))
            combo.setProperty("column", col)
            combo.currentIndexChanged.connect(self._on_combo)
            self.table.setCellWidget(col, self.TARGET, combo)
            self.combos.append(combo)
        self._filling = False
        self._update_missing()

    @Slot()
    def _on_combo(self) -> None:
        if self._filling:
            return
        combo = self.sender()
        if not isinstance(combo, QComboBox):
            return
        key = combo.currentData()
        if key:
            # A field comes from one column: taking it elsewhere releases the old one.
            self._filling = True
            for other in self.combos:
                if other is not combo and other.currentData() == key:
                    other.setCurrentIndex(0)
            self._filling = False
        self._wizard.mapping = self.current_mapping()
        self._update_missing()

    def current_mapping(self) -> dict[str, int]:
        return {
            str(c.currentData()): i for i, c in enumerate(self.combos) if c.currentData() != IGNORE
        }

    def set_field(self, column: int, key: str) -> None:
        """Map ``column`` to ``key`` as if chosen in its combo box (tests, keyboard)."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(key), 0))

    @Slot()
    def _reset(self) -> None:
        source = self._wizard.source
        assert source is not None
        self._wizard.mapping = dict(source.header.mapping)
        self._fill(self._wizard.mapping)

    def _update_missing(self) -> None:
        mapping = self.current_mapping()
        missing = [f.label for f in FIELDS if f.key in REQUIRED_FIELDS and f.key not in mapping]
        self.missing.setText(
            self.tr("Kolom wajib belum dipetakan: {f}").format(
                f=", ".join(tr_label(m) for m in missing)
            )
            if missing
            else ""
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        mapping = self.current_mapping()
        return all(f in mapping for f in REQUIRED_FIELDS)

    def validatePage(self) -> bool:
        if self._wizard.ready_to_leave(self):
            return True
        source = self._wizard.source
        assert source is not None
        mapping = self.current_mapping()
        self._wizard.mapping = mapping
        importer = self._wizard.services.staff_import

        def job(progress: Progress) -> ImportPreview:
            return importer.preview(source, mapping, progress)

        self._wizard.run(self, job, self.tr("Memeriksa data"), self.tr("Memeriksa setiap baris…"))
        return False


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Pratinjau"))
        self.setSubTitle(
            self.tr(
                "Sel merah tidak sah, sel kuning perlu diperiksa; arahkan tetikus ke sel untuk "
                "alasannya. Belum ada yang disimpan."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Impor"))
        layout = QVBoxLayout(self)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.model = ImportPreviewModel(self)
        self.proxy = ProblemFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.only_problems = QCheckBox(self.tr("Hanya baris bermasalah"))
        self.only_problems.toggled.connect(self.proxy.set_only_problems)
        layout.addWidget(self.only_problems)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        vh = self.view.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(24)
        layout.addWidget(self.view, 1)
        self.org = QLabel()
        self.org.setWordWrap(True)
        self.org.setObjectName("hint")
        layout.addWidget(self.org)
        self.skip_invalid = QCheckBox(
            self.tr("Lewati baris yang tidak sah dan impor baris lainnya")
        )
        self.skip_invalid.toggled.connect(self.completeChanged)
        layout.addWidget(self.skip_invalid)
        self.blocked = QLabel()
        self.blocked.setObjectName("fieldError")
        self.blocked.setWordWrap(True)
        layout.addWidget(self.blocked)

    def initializePage(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        self.model.set_preview(preview)
        c = preview.counts
        self.counts.setText(
            self.tr(
                "Baru <b>{baru}</b> · diubah <b>{ubah}</b> · tetap <b>{tetap}</b> · "
                "ditolak <b>{tolak}</b> · dilewati {lewat} · dengan peringatan {warn}"
            ).format(
                baru=fmt_int(c.baru),
                ubah=fmt_int(c.ubah),
                tetap=fmt_int(c.tetap),
                tolak=fmt_int(c.tolak),
                lewat=fmt_int(c.dilewati),
                warn=fmt_int(c.peringatan),
            )
        )
        self.org.setText(self._org_text(preview))
        self.skip_invalid.setChecked(False)
        self.skip_invalid.setEnabled(c.tolak > 0)
        self.only_problems.setChecked(c.tolak > 0)
        self.view.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.view.setColumnWidth(col, min(self.view.columnWidth(col), 260))
        self._update_blocked()

    def _org_text(self, preview: ImportPreview) -> str:
        parts: list[str] = []
        kinds = {"opd": 0, "unit": 0, "jabatan": 0}
        for item in preview.created:
            kinds[item.kind] += 1
        made = [
            text.format(n=fmt_int(kinds[kind]))
            for kind, text in (
                ("opd", self.tr("{n} OPD")),
                ("unit", self.tr("{n} unit kerja")),
                ("jabatan", self.tr("{n} jabatan")),
            )
            if kinds[kind]
        ]
        if made:
            parts.append(self.tr("Akan dibuat dari berkas: {items}.").format(items=", ".join(made)))
        if preview.matched:
            parts.append(
                self.tr("{n} nama dicocokkan dengan data yang ada.").format(
                    n=fmt_int(len(preview.matched))
                )
            )
        if preview.missing:
            parts.append(
                self.tr(
                    "{n} pegawai aktif di basis data tidak ada di berkas ini (tidak dihapus)."
                ).format(n=fmt_int(len(preview.missing)))
            )
        return " ".join(parts)

    def _update_blocked(self) -> None:
        preview = self._wizard.preview
        if preview is None:
            return
        if preview.counts.tolak and not self.skip_invalid.isChecked():
            self.blocked.setText(
                self.tr(
                    "Ada {n} baris tidak sah: perbaiki berkas, atau centang pilihan di atas untuk "
                    "mengimpor baris yang sah saja."
                ).format(n=fmt_int(preview.counts.tolak))
            )
        else:
            self.blocked.setText("")

    def isComplete(self) -> bool:
        preview = self._wizard.preview
        if preview is None or not preview.can_apply:
            return False
        self._update_blocked()
        rejected = preview.counts.tolak
        blocked = rejected and (not self.skip_invalid.isChecked() or rejected == len(preview.rows))
        return not blocked

    def validatePage(self) -> bool:
        if self._wizard.ready_to_leave(self):
            return True
        preview = self._wizard.preview
        assert preview is not None
        skip = self.skip_invalid.isChecked()
        importer = self._wizard.services.staff_import

        def job(progress: Progress) -> ImportResult:
            return importer.apply(preview, skip_invalid=skip, progress=progress)

        self._wizard.run(self, job, self.tr("Mengimpor"), self.tr("Menyimpan data pegawai…"))
        return False


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Selesai"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        row = QHBoxLayout()
        self.save_report = QPushButton(self.tr("Simpan laporan kesalahan…"))
        self.save_report.clicked.connect(self._save_report)
        row.addWidget(self.save_report)
        row.addStretch(1)
        layout.addLayout(row)

    def initializePage(self) -> None:
        result = self._wizard.import_result
        assert result is not None
        c = result.counts
        written = result.written
        self.summary.setText(
            self.tr(
                "<p>Ditambah <b>{baru}</b> · diubah <b>{ubah}</b> · tetap <b>{tetap}</b> · "
                "ditolak <b>{tolak}</b></p><p>{note}</p>"
            ).format(
                baru=fmt_int(c.baru if written else 0),
                ubah=fmt_int(c.ubah if written else 0),
                tetap=fmt_int(c.tetap),
                tolak=fmt_int(c.tolak),
                note=self.tr(
                    "Semua perubahan tersimpan dalam satu transaksi dan tercatat di log audit."
                )
                if written
                else self.tr("Tidak ada perubahan: data di berkas sama dengan basis data."),
            )
        )
        lines: list[str] = []
        if result.created:
            lines.append(self.tr("Dibuat dari berkas (periksa kembali):"))
            names = {"opd": self.tr("OPD"), "unit": self.tr("Unit"), "jabatan": self.tr("Jabatan")}
            for item in result.created:
                parent = f" ({item.induk})" if item.induk else ""
                lines.append(f"  {names.get(item.kind, item.kind)}: {item.nama}{parent}")
        if result.matched:
            lines.append(self.tr("Nama yang dicocokkan dengan data yang ada:"))
            lines.extend(f"  {m.nama} → {m.dicocokkan}" for m in result.matched)
        if result.missing:
            lines.append(
                self.tr("Pegawai aktif yang tidak ada di berkas ({n}), tidak dihapus:").format(
                    n=fmt_int(len(result.missing))
                )
            )
            lines.extend(f"  {m.nip}  {m.nama}  {m.unit or '-'}" for m in result.missing)
        self.details.setPlainText("\n".join(lines))
        self.details.setVisible(bool(lines))
        self.save_report.setEnabled(any(r.problems for r in result.rows))

    @Slot()
    def _save_report(self) -> None:
        result, source = self._wizard.import_result, self._wizard.source
        if result is None or source is None:
            return
        suggested = f"{source.path.stem}-masalah.xlsx"
        path = self._wizard.dialogs.save_file(
            self,
            self.tr("Simpan laporan kesalahan"),
            self.tr("Buku kerja Excel (*.xlsx)"),
            suggested,
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            self._wizard.services.staff_import.write_error_workbook(source, list(result.rows), path)
        except DomainError as exc:
            self._wizard.dialogs.error(self, self.tr("Laporan"), problem_text(exc.problems[0]))
            return
        self._wizard.report_path = path
        self._wizard.dialogs.info(
            self, self.tr("Laporan"), self.tr("Laporan disimpan: {p}").format(p=path)
        )


class ImportWizard(QWizard):
    """One import from a file; emits ``imported`` after a successful apply."""

    imported = Signal(object)  # ImportResult

    FILE, SHEET, MAPPING, PREVIEW, RESULT = range(5)

    def __init__(
        self,
        services: Services,
        dialogs: Dialogs,
        path: str | Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.path = Path(path) if path else Path()
        self.sheet_names: list[str] = []
        self.source: SourceSheet | None = None
        self.mapping: dict[str, int] = {}
        self.preview: ImportPreview | None = None
        self.import_result: ImportResult | None = None
        self.report_path: str | None = None
        self.task: Task | None = None
        self._advance_from: QWizardPage | None = None
        self._close_when_idle = False
        self.setWindowTitle(self.tr("Impor data pegawai"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(980, 640)
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page_id, page in (
            (self.FILE, self.file_page),
            (self.SHEET, self.sheet_page),
            (self.MAPPING, self.mapping_page),
            (self.PREVIEW, self.preview_page),
            (self.RESULT, self.result_page),
        ):
            self.setPage(page_id, page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Kembali"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Selesai"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        if path:
            self.file_page.path.setText(str(path))
            self.file_page.path.setCursorPosition(0)

    # ---- data handed between pages ---------------------------------------------------------
    def set_sheets(self, path: Path, names: list[str]) -> None:
        if path != self.path:
            self.source = None
            self.preview = None
        self.path = path
        self.sheet_names = list(names)

    def start_with_file(self) -> None:
        """Skip the file page when a file was given (drag and drop)."""
        if self.file_page.isComplete():
            QTimer.singleShot(0, self.next)

    # ---- background steps ------------------------------------------------------------------
    def ready_to_leave(self, page: QWizardPage) -> bool:
        """True once the task a page started has finished and the wizard advances."""
        if self._advance_from is page:
            self._advance_from = None
            return True
        return False

    def run(
        self, page: QWizardPage, job: Callable[[Progress], Any], title: str, label: str
    ) -> None:
        if self.task is not None:
            return
        self._pending = page
        self.task = Task(job, title=title, label=label, parent=self)
        self.task.finished.connect(self._on_finished)
        self.task.failed.connect(self._on_failed)
        self.task.cancelled.connect(self._on_cancelled)
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)
        self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
        self.task.start()

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self.task = None
        page = self._pending
        if isinstance(result, SourceSheet):
            self.source = result
            self.mapping = result.mapping
            self.preview = None
        elif isinstance(result, ImportPreview):
            self.preview = result
        elif isinstance(result, ImportResult):
            self.import_result = result
            self.imported.emit(result)
        if self._idle():
            return
        self._advance_from = page
        self.next()
        if self.currentPage() is page:  # QWizard refused: re-enable the buttons
            self._advance_from = None
            page.completeChanged.emit()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.task = None
        page = self._pending
        page.completeChanged.emit()
        if self._idle():
            return
        if isinstance(error, DomainError):
            text = "\n".join(problem_text(p) for p in error.problems[:10])
            if len(error.problems) > 10:
                text += "\n…"
            self.dialogs.error(self, self.tr("Impor"), text)
        else:
            self.dialogs.error(
                self,
                self.tr("Impor"),
                self.tr("Terjadi kesalahan tak terduga: {e}").format(e=str(error)),
            )

    @Slot()
    def _on_cancelled(self) -> None:
        self.task = None
        page = self._pending
        page.completeChanged.emit()
        if self._idle():
            return
        if page is self.preview_page:
            self.dialogs.info(
                self, self.tr("Impor"), self.tr("Impor dibatalkan. Tidak ada data yang disimpan.")
            )

    def reject(self) -> None:
        if self.task is not None:
            # The task ends by itself (a cancelled import rolls back); close once it has.
            self._close_when_idle = True
            self.task.cancel()
            return
        super().reject()

    def _idle(self) -> bool:
        """After a task: close if the user asked to while it ran."""
        if self._close_when_idle:
            self._close_when_idle = False
            super().reject()
            return True
        return False

    def current_index_of_row(self, sheet_row: int) -> QModelIndex:
        """The preview view's index of a sheet row (tests)."""
        row = self.preview_page.model.row_of(sheet_row)
        if row is None:
            return QModelIndex()
        return self.preview_page.proxy.mapFromSource(self.preview_page.model.index(row, 0))
