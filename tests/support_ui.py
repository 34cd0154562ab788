"""UI test helpers: scripted answers for the dialogs port."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtPrintSupport import QPrinter

from mutasi_desktop.ui.dialogs import Dialogs, ExportChoice, SaveChoice


class FakeDialogs(Dialogs):
    """Answers modal questions from a script and records what was asked."""

    def __init__(self) -> None:
        self.confirm_answers: list[bool] = []
        self.text_answers: list[str | None] = []
        self.save_answers: list[SaveChoice] = []
        self.asked: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.open_file_answers: list[str | None] = []
        self.save_file_answers: list[str | None] = []
        self.export_answers: list[ExportChoice | None] = []
        self.item_answers: list[int | None] = []
        self.folder_answers: list[str | None] = []
        # Print "to" these PDF files (None: the user cancels the print dialog).
        self.print_answers: list[str | None] = []

    def confirm(self, parent: object, title: str, text: str) -> bool:
        self.asked.append(("confirm", text))
        return self.confirm_answers.pop(0)

    def ask_text(self, parent: object, title: str, label: str, text: str = "") -> str | None:
        self.asked.append(("text", label))
        return self.text_answers.pop(0)

    def ask_save(self, parent: object, title: str, text: str) -> SaveChoice:
        self.asked.append(("save", text))
        # Unscripted (e.g. the window closing at teardown): throw the edits away.
        return self.save_answers.pop(0) if self.save_answers else SaveChoice.DISCARD

    def error(self, parent: object, title: str, text: str) -> None:
        self.errors.append(text)

    def info(self, parent: object, title: str, text: str) -> None:
        self.asked.append(("info", text))

    def open_file(self, parent: object, title: str, filters: str) -> str | None:
        self.asked.append(("open_file", title))
        return self.open_file_answers.pop(0)

    def save_file(
        self, parent: object, title: str, filters: str, suggested: str = ""
    ) -> str | None:
        self.asked.append(("save_file", title))
        return self.save_file_answers.pop(0)

    def export_options(self, parent: object, filtered: bool) -> ExportChoice | None:
        self.asked.append(("export", str(filtered)))
        return self.export_answers.pop(0)

    def choose_item(
        self, parent: object, title: str, label: str, items: Sequence[str]
    ) -> int | None:
        self.asked.append(("item", label))
        return self.item_answers.pop(0)

    def choose_folder(self, parent: object, title: str, start: str = "") -> str | None:
        self.asked.append(("folder", title))
        return self.folder_answers.pop(0)

    def print_setup(self, parent: object, printer: QPrinter) -> bool:
        self.asked.append(("print", printer.docName()))
        target = self.print_answers.pop(0)
        if target is None:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(target)
        return True
