"""Search: the one implementation behind ``detente search``, the web app's search page and
``/api/actors``, and the library.

- ``actors(store, q)``: actors whose names or ids look like ``q`` — the KB's hits (name, kind,
  score, the name matched), then ids the store names that contain ``q`` or are spelt like it.
- ``search(store, q, …)``: what a search box answers. When ``q`` names an actor (by the rules of
  ``detente.services.names``), that actor's events; otherwise the events whose sentence contains
  ``q`` and the articles whose title or text does. Filters: PLOVER ``type``, ``status``, a date
  range; ``more`` says that ``limit`` cut the events.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from detente.store import query


MIN_SIMILARITY = 75  # how alike (rapidfuzz ratio) a store id must be to a query of 3+ letters
ARTICLES = 20


def _store_ids_like(store, q: str, limit: int) -> list[str]:
    """Store actor ids containing ``q``, then the nearest by spelling."""
    up = q.strip().upper()
    ids = query.actor_ids(store)
    hits = [i for i in ids if up in i]
    if len(hits) < limit and len(up) >= 3:
        from rapidfuzz import fuzz, process

        # plain ratio: WRatio scores any short id inside a long word ("SAU" in "SANCTIONS") highly
        for name, score, _ in process.extract(up, ids, scorer=fuzz.ratio, limit=limit):
            if score >= MIN_SIMILARITY and name not in hits:
                hits.append(name)
    return hits[:limit]


def actors(store, q: str, limit: int = 20, kb: Any | None = None) -> list[dict[str, Any]]:
    """Actors whose names or ids look like ``q``: ``{id, name, kind?, score?, matched?}``, the KB's
    hits first. ``kb``: the actor KB to search (default: the packaged one; none: store ids only)."""
    from detente.services.names import default_kb

    q = q.strip()
    if not q:
        return []
    kb = kb if kb is not None else default_kb()
    out: list[dict[str, Any]] = []
    if kb is not None:
        for actor_id, score, matched in list(kb.search(q))[:limit]:  # (id, score, matched name)
            entry = kb.get(actor_id)
            out.append({"id": actor_id, "name": getattr(entry, "name", None) or actor_id,
                        "kind": getattr(entry, "kind", None), "score": score, "matched": matched})
    seen = {item["id"] for item in out}
    for rid in _store_ids_like(store, q, limit):
        if rid not in seen:
            out.append({"id": rid, "name": rid})
            seen.add(rid)
    return out[:limit]


def search(store, q: str, *, type: str | None = None, status: str | None = None,  # noqa: A002
           since: dt.date | None = None, until: dt.date | None = None, limit: int = 200,
           kb: Any | None = None) -> dict[str, Any]:
    """``{q, actors, actor, matched_text, events, more, articles}`` for a search box (see above).

    An empty ``q`` lists the events of the filters alone.
    """
    from detente.services.names import UnknownActor, default_kb, resolve_actor

    q = q.strip()
    kb = kb if kb is not None else default_kb()
    found = actors(store, q, kb=kb) if q else []
    actor = None
    if q:
        try:
            actor = resolve_actor(q, store=store, kb=kb)
        except UnknownActor:
            actor = None
    if actor or not q:
        evs = query.events(store, actor=actor, type=type, status=status, since=since, until=until, limit=limit + 1)
    else:  # not an actor: the words of the sentences
        evs = query.events_matching(store, q, limit=limit + 1, type=type, status=status, since=since, until=until)
    return {
        "q": q, "actors": found, "actor": actor, "matched_text": bool(q) and not actor,
        "events": evs[:limit], "more": len(evs) > limit,
        "articles": query.articles(store, limit=ARTICLES, q=q) if q and not actor else [],
    }


__all__ = ["actors", "search"]
