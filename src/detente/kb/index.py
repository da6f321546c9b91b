"""The compiled actor index (``detente/data/actors/kb.sqlite``, built by ``detente kb build``).

Read-only SQLite, opened once per process: names are looked up by their ``detente.actors.kb.key``
(an index on ``aliases.key``), actors are read on demand and cached. Nothing is loaded at start-up
beyond the connection, so start-up time and memory do not grow with the size of the KB.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Iterable
from contextlib import closing
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from detente.actors.schema import Actor, Role
from detente.store import indexes as sql

FILE = "kb.sqlite"


def packaged_path() -> Path | None:
    """The packaged index; ``$DETENTE_KB_INDEX`` names another file (``none``: no index, the
    hand-written KB alone — for benchmarks and comparisons)."""
    import os

    env = os.environ.get("DETENTE_KB_INDEX")
    if env:
        return None if env.lower() == "none" else (Path(env) if Path(env).is_file() else None)
    p = Path(str(resources.files("detente") / "data" / "actors" / FILE))
    return p if p.is_file() else None


def _d(v: str | None) -> dt.date | None:
    return dt.date.fromisoformat(v) if v else None


class KeyFilter:
    """Which strings can be among a set of keys: one bit per hash bucket (``hash(key)`` modulo
    ``2**bits``), set for every bucket a key falls in. A string whose bit is clear is surely not a
    key, so a look-up of it needs no query; one whose bit is set may be (a query decides). Python's
    ``hash`` of a string differs between processes (``PYTHONHASHSEED``): a filter is built in the
    process that reads it (a forked child keeps its parent's hashes), never stored."""

    def __init__(self, keys: Iterable[str], bits: int = 23) -> None:
        self._mask = (1 << bits) - 1
        h = np.fromiter(map(hash, keys), dtype=np.int64)
        h &= self._mask
        bit = (h & 7).astype(np.uint8)
        np.left_shift(np.uint8(1), bit, out=bit)
        h >>= 3
        table = np.zeros(1 << (bits - 3), dtype=np.uint8)
        np.bitwise_or.at(table, h, bit)
        self._table = table.tobytes()  # (bytes: indexed without numpy's per-call cost)

    def __contains__(self, key: str) -> bool:
        h = hash(key) & self._mask
        return bool(self._table[h >> 3] >> (h & 7) & 1)


class BigIndex:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self.actor = lru_cache(maxsize=8192)(self._actor)
        self.lookup = lru_cache(maxsize=16384)(self._lookup)
        self.people_by_surname = lru_cache(maxsize=1024)(self._people_by_surname)
        self._surnames: dict[str, tuple[str, ...]] | None = None
        self._keys: KeyFilter | None = None

    def __getstate__(self) -> dict:  # a worker process opens its own connection
        return {"path": self.path}

    def __setstate__(self, state: dict) -> None:
        BigIndex.__init__(self, state["path"])

    @property
    def db(self) -> sqlite3.Connection:
        """One read-only connection per thread and process (never shared across a fork)."""
        db = getattr(self._local, "db", None)
        if db is None or self._local.pid != os.getpid():
            db = sql.connect_readonly(self.path, immutable=True)
            self._local.db, self._local.pid = db, os.getpid()
        return db

    def _lookup(self, k: str) -> tuple[tuple[str, str, str, bool], ...]:
        """``(actor id, how, alias, case_sensitive)`` rows of a key. Most keys asked for (the word
        runs of a text) name no actor: a ``KeyFilter`` of the index's keys, built at the first
        look-up (one scan, ~45 ms and 1 MiB for 82,000 keys), answers most of them without a query."""
        keys = self._keys
        if keys is None:
            # (on a connection of its own, closed after: the scan's pages leave no cache behind)
            with closing(sql.connect_readonly(self.path, immutable=True)) as db:
                keys = self._keys = KeyFilter(sql.kb_keys(db))
        if k not in keys:
            return ()
        rows = sql.kb_aliases(self.db, k)
        return tuple((a, h, n, bool(cs)) for a, h, n, cs in rows)

    def has(self, actor_id: str) -> bool:
        return self.actor(actor_id) is not None

    def _actor(self, actor_id: str) -> Actor | None:
        row = sql.kb_actor(self.db, actor_id)
        if row is None:
            return None
        aid, kind, name, country, sector, qid, sources, data = row
        d = json.loads(data)
        roles = [Role(actor=r[0], country=r[1], sector=r[2], title=r[3], start=_d(r[4]), end=_d(r[5]))
                 for r in d.get("roles", [])]
        return Actor(id=aid, kind=kind, name=name, aliases=list(dict.fromkeys(d.get("aliases", []) + d.get("acronyms", []))),
                     country=country, sector=sector, roles=roles, died=_d(d.get("died")))

    def sources_of(self, actor_id: str) -> tuple[str, str | None, list[str | None]]:
        """(sources, Wikidata id, the source of each role) of a compiled actor."""
        row = sql.kb_actor_sources(self.db, actor_id)
        if row is None:
            return "", None, []
        return row[0], row[1], [r[6] for r in json.loads(row[2]).get("roles", [])]

    def overlay_roles(self) -> dict[str, list[tuple[Role, str]]]:
        """Imported roles of hand-written people: id → [(role, source)]."""
        out: dict[str, list[tuple[Role, str]]] = {}
        try:
            rows = sql.kb_overlay_roles(self.db)
        except sqlite3.OperationalError:  # an index built before the table existed
            return out
        for actor, data in rows:
            for r in json.loads(data):
                out.setdefault(actor, []).append(
                    (Role(actor=r[0], country=r[1], sector=r[2], title=r[3], start=_d(r[4]), end=_d(r[5])), r[6]))
        return out

    def meta(self) -> dict[str, str]:
        return dict(sql.read_meta(self.db))

    def stats(self) -> list[tuple[str, str, int]]:
        """(kind, source, actors) counts."""
        out = []
        for kind, sources, n in sql.kb_kind_source_counts(self.db):
            out.append((kind, sources, n))
        return out

    def kinds(self) -> dict[str, int]:
        return dict(sql.kb_kind_counts(self.db))

    def _people_by_surname(self, word_key: str) -> tuple[str, ...]:
        """Ids of the people whose name ends with the word ``word_key`` ("duterte")."""
        if self._surnames is None:  # one scan at the first look-up (a LIKE scan per name cost 7 ms)
            table: dict[str, dict[str, None]] = {}
            for actor, k in sql.kb_person_keys(self.db):
                if " " in k:
                    table.setdefault(k.rsplit(" ", 1)[1], {})[actor] = None
            self._surnames = {w: tuple(ids) for w, ids in table.items()}
        return self._surnames.get(word_key, ())

    def keys_like(self, prefix: str, limit: int = 50) -> list[str]:
        rows = sql.kb_keys_from(self.db, prefix, limit)
        return [r[0] for r in rows]


@lru_cache(maxsize=1)
def open_packaged() -> BigIndex | None:
    p = packaged_path()
    return BigIndex(p) if p else None
