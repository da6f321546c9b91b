"""Actor resolution for the phrases short news items use: counts, located sector nouns, members of
groups, titles with organisation names, people named in the news of their death, new KB entries."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.actors import load_kb

D = dt.date


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize("text, on, want", [
    ("protesters in Tbilisi", D(2024, 12, 3), (None, "GEO", "CVL")),
    ("police in Kabul", D(2024, 1, 1), ("AFG", "AFG", "COP")),
    ("Tens of thousands of Israelis", D(2024, 6, 1), ("ISR", "ISR", None)),
    ("more than 280 pupils", D(2024, 3, 1), None),
    ("Hayat Tahrir al-Sham fighters", D(2024, 12, 1), ("HTS", "SYR", "REB")),
    ("Hayat Tahrir al-Sham fighters", D(2025, 1, 1), ("HTS", "SYR", "GOV")),
    ("suspected Islamic State members", D(2024, 9, 19), ("ISIS", None, "REB")),
    ("UN Secretary-General Antonio Guterres", D(2025, 6, 22), ("UN", None, "IGO")),
    ("Niger's military junta", D(2023, 7, 30), (None, "NER", "MIL")),
    ("Mali's junta", D(2023, 5, 12), (None, "MLI", "MIL")),
    ("Pakistani jets", D(2024, 12, 24), ("PAK", "PAK", "MIL")),
    ("Sudanese paramilitaries", D(2024, 6, 14), (None, "SDN", "PRM")),
    ("Steve Witkoff", D(2025, 3, 13), ("USA", "USA", "GOV")),
    ("Pope Francis", D(2024, 3, 11), (None, "VAT", "REL")),
    ("Bashar al-Assad", D(2024, 12, 1), ("SYR", "SYR", "GOV")),
    ("Bashar al-Assad", D(2024, 12, 9), (None, "SYR", "ELI")),
    ("Gaza", D(2024, 1, 1), ("PSE", "PSE", "GOV")),
])
def test_news_phrases_resolve(kb, text, on, want):
    r = kb.resolve(text, on)
    got = None if r is None else (r.id, r.country, r.sector)
    assert got == want, r.why if r else "unresolved"


def test_a_count_before_an_actor_keeps_its_text_and_says_why(kb):
    r = kb.resolve("Tens of thousands of Israelis", D(2024, 6, 1))
    assert r.text == "Tens of thousands of Israelis" and "count stripped" in r.why


def test_a_state_followed_by_a_member_noun_is_not_a_group(kb):
    """"Russian fighters" is not Russia's membership: the member rule is for groups only."""
    r = kb.resolve("Russian officials", D(2024, 1, 1))
    assert (r.id, r.country, r.sector) == (None, "RUS", "GOV")


def test_a_place_that_is_no_state_does_not_locate(kb):
    assert kb.resolve("protesters in Narnia", D(2024, 1, 1)) is None


def test_news_of_a_death_names_the_post_held_at_death(kb):
    killed = kb.resolve("Hezbollah leader Hassan Nasrallah", D(2024, 9, 27))
    assert (killed.id, killed.sector) == ("HEZBOLLAH", "REB") and "died 2024-09-27" in killed.why
    later = kb.resolve("Hassan Nasrallah", D(2024, 12, 27))
    assert later.id is None and "died" in later.why


@pytest.mark.parametrize("text, on, want", [
    ("Odesa police", D(2022, 3, 1), (None, "UKR", "COP")),
    ("Lahore High Court", D(2019, 1, 1), (None, "PAK", "JUD")),
    ("Guangdong authorities", D(2019, 1, 1), (None, "CHN", "GOV")),
    ("Judge Harriet Vollmer", D(2019, 1, 1), (None, None, "JUD")),
    ("three Russian bombers", D(2020, 1, 1), (None, "RUS", "MIL")),
])
def test_a_phrase_no_alias_names_is_read_as_text(kb, text, on, want):
    """What the mention finder reads in a phrase answers for it (a town before a body, a title
    before an unknown name), never a country guessed from elsewhere."""
    r = kb.resolve(text, on)
    assert r is not None and (r.id, r.country, r.sector) == want, r
    assert r.why.startswith("read as a phrase")
