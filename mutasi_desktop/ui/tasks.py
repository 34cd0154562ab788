"""Background jobs: a Qt-free job runs on a worker thread; progress appears after half a second."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from mutasi_desktop.services.progress import Cancelled, Progress

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 500
PROGRESS_THROTTLE_S = 0.1

Job = Callable[[Progress], Any]


class _ThreadProgress:
    """The job's side of the protocol: thread-safe, throttled signal emission."""

    def __init__(self, worker: _Worker) -> None:
        self._worker = worker
        self._cancel = threading.Event()
        self._last = 0.0

    def report(self, done: int, total: int, label: str = "") -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_THROTTLE_S or done >= total:
            self._last = now
            self._worker.progressed.emit(done, total, label)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Worker(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    was_cancelled = Signal()

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.progress = _ThreadProgress(self)

    @Slot()
    def run(self) -> None:
        try:
            result = self.job(self.progress)
        except Cancelled:
            self.was_cancelled.emit()
        except Exception as exc:
            log.exception("background job failed")
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class Task(QObject):
    """One running job. Connect to ``finished``/``failed``/``cancelled`` before ``start()``."""

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, job: Job, *, title: str, label: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._title = title
        self._label = label
        self._thread = QThread()
        self._worker = _Worker(job)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        # Worker signals go to bound @Slot methods of this GUI-thread object (never lambdas).
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)
        self._worker.was_cancelled.connect(self._on_cancelled)
        self._dialog: QProgressDialog | None = None
        self._last: tuple[int, int, str] = (0, 0, label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)
        self.done = False
        self.cancelled_by_user = False
        self.result: Any = None
        self.error: BaseException | None = None

    def start(self) -> None:
        self._timer.start(PROGRESS_DELAY_MS)
        self._thread.start()

    def cancel(self) -> None:
        self._worker.progress.cancel()

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    @Slot()
    def _show_dialog(self) -> None:
        if self.done:
            return
        dialog = QProgressDialog(self._label, self.tr("Batal"), 0, 0, self._parent_widget)
        dialog.setWindowTitle(self._title)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self._dialog = dialog
        self._apply(*self._last)
        dialog.show()

    def _apply(self, done: int, total: int, label: str) -> None:
        if self._dialog is None:
            return
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total > 0 else 0)
        if label:
            self._dialog.setLabelText(label)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        self._last = (done, total, label)
        self._apply(done, total, label)

    def _finish(self) -> None:
        self.done = True
        self._timer.stop()
        self._thread.quit()
        self._thread.wait()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    @Slot(object)
    def _on_succeeded(self, result: Any) -> None:
        self.result = result
        self._finish()
        self.finished.emit(result)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.error = error
        self._finish()
        self.failed.emit(error)

    @Slot()
    def _on_cancelled(self) -> None:
        self.cancelled_by_user = True
        self._finish()
        self.cancelled.emit()
