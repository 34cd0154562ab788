"""Shared fixtures: offscreen Qt, a temporary data folder per test, fresh databases."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

# Without a display and without this, a Qt test aborts the whole pytest process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import settings

from mutasi_desktop.domain.staff_record import StaffDraft
from mutasi_desktop.services.bootstrap import Services, open_services
from support import SmallOrg, draft

PG_URL_ENV = "MUTASI_TEST_PG_URL"

# CI replays the same examples every run (a new random example must not decide whether work
# lands); developers' runs stay randomised and keep finding new cases.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder and never touches the user's database."""
    folder = tmp_path / "data"
    monkeypatch.setenv("MUTASI_DATA_DIR", str(folder))
    monkeypatch.delenv("MUTASI_DB", raising=False)
    return folder


def _pg_database() -> Iterator[str]:
    from sqlalchemy import create_engine, text

    admin_url = os.environ[PG_URL_ENV]
    name = f"mutasi_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base, _, _ = admin_url.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def backends() -> list[object]:
    params: list[object] = ["sqlite"]
    params.append(
        pytest.param(
            "postgres",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(not os.environ.get(PG_URL_ENV), reason=f"{PG_URL_ENV} not set"),
            ],
        )
    )
    return params


@pytest.fixture(params=backends())
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each backend (SQLite file or a new PostgreSQL database)."""
    if backend == "sqlite":
        yield str(tmp_path / "mutasi.sqlite3")
    else:
        yield from _pg_database()


@pytest.fixture
def services(db_url: str) -> Iterator[Services]:
    svc = open_services(db_url)
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture
def sqlite_services(tmp_path: Path) -> Iterator[Services]:
    svc = open_services(tmp_path / "mutasi.sqlite3")
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture
def make_draft() -> Callable[..., StaffDraft]:
    return draft


@pytest.fixture
def small_org(services: Services) -> SmallOrg:
    return SmallOrg(services)
