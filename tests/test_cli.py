"""The `mutasi` command line over a real database file."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from mutasi_desktop.cli import run
from mutasi_desktop.cli.common import Io
from mutasi_desktop.domain.pegawai import JenisKelamin
from mutasi_desktop.services.bootstrap import open_services
from support import SmallOrg, draft


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite3"
    svc = open_services(path)
    org = SmallOrg(svc)
    svc.staff.create(draft(unit_id=org.sos_bidang_id, jabatan_id=org.data_bansos_id))
    svc.staff.create(
        draft(
            "Sitti Nurhayati",
            birth=date(1990, 1, 2),
            gender=JenisKelamin.PEREMPUAN,
            unit_id=org.hub_bidang_id,
            jabatan_id=org.admin_hub_id,
        )
    )
    svc.close()
    return path


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), Io(out, err))
    return code, out.getvalue(), err.getvalue()


def test_staff_list_json_has_the_documented_keys(db: Path) -> None:
    code, out, _ = cli("--db", str(db), "staff", "list", "--json")
    assert code == 0
    doc = json.loads(out)
    assert [p["nama"] for p in doc] == ["Andi Baso", "Sitti Nurhayati"]
    assert {"nip", "nama", "unit", "jabatan", "golongan", "status"} <= set(doc[0])
    assert doc[0] | {"aktif": True} == doc[0]
    assert doc[0]["nip"] == "198609262015051001"
    assert doc[0]["unit"] == "Bidang Perlindungan dan Jaminan Sosial"
    assert doc[0]["jabatan"] == "Pengelola Data Bansos"
    assert (doc[0]["golongan"], doc[0]["status"]) == ("III/a", "aktif")


def test_staff_list_search_by_spaced_nip_and_unit(db: Path) -> None:
    code, out, err = cli("--db", str(db), "staff", "list", "--search", "19900102 201505 2")
    assert code == 0 and out.startswith("199001022015052001\tSitti Nurhayati")
    assert err.strip() == "1 pegawai"
    code, out, _ = cli("--db", str(db), "staff", "list", "--unit", "Dinas Perhubungan", "--json")
    assert [p["nama"] for p in json.loads(out)] == ["Sitti Nurhayati"]
    code, out, _ = cli("--db", str(db), "staff", "list", "--unit", "jaminan sosial", "--json")
    assert [p["nama"] for p in json.loads(out)] == ["Andi Baso"]


def test_unknown_unit_is_invalid_input(db: Path) -> None:
    code, out, err = cli("--db", str(db), "staff", "list", "--unit", "Dinas Antariksa")
    assert code == 2 and out == ""
    assert "tidak ditemukan" in err


def test_bad_usage_exits_2_and_newer_database_exits_3(db: Path, tmp_path: Path) -> None:
    assert cli("staff", "frobnicate")[0] == 2
    import sqlite3

    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    con.commit()
    con.close()
    code, _, err = cli("--db", str(db), "staff", "list")
    assert code == 3 and "lebih baru" in err


def test_database_from_environment_variable(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUTASI_DB", str(db))
    code, out, _ = cli("staff", "list", "--json")
    assert code == 0 and len(json.loads(out)) == 2


def test_console_script_runs_as_a_process(db: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mutasi_desktop.cli", "--db", str(db), "staff", "list", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 2
