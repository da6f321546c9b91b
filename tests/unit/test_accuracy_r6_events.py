"""Round 6 regressions for the events engine: headline verbs tagged as nouns, other actors'
expectations, purposes of plans, representation changes, and argument frames (own sentences)."""

from __future__ import annotations

import pytest

from events_helpers import coded

pytestmark = pytest.mark.slow


def relation(events, rule):
    return [e.detail.get("relation") for e in events if e.rule == rule]


@pytest.mark.parametrize("text, expected", [
    # the tagger reads the headline verb as a plural noun; the engine re-parses as "They lifts …"
    ("North Korea test-fires missile at Japan", ("ASSAULT", "PRK", "JPN", "occurred")),
])
def test_headline_verbs_tagged_as_nouns_are_coded(nlp, text, expected):
    assert expected in coded(nlp, text)


def test_headline_with_acronym_subject_tagged_as_verb(nlp):
    from detente.events import extract_events
    from detente.models import Mention

    text = "ECOWAS lifts sanctions on Niger"
    doc = nlp(text)
    assert doc[1].pos_ != "VERB"  # the case the fallback is for
    mentions = [Mention(start=0, end=6, text="ECOWAS", id="ECOWAS", sector="IGO", kind="name"),
                Mention(start=26, end=31, text="Niger", id="NER", country="NER", kind="name")]
    events = [e for s in doc.sents for e in extract_events(s, mentions, None, None)]
    assert [(e.type, e.source.id, e.target.id) for e in events] == [("RETREAT", "ECOWAS", "NER")]


def test_headline_fallback_keeps_exact_offsets(nlp):
    text = "Talks stall. North Korea test-fires missile at Japan"
    ev = next(e for e in coded(nlp, text, full=True) if e.type == "ASSAULT")
    assert text[ev.start:ev.end] == ev.sentence == "North Korea test-fires missile at Japan"
    assert text[ev.source.start:ev.source.end] == "North Korea"
    assert text[ev.target.start:ev.target.end] == "Japan"


def test_what_another_actor_expects_is_not_the_targets_plan(nlp):
    events = coded(nlp, "Kosovo expected France to recognise it within months.")
    assert not [e for e in events if e[0] == "SUPPORT" and e[1] == "FRA"]


def test_purpose_of_a_planned_effort_is_planned(nlp):
    events = coded(nlp, "Germany would work with Japan to cut off Iran's funding.")
    assert ("SANCTION", "DEU", "IRN", "planned") in events


def test_reopened_embassy_is_received_by_the_host(nlp):
    events = coded(nlp, "Canada reopened its embassy in Iran on Monday.", full=True)
    assert relation(events, "representation.embassy_reopen") == [
        {"dimension": "representation", "value": "charge_d_affaires", "detail": {},
         "source": "IRN", "target": "CAN"}]


def test_upgrade_to_ambassador_level_is_a_planned_representation_change(nlp):
    events = coded(nlp, "Japan plans to upgrade relations with Syria to ambassador level.", full=True)
    ev = next(e for e in events if e.rule == "representation.upgrade_ambassador")
    assert (ev.source.id, ev.target.id, ev.status) == ("JPN", "SYR", "planned")
    assert ev.detail["relation"]["value"] == "ambassador"


def test_plain_upgrade_claims_no_level(nlp):
    events = coded(nlp, "Japan upgraded its ties with Syria.", full=True)
    assert all(e.detail.get("relation") is None for e in events)


def test_engaged_in_a_firefight_is_fighting(nlp):
    assert ("ASSAULT", "TUR", "SYR", "occurred") in coded(
        nlp, "Turkey engaged Syria in a firefight near the border.")


def test_evidence_presented_against_an_actor_is_an_accusation(nlp):
    assert ("ACCUSE", "CAN", "IND", "occurred") in coded(nlp, "Canada presented evidence against India.")
    assert ("ACCUSE", "CAN", "IND", "occurred") in coded(nlp, "Evidence against India was presented by Canada.")
