"""Solve the transfer flow model (``domain.optimiser_model``) exactly with HiGHS.

The model's matrix is totally unimodular, so the LP solved by the simplex method ends on an
integral vertex that is also the integer optimum: the optimality gap is zero. The solution is
checked for integrality anyway; should a future side constraint break the structure (or when
``force_mip`` asks for it), the same model is solved as a MIP with integer columns and the MIP
gap HiGHS proves is reported. Then the flow per type is handed out to named people in the
type's own order (longest in post first, then NIP), so the same data gives the same plan.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import os
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.optimiser_model import ArcCost, FlowModel

INTEGRALITY_TOLERANCE = 1e-6
_BANNER_LOCK = threading.Lock()
_banner_done = False


@contextlib.contextmanager
def _stdout_silenced() -> Iterator[None]:
    """Route the C-level stdout to the null device (HiGHS prints a banner on first use, which
    would corrupt ``--json`` output). Without a usable stdout (a windowed app) it does nothing."""
    stream = sys.stdout
    try:
        if stream is not None:
            stream.flush()
        fd = stream.fileno() if stream is not None else 1
    except (AttributeError, OSError, ValueError):  # a StringIO in tests: the C stdout is fd 1
        fd = 1
    try:
        saved = os.dup(fd)
    except OSError:
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
        yield
    finally:
        _flush_c_stdio()  # while the C buffers still go to the null device
        os.dup2(saved, fd)
        os.close(saved)
        os.close(devnull)


def _flush_c_stdio() -> None:
    # POSIX: the process's own C library; Windows (not tested here): the universal CRT.
    for load in (lambda: ctypes.CDLL(None), lambda: ctypes.CDLL("ucrtbase")):
        try:
            load().fflush(None)
            return
        except Exception:  # best effort: a missing C library is not an error
            continue


def new_highs() -> Any:
    """A silent HiGHS instance."""
    import highspy  # on first use: HiGHS and numpy cost 0.1 s of every app start otherwise

    global _banner_done
    with _BANNER_LOCK:
        if not _banner_done:
            with _stdout_silenced():
                h = highspy.Highs()
            _banner_done = True
        else:
            h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    return h


@dataclass(frozen=True)
class SolveResult:
    """What the solver did. ``flows``: (type index, target jabatan id, people moved).

    ``gap`` is the relative optimality gap (0.0 = proven optimal); ``bound`` the best bound on
    the objective; ``objective`` = Σ (cost − W) per move (see ``FlowModel.weight``).
    """

    status: str
    method: str  # "lp" (integral vertex of the flow LP) or "mip"
    objective: float
    bound: float
    gap: float
    flows: tuple[tuple[int, int, int], ...]
    covered: int
    cost: int
    lp_integral: bool
    seconds: float
    columns: int
    rows: int
    iterations: int

    @property
    def optimal(self) -> bool:
        return self.status == "optimal"


@dataclass
class _Matrix:
    cost: list[float]
    upper: list[float]
    start: list[int]
    index: list[int]
    row_upper: list[float]
    arcs: list[tuple[int, ArcCost]]


def _matrix(model: FlowModel) -> _Matrix:
    arcs: list[tuple[int, ArcCost]] = [(t.index, a) for t in model.types for a in t.arcs]
    cap_type = {t.index: t.kapasitas for t in model.types}
    source_of = {t.index: t.asal_id for t in model.types}
    ub = [
        min(cap_type[ti], model.demand[a.target_id], model.supply[source_of[ti]]) for ti, a in arcs
    ]
    # A row only where it can bind: its columns' bounds could add up to more than its limit.
    sum_type: dict[int, int] = {}
    sum_source: dict[int, int] = {}
    sum_target: dict[int, int] = {}
    for (ti, a), u in zip(arcs, ub, strict=True):
        sum_type[ti] = sum_type.get(ti, 0) + u
        sum_source[source_of[ti]] = sum_source.get(source_of[ti], 0) + u
        sum_target[a.target_id] = sum_target.get(a.target_id, 0) + u
    row_upper: list[float] = []
    type_row: dict[int, int] = {}
    for ti in sorted(sum_type):
        if sum_type[ti] > cap_type[ti]:
            type_row[ti] = len(row_upper)
            row_upper.append(cap_type[ti])
    source_row: dict[int, int] = {}
    for s in sorted(sum_source):
        if sum_source[s] > model.supply[s]:
            source_row[s] = len(row_upper)
            row_upper.append(model.supply[s])
    target_row: dict[int, int] = {}
    for q in sorted(sum_target):
        if sum_target[q] > model.demand[q]:
            target_row[q] = len(row_upper)
            row_upper.append(model.demand[q])
    cap_row = None
    if model.max_moves is not None and sum(ub) > model.max_moves:
        cap_row = len(row_upper)
        row_upper.append(model.max_moves)
    start = [0]
    index: list[int] = []
    for ti, a in arcs:
        for row in (
            type_row.get(ti),
            source_row.get(source_of[ti]),
            target_row.get(a.target_id),
            cap_row,
        ):
            if row is not None:
                index.append(row)
        start.append(len(index))
    w = model.weight
    return _Matrix(
        cost=[float(a.biaya - w) for _, a in arcs],
        upper=[float(u) for u in ub],
        start=start,
        index=index,
        row_upper=row_upper,
        arcs=arcs,
    )


def _lp(m: _Matrix, integer: bool) -> Any:
    import highspy

    lp = highspy.HighsLp()
    n = len(m.arcs)
    lp.num_col_ = n
    lp.num_row_ = len(m.row_upper)
    lp.col_cost_ = m.cost
    lp.col_lower_ = [0.0] * n
    lp.col_upper_ = m.upper
    lp.row_lower_ = [-highspy.kHighsInf] * len(m.row_upper)
    lp.row_upper_ = m.row_upper
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = m.start
    lp.a_matrix_.index_ = m.index
    lp.a_matrix_.value_ = [1.0] * len(m.index)
    if integer:
        lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    return lp


_STATUS = {
    "Optimal": "optimal",
    "Time limit reached": "time_limit",
    "Infeasible": "infeasible",
    "Model empty": "optimal",
}


def solve(
    model: FlowModel,
    *,
    force_mip: bool = False,
    time_limit: float = 60.0,
) -> SolveResult:
    """The lexicographic optimum of ``model`` (most shortage covered, then least cost)."""
    started = time.perf_counter()
    m = _matrix(model)
    if not m.arcs:
        method = "mip" if force_mip else "lp"
        return SolveResult("optimal", method, 0.0, 0.0, 0.0, (), 0, 0, True, 0.0, 0, 0, 0)
    result = _run(model, m, integer=force_mip, time_limit=time_limit, started=started)
    if result is None:  # fractional LP vertex: cannot happen on the flow structure, but prove it
        result = _run(model, m, integer=True, time_limit=time_limit, started=started)
        assert result is not None
        result = _with(result, lp_integral=False)
    return result


def _with(r: SolveResult, **changes: Any) -> SolveResult:
    from dataclasses import replace

    return replace(r, **changes)


def _run(
    model: FlowModel, m: _Matrix, *, integer: bool, time_limit: float, started: float
) -> SolveResult | None:
    h = new_highs()
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("random_seed", 0)
    if integer:
        # Costs are integers, so an absolute gap below 1 proves the optimum.
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_abs_gap", 0.5)
    else:
        h.setOptionValue("solver", "simplex")  # a vertex, hence integral on this matrix
    h.passModel(_lp(m, integer))
    h.run()
    status_text = h.modelStatusToString(h.getModelStatus())
    status = _STATUS.get(status_text, status_text.lower())
    info = h.getInfo()
    values = list(h.getSolution().col_value)
    if status not in ("optimal", "time_limit") or len(values) != len(m.arcs):
        raise DomainError("rencana.gagal", status=status_text)
    rounded = [round(v) for v in values]
    integral = all(
        abs(v - r) <= INTEGRALITY_TOLERANCE for v, r in zip(values, rounded, strict=True)
    )
    if not integer and not integral:
        return None
    objective = float(info.objective_function_value)
    if integer:
        bound = float(info.mip_dual_bound)
        gap = float(info.mip_gap) if math.isfinite(info.mip_gap) else 1.0
        if status == "optimal" and abs(objective - bound) < 1:
            gap = 0.0
    else:
        bound, gap = objective, 0.0
    flows: list[tuple[int, int, int]] = []
    cost = 0
    for (ti, a), x in zip(m.arcs, rounded, strict=True):
        k = x
        if k > 0:
            flows.append((ti, a.target_id, k))
            cost += k * a.biaya
    return SolveResult(
        status=status,
        method="mip" if integer else "lp",
        objective=objective,
        bound=bound,
        gap=gap,
        flows=tuple(flows),
        covered=sum(k for _, _, k in flows),
        cost=cost,
        lp_integral=integral if not integer else True,
        seconds=time.perf_counter() - started,
        columns=len(m.arcs),
        rows=len(m.row_upper),
        iterations=int(info.simplex_iteration_count),
    )


def assign(model: FlowModel, result: SolveResult) -> dict[int, int]:
    """Named moves (pegawai id → target jabatan id) from the flow per type.

    Members of a type are taken in the type's order and given to its targets in ascending id
    order: every choice costs the same, the rule only makes the plan reproducible.
    """
    by_type: dict[int, list[tuple[int, int]]] = {}
    for ti, tid, k in result.flows:
        by_type.setdefault(ti, []).append((tid, k))
    moves: dict[int, int] = {}
    for t in model.types:
        members = iter(t.anggota)
        for tid, k in sorted(by_type.get(t.index, ())):
            for _ in range(k):
                moves[next(members)] = tid
    return moves


def objective_of(model: FlowModel, moves: Mapping[int, int]) -> tuple[int, int]:
    """(covered, cost) of named moves under the model's arc costs."""
    cost_of: dict[tuple[int, int], int] = {}
    for t in model.types:
        for a in t.arcs:
            for m in t.anggota:
                cost_of[(m, a.target_id)] = a.biaya
    return len(moves), sum(cost_of[(p, q)] for p, q in moves.items())
