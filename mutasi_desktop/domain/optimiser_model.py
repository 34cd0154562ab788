"""The transfer plan as a transportation (min-cost flow) problem, built from plain facts.

Nodes: surplus positions (each may give at most its surplus, so it never falls short), person
*types* inside them, and short positions (each may take at most its shortage, so it is never
overfilled). A type is a group of people of one source position whose allowed targets and costs
are identical; it becomes one node with a capacity instead of one node per person. An arc
type → target exists only when the rules allow it (no blocking finding, same jenjang, education
and rank at least the target's minimum, at least ``min_kecocokan`` of the target's competencies,
unwilling people only when the user allows it, no rejected pair).

Every unit of flow is one person moving and closes one unit of shortage. The objective is
lexicographic: first cover as much shortage as possible, then take the cheapest way to do it.
Costs are integers (a base cost per move, minus preference bonuses, plus penalties for warnings
such as a short time in post); the weight ``W`` of a covered unit exceeds any cost difference an
augmenting path can make, so one linear objective ``Σ (cost − W)·x`` is exactly lexicographic.

The constraint matrix is totally unimodular: the type, source-position and optional move-cap
rows form a laminar family (type ⊂ position ⊂ everything) and the target rows a partition, so
every vertex of the LP is integral and the LP optimum *is* the integer optimum. Locked moves are
applied before the model is built; excluded people never enter it.

``brute_force`` enumerates every assignment of small instances person by person: the reference
the solver is tested against.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from mutasi_desktop.domain.golongan import parse_golongan
from mutasi_desktop.domain.jabatan import JenisJabatan, JenjangJabatan
from mutasi_desktop.domain.mutasi_rules import (
    BARU_DIPINDAH,
    BUP_DEKAT,
    DEFAULT_SETTINGS,
    KONTRAK_BERAKHIR,
    MASA_JABATAN_KURANG_2,
    MASA_JABATAN_LEBIH_5,
    PPPK_INTERNAL,
    SEDANG_CUTI,
    SIKAP_BERSEDIA,
    SIKAP_INGIN_PINDAH,
    SIKAP_TIDAK_BERSEDIA,
    TIDAK_BERSEDIA,
    JenisMutasi,
    PersonFacts,
    PositionFacts,
    RuleResult,
    RuleSettings,
    check_person,
    normalise_skill,
    topic_words,
)
from mutasi_desktop.domain.pegawai import JenisPegawai
from mutasi_desktop.domain.pencarian import fold

# Why a person of a surplus position is not a candidate (besides blocking rule codes).
TIDAK_BERSEDIA_DILEWATI = TIDAK_BERSEDIA
DIKECUALIKAN = "rencana.dikecualikan"
TERKUNCI = "rencana.terkunci"


@dataclass(frozen=True)
class CostWeights:
    """Integer cost parts of one move (lower is better). Changing them changes preferences among
    plans covering the same shortage, never how much shortage is covered."""

    pindah: int = 1000  # every move costs this: among equal covers, no needless moves
    kompetensi: int = 300  # × share of the target's competencies the person lacks
    pilihan_opd: int = 400  # bonus: the target is in an OPD the person asked for
    pilihan_lokasi: int = 300  # bonus: the target is in a place the person asked for
    bersedia: int = 100  # bonus: the person is willing or asked to move
    tidak_bersedia: int = 3000  # penalty when unwilling people are allowed to move
    masa_kurang_2: int = 300  # penalty: under 2 years in post
    masa_lebih_5: int = 100  # bonus: over 5 years in post, rotation is due
    bup_dekat: int = 600  # penalty: retires within the horizon
    pppk: int = 200  # penalty: PPPK (internal moves need a legal basis)
    baru_dipindah: int = 300  # penalty: moved recently
    kontrak: int = 400  # penalty: PPPK contract ends within the horizon
    cuti: int = 50  # penalty: on leave now
    prioritas: int = 100  # bonus × shortage ÷ need of the target: worst gaps first


# Person-level findings that change the cost, with the weight attribute and its sign.
_PENALTIES: dict[str, tuple[str, int]] = {
    MASA_JABATAN_KURANG_2: ("masa_kurang_2", 1),
    MASA_JABATAN_LEBIH_5: ("masa_lebih_5", -1),
    BUP_DEKAT: ("bup_dekat", 1),
    PPPK_INTERNAL: ("pppk", 1),
    BARU_DIPINDAH: ("baru_dipindah", 1),
    KONTRAK_BERAKHIR: ("kontrak", 1),
    SEDANG_CUTI: ("cuti", 1),
}


@dataclass(frozen=True)
class ModelOptions:
    """What the user asked of the plan."""

    tmt: date
    today: date
    horizon_bulan: int = 12
    max_moves: int | None = None
    allow_unwilling: bool = False
    locked: tuple[tuple[int, int], ...] = ()  # (pegawai_id, jabatan_tujuan_id), kept as given
    excluded: frozenset[int] = frozenset()  # pegawai ids left where they are
    forbidden: frozenset[tuple[int, int]] = frozenset()  # rejected (pegawai_id, jabatan_id)
    min_kecocokan: float = 0.5  # share of the target's competencies a person must have
    # A pelaksana stays pelaksana; a functional post (JF) keeps its profession and jenjang.
    jenjang_sama: bool = True
    sertakan_struktural: bool = False  # head posts are filled by selection, not by this plan
    weights: CostWeights = field(default_factory=CostWeights)
    settings: RuleSettings = DEFAULT_SETTINGS


@dataclass(frozen=True)
class ArcCost:
    """One allowed target of a type: the cost and its parts (for the explanation)."""

    target_id: int
    biaya: int
    kecocokan: float
    bagian: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class PersonType:
    """People of one source position who are interchangeable for the plan."""

    index: int
    asal_id: int
    anggota: tuple[int, ...]  # pegawai ids in the order they are picked
    arcs: tuple[ArcCost, ...]

    @property
    def kapasitas(self) -> int:
        return len(self.anggota)


@dataclass(frozen=True)
class LockedMove:
    pegawai_id: int
    asal_id: int | None
    tujuan_id: int


@dataclass(frozen=True)
class FlowModel:
    """The whole transportation problem, ready for a solver."""

    options: ModelOptions
    positions: Mapping[int, PositionFacts]  # baseline: open proposals and locked moves applied
    people: Mapping[int, PersonFacts]  # candidates and locked people
    types: tuple[PersonType, ...]
    supply: Mapping[int, int]  # source position -> how many may leave
    demand: Mapping[int, int]  # target position -> shortage still open
    max_moves: int | None  # free moves left after the locked ones
    weight: int  # W: value of one covered unit of shortage
    locked: tuple[LockedMove, ...]
    excluded: Mapping[int, tuple[str, ...]]  # surplus-position people left out, with reasons
    person_checks: Mapping[int, tuple[RuleResult, ...]]  # candidates' person-level findings

    @property
    def arc_count(self) -> int:
        return sum(len(t.arcs) for t in self.types)

    @property
    def candidate_count(self) -> int:
        return sum(t.kapasitas for t in self.types)

    def flow_bound(self) -> int:
        """No plan can move more people than this."""
        bound = min(
            sum(self.supply.values()),
            sum(self.demand.values()),
            self.candidate_count,
        )
        return bound if self.max_moves is None else min(bound, self.max_moves)

    def type_of(self, pegawai_id: int) -> PersonType | None:
        for t in self.types:
            if pegawai_id in t.anggota:
                return t
        return None


@dataclass(frozen=True)
class Assignment:
    """A plan as person → target (free moves only; locked moves are in the model)."""

    moves: Mapping[int, int]
    covered: int
    cost: int

    @property
    def key(self) -> tuple[int, int]:
        """Lexicographic value: more cover first, then less cost (smaller is better)."""
        return (-self.covered, self.cost)


# ------------------------------------------------------------------------------------ building


def _gol_rank(person: PersonFacts) -> int | None:
    if person.jenis_pegawai is JenisPegawai.PPPK or not person.golongan:
        return None
    g = parse_golongan(person.golongan, JenisPegawai.PNS)
    return None if g is None else g.rank


def _lokasi_key(text: str | None) -> str:
    return " ".join(fold(text or "").split())


@dataclass(frozen=True)
class _Target:
    pos: PositionFacts
    reqs: tuple[str, ...]  # normalised competency names
    edu_min: int
    gol_min: int | None
    prioritas: int
    lokasi: str


@dataclass
class _Requirements:
    """Every distinct competency the short positions ask for, with its topic words."""

    topics: dict[str, frozenset[str]]
    by_req: dict[str, list[int]]  # normalised requirement -> target ids requiring it


def _person_covers(person: PersonFacts, reqs: _Requirements) -> frozenset[str]:
    skills = {normalise_skill(k) for k in person.kompetensi}
    covered = {r for r in reqs.topics if r in skills}
    if person.pelatihan:
        courses = [frozenset(normalise_skill(p).split()) for p in person.pelatihan]
        for r, topic in reqs.topics.items():
            if r not in covered and topic and any(topic <= c for c in courses):
                covered.add(r)
    return frozenset(covered)


def build_model(
    people: Iterable[PersonFacts],
    positions: Iterable[PositionFacts],
    options: ModelOptions,
) -> FlowModel:
    """The flow model of the plan. ``positions`` carry the ABK need and the headcount with open
    proposals already applied (``rencana``); ``people`` should include everyone in surplus
    positions and the locked people (others are ignored)."""
    w = options.weights
    pos: dict[int, PositionFacts] = {p.jabatan_id: p for p in positions}
    persons: dict[int, PersonFacts] = {}
    for person in people:
        if person.pegawai_id is not None:
            persons[person.pegawai_id] = person

    # Locked moves first: they change the baseline and use up part of the move cap.
    locked: list[LockedMove] = []
    locked_ids: set[int] = set()
    for pid, tid in sorted(set(options.locked)):
        if pid in locked_ids or pid not in persons or tid not in pos:
            continue
        asal = persons[pid].jabatan_id
        if asal is None or asal == tid:
            continue
        locked.append(LockedMove(pid, asal, tid))
        locked_ids.add(pid)
        pos[tid] = replace(pos[tid], rencana=pos[tid].rencana + 1)
        if asal is not None and asal in pos:
            pos[asal] = replace(pos[asal], rencana=pos[asal].rencana - 1)
    free_moves = None
    if options.max_moves is not None:
        free_moves = max(0, options.max_moves - len(locked))

    def plannable(p: PositionFacts) -> bool:
        return p.kebutuhan is not None and (options.sertakan_struktural or not p.struktural)

    supply = {pid: p.lebih for pid, p in sorted(pos.items()) if plannable(p) and p.lebih > 0}
    demand = {
        pid: p.kurang for pid, p in sorted(pos.items()) if plannable(p) and p.aktif and p.kurang > 0
    }

    # Targets, bucketed by jenjang, with an inverted index over their competencies.
    reqs = _Requirements({}, defaultdict(list))
    targets: dict[int, _Target] = {}
    for tid in demand:
        p = pos[tid]
        norm = tuple(dict.fromkeys(normalise_skill(k) for k in p.kompetensi_syarat if k.strip()))
        for r in norm:
            if r not in reqs.topics:
                reqs.topics[r] = topic_words(r)
            reqs.by_req[r].append(tid)
        gol = parse_golongan(p.golongan_min, JenisPegawai.PNS) if p.golongan_min else None
        need = p.kebutuhan or 1
        targets[tid] = _Target(
            pos=p,
            reqs=norm,
            edu_min=p.pendidikan_min.rank if p.pendidikan_min is not None else -1,
            gol_min=gol.rank if gol is not None else None,
            prioritas=round(w.prioritas * min(1.0, p.kurang / need)),
            lokasi=_lokasi_key(p.lokasi),
        )
    no_reqs = [tid for tid, t in targets.items() if not t.reqs]
    by_jenjang: dict[tuple[JenjangJabatan | None, str], list[int]] = defaultdict(list)
    for tid in targets:
        by_jenjang[_bucket(pos[tid].jenjang, pos[tid].nama)].append(tid)

    excluded: dict[int, tuple[str, ...]] = {}
    checks: dict[int, tuple[RuleResult, ...]] = {}
    profiles: dict[tuple[object, ...], tuple[ArcCost, ...]] = {}
    groups: dict[tuple[int, tuple[ArcCost, ...]], list[PersonFacts]] = defaultdict(list)
    for pid in sorted(persons):
        person = persons[pid]
        if person.jabatan_id is None or person.jabatan_id not in supply:
            continue
        if pid in locked_ids:
            continue
        if pid in options.excluded:
            excluded[pid] = (DIKECUALIKAN,)
            continue
        found = check_person(
            person,
            JenisMutasi.ANTAR_OPD,
            tmt=options.tmt,
            today=options.today,
            horizon_bulan=options.horizon_bulan,
            tujuan_jenjang=pos[person.jabatan_id].jenjang if options.jenjang_sama else None,
            settings=options.settings,
        )
        blocking = tuple(r.code for r in found if r.blocks)
        if blocking:
            excluded[pid] = blocking
            continue
        if person.sikap == SIKAP_TIDAK_BERSEDIA and not options.allow_unwilling:
            excluded[pid] = (TIDAK_BERSEDIA_DILEWATI,)
            continue
        checks[pid] = tuple(found)
        covers = _person_covers(person, reqs)
        penalties = tuple(sorted({r.code for r in found if r.code in _PENALTIES}))
        forbidden = tuple(sorted(t for p2, t in options.forbidden if p2 == pid))
        key = (
            person.jabatan_id,
            person.pendidikan.rank if person.pendidikan is not None else -1,
            _gol_rank(person),
            person.jenis_pegawai is JenisPegawai.PPPK,
            covers,
            person.sikap,
            person.opd_pilihan,
            tuple(sorted(_lokasi_key(x) for x in person.lokasi_pilihan)),
            penalties,
            forbidden,
        )
        arcs = profiles.get(key)
        if arcs is None:
            arcs = profiles[key] = _arcs(
                person, pos, targets, reqs, covers, penalties, set(forbidden), options,
                by_jenjang, no_reqs,
            )  # fmt: skip
        if arcs:
            groups[(person.jabatan_id, arcs)].append(person)

    types: list[PersonType] = []
    for (asal_id, arcs), members in sorted(
        groups.items(), key=lambda item: (item[0][0], min(m.nip for m in item[1]))
    ):
        ordered = sorted(members, key=_pick_order)
        types.append(
            PersonType(len(types), asal_id, tuple(int(m.pegawai_id or 0) for m in ordered), arcs)
        )

    costs = [a.biaya for t in types for a in t.arcs]
    model = FlowModel(
        options=options,
        positions=pos,
        people={pid: persons[pid] for pid in sorted(set(checks) | locked_ids)},
        types=tuple(types),
        supply=supply,
        demand=demand,
        max_moves=free_moves,
        weight=1,
        locked=tuple(locked),
        excluded=excluded,
        person_checks=checks,
    )
    if costs:
        cmax, cmin = max(costs), min(costs)
        bound = model.flow_bound()
        # An augmenting path adds one unit of cover and may reroute up to `bound` moves:
        # W above its worst cost change makes more cover always win (see module docstring).
        model = replace(model, weight=max(1, cmax + bound * (cmax - cmin) + 1))
    return model


def _bucket(jenjang: JenjangJabatan | None, nama: str) -> tuple[JenjangJabatan | None, str]:
    """Targets a person may reach with ``jenjang_sama``: the same jenjang and, for a functional
    position, the same profession (the same position name)."""
    if jenjang is not None and jenjang.jenis is JenisJabatan.FUNGSIONAL:
        return (jenjang, normalise_skill(nama))
    return (jenjang, "")


def _pick_order(p: PersonFacts) -> tuple[date, str]:
    # Within a type everyone costs the same: take the longest in post first, then by NIP.
    return (p.tmt_jabatan or date.max, p.nip)


def _arcs(
    person: PersonFacts,
    pos: Mapping[int, PositionFacts],
    targets: Mapping[int, _Target],
    reqs: _Requirements,
    covers: frozenset[str],
    penalties: tuple[str, ...],
    forbidden: set[int],
    options: ModelOptions,
    by_jenjang: Mapping[tuple[JenjangJabatan | None, str], list[int]],
    no_reqs: list[int],
) -> tuple[ArcCost, ...]:
    w = options.weights
    asal = pos[person.jabatan_id] if person.jabatan_id is not None else None
    if options.min_kecocokan <= 0:
        counts: Counter[int] = Counter({tid: 0 for tid in targets})
    else:
        counts = Counter({tid: 0 for tid in no_reqs})
    for r in covers:
        for tid in reqs.by_req.get(r, ()):
            counts[tid] += 1
    allowed = (
        set(by_jenjang.get(_bucket(asal.jenjang, asal.nama) if asal else (None, ""), ()))
        if options.jenjang_sama
        else set(targets)
    )
    edu = person.pendidikan.rank if person.pendidikan is not None else -1
    gol = _gol_rank(person)
    pppk = person.jenis_pegawai is JenisPegawai.PPPK
    base: list[tuple[str, int]] = [("pindah", w.pindah)]
    if person.sikap in (SIKAP_BERSEDIA, SIKAP_INGIN_PINDAH):
        base.append(("bersedia", -w.bersedia))
    elif person.sikap == SIKAP_TIDAK_BERSEDIA:
        base.append(("tidak_bersedia", w.tidak_bersedia))
    for code in penalties:
        attr, sign = _PENALTIES[code]
        base.append((attr, sign * getattr(w, attr)))
    lokasi = {_lokasi_key(x) for x in person.lokasi_pilihan if x}
    out: list[ArcCost] = []
    for tid in sorted(counts):
        if tid not in allowed or tid in forbidden or (asal and tid == asal.jabatan_id):
            continue
        t = targets[tid]
        share = 1.0 if not t.reqs else counts[tid] / len(t.reqs)
        if share + 1e-9 < options.min_kecocokan:
            continue
        if edu < t.edu_min:
            continue
        if t.gol_min is not None and not pppk and (gol is None or gol < t.gol_min):
            continue
        parts = list(base)
        gap = round(w.kompetensi * (1.0 - share))
        if gap:
            parts.append(("kompetensi", gap))
        if t.pos.opd_id in person.opd_pilihan:
            parts.append(("pilihan_opd", -w.pilihan_opd))
        if lokasi and t.lokasi and t.lokasi in lokasi:
            parts.append(("pilihan_lokasi", -w.pilihan_lokasi))
        if t.prioritas:
            parts.append(("prioritas", -t.prioritas))
        out.append(ArcCost(tid, sum(v for _, v in parts), share, tuple(parts)))
    return tuple(out)


# ------------------------------------------------------------------------------------ checking


def evaluate(model: FlowModel, moves: Mapping[int, int]) -> Assignment:
    """Cover and cost of a person → target plan; ``ValueError`` if it breaks a constraint."""
    arc_of: dict[tuple[int, int], ArcCost] = {}
    source_of: dict[int, int] = {}
    for t in model.types:
        for m in t.anggota:
            source_of[m] = t.asal_id
            for a in t.arcs:
                arc_of[(m, a.target_id)] = a
    out_count: Counter[int] = Counter()
    in_count: Counter[int] = Counter()
    cost = 0
    for pid, tid in moves.items():
        arc = arc_of.get((pid, tid))
        if arc is None:
            raise ValueError(f"no arc {pid} -> {tid}")
        out_count[source_of[pid]] += 1
        in_count[tid] += 1
        cost += arc.biaya
    for src, n in out_count.items():
        if n > model.supply.get(src, 0):
            raise ValueError(f"source {src} gives {n} > {model.supply.get(src, 0)}")
    for tid, n in in_count.items():
        if n > model.demand.get(tid, 0):
            raise ValueError(f"target {tid} takes {n} > {model.demand.get(tid, 0)}")
    if model.max_moves is not None and len(moves) > model.max_moves:
        raise ValueError(f"{len(moves)} moves > cap {model.max_moves}")
    return Assignment(dict(moves), len(moves), cost)


def brute_force(model: FlowModel, *, limit: int = 2_000_000) -> Assignment:
    """The lexicographic optimum by enumerating every person's choice (small models only)."""
    people: list[tuple[int, int, tuple[ArcCost, ...]]] = [
        (m, t.asal_id, t.arcs) for t in model.types for m in t.anggota
    ]
    combos = 1
    for _, _, arcs in people:
        combos *= len(arcs) + 1
    if combos > limit:
        raise ValueError(f"{combos} assignments is too many to enumerate")
    best = Assignment({}, 0, 0)
    options_per_person: list[Sequence[ArcCost | None]] = [(None, *arcs) for _, _, arcs in people]
    for choice in itertools.product(*options_per_person):
        moves = {people[i][0]: a.target_id for i, a in enumerate(choice) if a is not None}
        if not moves:
            continue
        if model.max_moves is not None and len(moves) > model.max_moves:
            continue
        out_count: Counter[int] = Counter(people[i][1] for i, a in enumerate(choice) if a)
        if any(n > model.supply.get(s, 0) for s, n in out_count.items()):
            continue
        in_count: Counter[int] = Counter(moves.values())
        if any(n > model.demand.get(tid, 0) for tid, n in in_count.items()):
            continue
        cand = Assignment(moves, len(moves), sum(a.biaya for a in choice if a is not None))
        if cand.key < best.key:
            best = cand
    return best
