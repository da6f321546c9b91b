"""The sector look-up of agent phrases (``detente.actors.generic.sector_of``): the quick test that
rules out a noun no listed phrase ends with must never rule out a listed phrase."""

from __future__ import annotations

from detente.actors.generic import _sector_of, agent_nouns


def _as_tokens(phrase: str) -> list[str]:
    # as spaCy splits a hyphenated word: "non-governmental" → non, -, governmental
    return phrase.replace("-", " - ").split()


def test_every_listed_phrase_is_still_found_as_written_and_as_tokens(kb):
    phrases = [*agent_nouns(), *kb.nouns]
    lost = [p for p in phrases if len(p.split()) <= 4 and "-" not in p.split()[0]
            and _sector_of(kb, p.split()) is None and _sector_of(kb, _as_tokens(p)) is None]
    assert lost == []


def test_accented_and_capitalised_forms_fold_to_the_listed_phrase(kb):
    assert _sector_of(kb, ["SOLDIERS"]) == _sector_of(kb, ["soldiers"]) != None  # noqa: E711
    assert _sector_of(kb, ["Poli\u0301ce"]) == _sector_of(kb, ["police"]) != None  # noqa: E711


def test_a_noun_no_listed_phrase_ends_with_has_no_sector(kb):
    assert _sector_of(kb, ["the", "army", "talks"]) is None
    assert _sector_of(kb, ["zzqx"]) is None
