"""The front-matter, JSON Lines and feed parsers never crash: any input is an Article or an IngestError."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.ingest.base import Defaults
from detente.ingest.jsonl import article_from_json_line, articles_from_json, articles_from_jsonl
from detente.ingest.rss import articles_from_feed
from detente.ingest.text import article_from_text, split_front_matter
from detente.ingest.base import IngestError
from detente.models import Article, article_id, strip_controls

OK = (Article, IngestError)

yaml_values = st.one_of(
    st.text(max_size=30), st.integers(), st.none(), st.booleans(),
    st.sampled_from(["2025-04-25", "2025-02-31", "25/04/2025", "2025-04-25T10:00:00Z", "Fri, 25 Apr 2025 10:00:00 GMT"]),
    st.lists(st.text(max_size=5), max_size=3),
)
keys = st.sampled_from(["title", "published", "date", "source", "url", "id", "other"])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_an_article_or_an_error(text):
    assert isinstance(article_from_text(text, "x.txt"), OK)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=200))
def test_any_front_matter_block_is_an_article_or_an_error(raw_meta, body):
    item = article_from_text(f"---\n{raw_meta}\n---\n{body}", "x.txt")
    assert isinstance(item, OK)
    if isinstance(item, IngestError):
        assert "\n" not in str(item)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(keys, yaml_values, max_size=5), st.text(min_size=1, max_size=100).filter(lambda s: s.strip() and "\x00" not in s))
def test_structured_front_matter_keeps_the_body_exactly(meta, body):
    lines = "\n".join(f"{k}: {json.dumps(v)}" for k, v in meta.items())
    doc = f"---\n{lines}\n---\n{body}"
    item = article_from_text(doc, "x.txt")
    assert isinstance(item, OK)
    if isinstance(item, Article):
        _, rest = split_front_matter(doc)
        assert item.text == strip_controls(rest.strip()).strip()  # control characters never stored
        assert item.id == article_id(item.text)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_any_jsonl_line_is_an_article_an_error_or_blank(line):
    item = article_from_json_line(line, "x.jsonl:1")
    assert item is None or isinstance(item, OK)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "title", "text", "published", "url", "source"]),
                       st.one_of(yaml_values, st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)), max_size=6))
def test_any_json_object_line_is_an_article_or_an_error(obj):
    item = article_from_json_line(json.dumps(obj), "x.jsonl:1")
    assert isinstance(item, OK)
    if isinstance(item, IngestError):
        assert str(item).startswith("x.jsonl:1: ") and "\n" not in str(item)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=6))
def test_a_jsonl_stream_yields_one_item_per_nonblank_line(lines):
    items = list(articles_from_jsonl(lines, "x.jsonl"))
    nonblank = [ln for ln in lines if ln.lstrip("\ufeff").strip()]
    assert all(isinstance(i, OK) for i in items)
    assert len(items) == (len(nonblank) or 1)  # an all-blank file is one "empty file" error


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_json_document_is_articles_or_errors(text):
    assert all(isinstance(i, OK) for i in articles_from_json(text, "x.json"))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_as_a_feed_are_articles_or_errors(data):
    items = list(articles_from_feed(b"<?xml version='1.0'?><rss version='2.0'><channel>" + data, "x.rss", Defaults()))
    assert items and all(isinstance(i, OK) for i in items)
