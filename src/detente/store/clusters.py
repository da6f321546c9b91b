"""Event clusters in the store: ``recluster`` writes ``events.cluster_id`` from the pure clustering
of ``detente.dedup``; ``clusters`` lists them, one row per real-world event."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import and_, bindparam, or_, select, update

from detente.dedup import PRECISION_RANK, Row, Thresholds, cluster_rows
from detente.store import schema as s
from detente.store.query import dyad_events

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
        q = q.where(dyad_events(*dyad))
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


__all__ = ["recluster", "clusters"]
