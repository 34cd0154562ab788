"""Migrations on real SQLite files: fresh create, pragmas, newer-schema refusal, backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from mutasi_desktop.config.paths import resolve_database
from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.services.bootstrap import open_services
from mutasi_desktop.storage.engine import make_engine
from mutasi_desktop.storage.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    known_revisions,
    upgrade_database,
)


def test_fresh_file_is_created_at_head_with_all_tables(tmp_path: Path) -> None:
    db = tmp_path / "baru.sqlite3"
    svc = open_services(db)
    try:
        assert svc.migration.before is None
        assert svc.migration.after == head_revision()
        assert current_revision(svc.ctx.engine) == head_revision()
    finally:
        svc.close()
    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    con.close()
    assert {
        "pegawai",
        "opd",
        "unit_kerja",
        "jabatan",
        "riwayat_jabatan",
        "riwayat_pangkat",
        "kompetensi",
        "pelatihan",
        "aspirasi",
        "audit_log",
        "pengaturan",
    } <= tables


def test_connections_use_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    svc = open_services(tmp_path / "p.sqlite3")
    try:
        with svc.ctx.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
    finally:
        svc.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    svc = open_services(tmp_path / "fk.sqlite3")
    try:
        from sqlalchemy.exc import IntegrityError

        with pytest.raises(IntegrityError), svc.ctx.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO unit_kerja (opd_id, nama, urutan, aktif) VALUES (999, 'x', 0, 1)")
            )
    finally:
        svc.close()


def test_reopening_at_head_changes_nothing_and_makes_no_backup(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite3"
    open_services(db).close()
    svc = open_services(db)
    try:
        assert not svc.migration.migrated
        assert svc.migration.backup is None
    finally:
        svc.close()
    assert not (tmp_path / "cadangan").exists()


def test_file_from_a_newer_app_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "baru-sekali.sqlite3"
    open_services(db).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999_masa_depan'")
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(DomainError) as err:
        open_services(db)
    assert err.value.code == "db.versi_lebih_baru"
    assert "9999_masa_depan" in err.value.message()
    assert "lebih baru" in err.value.message()
    assert db.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "lain.sqlite3"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE belanja (id INTEGER PRIMARY KEY, barang TEXT)")
    con.commit()
    con.close()
    with pytest.raises(DomainError) as err:
        open_services(db)
    assert err.value.code == "db.bukan_mutasi"


def test_a_damaged_file_is_reported_with_the_way_back(tmp_path: Path) -> None:
    db = tmp_path / "rusak.sqlite3"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"garbage" * 200)
    with pytest.raises(DomainError) as err:
        open_services(db)
    assert err.value.code == "db.rusak"
    assert "cadangan" in err.value.message()


OLDER = sorted(known_revisions() - {head_revision()})


@pytest.mark.parametrize("revision", OLDER)
def test_upgrade_from_each_older_revision_backs_up_first_and_keeps_data(
    tmp_path: Path, revision: str
) -> None:
    db = tmp_path / "lama.sqlite3"
    choice = resolve_database(db)
    engine = make_engine(choice)
    command.upgrade(alembic_config(engine), revision)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO opd (nama, urutan, aktif) VALUES ('Dinas Sosial', 1, 1)"))
    result = upgrade_database(engine, choice)
    engine.dispose()
    assert result.before == revision and result.after == head_revision()
    assert result.backup is not None and result.backup.exists()
    old = sqlite3.connect(result.backup)
    assert old.execute("select version_num from alembic_version").fetchone()[0] == revision
    old.close()
    con = sqlite3.connect(db)
    assert con.execute("select nama from opd").fetchall() == [("Dinas Sosial",)]
    con.close()


def test_every_migration_downgrades_and_upgrades_cleanly(tmp_path: Path) -> None:
    choice = resolve_database(tmp_path / "naik-turun.sqlite3")
    engine = make_engine(choice)
    cfg = alembic_config(engine)
    command.upgrade(cfg, "head")
    command.downgrade(cfg, "base")
    assert current_revision(engine) is None
    command.upgrade(cfg, "head")
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_revision_graph_read_without_alembic_matches_alembic() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "cepat.sqlite3"
    open_services(db).close()
    code = (
        "import sys; from mutasi_desktop.services.bootstrap import open_services; "
        f"open_services({str(db)!r}).close(); print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
