"""Round 7 regressions for the events engine: a demand answered by another actor is a REQUEST of its
own, and the tagger's two-object misparse of "rejected X demands" still finds X (own sentences)."""

from __future__ import annotations

import pytest

from events_helpers import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    # possessor of the demand asked it of the subject who answers it
    ("Israel rejected Hamas's demands for an end to the war.", ("REQUEST", "HAMAS", "ISR", "occurred")),
    ("The United Nations declined the Taliban's request to be seated.",
     ("REQUEST", "TALIBAN", "UN", "occurred")),
    # the tagger reads "Hamas demands" as two objects of "rejected"; both events are still coded
    ("Israel rejected Hamas demands for a permanent end to the fighting.",
     ("REJECT", "ISR", "HAMAS", "occurred")),
    ("Israel rejected Hamas demands for a permanent end to the fighting.",
     ("REQUEST", "HAMAS", "ISR", "occurred")),
])
def test_answered_demands_are_requests(nlp, text, expected):
    assert expected in coded(nlp, text)


def test_a_demand_of_ones_own_is_not_a_request_to_oneself(nlp):
    assert not [e for e in coded(nlp, "Russia repeated its demands.") if e[0] == "REQUEST"]
