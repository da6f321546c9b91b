"""``date_for``: which expression of a parsed sentence dates the event of a given trigger."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.dates import date_for

PUB = dt.date(2025, 4, 25)  # a Friday

pytestmark = pytest.mark.slow  # needs the spaCy model


def dated(nlp, sentence: str, trigger: str, published: dt.date | None = PUB):
    doc = nlp(sentence)
    sent = next(doc.sents)
    assert sent.end == len(doc), "one sentence per case"
    trig = next(t for t in doc if t.text == trigger)
    e = date_for(sent, trig.i, published)
    if e is None:
        return None
    assert doc.text[e.start:e.end] == e.text
    return (e.text, e.date.value if e.date else None)


CASES = [
    # sentence, trigger, expected (expression text, value) or None
    ("Russia designated the Taliban a terrorist organisation in 2003, and the Supreme Court "
     "suspended the ban on April 17.", "designated", ("2003", "2003")),
    ("Russia designated the Taliban a terrorist organisation in 2003, and the Supreme Court "
     "suspended the ban on April 17.", "suspended", ("April 17", "2025-04-17")),
    ("Russia designated the Taliban a terrorist organisation in 2003, and the Supreme Court "
     "suspended the ban on April 17.", "ban", ("April 17", "2025-04-17")),
    # a relative clause's date is about its own noun ...
    ("The designation, in force since 2003, was suspended on Thursday.", "suspended",
     ("Thursday", "2025-04-24")),
    ("The designation, in force since 2003, was suspended on Thursday.", "designation",
     ("since 2003", "2003")),
    ("The court, which was set up in 1993, suspended the ban last week.", "suspended",
     ("last week", "2025-04-14")),
    ("The court, which was set up in 1993, suspended the ban last week.", "set", ("1993", "1993")),
    ("The Taliban, who seized Kabul in August 2021, met Russian officials.", "met", None),
    ("The Taliban, who seized Kabul in August 2021, met Russian officials.", "seized",
     ("August 2021", "2021-08")),
    # ... a fronted date covers coordinated clauses, a trailing one does not
    ("In 2003, Russia designated the Taliban and banned its activities.", "banned", ("2003", "2003")),
    ("Russia designated the Taliban in 2003 and later lifted the ban.", "lifted", None),
    # noun triggers take the date of their verb
    ("Russia announced the suspension of the ban on Thursday.", "suspension", ("Thursday", "2025-04-24")),
    # governing clauses: xcomp, then the reporting verb
    ("Moscow decided on Thursday to suspend the ban.", "suspend", ("Thursday", "2025-04-24")),
    ("The ministry said on Thursday that Russia had suspended the ban.", "suspended",
     ("Thursday", "2025-04-24")),
    # anchors: resolved from their own phrase or another date in the sentence
    ("A week after the 2021 takeover, Moscow sent an envoy.", "sent", ("A week after", "2021")),
    ("In 2021 the Taliban took power, and two years later Russia sent an envoy.", "sent",
     ("two years later", "2023")),
    ("Russia sent an envoy to Kabul.", "sent", None),
    # what an anchor counts from lies the offset before the news-day clause it hangs on
    ("Two weeks after the Supreme Court suspended the ban, officials in Moscow are talking openly.",
     "suspended", ("Two weeks after", "2025-04-11")),
    ("Two weeks after the Supreme Court suspended the ban, officials in Moscow are talking openly.",
     "talking", ("Two weeks after", None)),
    # the date of the report dates the reported event
    ("The United States has designated the Houthis a terrorist organisation, the State Department "
     "said on Tuesday.", "designated", ("Tuesday", "2025-04-22")),
]


@pytest.mark.parametrize("sentence, trigger, expected", CASES)
def test_date_for(nlp, sentence, trigger, expected):
    assert dated(nlp, sentence, trigger) == expected


def test_unresolvable_anchor_keeps_no_date(nlp):
    assert dated(nlp, "Days later, Russia sent an envoy to Kabul.", "sent") == ("Days later", None)


def test_offsets_index_the_document(nlp):
    doc = nlp("Moscow protested. The court suspended the ban on 17 April 2025.")
    sent = list(doc.sents)[1]
    trig = next(t for t in doc if t.text == "suspended")
    e = date_for(sent, trig.i, PUB)
    assert doc.text[e.start:e.end] == "17 April 2025"
    assert (e.date.value, e.date.precision, e.kind) == ("2025-04-17", "day", "point")


def test_since_keeps_its_kind(nlp):
    doc = nlp("Russia has recognised the government since 2021.")
    trig = next(t for t in doc if t.text == "recognised")
    e = date_for(next(doc.sents), trig.i, PUB)
    assert (e.kind, e.ongoing, e.date.value) == ("since", True, "2021")


def test_every_token_of_a_paragraph_gets_a_sane_answer(nlp):
    doc = nlp("In 2021 the Taliban took power. Days later, Russia, which had banned the group in 2003, "
              "said on Thursday it would talk to them; since 2016 it had hosted talks from 2016 to 2021.")
    for sent in doc.sents:
        for tok in sent:
            e = date_for(sent, tok.i, PUB)
            if e is not None:
                assert sent.start_char <= e.start < e.end <= sent.end_char
                assert doc.text[e.start:e.end] == e.text
