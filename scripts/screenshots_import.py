#!/usr/bin/env python3
"""Render every page of the staff import wizard to PNG for docs/ (offscreen; run in the venv).

python scripts/screenshots_import.py [OUT_DIR]   (default: docs/screenshots)

Uses the golden files of tests/fixtures/staff on a throwaway database that already holds the
two demo OPDs, so the pages show matching, creation and rejected rows as a clerk would see them.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget, QWizard

from mutasi_desktop.services.bootstrap import open_services
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import install_translators
from mutasi_desktop.ui.import_wizard import ImportWizard
from mutasi_desktop.ui.style import STYLESHEET

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "staff"
sys.path.insert(0, str(ROOT / "tests"))

from support import SmallOrg  # noqa: E402


class Quiet(Dialogs):
    """No modal questions while rendering."""

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        return None


def wait(app: QApplication, done: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        app.processEvents()
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def advance(app: QApplication, wizard: ImportWizard, page: int) -> None:
    wizard.next()
    wait(app, lambda: wizard.currentId() == page)


def shoot(app: QApplication, wizard: ImportWizard, out: Path, name: str) -> None:
    app.processEvents()
    wizard.grab().save(str(out / f"import-{name}.png"))
    print(out / f"import-{name}.png")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_translators(app)
    app.setStyleSheet(STYLESHEET)
    with tempfile.TemporaryDirectory() as tmp:
        services = open_services(Path(tmp) / "contoh.sqlite3")
        SmallOrg(services)
        dialogs = Quiet()

        # A SIMPEG sheet with title rows and a two-row header: file, sheet, mapping.
        wizard = ImportWizard(services, dialogs, FIXTURES / "simpeg_judul_dua_baris.xlsx")
        wizard.resize(1000, 660)
        wizard.show()
        shoot(app, wizard, out, "1-berkas")
        advance(app, wizard, ImportWizard.SHEET)
        shoot(app, wizard, out, "2-lembar")
        advance(app, wizard, ImportWizard.MAPPING)
        wizard.mapping_page.table.scrollToTop()
        shoot(app, wizard, out, "3-pemetaan")
        advance(app, wizard, ImportWizard.PREVIEW)
        wizard.preview_page.only_problems.setChecked(False)
        shoot(app, wizard, out, "4-pratinjau")
        advance(app, wizard, ImportWizard.RESULT)
        shoot(app, wizard, out, "6-ringkasan")
        wizard.close()
        services.close()

        # A damaged export into another office's database: the preview with its bad cells.
        services = open_services(Path(tmp) / "lain.sqlite3")
        SmallOrg(services)
        wizard = ImportWizard(services, dialogs, FIXTURES / "rusak_nip.xlsx")
        wizard.resize(1000, 660)
        wizard.show()
        advance(app, wizard, ImportWizard.SHEET)
        advance(app, wizard, ImportWizard.MAPPING)
        advance(app, wizard, ImportWizard.PREVIEW)
        page = wizard.preview_page
        page.only_problems.setChecked(False)
        page.skip_invalid.setChecked(True)
        page.view.setColumnWidth(page.model.FIRST_FIELD, 170)
        shoot(app, wizard, out, "5-pratinjau-masalah")
        assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
        wizard.close()
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
