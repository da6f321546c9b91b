"""Gold-standard records, as every gold reader returns them (one model for YAML and CAMEO XML)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from detente.records import Record
from detente.models import Dated, DyadValue, Precision, Status

#: fields the scorer reports; a gold item says which of them its source can score
#: ``dyad_country``: source and target by id or country (sector ignored; both unknown counts as equal)
EVENT_FIELDS = ("event", "type", "source", "target", "dyad", "dyad_country", "date", "date_within", "status")
ALL_FIELDS = EVENT_FIELDS + ("relation_change", "quote")


class GoldActor(BaseModel):
    """An expected source/target: a detente id, or (id null) a country and sector."""

    model_config = ConfigDict(frozen=True)

    id: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None  # as written in the gold (CAMEO code or id)

    def label(self) -> str:
        if self.id:
            return self.id
        if self.country or self.sector:
            return f"{self.country or '---'}/{self.sector or '---'}"
        return "-"


class GoldEventBase(Dated):
    """What gold says of an event; ``source`` and ``target`` are each subclass's own."""

    type: str
    mode: str | None = None
    status: Status = "occurred"
    sentence: str | None = None  # a substring of the sentence the event comes from
    cameo: str | None = None


class GoldEvent(GoldEventBase):
    source: GoldActor | None = None
    target: GoldActor | None = None


class GoldChange(DyadValue):
    date: str | None = None
    date_precision: Precision | None = None
    subjects: list[str] = Field(default_factory=list)
    sentence: str | None = None


class GoldQuote(BaseModel):
    speaker: str | None = None
    speaker_id: str | None = None
    text_contains: str


class GoldMention(Record):
    """An actor mention as labelled in real-text gold: its text, country, sector and id."""

    text: str
    country: str | None = None
    sector: str | None = None
    id: str | None = None


class GoldLocation(Record):
    """A place an event happens in, as labelled in real-text gold."""

    text: str
    country: str | None = None
    admin1: str | None = None
    precision: Literal["city", "province", "country", "other"] | None = None


class GoldItem(BaseModel):
    """One unit of gold: an article (YAML) or a sentence (CAMEO XML), with what it expects."""

    id: str
    origin: str  # file (and record) it was read from
    kind: Literal["article", "sentence"]
    text: str
    # what it expects
    events: list[GoldEvent] = Field(default_factory=list)
    relation_changes: list[GoldChange] = Field(default_factory=list)
    quotes: list[GoldQuote] = Field(default_factory=list)
    absent: list[str] = Field(default_factory=list)
    # about the text
    published: dt.date | None = None
    title: str | None = None
    source_name: str | None = None
    fields: tuple[str, ...] = ALL_FIELDS  # what this gold can score
    unmapped: list[str] = Field(default_factory=list)  # gold codings left out (no PLOVER type, …)
    category: str | None = None  # real-text gold: the portal's section
    split: str | None = None  # real-text gold: dev | test
    mentions: list[GoldMention] = Field(default_factory=list)
    locations: list[GoldLocation] = Field(default_factory=list)
