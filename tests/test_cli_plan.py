"""`mutasi plan recommend` over a real demo database: the JSON document, the move cap, the text
report, refusals, and a stdout that stays pure JSON (the solver prints nothing)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mutasi_desktop.cli import run
from mutasi_desktop.cli.common import Io
from mutasi_desktop.services.bootstrap import open_services
from mutasi_desktop.services.demo import build_demo


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), Io(out, err))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "demo.sqlite3"
    svc = open_services(path)
    try:
        build_demo(svc.ctx, staff=1000, seed=5)
    finally:
        svc.close()
    return path


def test_json_has_moves_with_person_from_to_and_reasons_objective_and_gap(db: Path) -> None:
    code, out, err = cli("--db", str(db), "plan", "recommend", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert {"moves", "objective", "gap", "status", "balance"} <= set(doc)
    assert isinstance(doc["objective"], float) and doc["gap"] == 0.0
    assert doc["status"] == "optimal"
    assert doc["moves"], "the demo regency has surplus staff to move"
    for m in doc["moves"]:
        assert set(m["person"]) >= {"nip", "nama"} and len(m["person"]["nip"]) == 18
        assert set(m["from"]) >= {"unit", "jabatan"} and set(m["to"]) >= {"unit", "jabatan"}
        assert m["reasons"] and all(isinstance(r, str) for r in m["reasons"])
        assert m["reasons"][0].startswith("Menutup kekurangan")
    total = doc["balance"]["total"]
    assert total["kurang_sesudah"] == total["kurang_sebelum"] - len(doc["moves"])
    assert doc["summary"]["usulan_terbuka"] == 2  # the demo's approved batch


def test_max_moves_caps_the_plan(db: Path) -> None:
    code, out, _ = cli("--db", str(db), "plan", "recommend", "--json", "--max-moves", "2")
    assert code == 0
    doc = json.loads(out)
    assert len(doc["moves"]) == 2 and doc["gap"] == 0.0
    code, out, _ = cli("--db", str(db), "plan", "recommend", "--json", "--max-moves", "0")
    assert code == 0 and json.loads(out)["moves"] == []


def test_allow_unwilling_is_accepted_and_never_covers_less(db: Path) -> None:
    _, base, _ = cli("--db", str(db), "plan", "recommend", "--json")
    code, out, _ = cli("--db", str(db), "plan", "recommend", "--json", "--allow-unwilling")
    assert code == 0
    assert len(json.loads(out)["moves"]) >= len(json.loads(base)["moves"])


def test_text_report_explains_each_move(db: Path) -> None:
    code, out, err = cli("--db", str(db), "plan", "recommend", "--max-moves", "3")
    assert code == 0
    assert "optimal terbukti, celah 0.0000%" in out.splitlines()[0]
    assert out.count("\n1. ") + out.startswith("1. ") == 1 and "\n3. " in out
    assert "   - Menutup kekurangan" in out and "detik" in err


def test_refusals_exit_two_with_a_reason(tmp_path: Path, db: Path) -> None:
    empty = tmp_path / "kosong.sqlite3"
    code, out, err = cli("--db", str(empty), "plan", "recommend")
    assert code == 2 and out == "" and "analisis beban kerja" in err
    code, _, err = cli("--db", str(db), "plan", "recommend", "--max-moves", "-1")
    assert code == 2 and "negatif" in err


def test_stdout_is_pure_json_in_a_fresh_process(db: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-m", "mutasi_desktop.cli", "--db", str(db), "plan", "recommend",
         "--json", "--max-moves", "1"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["moves"]) == 1
