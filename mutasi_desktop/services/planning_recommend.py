"""The optimiser use case: load the facts, build the flow model, solve it with HiGHS, name the
people, explain every move and show the balance before and after; accept moves as drafts."""

from __future__ import annotations

import hashlib
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.mutasi_rules import (
    SIKAP_BERSEDIA,
    SIKAP_INGIN_PINDAH,
    SIKAP_TIDAK_BERSEDIA,
    USULAN_GANDA,
    JenisMutasi,
    MoveFacts,
    PersonFacts,
    PositionFacts,
    check_move,
    skill_match,
)
from mutasi_desktop.domain.mutasi_workflow import Hak, SumberUsulan
from mutasi_desktop.domain.optimiser_model import (
    ArcCost,
    FlowModel,
    ModelOptions,
    build_model,
)
from mutasi_desktop.domain.tanggal import format_tanggal, masa_kerja
from mutasi_desktop.services.planning_base import PlanningBase
from mutasi_desktop.services.planning_facts import (
    default_tmt,
    load_people,
    load_positions,
    open_moves,
    tempat,
)
from mutasi_desktop.services.planning_solver import SolveResult, assign, solve
from mutasi_desktop.services.planning_types import (
    BalanceRow,
    PlanBalance,
    PlanMove,
    PlanOptions,
    PlanResult,
    Unmoved,
    UsulanChange,
    UsulanDraft,
)
from mutasi_desktop.services.progress import NullProgress, Progress, checkpoint

# Indonesian names of the cost parts, for the "why" sentence.
COST_LABELS: dict[str, str] = {
    "pindah": "biaya dasar satu mutasi",
    "kompetensi": "kompetensi yang belum dimiliki",
    "pilihan_opd": "OPD tujuan sesuai aspirasi",
    "pilihan_lokasi": "lokasi tujuan sesuai aspirasi",
    "bersedia": "bersedia/ingin pindah",
    "tidak_bersedia": "menyatakan tidak bersedia",
    "masa_kurang_2": "kurang dari 2 tahun di jabatan",
    "masa_lebih_5": "lebih dari 5 tahun di jabatan",
    "bup_dekat": "mendekati batas usia pensiun",
    "pppk": "PPPK",
    "baru_dipindah": "baru dipindahkan",
    "kontrak": "kontrak PPPK segera berakhir",
    "cuti": "sedang cuti",
    "prioritas": "kekurangan jabatan tujuan paling besar",
}
_NO_PROGRESS = NullProgress()
_STEPS = 6


@dataclass
class _Counts:
    masuk: Counter[int]
    keluar: Counter[int]


def _balance_row(
    key: int | None, nama: str, opd: str | None, ps: Iterable[PositionFacts], c: _Counts
) -> BalanceRow:
    keb = ada = ren = masuk = keluar = ks = ls = kss = lss = 0
    for p in ps:
        assert p.kebutuhan is not None
        m, k = c.masuk[p.jabatan_id], c.keluar[p.jabatan_id]
        before = p.terisi - p.kebutuhan
        after = before + m - k
        keb += p.kebutuhan
        ada += p.pegawai_ada
        ren += p.rencana
        masuk += m
        keluar += k
        ks += max(0, -before)
        ls += max(0, before)
        kss += max(0, -after)
        lss += max(0, after)
    return BalanceRow(key, nama, opd, keb, ada, ren, masuk, keluar, ks, ls, kss, lss)


def plan_balance(
    positions: Mapping[int, PositionFacts],
    moves: Iterable[tuple[int | None, int]],
    unit_names: Mapping[int, str],
) -> PlanBalance:
    """Balance per position, unit, OPD and in total (only positions with ABK). Position rows:
    those the plan or a proposal under way touches, and those short or in surplus."""
    c = _Counts(Counter(), Counter())
    for asal, tujuan in moves:
        if asal is not None:
            c.keluar[asal] += 1
        c.masuk[tujuan] += 1
    with_abk = [p for _, p in sorted(positions.items()) if p.kebutuhan is not None]
    rows = []
    for p in with_abk:
        r = _balance_row(p.jabatan_id, p.nama, p.opd, [p], c)
        touched = r.masuk or r.keluar or r.rencana
        if touched or r.selisih_sebelum or r.selisih_sesudah:
            rows.append(r)
    by_unit: defaultdict[int, list[PositionFacts]] = defaultdict(list)
    by_opd: defaultdict[int, list[PositionFacts]] = defaultdict(list)
    opd_name: dict[int, str] = {}
    for p in with_abk:
        by_unit[p.unit_id].append(p)
        by_opd[p.opd_id].append(p)
        opd_name[p.opd_id] = p.opd
    units = tuple(
        _balance_row(uid, unit_names.get(uid, ps[0].unit), ps[0].opd, ps, c)
        for uid, ps in sorted(
            by_unit.items(), key=lambda kv: (kv[1][0].opd, unit_names.get(kv[0], ""))
        )
    )
    opds = tuple(
        _balance_row(oid, opd_name[oid], opd_name[oid], ps, c)
        for oid, ps in sorted(by_opd.items(), key=lambda kv: opd_name[kv[0]])
    )
    total = _balance_row(None, "Jumlah", None, with_abk, c)
    return PlanBalance(tuple(rows), units, opds, total)


def _money(parts: Sequence[tuple[str, int]]) -> str:
    bits = [f"{COST_LABELS.get(k, k)} {v:+d}" for k, v in parts]
    return "; ".join(bits) + f" (jumlah {sum(v for _, v in parts)})"


def explain(
    person: PersonFacts,
    asal: PositionFacts,
    tujuan: PositionFacts,
    arc: ArcCost | None,
    bal_tujuan: BalanceRow | None,
    bal_asal: BalanceRow | None,
    *,
    terkunci: bool,
    tmt_date: date,
) -> tuple[str, ...]:
    """The Indonesian sentences that say why a move is in the plan."""
    out: list[str] = []
    if bal_tujuan is not None:
        out.append(
            f"Menutup kekurangan {tujuan.nama} di {tujuan.unit} ({tujuan.opd}): kebutuhan "
            f"{bal_tujuan.kebutuhan}, terisi {bal_tujuan.sebelum} → {bal_tujuan.sesudah} "
            f"(kurang {bal_tujuan.kurang_sebelum} → {bal_tujuan.kurang_sesudah})."
        )
    else:
        out.append(f"Mengisi {tujuan.nama} di {tujuan.unit} ({tujuan.opd}) (tanpa hasil ABK).")
    if bal_asal is not None:
        out.append(
            f"Diambil dari kelebihan {asal.nama} di {asal.unit} ({asal.opd}): kebutuhan "
            f"{bal_asal.kebutuhan}, terisi {bal_asal.sebelum} → {bal_asal.sesudah} "
            f"(lebih {bal_asal.lebih_sebelum} → {bal_asal.lebih_sesudah}); jabatan asal tidak "
            f"menjadi kurang."
            if bal_asal.kurang_sesudah == 0
            else f"Diambil dari {asal.nama} di {asal.unit} ({asal.opd}): kebutuhan "
            f"{bal_asal.kebutuhan}, terisi {bal_asal.sebelum} → {bal_asal.sesudah}."
        )
    match = skill_match(tujuan.kompetensi_syarat, person.kompetensi, person.pelatihan)
    if match.jumlah_syarat == 0:
        out.append("Jabatan tujuan tidak mensyaratkan kompetensi tertentu.")
    else:
        text = (
            f"Kompetensi yang sesuai {len(match.cocok)} dari {match.jumlah_syarat}"
            + (f": {', '.join(match.cocok)}" if match.cocok else "")
            + "."
        )
        if match.kurang:
            text += f" Perlu pelatihan: {', '.join(match.kurang)}."
        out.append(text)
    edu = []
    if person.pendidikan is not None:
        syarat = f" (syarat {tujuan.pendidikan_min.value})" if tujuan.pendidikan_min else ""
        edu.append(f"pendidikan {person.pendidikan.value}{syarat}")
    if person.golongan:
        if person.is_pppk:
            edu.append(f"golongan PPPK {person.golongan}")
        else:
            syarat = f" (syarat {tujuan.golongan_min})" if tujuan.golongan_min else ""
            edu.append(f"golongan {person.golongan}{syarat}")
    if edu:
        out.append("Memenuhi persyaratan jabatan: " + ", ".join(edu) + ".")
    if person.sikap == SIKAP_INGIN_PINDAH:
        out.append(
            "Pegawai mengajukan pindah"
            + (" ke OPD ini." if tujuan.opd_id in person.opd_pilihan else ".")
        )
    elif person.sikap == SIKAP_BERSEDIA:
        out.append(
            "Pegawai menyatakan bersedia dipindahkan"
            + (" ke OPD ini." if tujuan.opd_id in person.opd_pilihan else ".")
        )
    elif person.sikap == SIKAP_TIDAK_BERSEDIA:
        out.append("Pegawai menyatakan tidak bersedia pindah; diikutkan karena diizinkan.")
    if person.tmt_jabatan is not None:
        years, months = masa_kerja(person.tmt_jabatan, tmt_date)
        out.append(
            f"Masa dalam jabatan sekarang {years} tahun {months} bulan "
            f"(TMT {format_tanggal(person.tmt_jabatan)})."
        )
    if terkunci:
        out.append("Dikunci oleh pengguna: dipertahankan apa adanya.")
    elif arc is not None:
        out.append("Pertimbangan optimasi: " + _money(arc.bagian) + ".")
    return tuple(out)


class RecommendMixin(PlanningBase):
    """The optimiser: ``recommend`` and ``accept_moves``."""

    def recommend(
        self, options: PlanOptions | None = None, progress: Progress = _NO_PROGRESS
    ) -> PlanResult:
        """A whole transfer plan that closes ABK shortages from surpluses, exactly optimal.

        People in surplus positions may move to short positions of the same jenjang whose
        education, rank and (at least ``min_kecocokan`` of the) competencies they meet; no
        position is overfilled, no source falls short; unwilling people stay unless allowed;
        people already in an open proposal stay (their moves count as planned). Most shortage
        covered first, then the cheapest moves (see ``domain.optimiser_model``).
        """
        self.require(Hak.BACA)
        opts = options or PlanOptions()
        if opts.max_moves is not None and opts.max_moves < 0:
            raise DomainError("rencana.batas_tidak_sah", value=opts.max_moves)
        if not 0.0 <= opts.min_kecocokan <= 1.0:
            raise DomainError("rencana.kecocokan_tidak_sah", value=opts.min_kecocokan)
        started = time.perf_counter()
        checkpoint(progress, 0, _STEPS, "Membaca hasil ABK")
        tahun = opts.tahun or self._abk_year()
        if tahun is None:
            raise DomainError("rencana.tanpa_abk")
        report = self._abk().report(tahun, opts.skenario)
        need = {
            p.jabatan_id: p.kebutuhan_bulat
            for p in report.positions
            if p.jumlah_tugas > 0 or p.pegawai_berkas is not None
        }
        ada = {p.jabatan_id: p.pegawai_ada for p in report.positions}
        unit_names = {p.unit_id: p.unit_path or p.unit for p in report.positions}
        today = self._today()
        tmt = opts.tmt or default_tmt(today)
        t_abk = time.perf_counter()

        checkpoint(progress, 1, _STEPS, "Membaca data pegawai")
        locked_ids = {pid for pid, _ in opts.terkunci}
        with self.ctx.read() as s:
            open_ = open_moves(s)
            wanted = set(need) | {tid for _, tid in opts.terkunci}
            positions = load_positions(s, wanted, kebutuhan=need, ada=ada, rencana=open_.rencana)
            surplus = [pid for pid, p in positions.items() if p.lebih > 0]
            people = load_people(s, jabatan_ids=surplus, per_pegawai=open_.per_pegawai)
            if locked_ids:
                people.update(load_people(s, ids=locked_ids, per_pegawai=open_.per_pegawai))
            extra = {
                p.jabatan_id
                for p in people.values()
                if p.jabatan_id is not None and p.jabatan_id not in positions
            }
            if extra:
                positions.update(
                    load_positions(s, extra, kebutuhan=need, ada=ada, rencana=open_.rencana)
                )
        in_progress = {
            pid for pid, p in people.items() if p.usulan_terbuka > 0 and pid not in locked_ids
        }
        candidates = [p for pid, p in people.items() if pid not in in_progress]
        t_load = time.perf_counter()

        checkpoint(progress, 2, _STEPS, "Menyusun model")
        model = build_model(
            candidates,
            positions.values(),
            ModelOptions(
                tmt=tmt,
                today=today,
                horizon_bulan=opts.horizon_bulan,
                max_moves=opts.max_moves,
                allow_unwilling=opts.allow_unwilling,
                locked=tuple(opts.terkunci),
                excluded=frozenset(opts.dikecualikan),
                forbidden=frozenset(opts.ditolak),
                min_kecocokan=opts.min_kecocokan,
                jenjang_sama=opts.jenjang_sama,
                sertakan_struktural=opts.sertakan_struktural,
                weights=opts.bobot,
            ),
        )
        t_model = time.perf_counter()

        checkpoint(progress, 3, _STEPS, "Mencari rencana optimal")
        result = solve(model, force_mip=opts.force_mip, time_limit=opts.time_limit)
        named = assign(model, result)
        t_solve = time.perf_counter()

        checkpoint(progress, 4, _STEPS, "Menyusun penjelasan")
        plan = self._result(
            tahun, opts, tmt, today, report_units=unit_names, positions=positions,
            people=people, model=model, result=result, named=named,
            in_progress=sorted(in_progress), open_count=open_.jumlah,
        )  # fmt: skip
        t_end = time.perf_counter()
        stats = {
            "detik_total": t_end - started,
            "detik_abk": t_abk - started,
            "detik_baca": t_load - t_abk,
            "detik_model": t_model - t_load,
            "detik_solver": result.seconds,
            "detik_penjelasan": t_end - t_solve,
            "jabatan": float(len(positions)),
            "pegawai_dibaca": float(len(people)),
            "calon": float(model.candidate_count),
            "tipe": float(len(model.types)),
            "busur": float(model.arc_count),
            "kolom": float(result.columns),
            "baris": float(result.rows),
            "iterasi": float(result.iterations),
            "lp_integral": 1.0 if result.lp_integral else 0.0,
        }
        checkpoint(progress, _STEPS, _STEPS, "Selesai")
        return replace(plan, stats=stats)

    def _result(
        self,
        tahun: int,
        opts: PlanOptions,
        tmt: date,
        today: date,
        *,
        report_units: Mapping[int, str],
        positions: Mapping[int, PositionFacts],
        people: Mapping[int, PersonFacts],
        model: FlowModel,
        result: SolveResult,
        named: Mapping[int, int],
        in_progress: Sequence[int],
        open_count: int,
    ) -> PlanResult:
        pairs: list[tuple[int, int, bool]] = [
            (lm.pegawai_id, lm.tujuan_id, True) for lm in model.locked
        ] + [(pid, tid, False) for pid, tid in sorted(named.items())]
        balance = plan_balance(
            positions,
            [(people[pid].jabatan_id, tid) for pid, tid, _ in pairs],
            report_units,
        )
        by_pos = {r.id: r for r in balance.jabatan}
        arc_of: dict[tuple[int, int], ArcCost] = {}
        for t in model.types:
            for m in t.anggota:
                if m in named:
                    for a in t.arcs:
                        if a.target_id == named[m]:
                            arc_of[(m, a.target_id)] = a
        moves: list[PlanMove] = []
        for pid, tid, locked in pairs:
            person = people[pid]
            asal = positions.get(person.jabatan_id) if person.jabatan_id is not None else None
            tujuan = positions[tid]
            arc = arc_of.get((pid, tid))
            rules = check_move(
                MoveFacts(
                    person=person,
                    asal=asal,
                    tujuan=tujuan,
                    jenis=JenisMutasi.ANTAR_OPD,
                    tmt=tmt,
                    today=today,
                    horizon_bulan=opts.horizon_bulan,
                )
            )
            match = skill_match(tujuan.kompetensi_syarat, person.kompetensi, person.pelatihan)
            assert asal is not None
            moves.append(
                PlanMove(
                    id=f"{pid}-{tid}",
                    pegawai_id=pid,
                    nip=person.nip,
                    nama=person.nama,
                    golongan=person.golongan,
                    pendidikan=person.pendidikan.value if person.pendidikan else None,
                    asal=tempat(asal),
                    tujuan=tempat(tujuan),
                    terkunci=locked,
                    biaya=arc.biaya if arc else 0,
                    bagian_biaya=arc.bagian if arc else (),
                    kecocokan=match.share,
                    kompetensi_cocok=match.cocok,
                    kompetensi_kurang=match.kurang,
                    alasan=explain(
                        person,
                        asal,
                        tujuan,
                        arc,
                        by_pos.get(tid),
                        by_pos.get(asal.jabatan_id),
                        terkunci=locked,
                        tmt_date=tmt,
                    ),
                    aturan=tuple(rules),
                )
            )
        skipped = [
            Unmoved(
                pid,
                people[pid].nip,
                people[pid].nama,
                people[pid].jabatan_id,
                reasons,
            )
            for pid, reasons in sorted(model.excluded.items())
        ] + [
            Unmoved(pid, people[pid].nip, people[pid].nama, people[pid].jabatan_id, (USULAN_GANDA,))
            for pid in in_progress
        ]
        digest = hashlib.sha1(
            repr((tahun, opts.skenario, tmt, [(m.pegawai_id, m.tujuan.jabatan_id) for m in moves]))
            .encode()
        ).hexdigest()[:12]  # fmt: skip
        total = balance.total
        return PlanResult(
            id=digest,
            tahun=tahun,
            skenario=opts.skenario,
            tmt=tmt,
            dibuat=self._now(),
            options=opts,
            moves=tuple(moves),
            balance=balance,
            objective=result.objective,
            bound=result.bound,
            gap=result.gap,
            status=result.status,
            method=result.method,
            weight=model.weight,
            cost=result.cost,
            kekurangan_sebelum=total.kurang_sebelum,
            kekurangan_sesudah=total.kurang_sesudah,
            kelebihan_sebelum=total.lebih_sebelum,
            kelebihan_sesudah=total.lebih_sesudah,
            usulan_terbuka=open_count,
            dilewati=tuple(skipped),
            stats={},
        )

    def accept_moves(
        self,
        plan: PlanResult,
        move_ids: Sequence[str],
        overrides: Mapping[str, Mapping[str, str]] | None = None,
    ) -> list[UsulanChange]:
        """Turn the chosen moves of a plan into draft proposals (source: optimiser), in one
        transaction. The rules are checked again on today's data; ``overrides`` may answer
        warnings per move id (code → written reason)."""
        self.require(Hak.DRAF)
        chosen = []
        for mid in move_ids:
            move = plan.move(mid)
            if move is None:
                raise DomainError("rencana.langkah_tidak_ada", id=mid)
            chosen.append(move)
        drafts = [
            UsulanDraft(
                pegawai_id=m.pegawai_id,
                jabatan_tujuan_id=m.tujuan.jabatan_id,
                jenis=JenisMutasi.ANTAR_OPD,
                jabatan_asal_id=m.asal.jabatan_id,
                alasan=f"Rekomendasi optimasi (rencana {plan.id}). " + " ".join(m.alasan[:2]),
                tmt_rencana=plan.tmt,
            )
            for m in chosen
        ]
        ov = [dict((overrides or {}).get(m.id, {})) for m in chosen]
        return self._create_many(drafts, ov, sumber=SumberUsulan.OPTIMISER, rencana_ref=plan.id)
