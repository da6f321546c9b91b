"""The store: SQLAlchemy over SQLite (embedded default) or PostgreSQL.

Interface (keep it):
- ``open_store(url, create=True, force=False) -> Store`` — connect, create the schema if missing (not
  beside another application's tables unless ``force``), check its version.
- ``Store.engine`` — the SQLAlchemy engine; tables are in ``detente.store.schema``.
- ``Store.save(result, article) -> bool`` — one article and everything extracted from it, in one
  transaction; ``False`` (nothing written) when the article id is already stored.
- ``Store.save_many(pairs, batch=50) -> list[bool]`` — several articles per transaction, each atomic.
- ``Store.known_ids(ids) -> set[str]`` — which of these article ids are stored (skip before parsing).
- ``Store.read()`` / ``Store.write()`` — connections whose database errors become ``StoreError``.
- Queries: ``detente.store.query`` (``events``, ``article``, ``articles``, ``counts``).
- Watches: every save records the alerts its relation changes raise (``detente.watch``), in the same
  transaction, then sends them to the watches' webhooks (``Store.deliver``).

SQLite: WAL journal, ``busy_timeout`` (5 s; ``?timeout=SECONDS`` in the URL changes it), foreign
keys on, and transactions begun by SQLAlchemy rather than by the ``sqlite3`` module (so that
savepoints work), write transactions with ``BEGIN IMMEDIATE`` (a writer waits for the lock up front
instead of failing half-way).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# The store's names load SQLAlchemy; they are imported on first use, so that the compiled indexes
# under ``detente.store.indexes`` (used while coding articles) do not load it.
PUBLIC = ("Store", "StoreError", "open_store", "describe_db_error")

if TYPE_CHECKING:
    from detente.store.core import Store, StoreError, describe_db_error, open_store


def __getattr__(name: str) -> Any:
    if name in PUBLIC:
        return getattr(import_module("detente.store.core"), name)
    raise AttributeError(f"module 'detente.store' has no attribute {name!r}")
