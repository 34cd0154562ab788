"""`mutasi staff import …` and `mutasi staff export …`: staff workbooks in and out."""

from __future__ import annotations

import argparse
import json
from typing import Any

from mutasi_desktop.cli.common import EXIT_INVALID, EXIT_OK, Io, StderrProgress, open_from_args
from mutasi_desktop.cli.staff import STAFF_COMMANDS, resolve_unit
from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.services.staff import StaffFilter
from mutasi_desktop.services.staff_export import ExportOrder
from mutasi_desktop.services.staff_import import (
    ImportPreview,
    ImportResult,
    PreviewRow,
    SourceSheet,
)

_SHOWN_WARNINGS = 20


def register(staff: Any) -> None:
    imp = staff.add_parser("import", help="impor data pegawai dari SIASN/SIMPEG (xlsx/xls/ods/csv)")
    imp.add_argument("file", metavar="FILE", help="berkas .xlsx, .xls, .ods atau .csv")
    imp.add_argument("--sheet", help="nama lembar (bawaan: lembar pertama)")
    imp.add_argument(
        "--skip-invalid",
        action="store_true",
        help="impor baris yang sah, lewati yang tidak sah (bawaan: semua atau tidak sama sekali)",
    )
    imp.add_argument(
        "--report", metavar="OUT.xlsx", help="tulis buku kerja berisi baris bermasalah"
    )
    imp.add_argument("--verbose", action="store_true", help="tampilkan semua peringatan")
    imp.add_argument("--json", action="store_true", help="ringkasan sebagai JSON")
    imp.set_defaults(handler=cmd_staff_import)

    exp = staff.add_parser("export", help="ekspor data pegawai ke buku kerja .xlsx")
    exp.add_argument("out", metavar="OUT.xlsx", help="berkas tujuan")
    exp.add_argument("--unit", help="nama unit kerja atau OPD (termasuk sub-unitnya)")
    exp.add_argument("--search", default="", help="nama, NIP atau jabatan")
    exp.add_argument("--duk", action="store_true", help="urutkan sebagai Daftar Urut Kepangkatan")
    exp.add_argument("--all", action="store_true", help="sertakan pegawai nonaktif")
    exp.set_defaults(handler=cmd_staff_export)


def _where(source: SourceSheet, row: int, column: int | None) -> str:
    if row == 0:
        return ""
    if column is None:
        return f"baris {row}: "
    return f"baris {row}, kolom {source.label(column)}: "


def _report_problems(source: SourceSheet, rows: list[PreviewRow], io: Io, verbose: bool) -> None:
    warnings = 0
    for r in rows:
        for p in r.problems:
            if p.is_error:
                value = f" [nilai: {p.value}]" if p.value else ""
                io.err.write(f"{_where(source, p.row, p.column)}{p.message()}{value}\n")
            else:
                warnings += 1
                if verbose or warnings <= _SHOWN_WARNINGS:
                    io.err.write(f"peringatan: {_where(source, p.row, p.column)}{p.message()}\n")
    if warnings > _SHOWN_WARNINGS and not verbose:
        io.err.write(
            f"... dan {warnings - _SHOWN_WARNINGS} peringatan lain (--verbose untuk semua)\n"
        )


def _summary_doc(
    preview: ImportPreview, result: ImportResult | None, written: bool
) -> dict[str, Any]:
    counts = result.counts if result is not None else preview.counts
    created = result.created if result is not None else tuple(preview.created)
    matched = result.matched if result is not None else tuple(preview.matched)
    missing = result.missing if result is not None else tuple(preview.missing)
    return {
        "berkas": str(preview.source.path),
        "lembar": preview.source.sheet.name,
        "disimpan": written,
        "ditambah": counts.baru if written else 0,
        "diubah": counts.ubah if written else 0,
        "tetap": counts.tetap,
        "ditolak": counts.tolak,
        "dilewati": counts.dilewati,
        "dibuat": [{"jenis": i.kind, "nama": i.nama, "induk": i.induk} for i in created],
        "dicocokkan": [{"jenis": i.kind, "nama": i.nama, "menjadi": i.dicocokkan} for i in matched],
        "tidak_ada_di_berkas": [{"nip": m.nip, "nama": m.nama, "unit": m.unit} for m in missing],
    }


def _print_summary(doc: dict[str, Any], io: Io, verbose: bool) -> None:
    io.out.write(
        f"Ditambah: {doc['ditambah']}, diubah: {doc['diubah']}, tetap: {doc['tetap']}, "
        f"ditolak: {doc['ditolak']}\n"
    )
    if doc["dibuat"]:
        io.out.write(f"Dibuat dari berkas ({len(doc['dibuat'])}), periksa kembali:\n")
        for item in doc["dibuat"]:
            parent = f" ({item['induk']})" if item["induk"] else ""
            io.out.write(f"  {item['jenis']}: {item['nama']}{parent}\n")
    if doc["dicocokkan"]:
        io.out.write("Nama yang dicocokkan dengan data yang ada:\n")
        for item in doc["dicocokkan"]:
            io.out.write(f"  {item['jenis']}: {item['nama']} -> {item['menjadi']}\n")
    missing = doc["tidak_ada_di_berkas"]
    if missing:
        io.out.write(
            f"{len(missing)} pegawai aktif di basis data tidak ada di berkas ini (tidak dihapus):\n"
        )
        for m in missing if verbose else missing[:_SHOWN_WARNINGS]:
            io.out.write(f"  {m['nip']}  {m['nama']}  {m['unit'] or '-'}\n")
        if not verbose and len(missing) > _SHOWN_WARNINGS:
            io.out.write(f"  ... dan {len(missing) - _SHOWN_WARNINGS} lainnya (--verbose)\n")


def cmd_staff_import(args: argparse.Namespace, io: Io) -> int:
    services = open_from_args(args)
    try:
        importer = services.staff_import
        source = importer.open_source(args.file, args.sheet)
        preview = importer.preview(source, progress=StderrProgress(io.err))
        if io.err.isatty():
            io.err.write("\n")
        for p in preview.file_problems:
            io.err.write(p.message() + "\n")
        if preview.file_problems:
            return EXIT_INVALID
        if not preview.rows:
            io.err.write(DomainError("impor.tidak_ada_data").message() + "\n")
            return EXIT_INVALID
        _report_problems(source, preview.rows, io, args.verbose)
        rejected = preview.rejected
        if rejected and (not args.skip_invalid or len(rejected) == len(preview.rows)):
            if args.report:
                importer.write_error_workbook(source, preview.rows, args.report)
                io.err.write(f"Laporan kesalahan: {args.report}\n")
            io.err.write(DomainError("impor.ada_kesalahan", jumlah=len(rejected)).message() + "\n")
            return EXIT_INVALID
        result = importer.apply(
            preview, skip_invalid=args.skip_invalid, progress=StderrProgress(io.err)
        )
        if io.err.isatty():
            io.err.write("\n")
        if args.report and any(r.problems for r in result.rows):
            importer.write_error_workbook(source, list(result.rows), args.report)
            io.err.write(f"Laporan kesalahan: {args.report}\n")
    finally:
        services.close()
    doc = _summary_doc(preview, result, result.written)
    if args.json:
        json.dump(doc, io.out, ensure_ascii=False, indent=2)
        io.out.write("\n")
    else:
        _print_summary(doc, io, args.verbose)
    return EXIT_OK


def cmd_staff_export(args: argparse.Namespace, io: Io) -> int:
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
            search=args.search, opd_id=opd_id, unit_ids=unit_ids, include_inactive=args.all
        )
        order = ExportOrder.DUK if args.duk else ExportOrder.NAMA
        result = services.staff_export.export(
            args.out, flt, order=order, progress=StderrProgress(io.err)
        )
    finally:
        services.close()
    if io.err.isatty():
        io.err.write("\n")
    io.out.write(f"{result.rows} pegawai ditulis ke {result.path}\n")
    return EXIT_OK


STAFF_COMMANDS.append(register)
