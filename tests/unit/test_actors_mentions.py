"""Actor mentions and coreference in parsed text (needs the spaCy model: marked slow)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.actors import find_mentions

pytestmark = pytest.mark.slow

ON = dt.date(2025, 4, 25)


@pytest.fixture
def mentions(nlp, kb):
    def run(text, on=ON):
        doc = nlp(text)
        return doc, find_mentions(doc, kb, on)
    return run


def by_text(ms):
    return {m.text: m for m in ms}


def test_offsets_index_the_doc_text(mentions):
    doc, ms = mentions("Russia's Supreme Court lifted the ban on the Taliban on Thursday.")
    assert ms
    for m in ms:
        assert doc.text[m.start:m.end] == m.text


def test_state_institution_composes(mentions):
    _, ms = mentions("Russia's Supreme Court lifted the ban on the Taliban on Thursday.")
    m = by_text(ms)
    court = m["Russia's Supreme Court"]
    assert (court.id, court.country, court.sector, court.kind) == ("RUS", "RUS", "JUD", "compositional")
    assert (m["Taliban"].id, m["Taliban"].sector) == ("TALIBAN", "GOV")


def test_demonym_with_sector_noun(mentions):
    _, ms = mentions("The Russian foreign ministry said Armenian officials had arrived.")
    m = by_text(ms)
    assert (m["Russian foreign ministry"].id, m["Russian foreign ministry"].sector) == ("RUS", "GOV")
    assert (m["Armenian officials"].id, m["Armenian officials"].country) == (None, "ARM")


def test_longest_match_wins(mentions):
    _, ms = mentions("The UN Security Council met as the Pakistani Taliban attacked.")
    ids = [m.id for m in ms if m.kind != "coref"]
    assert "UNSC" in ids and "UN" not in ids
    assert "TTP" in ids and "TALIBAN" not in ids


def test_capital_metonym_but_not_place(mentions):
    _, ms = mentions("Moscow said it would respond. A Moscow lawyer met officials in Kabul.")
    texts = [(m.text, m.start) for m in ms if m.kind == "metonym"]
    assert texts == [("Moscow", 0)]


def test_dateline_is_not_an_actor(mentions):
    _, ms = mentions("KABUL, April 25 (Wire) - Pakistan closed the border.")
    assert [m.id for m in ms] == ["PAK"]


def test_lowercase_words_are_not_names(mentions):
    _, ms = mentions("They ate turkey and chad said who would pay for us.")
    assert ms == []


def test_hyphenated_agents(mentions):
    _, ms = mentions("China accepted a Taliban-appointed ambassador, while Iran-backed militias fought on.")
    m = by_text(ms)
    assert m["Taliban-appointed ambassador"].id == "TALIBAN"
    # the backer is named (a mention of its own), the militias it backs are not its own
    assert m["Iran"].id == "IRN"
    assert all(x.country != "IRN" for x in ms if "militia" in x.text)


def test_person_with_title_on_date(mentions):
    _, ms = mentions("Russian President Vladimir Putin met Sergey Lavrov.", on=dt.date(2024, 1, 1))
    m = by_text(ms)
    putin = m["Russian President Vladimir Putin"]
    assert (putin.id, putin.sector, putin.kind) == ("RUS", "GOV", "person")
    assert "VLADIMIR_PUTIN" in putin.why
    assert m["Sergey Lavrov"].id == "RUS"


def test_coref_in_a_short_article(mentions):
    text = ("Russia will accept an ambassador appointed by the Taliban, the foreign ministry said, "
            "a week after the country's Supreme Court suspended the movement's status as a banned "
            "terrorist organisation. The group has run Afghanistan since 2021.")
    _, ms = mentions(text)
    coref = {m.text: m for m in ms if m.kind == "coref"}
    assert (coref["the foreign ministry"].id, coref["the foreign ministry"].sector) == ("RUS", "GOV")
    court = coref["the country's Supreme Court"]
    assert (court.id, court.country, court.sector) == ("RUS", "RUS", "JUD")
    assert coref["the movement"].id == "TALIBAN"
    assert coref["The group"].id == "TALIBAN"
    for m in coref.values():
        assert m.antecedent is not None and ms[m.antecedent].start < m.start


def test_coref_needs_a_recent_antecedent(mentions):
    text = ("Hamas issued a statement. It rained. It rained again. Then it rained. And more. "
            "The group said nothing.")
    _, ms = mentions(text)
    assert [m.kind for m in ms] == ["name"]


def test_its_refers_to_the_clause_subject(mentions):
    _, ms = mentions("Russia kept its embassy in Kabul open.")
    its = [m for m in ms if m.text == "its"]
    assert its and its[0].id == "RUS"


def test_they_only_when_the_last_actor_is_a_group(mentions):
    _, ms = mentions("The Taliban met Russian companies, who said their contracts were ready.")
    assert not [m for m in ms if m.text == "their"]


def test_he_refers_to_the_last_person(mentions):
    _, ms = mentions("Sergey Lavrov arrived in Delhi. He met officials.")
    he = [m for m in ms if m.text == "He"]
    assert he and he[0].id == "RUS" and he[0].kind == "coref"


def test_a_long_article_is_fast_enough_to_run_per_article(nlp, kb):
    sentence = ("Russia's Supreme Court suspended the ban on the Taliban, and the foreign ministry in Moscow "
                "said the movement would be welcome. ")
    doc = nlp(sentence * 40)  # ~800 words
    ms = find_mentions(doc, kb, ON)
    assert len([m for m in ms if m.id == "TALIBAN"]) >= 40


def test_a_lone_surname_is_the_full_name_the_parser_took_for_a_body() -> None:
    from detente.actors.mentions import _surnames
    from detente.models import Mention

    full = Mention(start=0, end=15, text="Cesare Battisti", country="ITA", sector="REB", kind="entity")
    lone = Mention(start=60, end=68, text="Battisti", country="BOL", sector="UNK", kind="entity")
    got = _surnames([full, lone])
    assert (got[1].country, got[1].sector, got[1].kind) == ("ITA", "REB", "person")


def test_a_lower_case_entity_phrase_names_no_surname() -> None:
    from detente.actors.mentions import _surnames
    from detente.models import Mention

    body = Mention(start=0, end=18, text="the Interior Ministry", country="FRA", sector="GOV", kind="entity")
    lone = Mention(start=60, end=68, text="Ministry", country=None, sector="UNK", kind="entity")
    assert _surnames([body, lone])[1].country is None
