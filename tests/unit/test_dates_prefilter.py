"""The dates pre-filter's fast path and the gates of its patterns (a digit, cue words) leave no
expression out."""

import datetime as dt

import pytest

from detente import dates


@pytest.mark.parametrize("text", [
    "Rebels shelled the town.", "Talks resume on MONDAY in Geneva.", "Troops left 3 villages.",
    "The DECADE-long war ends.", "Mid-SEPTEMBER talks", "a fortnight of unrest", "Ministers met tonight",
    "Mayors meet", "Officials say nothing", "Ａ fullwidth ５ digit", "Talks in ſeptember",
    "A KELVIN sign: Ｋ", "", "Talks resume in Zürich next week.",
])
def test_fast_prefilter_agrees_with_the_regex(text):
    assert dates._may_hold_date(text) == (dates._prefilter().search(text) is not None)


@pytest.mark.parametrize("text", [
    "Police said on Monday that the strikes of last week began the previous day, two weeks ago.",
    "In the spring of two thousand, the mid-nineties and early March talks failed.",
    "Tuesday the first of May, talks on Sunday fifth of June; late September; the 'nineties.",
])
def test_patterns_marked_as_needing_a_digit_match_nothing_without_one(text):
    assert not any(needs and rx.search(text) for rx, _h, needs, _cues in dates._patterns())
    assert any(not needs and rx.search(text) for rx, _h, needs, _cues in dates._patterns())


@pytest.mark.parametrize("text", [
    "Police said on Monday that the strikes of last week began the previous day, two weeks ago.",
    "Talks held on 3 March 2020 and in April 2019 failed the following month, a year after the vote.",
    "TROOPS LEFT YESTERDAY, OVER THE WEEKEND; THAT SAME DAY THE TRUCE HELD. Tuesday, June 5",
    "Rebels shelled the town for 3 days; aid came 2 hours later.",
])
def test_a_pattern_whose_cue_words_are_absent_matches_nothing(text):
    low = text.lower()
    for rx, _h, _needs, cues in dates._patterns():
        if cues and not any(w in low for w in cues):
            assert rx.search(text) is None, rx.pattern[:60]


@pytest.mark.parametrize("text", [
    "Police said on Monday that the strikes of last week began the previous day, two weeks ago.",
    "Talks held on 3 March 2020 and in April 2019 failed the following month, a year after the vote.",
    "TROOPS LEFT YESTERDAY, OVER THE WEEKEND; THAT SAME DAY THE TRUCE HELD. Tuesday, June 5",
    "Rebels shelled the town for 3 days; aid came 2 hours later.", "Ａ fullwidth ５ day in ſeptember",
])
def test_the_gates_change_no_expression_found(text, monkeypatch):
    on = dt.date(2020, 5, 4)
    dates._find.cache_clear()
    gated = dates._find(text, on)
    rows = [(rx, h, False, ()) for rx, h, _needs, _cues in dates._patterns()]
    monkeypatch.setattr(dates, "_patterns", lambda: rows)
    dates._find.cache_clear()
    assert dates._find(text, on) == gated


@pytest.mark.parametrize("text,year", [
    ("Talks ended three yearſ ago.", 2017), ("Rebels withdrew two wee\u212as ago.", 2020),
    ("Unrest came back a FORTN\u0130GHT ago.", 2020), ("Unrest came back a fortn\u0131ght ago.", 2020),
    ("Talks failed laſt year.", 2019), ("Talks end thiſ year.", 2020), ("Troops left fıve years ago.", 2015),
])
def test_letters_the_case_blind_patterns_take_for_ascii_ones_read_as_those_letters(text, year):
    """Python's re with IGNORECASE matches "ſ" for s, the Kelvin sign for k and dotted or dotless I
    for i; the words so matched are read as the ASCII words, never a lookup error or another reading."""
    found = dates.find_time_expressions(text, dt.date(2020, 6, 1))
    assert [e.date.value[:4] for e in found if e.date is not None] == [str(year)]


def test_a_case_blind_day_word_is_read_as_its_ascii_word():
    found = dates.find_time_expressions("Talks ended yeſterday.", dt.date(2020, 6, 1))
    assert [e.date.value for e in found] == ["2020-05-31"]
