#!/usr/bin/env python3
"""Screenshots of the decree screens and PNG pages of the decree documents, for docs/.

python scripts/screenshots_sk.py DEMO.sqlite3 OUT_DIR

Works on a copy of the database: it drafts the demo's ready batch into a decree to show a
draft beside the demo's issued decree. Needs poppler's pdftoppm for the document pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from mutasi_desktop.domain.sk import JenisDokumen, StatusSk
from mutasi_desktop.services.bootstrap import open_services
from mutasi_desktop.ui.i18n import install_translators
from mutasi_desktop.ui.main_window import MainWindow
from mutasi_desktop.ui.style import STYLESHEET


def settle(app: QApplication, until: object = None, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if until is None or until():  # type: ignore[operator]
            if until is None:
                return
            app.processEvents()
            return
        time.sleep(0.02)


def main() -> int:
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp()) / "demo.sqlite3"
    shutil.copy(source, work)
    services = open_services(work)
    final = next(d for d in services.decrees.daftar() if d.status is StatusSk.FINAL)
    ready = services.decrees.batches_siap()
    draft = services.decrees.create_from_batch(ready[0].id) if ready else None

    # Document pages.
    pages = out / "_pdf"
    pages.mkdir(exist_ok=True)
    summary = services.decrees.render_files(final.id, pages)
    docs = {h.jenis: h.path for h in summary.hasil if h.path is not None}
    shots = [
        (docs[JenisDokumen.SK], "sk-keputusan", None),
        (docs[JenisDokumen.PETIKAN], "sk-petikan", None),
        (docs[JenisDokumen.SPMT_PERNYATAAN], "sk-surat-pernyataan-melaksanakan-tugas", None),
    ]
    if draft is not None:
        perintah = services.decrees.render_pdf(draft.id, JenisDokumen.SK)
        (pages / "konsep.pdf").write_bytes(perintah)
        shots.append((pages / "konsep.pdf", "sk-konsep", 1))
    for pdf, stem, only in shots:
        args = ["pdftoppm", "-r", "70", "-png"]
        if only:
            args += ["-f", str(only), "-l", str(only)]
        subprocess.run([*args, str(pdf), str(out / stem)], check=True)

    # Screens.
    app = QApplication(sys.argv[:1])
    install_translators(app)
    app.setStyleSheet(STYLESHEET)
    win = MainWindow(services)
    win.resize(1440, 900)
    win.show()
    settle(app)
    win.nav.setCurrentRow(win.SURAT_KEPUTUSAN)
    view = win.sk_view
    settle(app)
    view.select(final.id)
    view.detail_tabs.setCurrentIndex(0)
    settle(app)
    win.grab().save(str(out / "sk-layar-isi.png"))
    view.detail_tabs.setCurrentIndex(1)
    settle(app, lambda: bool(view.pages))
    settle(app)  # the page labels are laid out one event-loop turn after they arrive
    win.grab().save(str(out / "sk-layar-pratinjau.png"))
    view.tabs.setCurrentIndex(1)
    view.year.setValue(final.tanggal.year if final.tanggal else view.year.value())
    settle(app)
    view.register.scrollToBottom()
    settle(app)
    win.grab().save(str(out / "sk-layar-register.png"))
    view.tabs.setCurrentIndex(2)
    view.code_edit.setText(final.kode_verifikasi or "")
    view.verify_code()
    settle(app)
    win.grab().save(str(out / "sk-layar-verifikasi.png"))
    win.nav.setCurrentRow(win.PENGATURAN)
    settle(app)
    win.grab().save(str(out / "sk-layar-pengaturan.png"))
    services.close()
    shutil.rmtree(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
