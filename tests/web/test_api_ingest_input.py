"""``POST /api/ingest`` stores only http(s) links and strips control characters, like every reader."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from detente.models import ArticleResult
from detente.store import query
from detente.web import backend
from detente.web.app import create_app

from .conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def writer(fresh_url, monkeypatch):
    monkeypatch.setattr(backend, "extract", lambda a: ArticleResult(id=a.id, title=a.title, published=a.published,
                                                                    source=a.source, url=a.url))
    with TestClient(create_app(fresh_url, token=TOKEN)) as c:
        yield c


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "vbscript:msgbox(1)"])
def test_an_api_url_that_is_not_http_is_dropped_with_a_warning(writer, url):
    r = writer.post("/api/ingest", json={"text": "Russia met the Taliban.", "url": url}, headers=AUTH)
    assert r.status_code == 201
    assert any("dropped" in w for w in r.json()["warnings"])
    art = query.article(writer.app.state.store, r.json()["articles"][0]["id"])
    assert art["url"] is None


def test_an_api_https_url_is_stored(writer):
    r = writer.post("/api/ingest?url=https://example.org/a", content=b"Russia met the Taliban.",
                    headers={"Content-Type": "text/plain", **AUTH})
    assert r.status_code == 201 and r.json()["warnings"] == []
    art = query.article(writer.app.state.store, r.json()["articles"][0]["id"])
    assert art["url"] == "https://example.org/a"


def test_api_text_and_title_lose_their_control_characters(writer):
    r = writer.post("/api/ingest", json={"text": "Russia\x1b[31m met the Taliban.", "title": "A\x1b]0;x\x07"},
                    headers=AUTH)
    assert r.status_code == 201
    art = query.article(writer.app.state.store, r.json()["articles"][0]["id"])
    assert art["title"] == "A]0;x"
    assert "\x1b" not in art["text"]
