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
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import and_, or_, select

from detente.relations.dimensions import load_dimensions
from detente.store import schema


def _month_start(d: dt.date, back: int = 0) -> dt.date:
    idx = d.year * 12 + d.month - 1 - back
    return dt.date(idx // 12, idx % 12 + 1, 1)


def _event_day(row) -> dt.date | None:
    from detente.relations.state import date_value

    dv = date_value(row["date"], row["date_precision"])
    return dv.first_day() if dv else row.get("day_first")


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


def _rows(store, a: str, b: str, both: bool) -> list[dict]:
    cfg = load_dimensions().stance
    e = schema.events
    pair = and_(e.c.source_id == a, e.c.target_id == b)
    if both:
        pair = or_(pair, and_(e.c.source_id == b, e.c.target_id == a))
    q = select(e.c.article_id, e.c.idx, e.c.date, e.c.date_precision, e.c.day_first, e.c.status,
               e.c.goldstein, e.c.confidence, e.c.cluster_id).where(
        pair, e.c.status.in_(cfg.statuses), e.c.date_precision.in_(cfg.precisions))
    with store.engine.connect() as conn:
        out = []
        for r in conn.execute(q):
            m = dict(r._mapping)
            m["day"] = _event_day(m)
            if m["day"] is not None:
                out.append(m)
    return out


def stance_for_status(store, a: str, b: str, as_of: dt.date) -> dict:
    """``status.stance``: directed ``a → b`` over the window ending with ``as_of``."""
    cfg = load_dimensions().stance
    start = _month_start(as_of, cfg.window_months - 1)
    rows = [r for r in _rows(store, a, b, both=False) if start <= r["day"] <= as_of]
    s = score(rows)
    return {"value": s["value"], "window": f"{cfg.window_months} months", "events": s["events"]}


def stance_series(store, a: str, b: str, since: str | dt.date | None = None,
                  until: str | dt.date | None = None, directed: bool = False) -> list[dict]:
    """Monthly ``[{month: "2025-04", value, events, sources}]`` (both directions unless ``directed``).

    Every month from ``since`` (default: the first event) to ``until`` (default: the last event)
    is listed; months without events have ``value: None``.
    """
    since_d = dt.date.fromisoformat(since) if isinstance(since, str) else since
    until_d = dt.date.fromisoformat(until) if isinstance(until, str) else until
    rows = _rows(store, a, b, both=not directed)
    rows = [r for r in rows if (since_d is None or r["day"] >= since_d) and (until_d is None or r["day"] <= until_d)]
    if not rows and (since_d is None or until_d is None):
        return []
    first = _month_start(since_d or min(r["day"] for r in rows))
    last = _month_start(until_d or max(r["day"] for r in rows))
    by_month: dict[dt.date, list[dict]] = defaultdict(list)
    for r in rows:
        by_month[_month_start(r["day"])].append(r)
    out = []
    m = first
    while m <= last:
        s = score(by_month.get(m, []))
        out.append({"month": m.strftime("%Y-%m"), **s})
        m = _month_start(m, -1)
    return out
