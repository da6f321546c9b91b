"""A learned argument filler: where the rules coded an event but left its source or target empty, a
small linear model over the parse chooses one of the sentence's actor mentions for it, or none.

The rules find an event's parties through the roles of its pattern (``detente.events.roles``);
real news often puts a party where no role looks ("… said on Monday that the strikes by X had
killed …", a target three clauses away). Every actor mention of the sentence that is not the other
party is a candidate, described by features of how it stands to the trigger: its dependency label
and preposition, the dependency path between them, side and distance, its kind and sector, the
event's type, whether it shares the other party's country. A logistic regression (trained by
``scripts/train_argfill.py`` on the dev gold's matched events: a candidate is right when it is the
gold party by id or country) scores them; the best one is taken when its probability reaches the
side's bar (``argfill_source`` / ``argfill_target`` in ``data/patterns/engine.yml``; null: never).

A filled party carries ``detail.<side>_from = "argument model"`` and ``detail.argfill_p``. Weights:
``data/classifier/argfill.npz`` (feature names and weights; numpy only at run time);
``$DETENTE_ARGFILL`` names another model file (evaluation: a cross-fitting fold model).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from detente.events.engine import VENUE_PREPS, Ctx, _arg, _place_tail, settings
from detente.models import Event, Mention

DATA = "data/classifier/argfill.npz"
SIDES = ("source", "target")
# the features of every candidate are kept on the event (training: ``scripts/train_argfill.py``)
DUMP_ENV = "DETENTE_ARGFILL_DUMP"
CANDIDATES_KEY = "argfill_candidates"


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


@lru_cache(maxsize=1)
def get_model() -> ArgModel | None:
    """The shipped model, loaded once per process (None when there is none)."""
    other = os.environ.get("DETENTE_ARGFILL")
    if other:
        return ArgModel.load(other)
    path = resources.files("detente").joinpath(DATA)
    if not path.is_file():
        return None
    with resources.as_file(path) as p:
        return ArgModel.load(p)


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


def _trigger(sent: Span, ev: Event) -> Token | None:
    from detente.places import trigger_index

    i = trigger_index(sent, ev.trigger)
    return sent.doc[i] if i is not None else None


def _candidates(sent: Span, mentions: list[Mention]) -> list[tuple[int, Span]]:
    doc = sent.doc
    out = []
    for mi, m in enumerate(mentions):
        if sent.start_char <= m.start < sent.end_char:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                out.append((mi, span))
    return out


def _venue(tok: Token) -> bool:
    """Whether a mention's head names where something happens, not who acts: under a place
    preposition ("in Maiduguri, Nigeria", "at a college in Eugene, Oregon"), through the phrase's
    own links only."""
    cur = tok
    for _ in range(8):
        if cur.dep_ == "prep" and cur.lower_ in VENUE_PREPS:
            return True
        if cur.dep_ not in ("pobj", "prep", "appos", "compound", "conj", "npadvmod", "nmod", "poss") \
                or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _same(ref, m: Mention) -> bool:
    """Whether mention ``m`` is the party ``ref`` already stands for."""
    if ref is None:
        return False
    if ref.start is not None and ref.start == m.start:
        return True
    return bool(ref.id) and ref.id == m.id


def fill(sent: Span, mentions: list[Mention], published: dt.date | None, kb, events: list[Event]) -> list[Event]:
    """The events of a sentence with an empty side filled where the model is sure enough (and, with
    ``$DETENTE_ARGFILL_DUMP``, every candidate's features kept on the event for training)."""
    cfg = settings()
    dump = bool(os.environ.get(DUMP_ENV))
    bars = {"source": cfg.argfill_source, "target": cfg.argfill_target}
    if not events or (not dump and all(b is None for b in bars.values())):
        return events
    model = get_model()
    if model is None and not dump:
        return events
    if not dump and all(ev.source is not None and ev.target is not None for ev in events):
        return events
    cands = _candidates(sent, mentions)
    if not cands:
        return events
    out = []
    for ev in events:
        trig = _trigger(sent, ev)
        if trig is None:
            out.append(ev)
            continue
        kept: dict[str, list] = {}
        update: dict = {}
        detail = dict(ev.detail)
        for side in SIDES:
            mine, other = getattr(ev, side), getattr(ev, "target" if side == "source" else "source")
            # (while the candidates are being kept for training, nothing is filled)
            wanted = mine is None and bars[side] is not None and model is not None and not dump
            if not (wanted or dump):
                continue
            scored = []
            for rank, (mi, span) in enumerate(cands):
                m = mentions[mi]
                if _same(other, m) or (span.start <= trig.i < span.end) or _venue(span.root) \
                        or _place_tail(span.root):
                    continue
                feats = features(side, ev.type, trig, span, m, other, rank)
                if dump:
                    kept.setdefault(side, []).append({"mention": mi, "id": m.id, "country": m.country,
                                                      "sector": m.sector, "text": m.text, "features": feats,
                                                      "chosen": _same(mine, m)})
                if wanted:
                    scored.append((model.prob(feats), mi, span))
            if scored:
                p, mi, span = max(scored, key=lambda t: t[0])
                if p >= bars[side]:
                    ctx = Ctx(sent=sent, mentions=mentions, published=published, kb=kb)
                    arg = _arg(ctx, mi, "learned", span.root)
                    if arg is not None and not (other is not None and other.id and arg.ref.id == other.id):
                        update[side] = arg.ref
                        detail[f"{side}_from"] = "argument model"
                        detail["argfill_p"] = round(p, 3)
        if dump:
            detail[CANDIDATES_KEY] = kept
        if update or dump:
            ev = ev.model_copy(update={**update, "detail": detail})
        out.append(ev)
    return out
