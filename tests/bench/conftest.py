"""Benchmark fixtures: one 50,000-staff demo regency per test session."""

from __future__ import annotations

import os
import platform
from pathlib import Path

import pytest

from mutasi_desktop.services.bootstrap import open_services

BENCH_STAFF = int(os.environ.get("MUTASI_BENCH_STAFF", "50000"))


@pytest.fixture(scope="session")
def demo_50k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mutasi_desktop.services.demo import build_demo

    path = tmp_path_factory.mktemp("bench") / "demo-50k.sqlite3"
    svc = open_services(path)
    try:
        build_demo(svc.ctx, staff=BENCH_STAFF, seed=2026)
    finally:
        svc.close()
    return path


def machine() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU, "
        f"Python {platform.python_version()}"
    )
