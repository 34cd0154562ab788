#!/usr/bin/env python3
"""Developer entry point: `python3 scripts/dev.py run` (demo GUI), `test` (whole suite), `lint`.

Creates `.venv` beside the project on first use and installs the project into it, so a fresh
clone needs nothing but Python 3.11+. Standard library only: it runs before anything is installed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(os.environ.get("MUTASI_VENV", ROOT / ".venv"))
STAMP = VENV / ".installed-from"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(extras: str) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be run by an older Python
        sys.exit(f"Python 3.11 atau lebih baru diperlukan (ini {sys.version.split()[0]}).")
    python = venv_python()
    if not python.exists():
        print(f"Membuat lingkungan Python di {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    pyproject = (ROOT / "pyproject.toml").read_bytes()
    wanted = f"{extras}\n{hashlib.sha256(pyproject).hexdigest()}"
    # Reinstall only when pyproject.toml (the dependency list) changed.
    if not STAMP.exists() or STAMP.read_text() != wanted:
        print("Memasang dependensi …", flush=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True
        )
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "-e", f".[{extras}]"],
            check=True,
            cwd=ROOT,
        )
        STAMP.write_text(wanted)
    return python


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_bin() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    return candidates[-1].parent if candidates else None


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str | None]:
    """Start a private PostgreSQL for the server-mode tests when its binaries are installed."""
    if os.environ.get("MUTASI_TEST_PG_URL"):
        yield os.environ["MUTASI_TEST_PG_URL"]
        return
    bindir = _pg_bin()
    if bindir is None or os.name == "nt":
        if os.environ.get("MUTASI_REQUIRE_PG"):
            sys.exit("MUTASI_REQUIRE_PG is set but PostgreSQL (initdb) is not installed.")
        print("PostgreSQL tidak terpasang: uji mode server dilewati.", flush=True)
        yield None
        return
    data = Path(tempfile.mkdtemp(prefix="mutasi-pg-"))
    as_user: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # postgres refuses to run as root
        shutil.chown(data, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run(
        [
            *as_user,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    opts = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *as_user,
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            opts,
            "-l",
            str(data / "server.log"),
            "-w",
            "start",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            check=False,
            stdout=subprocess.DEVNULL,
        )
        time.sleep(0.2)
        shutil.rmtree(data, ignore_errors=True)


def cmd_test(args: list[str]) -> int:
    python = ensure_venv("dev")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with throwaway_postgres() as pg_url:
        if pg_url:
            env["MUTASI_TEST_PG_URL"] = pg_url
        return subprocess.run([str(python), "-m", "pytest", *args], cwd=ROOT, env=env).returncode


def cmd_lint(args: list[str]) -> int:
    python = ensure_venv("dev")
    checks = [
        [str(python), "-m", "ruff", "check", "mutasi_desktop", "tests", "scripts"],
        [str(python), "-m", "ruff", "format", "--check", "mutasi_desktop", "tests", "scripts"],
        [str(python), "-m", "mypy"],
    ]
    return max(subprocess.run(cmd, cwd=ROOT).returncode for cmd in checks)


def cmd_run(args: list[str]) -> int:
    python = ensure_venv("dev")
    return subprocess.run(
        [str(python), "-m", "mutasi_desktop", "--demo", *args], cwd=ROOT
    ).returncode


def main() -> int:
    commands = {"run": cmd_run, "test": cmd_test, "lint": cmd_lint}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
