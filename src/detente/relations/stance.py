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

from detente.models import MAX_YEAR, MIN_YEAR
from detente.relations.dimensions import load_dimensions
from detente.store import query


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


def _counted(since: dt.date | None, until: dt.date | None) -> list:
    """The conditions an event must meet to count for the stance (``day_first`` is its day)."""
    cfg = load_dimensions().stance
    return query.stance_conditions(cfg.statuses, cfg.precisions, FIRST_DAY, LAST_DAY, since, until)


def _rows(store, a: str, b: str, both: bool, since: dt.date | None = None,
          until: dt.date | None = None) -> list[dict]:
    """Counted events (with ``day``: the first day of their date) between ``since`` and ``until``."""
    return query.stance_event_rows(store, a, b, both, _counted(since, until))


def stance_for_status(store, a: str, b: str, as_of: dt.date) -> dict:
    """``status.stance``: directed ``a → b`` over the window ending with ``as_of``."""
    cfg = load_dimensions().stance
    start = _month_start(as_of, cfg.window_months - 1)
    s = score(_rows(store, a, b, both=False, since=start, until=as_of))
    return {"value": s["value"], "window": f"{cfg.window_months} months", "events": s["events"]}


def _monthly(store, a: str, b: str, both: bool, since: dt.date | None, until: dt.date | None) -> dict[str, dict]:
    """``{"2025-04": {value, events, sources}}`` for every month with a counted event: ``score`` of
    the month's events, from the database's one row per month (``query.stance_months``)."""
    lo, hi = load_dimensions().stance.clamp
    out = {}
    for m, num, den, n, n_sources in query.stance_months(store, a, b, both, _counted(since, until)):
        value = round(max(lo, min(hi, float(num) / float(den))), 2) if n else None
        out[m] = {"value": value, "events": int(n), "sources": int(n_sources)}
    return out


def stance_series(store, a: str, b: str, since: str | dt.date | None = None,
                  until: str | dt.date | None = None, directed: bool = False) -> list[dict]:
    """Monthly ``[{month: "2025-04", value, events, sources}]`` (both directions unless ``directed``).

    Every month from ``since`` (default: the first event) to ``until`` (default: the last event)
    is listed; months without events have ``value: None``.
    """
    since_d = dt.date.fromisoformat(since) if isinstance(since, str) else since
    until_d = dt.date.fromisoformat(until) if isinstance(until, str) else until
    by_month = _monthly(store, a, b, not directed, since_d, until_d)
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
