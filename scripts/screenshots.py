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
    if hasattr(win, "abk_view"):
        _beban_kerja(app, win, out)
    for extra in getattr(win, "screenshot_sections", lambda: [])():
        win.nav.setCurrentRow(extra[0])
        app.processEvents()
        win.grab().save(str(out / f"{extra[1]}.png"))
    services.close()
    return 0


def _beban_kerja(app: QApplication, win: MainWindow, out: Path) -> None:
    """The workload dashboard: a position edited live, the charts, ratios, a comparison."""
    from PySide6.QtCore import QEventLoop

    view = win.abk_view
    win.nav.setCurrentRow(win.BEBAN_KERJA)

    def settle() -> None:
        while not view.is_idle():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        for _ in range(3):  # layouts settle in rounds (a label grows, its parent follows)
            app.processEvents()

    settle()
    if view.report is None:
        return
    view.search.setText("Dinas Sosial")
    view._apply_search()
    target = next(
        (p for p in view.report.positions if p.opd == "Dinas Sosial" and "Bansos" in p.jabatan),
        None,
    )
    if target is not None and view.select_position(target.jabatan_id):
        model = view.panel.model
        for row, draft in enumerate(model.drafts):
            if draft.pemicu is None and isinstance(draft.volume, float):
                model.setData(model.index(row, model.VOLUME), str(int(draft.volume * 2)))
                break  # unsaved: shows the live recomputation
    settle()
    win.grab().save(str(out / "beban-kerja.png"))
    view.panel.discard()
    for tab, name in ((view.GRAFIK, "beban-kerja-grafik"), (view.RASIO, "beban-kerja-rasio")):
        view.tabs.setCurrentIndex(tab)
        settle()
        win.grab().save(str(out / f"{name}.png"))
    view.tabs.setCurrentIndex(view.TABEL)
    view.heat_map.to_image(scale=1.0).save(str(out / "beban-kerja-peta-ej.png"))
    dialog = view.open_compare()
    if dialog is not None:
        dialog.wait()
        wanted = dialog.b_combo.findData("Penerima bansos +30 %")
        if wanted >= 0:
            dialog.b_combo.setCurrentIndex(wanted)
            dialog.run()
            dialog.wait()
        app.processEvents()
        dialog.grab().save(str(out / "beban-kerja-banding.png"))
        dialog.close()


if __name__ == "__main__":
    sys.exit(main())
