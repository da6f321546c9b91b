"""Temporal expressions: what is found, how it resolves, and what is not a date.

Publication date throughout: Friday 25 April 2025.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.dates import TimeExpr, find_time_expressions, load_config, shift
from detente.models import DateValue

PUB = dt.date(2025, 4, 25)
assert PUB.weekday() == 4  # a Friday


def only(text: str, published: dt.date | None = PUB) -> TimeExpr:
    found = find_time_expressions(text, published)
    assert len(found) == 1, found
    return found[0]


def resolved(e: TimeExpr) -> tuple:
    return (e.text, e.kind, e.date.value if e.date else None, e.date.precision if e.date else None)


# -- points: years, decades, months, days ------------------------------------------------------

POINTS = [
    # text, expression text, value, precision
    ("Russia designated the Taliban in 2003.", "2003", "2003", "year"),
    ("The 2003 designation still stands.", "2003", "2003", "year"),
    ("Talks stalled in the 1990s.", "1990s", "1990", "decade"),
    ("It was common in the early 2000s.", "early 2000s", "2000", "decade"),
    ("The ban came in April 2025.", "April 2025", "2025-04", "month"),
    ("April 2025 was busy.", "April 2025", "2025-04", "month"),
    ("The envoy arrived in Sept. 2024.", "Sept. 2024", "2024-09", "month"),
    ("The court ruled on 17 April 2025.", "17 April 2025", "2025-04-17", "day"),
    ("The court ruled on April 17, 2025.", "April 17, 2025", "2025-04-17", "day"),
    ("The court ruled on the 3rd of March 2021.", "3rd of March 2021", "2021-03-03", "day"),
    ("The court ruled on Thursday, April 17, 2025.", "Thursday, April 17, 2025", "2025-04-17", "day"),
    ("The order is dated 2025-04-17.", "2025-04-17", "2025-04-17", "day"),
    ("The report (2015-06) said so.", "2015-06", "2015-06", "month"),
    ("The order is dated 17/04/2025.", "17/04/2025", "2025-04-17", "day"),
    ("The order is dated 05/04/2025.", "05/04/2025", "2025", "year"),  # day/month order unknown
    ("The court ruled on April 17.", "April 17", "2025-04-17", "day"),
    ("The court ruled on 2 June.", "2 June", "2024-06-02", "day"),  # most recent 2 June
    ("The conference opens on 2 May.", "2 May", "2025-05-02", "day"),  # days ahead: this year
    ("The talks were held in March.", "March", "2025-03", "month"),
    ("The talks were held in May.", "May", "2024-05", "month"),
    ("The court ruled on Thursday.", "Thursday", "2025-04-24", "day"),
    ("The court ruled on Friday.", "Friday", "2025-04-25", "day"),
    ("Fighting resumed in the summer of 2021.", "summer of 2021", "2021", "year"),
    ("After the mid-2021 offensive.", "2021", "2021", "year"),
]


@pytest.mark.parametrize("text, expr, value, precision", POINTS)
def test_points(text, expr, value, precision):
    e = only(text)
    assert (e.text, e.date.value, e.date.precision) == (expr, value, precision)
    assert text[e.start:e.end] == e.text


# -- relative to publication -------------------------------------------------------------------

RELATIVE = [
    ("He spoke yesterday.", "yesterday", "2025-04-24", "day", None),
    ("He speaks today.", "today", "2025-04-25", "day", None),
    ("They met last week.", "last week", "2025-04-14", "day", "2025-04-20"),  # Monday .. Sunday
    ("They met this week.", "this week", "2025-04-21", "day", "2025-04-27"),
    ("They met last month.", "last month", "2025-03", "month", None),
    ("They met last year.", "last year", "2024", "year", None),
    ("They met earlier this month.", "earlier this month", "2025-04", "month", None),
    ("They met earlier this year.", "earlier this year", "2025", "year", None),
    ("It was agreed this year.", "this year", "2025", "year", None),
    ("They met last April.", "last April", "2024-04", "month", None),
    ("They met last Thursday.", "last Thursday", "2025-04-24", "day", None),
    ("They met last Friday.", "last Friday", "2025-04-18", "day", None),
    ("They met last weekend.", "last weekend", "2025-04-19", "day", "2025-04-20"),
    ("It happened three years ago.", "three years ago", "2022", "year", None),
    ("It happened two days ago.", "two days ago", "2025-04-23", "day", None),
]


@pytest.mark.parametrize("text, expr, value, precision, end", RELATIVE)
def test_relative(text, expr, value, precision, end):
    e = only(text)
    assert e.kind == "relative"
    assert (e.text, e.date.value, e.date.precision) == (expr, value, precision)
    assert (e.date_end.value if e.date_end else None) == end
    assert not e.future


FUTURE = [
    ("They will meet next month.", "next month", "2025-05", "month"),
    ("They will meet next year.", "next year", "2026", "year"),
    ("They meet tomorrow.", "tomorrow", "2025-04-26", "day"),
    ("They will meet next Thursday.", "next Thursday", "2025-05-01", "day"),
    ("The summit will be held in May.", "May", "2025-05", "month"),  # not May 2024: "will"
    ("He is scheduled to visit on Tuesday.", "Tuesday", "2025-04-29", "day"),
    ("The diplomats must leave by midnight on Saturday.", "Saturday", "2025-04-26", "day"),
    ("An embassy will open on 2 May.", "2 May", "2025-05-02", "day"),
    ("A vote is planned later this year.", "later this year", "2025", "year"),
]


@pytest.mark.parametrize("text, expr, value, precision", FUTURE)
def test_future(text, expr, value, precision):
    e = only(text)
    assert (e.text, e.date.value, e.date.precision) == (expr, value, precision)
    assert e.future


# -- since / until / by / spans ----------------------------------------------------------------

WRAPPED = [
    ("The group has been banned since 2016.", "since 2016", "since", "2016", "year", None),
    ("It has been listed ever since March 2003.", "ever since March 2003", "since", "2003-03", "month", None),
    ("Troops must leave by 2024.", "by 2024", "by", "2024", "year", None),
    ("Emissions fall by mid-2030.", "by mid-2030", "by", "2030", "year", None),
    ("The mission ran from 2016 to 2021.", "from 2016 to 2021", "span", "2016", "year", "2021"),
    ("The mission ran between 2016 and 2021.", "between 2016 and 2021", "span", "2016", "year", "2021"),
    ("The 2016-2021 mission ended.", "2016-2021", "span", "2016", "year", "2021"),
    ("The 2010-11 season ended.", "2010-11", "span", "2010", "year", "2011"),
    ("The embassy stayed closed until 2013.", "until 2013", "until", "2013", "year", None),
    ("Talks ran from April to June 2024.", "from April to June 2024", "span", "2024-04", "month", "2024-06"),
    ("Talks ran from November to February 2024.", "from November to February 2024", "span", "2023-11", "month", "2024-02"),
    ("Talks ran from 17 to 20 April 2025.", "17 to 20 April 2025", "span", "2025-04-17", "day", "2025-04-20"),
]


@pytest.mark.parametrize("text, expr, kind, value, precision, end", WRAPPED)
def test_wrapped(text, expr, kind, value, precision, end):
    e = only(text)
    assert (e.text, e.kind, e.date.value, e.date.precision) == (expr, kind, value, precision)
    assert (e.date_end.value if e.date_end else None) == end
    assert e.ongoing == (kind == "since")
    assert text[e.start:e.end] == e.text


def test_by_a_future_year_is_future_and_kept():
    e = only("Russia aims to double trade by 2030.")
    assert (e.kind, e.date.value, e.future) == ("by", "2030", True)


# -- anchors -----------------------------------------------------------------------------------


def test_anchor_resolved_from_the_date_that_follows():
    found = find_time_expressions("Two weeks before 17 April 2025, the envoy arrived.", PUB)
    anchor = found[0]
    assert (anchor.text, anchor.kind, anchor.offset_days) == ("Two weeks before", "anchor", -14)
    assert (anchor.date.value, anchor.date.precision) == ("2025-04-03", "day")


def test_anchor_after_a_year_keeps_the_year():
    found = find_time_expressions("A week after the 2021 takeover, Moscow sent an envoy.", PUB)
    assert [resolved(e) for e in found] == [
        ("A week after", "anchor", "2021", "year"), ("2021", "point", "2021", "year")]


def test_anchor_without_a_date_is_not_resolved_against_publication():
    e = only("Days after the takeover, Moscow sent an envoy.")
    assert (e.kind, e.date, e.offset_vague, e.offset_unit) == ("anchor", None, True, "day")
    e = only("Two years later, Russia sent an ambassador.")
    assert (e.kind, e.date, e.offset_count, e.offset_unit) == ("anchor", None, 2, "year")
    e = only("The following year, Russia sent an ambassador.")
    assert (e.kind, e.date, e.offset_count, e.offset_unit) == ("anchor", None, 1, "year")


@pytest.mark.parametrize("anchor, count, unit, vague, expected", [
    (DateValue(value="2025-04-17", precision="day"), 7, "day", False, ("2025-04-24", "day")),
    (DateValue(value="2025-04-17", precision="day"), 2, "month", False, ("2025-06", "month")),
    (DateValue(value="2025-04-17", precision="day"), 3, "day", True, ("2025-04", "month")),
    (DateValue(value="2021", precision="year"), 1, "week", False, ("2021", "year")),
    (DateValue(value="2021", precision="year"), 2, "year", False, ("2023", "year")),
    (DateValue(value="2021-08", precision="month"), -1, "year", False, ("2020", "year")),
])
def test_shift_never_finer_than_anchor_or_offset(anchor, count, unit, vague, expected):
    got = shift(anchor, count, unit, vague)
    assert (got.value, got.precision) == expected


# -- not dates ---------------------------------------------------------------------------------

NOT_DATES = [
    "Some 2,003 people fled.",
    "About 1,500 troops were sent.",
    "Resolution 1988 set up the regime.",
    "The G20 met.",
    "It cost $2003.",
    "See No. 2003 of the list.",
    "See page 2003.",
    "Police said 2003 people fled.",
    "They sent 1500 troops.",
    "The tanker carried 2500 tonnes.",
    "By 2150 people will live on Mars.",
    "The 1267 Committee met.",
    "The list of 9999 entities.",
    "They may agree.",
    "A march in Kabul.",
    "The code is 2003-77.",
    "Prices rose 12.2003 percent.",
    "",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_time_expressions(text, PUB) == []


def test_far_future_year_needs_a_cue():
    assert find_time_expressions("The report covers 2040.", PUB) == []
    assert resolved(only("The fleet will be replaced in 2040.")) == ("2040", "point", "2040", "year")


def test_without_publication_date_relative_words_stay_unresolved():
    e = only("They met last week.", None)
    assert (e.kind, e.date) == ("relative", None)
    assert only("They met in March.", None).date is None
    assert only("They met in 2003.", None).date.value == "2003"


def test_several_expressions_in_order():
    text = ("Russia designated the Taliban in 2003, and the Supreme Court suspended the ban on "
            "April 17; the decision was published yesterday.")
    assert [resolved(e) for e in find_time_expressions(text, PUB)] == [
        ("2003", "point", "2003", "year"),
        ("April 17", "point", "2025-04-17", "day"),
        ("yesterday", "relative", "2025-04-24", "day"),
    ]


def test_data_file_is_valid():
    cfg = load_config()
    assert cfg.months["sept"] == 9 and cfg.weekdays["friday"] == 4


# -- properties --------------------------------------------------------------------------------

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2029, 12, 31))


@settings(max_examples=150, deadline=None)
@given(d=dates, fmt=st.sampled_from(["%d %B %Y", "%B %d, %Y", "%Y-%m-%d", "on %A, %d %B %Y"]))
def test_any_full_date_resolves_to_itself(d, fmt):
    text = f"The decision was taken {d.strftime(fmt)} in the capital."
    e = only(text)
    assert (e.date.value, e.date.precision) == (d.isoformat(), "day")
    assert text[e.start:e.end] == e.text


@settings(max_examples=100, deadline=None)
@given(y=st.integers(1950, 2030))
def test_in_a_year_is_that_year_and_nothing_finer(y):
    e = only(f"The agreement was signed in {y}.")
    assert (e.text, e.date.value, e.date.precision) == (str(y), str(y), "year")


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), pub=st.one_of(st.none(), dates))
def test_arbitrary_text_never_crashes_and_offsets_hold(text, pub):
    for e in find_time_expressions(text, pub):
        assert text[e.start:e.end] == e.text
        if e.date is not None and e.date_end is not None:
            assert e.date.first_day() <= e.date_end.last_day()


words = st.sampled_from(
    ["in", "on", "since", "by", "until", "from", "to", "between", "and", "last", "next", "this",
     "2003", "2016", "1990s", "April", "May", "17", "Thursday", "week", "month", "year", "days",
     "after", "before", "ago", "later", "yesterday", "the", "a", "two", ",", "-", "2025-04-17"])


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(words, max_size=12))
def test_date_like_word_salad_never_crashes(parts):
    text = " ".join(parts)
    for e in find_time_expressions(text, PUB):
        assert text[e.start:e.end] == e.text


@pytest.mark.parametrize("published", [dt.date.min, dt.date.max])
def test_calendar_edges_do_not_crash(published):
    text = ("tomorrow, next week, next month, next year, on Thursday, in May, last week, last year, "
            "two days ago, on 3 May, from May to June last year, a week after 1 January 2003")
    for e in find_time_expressions(text, published):
        assert text[e.start:e.end] == e.text
