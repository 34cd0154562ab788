"""Benchmark: `mutasi demo --staff 50000` in one transaction (target < 15 s on 2 cores)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench_support import target
from sqlalchemy import func, select

from mutasi_desktop.services.bootstrap import open_services
from mutasi_desktop.services.demo import build_demo
from mutasi_desktop.storage.models import Pegawai, RiwayatPangkat

STAFF = 50_000
TARGET_SECONDS = 15.0


@pytest.mark.bench
def test_demo_50000_staff(tmp_path: Path) -> None:
    svc = open_services(tmp_path / "demo.sqlite3")
    try:
        summary = build_demo(svc.ctx, staff=STAFF)
        with svc.ctx.read() as s:
            n_staff = s.scalar(select(func.count()).select_from(Pegawai))
            n_steps = s.scalar(select(func.count()).select_from(RiwayatPangkat))
    finally:
        svc.close()
    size_mb = (tmp_path / "demo.sqlite3").stat().st_size / 1e6
    print(
        f"\nDemo regency: {summary.pegawai} staff, {summary.opd} OPD, {summary.unit} units, "
        f"{summary.jabatan} positions, {n_steps} rank steps in {summary.seconds:.2f} s "
        f"(target < {TARGET_SECONDS:.0f} s); file {size_mb:.0f} MB"
    )
    assert n_staff == STAFF
    target(
        summary.seconds < TARGET_SECONDS,
        f"demo build {summary.seconds:.1f} s, target < {TARGET_SECONDS} s",
    )
