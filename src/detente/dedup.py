"""Cross-article event deduplication: the same real-world event, reported many times, is one cluster.

GDELT counts every report of an event as an event; detente groups the reports into an *event
cluster* (``events.cluster_id``) and counts clusters where it scores relations.

Rules (thresholds in :class:`Thresholds`, documented in ``docs/architecture.md``):

1. Only events of the same PLOVER ``type``, the same directed dyad (``source_id`` → ``target_id``,
   both resolved) and the same status class can be one cluster. Status classes: ``occurred`` /
   ``ongoing`` / ``reported`` are claims that something happened; ``planned`` and ``negated`` are
   kept apart (a denial is not a report of the event).
2. Dates must be compatible: the event's day range ``[day_first, day_last]``, widened by
   ``day_slack`` days on each side for day-precise dates (reports of "Monday's expulsions" dated
   from the publication date land a day late), must intersect the cluster's range. The cluster's
   range is the intersection of its members', so a year-precise background mention joins a
   day-precise cluster inside that year, but cannot chain two different days together.
3. Where the cluster's range is coarser than ``coarse_days`` (a month or a year: "in 2003"), the
   sentences must also be similar (rapidfuzz ``token_set_ratio`` ≥ ``min_similarity`` against the
   cluster's first sentence), because a type and a year alone do not identify one event.

Seeding is deterministic and independent of ingest order: events are visited most precise first,
then by date, article and position, and each joins the first compatible cluster. A cluster's id is
the smallest event id among its members.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlalchemy import and_, bindparam, or_, select, update

from detente.store import schema as s

STATUS_CLASS = {"occurred": "claim", "ongoing": "claim", "reported": "claim", "planned": "planned", "negated": "negated"}
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3}


@dataclass(frozen=True)
class Thresholds:
    day_slack: int = 1
    coarse_days: int = 27
    min_similarity: float = 60.0


@dataclass
class Row:
    """The fields of an event that clustering looks at."""

    id: int
    type: str
    source_id: str | None
    target_id: str | None
    status: str
    day_first: dt.date | None
    day_last: dt.date | None
    date_precision: str | None
    sentence: str
    article_id: str = ""
    idx: int = 0


@dataclass
class _Cluster:
    first: dt.date
    last: dt.date
    sentence: str
    members: list[int] = field(default_factory=list)


def group_key(row: Row) -> tuple[str, str, str, str] | None:
    if not row.source_id or not row.target_id:
        return None
    return (row.type, row.source_id, row.target_id, STATUS_CLASS.get(row.status, row.status))


def _sort_key(row: Row):
    return (
        PRECISION_RANK.get(row.date_precision or "day", 4),
        row.day_first or dt.date.max,
        row.article_id,
        row.idx,
        row.id,
    )


def _shift(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, held at the ends of the calendar (any stored date, even 9999-12-31)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def cluster_group(rows: Sequence[Row], th: Thresholds = Thresholds()) -> dict[int, int]:
    """Cluster events of one group (same type, dyad, status class): event id → cluster id."""
    clusters: list[_Cluster] = []
    undated: list[int] = []
    for row in sorted(rows, key=_sort_key):
        if row.day_first is None or row.day_last is None:
            undated.append(row.id)
            continue
        slack = th.day_slack if (row.date_precision or "day") == "day" else 0
        first, last = _shift(row.day_first, -slack), _shift(row.day_last, slack)
        for c in clusters:
            lo, hi = max(c.first, first), min(c.last, last)
            if lo > hi:
                continue
            if (hi - lo).days > th.coarse_days and fuzz.token_set_ratio(c.sentence, row.sentence) < th.min_similarity:
                continue
            c.first, c.last = lo, hi
            c.members.append(row.id)
            break
        else:
            clusters.append(_Cluster(first, last, row.sentence, [row.id]))
    out: dict[int, int] = {}
    for c in clusters:
        cid = min(c.members)
        out.update({m: cid for m in c.members})
    out.update({i: i for i in undated})  # an undated event is its own cluster
    return out


def cluster_rows(rows: Iterable[Row], th: Thresholds = Thresholds()) -> dict[int, int]:
    """Cluster any events: event id → cluster id (events with an unresolved side stay alone)."""
    groups: dict[tuple, list[Row]] = defaultdict(list)
    out: dict[int, int] = {}
    for row in rows:
        key = group_key(row)
        if key is None:
            out[row.id] = row.id
        else:
            groups[key].append(row)
    for members in groups.values():
        out.update(cluster_group(members, th))
    return out


_COLS = (
    s.events.c.id, s.events.c.type, s.events.c.source_id, s.events.c.target_id, s.events.c.status,
    s.events.c.day_first, s.events.c.day_last, s.events.c.date_precision, s.events.c.sentence,
    s.events.c.article_id, s.events.c.idx,
)


def _rows(conn, where=None) -> list[Row]:
    q = select(*_COLS)
    if where is not None:
        q = q.where(where)
    return [Row(*r) for r in conn.execute(q)]


def recluster(store, article_ids: Sequence[str] | None = None, th: Thresholds = Thresholds()) -> int:
    """Recompute ``cluster_id`` for the groups touched by ``article_ids`` (all events if None).

    One transaction; returns the number of events whose cluster id changed.
    """
    changed = 0
    with store.write() as conn:
        if conn.dialect.name == "postgresql":  # one re-clustering at a time across ingest processes
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242002)")
        if article_ids is None:
            rows = _rows(conn)
        else:
            touched = _rows(conn, s.events.c.article_id.in_(list(article_ids)))
            keys = {(r.type, r.source_id, r.target_id) for r in touched if r.source_id and r.target_id}
            rows = [r for r in touched if not (r.source_id and r.target_id)]
            key_list = sorted(keys)
            for i in range(0, len(key_list), 200):
                chunk = key_list[i:i + 200]
                cond = or_(*[
                    and_(s.events.c.type == t, s.events.c.source_id == a, s.events.c.target_id == b)
                    for t, a, b in chunk
                ])
                rows.extend(_rows(conn, cond))
        ids = [r.id for r in rows]
        current: dict[int, int | None] = {}
        for i in range(0, len(ids), 500):
            current.update(conn.execute(
                select(s.events.c.id, s.events.c.cluster_id).where(s.events.c.id.in_(ids[i:i + 500]))).all())
        mapping = cluster_rows(rows, th)
        updates = [{"eid": eid, "cid": cid} for eid, cid in sorted(mapping.items()) if current.get(eid) != cid]
        if updates:
            conn.execute(
                update(s.events).where(s.events.c.id == bindparam("eid")).values(cluster_id=bindparam("cid")),
                updates,
            )
        changed = len(updates)
    return changed


def clusters(store, *, actor: str | None = None, dyad: tuple[str, str] | None = None,
             type: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
             limit: int | None = None) -> list[dict]:
    """Event clusters with their mentions: one row per real-world event.

    Each: ``cluster_id``, type, source, target, date (the most precise member's), status, ``mentions``
    (events), ``articles``, ``sources`` (distinct news sources), ``first_reported`` /
    ``last_reported`` (publication dates), the representative sentence and the member event ids.
    """
    e, a = s.events, s.articles
    q = select(
        e.c.id, e.c.cluster_id, e.c.type, e.c.source_id, e.c.target_id, e.c.date, e.c.date_precision,
        e.c.status, e.c.sentence, e.c.article_id, e.c.day_first, e.c.goldstein, e.c.cameo,
        a.c.published, a.c.source,
    ).join(a, a.c.id == e.c.article_id)
    if actor:
        q = q.where(or_(e.c.source_id == actor, e.c.target_id == actor))
    if dyad:
        x, y = dyad
        q = q.where(or_(and_(e.c.source_id == x, e.c.target_id == y), and_(e.c.source_id == y, e.c.target_id == x)))
    if type:
        q = q.where(e.c.type == type)
    if since:
        q = q.where(or_(e.c.day_last >= since, e.c.day_last.is_(None)))
    if until:
        q = q.where(or_(e.c.day_first <= until, e.c.day_first.is_(None)))
    groups: dict[int, list] = defaultdict(list)
    with store.engine.connect() as conn:
        for r in conn.execute(q.order_by(e.c.id)):
            groups[r.cluster_id if r.cluster_id is not None else r.id].append(r)
    out = []
    for cid, members in groups.items():
        best = min(members, key=lambda r: (PRECISION_RANK.get(r.date_precision or "day", 4), r.id))
        pubs = sorted(str(r.published) for r in members if r.published)
        out.append({
            "cluster_id": cid, "type": best.type, "source": best.source_id, "target": best.target_id,
            "date": best.date, "date_precision": best.date_precision, "status": best.status,
            "cameo": best.cameo, "goldstein": best.goldstein,
            "mentions": len(members), "articles": len({r.article_id for r in members}),
            "sources": len({r.source for r in members if r.source}) or len({r.article_id for r in members}),
            "first_reported": pubs[0] if pubs else None, "last_reported": pubs[-1] if pubs else None,
            "sentence": best.sentence, "events": sorted(r.id for r in members),
            "_day": best.day_first,
        })
    out.sort(key=lambda c: (c["_day"] or dt.date.max, c["cluster_id"]))
    for c in out:
        del c["_day"]
    return out[:limit] if limit else out


__all__ = ["Row", "Thresholds", "cluster_group", "cluster_rows", "recluster", "clusters"]
