"""Round 13 regressions for the events engine: argument choice (own example sentences)."""
import datetime as dt

import pytest

from detente.actors import find_mentions, load_kb
from detente.events import extract_events

DAY = dt.date(2024, 3, 1)


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _events(nlp, kb, text):
    doc = nlp(text)
    mentions = find_mentions(doc, kb, DAY)
    return [e for s in doc.sents for e in extract_events(s, mentions, kb, DAY)]


def _one(events, type_):
    found = [e for e in events if e.type == type_]
    assert found, events
    return found[0]


def test_disarming_after_an_offensive_yields_to_the_attacker(nlp, kb):
    ev = _one(_events(nlp, kb, "Armenian militias agreed to disarm after a brief Azerbaijani offensive."), "RETREAT")
    assert ev.source.country == "ARM" and ev.target is not None and ev.target.id == "AZE"


def test_disarming_after_a_non_attack_keeps_target_open(nlp, kb):
    ev = _one(_events(nlp, kb, "Armenian militias agreed to disarm after a Russian proposal."), "RETREAT")
    assert ev.target is None or ev.target.id != "RUS"


def test_protest_against_a_coordinated_object_targets_its_owner(nlp, kb):
    ev = _one(_events(nlp, kb, "Polish truckers rallied in Warsaw to protest against fuel prices and EU rules."),
              "PROTEST")
    assert ev.target is not None and ev.target.id == "EU"
