"""`mutasi plan …`: recommend a transfer plan that closes ABK shortages from surpluses."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from mutasi_desktop.cli.common import EXIT_INVALID, EXIT_OK, Io, StderrProgress, open_from_args
from mutasi_desktop.domain.tanggal import format_tanggal
from mutasi_desktop.services.planning_types import PlanOptions, PlanResult


def register(sub: Any) -> None:
    plan = sub.add_parser("plan", help="perencanaan mutasi").add_subparsers(
        dest="plan_cmd", required=True
    )
    rec = plan.add_parser(
        "recommend", help="usulkan rencana mutasi optimal yang menutup kekurangan pegawai"
    )
    rec.add_argument("--max-moves", type=int, metavar="N", help="paling banyak N mutasi")
    rec.add_argument("--json", action="store_true", help="keluaran JSON")
    rec.add_argument(
        "--allow-unwilling",
        action="store_true",
        help="ikutkan pegawai yang menyatakan tidak bersedia pindah",
    )
    rec.add_argument("--year", type=int, help="tahun analisis ABK (bawaan: terbaru)")
    rec.add_argument("--scenario", help="nama skenario pemicu ABK")
    rec.add_argument("--tmt", type=date.fromisoformat, help="TMT rencana (YYYY-MM-DD)")
    rec.add_argument(
        "--min-match",
        type=float,
        default=0.5,
        metavar="F",
        help="bagian kompetensi jabatan tujuan yang harus dimiliki (0-1, bawaan 0,5)",
    )
    rec.add_argument("--mip", action="store_true", help="selesaikan sebagai MIP (pemeriksaan)")
    rec.set_defaults(handler=cmd_plan_recommend)


def cmd_plan_recommend(args: argparse.Namespace, io: Io) -> int:
    if args.max_moves is not None and args.max_moves < 0:
        io.err.write("--max-moves tidak boleh negatif.\n")
        return EXIT_INVALID
    services = open_from_args(args)
    try:
        plan = services.planning.recommend(
            PlanOptions(
                tahun=args.year,
                skenario=args.scenario,
                tmt=args.tmt,
                max_moves=args.max_moves,
                allow_unwilling=args.allow_unwilling,
                min_kecocokan=args.min_match,
                force_mip=args.mip,
            ),
            progress=StderrProgress(io.err),
        )
    finally:
        services.close()
    if io.err.isatty():
        io.err.write("\n")
    if args.json:
        json.dump(plan.to_json(), io.out, ensure_ascii=False, indent=2)
        io.out.write("\n")
    else:
        _print(io, plan)
    return EXIT_OK


def _print(io: Io, plan: PlanResult) -> None:
    status = "optimal terbukti" if plan.status == "optimal" and plan.gap == 0 else plan.status
    io.out.write(
        f"Rencana mutasi {plan.id} (ABK {plan.tahun}"
        + (f", skenario {plan.skenario}" if plan.skenario else "")
        + f", TMT {format_tanggal(plan.tmt)}): {len(plan.moves)} mutasi; {status}, "
        f"celah {plan.gap:.4%}, nilai tujuan {plan.objective:,.0f}\n"
    )
    io.out.write(
        f"Kekurangan pegawai {plan.kekurangan_sebelum} → {plan.kekurangan_sesudah}; "
        f"kelebihan {plan.kelebihan_sebelum} → {plan.kelebihan_sesudah}"
        + (f"; {plan.usulan_terbuka} usulan lain sudah berjalan" if plan.usulan_terbuka else "")
        + "\n\n"
    )
    for i, m in enumerate(plan.moves, start=1):
        io.out.write(f"{i}. {m.nama} ({m.nip})\n   dari {m.asal.teks}\n   ke   {m.tujuan.teks}\n")
        for reason in m.alasan:
            io.out.write(f"   - {reason}\n")
        warnings = [r for r in m.aturan if not r.code.endswith("kompetensi_kurang")]
        for r in warnings:
            io.out.write(f"   ! {r.severity.label}: {r.message()}\n")
        io.out.write("\n")
    io.err.write(
        f"{int(plan.stats.get('calon', 0))} calon, {int(plan.stats.get('tipe', 0))} tipe, "
        f"{int(plan.stats.get('busur', 0))} busur; {plan.stats.get('detik_total', 0):.2f} detik\n"
    )
