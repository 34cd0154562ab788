"""`mutasi decree …`: list, draft, finalise, cancel, correct, number, render and verify decrees.

Exit codes: 0 done (for ``verify``: the document is authentic and in force); 1 unexpected
error or some documents could not be written; 2 invalid input, or a document that is not
authentic (``verify``); 3 refused (an issued decree cannot change, permissions).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from mutasi_desktop.cli.common import (
    EXIT_ERROR,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_REFUSED,
    Io,
    StderrProgress,
    open_from_args,
)
from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.sk import JenisDokumen, StatusSk
from mutasi_desktop.domain.tanggal import format_tanggal, parse_tanggal
from mutasi_desktop.services.sk import HasilVerifikasi

REFUSED = (
    "izin.",
    "sk.final_terkunci",
    "sk.nomor_terkunci",
    "sk.sudah_dibatalkan",
    "sk.koreksi_bukan_final",
    "sk.ada_konsep_koreksi",
)
_ONLY = {
    "sk": (JenisDokumen.SK,),
    "petikan": (JenisDokumen.PETIKAN,),
    "spmt": (JenisDokumen.SPMT_PERINTAH, JenisDokumen.SPMT_PERNYATAAN),
}


def _date(text: str) -> date:
    parsed = parse_tanggal(text, accept_serial=False)
    if parsed.value is None:
        raise argparse.ArgumentTypeError(f"tanggal tidak sah: {text}")
    return parsed.value


def register(sub: Any) -> None:
    decree = sub.add_parser("decree", help="surat keputusan (SK) mutasi").add_subparsers(
        dest="decree_cmd", required=True
    )
    lst = decree.add_parser("list", help="daftar SK: id, nomor, tanggal, status")
    lst.add_argument("--status", choices=[s.value for s in StatusSk])
    lst.add_argument("--json", action="store_true", help="keluaran JSON")
    lst.set_defaults(handler=cmd_list)

    show = decree.add_parser("show", help="rincian satu SK")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    draft = decree.add_parser("draft", help="buat konsep SK dari kelompok usulan yang disetujui")
    draft.add_argument("--batch", type=int, required=True, help="id kelompok usulan")
    draft.add_argument("--tmt", type=_date, help="TMT mutasi (bawaan: TMT rencana usulan)")
    draft.set_defaults(handler=cmd_draft)

    fin = decree.add_parser("finalize", help="tetapkan SK: beri nomor dan kunci isinya")
    fin.add_argument("id", type=int)
    fin.add_argument("--date", type=_date, help="tanggal penetapan (bawaan: hari ini)")
    fin.set_defaults(handler=cmd_finalize)

    cancel = decree.add_parser("cancel", help="batalkan SK yang sudah ditetapkan")
    cancel.add_argument("id", type=int)
    cancel.add_argument("--reason", required=True, help="alasan pembatalan")
    cancel.set_defaults(handler=cmd_cancel)

    correct = decree.add_parser("correct", help="buat konsep SK koreksi atas SK yang ditetapkan")
    correct.add_argument("id", type=int)
    correct.add_argument("--reason", required=True, help="alasan koreksi")
    correct.set_defaults(handler=cmd_correct)

    reg = decree.add_parser("register", help="register nomor SK")
    reg.add_argument("--year", type=int)
    reg.add_argument("--json", action="store_true")
    reg.set_defaults(handler=cmd_register)

    res = decree.add_parser("reserve", help="catat nomor yang dipakai di luar aplikasi")
    res.add_argument("--note", required=True, help="surat apa yang memakai nomor itu")
    res.add_argument("--number", help="nomor lengkap (dibaca dengan pola penomoran)")
    res.add_argument("--seq", type=int, help="nomor urut (bawaan: nomor berikutnya)")
    res.add_argument("--to", type=int, help="sampai nomor urut ini (rentang)")
    res.add_argument("--date", type=_date, help="tanggal surat (menentukan tahun)")
    res.set_defaults(handler=cmd_reserve)

    ren = decree.add_parser("render", help="tulis PDF: SK, petikan dan SPMT")
    ren.add_argument("id", type=int)
    ren.add_argument("--out", required=True, help="folder tujuan")
    ren.add_argument("--only", choices=sorted(_ONLY), help="hanya satu jenis dokumen")
    ren.set_defaults(handler=cmd_render)

    ver = decree.add_parser("verify", help="periksa keaslian berkas PDF SK/petikan/SPMT")
    ver.add_argument("file", help="berkas PDF")
    ver.add_argument("--json", action="store_true")
    ver.set_defaults(handler=cmd_verify)

    code = decree.add_parser("verify-code", help="periksa kode verifikasi (ketik atau pindai)")
    code.add_argument("code")
    code.add_argument("--json", action="store_true")
    code.set_defaults(handler=cmd_verify_code)


def _refused(io: Io, exc: DomainError) -> int:
    for problem in exc.problems:
        io.err.write(problem.message() + "\n")
    return EXIT_REFUSED if exc.code.startswith(REFUSED) else EXIT_INVALID


def _run(args: argparse.Namespace, io: Io, body: Any) -> int:
    services = open_from_args(args)
    try:
        result: int = body(services)
        return result
    except DomainError as exc:
        return _refused(io, exc)
    finally:
        services.close()


def cmd_list(args: argparse.Namespace, io: Io) -> int:
    def body(services: Any) -> int:
        rows = services.decrees.daftar(StatusSk(args.status) if args.status else None)
        if args.json:
            json.dump([r.to_json() for r in rows], io.out, ensure_ascii=False, indent=2)
            io.out.write("\n")
            return EXIT_OK
        if not rows:
            io.out.write("Belum ada surat keputusan.\n")
        for r in rows:
            tanggal = format_tanggal(r.tanggal) if r.tanggal else "-"
            io.out.write(
                f"{r.id:>5}  {r.status.label:<10} {r.nomor or '(belum bernomor)':<36} "
                f"{tanggal:<18} {r.jumlah:>4} pegawai\n"
            )
        return EXIT_OK

    return _run(args, io, body)


def cmd_show(args: argparse.Namespace, io: Io) -> int:
    def body(services: Any) -> int:
        d = services.decrees.get(args.id)
        if args.json:
            doc = d.info.to_json() | {
                "isi": d.isi.to_dict(),
                "dokumen": [
                    {"jenis": x.jenis.value, "nama": x.nama, "nip": x.nip, "kode": x.kode}
                    for x in d.dokumen
                ],
                "masalah": [{"code": p.code, "pesan": p.message()} for p in d.masalah],
            }
            json.dump(doc, io.out, ensure_ascii=False, indent=2)
            io.out.write("\n")
            return EXIT_OK
        i = d.info
        io.out.write(f"SK #{i.id} ({i.status.label}): {i.nomor or '(belum bernomor)'}\n")
        io.out.write(f"  tentang {d.isi.judul_terisi}\n")
        if i.tanggal:
            io.out.write(f"  ditetapkan {format_tanggal(i.tanggal)}, kode {i.kode_verifikasi}\n")
        if d.isi.tmt:
            io.out.write(f"  TMT {format_tanggal(d.isi.tmt)}; {i.jumlah} pegawai\n")
        if i.alasan_batal:
            io.out.write(f"  dibatalkan: {i.alasan_batal}\n")
        for n, b in enumerate(d.isi.baris, 1):
            io.out.write(
                f"  {n:>3}. {b.nama} ({b.nip_tampil}): {b.jabatan_lama_lengkap} → "
                f"{b.jabatan_baru_lengkap}\n"
            )
        for p in d.masalah:
            io.out.write(f"  ! {p.message()}\n")
        return EXIT_OK

    return _run(args, io, body)


def cmd_draft(args: argparse.Namespace, io: Io) -> int:
    def body(services: Any) -> int:
        info = services.decrees.create_from_batch(args.batch, tmt=args.tmt)
        io.out.write(f"Konsep SK #{info.id} dibuat ({info.jumlah} pegawai).\n")
        return EXIT_OK

    return _run(args, io, body)


def cmd_finalize(args: argparse.Namespace, io: Io) -> int:
    def body(services: Any) -> int:
        for p in services.decrees.get(args.id).masalah:
            if not p.is_error:
                io.err.write(f"Peringatan: {p.message()}\n")
        info = services.decrees.finalize(args.id, tanggal=args.date)
        io.out.write(
            f"SK #{info.id} ditetapkan: Nomor {info.nomor} tanggal "
            f"{format_tanggal(info.tanggal)}; kode verifikasi {info.kode_verifikasi}\n"
        )
        return EXIT_OK

    return _run(args, io, body)


def cmd_cancel(args: argparse.Namespace, io: Io) -> int:
    def body(services: Any) -> int:
        result = services.decrees.cancel(args.id, args.reason)
        io.out.write(f"SK Nomor {result.info.nomor} dibatalkan.\n")
        for w in result.peringatan:
            io.err.write(f"Peringatan: {w}\n")
        return EXIT_OK

    return _run(args, io, body)


def cmd_correct(args: argparse.Namespace, io: Io) -> int:
    def body(services: Any) -> int:
        info = services.decrees.correct(args.id, args.reason)
        io.out.write(
            f"Konsep SK koreksi #{info.id} dibuat; SK lama dibatalkan saat konsep ini ditetapkan.\n"
        )
        return EXIT_OK

    return _run(args, io, body)


def cmd_register(args: argparse.Namespace, io: Io) -> int:
    def body(services: Any) -> int:
        rows = services.decrees.register(args.year)
        if args.json:
            json.dump([r.to_json() for r in rows], io.out, ensure_ascii=False, indent=2)
            io.out.write("\n")
            return EXIT_OK
        for r in rows:
            io.out.write(
                f"{r.tahun} {r.seri or '-':<12} {r.urut:>5}  {r.nomor:<36} {r.status.value:<12} "
                f"{r.keterangan or ''}{' — ' + r.alasan_batal if r.alasan_batal else ''}\n"
            )
        for year in sorted({r.tahun for r in rows}):
            for key, missing in services.decrees.celah(year).items():
                shown = ", ".join(str(n) for n in missing[:20])
                io.err.write(f"Nomor belum terpakai {year} {key or ''}: {shown}\n")
        return EXIT_OK

    return _run(args, io, body)


def cmd_reserve(args: argparse.Namespace, io: Io) -> int:
    def body(services: Any) -> int:
        rows = services.decrees.reserve(
            args.note, tanggal=args.date, urut=args.seq, sampai=args.to, nomor=args.number
        )
        for r in rows:
            io.out.write(f"Dicadangkan: {r.nomor}\n")
        return EXIT_OK

    return _run(args, io, body)


def cmd_render(args: argparse.Namespace, io: Io) -> int:
    def body(services: Any) -> int:
        only = _ONLY[args.only] if args.only else None
        summary = services.decrees.render_files(
            args.id, Path(args.out), jenis=only, progress=StderrProgress(io.err)
        )
        if io.err.isatty():
            io.err.write("\n")
        io.out.write(
            f"{summary.berhasil} berkas ditulis ke {summary.folder} "
            f"({summary.detik:.1f} detik){' — KONSEP' if summary.draft else ''}\n"
        )
        for h in summary.gagal:
            who = f" {h.nama} ({h.nip})" if h.nama else ""
            io.err.write(f"Gagal: {h.jenis.judul}{who}: {h.galat}\n")
        return EXIT_ERROR if summary.gagal else EXIT_OK

    return _run(args, io, body)


def _verdict(io: Io, result: HasilVerifikasi, as_json: bool) -> int:
    if as_json:
        json.dump(result.to_json(), io.out, ensure_ascii=False, indent=2)
        io.out.write("\n")
    else:
        io.out.write(result.pesan + "\n")
    return EXIT_OK if result.sah else EXIT_INVALID


def cmd_verify(args: argparse.Namespace, io: Io) -> int:
    def body(services: Any) -> int:
        return _verdict(io, services.decrees.verify_file(Path(args.file)), args.json)

    return _run(args, io, body)


def cmd_verify_code(args: argparse.Namespace, io: Io) -> int:
    def body(services: Any) -> int:
        return _verdict(io, services.decrees.verify_code(args.code), args.json)

    return _run(args, io, body)
