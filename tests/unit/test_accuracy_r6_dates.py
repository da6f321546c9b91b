"""Round 6 date fixes, one regression case each (own wording, multi-sentence texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.clean import clean_text
from detente.dates import date_for

pytestmark = pytest.mark.slow  # needs the spaCy model

MON = dt.date(2024, 3, 11)  # a Monday


def date_of(nlp, text: str, trigger: str, published: dt.date = MON, nth: int = 0) -> str | None:
    """Date value given to the ``nth`` token ``trigger`` of a cleaned, parsed text."""
    doc = nlp(clean_text(text).text)
    trig = [t for t in doc if t.text == trigger][nth]
    e = date_for(trig.sent, trig.i, published)
    if e is None:
        return None
    assert doc.text[e.start:e.end] == e.text
    return e.date.value if e.date else None


def test_hours_later_counts_from_the_previous_event_not_an_older_clause(nlp):
    text = ("Norway and Chile recalled their envoys on Monday. The Chilean cabinet ordered the "
            "closure of the mission, citing the arrest of a journalist in May 2022. Hours later, "
            "Oslo announced that it was closing its own embassy.")
    assert date_of(nlp, text, "closing") == "2024-03-11"


def test_same_day_after_undated_news_sentence_is_the_news_day(nlp):
    text = ("The ministry summoned the ambassador, citing the 2019 border dispute. "
            "Later that day, the envoy left the capital.")
    assert date_of(nlp, text, "left") == "2024-03-11"


@pytest.mark.parametrize("line, trigger, expected", [
    ("Timeline\n\u2022 1994 - Peru first recognises the government of Ecuador.\n", "recognises", "1994"),
    ("Timeline\n\u2022 2008: Peru recalls its ambassador from Quito.\n", "recalls", "2008"),
    ("Timeline\n\u2022 March 3, 2016 - Ecuador expels two Peruvian diplomats.\n", "expels", "2016-03-03"),
])
def test_a_date_opening_a_timeline_line_dates_its_event(nlp, line, trigger, expected):
    assert date_of(nlp, line, trigger) == expected


def test_anchor_before_a_present_progressive_clause_counts_back_from_publication(nlp):
    text = "Three weeks after the parliament ratified the treaty, diplomats are drafting the next one."
    assert date_of(nlp, text, "ratified") == "2024-02-19"


def test_a_fronted_when_clause_dates_the_main_clause(nlp):
    text = "When the rebels seized the port in 1987, Lisbon armed the militia and sent advisers."
    assert date_of(nlp, text, "armed") == "1987"
    assert date_of(nlp, text, "sent") == "1987"


def test_the_news_day_without_a_date_of_its_own_stays_the_publication_date(nlp):
    # present perfect with no date: the state at publication (see the dates module docstring)
    assert date_of(nlp, "Peru has removed the group from its list of banned organisations.", "removed") is None


def test_colon_over_bullet_list_ends_the_lead_in():
    cleaned = clean_text("Main points:\n\u2022 Peru expelled two diplomats.\n\u2022 Ecuador replied.")
    assert cleaned.text.startswith("Main points.\n")
    assert len(cleaned.offsets) == len(cleaned.text) + 1


def test_inline_bullets_become_sentences_one_char_for_one():
    raw = "Main points: \u2022 Peru expelled two diplomats \u2022 Ecuador replied."
    cleaned = clean_text(raw)
    assert cleaned.text == "Main points.   Peru expelled two diplomats . Ecuador replied."
    assert len(cleaned.text) == len(raw)


def test_inline_bullet_items_parse_as_separate_sentences(nlp):
    doc = nlp(clean_text("Main points: \u2022 Peru expelled two diplomats. \u2022 Ecuador replied.").text)
    starts = [s.text.strip().split()[0] for s in doc.sents]
    assert "Peru" in starts and "Ecuador" in starts
