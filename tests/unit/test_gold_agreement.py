"""scripts/gold_agreement.py: two labellings of the same items scored against each other."""

import importlib.util
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("gold_agreement", ROOT / "scripts/gold_agreement.py")
agreement_mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(agreement_mod)

TEXT = "Ruritania expels two Borduria diplomats after a spying row."


def _write(path: Path, events: list[dict]) -> Path:
    item = {"id": "x1", "published": "2020-01-02", "text": TEXT, "events": events}
    path.write_text(yaml.safe_dump({"sentences": {"source": "test", "items": [item]}}), encoding="utf-8")
    return path


EXPEL = {"type": "SANCTION", "source": "USA", "target": "RUS", "date": "2020-01-02"}


def test_a_labelling_agrees_with_itself_fully(tmp_path):
    a = _write(tmp_path / "a.yml", [EXPEL])
    got = agreement_mod.agreement(a, a)
    assert got["detection_f1"] == got["type_f1"] == got["dyad_f1"] == 1.0


def test_another_type_and_reversed_dyad_count_as_detection_only(tmp_path):
    a = _write(tmp_path / "a.yml", [EXPEL])
    b = _write(tmp_path / "b.yml", [{**EXPEL, "type": "COERCE", "source": "RUS", "target": "USA"}])
    got = agreement_mod.agreement(a, b)
    assert got["detection_f1"] == 1.0 and got["type_f1"] == 0.0 and got["dyad_f1"] == 0.0


def test_an_event_only_one_labeller_saw_halves_detection(tmp_path):
    a = _write(tmp_path / "a.yml", [EXPEL])
    b = _write(tmp_path / "b.yml", [])
    assert agreement_mod.agreement(a, b)["detection_f1"] == 0.0
    c = _write(tmp_path / "c.yml", [EXPEL, {**EXPEL, "type": "ACCUSE"}])
    assert round(agreement_mod.agreement(a, c)["detection_f1"], 3) == 0.667
