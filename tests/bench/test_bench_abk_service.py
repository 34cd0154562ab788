"""Benchmark: AbkService.report over 15,000 tasks / 1,500 positions, loading included (< 0.5 s).

The database has the shape of design §5: 60 OPDs, 300 units, 1,500 positions with 10 tasks each
(hours, decimals, periods, drivers), 40 drivers and 50,000 staff whose positions give the
present headcount. The baseline printed beside the result is the bare engine (``compute``) on
the same inputs, measured in the same run.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator

import pytest
from bench_support import target
from sqlalchemy import insert

from mutasi_desktop.domain.abk import (
    PERMENPANRB_1_2020,
    Periode,
    PositionInput,
    SatuanWaktu,
    TaskInput,
    compute,
)
from mutasi_desktop.domain.jabatan import JenisJabatan
from mutasi_desktop.domain.pegawai import JenisPegawai, StatusPegawai
from mutasi_desktop.services.abk import ensure_year, task_values
from mutasi_desktop.services.bootstrap import Services, open_services
from mutasi_desktop.storage.models import Jabatan, Opd, Pegawai, PemicuAbk, TugasJabatan, UnitKerja

N_OPD, N_UNITS, N_POSITIONS, TASKS_PER_POSITION, N_DRIVERS, N_STAFF = 60, 300, 1_500, 10, 40, 50_000
TARGET_SECONDS = 0.5
YEAR = 2026
_MINUTES = (5, 10, 15, 20, 30, 45, 60, 90, 120, 240, 480, 2.5, 7.5, 12.5)
_HOURS = (0.5, 1, 1.5, 2, 4, 8)
_PERIODS = (Periode.TAHUN,) * 5 + (Periode.BULAN,) * 2 + (Periode.MINGGU, Periode.HARI)


def _task(rng: random.Random, t: int) -> TaskInput:
    roll = rng.random()
    if roll < 0.1:
        return TaskInput(
            f"tugas {t}",
            "berkas",
            rng.choice(_HOURS),
            SatuanWaktu.JAM,
            float(rng.randint(1, 400)),
            rng.choice(_PERIODS),
        )
    if roll < 0.2:
        return TaskInput(
            f"tugas {t}",
            "data",
            rng.choice(_MINUTES),
            SatuanWaktu.MENIT,
            None,
            Periode.TAHUN,
            pemicu=f"pemicu_{rng.randrange(N_DRIVERS)}",
            rasio=rng.choice((0.01, 0.05, 0.1, 0.25, 1.0)),
        )
    volume = rng.randint(1, 5_000) if rng.random() < 0.9 else rng.randint(1, 5_000) / 10
    return TaskInput(
        f"tugas {t}",
        "dokumen",
        rng.choice(_MINUTES),
        SatuanWaktu.MENIT,
        float(volume),
        rng.choice(_PERIODS),
    )


@pytest.fixture(scope="module")
def abk_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    rng = random.Random(20_251_129)
    svc = open_services(tmp_path_factory.mktemp("bench-abk") / "abk.sqlite3")
    with svc.ctx.write_unchecked() as s:
        s.execute(
            insert(Opd), [{"id": i + 1, "nama": f"OPD {i + 1}", "urutan": i} for i in range(N_OPD)]
        )
        s.execute(
            insert(UnitKerja),
            [
                {"id": u + 1, "opd_id": u % N_OPD + 1, "nama": f"Unit {u + 1}", "urutan": u}
                for u in range(N_UNITS)
            ],
        )
        s.execute(
            insert(Jabatan),
            [
                {
                    "id": p + 1,
                    "unit_id": p % N_UNITS + 1,
                    "nama": f"Jabatan {p + 1}",
                    "jenis": JenisJabatan.ADMINISTRASI,
                }
                for p in range(N_POSITIONS)
            ],
        )
        ensure_year(s, svc.ctx, YEAR)
        s.execute(
            insert(PemicuAbk),
            [
                {"tahun": YEAR, "nama": f"pemicu_{i}", "nilai": float(rng.randint(500, 250_000))}
                for i in range(N_DRIVERS)
            ],
        )
        s.execute(
            insert(TugasJabatan),
            [
                task_values(p + 1, YEAR, t + 1, _task(rng, t))
                for p in range(N_POSITIONS)
                for t in range(TASKS_PER_POSITION)
            ],
        )
        s.execute(
            insert(Pegawai),
            [
                {
                    "nip": f"{199001012015011000 + i}",
                    "nama": f"Pegawai {i}",
                    "jenis_pegawai": JenisPegawai.PNS,
                    "status": StatusPegawai.AKTIF,
                    "aktif": True,
                    "jabatan_id": rng.randint(1, N_POSITIONS),
                    "teks_cari": "",
                    "versi": 1,
                }
                for i in range(N_STAFF)
            ],
        )
    try:
        yield svc
    finally:
        svc.close()


def _best(fn: object, runs: int = 5) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best, result


@pytest.mark.bench
def test_service_report_with_database_load_under_half_a_second(abk_db: Services) -> None:
    report = abk_db.abk.report(YEAR)  # warm-up (first connection, statement cache)
    assert len(report.positions) == N_POSITIONS
    assert sum(p.jumlah_tugas for p in report.positions) == N_POSITIONS * TASKS_PER_POSITION
    assert len(report.units) == N_UNITS and len(report.opds) == N_OPD
    assert report.totals.pegawai_ada == N_STAFF

    seconds, _ = _best(lambda: abk_db.abk.report(YEAR))
    # Baseline: the bare engine on the same positions, tasks and drivers.
    with_tasks = abk_db.abk.report(YEAR, with_tasks=True)
    inputs = [
        PositionInput(
            p.jabatan_id, p.unit_id, p.jabatan, tuple(t.task for t in p.tugas), p.pegawai_ada
        )
        for p in with_tasks.positions
    ]
    engine, _ = _best(lambda: compute(inputs, PERMENPANRB_1_2020, with_tasks.drivers))
    print(
        f"\nAbkService.report: {N_POSITIONS} positions, {N_POSITIONS * TASKS_PER_POSITION} tasks, "
        f"{N_STAFF} staff, best of 5: {seconds * 1000:.0f} ms (target < "
        f"{TARGET_SECONDS * 1000:.0f} ms); engine alone {engine * 1000:.0f} ms "
        f"({seconds / engine:.1f}x)"
    )
    target(seconds < TARGET_SECONDS, f"AbkService.report {seconds:.3f} s >= {TARGET_SECONDS} s")


@pytest.mark.bench
def test_scenario_comparison_and_single_position_preview(abk_db: Services) -> None:
    compare_s, cmp = _best(lambda: abk_db.abk.compare(YEAR, None, None), runs=3)
    assert not cmp.changed  # type: ignore[attr-defined]
    tasks = [_task(random.Random(1), t) for t in range(12)]
    preview_s, preview = _best(lambda: abk_db.abk.preview_position(1, YEAR, tasks))
    assert preview.ok  # type: ignore[attr-defined]
    print(
        f"\nAbkService.compare (two full computations): {compare_s * 1000:.0f} ms; "
        f"preview_position (live edit of one position): {preview_s * 1000:.1f} ms"
    )
    # Fast enough to recompute on every change in the task editor.
    target(preview_s < 0.05, f"preview_position {preview_s * 1000:.1f} ms >= 50 ms")
