"""Import and export from the staff register: actions, drag and drop, the background export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.progress import Progress
from mutasi_desktop.services.staff import StaffFilter
from mutasi_desktop.services.staff_export import ExportOrder, ExportResult
from mutasi_desktop.services.staff_import import SUPPORTED_SUFFIXES, ImportResult
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import fmt_int, problem_text
from mutasi_desktop.ui.import_wizard import ImportWizard
from mutasi_desktop.ui.tasks import Task


def dropped_file(event: QDragEnterEvent | QDropEvent) -> str | None:
    """The one local spreadsheet file being dragged, if that is what it is."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    urls = [u for u in mime.urls() if u.isLocalFile()]
    if len(urls) != 1:
        return None
    path = urls[0].toLocalFile()
    return path if Path(path).suffix.lower() in SUPPORTED_SUFFIXES else None


class StaffIo(QObject):
    """Owns the import wizard and the export task of one staff register view."""

    statusMessage = Signal(str)
    imported = Signal(object)  # ImportResult

    def __init__(
        self,
        view: QWidget,
        services: Services,
        dialogs: Dialogs,
        current_filter: Callable[[], StaffFilter],
    ) -> None:
        super().__init__(view)
        self.view = view
        self.services = services
        self.dialogs = dialogs
        self.current_filter = current_filter
        self.wizard: ImportWizard | None = None
        self.export_task: Task | None = None
        self.last_export: ExportResult | None = None
        self.import_action = QAction(self.tr("Impor pegawai…"), view)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setToolTip(
            self.tr("Impor dari ekspor SIASN atau lembar SIMPEG (Ctrl+I)")
        )
        self.import_action.triggered.connect(self.start_import)
        self.export_action = QAction(self.tr("Ekspor pegawai…"), view)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip(self.tr("Ekspor ke buku kerja Excel (Ctrl+E)"))
        self.export_action.triggered.connect(self.export)
        for act in (self.import_action, self.export_action):
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            view.addAction(act)
        view.setAcceptDrops(True)
        view.installEventFilter(self)

    # ---- drag and drop ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view:
            if isinstance(event, QDragEnterEvent | QDropEvent) and event.type() in (
                QEvent.Type.DragEnter,
                QEvent.Type.DragMove,
            ):
                if dropped_file(event):
                    event.acceptProposedAction()
                    return True
            elif isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
                path = dropped_file(event)
                if path:
                    event.acceptProposedAction()
                    self.start_import(path)
                    return True
        return super().eventFilter(watched, event)

    # ---- import ----------------------------------------------------------------------------
    @Slot()
    def start_import(self, path: str | None = None) -> ImportWizard:
        """Open the import wizard (or bring the open one forward); with ``path`` it starts at
        the sheet page."""
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        wizard = ImportWizard(self.services, self.dialogs, path or None, self.view)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self._on_imported)
        wizard.destroyed.connect(self._on_wizard_gone)
        self.wizard = wizard
        wizard.open()
        if path:
            wizard.start_with_file()
        return wizard

    @Slot()
    def _on_wizard_gone(self) -> None:
        self.wizard = None

    @Slot(object)
    def _on_imported(self, result: ImportResult) -> None:
        c = result.counts
        if result.written:
            self.statusMessage.emit(
                self.tr("Impor selesai: {a} ditambah, {u} diubah, {r} ditolak.").format(
                    a=fmt_int(c.baru), u=fmt_int(c.ubah), r=fmt_int(c.tolak)
                )
            )
        else:
            self.statusMessage.emit(self.tr("Impor selesai: tidak ada perubahan."))
        self.imported.emit(result)

    # ---- export ----------------------------------------------------------------------------
    @Slot()
    def export(self) -> None:
        if self.export_task is not None:
            return
        flt = self.current_filter()
        filtered = flt != StaffFilter()
        choice = self.dialogs.export_options(self.view, filtered)
        if choice is None:
            return
        suggested = "duk.xlsx" if choice.duk else "pegawai.xlsx"
        path = self.dialogs.save_file(
            self.view,
            self.tr("Ekspor pegawai"),
            self.tr("Buku kerja Excel (*.xlsx)"),
            suggested,
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        used = flt if choice.filtered else StaffFilter()
        order = ExportOrder.DUK if choice.duk else ExportOrder.NAMA
        exporter = self.services.staff_export

        def job(progress: Progress) -> ExportResult:
            return exporter.export(path, used, order=order, progress=progress)

        task = Task(
            job,
            title=self.tr("Ekspor pegawai"),
            label=self.tr("Menulis buku kerja…"),
            parent=self.view,
        )
        task.finished.connect(self._on_exported)
        task.failed.connect(self._on_export_failed)
        task.cancelled.connect(self._on_export_cancelled)
        self.export_task = task
        task.start()

    @Slot(object)
    def _on_exported(self, result: ExportResult) -> None:
        self.export_task = None
        self.last_export = result
        self.statusMessage.emit(
            self.tr("{n} pegawai diekspor ke {p}").format(n=fmt_int(result.rows), p=result.path)
        )

    @Slot(object)
    def _on_export_failed(self, error: object) -> None:
        self.export_task = None
        text = problem_text(error.problems[0]) if isinstance(error, DomainError) else str(error)
        self.dialogs.error(self.view, self.tr("Ekspor pegawai"), text)

    @Slot()
    def _on_export_cancelled(self) -> None:
        self.export_task = None
        self.statusMessage.emit(self.tr("Ekspor dibatalkan."))
