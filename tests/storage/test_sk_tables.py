"""Decree tables at head: the numbering lock row and the triggers that guard issued decrees."""

from __future__ import annotations

from sqlalchemy import text

from mutasi_desktop.services.bootstrap import open_services

SQLITE_TRIGGERS = {
    "trg_sk_final_update",
    "trg_sk_final_delete",
    "trg_sk_nomor_update",
    "trg_sk_nomor_delete",
}
POSTGRES_TRIGGERS = {"trg_sk_final", "trg_sk_nomor"}


def test_lock_row_and_guard_triggers_exist_at_head(db_url: str) -> None:
    """A later migration that rebuilds `sk` or `sk_nomor` (SQLite batch mode drops triggers)
    must create them again; this test notices if it does not."""
    svc = open_services(db_url)
    try:
        with svc.ctx.engine.connect() as conn:
            assert conn.execute(text("SELECT id, versi FROM sk_kunci")).all() == [(1, 0)]
            if conn.dialect.name == "postgresql":
                names = set(
                    conn.execute(
                        text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
                    ).scalars()
                )
                assert names >= POSTGRES_TRIGGERS
            else:
                names = set(
                    conn.execute(
                        text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                    ).scalars()
                )
                assert names >= SQLITE_TRIGGERS
    finally:
        svc.close()


def test_drafts_stay_editable_under_the_triggers(db_url: str) -> None:
    svc = open_services(db_url)
    try:
        with svc.ctx.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO sk (jenis, status, judul, jumlah, isi, template, template_versi, "
                    "kode_klasifikasi, dibuat_oleh, dibuat_pada, diubah_pada, versi) VALUES "
                    "('mutasi', 'draft', 'x', 0, '{}', 'mutasi', '1', '', 'uji', "
                    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
                )
            )
            conn.execute(text("UPDATE sk SET judul = 'y' WHERE status = 'draft'"))
            conn.execute(text("DELETE FROM sk WHERE status = 'draft'"))
    finally:
        svc.close()
