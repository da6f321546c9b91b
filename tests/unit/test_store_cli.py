"""`detente ingest / events / articles / article` with a fake extractor (fast): output, exit codes, errors."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.models import ActorRef, ArticleResult, Event, Quote, RelationChange

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"


class FakeKB:
    names = {"russia": "RUS", "the taliban": "TALIBAN", "taliban": "TALIBAN", "china": "CHN"}

    def get(self, ident):
        return ident if ident in self.names.values() else None

    def resolve(self, text, on=None):
        ident = self.names.get(text.lower())
        return SimpleNamespace(id=ident, country=ident, sector=None) if ident else None

    def search(self, q):
        return [SimpleNamespace(id=i, name=n) for n, i in self.names.items() if q.lower()[:3] in n][:3]


@pytest.fixture
def parsed(monkeypatch):
    """Replace the pipeline: every article gives one event RUS→TALIBAN, one relation change, one quote."""
    seen: list[str] = []

    def fake_extract_articles(articles, kb=None, batch_size=16, n_process=1, on_error=None):
        for a in articles:
            seen.append(a.id)
            date = a.published.isoformat() if a.published else None
            event = Event(
                type="CONSULT", source=ActorRef(id="RUS", country="RUS", sector="GOV", text="Russia"),
                target=ActorRef(id="TALIBAN", country="AFG", sector="GOV", text="the Taliban"),
                date=date, date_precision="day" if date else None, sentence=a.text[:40], start=0,
                end=min(40, len(a.text)), confidence=0.9, rule="fake.consult", cameo="040", goldstein=1.0,
            )
            change = RelationChange(source="RUS", target="TALIBAN", dimension="representation", value="liaison",
                                    date=date, date_precision="day" if date else None, sentence=a.text[:10],
                                    start=0, end=10, confidence=0.5)
            yield ArticleResult(id=a.id, title=a.title, published=a.published, source=a.source, url=a.url,
                                events=[event], relation_changes=[change],
                                quotes=[Quote(speaker="Someone", text=a.text[:5], start=0, end=5)],
                                sentences=[(0, len(a.text))])

    monkeypatch.setattr("detente.pipeline.extract_articles", fake_extract_articles)
    monkeypatch.setattr("detente.actors.load_kb", lambda extra=(): FakeKB())
    return seen


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("---\ntitle: A\npublished: 2025-04-25\nsource: Wire\n---\nRussia met the Taliban.\n")
    (folder / "b.txt").write_text("---\ntitle: B\npublished: 2024-01-30\n---\nChina met the Taliban.\n")
    (folder / "c.jsonl").write_text('{"id": "x1", "text": "Kazakhstan delisted the Taliban.", "published": "2023-12-29"}\n')
    return folder


def run(*args, input=None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input)


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'cli.db'}"


def test_ingest_prints_a_summary_and_stores_everything(parsed, corpus, db):
    result = run("ingest", corpus, "--db", db, "--quiet")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "ingested 3 articles (0 already stored): 3 events, 3 relation changes, 3 quotes; 0 errors"
    assert result.stderr == ""


def test_reingest_skips_stored_articles_before_parsing(parsed, corpus, db):
    run("ingest", corpus, "--db", db)
    parsed.clear()
    again = run("ingest", corpus, "--db", db)
    assert again.exit_code == 0
    assert again.stdout.strip() == "ingested 0 articles (3 already stored): 0 events, 0 relation changes, 0 quotes; 0 errors"
    assert parsed == []  # nothing went through the pipeline
    listed = json.loads(run("articles", "--db", db, "--format", "json").stdout)
    assert len(listed) == 3


def test_the_same_article_twice_in_one_run_is_stored_once(parsed, corpus, db):
    result = run("ingest", corpus / "a.txt", corpus / "a.txt", "--db", db)
    assert "ingested 1 article (1 already stored)" in result.stdout


def test_input_errors_are_reported_and_the_rest_is_ingested(parsed, corpus, db):
    result = run("ingest", corpus, BAD / "empty.txt", BAD / "latin1.txt", "--db", db)
    assert result.exit_code == 1
    assert result.stdout.strip().endswith("; 2 errors")
    assert result.stdout.startswith("ingested 3 articles")
    assert result.stderr.splitlines() == [
        f"detente: {BAD / 'empty.txt'}: empty file",
        f"detente: {BAD / 'latin1.txt'}: not UTF-8 (byte 0xe8 at offset 9; looks like latin-1?); convert it to UTF-8 first",
    ]


def test_published_and_source_fill_what_the_input_lacks(parsed, tmp_path, db):
    (tmp_path / "plain.txt").write_text("Russia met the Taliban again.")
    assert run("ingest", tmp_path / "plain.txt", "--db", db, "--published", "2025-05-01", "--source", "Desk").exit_code == 0
    (art,) = json.loads(run("articles", "--db", db, "--format", "json").stdout)
    assert (art["published"], art["source"]) == ("2025-05-01", "Desk")


def test_ingest_from_stdin(parsed, db):
    result = run("ingest", "-", "--db", db, input="Russia met the Taliban on stdin.")
    assert result.exit_code == 0 and result.stdout.startswith("ingested 1 article ")


def test_bad_published_date_is_one_line(parsed, corpus, db):
    result = run("ingest", corpus, "--db", db, "--published", "25/04/2025")
    assert result.exit_code == 1
    assert result.stderr == "detente: error: bad --published '25/04/2025': expected YYYY-MM-DD\n"


def test_events_as_json_csv_and_table(parsed, corpus, db):
    run("ingest", corpus, "--db", db)
    evs = json.loads(run("events", "--db", db, "--format", "json").stdout)
    assert [e["date"] for e in evs] == ["2023-12-29", "2024-01-30", "2025-04-25"]
    assert evs[0]["source"] == {"id": "RUS", "country": "RUS", "sector": "GOV", "text": "Russia"}
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", db, "--format", "csv").stdout)))
    assert [r["target_id"] for r in rows] == ["TALIBAN"] * 3 and rows[2]["source_name"] == "Wire"
    table = run("events", "--db", db)
    assert table.exit_code == 0 and "3 events" in table.stdout and "CONSULT" in table.stdout


def test_event_filters_with_actor_names(parsed, corpus, db):
    run("ingest", corpus, "--db", db)

    def dates(*args):
        out = run("events", "--db", db, "--format", "json", *args)
        assert out.exit_code == 0, out.output
        return [e["date"] for e in json.loads(out.stdout)]

    assert dates("--actor", "Russia", "--since", "2024-01-01") == ["2024-01-30", "2025-04-25"]
    assert dates("--dyad", "the Taliban", "RUS", "--until", "2024-01-30") == ["2023-12-29", "2024-01-30"]
    assert dates("--dyad", "the Taliban", "RUS", "--directed") == []
    assert dates("--type", "SANCTION") == []
    assert dates("--status", "occurred", "--limit", "1") == ["2023-12-29"]


def test_unknown_actor_lists_candidates(parsed, corpus, db):
    run("ingest", corpus, "--db", db)
    result = run("events", "--db", db, "--actor", "Russland")
    assert result.exit_code == 1
    assert result.stderr == "detente: error: unknown or ambiguous actor 'Russland' (candidates: RUS)\n"


def test_bad_since_date_is_one_line(parsed, corpus, db):
    run("ingest", corpus, "--db", db)
    result = run("events", "--db", db, "--since", "2024-13-01")
    assert result.exit_code == 1
    assert result.stderr == "detente: error: bad --since '2024-13-01': expected YYYY-MM-DD\n"


def test_article_command(parsed, corpus, db):
    run("ingest", corpus, "--db", db)
    art_id = json.loads(run("articles", "--db", db, "--format", "json").stdout)[0]["id"]
    full = json.loads(run("article", art_id, "--db", db, "--format", "json").stdout)
    assert full["id"] == art_id and full["text"] == "Russia met the Taliban." and len(full["events"]) == 1
    table = run("article", art_id, "--db", db)
    assert table.exit_code == 0 and table.stdout.startswith(f"{art_id}  2025-04-25  Wire\nA\n")
    missing = run("article", "0123456789abcdef", "--db", db)
    assert missing.exit_code == 1 and missing.stderr.startswith("detente: error: no article '0123456789abcdef'")


def test_querying_a_missing_database_exits_2(tmp_path):
    result = run("events", "--db", tmp_path / "nothing.db")
    assert result.exit_code == 2
    assert result.stderr == f"detente: error: sqlite:///{tmp_path / 'nothing.db'}: no database there (run `detente ingest` first)\n"


def test_locked_database_exits_2_with_one_line(parsed, corpus, tmp_path):
    path = tmp_path / "locked.db"
    url = f"sqlite:///{path}?timeout=0.1"
    assert run("ingest", corpus / "a.txt", "--db", url).exit_code == 0
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        ingest = run("ingest", corpus, "--db", url, "--quiet")
        events = run("events", "--db", url, "--format", "json")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert ingest.exit_code == 2, ingest.output
    assert ingest.stderr.splitlines() == [f"detente: error: {url}: database is locked (another process is using it; "
                                          "try again when it has finished)"]
    # in WAL mode, reading goes on while another process writes
    assert events.exit_code == 0 and len(json.loads(events.stdout)) == 1
