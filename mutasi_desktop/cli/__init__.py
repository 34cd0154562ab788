"""Headless command line (`mutasi`) over the same services as the GUI.

Each feature registers its subcommands from its own module (``register(sub)``), so features
grow without editing one shared file.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from mutasi_desktop import __version__
from mutasi_desktop.cli import abk, decree, demo, plan, staff
from mutasi_desktop.cli.common import EXIT_ERROR, EXIT_INVALID, EXIT_REFUSED, Io
from mutasi_desktop.domain.errors import DomainError

FEATURES = [demo, staff, abk, plan, decree]

# Problem codes that mean "refused" (exit 3) rather than "invalid input" (exit 2).
REFUSED_CODES = ("izin.", "db.", "demo.db_tidak_kosong")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mutasi", description="Mutasi Desktop: perintah baris (tanpa GUI)."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", help="berkas SQLite atau URL basis data (bawaan: MUTASI_DB)")
    parser.add_argument(
        "--data-dir", help="folder data (bawaan: MUTASI_DATA_DIR atau folder pengguna)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for feature in FEATURES:
        feature.register(sub)
    return parser


def run(argv: Sequence[str] | None = None, io: Io | None = None) -> int:
    io = io or Io(sys.stdout, sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help/--version
        return int(exc.code or 0)
    handler: Callable[[argparse.Namespace, Io], int] = args.handler
    try:
        return handler(args, io)
    except DomainError as exc:
        for problem in exc.problems:
            io.err.write(problem.message() + "\n")
        return EXIT_REFUSED if exc.code.startswith(REFUSED_CODES) else EXIT_INVALID
    except KeyboardInterrupt:
        io.err.write("Dibatalkan.\n")
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence: report, never dump a traceback on users
        logging.getLogger("mutasi").exception("unexpected error")
        io.err.write(f"Kesalahan tak terduga: {exc}\n")
        return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> None:
    sys.exit(run(argv))


if __name__ == "__main__":
    main()
