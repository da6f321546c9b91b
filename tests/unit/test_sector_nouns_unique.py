"""The sector nouns of an actor file: a word under two sectors is refused at load (fix20b)."""

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
