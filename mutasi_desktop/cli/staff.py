"""`mutasi staff …`: list and search the register (import and export join later)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from mutasi_desktop.cli.common import EXIT_INVALID, EXIT_OK, Io, open_from_args
from mutasi_desktop.domain.jabatan import JenisJabatan
from mutasi_desktop.domain.pegawai import JenisPegawai, StatusPegawai
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.staff import StaffFilter

# Feature modules add their `staff` subcommands here (e.g. import/export).
STAFF_COMMANDS: list[Any] = []


def register(sub: Any) -> None:
    staff = sub.add_parser("staff", help="data pegawai").add_subparsers(
        dest="staff_cmd", required=True
    )
    lst = staff.add_parser("list", help="daftar atau cari pegawai")
    lst.add_argument("--search", default="", help="nama, NIP (boleh berspasi) atau jabatan")
    lst.add_argument("--unit", help="nama unit kerja atau OPD (termasuk sub-unitnya)")
    lst.add_argument("--jenis", choices=[j.value for j in JenisPegawai])
    lst.add_argument("--status", choices=[s.value for s in StatusPegawai])
    lst.add_argument("--jenis-jabatan", choices=[j.value for j in JenisJabatan])
    lst.add_argument("--golongan")
    lst.add_argument("--all", action="store_true", help="sertakan pegawai nonaktif")
    lst.add_argument("--limit", type=int, default=0, help="batas baris (0 = semua)")
    lst.add_argument("--json", action="store_true", help="keluaran JSON")
    lst.set_defaults(handler=cmd_staff_list)
    for add in STAFF_COMMANDS:
        add(staff)


def resolve_unit(services: Services, text: str) -> tuple[int | None, frozenset[int] | None]:
    """`--unit` names an OPD (exactly) or a unit (its subtree); (None, None) when unknown."""
    wanted = text.strip().lower()
    for opd_id, nama in services.organisation.opd_choices():
        if nama.lower() == wanted:
            return opd_id, None
    found = services.organisation.find_unit(text)
    if not found:
        return None, None
    ids: set[int] = set()
    for choice in found:
        ids |= services.organisation.descendant_unit_ids(choice.id)
    return None, frozenset(ids)


def cmd_staff_list(args: argparse.Namespace, io: Io) -> int:
    services = open_from_args(args)
    try:
        opd_id: int | None = None
        unit_ids: frozenset[int] | None = None
        if args.unit:
            opd_id, unit_ids = resolve_unit(services, args.unit)
            if opd_id is None and unit_ids is None:
                io.err.write(f"Unit kerja \u201c{args.unit}\u201d tidak ditemukan.\n")
                return EXIT_INVALID
        flt = StaffFilter(
            search=args.search,
            opd_id=opd_id,
            unit_ids=unit_ids,
            jenis_pegawai=JenisPegawai(args.jenis) if args.jenis else None,
            status=StatusPegawai(args.status) if args.status else None,
            jenis_jabatan=JenisJabatan(args.jenis_jabatan) if args.jenis_jabatan else None,
            golongan=args.golongan,
            include_inactive=args.all,
        )
        rows = services.staff.search(flt, limit=args.limit or None)
    finally:
        services.close()
    if args.json:
        doc = [
            {
                "nip": r.nip,
                "nama": r.nama_lengkap,
                "unit": r.unit_nama,
                "opd": r.opd_nama,
                "jabatan": r.jabatan_nama,
                "jenis_pegawai": r.jenis_pegawai,
                "golongan": r.golongan,
                "status": r.status,
                "aktif": r.aktif,
            }
            for r in rows
        ]
        json.dump(doc, io.out, ensure_ascii=False, indent=2)
        io.out.write("\n")
    else:
        for r in rows:
            io.out.write(
                f"{r.nip}\t{r.nama_lengkap}\t{r.golongan or '-'}\t{r.jabatan_nama or '-'}\t"
                f"{r.unit_nama or '-'}\t{r.status}\n"
            )
        io.err.write(f"{len(rows)} pegawai\n")
    return EXIT_OK


# Registers `staff import` and `staff export` (their module appends to STAFF_COMMANDS).
from mutasi_desktop.cli import staff_io as _staff_io  # noqa: E402,F401
