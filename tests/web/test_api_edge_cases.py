"""API edge cases (issue 11, item 9): LIKE wildcards in search match only themselves."""

from __future__ import annotations

import pytest

from detente.web import backend


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
