"""An SQLite store as an older schema version left it, for the migration tests."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

from detente.store import migrate

#: one event row of an old store, its article 'a1' (values bound by name)
OLD_EVENT = text(
    "INSERT INTO events (article_id, idx, type, source_id, source_country, target_id, status, "
    "sentence, start, \"end\", confidence, rule) "
    "VALUES ('a1', :i, 'CONSULT', :sid, :sc, :tid, 'occurred', 's', 0, 1, 0.5, 'r')")


def old_store(folder: Path, revision: str, version: int, fill=None) -> str:
    """Migrate a new SQLite file up to ``revision`` only, mark it schema ``version``, store article
    'a1', run ``fill(conn)`` in the same transaction, and return its URL (engine disposed)."""
    url = f"sqlite:///{folder / f'v{version}.db'}"
    engine = create_engine(url)
    migrate.upgrade(engine, revision)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('schema_version', :v)"), {"v": str(version)})
        conn.execute(text("INSERT INTO articles (id, text, ingested_at) VALUES ('a1', 'x', '2025-01-01')"))
        if fill is not None:
            fill(conn)
    engine.dispose()
    return url


def add_old_event(conn: Connection, i: int = 0, sid: str | None = "RUS", sc: str | None = "RUS",
                  tid: str = "UKR") -> None:
    conn.execute(OLD_EVENT, {"i": i, "sid": sid, "sc": sc, "tid": tid})
