"""SIGKILL in the middle of applying a large import: the database stays exactly as before."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from mutasi_desktop.services.bootstrap import open_services
from support import SmallOrg, draft
from support_siasn import write_siasn_xlsx

ROWS = 10_000
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals"),
]

# Runs in the child: preview, then apply with a progress object that announces (through a
# marker file) that the transaction has written the people and their history, then stalls.
CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from mutasi_desktop.services.bootstrap import open_services

    db, workbook, marker, mode = sys.argv[1:5]

    class Stall:
        def __init__(self):
            self.saving = 0

        def report(self, done, total, label=""):
            if label.startswith("Menyimpan"):
                self.saving += 1
                if mode == "stall" and self.saving == 2:  # after the bulk inserts
                    Path(marker).write_text("inside")
                    time.sleep(60)

        def cancelled(self):
            return False

    svc = open_services(db)
    importer = svc.staff_import
    preview = importer.preview(importer.open_source(workbook))
    Path(marker + ".previewed").write_text("ok")
    importer.apply(preview, progress=Stall())
    Path(marker + ".done").write_text("ok")
    """
)


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_siasn_xlsx(tmp_path_factory.mktemp("kill") / "siasn.xlsx", ROWS, seed=7)


def _seeded_db(path: Path) -> Path:
    svc = open_services(path)
    try:
        org = SmallOrg(svc)
        svc.staff.create(draft(unit_id=org.sos_bidang_id, jabatan_id=org.data_bansos_id))
        svc.staff.create(draft("Basri Tahir", seq=2, unit_id=org.hub_bidang_id))
    finally:
        svc.close()
    return path


def _start(db: Path, workbook: Path, marker: Path, mode: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MUTASI_DATA_DIR": str(db.parent / "data")}
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(workbook), str(marker), mode],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for(path: Path, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            pytest.fail(f"child ended early ({proc.returncode}): {err[-2000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"timed out waiting for {path.name}")
        time.sleep(0.02)


def _kill(proc: subprocess.Popen[bytes], *, may_have_finished: bool = False) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    if proc.stderr:
        proc.stderr.close()
    # Near the end of an import the child can finish between poll() and the signal.
    allowed = (-signal.SIGKILL, 0) if may_have_finished else (-signal.SIGKILL,)
    assert proc.returncode in allowed


def test_sigkill_inside_the_import_transaction_leaves_exactly_the_old_data(
    tmp_path: Path, workbook: Path
) -> None:
    db = _seeded_db(tmp_path / "mutasi.sqlite3")
    before = _dump(db)
    marker = tmp_path / "marker"
    proc = _start(db, workbook, marker, "stall")
    _wait_for(marker, proc)  # the child has inserted 10,000 people, uncommitted
    _kill(proc)
    assert _dump(db) == before
    # The database is still fully usable: the same import now succeeds.
    svc = open_services(db)
    try:
        result = svc.staff_import.apply(
            svc.staff_import.preview(svc.staff_import.open_source(workbook))
        )
        assert result.counts.baru == ROWS
        assert svc.staff.count() == ROWS + 2
    finally:
        svc.close()


@pytest.mark.parametrize("fraction", [0.3, 0.8])
def test_sigkill_at_any_moment_of_applying_leaves_before_or_after_never_between(
    tmp_path: Path, workbook: Path, fraction: float
) -> None:
    db = _seeded_db(tmp_path / "mutasi.sqlite3")
    before = _dump(db)
    people_before = len(before["pegawai"])
    # How long applying takes here, measured on a copy.
    probe_db = _seeded_db(tmp_path / "probe.sqlite3")
    probe_marker = tmp_path / "probe"
    probe = _start(probe_db, workbook, probe_marker, "run")
    _wait_for(probe_marker.with_name("probe.previewed"), probe)
    started = time.monotonic()
    assert probe.wait(timeout=120) == 0
    apply_seconds = time.monotonic() - started
    if probe.stderr:
        probe.stderr.close()

    marker = tmp_path / "marker"
    proc = _start(db, workbook, marker, "run")
    _wait_for(marker.with_name("marker.previewed"), proc)
    time.sleep(apply_seconds * fraction)
    if proc.poll() is None:
        _kill(proc, may_have_finished=True)
    else:
        proc.wait()
        if proc.stderr:
            proc.stderr.close()
    after = _dump(db)
    people_after = len(after["pegawai"])
    assert people_after in (people_before, people_before + ROWS)
    if people_after == people_before:
        assert after == before
    else:
        batches = {row[-2] for row in after["audit_log"] if row[-2]}
        assert len(batches) == 1  # the whole import, as one batch
