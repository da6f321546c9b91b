"""Events → relation changes, and the dimensions file that drives them."""

from __future__ import annotations

import pytest

from detente.models import DIMENSION_VALUES, ActorRef, Event
from detente.relations.derive import changes_from_events
from detente.relations.dimensions import DimensionsError, load_dimensions, parse_dimensions


def _event(type_="SANCTION", status="occurred", relation=None, date="2003", precision="year", **kw) -> Event:
    return Event(
        type=type_, status=status, date=date, date_precision=precision,
        source=ActorRef(id="RUS", country="RUS", sector="JUD", text="Russia's Supreme Court"),
        target=ActorRef(id="TALIBAN", country="AFG", sector="REB", text="the Taliban"),
        sentence="Russia designated the Taliban a terrorist organisation in 2003", start=10, end=72,
        confidence=0.87, rule="designation.list_add", detail={"relation": relation} if relation else {}, **kw,
    )


def test_a_designation_event_becomes_a_dated_listing():
    (change,) = changes_from_events([_event(relation={
        "dimension": "designation", "value": "listed",
        "detail": {"list": "federal list of terrorist organizations", "authority": "Supreme Court"}})])
    assert change.model_dump(mode="json") == {
        "source": "RUS", "target": "TALIBAN", "dimension": "designation", "value": "listed",
        "date": "2003", "date_precision": "year", "date_end": None,
        "detail": {"list": "federal list of terrorist organizations", "authority": "Supreme Court"},
        "sentence": "Russia designated the Taliban a terrorist organisation in 2003", "start": 10, "end": 72,
        "confidence": 0.87, "rule": "designation.list_add",
    }


def test_has_not_recognised_gives_recognition_none():
    (change,) = changes_from_events([_event(
        type_="SUPPORT", status="negated", date="2025-04-25", precision="day",
        relation={"dimension": "recognition", "value": "formal"})])
    assert (change.dimension, change.value) == ("recognition", "none")
    assert change.detail == {"negated": "formal"}


def test_a_pattern_that_already_negated_is_kept():
    (change,) = changes_from_events([_event(
        type_="SUPPORT", status="negated", date="2025-04-25", precision="day",
        relation={"dimension": "recognition", "value": "none", "detail": {"negated_from": "formal"}})])
    assert (change.value, change.detail) == ("none", {"negated_from": "formal"})


def test_a_negation_without_a_defensible_meaning_gives_nothing():
    # "did not suspend the listing" does not tell us what the listing is
    assert changes_from_events([_event(status="negated", relation={"dimension": "designation",
                                                                   "value": "suspended"})]) == []


def test_since_2016_is_held_from_2016():
    (change,) = changes_from_events([_event(type_="CONSULT", status="ongoing", date="2016",
                                            relation={"dimension": "representation", "value": "unofficial"})])
    assert (change.value, change.date, change.detail["ongoing"]) == ("unofficial", "2016", True)


def test_planned_changes_are_kept_and_marked():
    (change,) = changes_from_events([_event(type_="SUPPORT", status="planned", date="2025-04-25", precision="day",
                                            relation={"dimension": "representation", "value": "ambassador"})])
    assert change.detail == {"event_status": "planned"}


def test_fallback_from_the_dimensions_file():
    ev = _event(type_="SANCTION", mode="expel", context=["diplomatic"], date="2024-02-01", precision="day")
    (change,) = changes_from_events([ev])
    assert (change.dimension, change.value, change.rule) == ("representation", "expelled",
                                                             "fallback.representation.expel")
    assert changes_from_events([_event(type_="SANCTION", mode="expel", context=["economic"])]) == []


def test_events_without_resolved_actors_or_relation_give_nothing():
    ev = _event(relation={"dimension": "designation", "value": "listed"})
    ev.target.id = None
    assert changes_from_events([ev]) == []
    assert changes_from_events([_event()]) == []
    assert changes_from_events([_event(relation={"dimension": "designation", "value": "banned"})]) == []


def test_dimensions_file_agrees_with_the_model():
    cfg = load_dimensions()
    for dim, values in DIMENSION_VALUES.items():
        assert set(cfg.dimensions[dim].values) == set(values)
    assert cfg.dimensions["designation"].default == "none"
    assert cfg.ftm["designation"]["schema"] == "Sanction"
    assert cfg.negate("recognition", "formal") == "none"
    assert cfg.stance.label(3.4) == "cooperative" and cfg.stance.label(-4) == "hostile"


def test_an_invalid_dimensions_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "dimensions.yml"
    bad.write_text("version: 1\nprecision_rank: {}\n", encoding="utf-8")
    with pytest.raises(DimensionsError, match="invalid"):
        parse_dimensions(bad)
