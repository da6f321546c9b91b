"""What every reader shares: the error record, decoding, published dates, building an ``Article``.

Decisions (precision first):
- Input must be UTF-8 (a UTF-8 byte-order mark is accepted). Anything else is reported, with the
  first offending byte, its offset and a hint ("looks like latin-1?"), rather than guessed (no
  silent cp1252 fallback). HTML that *declares* its charset is decoded with it (not a guess).
- A NUL byte means a binary file.
- ``published`` accepts an ISO date (``2025-04-25``), an ISO date-time (``2025-04-25T10:00:00Z``;
  its date part is kept) or an RFC 2822 date (``Fri, 25 Apr 2025 10:00:00 GMT``, as in feeds).
  Anything else (``31/02/2025``) is an error naming the field, never a guess.
- The article id is always ``models.article_id(text)`` (sha256 of the normalised text, DESIGN.md);
  an id given by the input (JSONL ``id``, front matter ``id``, RSS guid) is kept as ``source_id``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from detente.models import MAX_YEAR, MIN_YEAR, Article, date_in_range, http_url, strip_controls


@dataclass
class IngestError:
    """One bad input: where (file, and line for JSONL) and why, in one line."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {' '.join(self.reason.split())}"


class BadInput(Exception):
    """Raised inside a reader; turned into one ``IngestError`` by its caller."""


@dataclass(frozen=True)
class Defaults:
    """What the command line fills in where the input says nothing (``--published``, ``--source``)."""

    published: dt.date | None = None
    source: str | None = None


def feed_leniently(parser: HTMLParser, html: str) -> None:
    """Feed ``html`` to an ``html.parser`` parser and close it, keeping what it gathered when it
    gives up part-way."""
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient, but a handler may meet anything; keep what was gathered
        pass


def decode(data: bytes) -> str:
    """UTF-8 text from bytes (BOM dropped); ``BadInput`` for empty, binary or non-UTF-8 data."""
    if not data.strip():
        raise BadInput("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadInput("not UTF-8 (UTF-16 byte-order mark at offset 0)")
    if b"\x00" in data:
        raise BadInput("binary file (contains NUL bytes), not text")
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + bom
        raise BadInput(
            f"not UTF-8 (byte 0x{data[offset]:02x} at offset {offset}; {encoding_hint(data)}); "
            "convert it to UTF-8 first"
        ) from None


def encoding_hint(data: bytes) -> str:
    """A hint for the user about undecodable bytes: never used to decode anything."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return "unknown encoding"
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return "looks like latin-1?" if controls == 0 else "unknown encoding"


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def parse_published(value: Any, field: str = "published") -> dt.date | None:
    """A publication date from an input field; ``None`` for an empty one; ``BadInput`` if unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return check_published(value.date(), field)
    if isinstance(value, dt.date):
        return check_published(value, field)
    text = str(value).strip()
    try:
        if _ISO_DATE.match(text):
            day = dt.date.fromisoformat(text)
        elif _ISO_DATETIME.match(text):
            day = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00")).date()
        else:
            parsed = email.utils.parsedate_to_datetime(text)
            day = parsed.date() if parsed is not None else None
        if day is not None:
            return check_published(day, field)
    except (ValueError, TypeError, IndexError, OverflowError):
        pass
    shown = text if len(text) <= 40 else text[:37] + "..."
    raise BadInput(f"bad {field} date {shown!r}: expected YYYY-MM-DD")


def check_published(day: dt.date | None, field: str = "published") -> dt.date | None:
    """``day`` when it lies in the years detente stores (1800–2100), else ``BadInput``."""
    if day is not None and not date_in_range(day):
        raise BadInput(f"{field} date {day.isoformat()} is outside {MIN_YEAR}–{MAX_YEAR}")
    return day


def _opt_str(meta: Mapping[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise BadInput(f"field {key!r} must be text, not {type(value).__name__}")
    text = " ".join(strip_controls(str(value)).split())
    return text or None


def checked_url(raw: str | None, origin: str) -> tuple[str | None, list[str]]:
    """(the URL if it is http(s), else ``None``; the warning naming ``origin`` when one is dropped)."""
    if raw is None or http_url(raw) is not None:
        return raw, []
    shown = raw if len(raw) <= 60 else raw[:57] + "..."
    return None, [f"{origin}: url {strip_controls(shown)!r} dropped (only http:// and https:// links are stored)"]


def source_id(value: Any) -> str | None:
    """The input's own id for an article (a string or a number, trimmed), else ``None``."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = " ".join(strip_controls(str(value)).split())
    return text or None


def make_article(text: Any, meta: Mapping[str, Any], defaults: Defaults, origin: str) -> Article:
    """An ``Article`` from body text and metadata (id, title, published/date, source, url).

    The input's values win over ``defaults``. ``BadInput`` for empty text or an unreadable field.
    """
    if text is None:
        raise BadInput("no article text")
    if not isinstance(text, str):
        raise BadInput(f"article text must be a string, not {type(text).__name__}")
    body = text.strip()
    if not body:
        raise BadInput("article text is empty")
    if "\x00" in body:
        raise BadInput("article text contains NUL characters")
    body = strip_controls(body).strip()  # before the text is fixed: every offset indexes the stored text
    if not body:
        raise BadInput("article text is empty")
    if "published" in meta and meta.get("published") not in (None, ""):
        published = parse_published(meta.get("published"), "published")
    else:
        published = parse_published(meta.get("date"), "date")
    url, warnings = checked_url(_opt_str(meta, "url") or _opt_str(meta, "link"), origin)
    return Article.from_text(
        body,
        source_id=source_id(meta.get("id")),
        title=_opt_str(meta, "title"),
        published=published or check_published(defaults.published),
        source=_opt_str(meta, "source") or defaults.source,
        url=url,
        origin=origin,
        warnings=warnings,
    )
