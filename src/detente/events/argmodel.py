"""The learned argument model: the features of an actor mention as a candidate party of an event,
and a logistic regression that scores them (``detente.events.argfill`` fills the parties the rules
leave empty with it; the engine's relaxed events ask it for the one party they lack). Weights:
``data/classifier/argfill.npz`` (feature names and weights; numpy only at run time);
``$DETENTE_ARGFILL`` names another model file (evaluation: a cross-fitting fold model). Trained by
``scripts/train_argfill.py``.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
import os
from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from detente.models import Mention

DATA = "data/classifier/argfill.npz"
SIDES = ("source", "target")


class ArgModel:
    """Feature weights of a logistic regression over candidate features."""

    def __init__(self, weights: dict[str, float], bias: float, meta: dict):
        self.weights = weights
        self.bias = bias
        self.meta = meta

    @classmethod
    def load(cls, path: str | Path) -> ArgModel:
        with np.load(path, allow_pickle=False) as z:
            names = [str(n) for n in z["names"]]
            w = z["weights"].astype(float)
            meta = json.loads(str(z["meta"]))
            bias = float(z["bias"])
        return cls(dict(zip(names, w.tolist(), strict=True)), bias, meta)

    def save(self, path: str | Path) -> None:
        names = sorted(self.weights)
        np.savez_compressed(path, names=np.array(names), weights=np.array([self.weights[n] for n in names], dtype=np.float32),
                            bias=np.array(self.bias), meta=np.array(json.dumps(self.meta, sort_keys=True)))

    def prob(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-z))


def shipped(cls: type[ArgModel], env: str, data: str) -> ArgModel | None:
    """The model file ``$env`` names, else the package's ``data`` file (None when there is none)."""
    other = os.environ.get(env)
    if other:
        return cls.load(other)
    path = resources.files("detente").joinpath(data)
    if not path.is_file():
        return None
    with resources.as_file(path) as p:
        return cls.load(p)


@lru_cache(maxsize=1)
def get_model() -> ArgModel | None:
    """The shipped model, loaded once per process (None when there is none)."""
    return shipped(ArgModel, "DETENTE_ARGFILL", DATA)


def fit_logistic(rows: list[dict], c: float, seed: int, cls: type[ArgModel] = ArgModel) -> ArgModel:
    """A logistic regression (scikit-learn ``liblinear``, L2) on rows of ``features`` (a list of
    names, or names with values) and a 0/1 ``label``; training only."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([r["features"] if isinstance(r["features"], dict) else dict.fromkeys(r["features"], 1)
                           for r in rows]).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # (liblinear's index type)
    y = [r["label"] for r in rows]
    lr = LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=1000)
    lr.fit(x, y)
    weights = {n: float(w) for n, w in zip(vec.get_feature_names_out(), lr.coef_[0], strict=True) if abs(w) > 1e-6}
    return cls(weights, float(lr.intercept_[0]), {"C": c, "seed": seed, "examples": len(rows), "positives": int(sum(y))})


def cross_fit(rows: list[dict], fit: Callable[[list[dict], float], ArgModel], c: float, out: Path) -> list[float]:
    """Training rows with a ``fold``: a model per fold fitted on the other folds' rows (written to
    ``out/fold<N>.npz``); each row's probability from the model that never saw it."""
    out.mkdir(parents=True, exist_ok=True)
    probs = [0.0] * len(rows)
    for f in sorted({r["fold"] for r in rows}):
        model = fit([r for r in rows if r["fold"] != f], c)
        model.save(out / f"fold{f}.npz")
        for i, r in enumerate(rows):
            if r["fold"] == f:
                probs[i] = model.prob(r["features"])
    return probs


def _chain(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 12:
        out.append(out[-1].head)
    return out


def dep_path(a: Token, b: Token) -> tuple[str, int, int]:
    """The dependency labels from ``a`` up to the lowest head it shares with ``b`` and down to ``b``
    ("nsubj^" = ``a`` is the subject of ``b``; "pobj<prep^dobj" …; at most three steps up and two
    down are spelt out), and the numbers of steps up and down."""
    up, down = _chain(a), _chain(b)
    seen = {t.i: k for k, t in enumerate(down)}
    for k, t in enumerate(up):
        if t.i in seen:
            ups = [u.dep_ for u in up[:k]]
            downs = [d.dep_ for d in reversed(down[:seen[t.i]])]
            text = "<".join(ups[:3]) + ("…" if len(ups) > 3 else "") + "^" + ("…" if len(downs) > 2 else "") \
                + "<".join(downs[-2:])
            return text, len(ups), len(downs)
    return "none", 9, 9


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def features(side: str, etype: str, trigger: Token, cand: Span, mention: Mention, other, rank: int) -> list[str]:
    """The features of one candidate mention for one side of an event."""
    root = cand.root
    s = side[0]
    dep = root.dep_
    before = cand.end <= trigger.i
    inside = trigger.left_edge.i <= root.i <= trigger.right_edge.i
    state = bool(mention.id) and mention.id == mention.country
    path, ups, downs = dep_path(root, trigger)
    f = [f"s={s}", f"T={etype}|s={s}", f"dep={dep}|s={s}", f"dep={dep}|T={etype}|s={s}",
         f"pos={'b' if before else 'a'}|s={s}", f"pos={'b' if before else 'a'}|T={etype}|s={s}",
         f"dist={_bucket(abs(root.i - trigger.i))}|s={s}", f"in={int(inside)}|s={s}",
         f"path={path}|s={s}", f"steps={min(ups, 4)}/{min(downs, 3)}|s={s}", f"kind={mention.kind}|s={s}",
         f"sector={mention.sector}|s={s}", f"sector={mention.sector}|T={etype}|s={s}",
         f"state={int(state)}|s={s}", f"rank={min(rank, 3)}|s={s}", f"tpos={trigger.pos_}|s={s}"]
    if dep == "pobj":
        prep = root.head.lower_
        f += [f"prep={prep}|s={s}", f"prep={prep}|T={etype}|s={s}", f"prep={prep}|state={int(state)}|s={s}"]
        if root.head.head.i == trigger.i:
            f.append(f"prep_on_trigger={prep}|s={s}")
    if root.head.i == trigger.i:
        f.append(f"child_of_trigger={dep}|s={s}")
    if other is None:
        f.append(f"other=none|s={s}")
    elif other.country and other.country == mention.country:
        f.append(f"other=same_country|s={s}")
    return f


_STARTS_KEY = "detente.argmodel.starts"


def candidates(sent: Span, mentions: list[Mention]) -> list[tuple[int, Span]]:
    """The actor mentions that start in ``sent`` (index in ``mentions`` order) with their spans; the
    mentions' offsets are sorted once per doc, so a long article costs no more per sentence."""
    doc = sent.doc
    cached = doc.user_data.get(_STARTS_KEY)
    if cached is None or cached[0] is not mentions or cached[1] != len(mentions):
        order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        cached = doc.user_data[_STARTS_KEY] = (mentions, len(mentions), order, [mentions[i].start for i in order])
    _, _, order, starts = cached
    out = []
    for mi in sorted(order[bisect_left(starts, sent.start_char):bisect_left(starts, sent.end_char)]):
        m = mentions[mi]
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((mi, span))
    return out


def venue(tok: Token, preps: frozenset[str]) -> bool:
    """Whether a mention's head names where something happens, not who acts: under a place
    preposition ("in Maiduguri, Nigeria", "at a college in Eugene, Oregon"), through the phrase's
    own links only."""
    cur = tok
    for _ in range(8):
        if cur.dep_ == "prep" and cur.lower_ in preps:
            return True
        if cur.dep_ not in ("pobj", "prep", "appos", "compound", "conj", "npadvmod", "nmod", "poss") \
                or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def same(ref, m: Mention) -> bool:
    """Whether mention ``m`` is the party ``ref`` already stands for."""
    if ref is None:
        return False
    if ref.start is not None and ref.start == m.start:
        return True
    return bool(ref.id) and ref.id == m.id


def _apposed(span: Span, other) -> bool:
    """Whether a candidate and the other party are one actor told twice ("Derek Harvey, a former
    U.S. intelligence official"): one in apposition to the other."""
    if other is None or other.start is None:
        return False
    root = span.root
    if root.dep_ == "appos" and other.start <= root.head.idx < other.end:
        return True
    return any(c.dep_ == "appos" and other.start <= c.idx < other.end for c in root.children)


def scored(sent: Span, mentions: list[Mention], cands: list[tuple[int, Span]], trigger: Token, side: str, etype: str,
           other, model: ArgModel | None, skip: Callable[[Span, Token], bool]) -> Iterator[tuple[float | None, int, Span, list[str]]]:
    """Each candidate for ``side`` of an event of ``etype`` at ``trigger`` with the other party
    ``other``: its probability (None without a model), mention index, span and features. Never the
    other party, a mention holding the trigger, nor one ``skip`` refuses (a venue, a place's tail)."""
    for rank, (mi, span) in enumerate(cands):
        m = mentions[mi]
        if same(other, m) or span.start <= trigger.i < span.end or skip(span, trigger) or _apposed(span, other):
            continue
        feats = features(side, etype, trigger, span, m, other, rank)
        yield (model.prob(feats) if model is not None else None), mi, span, feats
