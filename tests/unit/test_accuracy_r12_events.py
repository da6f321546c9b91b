"""Round 12 regressions for the events engine: argument choice (own example sentences)."""
import datetime as dt

from events_helpers import extracted, one_of

DAY = dt.date(2024, 3, 1)


def _events(nlp, kb, text):
    return extracted(nlp, kb, text, DAY)


_one = one_of


def test_drills_in_a_region_target_the_regions_state(nlp, kb):
    ev = _one(_events(nlp, kb, "Russia held naval exercises in Alaska."), "MOBILIZE")
    assert ev.source.id == "RUS" and ev.target is not None and ev.target.id == "USA"


def test_call_up_for_an_offensive_in_a_territory_targets_it(nlp, kb):
    ev = _one(_events(nlp, kb, "Israel mobilised and called up reservists for an operation in Gaza."), "MOBILIZE")
    assert ev.target is not None and ev.target.id == "PSE"


def test_withdrawing_a_bill_after_protests_concedes_to_the_protesters(nlp, kb):
    ev = _one(_events(nlp, kb, "The Kenyan government dropped the tax bill after protesters marched on parliament."),
              "CONCEDE")
    assert ev.target is not None and (ev.target.country, ev.target.sector) == ("KEN", "OPP")


def test_resignation_without_protesters_keeps_target_open(nlp, kb):
    ev = _one(_events(nlp, kb, "Nepal's prime minister resigned on Tuesday amid mounting pressure."), "CONCEDE")
    assert ev.target is None or ev.target.sector != "OPP"
