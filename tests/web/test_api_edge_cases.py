"""API edge cases (issue 11, item 9): deep or huge JSON is a 4xx with a message, LIKE wildcards in
search match only themselves, ``serve --help`` names only what is served."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from detente.cli import app as cli
from detente.web import backend
from detente.web.app import create_app

from .conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize("body", [
    "[" * 100_000 + "]" * 100_000,
    '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}",
    '{"text": "x", "title": ' + "1" * 5000 + "}",
    '{"text": "x", "published": 1e999999}',
])
def test_deep_or_huge_json_is_4xx_with_a_message(fresh_url, stub_extraction, body):
    with TestClient(create_app(fresh_url, token=TOKEN)) as c:
        r = c.post("/api/ingest", content=body.encode(), headers={"Content-Type": "application/json", **AUTH})
    assert 400 <= r.status_code < 500
    assert r.json()["detail"]


def test_json_over_the_body_limit_is_413(client):
    body = b'{"text": "' + b"a" * 1_100_000 + b'"}'
    r = client.post("/api/ingest", content=body, headers={"Content-Type": "application/json", **AUTH})
    assert r.status_code == 413 and r.json()["detail"]


@pytest.mark.parametrize("q", ["%", "_", "%%", "\\"])
def test_search_wildcards_match_only_themselves(client, q):
    html = client.get("/search", params={"q": q}).text
    assert 'id="article-results"' not in html
    assert "No actor called" in html


def test_article_search_escapes_wildcards(store_url):
    store = backend.open_store(store_url)
    assert backend.articles(store, q="%") == []
    assert backend.articles(store, q="t_liban") == []
    assert len(backend.articles(store, q="taliban")) == 3


def test_serve_help_names_only_what_is_served(client):
    result = CliRunner().invoke(cli, ["serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    paths = set(re.findall(r"(?<![\w.])(/[a-z][\w./-]*)", result.output))
    assert "/openapi.json" in paths
    for path in paths:
        path = path.rstrip(".)")
        r = client.get(path) if "ingest" not in path else client.post(path)
        assert r.status_code != 404, path
    assert "--max-extractions" in result.output and "--max-paste-kb" in result.output
