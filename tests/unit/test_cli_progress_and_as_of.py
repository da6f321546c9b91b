"""The as-of date defaults to the latest evidence when the store ends before today (and says so);
ingest counts its inputs for a progress bar with an ETA; Ctrl-C during ingest prints what was stored."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.ingest import count_articles
from detente.models import ArticleResult
from detente.store import open_store, query

from one_event_store import one_event_store


@pytest.fixture
def old_store(tmp_path):
    return one_event_store(f"sqlite:///{tmp_path / 'old.db'}", day="2025-04-24")


@pytest.mark.parametrize("cmd", [["status", "RUS", "TALIBAN"], ["brief", "RUS", "TALIBAN"]])
def test_as_of_defaults_to_the_latest_evidence_and_says_so(old_store, cmd):
    r = CliRunner().invoke(app, [*cmd, "--format", "json", "--db", old_store])
    assert r.exit_code == 0, r.output
    assert "as of 2025-04-25" in r.stderr and "latest evidence" in r.stderr
    assert "2025-04-25" in json.loads(r.stdout)["as_of"]


def test_a_given_as_of_is_kept_without_a_note(old_store):
    r = CliRunner().invoke(app, ["status", "RUS", "TALIBAN", "--as-of", "2025-01-01", "--format", "json",
                                 "--db", old_store])
    assert r.exit_code == 0 and json.loads(r.stdout)["as_of"] == "2025-01-01" and "latest evidence" not in r.stderr


def test_ingest_counts_articles_when_every_input_can_be_counted(tmp_path):
    (tmp_path / "a.txt").write_text("One.\n")
    (tmp_path / "b.md").write_text("Two.\n")
    (tmp_path / "c.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n')
    assert count_articles([tmp_path]) == 5
    (tmp_path / "d.xml").write_text("<rss/>")
    assert count_articles([tmp_path]) is None  # a feed's entries are known only once parsed
    assert count_articles(["-"]) is None


def test_ctrl_c_during_ingest_prints_what_was_stored(tmp_path, monkeypatch):
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(f"Article number {i} about Russia and the Taliban.\n")

    def extract_articles(articles, kb=None, **kw):
        for n, a in enumerate(articles):
            if n == 2:
                raise KeyboardInterrupt
            yield ArticleResult(id=a.id, published=a.published)

    monkeypatch.setattr("detente.pipeline.extract_articles", extract_articles)
    monkeypatch.setattr("detente.actors.load_kb", lambda extra=(): None)
    db = f"sqlite:///{tmp_path / 'i.db'}"
    r = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", db, "--batch-size", "1"])
    assert r.exit_code == 130
    assert "interrupted" in r.output and "ingested 2 articles" in r.output
    assert len(query.articles(open_store(db))) == 2
