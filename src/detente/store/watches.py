"""SQL for watches, alerts, webhook attempts, list delistings and the change feed (``detente.watch``).

Functions taking a ``conn`` run inside the caller's transaction (so alerts are written with the
articles or the list import that caused them); functions taking a ``store`` open their own.
Every row comes back as a plain dict (dates as ISO strings).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.engine import Connection

from detente.store import schema

W, AL, EV, WD = schema.watches, schema.alerts, schema.alert_evidence, schema.webhook_deliveries
RC, LE, ART = schema.relation_changes, schema.list_entries, schema.articles
_CHUNK = 500


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _plain(row: Any) -> dict[str, Any]:
    return {k: _iso(v) for k, v in row._mapping.items()}


# --------------------------------------------------------------------------- watches


def insert_watch(store, row: dict[str, Any]) -> dict[str, Any]:
    with store.write() as conn:
        new_id = conn.execute(W.insert().values(**row).returning(W.c.id)).scalar_one()
        return _plain(conn.execute(select(W).where(W.c.id == new_id)).one())


def watch_rows(conn: Connection, ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    q = select(W).order_by(W.c.id)
    if ids is not None:
        q = q.where(W.c.id.in_(list(ids)))
    return [_plain(r) for r in conn.execute(q)]


def delete_watch(store, watch_id: int) -> bool:
    """Remove a watch with its alerts (their evidence and webhook attempts go with them)."""
    with store.write() as conn:
        alert_ids = select(AL.c.id).where(AL.c.watch_id == watch_id)
        conn.execute(delete(WD).where(WD.c.alert_id.in_(alert_ids)))
        conn.execute(delete(EV).where(EV.c.alert_id.in_(alert_ids)))
        conn.execute(delete(AL).where(AL.c.watch_id == watch_id))
        return conn.execute(delete(W).where(W.c.id == watch_id)).rowcount > 0


# --------------------------------------------------------------------------- changes read for alerts


def article_change_rows(conn: Connection, article_ids: Sequence[str]) -> list[Any]:
    """The relation change rows of these articles."""
    out: list[Any] = []
    unique = sorted(set(article_ids))
    for i in range(0, len(unique), _CHUNK):
        out.extend(conn.execute(select(RC).where(RC.c.article_id.in_(unique[i:i + _CHUNK]))).all())
    return out


def dataset_change_rows(conn: Connection, dataset: str) -> list[Any]:
    """The relation change rows a list import wrote (not those of articles)."""
    return list(conn.execute(select(RC).where(RC.c.dataset == dataset, RC.c.article_id.is_(None))))


def pair_change_rows(conn: Connection, source: str, target: str, dimension: str) -> list[Any]:
    return list(conn.execute(select(RC).where(RC.c.source == source, RC.c.target == target,
                                              RC.c.dimension == dimension)))


def article_event_rows(conn: Connection, article_ids: Sequence[str]) -> list[Any]:
    """The events of these articles that have both actor ids (what stance watches look at)."""
    e = schema.events
    out: list[Any] = []
    unique = sorted(set(article_ids))
    for i in range(0, len(unique), _CHUNK):
        out.extend(conn.execute(select(e.c.article_id, e.c.idx, e.c.source_id, e.c.target_id, e.c.day_first,
                                       e.c.date, e.c.date_precision, e.c.status, e.c.sentence, e.c.start,
                                       e.c.end, e.c.confidence)
                                .where(e.c.article_id.in_(unique[i:i + _CHUNK]), e.c.source_id.is_not(None),
                                       e.c.target_id.is_not(None), e.c.day_first.is_not(None))).all())
    return out


# --------------------------------------------------------------------------- alerts


def lock_alerts(conn: Connection) -> None:
    """On PostgreSQL, one writer of alerts at a time until the transaction ends (two ingests of the same
    change must not both find no alert and make two); SQLite's write transactions are serial already."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242013)")


def alerts_of(conn: Connection, watch_id: int, source: str, target: str, dimension: str,
              agreement: str) -> list[dict[str, Any]]:
    """A watch's alerts on one relation, oldest first."""
    q = select(AL).where(AL.c.watch_id == watch_id, AL.c.source == source, AL.c.target == target,
                         AL.c.dimension == dimension, AL.c.agreement == agreement).order_by(AL.c.id)
    return [_plain(r) for r in conn.execute(q)]


def insert_alert(conn: Connection, row: dict[str, Any]) -> int:
    return conn.execute(AL.insert().values(**row).returning(AL.c.id)).scalar_one()


def add_evidence(conn: Connection, alert_id: int, evidence: dict[str, Any]) -> bool:
    """Add one report to an alert; ``False`` if the alert already has it."""
    have = conn.execute(select(EV.c.origin).where(EV.c.alert_id == alert_id,
                                                  EV.c.origin == evidence["origin"])).first()
    if have is not None:
        return False
    conn.execute(EV.insert().values(alert_id=alert_id, **evidence))
    conn.execute(AL.update().where(AL.c.id == alert_id).values(updated_at=schema.utc_now()))
    return True


def alert_rows(store, *, since: dt.date | None = None, watch_id: int | None = None,
               ids: Sequence[int] | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Alerts newest first (by date of the change, then id), each with ``evidence`` (article title and
    URL joined) and its watch's ``webhook``. ``since``: changes dated on or after that day."""
    q = select(AL, W.c.label.label("watch_label")).join(W, W.c.id == AL.c.watch_id)
    if since is not None:
        q = q.where(AL.c.day_first >= since)
    if watch_id is not None:
        q = q.where(AL.c.watch_id == watch_id)
    if ids is not None:
        q = q.where(AL.c.id.in_(list(ids)))
    q = q.order_by(AL.c.day_first.is_(None), AL.c.day_first.desc(), AL.c.id.desc())
    if limit is not None:
        q = q.limit(limit)
    with store.read() as conn:
        rows = [_plain(r) for r in conn.execute(q)]
        evidence: dict[int, list[dict[str, Any]]] = {r["id"]: [] for r in rows}
        ids_ = list(evidence)
        for i in range(0, len(ids_), _CHUNK):
            eq = (select(EV, ART.c.title, ART.c.url, ART.c.published)
                  .outerjoin(ART, ART.c.id == EV.c.article_id)
                  .where(EV.c.alert_id.in_(ids_[i:i + _CHUNK])).order_by(EV.c.alert_id, EV.c.added_at, EV.c.origin))
            for e in conn.execute(eq):
                evidence[e.alert_id].append(_plain(e))
    for r in rows:
        r["evidence"] = evidence[r["id"]]
    return rows


# --------------------------------------------------------------------------- webhooks


def log_attempt(store, row: dict[str, Any]) -> None:
    with store.write() as conn:
        conn.execute(WD.insert().values(**row))


def delivery_rows(store, alert_id: int | None = None) -> list[dict[str, Any]]:
    q = select(WD).order_by(WD.c.id)
    if alert_id is not None:
        q = q.where(WD.c.alert_id == alert_id)
    with store.read() as conn:
        return [_plain(r) for r in conn.execute(q)]


def undelivered(store, alert_ids: Iterable[int] | None = None) -> list[dict[str, Any]]:
    """Alerts whose watch has a webhook and that no attempt delivered yet, with ``webhook`` and
    ``attempts`` made so far."""
    made = (select(WD.c.alert_id, func.count().label("attempts"), func.max(WD.c.ok).label("ok"))
            .group_by(WD.c.alert_id).subquery())
    q = (select(AL.c.id, W.c.webhook, func.coalesce(made.c.attempts, 0).label("attempts"))
         .join(W, W.c.id == AL.c.watch_id).outerjoin(made, made.c.alert_id == AL.c.id)
         .where(W.c.webhook.is_not(None), or_(made.c.ok.is_(None), made.c.ok == 0)).order_by(AL.c.id))
    if alert_ids is not None:
        q = q.where(AL.c.id.in_(list(alert_ids)))
    with store.read() as conn:
        return [_plain(r) for r in conn.execute(q)]


# --------------------------------------------------------------------------- the change feed


def change_page(store, *, since: dt.date | None, recorded_since: str | None, dimension: str | None,
                after: tuple | None, limit: int) -> list[dict[str, Any]]:
    """Relation change rows in a stable order, ``limit`` from the keyset position ``after``.

    With ``recorded_since`` the order is (recorded_at, id) and ``after`` is (recorded_at, id);
    otherwise (day_first, id) and ``after`` is (day_first, id); undated changes never match ``since``.
    """
    q = select(RC, ART.c.title, ART.c.url).outerjoin(ART, ART.c.id == RC.c.article_id)
    if recorded_since is not None:
        order = (RC.c.recorded_at, RC.c.id)
        q = q.where(RC.c.recorded_at >= recorded_since)
    else:
        order = (RC.c.day_first, RC.c.id)
        q = q.where(RC.c.day_first.is_not(None))
    if since is not None:
        q = q.where(RC.c.day_first >= since)
    if dimension is not None:
        q = q.where(RC.c.dimension == dimension)
    if after is not None:
        first, last_id = after
        q = q.where(or_(order[0] > first, and_(order[0] == first, RC.c.id > last_id)))
    q = q.order_by(*order).limit(limit)
    with store.read() as conn:
        return [_plain(r) for r in conn.execute(q)]


# --------------------------------------------------------------------------- list delistings

_LIST_DATE = "list_date:{}"


def stored_list_date(conn: Connection, dataset: str) -> dt.date | None:
    row = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == _LIST_DATE.format(dataset))).first()
    return dt.date.fromisoformat(row[0]) if row else None


def set_list_date(conn: Connection, dataset: str, day: dt.date) -> None:
    key = _LIST_DATE.format(dataset)
    if conn.execute(select(schema.meta.c.key).where(schema.meta.c.key == key)).first() is None:
        conn.execute(schema.meta.insert().values(key=key, value=day.isoformat()))
    else:
        conn.execute(schema.meta.update().where(schema.meta.c.key == key).values(value=day.isoformat()))


def delist_missing(conn: Connection, dataset: str, present: set[str], day: dt.date, rule: str,
                   sentence: str) -> list[str]:
    """Mark the stored entries of ``dataset`` absent from ``present`` as delisted on ``day``.

    Each gets ``list_entries.delisted_on`` and a ``delisted`` designation change (index 1, after
    its listing at index 0) with the listing's source, target and detail. ``sentence`` is formatted
    with ``name``, ``ref`` and ``day``. Entries already delisted are left alone. Returns their ids.
    """
    gone = [r for r in conn.execute(select(LE).where(LE.c.dataset == dataset, LE.c.delisted_on.is_(None)))
            if r.entry_id not in present]
    out = []
    for entry in gone:
        listing = conn.execute(select(RC).where(RC.c.dataset == dataset, RC.c.external_id == entry.entry_id,
                                                RC.c.article_id.is_(None)).order_by(RC.c.idx)).first()
        if listing is None:
            continue
        conn.execute(LE.update().where(LE.c.dataset == dataset, LE.c.entry_id == entry.entry_id)
                     .values(delisted_on=day))
        conn.execute(delete(RC).where(RC.c.dataset == dataset, RC.c.external_id == entry.entry_id,
                                      RC.c.article_id.is_(None), RC.c.idx > listing.idx))
        conn.execute(RC.insert().values(
            article_id=None, dataset=dataset, external_id=entry.entry_id, idx=listing.idx + 1,
            source=listing.source, target=listing.target, dimension="designation", value="delisted",
            date=day.isoformat(), date_precision="day", day_first=day, day_last=day, detail=listing.detail,
            sentence=sentence.format(name=entry.name, ref=entry.reference or entry.entry_id, day=day.isoformat()),
            start=None, end=None, confidence=1.0, rule=rule,
        ))
        out.append(entry.entry_id)
    return out
