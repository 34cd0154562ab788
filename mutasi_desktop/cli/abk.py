"""`mutasi abk …`: import ABK workbooks and report workload per position and unit."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from mutasi_desktop.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_REFUSED,
    Io,
    StderrProgress,
    open_from_args,
)
from mutasi_desktop.domain.abk_report import located_message
from mutasi_desktop.domain.errors import DomainError


def register(sub: Any) -> None:
    abk = sub.add_parser("abk", help="analisis beban kerja (ABK)").add_subparsers(
        dest="abk_cmd", required=True
    )
    imp = abk.add_parser("import", help="impor tabel tugas dari berkas ABK (.xlsx)")
    imp.add_argument("file", help="berkas ABK (.xlsx, .xls, .ods)")
    imp.add_argument("--year", type=int, help="tahun analisis (bawaan: tahun terbaru/tahun ini)")
    imp.add_argument("--dry-run", action="store_true", help="periksa saja, tidak menyimpan apa pun")
    imp.set_defaults(handler=cmd_abk_import)

    rep = abk.add_parser("report", help="beban kerja per jabatan dan unit")
    rep.add_argument("--year", type=int, help="tahun analisis (bawaan: tahun terbaru)")
    rep.add_argument("--scenario", help="nama skenario pemicu")
    rep.add_argument("--json", action="store_true", help="keluaran JSON")
    rep.add_argument("--tasks", action="store_true", help="sertakan tugas per jabatan (JSON)")
    rep.add_argument("--all", action="store_true", help="sertakan jabatan tanpa tabel tugas")
    rep.add_argument("--xlsx", metavar="OUT", help="tulis rekap ke buku kerja Excel")
    rep.add_argument("--pdf", metavar="OUT", help="tulis rekap ke PDF")
    rep.add_argument("--paper", choices=["F4", "A4"], default="F4", help="kertas PDF (bawaan F4)")
    rep.add_argument("--portrait", action="store_true", help="PDF tegak (bawaan mendatar)")
    rep.add_argument(
        "--export", metavar="OUT", help="tulis tabel tugas + hasil (format berkas ABK)"
    )
    rep.set_defaults(handler=cmd_abk_report)

    drv = abk.add_parser("driver", help="lihat atau ubah pemicu (jumlah penduduk, penerima, …)")
    drv.add_argument("--year", type=int, help="tahun analisis (bawaan: tahun terbaru)")
    drv.add_argument("--set", nargs=2, metavar=("NAMA", "NILAI"), help="simpan nilai pemicu")
    drv.add_argument("--unit", dest="satuan", help="satuan pemicu (dengan --set)")
    drv.add_argument("--json", action="store_true", help="keluaran JSON")
    drv.set_defaults(handler=cmd_abk_driver)

    sc = abk.add_parser("scenario", help="lihat, buat atau hapus skenario pemicu")
    sc.add_argument("--year", type=int, help="tahun analisis (bawaan: tahun terbaru)")
    sc.add_argument("--set", metavar="NAMA", help="buat atau ganti skenario bernama ini")
    sc.add_argument(
        "--override",
        action="append",
        default=[],
        metavar="PEMICU=PERUBAHAN",
        help='mis. "penerima_bansos=+30 %%" atau "penduduk=300000" (boleh berulang)',
    )
    sc.add_argument("--delete", metavar="NAMA", help="hapus skenario bernama ini")
    sc.add_argument("--json", action="store_true", help="keluaran JSON")
    sc.set_defaults(handler=cmd_abk_scenario)


def _problems(io: Io, exc: DomainError) -> int:
    for problem in exc.problems:
        io.err.write(located_message(problem) + "\n")
    return EXIT_REFUSED if exc.code.startswith(("izin.", "db.")) else EXIT_INVALID


def cmd_abk_import(args: argparse.Namespace, io: Io) -> int:
    services = open_from_args(args)
    try:
        result = services.abk.import_workbook(
            Path(args.file), tahun=args.year, dry_run=args.dry_run, progress=StderrProgress(io.err)
        )
    except DomainError as exc:
        return _problems(io, exc)
    finally:
        services.close()
    if io.err.isatty():
        io.err.write("\n")
    for problem in result.peringatan:
        io.err.write("Peringatan: " + located_message(problem) + "\n")
    verb = "Diperiksa (tidak disimpan)" if result.dry_run else "Diimpor"
    io.out.write(
        f"{verb}: {Path(result.path).name}, tahun {result.tahun}\n"
        f"  {result.baris_tugas} tugas untuk {result.jabatan} jabatan; "
        f"{result.opd_baru} OPD, {result.unit_baru} unit kerja dan {result.jabatan_baru} jabatan "
        f"baru; {result.pegawai_berkas} jumlah pegawai dari berkas; "
        f"{result.pemicu_baru} pemicu baru, {result.pemicu_diubah} pemicu diubah\n"
    )
    if result.perbedaan:
        io.out.write(f"  {len(result.perbedaan)} jabatan: data pegawai berbeda dengan berkas\n")
    return EXIT_OK


def cmd_abk_report(args: argparse.Namespace, io: Io) -> int:
    services = open_from_args(args)
    try:
        tahun = args.year or services.abk.latest_year()
        if tahun is None:
            io.err.write("Belum ada analisis beban kerja. Impor berkas ABK dulu.\n")
            return EXIT_INVALID
        report = services.abk.report(
            tahun, args.scenario, with_tasks=args.tasks, semua_jabatan=args.all
        )
        written: list[str] = []
        if args.xlsx:
            written.append(str(services.abk.recap_xlsx(report, Path(args.xlsx))))
        if args.pdf:
            written.append(
                str(
                    services.abk.recap_pdf(
                        report, Path(args.pdf), kertas=args.paper, mendatar=not args.portrait
                    )
                )
            )
        if args.export:
            written.append(
                str(services.abk.export_workbook(Path(args.export), tahun, args.scenario))
            )
    except DomainError as exc:
        return _problems(io, exc)
    finally:
        services.close()

    if args.json:
        json.dump(report.to_json(with_tasks=args.tasks), io.out, ensure_ascii=False, indent=2)
        io.out.write("\n")
    elif not written:
        _print_table(io, report)
    for path in written:
        io.err.write(f"Ditulis: {path}\n")
    return EXIT_OK


def _print_table(io: Io, report: Any) -> None:
    io.out.write(
        "OPD\tUnit kerja\tJabatan\tBeban kerja (jam)\tKebutuhan\tDibulatkan\tAda\t+/-\tEJ\tPJ\n"
    )
    for p in report.positions:
        ej = "-" if p.ej is None else f"{p.ej:.2f}"
        io.out.write(
            f"{p.opd}\t{p.unit}\t{p.jabatan}\t{p.beban_kerja_jam:.2f}\t{p.kebutuhan:.2f}\t"
            f"{p.kebutuhan_bulat}\t{p.pegawai_ada}\t{p.selisih:+d}\t{ej}\t{p.pj or '-'}\n"
        )
    t = report.totals
    io.err.write(
        f"{t.jumlah_jabatan} jabatan; kebutuhan {t.kebutuhan_bulat}, ada {t.pegawai_ada}, "
        f"kurang {t.kurang}, lebih {t.lebih}\n"
    )


def cmd_abk_driver(args: argparse.Namespace, io: Io) -> int:
    services = open_from_args(args)
    try:
        tahun = args.year or services.abk.default_year()
        if args.set:
            nama, raw = args.set
            try:
                nilai = float(raw.replace(".", "").replace(",", ".")) if "," in raw else float(raw)
            except ValueError:
                io.err.write(f"Nilai pemicu \u201c{raw}\u201d bukan angka.\n")
                return EXIT_INVALID
            existing = {d.nama: d for d in services.abk.drivers(tahun)}
            old = existing.get(nama)
            services.abk.save_driver(
                tahun,
                nama,
                nilai,
                satuan=args.satuan or (old.satuan if old else None),
                keterangan=old.keterangan if old else None,
                driver_id=old.id if old else None,
            )
        rows = services.abk.drivers(tahun)
    except DomainError as exc:
        return _problems(io, exc)
    finally:
        services.close()
    if args.json:
        doc = [
            {"nama": d.nama, "nilai": d.nilai_dasar, "satuan": d.satuan, "tugas": d.jumlah_tugas}
            for d in rows
        ]
        json.dump({"tahun": tahun, "pemicu": doc}, io.out, ensure_ascii=False, indent=2)
        io.out.write("\n")
    else:
        for d in rows:
            io.out.write(
                f"{d.nama}\t{d.nilai_dasar:g}\t{d.satuan or '-'}\t{d.jumlah_tugas} tugas\n"
            )
    return EXIT_OK


def cmd_abk_scenario(args: argparse.Namespace, io: Io) -> int:
    services = open_from_args(args)
    try:
        tahun = args.year or services.abk.default_year()
        existing = {sc.nama: sc for sc in services.abk.scenarios(tahun)}
        if args.delete:
            if args.delete not in existing:
                io.err.write(f"Skenario \u201c{args.delete}\u201d tidak ada di tahun {tahun}.\n")
                return EXIT_INVALID
            services.abk.delete_scenario(existing[args.delete].id)
        if args.set:
            overrides: dict[str, str] = {}
            for item in args.override:
                driver, sep, change = item.partition("=")
                if not sep or not driver.strip() or not change.strip():
                    io.err.write(f"Format --override \u201c{item}\u201d: PEMICU=PERUBAHAN.\n")
                    return EXIT_INVALID
                overrides[driver.strip()] = change.strip()
            old = existing.get(args.set)
            services.abk.save_scenario(
                tahun, args.set, overrides, scenario_id=old.id if old else None
            )
        rows = services.abk.scenarios(tahun)
    except DomainError as exc:
        return _problems(io, exc)
    finally:
        services.close()
    if args.json:
        doc = [
            {
                "nama": sc.nama,
                "overrides": [
                    {"pemicu": o.driver, "nilai": o.absolute, "persen": o.percent}
                    for o in sc.overrides
                ],
            }
            for sc in rows
        ]
        json.dump({"tahun": tahun, "skenario": doc}, io.out, ensure_ascii=False, indent=2)
        io.out.write("\n")
    else:
        for sc in rows:
            parts = [
                f"{o.driver} {o.percent:+g} %"
                if o.percent is not None
                else f"{o.driver} = {o.absolute:g}"
                for o in sc.overrides
            ]
            io.out.write(f"{sc.nama}\t{'; '.join(parts)}\n")
    return EXIT_OK
