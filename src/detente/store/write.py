"""Writing one article and its extraction: rows for every table, inserted on a given connection.

The transaction (and the savepoint that makes each article atomic) belongs to the caller,
``Store.save`` / ``Store.save_many``. Nothing here commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from detente.models import Article, ArticleResult, DateValue
from detente.store import schema

_CHUNK = 500  # ids per IN (...) clause


def existing_ids(conn: Connection, ids: Sequence[str]) -> set[str]:
    """The article ids among ``ids`` that are stored."""
    found: set[str] = set()
    unique = sorted(set(ids))
    for i in range(0, len(unique), _CHUNK):
        part = unique[i:i + _CHUNK]
        found.update(conn.execute(select(schema.articles.c.id).where(schema.articles.c.id.in_(part))).scalars())
    return found


def _precision_of(value: str, hint: str | None) -> str:
    n = len(value)
    if n >= 10:
        return "day"
    if n == 7:
        return "month"
    return "decade" if hint == "decade" else "year"


def date_bounds(date: str | None, precision: str | None, date_end: str | None = None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day a date (with its precision, up to ``date_end``) can mean.

    ``("2003", "year")`` → 2003-01-01 … 2003-12-31; ``("2016", "year", "2021")`` → 2016-01-01 …
    2021-12-31. A missing or unreadable date gives ``(None, None)``: no invented days.
    """
    if not date:
        return None, None
    try:
        value = DateValue(value=date, precision=precision or _precision_of(date, None))  # type: ignore[arg-type]
        first, last = value.first_day(), value.last_day()
        if date_end:
            end = DateValue(value=date_end, precision=_precision_of(date_end, precision))  # type: ignore[arg-type]
            last = max(last, end.last_day())
    except (ValueError, TypeError):
        return None, None
    return first, last


def article_row(result: ArticleResult, article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title if article.title is not None else result.title,
        "published": article.published or result.published,
        "source": article.source if article.source is not None else result.source,
        "url": article.url if article.url is not None else result.url,
        "origin": article.origin,
        "source_id": article.source_id if article.source_id is not None else result.source_id,
        "text": article.text,
        "ingested_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def sentence_rows(result: ArticleResult) -> list[dict[str, Any]]:
    return [{"article_id": result.id, "idx": i, "start": s, "end": e} for i, (s, e) in enumerate(result.sentences)]


def mention_rows(result: ArticleResult) -> list[dict[str, Any]]:
    return [
        {
            "article_id": result.id, "idx": i, "start": m.start, "end": m.end, "text": m.text,
            "actor_id": m.id, "country": m.country, "sector": m.sector, "kind": m.kind,
            "score": m.score, "why": m.why,
        }
        for i, m in enumerate(result.mentions)
    ]


def _ref(prefix: str, ref: dict[str, Any] | None) -> dict[str, Any]:
    ref = ref or {}
    return {f"{prefix}_{k}": ref.get(k) for k in ("id", "country", "sector", "text")}


def _key(ref: dict[str, Any] | None) -> str | None:
    """The side's actor key (``schema.actor_key``): its id, else its country."""
    ref = ref or {}
    return schema.actor_key(ref.get("id"), ref.get("country"))


def _location(loc: dict[str, Any] | None) -> dict[str, Any]:
    loc = loc or {}
    return {f"location_{name}": loc.get(name) for name, _type in schema.LOCATION_COLUMNS}


def _common(d: dict[str, Any]) -> dict[str, Any]:
    """The columns events and relation changes share: the date with its days, the evidence, the rule."""
    first, last = date_bounds(d["date"], d["date_precision"], d["date_end"])
    return {"date": d["date"], "date_precision": d["date_precision"], "date_end": d["date_end"],
            "day_first": first, "day_last": last, "sentence": d["sentence"], "start": d["start"], "end": d["end"],
            "confidence": d["confidence"], "rule": d["rule"], "detail": d["detail"]}


def event_rows(result: ArticleResult) -> list[dict[str, Any]]:
    rows = []
    for i, ev in enumerate(result.events):
        d = ev.model_dump(mode="json")
        rows.append({
            "article_id": result.id, "idx": i, "type": d["type"], "mode": d["mode"], "context": d["context"],
            **_ref("source", d["source"]), **_ref("target", d["target"]),
            "source_key": _key(d["source"]), "target_key": _key(d["target"]),
            "status": d["status"], "cameo": d["cameo"], "goldstein": d["goldstein"], "trigger": d["trigger"],
            **_common(d), **_location(d.get("location")),
        })
    return rows


def quote_rows(result: ArticleResult) -> list[dict[str, Any]]:
    return [
        {"article_id": result.id, "idx": i, **q.model_dump(mode="json")}
        for i, q in enumerate(result.quotes)
    ]


def relation_change_rows(result: ArticleResult) -> list[dict[str, Any]]:
    return [{"article_id": result.id, "dataset": None, "external_id": None, "idx": i, "source": d["source"],
             "target": d["target"], "dimension": d["dimension"], "value": d["value"], **_common(d)}
            for i, d in enumerate(ch.model_dump(mode="json") for ch in result.relation_changes)]


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """One ``executemany`` insert (nothing for no rows)."""
    if rows:
        conn.execute(table.insert(), rows)


def insert_article(conn: Connection, result: ArticleResult, article: Article) -> None:
    """Every row of one article, in dependency order. The caller owns the transaction."""
    insert_rows(conn, schema.articles, [article_row(result, article)])
    insert_rows(conn, schema.sentences, sentence_rows(result))
    insert_rows(conn, schema.mentions, mention_rows(result))
    insert_rows(conn, schema.events, event_rows(result))
    insert_rows(conn, schema.quotes, quote_rows(result))
    insert_rows(conn, schema.relation_changes, relation_change_rows(result))
