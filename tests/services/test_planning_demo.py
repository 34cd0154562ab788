"""The demo regency's transfer story: a forum at Dinas Perhubungan, an objection, a batch of
approved Dishub → Dinsos moves ready for a decree, and an optimiser that fills Dinas Sosial's
shortage from Dinas Perhubungan's surplus with fitting people while unwilling staff stay."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import select

from mutasi_desktop.domain.mutasi_workflow import (
    StatusBatch,
    StatusKeberatan,
    StatusUsulan,
)
from mutasi_desktop.domain.pegawai import TingkatPendidikan
from mutasi_desktop.services.bootstrap import Services, open_services
from mutasi_desktop.services.demo import DEFAULT_AS_OF, build_demo
from mutasi_desktop.services.demo_mutasi import BATCH_NAMA
from mutasi_desktop.services.planning_types import PlanOptions, PlanResult
from mutasi_desktop.storage.models import Aspirasi, Jabatan, Opd, Pegawai, UnitKerja

STAFF = 1000
DISHUB, DINSOS = "Dinas Perhubungan", "Dinas Sosial"


def _open(path: Path) -> Services:
    svc = open_services(path)
    svc.ctx.clock = lambda: datetime.combine(DEFAULT_AS_OF, time(8), tzinfo=UTC)
    return svc


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Services]:
    svc = _open(tmp_path / "demo.sqlite3")
    build_demo(svc.ctx, staff=STAFF, seed=2026)
    try:
        yield svc
    finally:
        svc.close()


def _unwilling_dishub(svc: Services) -> set[int]:
    with svc.ctx.read() as s:
        return set(
            s.scalars(
                select(Pegawai.id)
                .join(Aspirasi, Aspirasi.pegawai_id == Pegawai.id)
                .join(UnitKerja, UnitKerja.id == Pegawai.unit_id)
                .join(Opd, Opd.id == UnitKerja.opd_id)
                .where(Opd.nama == DISHUB, Aspirasi.sikap == "tidak_bersedia")
            )
        )


def _requirements(svc: Services, jabatan_id: int) -> Jabatan:
    with svc.ctx.read() as s:
        j = s.get(Jabatan, jabatan_id)
        assert j is not None
        return j


def _assert_fitting(svc: Services, plan: PlanResult) -> None:
    for m in plan.moves:
        target = _requirements(svc, m.tujuan.jabatan_id)
        assert m.kecocokan >= 0.5
        if target.pendidikan_min is not None:
            have = TingkatPendidikan(m.pendidikan)
            assert have.rank >= target.pendidikan_min.rank, m
        assert not any(r.blocks for r in m.aturan)


def test_the_demo_has_a_forum_an_objection_and_an_approved_batch(demo: Services) -> None:
    p = demo.planning
    (forum,) = p.forums()
    assert forum.opd == DISHUB and forum.jumlah_aspirasi >= 6
    attitudes = {a.sikap for a in p.aspirations(forum_id=forum.id)}
    assert attitudes == {"bersedia", "tidak_bersedia", "ingin_pindah"}
    (objection,) = p.objections()
    assert objection.status is StatusKeberatan.DIAJUKAN and objection.tepat_waktu
    (batch,) = p.batches()
    assert batch.nama == BATCH_NAMA and batch.status is StatusBatch.TERBUKA
    assert batch.jumlah == 2
    proposals = [p.get(i) for i in batch.usulan_ids]
    for d in proposals:
        u = d.usulan
        assert u.status is StatusUsulan.DISETUJUI and u.siap_lanjut
        assert u.asal is not None and u.asal.opd == DISHUB
        assert u.tujuan is not None and u.tujuan.opd == DINSOS
        assert [h.ke for h in d.riwayat][:3] == [
            StatusUsulan.DRAF,
            StatusUsulan.DIVERIFIKASI,
            StatusUsulan.DISETUJUI,
        ]
        assert not d.belum_dialasankan  # the live re-check agrees
    data = next(d for d in proposals if d.usulan.tujuan and "Bansos" in d.usulan.tujuan.jabatan)
    assert "Aplikasi SIKS-NG" in {n.topik for n in data.pelatihan}


def test_the_batch_goes_into_a_decree_as_the_decree_feature_will_do(demo: Services) -> None:
    p = demo.planning
    (batch,) = p.batches()
    after = p.mark_batch_in_decree(batch.id, nomor_sk="800.1.3.1/500/BKPSDM/XII/2026")
    assert after.status is StatusBatch.DALAM_SK
    assert {p.get(i).usulan.status for i in after.usulan_ids} == {StatusUsulan.DALAM_SK}


def test_the_plan_fills_dinsos_from_dishub_and_unwilling_staff_stay(demo: Services) -> None:
    p = demo.planning
    unwilling = _unwilling_dishub(demo)
    assert len(unwilling) == 2
    # Without the approved batch, the optimiser itself finds the story's moves.
    (batch,) = p.batches()
    for uid in batch.usulan_ids:
        p.withdraw(uid, "Diganti rencana optimasi")
    plan = p.recommend()
    assert plan.status == "optimal" and plan.gap == 0.0
    into_dinsos = [m for m in plan.moves if m.tujuan.opd == DINSOS]
    from_dishub = [m for m in into_dinsos if m.asal.opd == DISHUB]
    assert from_dishub, "Dinas Sosial gets nobody from Dinas Perhubungan"
    bansos = [m for m in from_dishub if m.tujuan.jabatan == "Pengelola Data Bansos"]
    assert len(bansos) == 1
    assert bansos[0].asal.jabatan == "Pengelola Data"
    assert any("kurang 1 → 0" in a for a in bansos[0].alasan)
    assert any("mengajukan pindah ke OPD ini" in a for a in bansos[0].alasan)
    dinsos = next(o for o in plan.balance.opd if o.nama == DINSOS)
    assert dinsos.kurang_sesudah < dinsos.kurang_sebelum
    dishub = next(o for o in plan.balance.opd if o.nama == DISHUB)
    assert dishub.kurang_sesudah == dishub.kurang_sebelum  # no Dishub position falls short
    _assert_fitting(demo, plan)
    moved = {m.pegawai_id for m in plan.moves}
    assert not moved & unwilling
    skipped = {u.pegawai_id: u.alasan for u in plan.dilewati}
    assert all(skipped[pid] == ("mutasi.tidak_bersedia",) for pid in unwilling)
    # Deterministic: the same data gives the same plan.
    assert [m.id for m in p.recommend().moves] == [m.id for m in plan.moves]
    # When the user allows it (and their willing colleagues are kept), they may be moved,
    # each move flagged so a written reason is needed before it goes on.
    with demo.ctx.read() as s:
        posts = {pid: s.get(Pegawai, pid).jabatan_id for pid in unwilling}  # type: ignore[union-attr]
        colleagues = (
            set(s.scalars(select(Pegawai.id).where(Pegawai.jabatan_id.in_(set(posts.values())))))
            - unwilling
        )
    kept = p.recommend(PlanOptions(dikecualikan=frozenset(colleagues)))
    assert not {m.pegawai_id for m in kept.moves} & unwilling
    forced = p.recommend(PlanOptions(allow_unwilling=True, dikecualikan=frozenset(colleagues)))
    flagged = [m for m in forced.moves if m.pegawai_id in unwilling]
    assert flagged
    assert all("mutasi.tidak_bersedia" in {r.code for r in m.aturan} for m in flagged)
    assert all(dict(m.bagian_biaya)["tidak_bersedia"] > 0 for m in flagged)


def test_the_plan_counts_the_approved_batch_as_planned(demo: Services) -> None:
    p = demo.planning
    plan = p.recommend()
    assert plan.usulan_terbuka == 2
    (batch,) = p.batches()
    batch_people = {p.get(i).usulan.pegawai_id for i in batch.usulan_ids}
    assert not batch_people & {m.pegawai_id for m in plan.moves}
    bansos = [r for r in plan.balance.jabatan if r.nama == "Pengelola Data Bansos"]
    assert bansos and bansos[0].rencana == 1 and bansos[0].kurang_sebelum == 0
    assert all(m.tujuan.jabatan != "Pengelola Data Bansos" for m in plan.moves)
    _assert_fitting(demo, plan)
