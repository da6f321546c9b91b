"""Round 13 regressions for the events engine: argument choice (own example sentences)."""
import datetime as dt

from events_helpers import extracted, one_of

DAY = dt.date(2024, 3, 1)


def _events(nlp, kb, text):
    return extracted(nlp, kb, text, DAY)


_one = one_of


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
