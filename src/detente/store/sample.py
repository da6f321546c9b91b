"""Hand-made store rows for tests and demos (no pipeline needed).

``add_article``, ``add_change`` and ``add_event`` write one row each with SQLAlchemy Core and fill
the derived columns (``day_first``/``day_last``) the way the store does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from detente.models import DateValue
from detente.store import schema


def date_value(value: str | None, precision: str | None = None) -> DateValue | None:
    """A ``DateValue`` from a date string (precision from its length when not given), else None."""
    precision = precision or {4: "year", 7: "month", 10: "day"}.get(len(value or ""))
    if not value or precision is None:
        return None
    try:
        dv = DateValue(value=value, precision=precision)  # type: ignore[arg-type]
        dv.first_day()
    except (ValueError, TypeError):
        return None
    return dv


def add_article(store, text: str, published: str | None = None, title: str | None = None) -> str:
    article_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    with store.engine.begin() as conn:
        exists = conn.execute(schema.articles.select().where(schema.articles.c.id == article_id)).first()
        if exists is None:
            conn.execute(schema.articles.insert().values(
                id=article_id, title=title, text=text, ingested_at="2025-01-01T00:00:00",
                published=dt.date.fromisoformat(published) if published else None, source="test",
            ))
    return article_id


def _days(date: str | None, precision: str | None, date_end: str | None = None):
    dv = date_value(date, precision)
    end = date_value(date_end)
    first = dv.first_day() if dv else None
    last = (end.last_day() if end else dv.last_day()) if dv else None
    return first, last


def add_change(store, source: str, target: str, dimension: str, value: str, date: str | None,
               precision: str | None = None, *, article: str | None = None, dataset: str | None = None,
               external_id: str | None = None, idx: int = 0, sentence: str = "", start: int = 0,
               end: int = 0, confidence: float = 0.9, detail: dict | None = None,
               date_end: str | None = None, rule: str = "test") -> None:
    dv = date_value(date, precision)
    first, last = _days(date, dv.precision if dv else None, date_end)
    extra = {"day_last": last} if "day_last" in schema.relation_changes.c else {}
    with store.engine.begin() as conn:
        conn.execute(schema.relation_changes.insert().values(**extra,
            article_id=article, dataset=dataset, external_id=external_id, idx=idx, source=source,
            target=target, dimension=dimension, value=value, date=date,
            date_precision=dv.precision if dv else None, date_end=date_end, day_first=first,
            detail=detail or {}, sentence=sentence, start=start if article else None,
            end=end if article else None, confidence=confidence, rule=rule,
        ))


def add_event(store, article: str, idx: int, type_: str, source: str, target: str, date: str | None,
              precision: str | None = None, *, status: str = "occurred", goldstein: float | None = 0.0,
              confidence: float = 0.8, sentence: str = "", start: int = 0, end: int = 0,
              cluster_id: int | None = None, mode: str | None = None, **extra: Any) -> None:
    dv = date_value(date, precision)
    first, last = _days(date, dv.precision if dv else None)
    with store.engine.begin() as conn:
        conn.execute(schema.events.insert().values(
            article_id=article, idx=idx, type=type_, mode=mode, context=[], source_id=source,
            target_id=target, source_text=source, target_text=target, date=date,
            date_precision=dv.precision if dv else None, day_first=first, day_last=last,
            status=status, goldstein=goldstein, sentence=sentence or f"{source} {type_} {target}",
            start=start, end=end, confidence=confidence, rule="test", detail={},
            cluster_id=cluster_id, **extra,
        ))
