"""Round 8 date fixes, each with a case in our own words."""

import datetime as dt

from detente.clean import clean_text
from detente.dates import date_for, find_time_expressions


def _date(nlp, text, trigger, published, occurrence=0):
    doc = nlp(clean_text(text).text)
    toks = [t for t in doc if t.text == trigger]
    t = toks[occurrence]
    te = date_for(t.sent, t.i, published)
    return None if te is None or te.date is None else str(te.date.value)


def test_light_verb_anchor_counts_from_the_earlier_dated_mention(nlp):
    text = ("Rebels shelled a border town on Friday, the army said.\n\n"
            "The raids on March 3 destroyed two bridges. Officials did not confirm the raids.\n\n"
            "The raids came two days after gunmen ambushed a convoy near the river.")
    assert _date(nlp, text, "ambushed", dt.date(2025, 3, 8)) == "2025-03-01"


def test_dateline_day_yields_to_the_lede_weekday(nlp):
    text = ("PORT LOUIS, Republic Island, Jun 6 (Island Wire) - Two neighbours signed a fishing pact on "
            "Wednesday after months of talks.\n\n"
            "The foreign ministers met for three hours at a hotel near the harbour.")
    assert _date(nlp, text, "met", dt.date(2025, 6, 6)) == "2025-06-04"


def test_fronted_date_sets_every_clause_of_the_sentence(nlp):
    text = ("Talks resumed on Monday.\n\n"
            "In May 2018, rockets struck a depot near the port; a militia claimed the attack, "
            "but the government blamed its neighbour.")
    assert _date(nlp, text, "blamed", dt.date(2025, 2, 12)) == "2018-05"


def test_over_the_weekend_is_the_last_weekend_before_publication():
    (e,) = find_time_expressions("Envoys met in Geneva over the weekend.", dt.date(2024, 10, 14))
    assert (str(e.date.value), str(e.date_end.value), e.future) == ("2024-10-12", "2024-10-13", False)
    (e,) = find_time_expressions("Envoys will meet in Geneva at the weekend.", dt.date(2024, 10, 14))
    assert (str(e.date.value), e.future) == ("2024-10-19", True)
