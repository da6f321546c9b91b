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


def _victims_event(target, location_from: str = "sentence"):
    from detente.models import Event, Location

    return Event(type="ASSAULT", target=target, sentence="", start=0, end=10, confidence=0.5, rule="r",
                 location=Location(name="Balkh Province", country="AFG", precision="province"),
                 detail={"location_from": location_from})


def test_unplaced_civilian_victims_take_the_event_locations_country() -> None:
    from detente.models import ActorRef, Mention
    from detente.pipeline import _target_placed_by_location

    men = Mention(start=15, end=34, text="minority Hazara men", sector="CVL", kind="generic", why="agent noun 'man' → CVL")
    ev = _victims_event(ActorRef(text=men.text, sector="CVL", start=15, end=34))
    _target_placed_by_location(ev, [men])
    assert ev.target.country == "AFG" and ev.detail["target_country_from"] == "location"


def test_unidentified_armed_targets_stay_unplaced() -> None:
    from detente.models import ActorRef, Mention
    from detente.pipeline import _target_placed_by_location

    men = Mention(start=0, end=6, text="gunmen", sector="UAF", kind="generic", why="agent noun 'gunman' → UAF")
    ev = _victims_event(ActorRef(text=men.text, sector="UAF", start=0, end=6))
    _target_placed_by_location(ev, [men])
    assert ev.target.country is None


def test_a_country_the_text_states_is_kept_and_a_guess_only_yields_to_the_sentences_place() -> None:
    from detente.models import ActorRef, Mention
    from detente.pipeline import _target_placed_by_location

    stated = Mention(start=0, end=15, text="Iranian farmers", country="IRN", sector="CVL", kind="generic",
                     why="agent noun 'farmer' → CVL; country IRN from a modifier")
    ev = _victims_event(ActorRef(text=stated.text, country="IRN", sector="CVL", start=0, end=15))
    _target_placed_by_location(ev, [stated])
    assert ev.target.country == "IRN"
    guessed = stated.model_copy(update={"why": "agent noun 'farmer' → CVL; country IRN: the place of the sentence"})
    ev = _victims_event(ActorRef(text=stated.text, country="IRN", sector="CVL", start=0, end=15), "article")
    _target_placed_by_location(ev, [guessed])
    assert ev.target.country == "IRN"
    ev = _victims_event(ActorRef(text=stated.text, country="IRN", sector="CVL", start=0, end=15))
    _target_placed_by_location(ev, [guessed])
    assert ev.target.country == "AFG"


def _arrest_pending(target, sector: str = "COP"):
    from detente.events.engine import IMPLIED_PENDING
    from detente.models import Event, Location

    return Event(type="COERCE", target=target, sentence="", start=0, end=10, confidence=0.5, rule="r",
                 location=Location(name="Draffenville", country="USA", precision="city"),
                 detail={"location_from": "article", IMPLIED_PENDING: sector})


def test_an_implied_police_with_no_state_told_is_the_police_of_the_events_location() -> None:
    from detente.events.engine import IMPLIED_PENDING
    from detente.models import ActorRef
    from detente.pipeline import _implied_by_location

    ev = _arrest_pending(ActorRef(text="suspect", sector="UAF"))
    _implied_by_location(ev)
    assert (ev.source.country, ev.source.sector) == ("USA", "COP")
    assert IMPLIED_PENDING not in ev.detail and ev.detail["source_implied"] == "COP"


def test_no_implied_doer_without_a_located_state_nor_for_the_state_acted_on() -> None:
    from detente.events.engine import IMPLIED_PENDING
    from detente.models import ActorRef
    from detente.pipeline import _implied_by_location

    ev = _arrest_pending(ActorRef(text="suspect", sector="UAF")).model_copy(update={"location": None})
    _implied_by_location(ev)
    assert ev.source is None and ev.detail[IMPLIED_PENDING] == "COP"  # what was implied, as provenance
    ev = _arrest_pending(ActorRef(text="the country", id="USA", country="USA"))
    _implied_by_location(ev)
    assert ev.source is None
