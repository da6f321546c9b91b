"""Round 9 regressions for the events engine (own sentences): undated "since" spans, attending a
summit, trips, things received from someone, deepening ties, planned help and captured places."""

from __future__ import annotations

import pytest

from events_helpers import coded

pytestmark = pytest.mark.slow


def test_since_an_undated_event_leaves_the_date_open(nlp):
    events = coded(nlp, "Israel has bombed Syria repeatedly since Assad fell.", full=True)
    hits = [e for e in events if e.type == "ASSAULT"]
    assert hits and all(e.date is None and e.status == "ongoing" for e in hits)
    assert all(e.detail.get("date_from") != "published" for e in hits)


@pytest.mark.parametrize("text, expected", [
    # attending a meeting of a body: the body is the target
    ("Japan will attend the NATO summit next month.", ("CONSULT", "JPN", "NATO", "planned")),
    # a trip or a visit made to a place
    ("Canada's foreign minister made a surprise trip to Ukraine.", ("CONSULT", "CAN", "UKR", "occurred")),
    # what is received from someone was given by them
    ("Syria received guarantees from Turkey on the border.", ("AGREE", "TUR", "SYR", "occurred")),
    ("Germany received a delegation from India on Monday.", ("CONSULT", "IND", "DEU", "occurred")),
    # seeking closer ties is a planned cooperation; wanting to help is planned aid
    ("France is seeking to strengthen its partnership with India.", ("COOPERATE", "FRA", "IND", "planned")),
    ("Canada wants to help Ukraine rebuild its ports.", ("AID", "CAN", "UKR", "planned")),
])
def test_round9_events(nlp, text, expected):
    assert expected in coded(nlp, text)


def test_a_bare_venue_is_not_the_host(nlp):
    assert not [e for e in coded(nlp, "India will attend a summit in Canada.") if e[0] == "CONSULT"]


def test_receiving_visitors_without_a_sender_does_not_reverse(nlp):
    assert not [e for e in coded(nlp, "Germany received the delegation on Monday.") if e[2] == "DEU"]
