"""Queries over the store, for the CLI, the web API and the relations stage. Keep these names.

Every function returns plain, JSON-ready dicts (dates as ISO strings):

- ``events(store, *, actor, dyad, type, status, since, until, after_id, limit, directed, article_id,
  location_country)``
  — the event JSON of DESIGN.md plus ``id``, ``article_id``, ``published``, ``source_name``
  (the news source), ordered by ``day_first`` (undated last), then ``id``.
- ``article(store, id)`` — one article with its text, sentences, events, quotes, mentions and
  relation changes, by its id or else by its ``source_id`` (the input's own id; the first stored
  when several share it); ``None`` if unknown.
- ``articles(store, *, limit, q)`` — newest first, without text, with event/quote counts.
- ``counts(store)`` — articles, events, quotes, relation_changes, actors (distinct ids seen).

Filters, precisely:
- ``actor``: an actor id; matches an event whose source or target has that id, or has no id and
  that country (``"Armenian Prime Minister"`` → country ARM).
- ``dyad=(a, b)``: events between ``a`` and ``b`` in either direction; ``directed=True``: a → b only.
- ``since``/``until``: the event's possible days (``day_first`` … ``day_last``, from its date, its
  precision and ``date_end``) overlap the range; undated events never match a date filter.
- ``after_id``: only events with a larger ``id`` (to fetch what was stored since a previous call).
- ``order``: ``"day"`` (the default, as above) or ``"id"`` (ascending ``id``; with ``after_id`` and
  ``limit`` a cursor for paging).

Performance: actor and dyad filters compare ``events.source_key``/``target_key`` (one resolved key
per side, indexed with ``day_first`` and ``id``); each direction/side is its own index-ordered
SELECT, merged by the database, so ``limit`` stops the scan early.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func, or_, select, union, union_all
from sqlalchemy.engine import Connection, RowMapping

from detente.store import Store, StoreError, schema

E = schema.events
A = schema.articles


@contextlib.contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Hold the cyclic garbage collector while building many acyclic rows (dicts of plain values).

    Thousands of new dicts each call push them into the oldest generation and set off full
    collections of the whole heap: a pause of tens of ms on some calls (the p95 of a timeline).
    Reference counting still frees everything; the collector runs again afterwards, as before.
    Only re-enabled by the call that disabled it (so nested or concurrent uses are harmless).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _iso(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _as_date(value: dt.date | str | None, what: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"bad {what} date {value!r}: expected YYYY-MM-DD") from None


def _ref(row: RowMapping, prefix: str) -> dict[str, Any] | None:
    ref = {k: row[f"{prefix}_{k}"] for k in ("id", "country", "sector", "text")}
    if all(v is None for v in ref.values()):
        return None
    ref["text"] = ref["text"] or ""
    return ref


def _location(row: RowMapping) -> dict[str, Any] | None:
    """The event's ``location`` object (DESIGN.md), or None where the text named no place."""
    if row.get("location_name") is None:
        return None
    return {name: row[f"location_{name}"] for name, _type in schema.LOCATION_COLUMNS}


def event_dict(row: RowMapping) -> dict[str, Any]:
    """A stored event as the DESIGN.md event JSON, plus id, article_id, published, source_name."""
    return {
        "id": row["id"],
        "article_id": row["article_id"],
        "published": _iso(row["published"]),
        "source_name": row["source_name"],
        "type": row["type"],
        "mode": row["mode"],
        "context": list(row["context"] or []),
        "source": _ref(row, "source"),
        "target": _ref(row, "target"),
        "location": _location(row),
        "date": row["date"],
        "date_precision": row["date_precision"],
        "date_end": row["date_end"],
        "status": row["status"],
        "cameo": row["cameo"],
        "goldstein": row["goldstein"],
        "sentence": row["sentence"],
        "start": row["start"],
        "end": row["end"],
        "confidence": row["confidence"],
        "rule": row["rule"],
        "trigger": row["trigger"],
        "detail": dict(row["detail"] or {}),
    }


_NOT_SELECTED = ("cluster_id", "source_key", "target_key")


def _event_select():
    # labelled: a UNION's ORDER BY names result columns, and a bare "id" would be ambiguous on SQLite
    cols = [c.label(c.name) for c in E.c if c.name not in _NOT_SELECTED]
    return select(*cols, A.c.published, A.c.source.label("source_name")).join_from(E, A, E.c.article_id == A.c.id)


def _key_branches(actor: str | None, dyad: tuple[str, str] | None, directed: bool) -> list[list[Any]]:
    """The actor/dyad filter as disjoint conditions, each an equality prefix of one index.

    ``source_key``/``target_key`` are ``coalesce(<side>_id, <side>_country)``, so ``key = A`` is
    exactly "the side has id A, or no id and country A". A query runs one SELECT per branch (UNION
    ALL), each walking ``ix_events_key_dyad``, ``…_source`` or ``…_target`` in (day_first, id) order.
    """
    sk, tk = E.c.source_key, E.c.target_key
    if dyad:
        a, b = dyad
        branches = [[sk == a, tk == b]]
        if not directed and a != b:
            branches.append([sk == b, tk == a])
        if actor:  # both given: the dyad's events that also involve the actor
            branches = [[*br, or_(sk == actor, tk == actor)] for br in branches]
        return branches
    if actor:  # the second branch leaves out what the first has (an actor on both sides)
        return [[sk == actor], [tk == actor, or_(sk.is_(None), sk != actor)]]
    return [[]]


def _fetch(conn: Connection, branches: list[list[Any]], where: list[Any], order: Sequence[str],
           limit: int | None) -> list[RowMapping]:
    """Rows of every branch, ``where`` applied to each, merged in ``order`` (column names), limited."""
    if limit == 0:
        return []
    selects = [_event_select().where(*where, *br) for br in branches]
    if len(selects) == 1:
        stmt = selects[0].order_by(*(E.c[name] for name in order))
    else:
        both = union_all(*selects)
        stmt = both.order_by(*(both.selected_columns[name] for name in order))
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(conn.execute(stmt).mappings())


def _many(value: str | Sequence[str] | None, upper: bool = False) -> list[str] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    items = [v.strip() for v in items if v and v.strip()]
    if upper:
        items = [v.upper() for v in items]
    return items or None


ORDERS = ("day", "id")


def events(
    store: Store,
    *,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    type: str | Sequence[str] | None = None,  # noqa: A002 - the name the callers use
    status: str | Sequence[str] | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    after_id: int | None = None,
    limit: int | None = None,
    directed: bool = False,
    article_id: str | None = None,
    order: str = "day",
    location_country: str | Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Stored events matching every given filter (see the module docstring).

    ``order="day"`` (default): by ``day_first``, undated last, then ``id``; ``order="id"``: by
    ``id`` only (for cursor paging with ``after_id``).
    """
    if order not in ORDERS:
        raise ValueError(f"bad order {order!r}: expected one of {', '.join(ORDERS)}")
    since_d, until_d = _as_date(since, "since"), _as_date(until, "until")
    where: list[Any] = []
    types = _many(type, upper=True)
    if types:
        where.append(E.c.type.in_(types))
    statuses = _many(status)
    if statuses:
        where.append(E.c.status.in_([s.lower() for s in statuses]))
    if since_d is not None:
        where.append(E.c.day_last >= since_d)
    if until_d is not None:
        where.append(E.c.day_first <= until_d)
    if after_id is not None:
        where.append(E.c.id > after_id)
    if article_id is not None:
        where.append(E.c.article_id == article_id)
    places = _many(location_country, upper=True)
    if places:
        where.append(E.c.location_country.in_(places))
    branches = _key_branches(actor or None, dyad or None, directed)
    n = None if limit is None else max(0, int(limit))
    with store.read() as conn, no_gc_pauses():
        if order == "id":
            rows = _fetch(conn, branches, where, ("id",), n)
        else:
            # dated events in (day_first, id) order, then — while the limit is not reached —
            # undated ones by id: two index-ordered queries instead of one sort on "IS NULL"
            rows = _fetch(conn, branches, [*where, E.c.day_first.is_not(None)], ("day_first", "id"), n)
            dated_only = since_d is not None or until_d is not None  # undated never match a range
            if not dated_only and (n is None or len(rows) < n):
                rest = None if n is None else n - len(rows)
                rows += _fetch(conn, branches, [*where, E.c.day_first.is_(None)], ("id",), rest)
        return [event_dict(r) for r in rows]


def _article_head(row: RowMapping) -> dict[str, Any]:
    return {
        "id": row["id"], "title": row["title"], "published": _iso(row["published"]), "source": row["source"],
        "url": row["url"], "origin": row["origin"], "source_id": row["source_id"], "ingested_at": row["ingested_at"],
    }


def _rows(conn: Connection, table, article_id: str) -> list[RowMapping]:
    return list(conn.execute(select(table).where(table.c.article_id == article_id).order_by(table.c.idx)).mappings())


def article(store: Store, id: str) -> dict[str, Any] | None:  # noqa: A002 - the name the callers use
    """One stored article, complete; ``None`` if there is no article with this id."""
    with store.read() as conn:
        row = conn.execute(select(A).where(A.c.id == id)).mappings().first()
        if row is None:
            row = conn.execute(select(A).where(A.c.source_id == id)
                               .order_by(A.c.ingested_at, A.c.id).limit(1)).mappings().first()
        if row is None:
            return None
        id = row["id"]  # noqa: A001 - the article found by its source id
        out = _article_head(row)
        out["text"] = row["text"]
        out["sentences"] = [{"idx": r["idx"], "start": r["start"], "end": r["end"]} for r in _rows(conn, schema.sentences, id)]
        evs = conn.execute(_event_select().where(E.c.article_id == id).order_by(E.c.idx)).mappings()
        out["events"] = [event_dict(r) for r in evs]
        out["quotes"] = [
            {k: r[k] for k in ("idx", "speaker", "speaker_id", "text", "start", "end", "rule", "confidence")}
            for r in _rows(conn, schema.quotes, id)
        ]
        out["mentions"] = [
            {
                "idx": r["idx"], "start": r["start"], "end": r["end"], "text": r["text"], "id": r["actor_id"],
                "country": r["country"], "sector": r["sector"], "kind": r["kind"], "score": r["score"], "why": r["why"],
            }
            for r in _rows(conn, schema.mentions, id)
        ]
        out["relation_changes"] = [relation_change_dict(r) for r in _rows(conn, schema.relation_changes, id)]
        return out


def relation_change_dict(row: RowMapping) -> dict[str, Any]:
    keys = ("id", "article_id", "dataset", "external_id", "source", "target", "dimension", "value", "date",
            "date_precision", "date_end", "sentence", "start", "end", "confidence", "rule")
    out = {k: row[k] for k in keys}
    out["detail"] = dict(row["detail"] or {})
    out["day_first"], out["day_last"] = _iso(row["day_first"]), _iso(row["day_last"])
    return out


def _count_by_article(table):
    return (
        select(table.c.article_id, func.count().label("n"))
        .where(table.c.article_id.is_not(None))
        .group_by(table.c.article_id)
        .subquery()
    )


LIKE_ESCAPE = "\\"


def contains_pattern(text: str) -> str:
    """A LIKE pattern (with ``escape=LIKE_ESCAPE``) for "contains ``text``" in which ``%``, ``_`` and the
    escape character match only themselves."""
    for ch in (LIKE_ESCAPE, "%", "_"):
        text = text.replace(ch, LIKE_ESCAPE + ch)
    return f"%{text}%"


def articles(store: Store, *, limit: int | None = 50, q: str | None = None) -> list[dict[str, Any]]:
    """Stored articles, newest first (by publication date, then ingestion), without their text.

    ``q``: case-insensitive substring of the title or the text.
    """
    n_ev, n_q = _count_by_article(E), _count_by_article(schema.quotes)
    stmt = (
        select(
            A.c.id, A.c.title, A.c.published, A.c.source, A.c.url, A.c.origin, A.c.source_id, A.c.ingested_at,
            func.coalesce(n_ev.c.n, 0).label("n_events"), func.coalesce(n_q.c.n, 0).label("n_quotes"),
        )
        .outerjoin(n_ev, n_ev.c.article_id == A.c.id)
        .outerjoin(n_q, n_q.c.article_id == A.c.id)
    )
    if q and q.strip():
        pattern = contains_pattern(q.strip().lower())
        stmt = stmt.where(or_(func.lower(A.c.title).like(pattern, escape=LIKE_ESCAPE),
                              func.lower(A.c.text).like(pattern, escape=LIKE_ESCAPE)))
    stmt = stmt.order_by(A.c.published.is_(None), A.c.published.desc(), A.c.ingested_at.desc(), A.c.id)
    if limit is not None:
        stmt = stmt.limit(max(0, int(limit)))
    with store.read() as conn:
        return [
            {**_article_head(r), "n_events": int(r["n_events"]), "n_quotes": int(r["n_quotes"])}
            for r in conn.execute(stmt).mappings()
        ]


def _actor_id_union(lists: bool = False):
    """Every actor id the store names (events, mentions, relation changes; with ``lists`` also the
    ids list entries were resolved to), one column ``a``."""
    parts = [
        select(E.c.source_id.label("a")).where(E.c.source_id.is_not(None)),
        select(E.c.target_id.label("a")).where(E.c.target_id.is_not(None)),
        select(schema.mentions.c.actor_id.label("a")).where(schema.mentions.c.actor_id.is_not(None)),
        select(schema.relation_changes.c.source.label("a")),
        select(schema.relation_changes.c.target.label("a")),
    ]
    if lists:
        le = schema.list_entries
        parts.append(select(le.c.actor_id.label("a")).where(le.c.actor_id.is_not(None)))
    return union(*parts).subquery()


def actor_ids(store: Store, limit: int | None = None) -> list[str]:
    """The actor ids the store names (events, mentions, relation changes, list entries), sorted."""
    ids = _actor_id_union(lists=True)
    stmt = select(ids.c.a).order_by(ids.c.a)
    if limit:
        stmt = stmt.limit(limit)
    with store.read() as conn:
        return [a for (a,) in conn.execute(stmt)]


def has_actor(store: Store, actor_id: str) -> bool:
    """Whether any event, relation change, mention or list entry names this actor id."""
    rc, le = schema.relation_changes, schema.list_entries
    checks = (
        select(E.c.id).where(or_(E.c.source_id == actor_id, E.c.target_id == actor_id)).limit(1),
        select(rc.c.id).where(or_(rc.c.source == actor_id, rc.c.target == actor_id)).limit(1),
        select(schema.mentions.c.idx).where(schema.mentions.c.actor_id == actor_id).limit(1),
        select(le.c.entry_id).where(le.c.actor_id == actor_id).limit(1),
    )
    with store.read() as conn:
        return any(conn.execute(q).first() is not None for q in checks)


def counts(store: Store) -> dict[str, int]:
    """How much is stored; ``actors`` counts the distinct actor ids in events, mentions and changes."""
    actor_ids = _actor_id_union()
    with store.read() as conn:
        out = {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in (
                ("articles", A), ("events", E), ("quotes", schema.quotes),
                ("relation_changes", schema.relation_changes),
            )
        }
        out["actors"] = conn.execute(select(func.count()).select_from(actor_ids)).scalar_one()
    return out


__all__ = ["events", "article", "articles", "counts", "actor_ids", "has_actor", "event_dict", "relation_change_dict", "no_gc_pauses",
           "StoreError"]
