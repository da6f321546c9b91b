"""``detente status | timeline | brief | who | chart | import`` through the CLI (CliRunner)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.relations.sample import add_article, add_change, add_event
from detente.store import open_store

LISTED = "Russia designated the Taliban a terrorist organisation in 2003."
SUSPENDED = "On April 17 the Supreme Court suspended the ban."

UN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST>
  <INDIVIDUALS>
    <INDIVIDUAL>
      <FIRST_NAME>ABDUL</FIRST_NAME><SECOND_NAME>EXAMPLE</SECOND_NAME>
      <UN_LIST_TYPE>Taliban</UN_LIST_TYPE><REFERENCE_NUMBER>TAi.900</REFERENCE_NUMBER>
      <LISTED_ON>2001-01-25</LISTED_ON>
    </INDIVIDUAL>
    <INDIVIDUAL>
      <FIRST_NAME>BASHIR</FIRST_NAME><SECOND_NAME>SAMPLE</SECOND_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.900</REFERENCE_NUMBER>
      <LISTED_ON>2005-03-01</LISTED_ON>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES/>
</CONSOLIDATED_LIST>
"""


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    store = open_store(f"sqlite:///{path}")
    art = add_article(store, LISTED + " " + SUSPENDED, published="2025-04-25")
    add_change(store, "RUS", "TALIBAN", "designation", "listed", "2003", article=art, sentence=LISTED,
               start=0, end=len(LISTED))
    add_change(store, "RUS", "TALIBAN", "designation", "suspended", "2025-04-17", article=art, idx=1,
               sentence=SUSPENDED, start=len(LISTED) + 1, end=len(LISTED) + 1 + len(SUSPENDED))
    add_event(store, art, 0, "CONCEDE", "RUS", "TALIBAN", "2025-04-17", goldstein=5.0, sentence=SUSPENDED)
    add_event(store, art, 1, "SUPPORT", "TALIBAN", "RUS", "2025-04-25", goldstein=3.4,
              sentence="The Taliban welcomed the decision.")
    add_event(store, art, 2, "SANCTION", "RUS", "TALIBAN", "2003", goldstein=-5.0, sentence=LISTED)
    return str(path)


def run(*args: str):
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_status_json_as_of(db):
    code, out, _ = run("status", "RUS", "TALIBAN", "--as-of", "2025-04-25", "--format", "json", "--db", db)
    assert code == 0
    st = json.loads(out)
    assert st["designation"]["value"] == "suspended"
    assert st["designation"]["since"] == "2025-04-17"
    assert st["stance"] == {"value": 5.0, "window": "12 months", "events": 1}
    code, out, _ = run("status", "RUS", "TALIBAN", "--as-of", "2010-01-01", "--format", "json", "--db", db)
    assert json.loads(out)["designation"]["since"] == "2003"


def test_status_table_and_markdown(db):
    code, out, _ = run("status", "RUS", "TALIBAN", "--as-of", "2025-04-25", "--db", db)
    assert code == 0 and "suspended" in out and "2025-04-17" in out
    code, out, _ = run("status", "RUS", "TALIBAN", "--as-of", "2025-04-25", "--format", "md", "--db", db)
    assert out.splitlines()[0] == "| dimension | value | since | evidence |"
    assert "| designation | suspended | 2025-04-17 |" in out


def test_names_are_resolved_case_insensitively_from_the_store(db):
    code, out, _ = run("status", "RUS", "taliban", "--format", "json", "--db", db)
    assert code == 0 and json.loads(out)["target"] == "TALIBAN"


def test_unknown_actor_and_bad_date_are_one_line_errors(db):
    code, _, err = run("status", "RUS", "Qwzx Xyqq", "--db", db)
    assert code == 1
    assert err.startswith("detente: error: unknown or ambiguous actor 'Qwzx Xyqq'")
    assert err.count("\n") == 1
    code, _, err = run("status", "RUS", "TALIBAN", "--as-of", "25/04/2025", "--db", db)
    assert code == 1 and err == "detente: error: bad --as-of '25/04/2025': expected YYYY-MM-DD\n"
    code, _, err = run("timeline", "RUS", "TALIBAN", "--since", "2025-05-01", "--until", "2025-01-01", "--db", db)
    assert code == 1 and "after --until" in err


def test_timeline_json_and_csv(db):
    code, out, _ = run("timeline", "RUS", "TALIBAN", "--format", "json", "--db", db)
    items = json.loads(out)
    assert [(it["date"], it["kind"]) for it in items][:2] == [("2003", "change"), ("2003", "event")]
    assert items[-1]["source"] == "TALIBAN"
    code, out, _ = run("timeline", "RUS", "TALIBAN", "--since", "2025-01-01", "--format", "csv", "--db", db)
    lines = out.splitlines()
    assert lines[0] == "date,kind,pair,type,value,status,text,cited"
    assert len(lines) == 4  # header + suspension change + two events
    rows = list(csv.DictReader(io.StringIO(out)))
    assert all(r["cited"] and not any(it["evidence"]["article"] in r["cited"] for it in items) for r in rows)


def test_brief_markdown_and_json(db):
    code, out, _ = run("brief", "RUS", "TALIBAN", "--as-of", "2025-04-25", "--db", db)
    assert code == 0
    assert "## At a Glance" in out and "suspended its listing" in out
    code, out, _ = run("brief", "RUS", "TALIBAN", "--as-of", "2025-04-25", "--format", "json", "--db", db)
    b = json.loads(out)
    assert 4 <= len(b["bullets"]) <= 6
    # what changed: the transition, with the value it replaced
    assert re.fullmatch(r".+ suspended its listing of .+ on 2025-04-17 \(before: listed\)\.", b["what_changed"])
    assert all("evidence" in bullet for bullet in b["bullets"])


def test_import_then_who(db, tmp_path):
    xml = tmp_path / "consolidated.xml"
    xml.write_text(UN_XML, encoding="utf-8")
    code, out, _ = run("import", "un-sc", str(xml), "--db", db)
    assert code == 0 and out.strip() == "un-sc: 2 entries (2 new, 0 changed, 0 delisted)"
    code, out, _ = run("import", "un-sc", str(xml), "--db", db)
    assert out.strip() == "un-sc: 2 entries (0 new, 0 changed, 0 delisted)"  # unchanged list: nothing changed
    code, out, _ = run("who", "--designated-by", "UN", "--program", "Taliban", "--format", "json", "--db", db)
    rows = json.loads(out)
    assert [(r["target"], r["since"], r["name"]) for r in rows] == [("UNSC:TAi.900", "2001-01-25", "ABDUL EXAMPLE")]
    code, out, _ = run("who", "--designating", "TALIBAN", "--as-of", "2020-01-01", "--format", "json", "--db", db)
    assert [r["source"] for r in json.loads(out)] == ["RUS"]
    code, _, err = run("who", "--db", db)
    assert code == 1 and "exactly one of" in err


def test_import_of_a_truncated_file_fails_and_writes_nothing(db, tmp_path):
    bad = tmp_path / "truncated.xml"
    bad.write_text(UN_XML[:400], encoding="utf-8")
    code, _, err = run("import", "un-sc", str(bad), "--db", db)
    assert code == 1
    assert err.startswith(f"detente: error: {bad}: malformed XML at line ") and err.count("\n") == 1
    code, out, _ = run("who", "--designated-by", "UN", "--format", "json", "--db", db)
    assert json.loads(out) == []
    code, _, err = run("import", "ofac", str(bad), "--db", db)
    assert code == 1 and "unknown dataset 'ofac'" in err


def test_chart_writes_a_png(db, tmp_path):
    out_png = tmp_path / "stance.png"
    code, out, _ = run("chart", "RUS", "TALIBAN", "-o", str(out_png), "--db", db)
    assert code == 0
    assert out_png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code, _, err = run("chart", "RUS", "CHN", "-o", str(tmp_path / "none.png"), "--db", db)
    assert code == 1 and "nothing to chart" in err


class _FakeKB:
    """Stands in for the actor KB: knows "Russia"; "Korea" is ambiguous."""

    class _Hit:
        def __init__(self, id_):
            self.id = id_

    def get(self, actor_id):
        return self._Hit(actor_id) if actor_id in ("RUS", "TALIBAN", "PRK", "KOR") else None

    def resolve(self, text, on=None):
        return self._Hit("RUS") if text.casefold() == "russia" else None

    def search(self, q):
        return [self._Hit("PRK"), self._Hit("KOR")] if "korea" in q.casefold() else []


def test_names_go_through_the_actor_kb(db, monkeypatch):
    import detente.actors

    monkeypatch.setattr(detente.actors, "load_kb", lambda *a, **k: _FakeKB())
    code, out, _ = run("status", "Russia", "Taliban", "--format", "json", "--db", db)
    assert code == 0 and (json.loads(out)["source"], json.loads(out)["target"]) == ("RUS", "TALIBAN")
    code, _, err = run("status", "Korea", "RUS", "--db", db)
    assert code == 1 and err == "detente: error: unknown or ambiguous actor 'Korea' (candidates: PRK, KOR)\n"


def test_search_finds_an_actors_events_or_the_words_of_sentences(db):
    code, out, _ = run("search", "Taliban", "--format", "json", "--db", db)
    found = json.loads(out)
    assert code == 0 and found["actor"] == "TALIBAN" and len(found["events"]) == 3
    code, out, _ = run("search", "supreme court", "--format", "csv", "--db", db)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["type"] for r in rows] == ["CONCEDE"] and rows[0]["cited"].startswith("test, 2025-04-25")
