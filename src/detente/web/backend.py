"""The web layer's one door to the library.

Pages and API endpoints read through these functions, which call ``detente.store.query``,
``detente.relations.state`` / ``brief`` / ``stance`` and ``detente.actors`` and turn whatever they
return into plain JSON values, so the API answers what the CLI prints with ``--format json``.
The few queries only the web needs (top dyads, is an id known, actor ids like a text) are here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import logging
from typing import Any

from detente.relations import stance as _stance
from detente.relations import state as _state
from detente.results import Brief, Status, StoredArticle, WhoRow, dumps, stored_events, timeline_items
from detente.services import briefs as _briefs
from detente.services import search as _search
from detente.store import Store, open_store  # noqa: F401 - re-exported for the app
from detente.store import query as _query

log = logging.getLogger("detente.web")


def jsonable(obj: Any) -> Any:
    """Plain JSON values from pydantic models, dataclasses, dates, enums, tuples and sets."""
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, enum.Enum):
        return jsonable(obj.value)
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (set, frozenset)):
        return sorted((jsonable(v) for v in obj), key=str)
    if isinstance(obj, (list, tuple)):
        return [jsonable(v) for v in obj]
    if hasattr(obj, "__dict__"):
        return {k: jsonable(v) for k, v in vars(obj).items() if not k.startswith("_")}
    return str(obj)


# --- store -------------------------------------------------------------------------------------

def events_page(store: Store, *, after_id: int | None, limit: int, **filters: Any) -> list[dict]:
    """Events with ``id > after_id`` in id order, at most ``limit`` (for cursor pagination); the
    database stops after ``limit`` rows (``query.events(order="id")``)."""
    return dumps(stored_events(_query.events(store, after_id=after_id, limit=limit, order="id", **filters)))


def events(store: Store, **kw: Any) -> list[dict]:
    """Stored events as ``detente events --format json`` prints them (``StoredEvent`` dumps)."""
    return dumps(stored_events(_query.events(store, **kw)))


def article(store: Store, article_id: str) -> dict | None:
    """One stored article (by id or source id) as ``detente article ID --format json`` prints it."""
    found = _query.article(store, article_id)
    return None if found is None else StoredArticle.model_validate(found).to_json()


def articles(store: Store, limit: int = 20, q: str | None = None) -> list[dict]:
    return _query.articles(store, limit=limit, q=q)


def counts(store: Store) -> dict:
    return _query.counts(store)


def top_dyads(store: Store, limit: int = 15) -> list[dict]:
    """The most active directed pairs of the whole store: ``{source, target, events, latest}``."""
    return _query.top_dyads(store, limit)


def in_store(store: Store, actor_id: str) -> bool:
    """Whether any event, relation change, mention or list entry names this actor id."""
    return _query.has_actor(store, actor_id)


def store_actor_ids(store: Store, limit: int | None = None) -> list[str]:
    return _query.actor_ids(store, limit)


# --- relations ---------------------------------------------------------------------------------

def status(store: Store, a: str, b: str, as_of: dt.date) -> dict:
    return Status.model_validate(_state.status(store, a, b, as_of)).to_json()


def timeline(store: Store, a: str, b: str, since: dt.date | None = None, until: dt.date | None = None,
             collapse: bool = True) -> list[dict]:
    """One row per event cluster (its other reports under ``also``), as ``detente timeline`` shows."""
    return dumps(timeline_items(_briefs.timeline(store, a, b, since, until, collapse=collapse)))


def brief(store: Store, a: str, b: str, as_of: dt.date) -> dict:
    return Brief.model_validate(_briefs.brief(store, a, b, as_of)).to_json()


def who(store: Store, **kw: Any) -> list[dict]:
    return dumps([WhoRow.model_validate(r) for r in _state.who(store, **kw)])


def dyads(store: Store, actor: str) -> list[dict]:
    return jsonable(_state.dyads(store, actor))


def stance_series(store: Store, a: str, b: str, since: dt.date | None = None,
                  until: dt.date | None = None) -> list[dict]:
    return jsonable(_stance.stance_series(store, a, b, since, until))


# --- actors ------------------------------------------------------------------------------------

def _kb():
    import sqlite3

    from detente.actors import KBError, load_kb

    try:
        return load_kb()
    except (KBError, OSError, ValueError, sqlite3.Error) as exc:  # a broken KB must not take the web app down
        log.warning("actor KB could not be loaded: %s", exc)
        return None


def actor(store: Store, actor_id: str, on: dt.date | None = None) -> dict | None:
    """The KB entry of an id (a minimal one for ids only the store knows), else None. Its roles come
    oldest first, each with its ``source`` (``actors show``'s); with ``on``, the role held that day
    is marked ``"current": true``."""
    kb = _kb()
    if kb is not None and hasattr(kb, "get"):
        try:
            found = kb.get(actor_id)
        except LookupError:
            found = None
        if found is not None:
            out = jsonable(found)
            if isinstance(out, dict):
                out.setdefault("id", actor_id)
                if hasattr(kb, "roles_with_sources"):
                    alive = on is not None and not (getattr(found, "died", None) and found.died <= on)
                    held = kb.role_on(found, on) if alive else None
                    out["roles"] = [dict(jsonable(r), source=s, current=r is held)
                                    for r, s in kb.roles_with_sources(found)]
                return out
    if in_store(store, actor_id):
        entry = list_entry(store, actor_id)
        if entry:
            return {"id": actor_id, "name": entry["name"], "kind": entry["schema"], "aliases": entry["aliases"],
                    "roles": [], "program": entry["program"], "dataset": entry["dataset"]}
        return {"id": actor_id, "name": actor_id, "aliases": [], "roles": []}
    return None


def list_entry(store: Store, actor_id: str) -> dict | None:
    """The sanctions-list entry behind a dataset id such as ``UNSC:TAi.004`` (name, programme…)."""
    prefix, sep, ref = actor_id.partition(":")
    if not sep or not ref:
        return None
    row = _query.list_entry(store, ref)
    if row is None:
        return None
    return {"dataset": row["dataset"], "id": row["entry_id"], "schema": row["schema"], "name": row["name"],
            "aliases": [a for a in (row["aliases"] or []) if isinstance(a, str)], "program": row["program"]}


def events_matching(store: Store, text: str, limit: int = 200, type: str | None = None,  # noqa: A002
                    status: str | None = None, since: dt.date | None = None,
                    until: dt.date | None = None) -> list[dict]:
    """Events whose sentence contains ``text`` (case-insensitive), newest first."""
    return dumps(stored_events(_query.events_matching(store, text, limit, type, status, since, until)))


def resolve(store: Store, text: str, on: dt.date | None = None) -> str | None:
    """An actor id for an id or a name as typed in a URL ("RUS", "Russia", "taliban"), by the one
    rule set of ``detente.services.names`` (never a fuzzy match); ``None`` when unknown."""
    from detente.services.names import UnknownActor, resolve_actor

    try:
        return resolve_actor(text, store=store, kb=_kb(), on=on)
    except UnknownActor:
        return None


def search_actors(store: Store, q: str, limit: int = 20) -> list[dict]:
    """Actors whose names or ids look like ``q`` (``detente.services.search.actors``)."""
    return _search.actors(store, q, limit, kb=_kb())


def search(store: Store, q: str, **kw: Any) -> dict:
    """What the search box answers (``detente.services.search.search``)."""
    return _search.search(store, q, kb=_kb(), **kw)


def candidates(store: Store, text: str, limit: int = 5) -> list[str]:
    """Ids an unknown actor name may mean (``detente.services.names.candidates``)."""
    from detente.services.names import candidates as _candidates

    return _candidates(text, store=store, kb=_kb(), limit=limit)


# --- extraction --------------------------------------------------------------------------------

def extract(article_obj):
    from detente.pipeline import extract_article

    return extract_article(article_obj)


def save(store: Store, result, article_obj) -> bool:
    return store.save(result, article_obj)


# --- watches and alerts (detente.watch) ---------------------------------------------------------

def watches(store: Store) -> list[dict]:
    from detente import watch

    return watch.list_watches(store)


def add_watch(store: Store, dimension: str, **kw: Any) -> dict:
    """A new watch; ``ValueError`` (``WatchError``) with one line on bad input."""
    from detente import watch

    return watch.add_watch(store, dimension, **kw)


def remove_watch(store: Store, watch_id: int) -> bool:
    from detente import watch

    return watch.remove_watch(store, watch_id)


def alerts(store: Store, **kw: Any) -> list[dict]:
    from detente import watch

    return jsonable(watch.alerts(store, **kw))


def changes(store: Store, **kw: Any) -> dict:
    from detente import watch

    return jsonable(watch.changes(store, **kw))
