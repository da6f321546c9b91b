"""The sentence-level PLOVER classifier: its features, the shipped weights, its predictions."""

from __future__ import annotations

import json

import numpy as np
import pytest

from detente.events import classifier as C
from detente.events.engine import classifier_extra, matched_features, trigger_features

pytestmark = pytest.mark.slow


def sent(nlp, text):
    return next(nlp(text).sents)


# ----------------------------------------------------------------------------- features


def test_features_abstract_entities_and_pair_verbs_with_objects(nlp):
    f = C.features(sent(nlp, "Russian troops attacked a Ukrainian border post on Tuesday."))
    assert "r:attack" in f and "v:attack" in f
    assert "vo:attack|post" in f
    assert "u:@NORP" in f and "e:NORP" in f
    assert not any("russian" in x or "tuesday" in x for x in f)  # names and days never reach the model
    assert any(x.startswith("sv:") and x.endswith("|attack") for x in f)
    assert len(f) == len(set(f))


def test_features_one_placeholder_per_entity(nlp):
    f = C.features(sent(nlp, "The United Arab Emirates condemned the attack."))
    assert "b:@GPE|condemn" in f or "b:the|@GPE" in f
    assert sum(1 for x in f if x == "u:@GPE") == 1
    assert not any("@GPE|@GPE" in x for x in f)


def test_features_negation_and_modals(nlp):
    neg = C.features(sent(nlp, "Turkey did not recognise the new government."))
    assert "neg" in neg and "neg:recognise" in neg
    md = C.features(sent(nlp, "Iran will retaliate against any aggression."))
    assert "md:will" in md and "md:will|retaliate" in md
    assert "neg" not in md


def test_features_passive_subject(nlp):
    f = C.features(sent(nlp, "Two journalists were arrested by police in Cairo."))
    assert "pv:journalist|arrest" in f
    assert "av:arrest" in f


def test_features_of_an_empty_span(nlp):
    doc = nlp("...")
    assert C.features(doc[0:0]) == ["empty"]


def test_trigger_features_name_the_patterns_types(nlp):
    s = sent(nlp, "Thousands of protesters rallied in the capital against the new labour law.")
    got = trigger_features(s)
    assert "t:PROTEST" in got and "tr:PROTEST" in got  # the root "rally" triggers a protest pattern
    assert len(got) == len(set(got))
    assert trigger_features(sent(nlp, "Heavy rain fell across the region.")) == []


def _one_feature_model(etype: str, feature: str, weight: float, meta: dict) -> C.SentenceClassifier:
    """A model of one type and NONE over one feature (its weight for the type, minus it for NONE)."""
    w = np.array([[weight, -weight]], dtype=np.float32)
    return C.SentenceClassifier([etype, C.NONE], [feature], w, np.zeros(2, dtype=np.float32), meta)


def test_a_model_trained_with_trigger_types_sees_them(nlp):
    """The model's metadata says whether it was trained with the trigger types; the engine then
    passes them to ``predict``."""
    s = sent(nlp, "Thousands of protesters rallied in the capital against the new labour law.")
    with_t = _one_feature_model("PROTEST", "t:PROTEST", 4.0, {"trigger_features": True})
    without = _one_feature_model("PROTEST", "t:PROTEST", 4.0, {})
    assert with_t.triggers and not without.triggers
    assert with_t.predict(s, trigger_features(s))["PROTEST"] > 0.5 > with_t.predict(s)["PROTEST"] - 1e-9


def test_matched_features_need_the_patterns_constraints_met(nlp):
    """A trigger word whose hand-written pattern declined its object says nothing; one whose
    constraints are met gives its type (any, hand-written, at the root)."""
    plan = sent(nlp, "The navy executed a plan to repaint the lighthouse.")
    assert "t:COERCE" in trigger_features(plan)
    got = matched_features(sent(nlp, "Freedonia accuses Sylvania of shelling a border village."))
    assert {"m:ACCUSE", "mh:ACCUSE", "mr:ACCUSE"} <= set(got)
    assert len(got) == len(set(got))
    assert matched_features(plan) == ["m:0"]


def test_a_model_trained_with_matched_types_reads_them(nlp):
    """The metadata says whether the model was trained with the matched types; the engine then
    passes them (``classifier_extra``), and no trigger types unless the model asks for those too."""
    s = sent(nlp, "Freedonia accuses Sylvania of shelling a border village.")
    with_m = _one_feature_model("ACCUSE", "mh:ACCUSE", 3.0, {"matched_features": True})
    plain = _one_feature_model("ACCUSE", "mh:ACCUSE", 3.0, {})
    assert with_m.matched and not plain.matched
    extra = classifier_extra(s, with_m.triggers, with_m.matched)
    assert "mh:ACCUSE" in extra and not any(f.startswith("t:") for f in extra)
    assert classifier_extra(s, plain.triggers, plain.matched) == []
    assert with_m.predict(s, extra)["ACCUSE"] > 0.5 > with_m.predict(s)["ACCUSE"] - 1e-9


# ----------------------------------------------------------------------------- the model


@pytest.fixture(scope="module")
def clf():
    return C.get_classifier()


def test_weights_load_once_with_metadata(clf):
    assert C.get_classifier() is clf
    assert clf.classes[-1] == C.NONE and len(clf.classes) == 17
    assert clf.weights.shape == (len(clf.index), 17)
    meta = clf.meta
    assert meta["feature_version"] == C.FEATURE_VERSION
    for key in ("seed", "date", "training_data", "cv", "recommended"):
        assert key in meta, key
    assert "test.yml" in meta["never_used"]
    json.dumps(meta)


def test_probabilities_cover_every_class(nlp, clf):
    p = clf.predict(sent(nlp, "Protesters rallied outside parliament."))
    assert set(p) == set(clf.classes)
    assert all(0.0 <= v <= 1.0 for v in p.values())


@pytest.mark.parametrize("text,expected", [
    ("Gunmen stormed a police station in northern Nigeria, killing four officers.", "ASSAULT"),
    ("An air strike on a market killed at least 20 civilians in Idlib.", "ASSAULT"),
    ("Thousands of protesters rallied in the capital against the new labour law.", "PROTEST"),
    ("The European Union imposed new sanctions on Belarusian officials.", "SANCTION"),
])
def test_top_type(nlp, clf, text, expected):
    p = clf.predict(sent(nlp, text))
    assert clf.top(p)[0] == expected, p
    assert p[expected] > p[C.NONE]


@pytest.mark.parametrize("text", [
    "Real Madrid beat Barcelona 3-1 to win the Spanish Super Cup.",
    "The film won the Palme d'Or at the Cannes Film Festival.",
])
def test_non_events_read_as_none(nlp, clf, text):
    p = clf.predict(sent(nlp, text))
    assert p[C.NONE] > max(p[t] for t in clf.classes[:-1]), p


def test_deterministic(nlp, clf):
    s = sent(nlp, "Serbia accused Kosovo of provoking violence in the north.")
    assert clf.predict(s) == clf.predict(s)
    again = C.SentenceClassifier.load(C.resources.files("detente").joinpath(C.DATA))
    assert again.predict(s) == clf.predict(s)


def test_classify_doc_and_helpers(nlp, clf):
    doc = nlp("Gunmen stormed a border post overnight, killing four guards. The match ended in a draw.")
    out = C.classify_doc(doc)
    assert [s.text for s, _ in out] == [s.text for s in doc.sents]
    first, second = out[0][1], out[1][1]
    assert [t for t, _ in C.propose(first, threshold=0.3)][:1] == ["ASSAULT"]
    assert C.propose(first, rule_types=["ASSAULT"], threshold=0.3) == [
        (t, p) for t, p in C.propose(first, threshold=0.3) if t != "ASSAULT"]
    assert not C.vetoes(first, "ASSAULT")
    assert C.vetoes({**second, C.NONE: 0.99, "ASSAULT": 0.01}, "ASSAULT")


def test_spacy_component(nlp):
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.add_pipe("plover_classifier")
    doc = blank("Police arrested ten protesters. It rained.")
    assert [s._.plover_probs is not None for s in doc.sents] == [True, True]


def test_weights_shape_checked():
    with pytest.raises(ValueError):
        C.SentenceClassifier(["A", C.NONE], ["x"], np.zeros((2, 2)), np.zeros(2))
    with pytest.raises(ValueError):
        C.SentenceClassifier([C.NONE, "A"], ["x"], np.zeros((1, 2)), np.zeros(2))


def test_another_model_file_replaces_the_shipped_one(tmp_path, monkeypatch):
    """``$DETENTE_CLASSIFIER`` (cross-fitted evaluation) loads that file instead of the shipped model."""
    shipped = C.get_classifier()
    other = C.SentenceClassifier(shipped.classes, ["b:x|y"], np.ones((1, 17), dtype=np.float32),
                                 np.zeros(17, dtype=np.float32), {"feature_version": C.FEATURE_VERSION, "fold": 3})
    path = tmp_path / "fold3.npz"
    np.savez(path, classes=np.array(other.classes), vocab=np.array(["b:x|y"]), weights=other.weights,
             bias=other.bias, meta=json.dumps(other.meta))
    monkeypatch.setenv("DETENTE_CLASSIFIER", str(path))
    C.get_classifier.cache_clear()
    try:
        got = C.get_classifier()
        assert got.meta["fold"] == 3 and len(got.index) == 1
    finally:
        monkeypatch.delenv("DETENTE_CLASSIFIER")
        C.get_classifier.cache_clear()
    assert C.get_classifier().meta == shipped.meta
