"""Accuracy round 3 (actors and dates): one regression case per fix, in our own words."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import dates

pytestmark = pytest.mark.slow

ON = dt.date(2025, 4, 25)


@pytest.fixture
def ms(found):
    """Mentions on the day these cases are set (2025-04-25) unless told otherwise."""
    return lambda text, on=ON: found(text, on)


def by_text(mentions):
    return {m.text: m for m in mentions}


def test_capital_after_on_or_with_is_the_government(ms):
    m = by_text(ms("Moscow launched a drone attack on Kyiv and later held talks with Beijing."))
    assert (m["Kyiv"].id, m["Kyiv"].sector) == ("UKR", "GOV")
    assert m["Beijing"].id == "CHN"


def test_capital_after_in_stays_a_place(ms):
    assert "Kabul" not in by_text(ms("The envoy arrived in Kabul on Monday."))


def test_protesters_placed_in_a_capital(ms):
    p = by_text(ms("Protesters in Tbilisi marched to parliament."))["Protesters in Tbilisi"]
    assert (p.id, p.country, p.sector) == (None, "GEO", "OPP")


def test_title_demonym_and_person_alias_form_one_mention(ms):
    m = by_text(ms("Chinese President Xi Jinping received the delegation."))
    assert m["Chinese President Xi Jinping"].id == "CHN"


def test_dotted_acronym_with_a_military_noun(ms):
    d = by_text(ms("A U.S. drone hit a radar site."))["U.S. drone"]
    assert (d.id, d.sector) == ("USA", "MIL")


def test_pair_anaphor_points_to_the_last_two_states(ms):
    out = ms("Chile expelled Peruvian diplomats and Peru did the same. Both countries later regretted it.")
    pair = [m for m in out if m.why.startswith("coref pair")]
    assert [out[m.antecedent].id for m in pair] == ["CHL", "PER"]


def test_the_two_leaders_are_two_people(ms):
    out = ms("Putin hosted Kim Jong Un. The two leaders signed a treaty.")
    assert {m.id for m in out if m.why.startswith("coref pair")} == {"RUS", "PRK"}


def test_afghan_government_words_are_the_taliban_after_august_2021(ms):
    late = by_text(ms("Kabul protested. Afghan authorities closed the border.", on=dt.date(2023, 3, 1)))
    assert late["Kabul"].id == "TALIBAN" and late["Afghan authorities"].id == "TALIBAN"
    early = by_text(ms("Kabul protested. Afghan authorities closed the border.", on=dt.date(2019, 3, 1)))
    assert early["Kabul"].id == "AFG"


def test_plain_state_name_stays_the_state_under_a_de_facto_government(ms):
    assert by_text(ms("Afghanistan faces a drought.", on=dt.date(2023, 3, 1)))["Afghanistan"].id == "AFG"


def test_the_government_after_a_capital_used_as_a_place(ms):
    out = ms("China sent an envoy. An analyst at a Moscow institute that advises the government disagreed.")
    gov = by_text(out)["the government"]
    assert gov.id == "RUS"


def _date_of(nlp, text, verb, published):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    return dates.date_for(tok.sent, tok.i, published)


def test_past_event_takes_the_year_of_its_paragraph(nlp):
    te = _date_of(nlp, "In 2018, a pipeline exploded near the border. Kyiv blamed Moscow.", "blamed",
                  dt.date(2025, 5, 2))
    assert (te.date.value, te.date.precision) == ("2018", "year")


def test_paragraph_year_does_not_cross_a_blank_line(nlp):
    assert _date_of(nlp, "In 2018, a pipeline exploded near the border.\n\nKyiv blamed Moscow.", "blamed", dt.date(2025, 5, 2)) is None


def test_weeks_after_dates_the_earlier_event_before_publication(nlp):
    te = _date_of(nlp, "Two weeks after the court lifted the ban, Moscow welcomed the envoy.", "lifted",
                  dt.date(2025, 5, 2))
    assert te.date.value == "2025-04-18"
