"""Schema migrations with Alembic, run by detente itself for SQLite and PostgreSQL.

- A new, empty store is brought to ``head``.
- A store made before migrations existed (tables present, no ``alembic_version``) whose
  ``meta.schema_version`` matches is stamped at the baseline revision, then upgraded.
- ``detente db upgrade`` / ``detente db current`` expose the same from the CLI.

Write a new revision after changing ``detente.store.schema``::

    .venv/bin/alembic -c src/detente/store/alembic.ini revision --autogenerate -m "what changed" \
        -x url=sqlite:///tmp/empty-at-head.db
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine

HERE = Path(__file__).parent
BASELINE = "0001"


def config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str | None:
    return ScriptDirectory.from_config(config()).get_current_head()


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the store's schema to ``target`` (one transaction on PostgreSQL)."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":  # several ingest processes may start at once
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242001)")
        names = set(inspect(conn).get_table_names())
        cfg = config(conn)
        if "articles" in names and "alembic_version" not in names:
            command.stamp(cfg, BASELINE)
        command.upgrade(cfg, target)
