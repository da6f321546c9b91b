"""An actor id for what a user typed: the one implementation behind the CLI, the web app and the
library (``detente.Store``).

``resolve_actor(text, store=..., kb=..., on=...)`` tries, in order, and returns the first id found:

1. the text as an id the store names (``UNSC:TAi.004``, ``RUS``) or the KB knows (``TALIBAN``);
2. the text upper-cased as such an id (``taliban`` → ``TALIBAN``);
3. the KB's resolution of the text as a name on ``on`` (``Russia``, ``the Taliban``): its id, or,
   for a phrase that only names a country and sector (``Armenian Prime Minister``), that country —
   never a fuzzy match (a misspelling gets candidates, not a guess);
4. the text as a slug (``"Islamic State"`` → ``ISLAMIC_STATE``) that the store names;
5. without a store to check against, an id-shaped text (``UNSC:TAi.004``) as given.

Anything else raises ``UnknownActor`` (a ``ValueError``) whose ``candidates`` are the KB's search
hits for the text, then ids spelt like it (``RUSS`` → ``RUS``).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import Any

log = logging.getLogger("detente.names")

ID_SHAPE = re.compile(r"^[A-Z][A-Z0-9_]*(:[A-Za-z0-9_.\-]+)?$")
_MAX_CANDIDATES = 8


class UnknownActor(ValueError):
    """A name or id that resolves to no actor; ``candidates`` are ids it may mean (looked up when
    first asked for: a caller that only wants to know whether a text is an actor pays nothing)."""

    def __init__(self, text: str, candidates: list[str] | Callable[[], list[str]] | None = None) -> None:
        super().__init__(text)
        self.text = text
        self._candidates = candidates

    @property
    def candidates(self) -> list[str]:
        if callable(self._candidates):
            self._candidates = list(self._candidates())
        return list(self._candidates or [])

    def __str__(self) -> str:
        hint = f" (candidates: {', '.join(self.candidates)})" if self.candidates else ""
        return f"unknown or ambiguous actor {self.text!r}{hint}"


def default_kb() -> Any | None:
    """The packaged actor KB, or ``None`` (logged) when it cannot be loaded: names then resolve
    from the store's ids alone."""
    import sqlite3

    from detente.actors import KBError, load_kb

    try:
        return load_kb()
    except (KBError, OSError, ValueError, sqlite3.Error) as exc:  # the compiled index is an SQLite file
        log.warning("actor KB could not be loaded: %s", exc)
        return None


def _known(actor_id: str, store: Any | None, kb: Any | None) -> bool:
    if kb is not None and hasattr(kb, "get") and kb.get(actor_id) is not None:
        return True
    if store is not None:
        from detente.store.query import has_actor

        return has_actor(store, actor_id)
    return False


def _by_name(text: str, kb: Any | None, on: dt.date | None) -> str | None:
    if kb is None or not hasattr(kb, "resolve"):
        return None
    res = kb.resolve(text, on) if on is not None else kb.resolve(text)
    if res is None or "fuzzy" in str(getattr(res, "why", "")):
        return None
    return getattr(res, "id", None) or getattr(res, "country", None)


def resolve_actor(text: str, *, store: Any | None = None, kb: Any | None = None,
                  on: dt.date | None = None) -> str:
    """The actor id ``text`` stands for (see the module docstring); ``UnknownActor`` if none."""
    t = " ".join(str(text).split())
    if not t:
        raise UnknownActor(str(text))
    kb = default_kb() if kb is None else kb
    for candidate in dict.fromkeys((t, t.upper())):
        if ID_SHAPE.match(candidate) and _known(candidate, store, kb):
            return candidate
    found = _by_name(t, kb, on)
    if found:
        return found
    slug = re.sub(r"[^A-Za-z0-9]+", "_", t).strip("_").upper()
    if store is not None and slug and ID_SHAPE.match(slug) and _known(slug, store, None):
        return slug
    if store is None and ID_SHAPE.match(t):
        return t  # an id from an imported list the KB does not know: nothing to check it against
    raise UnknownActor(t, lambda: candidates(t, store=store, kb=kb))


def candidates(text: str, *, store: Any | None = None, kb: Any | None = None,
               limit: int = _MAX_CANDIDATES) -> list[str]:
    """Ids ``text`` may mean: the KB's search hits, then ids spelt like it (for an id with a typo,
    or when the KB finds nothing), best first."""
    t = " ".join(str(text).split())
    out: list[str] = []
    search = getattr(kb, "search", None)
    if search is not None and t:
        for hit in list(search(t))[:5]:
            if isinstance(hit, (tuple, list)):  # (id, score, matched name)
                cid = hit[0] if hit else None
            else:
                cid = getattr(hit, "id", None) or (hit.get("id") if isinstance(hit, dict) else None)
            if cid and cid not in out:
                out.append(str(cid))
    if t and (not out or ID_SHAPE.match(t)):
        from rapidfuzz import fuzz, process

        known: set[str] = set(getattr(kb, "actors", None) or ())
        if store is not None:
            from detente.store.query import actor_ids

            known.update(actor_ids(store))
        slug = re.sub(r"[^A-Za-z0-9]+", "_", t).strip("_").upper() or t.upper()
        close = process.extract(slug, sorted(known), scorer=fuzz.ratio, limit=5, score_cutoff=60)
        out = [c for c, _score, _ in close if c not in out] + out
    return out[:limit]


__all__ = ["ID_SHAPE", "UnknownActor", "candidates", "default_kb", "resolve_actor"]
