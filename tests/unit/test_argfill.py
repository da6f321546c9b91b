"""The learned argument model and filler (detente.events.argmodel, argfill): features and guards."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.events import argfill, argmodel
from detente.events.engine import VENUE_PREPS
from detente.models import ActorRef, Event
from detente.nlp import get_fast_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_fast_nlp()


def test_dependency_path_of_a_subject_is_one_step_up(nlp):
    doc = nlp("Russia condemned the strikes.")
    path, ups, downs = argmodel.dep_path(doc[0], doc[1])
    assert (path, ups, downs) == ("nsubj^", 1, 0)


def test_dependency_path_runs_up_to_the_shared_head_and_down(nlp):
    doc = nlp("Russia condemned the strikes in Syria that Turkey carried out.")
    turkey = next(t for t in doc if t.text == "Turkey")
    path, ups, downs = argmodel.dep_path(turkey, doc[1])
    assert (path, ups, downs) == ("nsubj<relcl<dobj^", 3, 0)
    assert argmodel.dep_path(doc[1], turkey) == ("^…relcl<nsubj", 0, 3)  # (two steps down spelt out)


def test_a_name_under_a_place_preposition_is_a_venue(nlp):
    doc = nlp("A bomb exploded at a market in Kano, Nigeria.")
    assert argmodel.venue(doc[7], VENUE_PREPS)  # Kano
    assert not argmodel.venue(doc[1], VENUE_PREPS)  # bomb


def test_features_name_side_type_and_preposition(nlp):
    doc = nlp("Japan protested against China.")
    feats = argmodel.features("target", "ACCUSE", doc[1], doc[3:4], _mention("China", "CHN", 23, 28), None, 1)
    assert "prep=against|T=ACCUSE|s=t" in feats and "other=none|s=t" in feats and "state=1|s=t" in feats


def test_a_model_scores_candidates_by_their_features():
    model = argmodel.ArgModel({"dep=pobj|s=t": 3.0}, -1.0, {})
    assert model.prob(["dep=pobj|s=t"]) > 0.8 > 0.3 > model.prob(["dep=nsubj|s=t"])


def test_an_empty_target_is_filled_only_above_the_bar(nlp, monkeypatch):
    doc = nlp("Japan lodged a protest after ships of China entered its waters.")
    mentions = [_mention("Japan", "JPN", 0, 5), _mention("China", "CHN", 37, 42)]
    ev = Event(type="ACCUSE", source=ActorRef(id="JPN", country="JPN", text="Japan", start=0, end=5), target=None,
               sentence=doc.text, start=0, end=len(doc.text), trigger="protest", rule="test", confidence=0.5)
    monkeypatch.setattr(argfill, "get_model", lambda: argmodel.ArgModel({"prep=of|s=t": 4.0}, 0.0, {}))
    bars = type("S", (), {"argfill_source": None, "argfill_target": 0.9})
    monkeypatch.setattr(argfill, "settings", lambda: bars)
    sent = next(doc.sents)
    filled = argfill.fill(sent, mentions, dt.date(2020, 1, 1), None, [ev])[0]
    assert filled.target is not None and filled.target.id == "CHN"
    assert filled.detail["target_from"] == "argument model"
    bars.argfill_target = 0.999
    assert argfill.fill(sent, mentions, dt.date(2020, 1, 1), None, [ev])[0].target is None


def _mention(text, state, start, end):
    from detente.models import Mention

    return Mention(id=state, country=state, text=text, start=start, end=end, kind="name")
