"""The classifier step's relaxed arguments (``engine._confirmed``): a pattern that matched but whose
arguments the rules did not find is kept when the sentence classifier gives its type enough
probability; the thresholds are engine settings (``classifier_confirm``, ``classifier_confirm_more``)."""

from __future__ import annotations

import datetime as dt

import pytest

from events_helpers import extracted
from detente.events import engine

pytestmark = pytest.mark.slow

ON = dt.date(2024, 6, 1)
SECOND_ACT = "Seven police and 23 militants are killed in clashes in southern Kenya, leading to the arrest of an opposition leader."


def _with(monkeypatch, **changes):
    cfg = engine.settings().model_copy(update=changes)
    monkeypatch.setattr(engine, "settings", lambda: cfg)


def test_a_second_act_is_kept_when_the_classifier_confirms_its_type(nlp, kb, monkeypatch):
    _with(monkeypatch, classifier_confirm_more=0.0)
    events = extracted(nlp, kb, SECOND_ACT, ON)
    assert {"ASSAULT", "COERCE"} <= {e.type for e in events}
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.detail.get("arguments") == "relaxed" and arrest.rule == "lexicon.noun.173"
    assert arrest.source is not None and arrest.source.country == "KEN"  # the police implied


def test_no_second_act_without_the_setting(nlp, kb, monkeypatch):
    # (the learned candidate-event model, which may code the arrest on its own, is left out)
    _with(monkeypatch, classifier_confirm_more=None, candidate_min=None)
    assert {e.type for e in extracted(nlp, kb, SECOND_ACT, ON)} == {"ASSAULT"}


def test_a_confirmed_event_never_takes_a_refused_object(nlp, kb, monkeypatch):
    # "Russia attacked Russia": the rules refused the object; the relaxed step keeps the refusal
    _with(monkeypatch, classifier_confirm=0.0)
    assert extracted(nlp, kb, "Russia attacked Russia.", ON) == []


def test_a_document_as_subject_is_not_relaxed(nlp, kb, monkeypatch):
    _with(monkeypatch, classifier_confirm=0.0)
    events = extracted(nlp, kb, "Security Council resolutions bar Iran from testing missiles.", ON)
    assert not [e for e in events if e.detail.get("arguments") == "relaxed"]


def test_a_weak_proposal_gives_no_event(nlp, kb, monkeypatch):
    text = "Hungary implements stricter asylum rules on its southern border."
    _with(monkeypatch, classifier_propose_min=0.0)
    proposed = [e for e in extracted(nlp, kb, text, ON) if e.rule.startswith("classifier.")]
    assert proposed and proposed[0].source is not None and proposed[0].source.id == "HUN"
    _with(monkeypatch, classifier_propose_min=1.0)
    assert not [e for e in extracted(nlp, kb, text, ON) if e.rule.startswith("classifier.")]


class _Sure:
    """A classifier stub sure of one type in every sentence (the proposal step alone is tested)."""

    triggers = matched = False

    def __init__(self, etype: str):
        from detente.events.classifier import NONE, Thresholds

        self.thresholds = Thresholds()
        self.probs = {etype: 0.9, NONE: 0.05}

    def predict(self, sent, extra=()):
        return dict(self.probs)


# the main clause's object is a thing; the party the act is aimed at sits inside its phrase
FILED = "Kenya's foreign ministry released a statement highly critical of Iran."


def test_a_proposal_takes_relaxed_arguments_when_the_main_clause_lacks_them(nlp, kb, monkeypatch):
    from detente.events import classifier

    monkeypatch.setattr(classifier, "get_classifier", lambda: _Sure("ACCUSE"))
    _with(monkeypatch, classifier_propose_relaxed=0.5, classifier_confirm=None)
    proposed = [e for e in extracted(nlp, kb, FILED, ON) if e.rule.startswith("classifier.")]
    assert [(e.type, e.source.country, e.target.id) for e in proposed] == [("ACCUSE", "KEN", "IRN")]
    assert proposed[0].detail["arguments"] == "relaxed" and proposed[0].confidence < 0.9
    _with(monkeypatch, classifier_propose_relaxed=None, classifier_confirm=None)
    assert not [e for e in extracted(nlp, kb, FILED, ON) if e.rule.startswith("classifier.")]
