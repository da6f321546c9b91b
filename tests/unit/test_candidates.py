"""The learned candidate-event model (detente.events.candidates): candidates, features, the model
and its bar."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from detente.events import candidates
from detente.events.candidates import CandidateModel

KILL_AND_SEIZE = "Mexican soldiers killed three cartel gunmen and seized a cache of rifles near Culiacan."


def _events(text: str):
    from detente.eval.runner import run_pipeline
    from detente.models import Article

    return next(iter(run_pipeline([Article.from_text(text, published=dt.date(2024, 6, 1))]))).events


def _model_on(monkeypatch, bar: float = 0.8) -> None:
    """The model turned on at ``bar`` (it ships off: ``candidate_min`` null)."""
    from detente.events import engine

    on = engine.settings().model_copy(update={"candidate_min": bar})
    monkeypatch.setattr(engine, "settings", lambda: on)


def _coded(monkeypatch, text: str, model: CandidateModel | None, dump: bool = False):
    _model_on(monkeypatch)
    monkeypatch.setattr(candidates, "get_model", lambda: model)
    if dump:
        monkeypatch.setenv(candidates.DUMP_ENV, "1")
    return [ev for ev in _events(text) if ev.rule.startswith(candidates.RULE_PREFIX)]


def test_the_failed_constraint_is_the_first_kind_the_pattern_has():
    p = SimpleNamespace(objects=["aid"], preps={"to": []}, complements=[], needs_clause=False)
    assert candidates.failed_constraint(p) == "object"
    p.objects = []
    assert candidates.failed_constraint(p) == "preposition"
    p.preps, p.needs_clause = {}, True
    assert candidates.failed_constraint(p) == "complement"
    p.needs_clause = False
    assert candidates.failed_constraint(p) == "other"


def test_a_one_feature_model_weighs_the_feature_by_its_value(tmp_path):
    model = CandidateModel({"p_type": 6.0}, -3.0, {"C": 1.0})
    assert model.prob({"p_type": 1.0}) > 0.9
    assert model.prob({"p_type": 0.0}) < 0.1
    assert model.prob({"p_type": 0.5}) == pytest.approx(0.5)
    assert model.prob({"unknown": 1.0}) == pytest.approx(model.prob({}))
    model.save(tmp_path / "m.npz")
    again = CandidateModel.load(tmp_path / "m.npz")
    assert again.prob({"p_type": 0.8}) == pytest.approx(model.prob({"p_type": 0.8}), abs=1e-6)


def test_a_candidate_is_described_by_its_type_constraint_classifier_and_sentence(monkeypatch):
    got = _coded(monkeypatch, KILL_AND_SEIZE, None, dump=True)
    seize = next(ev for ev in got if ev.type == "COERCE")
    feats = seize.detail[candidates.FEATURES_KEY]
    assert {"T=COERCE", "coded=1", "with=ASSAULT|T=COERCE", "lead=1", "s=found"} <= set(feats)
    assert any(f.startswith("failed=") for f in feats) and 0.0 <= feats["p_type"] <= 1.0
    assert not any(ev.type == "ASSAULT" for ev in got)  # (the rules coded the killing: no candidate of its type)


def test_a_candidate_is_coded_only_when_the_model_reaches_the_bar(monkeypatch):
    sure = _coded(monkeypatch, KILL_AND_SEIZE, CandidateModel({}, 6.0, {}))
    assert "COERCE" in [ev.type for ev in sure] and len(sure) == len({ev.type for ev in sure})  # (one a type)
    assert all(ev.detail["candidate_p"] > 0.99 for ev in sure)
    assert _coded(monkeypatch, KILL_AND_SEIZE, CandidateModel({}, -6.0, {})) == []


def test_without_a_model_nothing_is_added(monkeypatch):
    assert _coded(monkeypatch, KILL_AND_SEIZE, None) == []


def test_the_headroom_bounds_what_the_parties_and_status_can_add(monkeypatch):
    weights = {"s=none": 0.4, "s=none|T=COERCE": 0.3, "s=found": 0.2, "s_sector=COP": 0.9, "s_state=0": -0.5,
               "t=found": 0.1, "t_sector=CVL": 0.6, "status=occurred": 0.2, "T=COERCE": 1.0}
    model = CandidateModel(weights, -1.0, {})
    # status 0.2 + source max(none 0.7, found 1.1) + target max(none 0, found 0.7)
    assert model.headroom(candidates.EVENT_GROUPS) == pytest.approx(2.0)
    for ev in _coded(monkeypatch, KILL_AND_SEIZE, None, dump=True):
        feats = ev.detail[candidates.FEATURES_KEY]
        own = candidates.event_features(ev)
        rest = {k: v for k, v in feats.items() if k not in own}
        z = model.bias + sum(model.weights.get(k, 0.0) * v for k, v in rest.items())
        assert model.prob(feats) <= candidates._sigmoid(z + model.headroom(candidates.EVENT_GROUPS)) + 1e-9


def test_a_confirmation_the_model_scores_under_the_veto_is_dropped(monkeypatch):
    from detente.events import engine

    text = "An explosive device is detonated at a market in the Nigerian city of Kano."
    assert any(ev.detail.get("arguments") == "relaxed" for ev in _events(text))  # (the classifier's bars confirm it)
    vetoing = engine.settings().model_copy(update={"candidate_veto": 0.5, "candidate_min": None})
    monkeypatch.setattr(engine, "settings", lambda: vetoing)
    monkeypatch.setattr(candidates, "get_model", lambda: CandidateModel({"gate": -9.0}, 0.0, {}))
    assert not any(ev.detail.get("arguments") == "relaxed" for ev in _events(text))
    monkeypatch.setattr(candidates, "get_model", lambda: CandidateModel({"gate": 9.0}, 0.0, {}))
    assert any(ev.detail.get("arguments") == "relaxed" for ev in _events(text))


@pytest.mark.parametrize("text", [
    "The health ministry plans to expand the use of private clinics.",
    "The premier insists that the measure is meant to restrict the spread of the flu.",
    "Rebels shelled a town in Mali on Friday. Residents said the fighting went on all night and markets "
    "closed after the shelling.",
])
def test_the_shipped_model_at_its_documented_bar_leaves_plans_purposes_and_unordered_closures_alone(monkeypatch, text):
    # (what it must not code when a user turns it on)
    _model_on(monkeypatch)
    assert candidates.get_model() is not None
    assert not [ev for ev in _events(text) if ev.rule.startswith(candidates.RULE_PREFIX)]
