"""A learned sentence-level PLOVER signal beside the rules (issue 9, item 4).

A one-vs-rest logistic regression over sparse binary features of the *already parsed* sentence:
lemmas with named entities and numbers abstracted, lemma bigrams, the root and every verb lemma,
verb + object / verb + preposition + object / subject + verb pairs, negation and modal cues; and,
in a model whose metadata says so, the types of the event patterns that matched the sentence
(``engine.matched_features``, passed in by the engine).
Nothing is parsed again and no embedding model runs: one prediction is a few dictionary look-ups
and one small numpy sum, so it costs a few per cent of the parse (``docs/evaluation.md``,
"Sentence classifier").

The weights are data (``detente/data/classifier/plover_clf.npz``), trained by
``scripts/train_classifier.py`` (``make classifier``) with a fixed seed; the file carries its own
metadata (training data, seed, date, cross-validated scores).

Use::

    from detente.events.classifier import classify_doc, get_classifier
    for sent, probs in classify_doc(doc):          # probs: {"ASSAULT": 0.91, …, "NONE": 0.04}
        ...
    get_classifier().predict(sent)

``propose`` and ``vetoes`` encode the thresholds recommended from cross-validation for the two
uses the events engine may make of it: proposing a type where the rules found none (the parse
still gives the arguments), and dropping a rule event the classifier strongly disagrees with.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from detente.nlp import lemma_lower, span_tokens
from detente.wordlists import words

NONE = "NONE"
FEATURE_VERSION = 1

#: entity labels replaced by a placeholder, so "Ruritania" and "Russia" read alike
_ENT = {
    "GPE": "@GPE", "NORP": "@NORP", "LOC": "@LOC", "FAC": "@FAC", "ORG": "@ORG",
    "PERSON": "@PER", "DATE": "@DATE", "TIME": "@DATE", "CARDINAL": "@NUM",
    "QUANTITY": "@NUM", "MONEY": "@NUM", "PERCENT": "@NUM", "ORDINAL": "@ORD",
}
_OBJ_DEPS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
_SUBJ_DEPS = frozenset({"nsubj", "csubj"})
_PASS_DEPS = frozenset({"nsubjpass", "csubjpass"})
_SKIP_POS = frozenset({"PUNCT", "SPACE", "SYM", "X"})
# stop words the features keep (negation, modality): part of the trained model's features, so a
# change needs `make classifier` and a new FEATURE_VERSION
_CUE_WORDS = frozenset(words("classifier")["cue_words"])


def _norm(t: Token) -> str:
    """The token as the model sees it: an entity placeholder, @NUM, or the lower-case lemma."""
    label = t.ent_type_
    if label:
        return _ENT.get(label, "@" + label)
    if t.like_num:
        return "@NUM"
    return lemma_lower(t)


def features(sent: Span, extra: Iterable[str] = ()) -> list[str]:
    """The sparse binary features of one parsed sentence (unique, in first-seen order), then
    ``extra`` ones: the rule coder's candidate types for a model trained with them
    (``engine.trigger_features``, passed in by the engine so that this module imports no rules)."""
    feats: dict[str, None] = {}
    add = feats.setdefault
    seq: list[str] = []
    prev_ent = None
    for t in span_tokens(sent):
        pos = t.pos_
        if pos in _SKIP_POS:
            prev_ent = None
            continue
        label = t.ent_type_
        if label:
            # one placeholder for the whole entity
            if t.ent_iob_ == "I" and prev_ent == label:
                continue
            prev_ent = label
        else:
            prev_ent = None
        n = _norm(t)
        seq.append(n)
        if label or not t.is_stop or n in _CUE_WORDS:
            add("u:" + n)
        if label:
            add("e:" + label)
        dep = t.dep_
        if dep == "neg":
            add("neg")
            add("neg:" + _norm(t.head))
        elif t.tag_ == "MD":
            add("md:" + n)
            add("md:" + n + "|" + _norm(t.head))
        if pos == "VERB" or dep == "ROOT":
            v = lemma_lower(t)
            if dep == "ROOT":
                add("r:" + v)
            add("v:" + v)
            for c in t.children:
                cd = c.dep_
                if cd in _OBJ_DEPS:
                    add("vo:" + v + "|" + _norm(c))
                elif cd == "prep":
                    p = c.lower_
                    add("vp:" + v + "|" + p)
                    for g in c.children:
                        if g.dep_ == "pobj":
                            add("vpo:" + v + "|" + p + "|" + _norm(g))
                elif cd in _SUBJ_DEPS:
                    add("sv:" + _norm(c) + "|" + v)
                elif cd in _PASS_DEPS:
                    add("pv:" + _norm(c) + "|" + v)
                elif cd == "agent":
                    add("av:" + v)
                elif cd in ("xcomp", "ccomp"):
                    add("vx:" + v + "|" + lemma_lower(c))
        elif dep == "compound" and pos == "NOUN":
            add("nn:" + n + "|" + _norm(t.head))
    for a, b in zip(seq, seq[1:]):
        add("b:" + a + "|" + b)
    for f in extra:
        add(f)
    if not feats:
        add("empty")
    return list(feats)


# ----------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class Thresholds:
    """Cut-offs recommended from cross-validation on the dev split (docs/evaluation.md)."""

    propose: float = 0.8        # 1 - P(NONE) at or above which a sentence the rules left empty holds an event
    propose_extra: float = 0.5  # further types proposed beside the top one when P(type) reaches this
    veto: float = 0.8           # P(NONE) at or above which a rule event may be dropped …
    veto_type: float = 0.05     # … when P(its type) is below this


class SentenceClassifier:
    """Weights, vocabulary and classes of the trained model; ``predict`` on one parsed sentence."""

    def __init__(self, classes: list[str], vocab: list[str], weights: np.ndarray, bias: np.ndarray,
                 meta: dict | None = None):
        if weights.shape != (len(vocab), len(classes)) or bias.shape != (len(classes),):
            raise ValueError("classifier weights do not match its vocabulary and classes")
        if classes[-1] != NONE:
            raise ValueError("the last class must be NONE")
        self.classes = list(classes)
        self.index = {f: i for i, f in enumerate(vocab)}
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float32)
        self.meta = meta or {}
        # whether the model was trained with the rule coder's candidate types among its features
        self.triggers = bool(self.meta.get("trigger_features", False))
        # … with the types of the patterns that matched (``engine.matched_features``)
        self.matched = bool(self.meta.get("matched_features", False))
        rec = self.meta.get("recommended") or {}
        self.thresholds = Thresholds(**{k: float(v) for k, v in rec.items() if k in Thresholds.__dataclass_fields__})

    @classmethod
    def load(cls, path: str | Path) -> SentenceClassifier:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            if meta.get("feature_version") != FEATURE_VERSION:
                raise ValueError(f"{path}: feature version {meta.get('feature_version')} "
                                 f"!= {FEATURE_VERSION}: retrain (make classifier)")
            return cls([str(c) for c in z["classes"]], [str(v) for v in z["vocab"]],
                       z["weights"].astype(np.float32), z["bias"].astype(np.float32), meta)

    def scores(self, feats: list[str]) -> np.ndarray:
        """Logits for one feature list (binary features, L2-normalised over all emitted ones)."""
        rows = [i for i in map(self.index.get, feats) if i is not None]
        out = self.bias.copy()
        if rows:  # (``take``: the rows in the same order as ``weights[rows]``, with less overhead)
            out += np.add.reduce(self.weights.take(rows, axis=0), axis=0) * (1.0 / math.sqrt(len(feats)))
        return out

    def predict_features(self, feats: list[str]) -> dict[str, float]:
        z = self.scores(feats)
        p = 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(z, -30), 30)))  # (np.clip, without its wrappers)
        return dict(zip(self.classes, [round(x, 6) for x in p.tolist()]))

    def predict(self, sent: Span, extra: Iterable[str] = ()) -> dict[str, float]:
        """P(type) for each PLOVER type (independent one-vs-rest probabilities) and P(NONE); a model
        trained with rule-derived features (``self.triggers``, ``self.matched``) needs them as
        ``extra`` (``engine.classifier_extra``), after the parse's as in training."""
        return self.predict_features(features(sent) + list(extra))

    def top(self, probs: dict[str, float]) -> tuple[str, float]:
        """The most probable PLOVER type (never NONE) and its probability."""
        best = max((c for c in self.classes if c != NONE), key=lambda c: probs[c])
        return best, probs[best]


DATA = "data/classifier/plover_clf.npz"


@lru_cache(maxsize=1)
def get_classifier() -> SentenceClassifier:
    """The shipped model, loaded once per process; ``$DETENTE_CLASSIFIER`` names another model file
    instead (evaluation: a cross-fitting fold model, ``scripts/eval_dev_crossfit.py``)."""
    other = os.environ.get("DETENTE_CLASSIFIER")
    if other:
        return SentenceClassifier.load(other)
    path = resources.files("detente").joinpath(DATA)
    with resources.as_file(path) as p:
        return SentenceClassifier.load(p)


def classify_doc(doc: Doc, clf: SentenceClassifier | None = None) -> list[tuple[Span, dict[str, float]]]:
    """Every sentence of a parsed document with its probabilities."""
    clf = clf or get_classifier()
    return [(sent, clf.predict(sent)) for sent in doc.sents]


def propose(probs: dict[str, float], rule_types: Iterable[str] = (), threshold: float | None = None,
            extra: float | None = None) -> list[tuple[str, float]]:
    """Types the classifier proposes for a sentence, most probable first, none of ``rule_types``:
    nothing unless 1 - P(NONE) ≥ ``threshold``; then the most probable type, and any other type
    whose P(type) ≥ ``extra`` (defaults: the recommended ``propose`` and ``propose_extra``).

    Meant for sentences where the rules coded nothing: the engine keeps the parse's arguments."""
    t = get_classifier().thresholds
    thr = t.propose if threshold is None else threshold
    ext = t.propose_extra if extra is None else extra
    if 1.0 - probs.get(NONE, 0.0) < thr:
        return []
    ranked = sorted(((c, p) for c, p in probs.items() if c != NONE), key=lambda cp: (-cp[1], cp[0]))
    have = set(rule_types)
    return [(c, p) for k, (c, p) in enumerate(ranked) if c not in have and (k == 0 or p >= ext)]


def vetoes(probs: dict[str, float], rule_type: str, none_threshold: float | None = None,
           type_threshold: float | None = None) -> bool:
    """Whether the classifier strongly disagrees with a rule event of ``rule_type`` in this
    sentence: P(NONE) ≥ none_threshold and P(rule_type) < type_threshold."""
    t = get_classifier().thresholds
    hi = t.veto if none_threshold is None else none_threshold
    lo = t.veto_type if type_threshold is None else type_threshold
    return probs.get(NONE, 0.0) >= hi and probs.get(rule_type, 0.0) < lo


# ----------------------------------------------------------------------------- spaCy component

try:  # registration is optional: the module works without it
    from spacy.language import Language

    if not Span.has_extension("plover_probs"):
        Span.set_extension("plover_probs", default=None)

    class ClassifierComponent:
        """Writes ``Span._.plover_probs`` on every sentence (``nlp.add_pipe("plover_classifier")``)."""

        def __init__(self, nlp, name: str):
            self.name = name

        def __call__(self, doc: Doc) -> Doc:
            for sent, probs in classify_doc(doc):
                sent._.plover_probs = probs
            return doc

    @Language.factory("plover_classifier")
    def make_plover_classifier(nlp, name: str) -> ClassifierComponent:
        return ClassifierComponent(nlp, name)
except ValueError:  # pragma: no cover - factory registered twice on reload
    pass
