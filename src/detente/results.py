"""Typed answers of the store: what ``detente.Store`` returns, and what the CLI's ``--format json``
and the web API serialise (``model.to_json()``).

Each model is read from the plain dict its query builds (``Status.model_validate(d)``) and
``to_json()`` gives that dict back unchanged: keys the query left out (a ``note`` on a state
without one, ``also`` on an uncollapsed timeline row) stay out, and keys a later version adds are
kept (``extra="allow"``), so the JSON shape is the query's. The shapes are fixed in DESIGN.md
(``status``) and documented in ``docs/python-api.md``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from detente.models import DyadValue, Event


class Result(BaseModel):
    """Base of the typed answers: extra keys kept, JSON dump without the keys that were not given."""

    model_config = ConfigDict(extra="allow")

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_unset=True)


class Evidence(Result):
    """Where a value comes from: an article span, or a dataset entry."""

    article: str | None = Field(None, description="the id of the article the sentence is in")
    dataset: str | None = None
    external_id: str | None = Field(None, description="the entry's id in the dataset")
    sentence: str | None = None
    start: int | None = Field(None, description="character offset of the sentence in the article's text")
    end: int | None = None


class DimensionState(Result):
    """One dimension of a relation on a date: ``value`` since ``since``, with its evidence."""

    value: str
    since: str | None = None
    since_precision: str | None = None
    evidence: list[Evidence] = []
    detail: dict[str, Any] | None = None
    note: str | None = None


class AgreementState(Result):
    subjects: list[str] = []
    kind: str | None = None
    status: str
    since: str | None = None
    evidence: list[Evidence] = []


class Stance(Result):
    value: float | None = None
    window: str
    events: int = 0


class Conflict(Result):
    """Evidence that disagrees about a dimension (``values``: best-ranked first)."""

    dimension: str
    values: list[dict[str, Any]] = []


class Status(Result):
    """``detente status A B --as-of D`` (DESIGN.md)."""

    source: str
    target: str
    as_of: str
    designation: DimensionState
    representation: DimensionState
    recognition: DimensionState
    agreements: list[AgreementState] = []
    stance: Stance
    conflicts: list[Conflict] = []


class TimelineItem(Result):
    """One row of ``detente timeline``: an event (``kind="event"``, ``type``, Goldstein ``value``)
    or a relation change (``kind="change"``, ``dimension``, ``value``)."""

    date: str | None = None
    date_precision: str | None = None
    kind: str
    type: str | None = None
    dimension: str | None = None
    value: float | str | None = None
    status: str | None = None
    source: str
    target: str
    text: str
    cluster_id: int | None = None
    date_from: str | None = None
    reports: int = 1
    evidence: Evidence
    also: list[Evidence] = []


class WhoRow(Result, DyadValue):
    """One row of ``detente who``."""

    since: str | None = None
    since_precision: str | None = None
    program: str | None = None
    name: str | None = None


class Bullet(Result):
    text: str
    evidence: list[Evidence] = []


class Brief(Result):
    """``detente brief A B --format json``: At a Glance bullets, what changed, a timeline."""

    source: str
    target: str
    as_of: str
    names: dict[str, str] = {}
    bullets: list[Bullet] = []
    what_changed: str = ""
    timeline: list[TimelineItem] = []
    conflicts: list[Conflict] = []


class StoredEvent(Event, Result):
    """An event as stored: the event JSON of DESIGN.md plus its store ``id``, ``article_id``, the
    article's ``published`` date and news source (``source_name``)."""

    id: int
    article_id: str
    published: str | None = None
    source_name: str | None = None


_TIMELINE = TypeAdapter(list[TimelineItem])  # one validation call per list: ~1.7x faster than per item


class StoredArticle(Result):
    """``detente article ID --format json``: one stored article, its text and everything coded from
    it (``sentences``, ``mentions``, ``quotes`` and ``relation_changes`` as the store keeps them)."""

    id: str
    source_id: str | None = Field(None, description="the input's own id (JSONL id, front matter id, RSS guid)")
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = Field(None, description="where it was read from (a file path or a URL)")
    ingested_at: str | None = None
    text: str = ""
    sentences: list[dict[str, Any]] = []
    events: list[StoredEvent] = []
    quotes: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    relation_changes: list[dict[str, Any]] = []


def timeline_items(rows: list[dict[str, Any]]) -> list[TimelineItem]:
    """Timeline rows (``relations.state.timeline``) as ``TimelineItem``s."""
    return _TIMELINE.validate_python(rows)


_EVENTS = TypeAdapter(list[StoredEvent])


def stored_events(rows: list[dict[str, Any]]) -> list[StoredEvent]:
    """Stored event rows (``store.query.events``) as ``StoredEvent``s."""
    return _EVENTS.validate_python(rows)


def dumps(items: list[Result]) -> list[dict[str, Any]]:
    """``to_json()`` of each."""
    return [it.to_json() for it in items]


__all__ = ["AgreementState", "Brief", "Bullet", "Conflict", "DimensionState", "Evidence", "Result", "Stance",
           "Status", "StoredArticle", "StoredEvent", "TimelineItem", "WhoRow", "dumps", "stored_events",
           "timeline_items"]
