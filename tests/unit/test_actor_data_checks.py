"""Checks of the actor data at load (fix20b): sector nouns under one sector, state_acts ids, ship prefixes."""

import pytest
from pydantic import ValidationError

from detente.actors.schema import ActorFile


def test_a_noun_under_two_sectors_is_refused():
    with pytest.raises(ValidationError, match="two sectors"):
        ActorFile.model_validate({"version": 1, "nouns": [{"sector": "MIL", "words": ["warden"]},
                                                          {"sector": "COP", "words": ["warden"]}]})


def test_a_noun_twice_under_one_sector_is_accepted():
    ActorFile.model_validate({"version": 1, "nouns": [{"sector": "COP", "institution": True, "words": ["watch"]},
                                                      {"sector": "COP", "words": ["watch"]}]})


def test_state_acts_name_known_patterns_and_dimensions():
    from detente.actors.generic import StateActs, _check_state_acts

    _check_state_acts(StateActs(dimensions=["recognition"], patterns=["p.one"]), {"p.one"})
    with pytest.raises(ValueError, match="p.gone"):
        _check_state_acts(StateActs(patterns=["p.gone"]), {"p.one"})
    with pytest.raises(ValueError, match="recognitions"):
        _check_state_acts(StateActs(dimensions=["recognitions"]), set())


def test_ship_prefixes_name_known_states():
    from detente.actors.generic import GenericSpec, spec

    assert spec().ship_prefixes["USS"] == "USA"
    with pytest.raises(ValidationError, match="ZZZ"):
        GenericSpec.model_validate({**spec().model_dump(), "ship_prefixes": {"XYZ": "ZZZ"}})
