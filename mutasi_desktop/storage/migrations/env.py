"""Alembic environment: migrations run from code on the application's own engine."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

import mutasi_desktop.storage.models_mutasi  # noqa: F401
from mutasi_desktop.storage import models_sk  # noqa: F401
from mutasi_desktop.storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine: Engine | None = config.attributes.get("engine")
    if engine is None:  # e.g. `alembic revision --autogenerate` from a developer shell
        from mutasi_desktop.config.paths import resolve_database
        from mutasi_desktop.storage.engine import make_engine

        engine = make_engine(resolve_database(config.get_main_option("sqlalchemy.url")))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
