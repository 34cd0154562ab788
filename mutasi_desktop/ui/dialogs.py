"""The dialogs port: every modal question goes through here so tests can answer it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


@dataclass(frozen=True)
class ExportChoice:
    """What to export: the current filter (else everyone active) and in which order."""

    filtered: bool = False
    duk: bool = False


class ExportOptionsDialog(QDialog):
    """Asks which staff to export and whether as a DUK (Daftar Urut Kepangkatan)."""

    def __init__(self, parent: QWidget | None, filtered: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ekspor pegawai"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Pegawai yang diekspor:")))
        self.all_button = QRadioButton(self.tr("Semua pegawai aktif"))
        self.filter_button = QRadioButton(self.tr("Sesuai pencarian dan filter saat ini"))
        self.filter_button.setEnabled(filtered)
        (self.filter_button if filtered else self.all_button).setChecked(True)
        layout.addWidget(self.all_button)
        layout.addWidget(self.filter_button)
        self.duk_box = QCheckBox(
            self.tr("Urutkan sebagai Daftar Urut Kepangkatan (DUK, tanpa PPPK)")
        )
        layout.addWidget(self.duk_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> ExportChoice:
        return ExportChoice(self.filter_button.isChecked(), self.duk_box.isChecked())


class Dialogs:
    """Real modal dialogs. Tests install a subclass with scripted answers (a modal `exec()`
    would block forever offscreen)."""

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, text=text)
        return value if ok else None

    def ask_save(self, parent: QWidget | None, title: str, text: str) -> SaveChoice:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SaveChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return SaveChoice.DISCARD
        return SaveChoice.CANCEL

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path or None

    def save_file(
        self, parent: QWidget | None, title: str, filters: str, suggested: str = ""
    ) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def export_options(self, parent: QWidget | None, filtered: bool) -> ExportChoice | None:
        dialog = ExportOptionsDialog(parent, filtered)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def choose_item(
        self, parent: QWidget | None, title: str, label: str, items: Sequence[str]
    ) -> int | None:
        """Pick one of ``items``; its index, or None when cancelled."""
        value, ok = QInputDialog.getItem(parent, title, label, list(items), 0, False)
        return list(items).index(value) if ok and value in items else None

    def choose_folder(self, parent: QWidget | None, title: str, start: str = "") -> str | None:
        path = QFileDialog.getExistingDirectory(parent, title, start)
        return path or None

    def print_setup(self, parent: QWidget | None, printer: QPrinter) -> bool:
        """The system print dialog for ``printer``; True when the user chose to print."""
        dialog = QPrintDialog(printer, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted
