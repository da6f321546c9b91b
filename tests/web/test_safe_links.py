"""Links are safe (issue 11, item 1): a page links a stored URL only if it is http(s)://.

The URLs are written straight into the store, past any check at ingest: the templates must not trust it.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from detente.models import Article
from detente.store import schema
from detente.web import backend, views
from detente.web.app import create_app

from .conftest import fake_extract


def stored_article_with_url(url: str, db_url: str, url_value: str) -> str:
    """An article whose stored ``url`` is exactly ``url_value`` (written past any ingest-side check)."""
    store = backend.open_store(db_url)
    article = Article.from_text(f"Russia met China about {url}.", title="Linked", source="wire")
    backend.save(store, fake_extract(article), article)
    with store.write() as conn:
        conn.execute(update(schema.articles).where(schema.articles.c.id == article.id).values(url=url_value))
    store.engine.dispose()
    return article.id


# --- 1. links are safe -------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example/x", "http:/one-slash",
])
def test_article_page_never_links_an_unsafe_url(fresh_url, url):
    art_id = stored_article_with_url("x", fresh_url, url)
    with TestClient(create_app(fresh_url)) as c:
        html = c.get(f"/article/{art_id}").text
    assert ">original</a>" not in html
    links = re.findall(r'<a\b[^>]*\bhref="([^"]*)"', html)
    assert links and not [h for h in links if not h.startswith(("/", "?", "#")) or h.startswith("//")], links


def test_article_page_links_an_http_url(fresh_url):
    art_id = stored_article_with_url("x", fresh_url, "https://news.example/a?b=1&c=2")
    with TestClient(create_app(fresh_url)) as c:
        html = c.get(f"/article/{art_id}").text
    assert '<a href="https://news.example/a?b=1&amp;c=2" rel="noopener noreferrer">original</a>' in html


def test_http_url_filter_keeps_only_web_links():
    assert views.http_url("https://a.example/x") == "https://a.example/x"
    assert views.http_url(" HTTP://a.example ") == "HTTP://a.example"
    for bad in ("javascript:alert(1)", "data:,x", "ftp://a.example", "https://", "http://a b", "", None, 42,
                "https://a.example/\x00x"):
        assert views.http_url(bad) is None, bad
