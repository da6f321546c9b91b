"""``detente.services.names``: one rule set for turning what a user typed into an actor id."""

from __future__ import annotations

import pytest

from detente.services.names import UnknownActor, candidates, resolve_actor
from one_event_store import one_event_store


class _Res:
    def __init__(self, id_=None, country=None, why=""):
        self.id, self.country, self.why = id_, country, why


class _KB:
    actors = {"RUS": 1, "TALIBAN": 1, "UKR": 1}

    def get(self, actor_id):
        return self.actors.get(actor_id.upper())

    def resolve(self, text, on=None):
        return {"russia": _Res("RUS"), "russsia": _Res("RUS", why="fuzzy match 'russia' (93%)"),
                "armenian prime minister": _Res(None, "ARM")}.get(text.casefold())

    def search(self, q):
        return [("RUS", 0.9, "Russia")] if q.casefold().startswith("russ") else []


@pytest.fixture
def store(tmp_path):
    from detente.store import open_store

    return open_store(one_event_store(f"sqlite:///{tmp_path / 'n.db'}"))


@pytest.mark.parametrize("text, expected", [
    ("RUS", "RUS"), ("  taliban ", "TALIBAN"), ("Russia", "RUS"), ("Armenian  Prime Minister", "ARM"),
])
def test_ids_any_case_names_and_compositional_phrases_resolve(text, expected):
    assert resolve_actor(text, kb=_KB()) == expected


def test_a_fuzzy_match_is_never_taken_but_offered_as_a_candidate():
    with pytest.raises(UnknownActor) as err:
        resolve_actor("Russsia", kb=_KB())
    assert err.value.candidates[0] == "RUS"
    assert str(err.value) == "unknown or ambiguous actor 'Russsia' (candidates: RUS)"


def test_an_id_only_the_store_names_resolves_and_a_misspelt_id_gets_close_ids(store):
    kb = _KB()
    kb.actors = {}  # TALIBAN known to the store only
    assert resolve_actor("TALIBAN", store=store, kb=kb) == "TALIBAN"
    assert resolve_actor("taliban", store=store, kb=kb) == "TALIBAN"
    with pytest.raises(UnknownActor) as err:
        resolve_actor("TALIBANN", store=store, kb=kb)
    assert "TALIBAN" in err.value.candidates


def test_without_a_store_an_id_shaped_text_is_taken_as_given_with_one_it_is_checked(store):
    assert resolve_actor("UNSC:TAi.004", kb=_KB()) == "UNSC:TAi.004"
    with pytest.raises(UnknownActor):
        resolve_actor("UNSC:TAi.004", store=store, kb=_KB())


def test_empty_text_is_unknown():
    with pytest.raises(UnknownActor):
        resolve_actor("   ", kb=_KB())
    assert candidates("", kb=_KB()) == []
