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

from sqlalchemy import and_, case, func, or_, select, union, union_all
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


def _directions(a: str, b: str, both: bool) -> list[tuple[str, str]]:
    """The (source, target) pairs of the dyad ``a``–``b``: one direction, or both (once if a == b).
    Every dyad filter of the store is built on this."""
    return [(a, b), (b, a)] if both and a != b else [(a, b)]


def _key_branches(actor: str | None, dyad: tuple[str, str] | None, directed: bool) -> list[list[Any]]:
    """The actor/dyad filter as disjoint conditions, each an equality prefix of one index.

    ``source_key``/``target_key`` are ``coalesce(<side>_id, <side>_country)``, so ``key = A`` is
    exactly "the side has id A, or no id and country A". A query runs one SELECT per branch (UNION
    ALL), each walking ``ix_events_key_dyad``, ``…_source`` or ``…_target`` in (day_first, id) order.
    """
    sk, tk = E.c.source_key, E.c.target_key
    if dyad:
        branches = [[sk == s, tk == t] for s, t in _directions(*dyad, both=not directed)]
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




# --------------------------------------------------------------------------- relations, web, CLI
#
# The statements the relation-state calculus (``detente.relations``), the web app and the CLI
# need. They return rows; what the rows mean is computed elsewhere, by pure functions.


def dyad_events(a: str, b: str, both: bool = True):
    """Events ``a → b`` (and ``b → a`` with ``both``) by actor id: the dyad of the relations.

    The ``source_key``/``target_key`` equalities add nothing logically (a side with id ``a`` has
    key ``a``) but let the database walk ``ix_events_key_dyad`` in ``day_first`` order.
    """
    return or_(*(and_(E.c.source_key == s, E.c.target_key == t, E.c.source_id == s, E.c.target_id == t)
                 for s, t in _directions(a, b, both)))


def relation_change_rows(store: Store, source: str | None = None, target: str | None = None,
                         dimension: str | None = None, both: bool = False) -> list[RowMapping]:
    """``relation_changes`` rows of ``source → target`` (either direction with ``both``), any
    side left out matching every actor; only ``dimension`` when given."""
    t = schema.relation_changes
    q = select(t)
    if both and source and target:
        q = q.where(or_(*(and_(t.c.source == s, t.c.target == u) for s, u in _directions(source, target, True))))
    else:
        if source:
            q = q.where(t.c.source == source)
        if target:
            q = q.where(t.c.target == target)
    if dimension:
        q = q.where(t.c.dimension == dimension)
    with store.engine.connect() as conn:
        return list(conn.execute(q).mappings())


def timeline_event_rows(store: Store, a: str, b: str, since: dt.date | None, until: dt.date | None) -> list:
    """The events between ``a`` and ``b`` (both directions) a timeline shows, as tuples of
    (article_id, idx, type, mode, status, goldstein, source_id, target_id, date, date_precision,
    day_first, sentence, start, end, id, cluster_id, detail).

    The date range is applied on ``day_first``/``day_last``; undated events are kept (the caller
    places them by their date string).
    """
    where = [dyad_events(a, b)]
    undated = E.c.day_first.is_(None)
    if since is not None:
        where.append(or_(undated, func.coalesce(E.c.day_last, E.c.day_first) >= since))
    if until is not None:
        where.append(or_(undated, E.c.day_first <= until))
    q = (select(E.c.article_id, E.c.idx, E.c.type, E.c.mode, E.c.status, E.c.goldstein, E.c.source_id,
                E.c.target_id, E.c.date, E.c.date_precision, E.c.day_first, E.c.sentence, E.c.start,
                E.c.end, E.c.id, E.c.cluster_id, E.c.detail)
         .where(*where))
    with store.engine.connect() as conn:
        return list(conn.execute(q).all())


def article_heads(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``{article id: {title, published, source, url}}`` for the given ids (unknown ids left out)."""
    wanted = sorted({i for i in ids if i})
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(wanted), 500):
            q = select(A.c.id, A.c.title, A.c.published, A.c.source, A.c.url).where(A.c.id.in_(wanted[i:i + 500]))
            for r in conn.execute(q).mappings():
                out[r["id"]] = {"title": r["title"], "published": _iso(r["published"]), "source": r["source"],
                                "url": r["url"]}
    return out


def list_entry_rows(store: Store) -> list:
    """Every imported list entry as (dataset, entry_id, reference, name, actor_id)."""
    le = schema.list_entries
    with store.engine.connect() as conn:
        return list(conn.execute(select(le.c.dataset, le.c.entry_id, le.c.reference, le.c.name, le.c.actor_id)).all())


def list_entry(store: Store, ref: str) -> dict[str, Any] | None:
    """The list entry whose entry id or reference is ``ref`` (``TAi.004``), else None."""
    t = schema.list_entries
    stmt = select(t.c.dataset, t.c.entry_id, t.c.schema, t.c.name, t.c.aliases, t.c.program).where(
        or_(t.c.entry_id == ref, t.c.reference == ref)).limit(1)
    with store.read() as conn:
        row = conn.execute(stmt).mappings().first()
    return dict(row) if row is not None else None


def actor_event_rows(store: Store, actor: str) -> list:
    """(source_id, target_id, date, day_first) of every event with ``actor`` on either side (by id)."""
    q = select(E.c.source_id, E.c.target_id, E.c.date, E.c.day_first).where(
        or_(E.c.source_id == actor, E.c.target_id == actor))
    with store.engine.connect() as conn:
        return list(conn.execute(q).all())


def stance_event_rows(store: Store, a: str, b: str, both: bool, where: Sequence[Any]) -> list[dict[str, Any]]:
    """Events of the dyad meeting ``where`` (see ``stance_conditions``), with ``day`` = ``day_first``."""
    q = select(E.c.article_id, E.c.idx, E.c.date, E.c.date_precision, E.c.day_first, E.c.status,
               E.c.goldstein, E.c.confidence, E.c.cluster_id).where(dyad_events(a, b, both), *where)
    with store.engine.connect() as conn:
        return [dict(r._mapping, day=r.day_first) for r in conn.execute(q)]


def stance_conditions(statuses: Sequence[str], precisions: Sequence[str], first: dt.date, last: dt.date,
                      since: dt.date | None, until: dt.date | None) -> list[Any]:
    """The conditions an event must meet to count for a stance (``day_first`` is its day)."""
    where = [E.c.status.in_(list(statuses)), E.c.date_precision.in_(list(precisions)),
             E.c.day_first.is_not(None), E.c.day_first >= first, E.c.day_first <= last]
    if since is not None:
        where.append(E.c.day_first >= since)
    if until is not None:
        where.append(E.c.day_first <= until)
    return where


def _month_of(conn: Connection, day):
    if conn.dialect.name == "postgresql":
        return func.to_char(day, "YYYY-MM")
    return func.substr(day, 1, 7)  # SQLite keeps dates as ISO text


def stance_months(store: Store, a: str, b: str, both: bool, where: Sequence[Any]) -> list[tuple]:
    """One row a month with a counted event: ``(month, weighted sum, weight, clusters scored,
    distinct articles scored)``, aggregated by the database.

    A cluster (its ``cluster_id``, else the event itself) counts once a month: its Goldstein value
    is its members' mean, its weight their best confidence (never 0). Events without a Goldstein
    value do not score, but their month is listed.
    """
    scored = E.c.goldstein.is_not(None)
    cond = [dyad_events(a, b, both), *where]
    best = func.max(case((scored, E.c.confidence)))
    with store.engine.connect() as conn:
        month = _month_of(conn, E.c.day_first).label("month")
        clusters = (
            select(month, func.avg(E.c.goldstein).label("g"),
                   case((func.coalesce(best, 0) == 0, 1e-9), else_=best).label("w"))
            .where(*cond)
            .group_by(month, E.c.cluster_id, case((E.c.cluster_id.is_(None), E.c.id)))
            .subquery()
        )
        c = clusters.c
        has_g = c.g.is_not(None)
        per_month = select(c.month, func.sum(case((has_g, c.w * c.g))), func.sum(case((has_g, c.w))),
                           func.count(c.g)).group_by(c.month)
        sources = (select(month, func.count(case((scored, E.c.article_id)).distinct()))
                   .where(*cond).group_by(month))
        n_sources: dict[str, int] = {m: n for m, n in conn.execute(sources).all()}
        return [(m, num, den, n, n_sources.get(m) or 0) for m, num, den, n in conn.execute(per_month)]


def top_dyads(store: Store, limit: int = 15) -> list[dict[str, Any]]:
    """The most active directed pairs of the whole store: ``{source, target, events, latest}``."""
    n = func.count().label("events")
    stmt = (select(E.c.source_id, E.c.target_id, n, func.max(E.c.day_first).label("latest"))
            .where(E.c.source_id.is_not(None), E.c.target_id.is_not(None))
            .group_by(E.c.source_id, E.c.target_id)
            .order_by(n.desc(), E.c.source_id, E.c.target_id).limit(limit))
    with store.read() as conn:
        return [{"source": r.source_id, "target": r.target_id, "events": r.events,
                 "latest": _iso(r.latest)} for r in conn.execute(stmt)]


def latest_evidence_days(store: Store, today: dt.date) -> list[Any]:
    """The latest publication day, event day and relation-change day on or before ``today``."""
    cols = (A.c.published, E.c.day_first, schema.relation_changes.c.day_first)
    with store.engine.connect() as conn:
        return [conn.execute(select(func.max(c)).where(c <= today)).scalar() for c in cols]


def events_matching(store: Store, text: str, limit: int = 200, type: str | None = None,  # noqa: A002
                    status: str | None = None, since: dt.date | None = None,
                    until: dt.date | None = None) -> list[dict[str, Any]]:
    """Events whose sentence contains ``text`` (case-insensitive), newest first."""
    needle = text.strip().lower()
    if not needle:
        return []
    stmt = _event_select().where(func.lower(E.c.sentence).like(contains_pattern(needle), escape=LIKE_ESCAPE))
    if type:
        stmt = stmt.where(E.c.type == type)
    if status:
        stmt = stmt.where(E.c.status == status)
    if since:
        stmt = stmt.where(E.c.day_first >= since)
    if until:
        stmt = stmt.where(E.c.day_first <= until)
    stmt = stmt.order_by(E.c.day_first.is_(None), E.c.day_first.desc(), E.c.id.desc()).limit(limit)
    with store.read() as conn:
        return [event_dict(r) for r in conn.execute(stmt).mappings()]


def flat_event_rows(store: Store) -> Iterator[RowMapping]:
    """Every event with its article's published, news source (``news_source``) and url, by day,
    streamed (``yield_per``)."""
    q = (select(E, A.c.published, A.c.source.label("news_source"), A.c.url, A.c.source_id.label("article_source_id"))
         .join(A, A.c.id == E.c.article_id)
         .order_by(E.c.day_first, E.c.id))
    with store.engine.connect() as conn:
        yield from conn.execution_options(yield_per=2000).execute(q).mappings()


def designation_rows(store: Store) -> tuple[dict[tuple[str, str], Any], list[RowMapping]]:
    """``({(dataset, entry_id): list entry row}, designation relation-change rows)``."""
    rc, le = schema.relation_changes, schema.list_entries
    with store.engine.connect() as conn:
        entries = {(r.dataset, r.entry_id): r for r in conn.execute(select(le))}
        changes = list(conn.execute(select(rc).where(rc.c.dimension == "designation")).mappings())
    return entries, changes


__all__ = ["events", "article", "articles", "counts", "event_dict", "relation_change_dict", "no_gc_pauses",
           "StoreError", "dyad_events", "relation_change_rows", "timeline_event_rows", "article_heads",
           "list_entry_rows", "list_entry", "actor_event_rows", "stance_event_rows", "stance_conditions",
           "stance_months", "top_dyads", "actor_ids", "has_actor", "latest_evidence_days",
           "events_matching", "flat_event_rows", "designation_rows"]
