"""The one data model that flows through every stage.

Output models (``ActorRef``, ``Event``, ``RelationChange``, ``Quote``, ``ArticleResult``,
``Extraction``) serialise exactly to the JSON contract of DESIGN.md (``model_dump(mode="json")``).
Fields that are internal to the pipeline are excluded from that dump.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from detente.records import Record

Precision = Literal["day", "month", "year", "decade"]
Status = Literal["occurred", "ongoing", "planned", "negated", "reported"]
Dimension = Literal["designation", "representation", "recognition", "agreements", "stance"]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

DIMENSION_VALUES: dict[str, tuple[str, ...]] = {
    "designation": ("none", "listed", "suspended", "delisted"),
    "representation": (
        "none", "unofficial", "liaison", "charge_d_affaires", "ambassador", "embassy_closed", "expelled",
    ),
    "recognition": ("none", "de_facto", "indirect", "formal", "withdrawn"),
    "agreements": ("proposed", "enabled", "signed", "suspended"),
}


# publication dates outside these years are refused at ingest (a year 9999 breaks date arithmetic)
MIN_YEAR, MAX_YEAR = 1800, 2100

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n?")


def first_error(exc: ValidationError) -> str:
    """"loc.path: message" of the first problem pydantic found (for one-line errors naming the input)."""
    err = exc.errors()[0]
    return f"{'.'.join(str(x) for x in err['loc'])}: {err['msg']}"


def strip_controls(text: str) -> str:
    """``text`` without C0/C1 control characters (and DEL), tab and newline kept; a carriage
    return ends a line (CRLF and a lone CR become a newline). Terminal escape sequences lose their
    ESC and are shown as text, never run."""
    return _CONTROLS.sub("", _NEWLINES.sub("\n", text))


def http_url(value: str | None) -> str | None:
    """``value`` when it is an absolute ``http://`` or ``https://`` URL, else ``None``
    (``javascript:``, ``data:``, ``vbscript:``, relative and other links are never stored)."""
    if not value:
        return None
    scheme, sep, rest = value.partition("://")
    if sep and scheme.lower() in ("http", "https") and rest and not _CONTROLS.search(value) and " " not in rest:
        return value
    return None


def date_in_range(day: dt.date) -> bool:
    return MIN_YEAR <= day.year <= MAX_YEAR


def normalise_for_id(text: str) -> str:
    """The normalisation behind article ids: NFC, unified line ends, trimmed, inner whitespace folded."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return " ".join(text.split())


def article_id(text: str) -> str:
    """``sha256`` of the normalised text, first 16 hex characters (DESIGN.md)."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


class Article(Record):
    """An input article, as read by ``detente.ingest``."""

    id: str
    source_id: str | None = Field(default=None, description="the input's own id (JSONL id, front matter id, RSS guid)")
    title: str | None = None
    text: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = Field(default=None, description="file (and line) it was read from")
    warnings: list[str] = Field(default_factory=list, exclude=True,
                                description="what ingest dropped from the input (one line each, naming it)")

    @classmethod
    def from_text(cls, text: str, **kw: Any) -> "Article":
        return cls(id=article_id(text), text=text, **kw)


class DateValue(BaseModel):
    """A date as the text gives it: ISO 8601 truncated to its precision."""

    model_config = ConfigDict(frozen=True)

    value: str  # "2003", "2015-06", "2025-04-17", "1990" (decade: first year)
    precision: Precision

    def first_day(self) -> dt.date:
        parts = [int(p) for p in self.value.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)

    def last_day(self) -> dt.date:
        start = self.first_day()
        if self.precision == "day":
            return start
        if self.precision == "month":
            if start.month == 12:
                return dt.date(start.year, 12, 31)
            return dt.date(start.year, start.month + 1, 1) - dt.timedelta(days=1)
        if self.precision == "year":
            return dt.date(start.year, 12, 31)
        return dt.date(min(start.year + 9, dt.MAXYEAR), 12, 31)

    @classmethod
    def from_date(cls, d: dt.date) -> "DateValue":
        return cls(value=d.isoformat(), precision="day")


class ActorRef(BaseModel):
    """An event's source or target: an actor id with its country and sector on the event's date."""

    id: str | None = None
    country: str | None = None
    sector: str | None = None
    text: str
    # internal: where the mention stands in the article text (original offsets)
    start: int | None = Field(default=None, exclude=True)
    end: int | None = Field(default=None, exclude=True)


class Mention(ActorRef):
    """An actor mention found in an article: an actor reference with its place (offsets into the
    *cleaned* text of the article, kept in its JSON) and how it was found."""

    start: int
    end: int
    score: float = 1.0
    why: str = ""
    kind: Literal["name", "demonym", "metonym", "person", "compositional", "coref", "generic", "entity"] = "name"
    antecedent: int | None = None  # for coref: index of the mention it refers back to

    def ref(self, text: str | None = None) -> ActorRef:
        return ActorRef(id=self.id, country=self.country, sector=self.sector, text=text or self.text)


class Location(BaseModel):
    """Where an event happens, as the text gives it: a GeoNames place (``detente.places``).
    ``start``/``end``: offsets of the name in the article text."""

    name: str
    geonames_id: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: Literal["city", "province", "country"] = "city"
    start: int = 0
    end: int = 0


class Event(BaseModel):
    type: str
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    source: ActorRef | None = None
    target: ActorRef | None = None
    location: Location | None = None
    date: str | None = None
    date_precision: Precision | None = None
    date_end: str | None = None
    status: Status = "occurred"
    cameo: str | None = None
    goldstein: float | None = None
    sentence: str
    start: int
    end: int
    confidence: float
    rule: str
    # extra (additive to the contract): the words that triggered the event, and its object
    trigger: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict)


class DyadValue(BaseModel):
    """A dimension's value from a source actor towards a target actor: what a relation change, a gold
    change and a ``who`` row have in common."""

    source: str
    target: str
    dimension: str
    value: str


class Dated(BaseModel):
    """When: a date (ISO day, month or year), its precision, and the end of a span."""

    date: str | None = None
    date_precision: Precision | None = None
    date_end: str | None = None


class RelationChange(Dated, DyadValue):
    detail: dict[str, Any] = Field(default_factory=dict)
    sentence: str
    start: int
    end: int
    confidence: float
    rule: str = ""


class Quote(BaseModel):
    speaker: str | None = None
    speaker_id: str | None = None
    text: str
    start: int
    end: int
    rule: str = ""
    confidence: float = 0.8


class ArticleResult(BaseModel):
    id: str
    source_id: str | None = None  # the input's own id (JSONL id, front matter id, RSS guid)
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    events: list[Event] = Field(default_factory=list)
    relation_changes: list[RelationChange] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    # internal: sentences (original offsets) and mentions, persisted by the store
    sentences: list[tuple[int, int]] = Field(default_factory=list, exclude=True)
    mentions: list[Mention] = Field(default_factory=list, exclude=True)
    # internal: every place the article names (original offsets), for evaluation and the store
    places: list[Location] = Field(default_factory=list, exclude=True)


class Extraction(BaseModel):
    detente_version: str
    articles: list[ArticleResult] = Field(default_factory=list)
