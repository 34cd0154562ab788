#!/usr/bin/env python3
"""Render the main screens of a database to PNG for docs/ (offscreen; run inside the venv).

python scripts/screenshots.py DB.sqlite3 OUT_DIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from mutasi_desktop.services.bootstrap import open_services
from mutasi_desktop.ui.i18n import install_translators
from mutasi_desktop.ui.main_window import MainWindow
from mutasi_desktop.ui.style import STYLESHEET


def main() -> int:
    db, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_translators(app)
    app.setStyleSheet(STYLESHEET)
    services = open_services(db)
    win = MainWindow(services)
    win.resize(1440, 860)
    win.show()
    app.processEvents()
    view = win.staff_view
    view.search.setText("nur")
    app.processEvents()
    row = view.model.row_at(3)
    if row is not None:
        view.select_person(row.id)
    app.processEvents()
    win.grab().save(str(out / "pegawai.png"))
    for index, name in ((2, "pegawai-jabatan"), (3, "pegawai-riwayat"), (4, "pegawai-kompetensi")):
        view.detail.tabs.setCurrentIndex(index)
        app.processEvents()
        win.grab().save(str(out / f"{name}.png"))
    win.nav.setCurrentRow(win.ORGANISASI)
    org = win.org_view
    org.search.setText("Dinas Sosial")
    app.processEvents()
    org.tree.expandAll()
    app.processEvents()
    win.grab().save(str(out / "organisasi.png"))
    for extra in getattr(win, "screenshot_sections", lambda: [])():
        win.nav.setCurrentRow(extra[0])
        app.processEvents()
        win.grab().save(str(out / f"{extra[1]}.png"))
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
