"""HTML pages: the article text by ``trafilatura``, metadata from the page's own markup.

The publication date is read only from explicit markup (``<meta property="article:published_time">``,
``<meta name="date">``, Dublin Core, ``itemprop="datePublished"``, JSON-LD ``datePublished``,
``<time pubdate>``): ``htmldate`` also guesses dates from the body text, which can pick an event's
date as the publication date, so it is not used.
"""

from __future__ import annotations

import codecs
import json
import re
from html.parser import HTMLParser
from typing import Any

from detente.ingest.base import BadInput, Defaults, IngestError, decode, feed_leniently, make_article
from detente.models import Article

_META_DATE_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "date", "pubdate", "publishdate", "publish-date", "publication_date",
    "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "sailthru.date", "parsely-pub-date",
)


class _HeadScanner(HTMLParser):
    """Collects ``<meta>`` values, ``<time pubdate>``, JSON-LD blocks, ``<title>`` and canonical URL."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.jsonld: list[str] = []
        self.title = ""
        self.canonical: str | None = None
        self._in: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"].strip()
        elif tag == "time" and ("pubdate" in a or a.get("itemprop", "").lower() == "datepublished"):
            if a.get("datetime"):
                self.meta.setdefault("pubdate", a["datetime"].strip())
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.canonical = self.canonical or a["href"].strip()
        elif tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in, self._buf = "jsonld", []
        elif tag == "title" and not self.title:
            self._in, self._buf = "title", []

    def handle_endtag(self, tag: str) -> None:
        if self._in == "jsonld" and tag == "script":
            self.jsonld.append("".join(self._buf))
            self._in = None
        elif self._in == "title" and tag == "title":
            self.title = " ".join("".join(self._buf).split())
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buf.append(data)


def _jsonld_date(blocks: list[str]) -> str | None:
    def walk(node: Any) -> str | None:
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str) and value.strip():
                return value.strip()
            for child in node.values():
                found = walk(child)
                if found:
                    return found
        elif isinstance(node, list):
            for child in node:
                found = walk(child)
                if found:
                    return found
        return None

    for block in blocks:
        try:
            found = walk(json.loads(block))
        except (ValueError, RecursionError):
            continue
        if found:
            return found
    return None


def page_metadata(html: str) -> dict[str, Any]:
    """title, published (as written), url from the page's markup (no guessing from the body)."""
    scanner = _HeadScanner()
    feed_leniently(scanner, html)
    published = next((scanner.meta[k] for k in _META_DATE_KEYS if scanner.meta.get(k)), None)
    published = published or _jsonld_date(scanner.jsonld)
    title = scanner.meta.get("og:title") or scanner.meta.get("twitter:title") or scanner.title or None
    url = scanner.canonical or scanner.meta.get("og:url")
    return {"title": title, "published": published, "url": url}


_WS_LINES = re.compile(r"[ \t]*\n[ \t\n]*\n")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> str:
    """UTF-8 like every input; an HTML page that *declares* another charset is decoded with it."""
    try:
        return decode(data)
    except BadInput:
        declared = _CHARSET.search(data[:4096])
        if not declared:
            raise
        name = declared.group(1).decode("ascii").lower()
        try:
            codecs.lookup(name)
        except LookupError:
            raise BadInput(f"unknown charset {name!r} declared in the page") from None
        if codecs.lookup(name).name == "utf-8":
            raise
        try:
            return data.decode(name)
        except UnicodeDecodeError as exc:
            raise BadInput(f"not {name} as the page declares (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def article_text(html: str) -> str | None:
    """The main text of a page (trafilatura; precision first, then a recall pass for short pages)."""
    import trafilatura  # heavy import, only when HTML is read

    text = trafilatura.extract(html, favor_precision=True, include_comments=False, include_tables=False)
    if not text:
        text = trafilatura.extract(html, favor_recall=True, include_comments=False, include_tables=False)
    return text


_BOILERPLATE = re.compile(r"©|\(c\)\s*\d{4}|copyright|all rights reserved|cookies?\b|privacy|terms of (?:use|service)"
                          r"|sign (?:in|up)|log ?in|subscribe", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")


def has_prose(text: str) -> bool:
    """Whether extracted page text holds at least one sentence that is not boilerplate (a
    copyright line, a cookie or sign-in notice): menus and link lists have none."""
    for line in text.splitlines():
        if _BOILERPLATE.search(line):
            continue
        words = line.split()
        if len(words) >= 8 or (len(words) >= 3 and _SENTENCE_END.search(line)):
            return True
    return False


def article_from_html(html: str, origin: str, defaults: Defaults = Defaults()) -> Article | IngestError:
    try:
        if "<" not in html:
            raise BadInput("not HTML (no markup)")
        text = article_text(html)
        if not text or not text.strip() or not has_prose(text):
            raise BadInput("no article text found in the HTML")
        meta = page_metadata(html)
        if meta["published"]:
            try:
                make_article("x", {"published": meta["published"]}, defaults, origin)
            except BadInput:
                meta["published"] = None  # unreadable page markup is not the user's error: ignore it
        return make_article(text, meta, defaults, origin)
    except BadInput as exc:
        return IngestError(origin, str(exc))
