"""Engine creation: SQLite pragmas (WAL, foreign keys, busy timeout) and PostgreSQL alike."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from mutasi_desktop.config.paths import DatabaseChoice

BUSY_TIMEOUT_MS = 10_000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Pragmas are per connection, so they are set on every new one.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT; issue BEGIN
    # ourselves (plain BEGIN, as SQLAlchemy documents for pysqlite).
    conn.exec_driver_sql("BEGIN")


def make_engine(choice: DatabaseChoice, *, echo: bool = False) -> Engine:
    if choice.is_sqlite:
        assert choice.sqlite_path is not None
        choice.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            choice.url,
            echo=echo,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(choice.url, echo=echo, pool_pre_ping=True)


def _sqlite_connect(dbapi_connection: Any, record: Any) -> None:
    # Let SQLAlchemy emit BEGIN (see _sqlite_begin) instead of the driver.
    dbapi_connection.isolation_level = None
    _sqlite_pragmas(dbapi_connection, record)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services return plain data built before commit anyway, but this
    # keeps attribute access after commit from silently opening a new transaction.
    return sessionmaker(engine, expire_on_commit=False)


def sqlite_version() -> str:
    return sqlite3.sqlite_version
