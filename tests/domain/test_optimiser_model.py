"""The transfer plan as a flow model: which arcs exist, how people become types, what the
capacities are, and the brute-force reference on hand-made instances."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from support_planning import instances, man, options, pos

from mutasi_desktop.domain.jabatan import JenjangJabatan
from mutasi_desktop.domain.mutasi_rules import (
    GOLONGAN_KURANG,
    HUKUMAN_DISIPLIN,
    PENDIDIKAN_KURANG,
    PersonFacts,
    PositionFacts,
    check_fit,
    skill_match,
)
from mutasi_desktop.domain.optimiser_model import (
    DIKECUALIKAN,
    TIDAK_BERSEDIA_DILEWATI,
    brute_force,
    build_model,
    evaluate,
)
from mutasi_desktop.domain.pegawai import TingkatPendidikan

DATA = ("Pengolahan data", "Microsoft Excel")


def _world() -> tuple[list[PersonFacts], list[PositionFacts]]:
    positions = [
        pos(1, 1, kebutuhan=1, ada=4, reqs=DATA),  # Dishub data clerks, 3 to spare
        pos(2, 2, kebutuhan=3, ada=1, reqs=(*DATA, "Aplikasi SIKS-NG"), edu=TingkatPendidikan.D3),
        pos(3, 2, kebutuhan=2, ada=1, reqs=("Administrasi perkantoran",)),
        pos(4, 3, kebutuhan=1, ada=1),  # balanced: neither source nor target
    ]
    people = [
        man(1, 1, skills=DATA),
        man(2, 1, skills=DATA),  # same profile as 1: one type with two members
        man(3, 1, skills=DATA, sikap="tidak_bersedia"),
        man(4, 1, skills=("Pengolahan data",), edu=TingkatPendidikan.SLTA),
        man(5, 4, skills=DATA),  # in a balanced position: not a candidate
    ]
    return people, positions


def test_surplus_and_shortage_define_supply_and_demand() -> None:
    people, positions = _world()
    m = build_model(people, positions, options())
    assert dict(m.supply) == {1: 3}
    assert dict(m.demand) == {2: 2, 3: 1}
    assert 5 not in m.people  # a balanced position gives nobody


def test_identical_people_become_one_type_with_capacity() -> None:
    people, positions = _world()
    m = build_model(people, positions, options())
    by_members = {t.anggota: t for t in m.types}
    assert (1, 2) in by_members and by_members[(1, 2)].kapasitas == 2
    # 3 is unwilling; 4 (SLTA, one skill) fits no short position, so is no type either.
    assert m.candidate_count == 2


def test_arcs_follow_education_and_skills() -> None:
    people, positions = _world()
    m = build_model(people, positions, options())
    t12 = next(t for t in m.types if t.anggota == (1, 2))
    assert {a.target_id for a in t12.arcs} == {2}  # 2 of 3 skills; 0 of 1 for position 3
    # Person 4 (SLTA) may not go to position 2 (D-III) and lacks the skills of position 3.
    assert m.type_of(4) is None


def test_unwilling_people_stay_unless_allowed_and_then_cost_more() -> None:
    people, positions = _world()
    m = build_model(people, positions, options())
    assert m.excluded[3] == (TIDAK_BERSEDIA_DILEWATI,)
    allowed = build_model(people, positions, options(allow_unwilling=True))
    t3 = allowed.type_of(3)
    assert t3 is not None and 3 not in allowed.excluded
    t1 = allowed.type_of(1)
    assert t1 is not None
    assert t3.arcs[0].biaya - t1.arcs[0].biaya == allowed.options.weights.tidak_bersedia
    assert dict(t3.arcs[0].bagian)["tidak_bersedia"] > 0


def test_blocking_rules_exclude_people_with_the_reason() -> None:
    people, positions = _world()
    people[0] = replace(people[0], hukuman_disiplin=True)
    m = build_model(people, positions, options())
    assert m.excluded[1] == (HUKUMAN_DISIPLIN,)
    assert m.type_of(1) is None and m.type_of(2) is not None


def test_excluded_people_and_rejected_pairs_are_respected() -> None:
    people, positions = _world()
    m = build_model(people, positions, options(excluded=frozenset({1})))
    assert m.excluded[1] == (DIKECUALIKAN,)
    m2 = build_model(people, positions, options(forbidden=frozenset({(2, 2)})))
    t2 = m2.type_of(2)
    assert t2 is None or all(a.target_id != 2 for a in t2.arcs)
    t1 = m2.type_of(1)
    assert t1 is not None and t1.anggota == (1,)  # 1 and 2 differ now


def test_locked_moves_use_capacity_and_the_move_cap() -> None:
    people, positions = _world()
    m = build_model(people, positions, options(locked=((1, 2),), max_moves=2))
    assert [(lm.pegawai_id, lm.asal_id, lm.tujuan_id) for lm in m.locked] == [(1, 1, 2)]
    assert m.type_of(1) is None
    assert dict(m.supply) == {1: 2} and m.demand[2] == 1
    assert m.max_moves == 1
    assert m.positions[2].rencana == 1 and m.positions[1].rencana == -1


def test_structural_positions_are_left_out_unless_asked() -> None:
    people, positions = _world()
    positions.append(pos(5, 2, kebutuhan=1, ada=0, jenjang=JenjangJabatan.PENGAWAS))
    assert 5 not in build_model(people, positions, options()).demand
    positions.append(pos(6, 1, kebutuhan=0, ada=1, jenjang=JenjangJabatan.PENGAWAS))
    people = [*people, man(6, 6, jenjang=JenjangJabatan.PENGAWAS)]
    assert build_model(people, positions, options()).type_of(6) is None
    with_heads = build_model(people, positions, options(sertakan_struktural=True))
    assert with_heads.demand[5] == 1
    t6 = with_heads.type_of(6)
    assert t6 is not None and [a.target_id for a in t6.arcs] == [5]


def test_functional_staff_keep_their_profession() -> None:
    guru = JenjangJabatan.AHLI_PERTAMA
    positions = [
        pos(1, 1, kebutuhan=1, ada=2, jenjang=guru, nama="Guru Ahli Pertama"),
        pos(2, 2, kebutuhan=2, ada=0, jenjang=guru, nama="Guru Ahli Pertama"),
        pos(3, 2, kebutuhan=2, ada=0, jenjang=guru, nama="Penera Ahli Pertama"),
    ]
    people = [man(1, 1, jenjang=guru, jabatan_nama="Guru Ahli Pertama")]
    m = build_model(people, positions, options())
    (t,) = m.types
    assert [a.target_id for a in t.arcs] == [2]


def test_preferences_lower_the_cost_of_the_wished_opd() -> None:
    positions = [pos(1, 1, 0, 1), pos(2, 2, 1, 0), pos(3, 3, 1, 0)]
    people = [man(1, 1, sikap="ingin_pindah", opd_pilihan=frozenset({3}))]
    (t,) = build_model(people, positions, options()).types
    cost = {a.target_id: a.biaya for a in t.arcs}
    assert cost[3] < cost[2]
    assert dict(next(a for a in t.arcs if a.target_id == 3).bagian)["pilihan_opd"] < 0


def test_weight_makes_more_cover_always_cheaper() -> None:
    people, positions = _world()
    m = build_model(people, positions, options(allow_unwilling=True))
    costs = [a.biaya for t in m.types for a in t.arcs]
    assert m.weight > max(costs) + m.flow_bound() * (max(costs) - min(costs))


def test_brute_force_finds_the_lexicographic_optimum_of_the_world() -> None:
    people, positions = _world()
    m = build_model(people, positions, options())
    best = brute_force(m)
    assert best.covered == 2 and set(best.moves) == {1, 2}
    assert evaluate(m, best.moves) == best


def test_evaluate_refuses_broken_plans() -> None:
    people, positions = _world()
    m = build_model(people, positions, options(max_moves=1))
    for bad in ({1: 3}, {1: 2, 2: 2}, {5: 2}):
        try:
            evaluate(m, bad)
        except ValueError:
            continue
        raise AssertionError(f"accepted {bad}")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_arcs_are_exactly_the_pairs_the_rules_allow(
    case: tuple[list[PersonFacts], list[PositionFacts], object],
) -> None:
    people, positions, opts = case
    m = build_model(people, positions, opts)  # type: ignore[arg-type]
    by_id = {p.jabatan_id: p for p in positions}
    arcs = {(pid, a.target_id) for t in m.types for pid in t.anggota for a in t.arcs}
    for pid, person in m.people.items():
        if pid in m.excluded:
            continue
        for tid in m.demand:
            target = by_id[tid]
            source = by_id[person.jabatan_id or 0]
            fit = {r.code for r in check_fit(person, target)}
            share = skill_match(target.kompetensi_syarat, person.kompetensi).share
            expected = (
                target.jenjang == source.jenjang
                and PENDIDIKAN_KURANG not in fit
                and GOLONGAN_KURANG not in fit
                and share + 1e-9 >= m.options.min_kecocokan
            )
            assert ((pid, tid) in arcs) == expected, (pid, tid)
    for t in m.types:
        assert m.supply[t.asal_id] > 0
        assert all(m.demand[a.target_id] > 0 for a in t.arcs)


@settings(max_examples=60, deadline=None)
@given(instances())
def test_the_model_does_not_depend_on_input_order(
    case: tuple[list[PersonFacts], list[PositionFacts], object],
) -> None:
    people, positions, opts = case
    a = build_model(people, positions, opts)  # type: ignore[arg-type]
    rng = random.Random(len(people))
    shuffled_people, shuffled_pos = people[:], positions[:]
    rng.shuffle(shuffled_people)
    rng.shuffle(shuffled_pos)
    b = build_model(shuffled_people, shuffled_pos, opts)  # type: ignore[arg-type]
    assert a.types == b.types and a.supply == b.supply and a.demand == b.demand
    assert a.weight == b.weight
