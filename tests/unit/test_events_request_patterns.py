"""The verbs that answer a demand (and so make its possessor the requester) are pattern data.

The sentence → event expectations of answered demands are in tests/cases/events/requests.yml.
"""

from __future__ import annotations

from detente.events.patterns import load_patterns


def test_answering_verbs_are_data():
    # origin: test_accuracy_r8_events.py::test_answering_verbs_are_data (own writing)
    answered = next(p for p in load_patterns().patterns if p.id == "request.answered")
    assert {"reject", "turn down", "agree to"} <= set(answered.governors)
    assert "welcome" not in answered.governors
