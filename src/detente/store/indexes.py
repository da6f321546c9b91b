"""The SQL of the two compiled look-up indexes (plain ``sqlite3``, not the store's SQLAlchemy):

- the actor index ``detente/data/actors/kb.sqlite``, written by ``detente.kb.build`` and read by
  ``detente.kb.index``;
- the gazetteer index in the user's cache directory, written and read by ``detente.gazetteer``.

Each function takes a ``sqlite3`` connection and returns rows (tuples); the callers keep the logic,
the memoisation and the connection's life (one per thread and process).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path


def connect_readonly(path: Path, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection; ``immutable``: the file never changes while open (no locking)."""
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"file:{path}?{flags}", uri=True, check_same_thread=False)


def read_meta(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """The ``(k, v)`` rows of an index's ``meta`` table."""
    return db.execute("SELECT k, v FROM meta").fetchall()


def write_meta(db: sqlite3.Connection, items: Iterable[tuple[str, str]]) -> None:
    db.executemany("INSERT INTO meta VALUES (?,?)", items)


# ------------------------------------------------------------------------------- actor index

KB_SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
CREATE TABLE actors (id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, country TEXT, sector TEXT,
                     qid TEXT, sources TEXT NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE overlay_roles (actor TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE aliases (key TEXT NOT NULL, actor TEXT NOT NULL, how TEXT NOT NULL, alias TEXT NOT NULL,
                      cs INTEGER NOT NULL, PRIMARY KEY (key, actor, cs)) WITHOUT ROWID;
"""


def kb_create(path: Path) -> sqlite3.Connection:
    """A new, empty actor index at ``path``."""
    db = sqlite3.connect(path)
    db.executescript(KB_SCHEMA)
    return db


def kb_write(db: sqlite3.Connection, actors: Iterable[tuple], overlay_roles: Iterable[tuple[str, str]],
             aliases: Iterable[tuple[str, str, str, str, int]], meta: Iterable[tuple[str, str]]) -> None:
    """Fill a new actor index (rows in the tables' column order), commit and compact it."""
    db.executemany("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?)", actors)
    db.executemany("INSERT INTO overlay_roles VALUES (?,?)", overlay_roles)
    db.executemany("INSERT INTO aliases VALUES (?,?,?,?,?)", aliases)
    write_meta(db, meta)
    db.commit()
    db.execute("VACUUM")


def kb_aliases(db: sqlite3.Connection, key: str) -> list[tuple[str, str, str, int]]:
    """``(actor, how, alias, cs)`` rows of a name key."""
    return db.execute("SELECT actor, how, alias, cs FROM aliases WHERE key = ?", (key,)).fetchall()


def kb_keys(db: sqlite3.Connection) -> Iterator[str]:
    """Every distinct name key of the aliases, in key order (one scan of the table)."""
    return (k for (k,) in db.execute("SELECT DISTINCT key FROM aliases"))


def kb_actor(db: sqlite3.Connection, actor_id: str) -> tuple | None:
    """``(id, kind, name, country, sector, qid, sources, data)`` of an actor, or ``None``."""
    return db.execute("SELECT id, kind, name, country, sector, qid, sources, data FROM actors WHERE id = ?",
                      (actor_id,)).fetchone()


def kb_actor_sources(db: sqlite3.Connection, actor_id: str) -> tuple[str, str | None, str] | None:
    """``(sources, qid, data)`` of an actor, or ``None``."""
    return db.execute("SELECT sources, qid, data FROM actors WHERE id = ?", (actor_id,)).fetchone()


def kb_overlay_roles(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """``(actor, data)`` rows; ``sqlite3.OperationalError`` from an index built before the table."""
    return db.execute("SELECT actor, data FROM overlay_roles").fetchall()


def kb_kind_source_counts(db: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """``(kind, sources, actors)`` rows."""
    return db.execute("SELECT kind, sources, COUNT(*) FROM actors GROUP BY kind, sources").fetchall()


def kb_kind_counts(db: sqlite3.Connection) -> list[tuple[str, int]]:
    return db.execute("SELECT kind, COUNT(*) FROM actors GROUP BY kind").fetchall()


def kb_person_keys(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """``(actor, key)`` of every person's name (one scan, to index the people by surname)."""
    return db.execute("SELECT DISTINCT actor, key FROM aliases WHERE how = 'person'").fetchall()


def kb_keys_from(db: sqlite3.Connection, prefix: str, limit: int) -> list[tuple[str]]:
    """Distinct name keys that begin with ``prefix`` (at most ``limit``)."""
    return db.execute("SELECT DISTINCT key FROM aliases WHERE key >= ? AND key < ? LIMIT ?",
                      (prefix, prefix + "\uffff", limit)).fetchall()


# ---------------------------------------------------------------------------- gazetteer index

GAZ_SCHEMA = """
PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
CREATE TABLE places (id INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT, kind TEXT,
                     country TEXT, admin1 TEXT, lat REAL, lon REAL, population INTEGER);
CREATE TABLE names (key TEXT, place INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE airports (key TEXT, seq INTEGER, name TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL,
                       PRIMARY KEY (key, seq)) WITHOUT ROWID;
"""


def gaz_create(path: str | Path) -> sqlite3.Connection:
    """A new, empty gazetteer index at ``path``."""
    con = sqlite3.connect(path)
    con.executescript(GAZ_SCHEMA)
    return con


def gaz_add_places(con: sqlite3.Connection, rows: Iterable[list | tuple]) -> None:
    """``(id, geonames_id, name, kind, country, admin1, lat, lon, population)`` rows."""
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", rows)


def gaz_add_names(con: sqlite3.Connection, rows: Iterable[tuple[str, int]], skip_known: bool = False) -> None:
    """``(key, place id)`` rows; ``skip_known``: a pair already stored is left as it is."""
    con.executemany("INSERT OR IGNORE INTO names VALUES (?,?)" if skip_known else "INSERT INTO names VALUES (?,?)",
                    rows)


def gaz_add_airports(con: sqlite3.Connection, rows: Iterable[tuple]) -> None:
    """``(key, seq, name, country, admin1, lat, lon)`` rows: the airports a name key names, in order."""
    con.executemany("INSERT INTO airports VALUES (?,?,?,?,?,?,?)", rows)


def gaz_airports(con: sqlite3.Connection, key: str) -> list[tuple]:
    """``(name, country, admin1, lat, lon)`` of the airports a name key names, in their order."""
    return con.execute("SELECT name, country, admin1, lat, lon FROM airports WHERE key = ? ORDER BY seq",
                       (key,)).fetchall()


def gaz_countries(con: sqlite3.Connection) -> dict[str, tuple]:
    """The country entry of each ISO3 code (columns as ``gaz_places``; the most populous where a
    code has several), read in one scan."""
    out: dict[str, tuple] = {}
    for row in con.execute(
            "SELECT geonames_id, name, kind, country, admin1, lat, lon, population FROM places "
            "WHERE kind = 'country' ORDER BY population ASC"):
        out[row[3]] = row
    return out


def gaz_places(con: sqlite3.Connection, key: str) -> list[tuple]:
    """``(geonames_id, name, kind, country, admin1, lat, lon, population)`` of the places a name key
    names, largest first (at most 200)."""
    return con.execute(
        "SELECT p.geonames_id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.population "
        "FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? "
        "ORDER BY p.population DESC LIMIT 200", (key,)).fetchall()
