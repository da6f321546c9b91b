"""Accuracy round 11 (actors): one regression case per fix, in our own words."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.actors.kb import ActorKB, KBError, _read


pytestmark = pytest.mark.slow


def _by_text(mentions):
    return {m.text: (m.id, m.country, m.sector) for m in mentions}


def test_undocumented_people_of_a_state_are_refugees(found):
    ms = _by_text(found("Iran sent thousands of undocumented Afghans back across the border."))
    assert ms["Afghans"] == (None, "AFG", "REF")


def test_displaced_modifier_also_applies_to_a_composed_civilian_noun(found):
    ms = _by_text(found("Lebanon returned displaced Syrian civilians to Homs."))
    assert ms["Syrian civilians"] == (None, "SYR", "REF")


def test_people_of_a_state_without_such_a_modifier_stay_civilians(found):
    ms = _by_text(found("Iran sent thousands of young Afghans back across the border."))
    assert ms["Afghans"] == (None, "AFG", "CVL")


def test_people_modifiers_must_name_a_known_sector():
    f = _read("x.yml", "version: 1\nsectors: {CVL: civilians}\npeople_modifiers: {XYZ: [odd]}\n")
    with pytest.raises(KBError, match="unknown sector"):
        ActorKB([("x.yml", f)])


def test_a_person_is_read_on_a_bare_month_the_sentence_names(found):
    ms = _by_text(found("In November, Jolani's forces took Aleppo, and al-Sharaa met tribal elders there.",
                        dt.date(2025, 3, 10)))
    assert ms["al-Sharaa"] == ("HTS", "SYR", "REB")


def test_a_weekday_does_not_move_the_date_a_person_is_read_on(found):
    ms = _by_text(found("On Tuesday, al-Sharaa met tribal elders in Aleppo.", dt.date(2025, 3, 10)))
    assert ms["al-Sharaa"] == ("SYR", "SYR", "GOV")
