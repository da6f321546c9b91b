"""`evaluate` on the real pipeline (spaCy): the report adds up, whatever the scores are."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.eval.runner import evaluate

pytestmark = pytest.mark.slow


def test_real_pipeline_report_is_consistent(nlp):
    gold = Path(__file__).resolve().parents[1] / "golden" / "01-russia-taliban-envoy.yml"
    rep = evaluate([gold])
    ov = rep["overall"]
    ev = ov["micro"]["event"]
    assert ov["units"] == 1
    assert ev["tp"] + ev["fn"] == ov["gold_events"]
    assert ev["tp"] + ev["fp"] == ov["predicted_events"]
    (unit,) = rep["units"]
    assert len(unit["matches"]) + len(unit["missed"]) == unit["gold"]
    assert len(unit["matches"]) + len(unit["spurious"]) == unit["predicted"]
    conf = ov["confusion"]["matrix"]
    assert sum(n for g, row in conf.items() if g != "NONE" for n in row.values()) == ov["gold_events"]
