"""RSS and Atom feeds (``feedparser``): one article per entry.

- Text: the entry's longest ``content``, else its ``summary``. HTML is turned into text by
  ``trafilatura``; feed snippets are often too short for it, so a plain tag stripper (block
  elements become paragraph breaks) takes over when it returns nothing.
- Metadata: ``title``, ``link`` → url, ``published`` (else ``updated``) → published, the entry's
  ``<source>`` title or the feed's title → source. An entry id (``guid``/``id``) or its link is kept
  as ``Article.origin``; otherwise the origin is ``file#entryN``.
- A malformed feed (feedparser's ``bozo``) is one ``IngestError`` naming the file; nothing of it is
  ingested (a half-recovered feed is not trusted). Harmless encoding notices are not errors.
- ``feedparser`` is always given bytes, never a string it could take for a URL: nothing is fetched.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from detente.ingest.base import BadInput, Defaults, IngestError, feed_leniently, make_article, parse_published
from detente.models import Article

_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "hr",
}
_SKIP = {"script", "style", "noscript", "template"}
_TAG = re.compile(r"<[A-Za-z!/][^>]*>")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def strip_tags(html: str) -> str:
    """Plain text of an HTML fragment: paragraphs kept, inner whitespace folded."""
    parser = _Text()
    feed_leniently(parser, html)
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def looks_like_html(value: str, mime: str | None = None) -> bool:
    if mime and ("html" in mime or "xml" in mime):
        return True
    return bool(_TAG.search(value))


def html_to_text(html: str) -> str:
    """Article text from an HTML fragment: trafilatura first, the tag stripper if it finds nothing."""
    import trafilatura  # heavy import, only when needed

    text = None
    try:
        text = trafilatura.extract(
            f"<html><body><article>{html}</article></body></html>",
            favor_recall=True, include_comments=False, include_tables=False,
        )
    except Exception:  # noqa: BLE001 - a third-party parser failing on a fragment: fall back
        text = None
    fallback = strip_tags(html)
    # trafilatura drops short fragments or parts of them; never keep less than the plain text has
    if not text or len(text) < 0.8 * len(fallback):
        return fallback
    return text


def _entry_text(entry: Any) -> str | None:
    candidates: list[tuple[str, str | None]] = []
    for c in entry.get("content") or []:
        if c.get("value"):
            candidates.append((c["value"], c.get("type")))
    if not candidates:
        summary = entry.get("summary")
        if summary:
            detail = entry.get("summary_detail") or {}
            candidates.append((summary, detail.get("type")))
    if not candidates:
        return None
    value, mime = max(candidates, key=lambda c: len(c[0]))
    if looks_like_html(value, mime):
        return html_to_text(value)
    return value


def _entry_published(entry: Any) -> dt.date | None:
    for key in ("published", "updated"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.timezone.utc).date()
        raw = entry.get(key)
        if raw:
            return parse_published(raw, key)  # BadInput for a date feedparser could not read either
    return None


def _clean_title(value: str | None) -> str | None:
    if not value:
        return None
    return strip_tags(value) if looks_like_html(value) else value


_BENIGN = ("CharacterEncodingOverride", "NonXMLContentType")


def _bozo_reason(exc: BaseException | None) -> str:
    if exc is None:
        return "malformed feed"
    get_line = getattr(exc, "getLineNumber", None)
    msg = getattr(exc, "getMessage", None)
    if callable(get_line) and callable(msg):
        return f"malformed feed (line {get_line()}, column {exc.getColumnNumber()}: {msg()})"
    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return f"malformed feed ({first})"


def articles_from_feed(data: bytes, where: str, defaults: Defaults = Defaults()) -> Iterator[Article | IngestError]:
    """Every entry of an RSS/Atom document as an ``Article`` (or ``IngestError``). Never raises."""
    import feedparser

    if not data.strip():
        yield IngestError(where, "empty file")
        return
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - feedparser should not raise, but be sure
        yield IngestError(where, f"malformed feed ({type(exc).__name__}: {exc})")
        return
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        if type(exc).__name__ not in _BENIGN:
            yield IngestError(where, _bozo_reason(exc))
            return
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        yield IngestError(where, "not an RSS or Atom feed")
        return
    if not entries:
        yield IngestError(where, "feed has no entries")
        return
    feed_title = _clean_title((parsed.get("feed") or {}).get("title"))
    for n, entry in enumerate(entries, start=1):
        at = f"{where}#entry{n}"
        try:
            text = _entry_text(entry)
            if not text or not text.strip():
                raise BadInput("entry has no text (no content or summary)")
            source = _clean_title((entry.get("source") or {}).get("title")) or feed_title
            meta = {
                "title": _clean_title(entry.get("title")),
                "published": _entry_published(entry),
                "url": entry.get("link"),
                "source": source,
                "id": entry.get("id"),  # the guid (RSS) or id (Atom)
            }
            article = make_article(text, meta, defaults, at)
            given = entry.get("id") or entry.get("link")
            if given and str(given).strip():
                article.origin = str(given).strip()
            yield article
        except BadInput as exc:
            yield IngestError(at, str(exc))
