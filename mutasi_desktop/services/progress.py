"""The small protocol long jobs use to report progress and notice cancellation (Qt-free)."""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """Raised inside a job when the user cancelled; the job's transaction rolls back."""


class Progress(Protocol):
    def report(self, done: int, total: int, label: str = "") -> None: ...

    def cancelled(self) -> bool: ...


class NullProgress:
    def report(self, done: int, total: int, label: str = "") -> None:
        return None

    def cancelled(self) -> bool:
        return False


def checkpoint(progress: Progress, done: int, total: int, label: str = "") -> None:
    """Report and raise ``Cancelled`` if the user asked to stop."""
    if progress.cancelled():
        raise Cancelled
    progress.report(done, total, label)
