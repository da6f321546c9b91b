"""Round 8 regressions for the events engine (own sentences): only answering verbs make a governed
demand a request, membership bids, and agentless attacks named by the attacker's demonym."""

from __future__ import annotations

import pytest

from detente.events.patterns import load_patterns
from detente.models import Mention
from events_helpers import PUBLISHED, coded

pytestmark = pytest.mark.slow


def test_welcoming_a_request_is_not_being_asked(nlp):
    assert not [e for e in coded(nlp, "Canada welcomed India's request for talks.") if e[0] == "REQUEST"]


def test_answering_verbs_are_data():
    answered = next(p for p in load_patterns().patterns if p.id == "request.answered")
    assert {"reject", "turn down", "agree to"} <= set(answered.governors)
    assert "welcome" not in answered.governors


@pytest.mark.parametrize("text, expected", [
    ("Israel turned down Hamas's demands for a pause.", ("REQUEST", "HAMAS", "ISR", "occurred")),
    ("Israel agreed to Hamas's request for a pause.", ("REQUEST", "HAMAS", "ISR", "occurred")),
    # a membership bid asks the organisation; coordinated applicants each ask
    ("Ukraine and Turkey applied to join the European Union.", ("REQUEST", "TUR", "EU", "occurred")),
    ("Japan applied for NATO membership last year.", ("REQUEST", "JPN", "NATO", "occurred")),
    # refusing to attend talks with someone rejects them
    ("Syria refused to attend talks with Turkey.", ("REJECT", "SYR", "TUR", "occurred")),
])
def test_round8_events(nlp, text, expected):
    assert expected in coded(nlp, text)


def _demonym_events(nlp, text: str):
    from detente.events import extract_events

    doc = nlp(text)
    mentions = []
    for word, country, sector in (("Ukrainian farmers", "UKR", "CVL"), ("Russian", "RUS", None)):
        at = text.find(word)
        if at >= 0:
            mentions.append(Mention(start=at, end=at + len(word), text=word, country=country,
                                    id=None if sector else country, sector=sector, kind="demonym"))
    mentions.sort(key=lambda m: m.start)
    return [e for sent in doc.sents for e in extract_events(sent, mentions, None, PUBLISHED)]


def test_agentless_attack_runs_from_the_demonym_to_the_victims_country(nlp):
    events = _demonym_events(nlp, "Four Ukrainian farmers were killed in Russian shelling on Sunday.")
    hits = [e for e in events if e.type == "ASSAULT"]
    assert [(e.source.id, e.target.country) for e in hits] == [("RUS", "UKR")]


def test_an_active_attack_keeps_its_subject(nlp):
    events = _demonym_events(nlp, "Russian troops killed four Ukrainian farmers in an air strike.")
    assert all(e.source.id == "RUS" for e in events if e.type == "ASSAULT")


def test_agentless_attack_needs_victims_with_a_country(nlp):
    assert not [e for e in coded(nlp, "Six people were killed in Russian shelling.") if e[0] == "ASSAULT"]
