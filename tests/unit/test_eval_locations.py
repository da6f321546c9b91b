"""Location scores of real-text gold: the predicted place overlapping each labelled location."""

from __future__ import annotations

from types import SimpleNamespace

from detente.eval.locations import location_scores
from detente.eval.types import GoldItem, GoldLocation
from detente.models import ArticleResult, Location

TEXT = "Malaysian police said the tanker was hijacked off Malaysia. Talks in Tripoli failed; Tripoli is calm."


def _loc(name: str, country: str | None, precision: str = "city") -> Location:
    start = TEXT.rindex(name)
    return Location(name=name, country=country, precision=precision, start=start, end=start + len(name))


def _unit(locations, places):
    item = GoldItem(id="x", origin="t", kind="article", text=TEXT, locations=locations)
    return SimpleNamespace(item=item, result=ArticleResult(id="x", places=places))


def test_country_found_and_precision_are_scored_with_errors_listed():
    gold = [GoldLocation(text="Malaysia", country="MYS", precision="country"),
            GoldLocation(text="Tripoli", country="LBY", precision="city"),
            GoldLocation(text="Gulf of Oman", country=None, precision="province")]
    places = [_loc("Malaysia", "MYS", "country"), _loc("Tripoli", "LBN")]
    s = location_scores([_unit(gold, places)])
    # "Malaysia" is matched on a word boundary (not inside "Malaysian"); the second "Tripoli" is the
    # occurrence detente reads as a place; a gold null country is right when nothing is predicted
    assert s["found"] == {"correct": 2, "scored": 3, "accuracy": 0.6667}
    assert s["country"] == {"correct": 2, "scored": 3, "accuracy": 0.6667}
    assert s["precision"]["correct"] == 2
    assert s["errors"] == [{"text": "Tripoli", "gold": "LBY", "predicted": "LBN", "place": "Tripoli"}]


def test_no_labelled_locations_no_scores():
    assert location_scores([_unit([], [])]) is None


def test_event_locations_of_real_text_gold():
    from detente.models import Event

    def ev(loc):
        return Event(type="ASSAULT", sentence="s", start=0, end=1, confidence=0.5, rule="r", location=loc)

    unit = _unit([GoldLocation(text="Tripoli", country="LBY", precision="city")], [])
    unit.item.split = "dev"
    unit.result.events = [ev(_loc("Tripoli", "LBY")), ev(_loc("Tripoli", "LBN")), ev(None)]
    assert location_scores([unit])["events"] == {"correct": 1, "scored": 3, "accuracy": 0.3333}
    unit.item.locations = []
    unit.result.events = [ev(None)]
    assert location_scores([unit, _unit([GoldLocation(text="Tripoli", country="LBY")], [])])["events"] == {
        "correct": 1, "scored": 1, "accuracy": 1.0}
