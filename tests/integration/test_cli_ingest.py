"""`detente ingest` with the real pipeline on two small articles: stored, counted, idempotent."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.store import open_store, query

pytestmark = pytest.mark.slow

ARTICLES = {
    "envoy.txt": """---
title: Russia to accept Taliban ambassador
published: 2025-04-25
source: Detente Wire
---
Russia will accept an ambassador appointed by the Taliban, the foreign ministry said on Friday.
On April 17, the Supreme Court suspended the ban on the movement.
""",
    "wire.jsonl": json.dumps({
        "id": "pr-2024-01-30", "title": "China accepts Taliban envoy", "published": "2024-01-30",
        "source": "Pacific Rim Dispatch",
        "text": "Chinese President Xi Jinping accepted the credentials of a Taliban-appointed ambassador on Tuesday.",
    }) + "\n",
}


def test_ingest_two_articles_with_the_real_pipeline(nlp, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'real.db'}"
    runner = CliRunner()

    first = runner.invoke(app, ["ingest", str(folder), "--db", url, "--quiet"])
    assert first.exit_code == 0, first.output
    m = re.fullmatch(
        r"ingested 2 articles \(0 already stored\): (\d+) events?, (\d+) relation changes?, (\d+) quotes?; 0 errors",
        first.stdout.strip(),
    )
    assert m, first.stdout
    store = open_store(url, create=False)
    counts = query.counts(store)
    assert (counts["articles"], counts["events"], counts["relation_changes"], counts["quotes"]) == (
        2, int(m.group(1)), int(m.group(2)), int(m.group(3)))

    # every article is stored whole: its text, and sentences whose offsets index that text
    listed = {a["origin"]: a for a in query.articles(store)}
    assert set(listed) == {str(folder / "envoy.txt"), "pr-2024-01-30"}
    envoy = query.article(store, listed[str(folder / "envoy.txt")]["id"])
    assert envoy["text"].startswith("Russia will accept") and envoy["published"] == "2025-04-25"
    assert len(envoy["sentences"]) == 2
    second = envoy["sentences"][1]
    assert envoy["text"][second["start"]:second["end"]].startswith("On April 17")
    for ev in envoy["events"]:
        assert envoy["text"][ev["start"]:ev["end"]] == ev["sentence"]

    again = runner.invoke(app, ["ingest", str(folder), "--db", url, "--quiet"])
    assert again.exit_code == 0
    assert again.stdout.startswith("ingested 0 articles (2 already stored)")
    assert query.counts(store) == counts
    store.close()
