"""Round 10 regressions for the events engine (own sentences): concessions under protest
(resignations, withdrawn bills, concessions made) and title-case headlines ("X Fire Missiles at Y")."""

from __future__ import annotations

import pytest

from events_helpers import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    # a leader quitting amid protests accedes to them; the protesters are no named actor
    ("Vladimir Putin resigned on Friday after weeks of street protests.", ("CONCEDE", "RUS", None, "occurred")),
    # a contested bill dropped under pressure
    ("Kosovo withdrew the language bill after protests in the north.", ("CONCEDE", "XKX", None, "occurred")),
    # concessions made to someone
    ("Azerbaijan made concessions to Armenian Prime Minister on the border villages.",
     ("CONCEDE", "AZE", "ARM", "occurred")),
])
def test_round10_concessions(nlp, text, expected):
    events = coded(nlp, text, full=True)
    got = [(e.type, e.source.id or e.source.country, (e.target.id or e.target.country) if e.target else None,
            e.status) for e in events]
    assert expected in got


def test_resigning_without_pressure_is_no_concession(nlp):
    assert not [e for e in coded(nlp, "Vladimir Putin resigned on Friday to take up a new post.")
                if e[0] == "CONCEDE"]


def test_title_case_headline_fire_missiles_at(nlp):
    assert ("ASSAULT", "IRN", "ISR", "occurred") in coded(nlp, "Iran Fires Missiles at Israel in Overnight Barrage")
