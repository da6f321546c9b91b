"""The dates pre-filter's fast path and the digit gate of its patterns leave no expression out."""

import pytest

from detente import dates


@pytest.mark.parametrize("text", [
    "Rebels shelled the town.", "Talks resume on MONDAY in Geneva.", "Troops left 3 villages.",
    "The DECADE-long war ends.", "Mid-SEPTEMBER talks", "a fortnight of unrest", "Ministers met tonight",
    "Mayors meet", "Officials say nothing", "Ａ fullwidth ５ digit", "Talks in ſeptember",
    "A KELVIN sign: Ｋ", "", "Talks resume in Zürich next week.",
])
def test_fast_prefilter_agrees_with_the_regex(text):
    assert dates._may_hold_date(text) == (dates._PREFILTER.search(text) is not None)


@pytest.mark.parametrize("text", [
    "Police said on Monday that the strikes of last week began the previous day, two weeks ago.",
    "In the spring of two thousand, the mid-nineties and early March talks failed.",
    "Tuesday the first of May, talks on Sunday fifth of June; late September; the 'nineties.",
])
def test_patterns_marked_as_needing_a_digit_match_nothing_without_one(text):
    assert not any(needs and rx.search(text) for rx, _h, needs in dates._patterns())
    assert any(not needs and rx.search(text) for rx, _h, needs in dates._patterns())
