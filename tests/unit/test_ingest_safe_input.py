"""What a hostile feed can put in an article is refused or neutralised at ingest: links that are not
http(s), publication dates off the calendar (before 1800, after 2100), control characters."""

from __future__ import annotations

import json

import pytest

from detente.ingest import read_paths
from detente.ingest.base import Defaults, IngestError
from detente.ingest.jsonl import article_from_json_line
from detente.ingest.rss import articles_from_feed
from detente.ingest.text import article_from_text
from detente.models import Article

BAD_LINKS = ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>",
             "vbscript:msgbox(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "//evil.example/x",
             "ftp://example.org/a", "file:///etc/passwd"]


def _feed(link: str = "https://example.org/a", pub: str = "Fri, 25 Apr 2025 10:00:00 GMT") -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Envoy</title><link>{link}</link><pubDate>{pub}</pubDate>
<description>Russia accepted an ambassador appointed by the Taliban on Friday.</description></item>
</channel></rss>""".encode()


# -- links --------------------------------------------------------------------------------------


@pytest.mark.parametrize("link", BAD_LINKS)
def test_a_jsonl_url_that_is_not_http_is_dropped_with_a_warning_naming_the_line(link):
    item = article_from_json_line(json.dumps({"text": "Russia met the Taliban.", "url": link}), "f.jsonl:3")
    assert isinstance(item, Article)
    assert item.url is None
    assert len(item.warnings) == 1
    assert item.warnings[0].startswith("f.jsonl:3: ")
    assert "dropped" in item.warnings[0] and "\n" not in item.warnings[0]


@pytest.mark.parametrize("link", ["https://example.org/a?b=1", "http://example.org/", "HTTPS://EXAMPLE.ORG/x"])
def test_http_and_https_urls_are_kept(link):
    item = article_from_json_line(json.dumps({"text": "Russia met the Taliban.", "url": link}), "f.jsonl:1")
    assert item.url == link
    assert item.warnings == []


def test_a_front_matter_javascript_url_is_dropped():
    item = article_from_text("---\nurl: javascript:alert(1)\n---\nRussia met the Taliban.\n", "a.txt")
    assert isinstance(item, Article) and item.url is None
    assert item.warnings and item.warnings[0].startswith("a.txt: ")


def test_an_rss_javascript_link_is_dropped():
    (item,) = list(articles_from_feed(_feed("javascript:alert(1)"), "feed.xml"))
    assert isinstance(item, Article) and item.url is None
    assert item.warnings and item.warnings[0].startswith("feed.xml#entry1: ")


def test_an_rss_https_link_is_kept():
    (item,) = list(articles_from_feed(_feed(), "feed.xml"))
    assert item.url == "https://example.org/a"


# -- publication dates ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["9999-12-31", "1799-12-31", "2101-01-01", "0001-01-01", "9999-01-01T00:00:00Z"])
def test_a_jsonl_date_off_the_calendar_is_refused_naming_the_line(value):
    item = article_from_json_line(json.dumps({"text": "Russia met the Taliban.", "published": value}), "f.jsonl:2")
    assert isinstance(item, IngestError)
    assert str(item).startswith("f.jsonl:2: ") and "1800" in str(item) and "2100" in str(item)


@pytest.mark.parametrize("value", ["1800-01-01", "2100-12-31", "2025-04-25"])
def test_dates_inside_1800_to_2100_are_kept(value):
    item = article_from_json_line(json.dumps({"text": "Russia met the Taliban.", "published": value}), "f.jsonl:2")
    assert isinstance(item, Article) and item.published.isoformat() == value


def test_a_front_matter_date_off_the_calendar_is_refused():
    item = article_from_text("---\npublished: 9999-12-31\n---\nRussia met the Taliban.\n", "a.txt")
    assert isinstance(item, IngestError) and str(item).startswith("a.txt: ")


def test_an_rss_date_off_the_calendar_is_refused():
    (item,) = list(articles_from_feed(_feed(pub="Fri, 31 Dec 9999 10:00:00 GMT"), "feed.xml"))
    assert isinstance(item, IngestError) and str(item).startswith("feed.xml#entry1: ")


def test_a_default_date_off_the_calendar_is_refused(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Russia met the Taliban.\n")
    import datetime as dt

    (item,) = list(read_paths([f], published=dt.date(9999, 1, 1)))
    assert isinstance(item, IngestError)


# -- control characters --------------------------------------------------------------------------


def test_control_characters_are_stripped_from_text_title_and_source_but_tab_and_newline_kept():
    raw = "Russia\x1b[31m met\x07 the\u0085 Taliban\x9b.\tThen\r\nthey left.\x7f\n"
    item = article_from_json_line(json.dumps({"text": raw, "title": "Envoy\x1b]0;pwned\x07",
                                              "source": "Wire\x1b[2J"}), "f.jsonl:1")
    assert isinstance(item, Article)
    assert item.text == "Russia[31m met the Taliban.\tThen\nthey left."
    assert item.title == "Envoy]0;pwned"
    assert item.source == "Wire[2J"


def test_a_text_of_only_control_characters_is_empty():
    item = article_from_text("\x1b\x07\x08\n", "a.txt")
    assert isinstance(item, IngestError) and "empty" in str(item)


def test_stripping_keeps_the_article_id_the_hash_of_the_stored_text():
    from detente.models import article_id

    item = article_from_text("Russia\x1b met the Taliban.", "a.txt", Defaults())
    assert item.id == article_id(item.text)


def test_ingest_warns_naming_the_input_and_stores_the_article_without_its_link(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from detente.cli import app
    from detente.models import ArticleResult
    from detente.store import open_store, query

    monkeypatch.setattr("detente.pipeline.extract_articles", lambda arts, kb=None, **kw: (
        ArticleResult(id=a.id, title=a.title, published=a.published, source=a.source, url=a.url) for a in arts))
    monkeypatch.setattr("detente.actors.load_kb", lambda extra=(): None)
    f = tmp_path / "wire.jsonl"
    f.write_text(json.dumps({"text": "Russia met the Taliban.", "url": "javascript:alert(1)"}) + "\n")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    r = CliRunner().invoke(app, ["ingest", str(f), "--db", db])
    assert r.exit_code == 0, r.output
    assert f"warning: {f}:1: url 'javascript:alert(1)' dropped" in r.output
    (art,) = query.articles(open_store(db))
    assert art["url"] is None
