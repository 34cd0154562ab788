"""Composition root of the GUI: config → database → services → QApplication → MainWindow."""

from __future__ import annotations

import argparse
import logging
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

_T0 = time.perf_counter()

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from mutasi_desktop import APP_NAME, __version__  # noqa: E402
from mutasi_desktop.config.paths import data_dir, demo_database_path  # noqa: E402
from mutasi_desktop.domain.errors import DomainError  # noqa: E402
from mutasi_desktop.services.bootstrap import Services, open_services  # noqa: E402
from mutasi_desktop.services.progress import Progress  # noqa: E402
from mutasi_desktop.ui.i18n import install_translators, problem_text  # noqa: E402
from mutasi_desktop.ui.main_window import MainWindow  # noqa: E402
from mutasi_desktop.ui.style import STYLESHEET  # noqa: E402
from mutasi_desktop.ui.tasks import Task  # noqa: E402

log = logging.getLogger("mutasi")

EXIT_REFUSED = 3


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="mutasi-desktop", description=APP_NAME)
    parser.add_argument("--db", help="berkas SQLite atau URL basis data")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="buka basis data demo Kabupaten Mamuju (dibuat bila belum ada)",
    )
    parser.add_argument("--demo-staff", type=int, default=6000, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", help="folder data (bawaan: MUTASI_DATA_DIR)")
    parser.add_argument("--lang", default="id", choices=["id", "en"], help="bahasa antarmuka")
    parser.add_argument("--screenshot", help=argparse.SUPPRESS)  # docs: save the window as PNG
    parser.add_argument("--ready-and-quit", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _setup_logging(folder: Path) -> None:
    handler = logging.FileHandler(folder / "mutasi-desktop.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _install_excepthook() -> None:
    """Bugs are logged and shown; the app keeps running."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("uncaught exception", exc_info=(kind, value, tb))
        text = "".join(traceback.format_exception_only(kind, value)).strip()
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            APP_NAME,
            QCoreApplication.translate(
                "App", "Terjadi kesalahan tak terduga. Rinciannya dicatat di berkas log.\n\n{error}"
            ).format(error=text),
        )
        box.open()

    sys.excepthook = hook


def build_demo_with_progress(path: Path, staff: int) -> bool:
    """Create the demo database off the GUI thread; False when the user cancelled."""
    from mutasi_desktop.services.demo import build_demo

    def job(progress: Progress) -> None:
        services = open_services(path, quick_check=False)
        try:
            build_demo(services.ctx, staff=staff, progress=progress)
        finally:
            services.close()

    task = Task(
        job,
        title=APP_NAME,
        label=QCoreApplication.translate("App", "Membuat basis data demo Kabupaten Mamuju…"),
        parent=None,
    )
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    task.failed.connect(loop.quit)
    task.cancelled.connect(loop.quit)
    task.start()
    loop.exec()
    if task.error is not None:
        raise task.error
    return not task.cancelled_by_user


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    folder = data_dir(args.data_dir)
    _setup_logging(folder)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("BKPSDM")
    install_translators(app, args.lang)
    app.setStyleSheet(STYLESHEET)
    _install_excepthook()

    db: str | Path | None = args.db
    if args.demo:
        demo_path = Path(args.db) if args.db else demo_database_path(folder)
        if not demo_path.exists():
            try:
                if not build_demo_with_progress(demo_path, args.demo_staff):
                    demo_path.unlink(missing_ok=True)
                    return 0
            except Exception:
                demo_path.unlink(missing_ok=True)
                raise
        db = demo_path
    try:
        services: Services = open_services(db, data_folder=folder)
    except DomainError as exc:
        QMessageBox.critical(None, APP_NAME, problem_text(exc.problems[0]))
        return EXIT_REFUSED
    window = MainWindow(services)
    window.show()
    if args.screenshot or args.ready_and_quit:
        QTimer.singleShot(0, lambda: _ready(window, args.screenshot))
    code = app.exec()
    services.close()
    return code


def _ready(window: MainWindow, screenshot: str | None) -> None:
    QApplication.processEvents()
    if screenshot:
        window.grab().save(screenshot)
    print(f"READY {time.perf_counter() - _T0:.3f}", flush=True)
    QApplication.quit()


if __name__ == "__main__":
    sys.exit(main())
