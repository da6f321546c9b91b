"""Stance: a Goldstein-weighted score in [-10, 10] of the events between two actors.

- Events count when their status is in ``stance.statuses`` and their date can be placed in a
  month (precision in ``stance.precisions``) — a background "in 2003" cannot.
- Events of one cluster (``cluster_id`` set: the same happening reported by several articles)
  count once: the cluster's Goldstein value is the mean of its events', its weight their best
  confidence. Events without a cluster are their own cluster.
- The score is the confidence-weighted mean of the clusters' Goldstein values, clamped.
- ``events`` counts clusters, ``sources`` distinct articles.
- The status window is the ``window_months`` calendar months ending with the month of ``as_of``
  (events after ``as_of`` excluded), directed ``source → target``; the chart uses both directions.
- An event's day is ``events.day_first`` (the first day its date can mean). Only the window's
  events are read for ``status``; the monthly series is aggregated by the database (one row per
  month), not in Python.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import and_, case, func, or_, select

from detente.models import MAX_YEAR, MIN_YEAR
from detente.relations.dimensions import load_dimensions
from detente.store import schema


# events dated outside these days do not count for the stance (a stored year 9999 would make the
# monthly series run for eight thousand years, and month arithmetic leave the calendar)
FIRST_DAY, LAST_DAY = dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 31)


def _month_start(d: dt.date, back: int = 0) -> dt.date:
    """The first day of the month ``back`` months before ``d``'s (held inside the calendar)."""
    idx = d.year * 12 + d.month - 1 - back
    idx = max(dt.MINYEAR * 12, min(dt.MAXYEAR * 12 + 11, idx))
    return dt.date(idx // 12, idx % 12 + 1, 1)


def score(rows: Iterable[dict]) -> dict:
    """``{value, events, sources}`` for event rows (mappings with goldstein, confidence, cluster_id…)."""
    cfg = load_dimensions().stance
    clusters: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        if r.get("goldstein") is None:
            continue
        key = ("c", r["cluster_id"]) if r.get("cluster_id") is not None else ("e", r.get("article_id"), r.get("idx"))
        clusters[key].append(r)
    num = den = 0.0
    sources = set()
    for key in sorted(clusters, key=repr):
        members = clusters[key]
        g = sum(float(m["goldstein"]) for m in members) / len(members)
        w = max(float(m.get("confidence") or 0.0) for m in members) or 1e-9
        num += w * g
        den += w
        sources.update(m.get("article_id") for m in members)
    if not clusters:
        return {"value": None, "events": 0, "sources": 0}
    lo, hi = cfg.clamp
    value = round(max(lo, min(hi, num / den)), 2)
    return {"value": value, "events": len(clusters), "sources": len(sources)}


def _pair(a: str, b: str, both: bool):
    """Events ``a → b`` (and ``b → a`` with ``both``) by actor id.

    The ``source_key``/``target_key`` equalities add nothing logically (a side with id ``a`` has
    key ``a``) but let the database walk ``ix_events_key_dyad`` in ``day_first`` order.
    """
    e = schema.events

    def one(s: str, t: str):
        return and_(e.c.source_key == s, e.c.target_key == t, e.c.source_id == s, e.c.target_id == t)

    return or_(one(a, b), one(b, a)) if both and a != b else one(a, b)


def _counted(a: str, b: str, both: bool, since: dt.date | None, until: dt.date | None) -> list:
    """The conditions an event must meet to count for the stance (``day_first`` is its day)."""
    cfg = load_dimensions().stance
    e = schema.events
    where = [_pair(a, b, both), e.c.status.in_(cfg.statuses), e.c.date_precision.in_(cfg.precisions),
             e.c.day_first.is_not(None), e.c.day_first >= FIRST_DAY, e.c.day_first <= LAST_DAY]
    if since is not None:
        where.append(e.c.day_first >= since)
    if until is not None:
        where.append(e.c.day_first <= until)
    return where


def _rows(store, a: str, b: str, both: bool, since: dt.date | None = None,
          until: dt.date | None = None) -> list[dict]:
    """Counted events (with ``day``: the first day of their date) between ``since`` and ``until``."""
    e = schema.events
    q = select(e.c.article_id, e.c.idx, e.c.date, e.c.date_precision, e.c.day_first, e.c.status,
               e.c.goldstein, e.c.confidence, e.c.cluster_id).where(*_counted(a, b, both, since, until))
    with store.engine.connect() as conn:
        out = []
        for r in conn.execute(q):
            m = dict(r._mapping)
            m["day"] = m["day_first"]
            out.append(m)
    return out


def stance_for_status(store, a: str, b: str, as_of: dt.date) -> dict:
    """``status.stance``: directed ``a → b`` over the window ending with ``as_of``."""
    cfg = load_dimensions().stance
    start = _month_start(as_of, cfg.window_months - 1)
    s = score(_rows(store, a, b, both=False, since=start, until=as_of))
    return {"value": s["value"], "window": f"{cfg.window_months} months", "events": s["events"]}


def _month_of(conn, day):
    if conn.dialect.name == "postgresql":
        return func.to_char(day, "YYYY-MM")
    return func.substr(day, 1, 7)  # SQLite keeps dates as ISO text


def _monthly(conn, a: str, b: str, both: bool, since: dt.date | None, until: dt.date | None) -> dict[str, dict]:
    """``{"2025-04": {value, events, sources}}`` for every month with a counted event: ``score`` of
    the month's events, computed by the database (one row per month comes back).

    Events without a Goldstein value do not score (as in ``score``) but their month is listed.
    """
    cfg = load_dimensions().stance
    e = schema.events
    month = _month_of(conn, e.c.day_first).label("month")
    scored = e.c.goldstein.is_not(None)
    # one row per (month, cluster — its cluster_id, else the event itself): mean Goldstein value
    # and weight (best confidence, never 0) of its members that have a Goldstein value
    best = func.max(case((scored, e.c.confidence)))
    clusters = (
        select(month, func.avg(e.c.goldstein).label("g"),
               case((func.coalesce(best, 0) == 0, 1e-9), else_=best).label("w"))
        .where(*_counted(a, b, both, since, until))
        .group_by(month, e.c.cluster_id, case((e.c.cluster_id.is_(None), e.c.id)))
        .subquery()
    )
    c = clusters.c
    has_g = c.g.is_not(None)
    per_month = select(c.month, func.sum(case((has_g, c.w * c.g))), func.sum(case((has_g, c.w))),
                       func.count(c.g)).group_by(c.month)
    sources = (select(month, func.count(case((scored, e.c.article_id)).distinct()))
               .where(*_counted(a, b, both, since, until)).group_by(month))
    n_sources = dict(conn.execute(sources).all())
    lo, hi = cfg.clamp
    out = {}
    for m, num, den, n in conn.execute(per_month):
        value = round(max(lo, min(hi, float(num) / float(den))), 2) if n else None
        out[m] = {"value": value, "events": int(n), "sources": int(n_sources.get(m) or 0)}
    return out


def stance_series(store, a: str, b: str, since: str | dt.date | None = None,
                  until: str | dt.date | None = None, directed: bool = False) -> list[dict]:
    """Monthly ``[{month: "2025-04", value, events, sources}]`` (both directions unless ``directed``).

    Every month from ``since`` (default: the first event) to ``until`` (default: the last event)
    is listed; months without events have ``value: None``.
    """
    since_d = dt.date.fromisoformat(since) if isinstance(since, str) else since
    until_d = dt.date.fromisoformat(until) if isinstance(until, str) else until
    with store.engine.connect() as conn:
        by_month = _monthly(conn, a, b, not directed, since_d, until_d)
    if not by_month and (since_d is None or until_d is None):
        return []
    first = _month_start(max(since_d, FIRST_DAY)) if since_d else _parse_month(min(by_month))
    last = _month_start(min(until_d, LAST_DAY)) if until_d else _parse_month(max(by_month))
    empty = {"value": None, "events": 0, "sources": 0}
    out = []
    m = first
    while m <= last:
        key = m.strftime("%Y-%m")
        out.append({"month": key, **by_month.get(key, empty)})
        if m.year == dt.MAXYEAR and m.month == 12:
            break
        m = _month_start(m, -1)
    return out


def _parse_month(value: str) -> dt.date:
    return dt.date(int(value[:4]), int(value[5:7]), 1)
