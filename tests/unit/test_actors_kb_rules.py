"""Knowledge-base rules with no sentence around them: dated roles of a person and the validation of
people modifiers. Sentence → mention expectations are in tests/cases/actors/*.yml."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.actors.kb import ActorKB, KBError, _read


def test_interim_syrian_leader_was_hts_before_the_presidency(kb):
    # origin: test_accuracy_r6_actors.py::test_interim_syrian_leader_was_hts_before_the_presidency (own writing)
    assert kb.resolve("al-Sharaa", dt.date(2024, 12, 20)).id == "HTS"
    assert kb.resolve("al-Sharaa", dt.date(2025, 3, 1)).id == "SYR"


def test_people_modifiers_must_name_a_known_sector():
    # origin: test_accuracy_r11_actors.py::test_people_modifiers_must_name_a_known_sector (own writing)
    f = _read("x.yml", "version: 1\nsectors: {CVL: civilians}\npeople_modifiers: {XYZ: [odd]}\n")
    with pytest.raises(KBError, match="unknown sector"):
        ActorKB([("x.yml", f)])
