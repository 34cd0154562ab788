"""`mutasi demo`: build the demo regency (Kabupaten Mamuju)."""

from __future__ import annotations

import argparse
from typing import Any

from mutasi_desktop.cli.common import EXIT_INVALID, EXIT_OK, Io, StderrProgress, open_from_args


def register(sub: Any) -> None:
    demo = sub.add_parser("demo", help="buat basis data demo Kabupaten Mamuju")
    demo.add_argument("--staff", type=int, default=6000, help="jumlah pegawai (bawaan 6000)")
    demo.add_argument("--seed", type=int, default=2026, help="benih acak (bawaan 2026)")
    demo.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace, io: Io) -> int:
    from mutasi_desktop.services.demo import build_demo

    if args.staff < 1:
        io.err.write("--staff harus lebih dari 0\n")
        return EXIT_INVALID
    services = open_from_args(args)
    try:
        summary = build_demo(
            services.ctx, staff=args.staff, seed=args.seed, progress=StderrProgress(io.err)
        )
    finally:
        services.close()
    if io.err.isatty():
        io.err.write("\n")
    io.out.write(
        f"Basis data demo dibuat: {services.database.display}\n"
        f"  {summary.opd} OPD, {summary.unit} unit kerja, {summary.jabatan} jabatan, "
        f"{summary.pegawai} pegawai ({summary.seconds:.1f} detik)\n"
    )
    return EXIT_OK
