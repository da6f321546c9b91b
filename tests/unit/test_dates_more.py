"""Dating events in short news items: anchored clauses ("a week after the court suspended the
ban" is BEFORE the anchor), "the following day" across sentences, weekdays the parser hangs on a
reduced relative clause, and background dates in present-tense summaries."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.dates import date_for


def dated(nlp, text: str, word: str, published: dt.date) -> str | None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    sent = next(s for s in doc.sents if s.start <= tok.i < s.end)
    te = date_for(sent, tok.i, published)
    return None if te is None or te.date is None else te.date.value


@pytest.mark.parametrize("text, word, published, want", [
    # the anchored clause lies the offset BEFORE the date of the clause it hangs on
    ("Russia's foreign ministry received the Taliban's new ambassador on April 24, a week after the "
     "Supreme Court suspended the ban on the movement.", "suspended", dt.date(2025, 4, 25), "2025-04-17"),
    ("Russia's foreign ministry received the Taliban's new ambassador on April 24, a week after the "
     "Supreme Court suspended the ban on the movement.", "received", dt.date(2025, 4, 25), "2025-04-24"),
    ("Hezbollah fired dozens of rockets at northern Israel on Thursday, two days after an Israeli strike "
     "in Beirut killed its top military commander.", "killed", dt.date(2024, 8, 2), "2024-07-30"),
    ("Kenyan President William Ruto withdrew the finance bill on Wednesday, a day after protesters "
     "stormed parliament in Nairobi.", "stormed", dt.date(2024, 6, 27), "2024-06-25"),
    # ... and AFTER it for "before"
    ("The army withdrew from the town on Monday, two days before rebels entered it.", "entered",
     dt.date(2024, 3, 8), "2024-03-06"),
    # a main clause without a date: counted from publication for a news verb
    ("Kyiv banned the party, a day after the court ruled against it.", "ruled", dt.date(2024, 3, 8),
     "2024-03-07"),
])
def test_an_anchored_clause_is_dated_from_its_main_clause(nlp, text, word, published, want):
    assert dated(nlp, text, word, published) == want


@pytest.mark.parametrize("text, word, published, want", [
    ("Hamas released three Israeli hostages on Saturday. The following day, Israel freed 183 "
     "Palestinian prisoners.", "freed", dt.date(2025, 2, 17), "2025-02-16"),
    ("Bashar al-Assad fled Damascus on Sunday. A day later, the Kremlin said Russia had granted him "
     "asylum.", "granted", dt.date(2024, 12, 10), "2024-12-09"),
    # vague "days later": a month, never an invented day
    ("Azerbaijan and Armenia finalised the text of a peace treaty on March 13. Days later, Baku "
     "demanded that Armenia change its constitution.", "demanded", dt.date(2025, 3, 28), "2025-03"),
])
def test_a_later_anchor_counts_from_the_previous_sentence(nlp, text, word, published, want):
    assert dated(nlp, text, word, published) == want


def test_a_later_anchor_with_nothing_before_it_stays_undated(nlp):
    assert dated(nlp, "The following day, Israel freed 183 Palestinian prisoners.", "freed",
                 dt.date(2025, 2, 17)) is None


def test_a_weekday_on_a_reduced_relative_clause_dates_the_main_verb(nlp):
    text = "Houthi rebels seized a cargo ship linked to an Israeli businessman in the Red Sea on Sunday."
    assert dated(nlp, text, "seized", dt.date(2023, 11, 20)) == "2023-11-19"


def test_a_year_on_a_reduced_relative_clause_does_not(nlp):
    text = "Russia lifted the ban imposed in 2003."
    assert dated(nlp, text, "lifted", dt.date(2025, 4, 18)) is None


@pytest.mark.parametrize("text, word, want", [
    # simple present reports the day's news: a background date in the object does not date it
    ("Ukraine launches its largest drone attack on Moscow since the start of the war in 2022.", "launches", None),
    ("The United States imposes sanctions on Chinese firms that supplied drones to Russia in 2023.", "imposes", None),
    # ... but a date on the verb itself does
    ("Russia designates the Taliban a terrorist organisation in 2003.", "designates", "2003"),
    ("North Korea fires a missile on Tuesday.", "fires", "2025-03-11"),
])
def test_present_tense_summaries(nlp, text, word, want):
    assert dated(nlp, text, word, dt.date(2025, 3, 14)) == want
