"""Round 11 date regressions (own wording)."""

import datetime as dt

from detente import dates

PUB = dt.date(2024, 5, 20)


def _date_of(nlp, text: str, trigger: str) -> str | None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    sent = tok.sent
    te = dates.date_for(sent, tok.i, PUB)
    return None if te is None or te.date is None else te.date.value


def test_shared_subject_conjunct_takes_the_first_phrase_date(nlp):
    text = "Kenyan and Somali envoys held talks in Nairobi in February and pledged to reopen the border."
    assert _date_of(nlp, text, "pledged") == "2024-02"


def test_conjunct_with_a_sequence_adverb_does_not_share_the_date(nlp):
    text = "Moscow banned the movement in 2003 and later lifted the ban."
    assert _date_of(nlp, text, "lifted") != "2003"


def test_perfect_conjunct_does_not_share_the_date(nlp):
    text = "Moscow banned the movement in 2003 and has now lifted the ban."
    assert _date_of(nlp, text, "lifted") != "2003"


def test_through_a_year_sets_the_scene_for_the_next_sentence(nlp):
    text = ("Officials announced new measures on Monday.\n\n"
            "The raids went on through 2023. The rebels seized three towns near the coast.")
    assert _date_of(nlp, text, "seized") == "2023"


def test_until_a_year_does_not_set_the_scene(nlp):
    text = ("Officials announced new measures on Monday.\n\n"
            "The truce held until 2023. The rebels seized three towns near the coast.")
    assert _date_of(nlp, text, "seized") != "2023"
