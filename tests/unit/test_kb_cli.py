"""`detente actors show|stats` over the compiled index and `detente kb build` on the test slices."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.kb.index import packaged_path

runner = CliRunner()
needs_index = pytest.mark.skipif(packaged_path() is None, reason="no compiled index (detente kb build)")


@needs_index
def test_stats_counts_by_kind_and_source():
    r = runner.invoke(app, ["actors", "stats", "--format", "json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["total"]["person"] >= 40_000 and out["total"]["state"] >= 250
    sources = {row["source"] for row in out["by_kind_and_source"]}
    assert {"hand-written", "wikidata", "countryinfo", "phoenix", "partyfacts", "misp", "universities"} <= sources


@needs_index
def test_show_an_imported_person_with_role_sources():
    r = runner.invoke(app, ["actors", "show", "Ben Wallace", "--format", "json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["wikidata"] == "Q263166" and out["kind"] == "person"
    assert all(role["source"].startswith("wikidata:") for role in out["roles"])
    table = runner.invoke(app, ["actors", "show", "Q263166"])
    assert "Secretary of State for Defence" in table.stdout and "wikidata:united-kingdom-cabinet" in table.stdout


def test_show_a_hand_written_actor_still_works():
    r = runner.invoke(app, ["actors", "show", "TALIBAN"])
    assert r.exit_code == 0 and "TALIBAN" in r.stdout


def test_kb_build_on_the_slices(tmp_path):
    data = Path(__file__).resolve().parents[1] / "data" / "kb"
    out = tmp_path / "kb.sqlite"
    r = runner.invoke(app, ["kb", "build", "--data", str(data), "--out", str(out), "--only", "misp"])
    assert r.exit_code == 0, r.output
    assert out.is_file()
    bad = runner.invoke(app, ["kb", "build", "--data", str(data), "--only", "nosuch"])
    assert bad.exit_code != 0 and "unknown importer" in bad.output
