"""Fast executemany for bulk writes inside a service's transaction (imports of 50,000 rows).

On SQLite the rows go straight to the driver's ``executemany`` after SQLAlchemy's own bind
processors have converted them, so what is stored is exactly what the ORM would store (dates as
ISO text, enums as their values, JSON as text) at a fraction of the per-row overhead. Other
backends take the ordinary Core path.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import Date, Enum, Table, bindparam, insert, update
from sqlalchemy.orm import Session


def _processors(table: Table, columns: Sequence[str], dialect: Any) -> list[tuple[int, Any]]:
    found: list[tuple[int, Any]] = []
    for i, name in enumerate(columns):
        column_type = table.c[name].type
        proc = column_type.dialect_impl(dialect).bind_processor(dialect)
        if proc is not None:
            found.append((i, _shortcut(column_type, proc)))
    return found


def _shortcut(column_type: Any, proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The common values converted directly; anything else through SQLAlchemy's processor.

    SQLite's DATE storage format is ISO ``YYYY-MM-DD`` and an Enum column stores the member's
    value, so both shortcuts store exactly what the processor would.
    """
    if type(column_type) is Date:
        iso = date.isoformat

        def date_value(value: Any) -> Any:
            return iso(value) if value.__class__ is date else proc(value)

        return date_value
    enum_class = getattr(column_type, "enum_class", None)
    if isinstance(column_type, Enum) and enum_class is not None:
        values = {member: member.value for member in enum_class}

        def enum_value(value: Any) -> Any:
            found = values.get(value)
            return found if found is not None and value.__class__ is enum_class else proc(value)

        return enum_value
    return proc


def insert_rows(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    json_text: Sequence[str] = (),
) -> None:
    """INSERT many rows given as value tuples in ``columns`` order.

    ``json_text`` names JSON columns whose values the caller already serialised with
    :func:`json_dumps` (the same text SQLAlchemy's JSON type would write).
    """
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    if dialect.name != "sqlite":
        decoded = [
            {
                c: (json.loads(v) if c in json_text and v is not None else v)
                for c, v in zip(columns, r, strict=True)
            }
            for r in rows
        ]
        conn.execute(insert(table), decoded)
        return
    procs = [(i, p) for i, p in _processors(table, columns, dialect) if columns[i] not in json_text]
    if procs:
        # Column by column: one map() per converted column instead of a Python loop per cell.
        by_column = list(zip(*rows, strict=True))
        for i, proc in procs:
            by_column[i] = tuple(map(proc, by_column[i]))
        converted: list[tuple[Any, ...]] = list(zip(*by_column, strict=True))
    else:
        converted = [tuple(r) for r in rows]
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    conn.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", converted)


def update_rows(
    session: Session,
    table: Table,
    key: str,
    columns: Sequence[str],
    rows: Sequence[dict[str, Any]],
    *,
    bump_version: str | None = None,
) -> None:
    """UPDATE many rows by ``key``; each dict holds ``key`` and every name in ``columns``."""
    if not rows:
        return
    values: dict[str, Any] = {c: bindparam(f"v_{c}") for c in columns}
    if bump_version is not None:
        values[bump_version] = table.c[bump_version] + 1
    stmt = update(table).where(table.c[key] == bindparam("k_id")).values(values)
    params = [{"k_id": r[key], **{f"v_{c}": r[c] for c in columns}} for r in rows]
    session.connection().execute(stmt, params)


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def json_dumps(value: Any) -> str | None:
    """JSON text as SQLAlchemy's JSON type writes it (``json.dumps``); dates as ISO strings and
    string enums as their values, without a Python-level walk over every value."""
    if value is None:
        return None
    return json.dumps(value, default=_json_default)


def json_string(text: str | None) -> str:
    """A JSON string literal (or null), for JSON text assembled by hand in a hot loop."""
    return "null" if text is None else json.dumps(text)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while tens of thousands of small, acyclic objects are
    made; its repeated passes over them cost about a third of an import's parse time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
