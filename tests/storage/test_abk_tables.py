"""Migration 0002_abk on a file that already holds an organisation: tables, keys, cascades."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from mutasi_desktop.config.paths import resolve_database
from mutasi_desktop.storage.engine import make_engine
from mutasi_desktop.storage.migrate import alembic_config, head_revision, upgrade_database

ABK_TABLES = {
    "analisis_abk",
    "tugas_jabatan",
    "pemicu_abk",
    "skenario_abk",
    "pegawai_ada_abk",
    "rasio_abk",
}


def test_0002_adds_the_abk_tables_to_a_0001_database_and_downgrades_cleanly(tmp_path: Path) -> None:
    choice = resolve_database(tmp_path / "lama.sqlite3")
    engine = make_engine(choice)
    cfg = alembic_config(engine)
    command.upgrade(cfg, "0001_awal")
    assert not ABK_TABLES & set(inspect(engine).get_table_names())
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO opd (id, nama, urutan, aktif) VALUES (1, 'Dinas Sosial', 1, 1)")
        )
        conn.execute(
            text(
                "INSERT INTO unit_kerja (id, opd_id, nama, urutan, aktif) "
                "VALUES (1, 1, 'Dinas Sosial', 0, 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO jabatan (id, unit_id, nama, jenis, aktif) "
                "VALUES (1, 1, 'Pengelola Data Bansos', 'administrasi', 1)"
            )
        )
    result = upgrade_database(engine, choice)
    assert result.after == head_revision() and result.backup is not None
    assert set(inspect(engine).get_table_names()) >= ABK_TABLES

    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO tugas_jabatan (jabatan_id, tahun, urutan, uraian, satuan_hasil, "
                "waktu, satuan_waktu, volume, periode) "
                "VALUES (1, 2026, 1, 'Entri', 'data', 10, 'menit', 18000, 'tahun')"
            )
        )
        conn.execute(
            text("INSERT INTO pegawai_ada_abk (jabatan_id, tahun, jumlah) VALUES (1, 2026, 2)")
        )
        conn.execute(
            text("INSERT INTO pemicu_abk (tahun, nama, nilai) VALUES (2026, 'penduduk', 280100)")
        )
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text("INSERT INTO pemicu_abk (tahun, nama, nilai) VALUES (2026, 'penduduk', 1)")
        )
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text("INSERT INTO pegawai_ada_abk (jabatan_id, tahun, jumlah) VALUES (1, 2026, 3)")
        )
    # A position's ABK rows go with it.
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM jabatan WHERE id = 1"))
        assert conn.execute(text("SELECT count(*) FROM tugas_jabatan")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM pegawai_ada_abk")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM pemicu_abk")).scalar() == 1

    command.downgrade(cfg, "0001_awal")
    assert not ABK_TABLES & set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        assert conn.execute(text("SELECT nama FROM opd")).scalar() == "Dinas Sosial"
    engine.dispose()
