"""Round 7 date fixes, one regression case each (own wording, multi-sentence texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.clean import clean_text
from detente.dates import date_for

pytestmark = pytest.mark.slow  # needs the spaCy model

TUE = dt.date(2024, 3, 12)  # a Tuesday: "on Monday" is 2024-03-11


def expr_of(nlp, text: str, trigger: str, published: dt.date = TUE, nth: int = 0):
    doc = nlp(clean_text(text).text)
    trig = [t for t in doc if t.text == trigger][nth]
    e = date_for(trig.sent, trig.i, published)
    if e is not None:
        assert doc.text[e.start:e.end] == e.text
    return e


def date_of(nlp, text: str, trigger: str, published: dt.date = TUE, nth: int = 0) -> str | None:
    e = expr_of(nlp, text, trigger, published, nth)
    return e.date.value if e is not None and e.date is not None else None


def test_news_peg_of_the_paragraph_dates_a_later_undated_past_event(nlp):
    text = ("Peru recalled its ambassador from Quito on Monday. Ecuador responded by expelling "
            "two Peruvian attaches.")
    assert date_of(nlp, text, "expelling") == "2024-03-11"


def test_news_peg_does_not_cross_into_a_background_paragraph(nlp):
    text = ("Peru recalled its ambassador from Quito on Monday.\n\n"
            "In 2019, the two countries signed a border accord. Ecuador praised the deal.")
    assert date_of(nlp, text, "praised") == "2019"


def test_day_long_past_lends_only_its_month(nlp):
    text = ("On June 3, 2022, the president accused the neighbour of arming rebels. "
            "The neighbour called the charge slander.")
    e = expr_of(nlp, text, "called")
    assert (e.date.value, e.date.precision) == ("2022-06", "month")


def test_lede_news_peg_dates_undated_events_of_a_later_paragraph(nlp):
    text = ("Peru recalled its ambassador from Quito on Monday, ending months of quiet talks.\n\n"
            "Lima also expelled the Ecuadorian consul.")
    assert date_of(nlp, text, "expelled") == "2024-03-11"


def test_present_perfect_keeps_the_publication_day(nlp):
    text = "Peru recalled its ambassador from Quito on Monday. Ecuador has closed its consulate."
    assert date_of(nlp, text, "closed") is None  # the caller uses publication


def test_days_after_an_undated_event_takes_the_paragraph_setting(nlp):
    text = ("Ties broke down in March 2016. Days after Oslo imposed new tariffs, crowds attacked "
            "the Norwegian consulate.")
    assert date_of(nlp, text, "imposed", dt.date(2020, 5, 1)) == "2016-03"
    assert date_of(nlp, text, "attacked", dt.date(2020, 5, 1)) == "2016-03"


def test_relative_clause_with_then_takes_the_main_clause_date(nlp):
    text = ("Ties worsened in May 1998, when Kabul backed the rebels of the province, which "
            "Indian forces were then fighting.")
    assert date_of(nlp, text, "fighting") == "1998-05"


def test_since_an_undated_event_is_an_ongoing_span_with_unknown_start(nlp):
    text = "Turkey has shelled dozens of villages since the truce collapsed."
    e = expr_of(nlp, text, "shelled")
    assert e is not None and e.kind == "since" and e.ongoing and e.date is None


def test_year_just_ended_sets_the_paragraph(nlp):
    text = ("Negotiations faltered throughout 2023. Oslo rejected the proposals for a joint patrol.")
    assert date_of(nlp, text, "rejected", dt.date(2024, 1, 10)) == "2023"
