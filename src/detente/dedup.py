"""Cross-article event deduplication: the same real-world event, reported many times, is one cluster.

The clustering here is pure (rows in, a mapping out); ``detente.store.clusters`` reads the rows and
writes ``cluster_id`` (``recluster``) and lists the clusters (``clusters``).

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


__all__ = ["Row", "Thresholds", "cluster_group", "cluster_rows", "group_key", "STATUS_CLASS", "PRECISION_RANK"]
