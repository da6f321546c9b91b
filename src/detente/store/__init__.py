"""The store: SQLAlchemy over SQLite (embedded default) or PostgreSQL.

Interface (keep it):
- ``open_store(url, create=True) -> Store`` — connect, create the schema if missing, check its version.
- ``Store.engine`` — the SQLAlchemy engine; tables are in ``detente.store.schema``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine

from detente.store import schema


class StoreError(Exception):
    """A store that cannot be opened or used (locked, gone, wrong schema): one clear line."""


@dataclass
class Store:
    url: str
    engine: Engine

    def init(self) -> None:
        schema.metadata.create_all(self.engine)
        with self.engine.begin() as conn:
            row = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).first()
            if row is None:
                conn.execute(schema.meta.insert().values(key="schema_version", value=str(schema.SCHEMA_VERSION)))
            elif int(row[0]) != schema.SCHEMA_VERSION:
                raise StoreError(
                    f"{self.url}: schema version {row[0]}, this detente needs {schema.SCHEMA_VERSION}"
                )


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def open_store(url: str, create: bool = True) -> Store:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    store = Store(url=url, engine=engine)
    if create:
        store.init()
    return store
