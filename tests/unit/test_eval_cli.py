"""`detente eval` with a fake pipeline (no spaCy): exit codes, report file, JSON output."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.eval import runner
from detente.models import ActorRef, ArticleResult, Event

XML = """<Sentences>
<Sentence date="20200102" id="A1"/>
<EventCoding eventcode="042" sourcecode="RURGOV" targetcode="FRE" />
<Text>The Ruritanian president visited Freedonia.</Text>
</Sentence>
<Sentence date="20200103" id="A2"/>
<EventCoding noevents="True" />
<Text>It rained.</Text>
</Sentence>
</Sentences>
"""


def fake_pipeline(articles, actor_files=()):
    """Predicts one CONSULT RUR→FRE for every text that mentions Freedonia."""
    for a in articles:
        events = []
        if "Freedonia" in a.text:
            events.append(Event(
                type="CONSULT", source=ActorRef(id="RUR", text="Ruritanian president"),
                target=ActorRef(id="FRE", text="Freedonia"), sentence=a.text, start=0,
                end=len(a.text), confidence=0.9, rule="fake"))
        yield ArticleResult(id=a.id, events=events)


@pytest.fixture
def gold(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "run_pipeline", fake_pipeline)
    f = tmp_path / "mini.xml"
    f.write_text(XML)
    return f


def test_eval_prints_tables_and_writes_report(gold, tmp_path):
    out = tmp_path / "report.json"
    res = CliRunner().invoke(app, ["eval", str(gold), "--report", str(out)])
    assert res.exit_code == 0, res.output
    assert "event detection" in res.output
    rep = json.loads(out.read_text())
    assert rep["overall"]["micro"]["event"]["f1"] == 1.0
    assert rep["overall"]["units"] == 2 and rep["units"][0]["matches"][0]["wrong"] == []


def test_eval_json_format(gold):
    res = CliRunner().invoke(app, ["eval", str(gold), "--format", "json"])
    assert res.exit_code == 0
    rep = json.loads(res.stdout)
    assert rep["overall"]["confusion"]["matrix"] == {"CONSULT": {"CONSULT": 1}}


def test_low_scores_still_exit_zero(gold, monkeypatch):
    monkeypatch.setattr(runner, "run_pipeline", lambda arts, files=(): [ArticleResult(id=a.id) for a in arts])
    res = CliRunner().invoke(app, ["eval", str(gold), "--format", "json"])
    assert res.exit_code == 0
    assert json.loads(res.stdout)["overall"]["micro"]["event"]["recall"] == 0.0


def test_unreadable_gold_exits_non_zero_with_one_line(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("events: [\n")
    res = CliRunner().invoke(app, ["eval", str(bad)])
    assert res.exit_code != 0
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("detente: error:") and "bad.yml" in lines[0]


def test_missing_actor_file_is_an_error(gold, tmp_path):
    res = CliRunner().invoke(app, ["eval", str(gold), "--actors", str(tmp_path / "none.yml")])
    assert res.exit_code != 0 and "none.yml" in res.output
