"""Accuracy round 10 (actors): one regression case per fix, in our own words."""

from __future__ import annotations

import datetime as dt

import pytest


pytestmark = pytest.mark.slow


@pytest.fixture
def found(found):
    """This round's cases are dated 2025-02-01."""
    return lambda text, on=dt.date(2025, 2, 1): found(text, on)


def _by_text(mentions):
    return {m.text: (m.id, m.country, m.sector) for m in mentions}


def test_rebel_fighters_in_a_city_of_one_state_are_that_states_rebels(found):
    ms = _by_text(found("Rebel fighters marched into Goma, the biggest city in eastern Congo."))
    assert ms["Rebel fighters"] == (None, "COD", "REB")


def test_rebels_with_the_only_state_named_as_a_place(found):
    ms = _by_text(found("Rebels burned two villages in Sudan overnight."))
    assert ms["Rebels"] == (None, "SDN", "REB")


def test_rebels_are_not_the_state_that_acts_on_them(found):
    ms = found("U.S. forces killed four militants in a raid.")
    assert [m.text for m in ms if m.country] == ["U.S. forces"]  # the militants: no state


def test_sponsored_militants_are_not_the_place_they_strike(found):
    ms = found("Iran-backed militants attacked a base in Syria.")
    assert not [m for m in ms if m.sector == "REB" and m.country == "SYR"]


def test_the_treasury_follows_the_state_whose_treasury_was_named(found):
    ms = found("The U.S. Treasury blacklisted two Iranian banks. Iran called it piracy. "
               "The Treasury said more listings would come.")
    assert [(m.text, m.id, m.sector) for m in ms if "Treasury" in m.text] == [
        ("U.S. Treasury", "USA", "GOV"), ("The Treasury", "USA", "GOV")]


def test_the_treasury_is_not_the_last_state_named(found):
    ms = found("The Treasury blacklisted two Iranian banks. Iran called it piracy. The Treasury shrugged.")
    assert not [m for m in ms if "Treasury" in m.text and (m.id or m.country)]


def test_a_coast_guard_ship_is_the_coast_guard(found):
    ms = _by_text(found("A Vietnamese coast guard vessel was chased by a Chinese ship."))
    assert ms["Vietnamese coast guard"] == ("VNM", "VNM", "MIL")


def test_headline_subjects_are_found(found):
    ms = found("Macron, Scholz meet in Berlin to discuss aid")
    assert [(m.text, m.id) for m in ms][:2] == [("Macron", "FRA"), ("Scholz", "DEU")]
