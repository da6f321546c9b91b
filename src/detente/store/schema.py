"""The store's tables (SQLAlchemy Core). One ``MetaData`` for SQLite and PostgreSQL.

Bump ``SCHEMA_VERSION`` with every change and record it in ``docs/architecture.md``.

History: 1 — first schema; 2 — ``relation_changes.day_last``, indexes on ``articles.published``,
``articles.ingested_at``, ``quotes.speaker_id``, ``relation_changes.day_first``; 3 (Alembic
``0002``) — ``events.source_key`` / ``events.target_key`` (the actor a side stands for:
``coalesce(id, country)``, filled on insert) and the indexes ``ix_events_key_dyad`` (source_key,
target_key, day_first, id), ``ix_events_key_source`` (source_key, day_first, id) and
``ix_events_key_target`` (target_key, day_first, id), so that actor and dyad queries walk an index
in date order and stop at their ``LIMIT``; 4 (Alembic ``0003``) — the event's place
(``events.location_*``: name, GeoNames id, country, admin-1, lat/lon, precision, start/end; all
nullable) and ``ix_events_location_country`` (location_country, day_first, id); 5 (Alembic
``0004``) — ``articles.source_id`` (the input's own id: JSONL ``id``, front matter ``id``, RSS
guid; nullable, not unique) and ``ix_articles_source_id``; 6 (Alembic ``0005``) — watches and
alerts (``watches``, ``alerts``, ``alert_evidence``, ``webhook_deliveries``; see ``detente.watch``)
and ``relation_changes.recorded_at`` (when the change was stored, UTC ISO 8601; ``detente changes
--recorded-since``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON, Column, Date, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
    UniqueConstraint,
)

from detente.store.columns import columns

SCHEMA_VERSION = 6


def actor_key(actor_id: str | None, country: str | None) -> str | None:
    """The actor an event side stands for: its id, else its country (``"Armenian PM"`` → ARM)."""
    return actor_id if actor_id is not None else country


def _key_default(prefix: str):
    """Column default: the side's key from the inserted row, for inserts that do not give it."""

    def fill(context) -> str | None:
        params = context.get_current_parameters()
        return actor_key(params.get(f"{prefix}_id"), params.get(f"{prefix}_country"))

    return fill


def utc_now() -> str:
    """Now, UTC, ISO 8601 to the second (how the store records when something was written)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")

#: the event's location, one nullable column each (``events.location_<name>``)
LOCATION_COLUMNS = (
    ("name", Text()), ("geonames_id", Integer()), ("country", String(8)), ("admin1", Text()),
    ("lat", Float()), ("lon", Float()), ("precision", String(8)), ("start", Integer()), ("end", Integer()),
)

metadata = MetaData()

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(16), primary_key=True),  # sha256 of normalised text, 16 hex
    Column("title", Text),
    Column("published", Date),
    Column("source", Text),
    Column("url", Text),
    Column("origin", Text),
    Column("source_id", Text),  # the input's own id (JSONL id, front matter id, RSS guid)
    Column("text", Text, nullable=False),
    Column("ingested_at", Text, nullable=False),  # UTC, ISO 8601
    Index("ix_articles_published", "published"),
    Index("ix_articles_ingested", "ingested_at"),
    Index("ix_articles_source_id", "source_id"),
)

def _article_span() -> tuple[Column, ...]:
    """The key (article, position) and the offsets of a row that marks a span of an article."""
    return (Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
            Column("idx", Integer, primary_key=True),
            Column("start", Integer, nullable=False),
            Column("end", Integer, nullable=False))


sentences = Table("sentences", metadata, *_article_span())


def _dating() -> tuple[Column, ...]:
    """The date as coded and the first and last day it (or its span, up to ``date_end``) can mean,
    for range queries."""
    return (Column("date", String(10)), Column("date_precision", String(8)), Column("date_end", String(10)),
            Column("day_first", Date), Column("day_last", Date))


def _side(side: str) -> tuple[Column, ...]:
    """An event's source or target as coded: its actor id, country, sector and the text naming it."""
    return (Column(f"{side}_id", String(64)), Column(f"{side}_country", String(8)),
            Column(f"{side}_sector", String(8)), Column(f"{side}_text", Text))


def _stamp(name: str) -> Column:
    """When the row was written (UTC, ISO 8601)."""
    return Column(name, Text, nullable=False, default=utc_now)


mentions = Table(
    "mentions", metadata, *_article_span(),
    Column("text", Text, nullable=False),
    Column("actor_id", String(64)),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("kind", String(16)),
    Column("score", Float),
    Column("why", Text),
    Index("ix_mentions_actor", "actor_id"),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("context", JSON),
    *_side("source"),
    *_side("target"),
    # coalesce(source_id, source_country): what the actor filters compare with (see query.events)
    Column("source_key", String(64), default=_key_default("source")),
    Column("target_key", String(64), default=_key_default("target")),
    *_dating(),
    Column("status", String(12), nullable=False),
    Column("cameo", String(8)),
    Column("goldstein", Float),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("rule", String(128), nullable=False),
    Column("trigger", Text),
    Column("detail", JSON),
    Column("cluster_id", Integer),
    # where the event happens (detente.places; all null where the text names no place)
    *[Column(f"location_{name}", type_) for name, type_ in LOCATION_COLUMNS],
    UniqueConstraint("article_id", "idx", name="uq_events_article_idx"),
    Index("ix_events_dyad_day", "source_id", "target_id", "day_first"),
    Index("ix_events_target", "target_id", "day_first"),
    Index("ix_events_type", "type"),
    Index("ix_events_day", "day_first"),
    Index("ix_events_key_dyad", "source_key", "target_key", "day_first", "id"),
    Index("ix_events_key_source", "source_key", "day_first", "id"),
    Index("ix_events_key_target", "target_key", "day_first", "id"),
    Index("ix_events_location_country", "location_country", "day_first", "id"),
)

quotes = Table(
    "quotes", metadata,
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("speaker", Text),
    Column("speaker_id", String(64)),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("rule", String(128)),
    Column("confidence", Float),
    Index("ix_quotes_speaker", "speaker_id"),
)

# State changes of a directed relation, from text (article_id set) or a structured source
# (dataset set, e.g. "un-sc"). Never overwritten: the state on a date is computed from all rows.
relation_changes = Table(
    "relation_changes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE")),
    Column("dataset", String(64)),
    Column("external_id", String(128)),  # entry id in the dataset
    Column("idx", Integer, nullable=False, default=0),
    Column("source", String(64), nullable=False),
    Column("target", String(64), nullable=False),
    Column("dimension", String(16), nullable=False),
    Column("value", String(32), nullable=False),
    *_dating(),
    Column("detail", JSON),
    Column("sentence", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("confidence", Float, nullable=False),
    Column("rule", String(128)),
    Column("recorded_at", Text, default=utc_now),  # UTC, ISO 8601: when this row was stored
    UniqueConstraint("article_id", "dataset", "external_id", "idx", name="uq_relation_changes_origin"),
    Index("ix_relchg_dyad", "source", "target", "dimension"),
    Index("ix_relchg_target", "target", "dimension"),
    Index("ix_relchg_day", "day_first"),
    Index("ix_relchg_recorded", "recorded_at", "id"),
)

# Entries imported from sanctions / terrorist lists (UN SC consolidated list, later OFAC, EU…).
list_entries = Table(
    "list_entries", metadata,
    Column("dataset", String(64), primary_key=True),
    Column("entry_id", String(128), primary_key=True),
    Column("schema", String(32), nullable=False),  # FtM-style: Person | Organization | LegalEntity
    Column("name", Text, nullable=False),
    Column("aliases", JSON),
    Column("program", String(128)),
    Column("reference", String(64)),  # e.g. TAi.001
    Column("listed_on", Date),
    Column("delisted_on", Date),
    Column("authority", Text),
    Column("actor_id", String(64)),  # resolved against the actor KB, where it could be
    Column("raw", JSON),
    Index("ix_list_entries_program", "dataset", "program"),
    Index("ix_list_entries_actor", "actor_id"),
)

# Watches: "tell me when a relation of this kind changes" (detente.watch). ``source``/``target`` are
# actor ids or "*"; ``value_in`` the values wanted.
watches = Table(
    "watches", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dimension", String(16), nullable=False),
    Column("source", String(64), nullable=False, default="*"),
    Column("target", String(64), nullable=False, default="*"),
    # value_in: the values the new state must have (null: any); webhook: POST the alert as JSON there
    *columns("value_in:json min_confidence:float min_reports:int webhook:text label:text"),
    _stamp("created_at"),
)

# One alert per change of state a watch matched; later reports of the same change add evidence.
alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("watch_id", Integer, ForeignKey("watches.id", ondelete="CASCADE"), nullable=False),
    *columns("source:str64! target:str64! dimension:str16!"),
    Column("agreement", Text, nullable=False, default=""),  # an agreement's kind and subjects, else ""
    # before/after: the state as {value, since, since_precision}
    *columns("value_before:str32! value_after:str32! before:json after:json"),
    *columns("date:str10 date_precision:str8 day_first:date text:text!"),
    _stamp("created_at"),
    _stamp("updated_at"),
    Index("ix_alerts_watch", "watch_id", "source", "target", "dimension"),
    Index("ix_alerts_created", "created_at", "id"),
)

# The reports an alert rests on: ``origin`` is "article:<id>#<idx>" or "dataset:<name>:<entry>#<idx>".
alert_evidence = Table(
    "alert_evidence", metadata,
    Column("alert_id", Integer, ForeignKey("alerts.id", ondelete="CASCADE"), primary_key=True),
    Column("origin", String(256), primary_key=True),
    *columns("article_id:str16 dataset:str64 external_id:str128 sentence:text start:int end:int"),
    *columns("date:str10 confidence:float"),
    _stamp("added_at"),
)

# Every webhook attempt (``ok`` false until one succeeds; ``error``: the status or the failure).
webhook_deliveries = Table(
    "webhook_deliveries", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", Integer, ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
    *columns("url:text! attempt:int! status_code:int"),
    Column("ok", Integer, nullable=False, default=0),
    Column("error", Text),
    _stamp("sent_at"),
    Index("ix_webhook_alert", "alert_id", "attempt"),
)
