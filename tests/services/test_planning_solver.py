"""HiGHS on the transfer flow model: the same optimum as brute force, integral LP vertices,
the MIP path agreeing, a move cap honoured, deterministic plans, and a silent solver."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from support_planning import instances, man, options, pos

from mutasi_desktop.domain.mutasi_rules import PersonFacts, PositionFacts
from mutasi_desktop.domain.optimiser_model import ModelOptions, brute_force, build_model, evaluate
from mutasi_desktop.domain.pegawai import TingkatPendidikan
from mutasi_desktop.services.planning_solver import assign, objective_of, solve

Case = tuple[list[PersonFacts], list[PositionFacts], ModelOptions]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_highs_finds_the_brute_force_optimum(case: Case) -> None:
    people, positions, opts = case
    model = build_model(people, positions, opts)
    best = brute_force(model)
    result = solve(model)
    assert result.optimal and result.gap == 0.0
    assert result.method == "lp" and result.lp_integral
    assert (result.covered, result.cost) == (best.covered, best.cost)
    moves = assign(model, result)
    assert evaluate(model, moves).key == best.key  # the named plan is feasible and as good
    assert objective_of(model, moves) == (best.covered, best.cost)
    assert result.objective == pytest.approx(result.cost - model.weight * result.covered, abs=1e-6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_the_mip_path_proves_the_same_optimum(case: Case) -> None:
    people, positions, opts = case
    model = build_model(people, positions, opts)
    lp = solve(model)
    mip = solve(model, force_mip=True)
    assert mip.method == "mip" and mip.optimal and mip.gap == 0.0
    assert (mip.covered, mip.cost) == (lp.covered, lp.cost)
    assert abs(mip.bound - mip.objective) < 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_same_data_in_any_order_gives_the_same_plan(case: Case) -> None:
    people, positions, opts = case
    first = assign(
        build_model(people, positions, opts), solve(build_model(people, positions, opts))
    )
    rng = random.Random(7)
    for _ in range(2):
        p2, q2 = people[:], positions[:]
        rng.shuffle(p2)
        rng.shuffle(q2)
        model = build_model(p2, q2, opts)
        assert assign(model, solve(model)) == first


def _surplus_world(n: int) -> tuple[list[PersonFacts], list[PositionFacts]]:
    skills = ("Pengolahan data", "Microsoft Excel")
    positions = [
        pos(1, 1, kebutuhan=0, ada=n, reqs=skills),
        pos(2, 2, kebutuhan=n, ada=0, reqs=skills, edu=TingkatPendidikan.D3),
        pos(3, 3, kebutuhan=2, ada=0, reqs=skills),
    ]
    people = [man(i, 1, skills=skills) for i in range(1, n + 1)]
    return people, positions


def test_a_move_cap_limits_the_plan_and_keeps_it_integral() -> None:
    people, positions = _surplus_world(6)
    free = solve(build_model(people, positions, options()))
    assert free.covered == 6
    capped_model = build_model(people, positions, options(max_moves=4))
    capped = solve(capped_model)
    assert capped.covered == 4 and capped.lp_integral and capped.gap == 0.0
    assert len(assign(capped_model, capped)) == 4
    assert solve(build_model(people, positions, options(max_moves=0))).covered == 0


def test_people_of_one_type_are_named_in_their_order() -> None:
    people, positions = _surplus_world(5)
    # Still within 2-5 years (no bonus, same type) but the longest in post: picked first.
    people[3] = replace(people[3], tmt_jabatan=date(2022, 1, 1))
    model = build_model(people, positions, options(max_moves=1))
    (t,) = model.types
    assert t.anggota[0] == 4
    assert list(assign(model, solve(model))) == [4]


def test_an_empty_model_solves_to_nothing() -> None:
    model = build_model([], [pos(1, 1, 1, 0)], options())
    result = solve(model)
    assert result.optimal and result.flows == () and result.covered == 0


def test_the_solver_prints_nothing_on_stdout() -> None:
    code = (
        "from mutasi_desktop.services.planning_solver import new_highs; "
        "new_highs(); new_highs(); print('selesai')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert out.stdout == "selesai\n"
