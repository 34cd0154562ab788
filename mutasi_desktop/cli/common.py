"""Shared pieces of the command line: exit codes, output streams, progress, opening the database."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from mutasi_desktop.services.bootstrap import Services, open_services
from mutasi_desktop.services.progress import NullProgress

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_INVALID = 2
EXIT_REFUSED = 3


@dataclass
class Io:
    out: TextIO
    err: TextIO


class StderrProgress(NullProgress):
    """Prints a progress line now and then; silent when stderr is not a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last = -1

    def report(self, done: int, total: int, label: str = "") -> None:
        if not self.stream.isatty() or total <= 0:
            return
        percent = done * 100 // total
        if percent != self.last:
            self.last = percent
            self.stream.write(f"\r{percent:3d}% {label[:60]:<60}")
            self.stream.flush()


def open_from_args(args: argparse.Namespace) -> Services:
    data_folder = Path(args.data_dir) if args.data_dir else None
    return open_services(args.db, data_folder=data_folder)
