"""`detente actors resolve|show|search` through typer's CliRunner."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


def test_resolve_json_is_the_design_contract():
    r = runner.invoke(app, ["actors", "resolve", "the Taliban", "--date", "2022-05-01", "--format", "json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert list(out) == ["text", "id", "country", "sector", "score", "why"]
    assert out == {"text": "the Taliban", "id": "TALIBAN", "country": "AFG", "sector": "GOV", "score": 1.0,
                   "why": "alias 'Taliban'; role on 2022-05-01"}


def test_resolve_compositional_json():
    r = runner.invoke(app, ["actors", "resolve", "Armenian Prime Minister", "--format", "json"])
    out = json.loads(r.stdout)
    assert (out["id"], out["country"], out["sector"]) == (None, "ARM", "GOV")


def test_batch_from_stdin_writes_one_json_line_per_input():
    stdin = "Russia\n{\"text\": \"Taliban\", \"date\": \"2010-01-01\"}\nNowhere-land\n\n{\"text\": \"Kremlin\"}\n"
    r = runner.invoke(app, ["actors", "resolve", "-", "--format", "json"], input=stdin)
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["RUS", "TALIBAN", None, "RUS"]
    assert lines[1]["sector"] == "REB"
    assert lines[2]["score"] == 0 and lines[2]["text"] == "Nowhere-land"


def test_batch_bad_date_is_reported_in_its_line():
    r = runner.invoke(app, ["actors", "resolve", "-", "--format", "json"], input='{"text": "Russia", "date": "soon"}\n')
    assert r.exit_code == 0
    out = json.loads(r.stdout)
    assert out["id"] is None and "bad date" in out["why"]


def test_unknown_single_text_in_table_format_fails_with_one_line():
    r = runner.invoke(app, ["actors", "resolve", "Xyzzy Nowhere"])
    assert r.exit_code == 1
    assert r.stderr.count("\n") == 1 and "unknown actor" in r.stderr


def test_unknown_single_text_in_json_is_null_with_score_zero():
    r = runner.invoke(app, ["actors", "resolve", "Xyzzy Nowhere", "--format", "json"])
    assert json.loads(r.stdout)["id"] is None and json.loads(r.stdout)["score"] == 0


def test_bad_date_fails():
    r = runner.invoke(app, ["actors", "resolve", "Russia", "--date", "yesterday"])
    assert r.exit_code == 1 and "bad --date" in r.stderr


def test_actors_file_extends_the_kb(tmp_path):
    p = tmp_path / "krv.yml"
    p.write_text("version: 1\nactors:\n  - {id: KRV, kind: state, name: Republic of Karvonia, "
                 "demonyms: [Karvonian]}\n", encoding="utf-8")
    r = runner.invoke(app, ["actors", "resolve", "Karvonian", "--actors", str(p), "--format", "json"])
    assert json.loads(r.stdout)["id"] == "KRV"
    missing = runner.invoke(app, ["actors", "resolve", "Karvonian", "--actors", str(tmp_path / "nope.yml")])
    assert missing.exit_code == 1 and "no such file" in missing.stderr


def test_show_lists_roles_over_time():
    r = runner.invoke(app, ["actors", "show", "TALIBAN"])
    assert r.exit_code == 0
    assert "Islamic Emirate of Afghanistan" in r.stdout
    assert "2021-08-15" in r.stdout and "REB" in r.stdout and "GOV" in r.stdout
    j = runner.invoke(app, ["actors", "show", "VLADIMIR_PUTIN", "--format", "json"])
    assert json.loads(j.stdout)["roles"][0]["actor"] == "RUS"


def test_show_unknown_lists_candidates():
    r = runner.invoke(app, ["actors", "show", "TALIBN"])
    assert r.exit_code == 1 and "TALIBAN" in r.stderr


def test_search():
    r = runner.invoke(app, ["actors", "search", "Lavrov", "--format", "json"])
    assert json.loads(r.stdout)[0]["id"] == "SERGEY_LAVROV"
