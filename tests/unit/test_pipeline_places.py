"""Places are looked up where they locate events; the evaluation asks for them in every article."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import Article
from detente.pipeline import extract_articles

pytestmark = pytest.mark.slow

ON = dt.date(2024, 6, 1)


def _one(text: str, **kw):
    return next(extract_articles([Article.from_text(text, published=ON)], **kw))


def test_an_article_without_events_gets_no_place_lookup_by_default():
    res = _one("A new museum opened in Mariupol on Tuesday.")
    assert res.events == [] and res.places == []


def test_all_places_finds_the_places_of_an_article_without_events():
    res = _one("A new museum opened in Mariupol on Tuesday.", all_places=True)
    assert res.events == []
    assert [(p.name, p.country) for p in res.places] == [("Mariupol", "UKR")]


def test_an_article_with_events_keeps_its_places_and_locates_them():
    res = _one("Russian forces shelled a theatre in Mariupol on Tuesday.")
    assert [(p.name, p.country) for p in res.places][-1] == ("Mariupol", "UKR")
    assert res.events and res.events[0].location is not None and res.events[0].location.name == "Mariupol"
