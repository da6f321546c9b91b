"""Watches with the real pipeline (Must show of issue 13): one alert per change of state, however
often it is reported, with the state before and after and every report as evidence."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from detente.cli import app

pytestmark = pytest.mark.slow

FIRST = """---
title: Russia recognises the Taliban
published: 2025-07-04
source: Detente Wire
---
Russia formally recognised the Taliban government on 3 July 2025.
"""
SECOND = """---
title: Moscow first to recognise Taliban
published: 2025-07-05
source: Pacific Rim Dispatch
---
Officials in Kabul welcomed the decision. Russia recognised the Taliban government on 3 July 2025, the foreign ministry said.
"""


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_recognition_raises_one_alert_that_later_reports_only_add_evidence(nlp, tmp_path):
    db = str(tmp_path / "watch.db")
    first, second = tmp_path / "first.md", tmp_path / "second.md"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")

    out = _run("watch", "add", "--dimension", "recognition", "--target", "TALIBAN", "--value", "formal", "--db", db)
    assert out.startswith("watch 1: recognition * → TALIBAN (formal)")

    def alerts() -> list[dict]:
        return json.loads(_run("alerts", "--format", "json", "--db", db))

    _run("ingest", str(first), "--db", db, "-q")
    (alert,) = alerts()
    assert (alert["source"], alert["target"], alert["dimension"]) == ("RUS", "TALIBAN", "recognition")
    assert (alert["before"]["value"], alert["after"]["value"]) == ("none", "formal")
    assert alert["date"] == "2025-07-03" and alert["after"]["since"] == "2025-07-03"
    (ev,) = alert["evidence"]
    assert ev["sentence"] == "Russia formally recognised the Taliban government on 3 July 2025."
    assert ev["title"] == "Russia recognises the Taliban"

    _run("ingest", str(first), "--db", db, "-q")  # the same article again: nothing new
    assert alerts() == [alert]

    _run("ingest", str(second), "--db", db, "-q")  # another report of the same recognition
    (again,) = alerts()
    assert again["id"] == alert["id"] and again["after"] == alert["after"]
    by_title = {e["title"]: e["sentence"] for e in again["evidence"]}
    assert set(by_title) == {"Russia recognises the Taliban", "Moscow first to recognise Taliban"}
    assert by_title["Moscow first to recognise Taliban"].startswith("Russia recognised the Taliban government on 3 July")


def test_an_ingest_on_a_dask_cluster_raises_the_same_alert(nlp, tmp_path):
    from detente import watch
    from detente.ingest import read_paths
    from detente.scale import ingest_dask
    from detente.store import open_store

    path = tmp_path / "first.md"
    path.write_text(FIRST, encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'dask.db'}")
    watch.add_watch(store, "recognition", source="RUS", target="TALIBAN")
    assert ingest_dask("local:1", list(read_paths([path])), store) == 1
    (alert,) = watch.alerts(store)
    assert (alert["value_before"], alert["value_after"], alert["date"]) == ("none", "formal", "2025-07-03")
