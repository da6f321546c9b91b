"""Calibrated confidence (detente.events.calibration) and the script that writes its table."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import yaml

from detente.events import calibration as cal_mod
from detente.models import ActorRef, Event

ROOT = Path(__file__).resolve().parents[2]


def _event(rule: str, confidence: float) -> Event:
    return Event(type="ASSAULT", source=ActorRef(id="RUS", country="RUS", text="Russia"), sentence="s", start=0,
                 end=1, confidence=confidence, rule=rule)


def test_rule_family_names_the_lexicon_tier_and_the_named_rule_prefix():
    assert cal_mod.family("lexicon.verb.190.attack") == "lexicon.verb"
    assert cal_mod.family("classifier.accuse") == "classifier"
    assert cal_mod.family("assault.kill") == "assault"


def test_calibrated_confidence_is_rule_precision_times_dyad_rate_and_keeps_the_raw_one():
    cal = cal_mod.calibration()
    rule = next(iter(cal.rules))
    ev = cal_mod.calibrate(_event(rule, 0.42))
    assert ev.detail["confidence_raw"] == 0.42
    assert abs(ev.confidence - cal.rules[rule] * cal_mod.dyad_rate(0.42)) < 1e-3


def test_a_higher_raw_confidence_never_lowers_the_calibrated_one_within_a_rule():
    rule = next(iter(cal_mod.calibration().rules))
    confs = [cal_mod.calibrate(_event(rule, c / 20)).confidence for c in range(21)]
    assert confs == sorted(confs)


def test_an_unseen_rule_takes_its_family_precision():
    cal = cal_mod.calibration()
    assert cal_mod.type_precision("assault.never_seen_rule") == cal.families["assault"]
    assert cal_mod.type_precision("nofamily.rule") == cal.overall


def _script():
    spec = importlib.util.spec_from_file_location("calibrate_confidence", ROOT / "scripts/calibrate_confidence.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _unit(spurious=(), matches=()):
    return {"spurious": [{"rule": r, "confidence": c} for r, c in spurious],
            "matches": [{"predicted": {"rule": r, "confidence": c}, "wrong": w} for r, c, w in matches]}


def test_the_script_demotes_a_rule_wrong_on_most_of_its_events_and_smooths_the_rest(tmp_path):
    units = [_unit(spurious=[("lexicon.verb.020", 0.3)]) for _ in range(6)]
    units += [_unit(matches=[("assault.kill", 0.5, [])]) for _ in range(20)]
    units += [_unit(matches=[("assault.kill", 0.2, ["dyad_country"])]) for _ in range(5)]
    report = tmp_path / "dev.json"
    report.write_text(json.dumps({"gold": ["dev.yml"], "units": units}))
    out = tmp_path / "calibration.yml"
    assert _script().main(["--report", str(report), "--out", str(out), "--audit", ""]) == 0
    table = yaml.safe_load(out.read_text())
    assert table["demoted"] == ["lexicon.verb.020"]
    assert table["rules"]["assault.kill"] > table["families"]["lexicon.verb"]
    assert 0 < table["rules"]["lexicon.verb.020"] < table["overall"]  # smoothed, never a bare 0
    assert table["dyad_rates"] == sorted(table["dyad_rates"])


def test_the_script_refuses_a_report_on_the_test_split(tmp_path):
    report = tmp_path / "r.json"
    report.write_text(json.dumps({"gold": ["tests/gold/wcep/test.yml"], "units": []}))
    try:
        _script().main(["--report", str(report), "--out", str(tmp_path / "c.yml")])
    except SystemExit as e:
        assert "test split" in str(e)
    else:
        raise AssertionError("a test-split report was accepted")


def test_audit_verdicts_count_wrong_types_and_spurious_events_against_a_rule(tmp_path):
    audit = tmp_path / "verdicts.yml"
    audit.write_text("version: 1\nevents:\n"
                     '  - {"item": "a", "rule": "r.x", "type": "ACCUSE", "confidence": 0.5, "verdict": "C"}\n'
                     '  - {"item": "b", "rule": "r.x", "type": "ACCUSE", "confidence": 0.4, "verdict": "G"}\n'
                     '  - {"item": "c", "rule": "r.x", "type": "ACCUSE", "confidence": 0.3, "verdict": "T"}\n')
    obs = _script().audit_observations(audit)
    assert [(ok, dyad) for _r, _c, ok, dyad in obs] == [(True, True), (True, False), (False, False)]
