"""Briefs and timelines of a pair of actors: the one implementation behind ``detente brief`` /
``timeline``, the web app's dyad page and API, and the library.

Each function reads the store (``detente.store.query``), runs the pure calculus
(``detente.relations.state`` / ``brief``) and returns plain JSON-ready dicts. Evidence from an
article carries, besides the article id, what a reader cites it by: ``outlet`` (the news
source), ``published`` and ``title`` (``cite_articles``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from detente.relations import brief as _brief
from detente.relations import state as _state
from detente.relations.wording import short_names
from detente.store import query


def display_names(store, ids: Sequence[str], kb: Any | None = None) -> dict[str, str]:
    """Readable names: the short names file, the actor KB where it knows the id, list entries for
    list-only targets, else the id. ``kb``: the actor KB to ask (default: the packaged one)."""
    from detente.services.names import default_kb

    short = short_names()
    names: dict[str, str] = {i: short[i] for i in ids if i in short}
    kb = kb if kb is not None else default_kb()
    getter = getattr(kb, "get", None)
    for i in ids:
        if i in names or getter is None:
            continue
        actor = getter(i)
        name = getattr(actor, "name", None) if actor is not None else None
        if name:
            names[i] = name
    if any(i not in names for i in ids):
        listed = _state.list_entry_names(store)
        names.update({i: listed[i] for i in ids if i not in names and i in listed})
    return {i: names.get(i, i) for i in ids}


def _evidence_of(items: Iterable[dict]) -> Iterable[dict]:
    for it in items:
        if isinstance(it.get("evidence"), dict):
            yield it["evidence"]
        elif isinstance(it.get("evidence"), list):
            yield from it["evidence"]
        yield from it.get("also", ())


def cite_articles(store, *groups: Iterable[dict]) -> None:
    """Add ``outlet``, ``published`` and ``title`` to every article evidence of these items
    (timeline rows, bullets: anything with ``evidence`` and ``also``), in place; one query."""
    evidence = [ev for items in groups for ev in _evidence_of(items) if ev.get("article")]
    heads = query.article_heads(store, [ev["article"] for ev in evidence])
    for ev in evidence:
        head = heads.get(ev["article"])
        if head:
            ev.update(outlet=head["source"], published=head["published"], title=head["title"])


def timeline(store, a: str, b: str, since: str | dt.date | None = None, until: str | dt.date | None = None,
             collapse: bool = True, names: dict[str, str] | None = None) -> list[dict]:
    """``relations.state.timeline`` with readable names in ``text`` and cited article evidence."""
    names = names if names is not None else display_names(store, [a, b])
    items = _state.timeline(store, a, b, since, until, names=names, collapse=collapse)
    cite_articles(store, items)
    return items


def brief(store, a: str, b: str, as_of: str | dt.date | None = None) -> dict[str, Any]:
    """The brief of ``a → b`` on ``as_of`` (default today): see ``detente.relations.brief``."""
    day = _state.parse_as_of(as_of)
    names = display_names(store, [a, b])
    out = _brief.compose(
        _state.status(store, a, b, day), _state.status(store, b, a, day),
        _state.load_changes(store, a, b, both=True),
        _state.timeline(store, a, b, until=day, names=names, collapse=True), names, day)
    cite_articles(store, out["bullets"], out["timeline"])
    return out


__all__ = ["brief", "cite_articles", "display_names", "timeline"]
