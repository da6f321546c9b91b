"""Bullet lists in cleaned text: a colon over a list ends its lead-in, inline bullets become sentences,
one character for one (offsets stay exact)."""

from __future__ import annotations

import pytest

from detente.clean import clean_text


def test_colon_over_bullet_list_ends_the_lead_in():
    # origin: test_accuracy_r6_dates.py::test_colon_over_bullet_list_ends_the_lead_in (own writing)
    cleaned = clean_text("Main points:\n\u2022 Peru expelled two diplomats.\n\u2022 Ecuador replied.")
    assert cleaned.text.startswith("Main points.\n")
    assert len(cleaned.offsets) == len(cleaned.text) + 1


def test_inline_bullets_become_sentences_one_char_for_one():
    # origin: test_accuracy_r6_dates.py::test_inline_bullets_become_sentences_one_char_for_one (own writing)
    raw = "Main points: \u2022 Peru expelled two diplomats \u2022 Ecuador replied."
    cleaned = clean_text(raw)
    assert cleaned.text == "Main points.   Peru expelled two diplomats . Ecuador replied."
    assert len(cleaned.text) == len(raw)


@pytest.mark.slow
def test_inline_bullet_items_parse_as_separate_sentences(nlp):
    # origin: test_accuracy_r6_dates.py::test_inline_bullet_items_parse_as_separate_sentences (own writing)
    doc = nlp(clean_text("Main points: \u2022 Peru expelled two diplomats. \u2022 Ecuador replied.").text)
    starts = [s.text.strip().split()[0] for s in doc.sents]
    assert "Peru" in starts and "Ecuador" in starts
