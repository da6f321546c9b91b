"""The learned candidate-event model: a pattern trigger whose event the rules did not code becomes an
event when a small logistic regression over its circumstances is sure enough.

The rules drop many triggers of real events: a pattern's object, preposition or complement
constraint failed ("pledged more help to Kyiv" where the pattern names "aid"), or the pattern
matched and its roles found no parties. The engine keeps both on the document as it codes: the
matches without arguments (``UNARGUED_KEY``) and every verb pattern's match or ``None`` per (token,
pattern) (``MATCHES_KEY``); nothing is matched a second time. Each such trigger of a type the
sentence has no event of is one **candidate** per (trigger, type), with its parties found as a
relaxed event finds them (the pattern's roles, the relaxed roles, the learned argument model for a
lacking party; none where the type may lack one). Its features (:func:`features`): the type,
hand-written or generated pattern and its CAMEO code's first digits, which constraint failed, the
trigger's part of speech, dependency, whether it is the root, its status (negated, planned …), how
and whether each party was found and its sector, the sentence classifier's P(type), P(NONE) and the
type's rank, the sentence's place in the text and how many events it already has. The best
candidate of a type is coded when its probability reaches ``candidate_min`` (``engine.yml``; null:
never), with rule ``candidate.<pattern>`` and ``detail.candidate_p``.

Weights: ``data/classifier/candidates.npz`` (numpy at run time; ``$DETENTE_CANDIDATES`` names
another file, as a cross-fitting fold model). Trained by ``scripts/train_candidates.py`` on the dev
gold (a candidate is right when it matches a gold event of its type that the rules' events left
unmatched). With ``$DETENTE_CANDIDATE_DUMP`` every candidate is coded with its features kept on
the event (training only).
"""

from __future__ import annotations

import datetime as dt
import math
import os
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from detente.events import engine
from detente.events.argmodel import ArgModel, shipped
from detente.models import ActorRef, Event, Mention
from detente.nlp import sentences, span_tokens

DATA = "data/classifier/candidates.npz"
MODEL_ENV = "DETENTE_CANDIDATES"
DUMP_ENV = "DETENTE_CANDIDATE_DUMP"
FEATURES_KEY = "candidate_features"
RULE_PREFIX = "candidate."


class CandidateModel(ArgModel):
    """A logistic regression over named features with values (1 for a present indicator); stored as
    the argument model is."""

    def prob(self, feats: dict[str, float]) -> float:  # type: ignore[override]
        return _sigmoid(self.bias + sum(self.weights.get(f, 0.0) * v for f, v in feats.items()))

    def headroom(self, slots: tuple[tuple[tuple[str, ...], ...], ...]) -> float:
        """The most that features of these slots can add to the log-odds: each slot one of its
        alternatives, each alternative one feature of each of its name prefixes (computed once per
        model)."""
        kept = self.__dict__.setdefault("_headroom", {})
        if slots not in kept:
            def best(prefix: str) -> float:
                return max([0.0] + [w for name, w in self.weights.items() if name.startswith(prefix)])

            kept[slots] = sum(max(sum(best(p) for p in alt) for alt in slot) for slot in slots)
        return kept[slots]


def _score(model: CandidateModel, key: tuple, part: dict[str, float], scores: dict) -> float:
    """A part's weighted sum, once per sentence."""
    if key not in scores:
        scores[key] = sum(model.weights.get(f, 0.0) * v for f, v in part.items())
    return scores[key]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def get_model() -> CandidateModel | None:
    """The shipped model, loaded once per process (None when there is none)."""
    return shipped(CandidateModel, MODEL_ENV, DATA)


@dataclass
class Candidate:
    match: engine.Match
    failed: str  # "arguments" (matched, no parties) or the constraint kind the pattern has
    ctx: engine.Ctx


def failed_constraint(p) -> str:
    """Which kind of constraint a pattern whose trigger did not match has (the first of object,
    preposition, complement; "other" for particles, excluded objects and the like)."""
    if p.objects:
        return "object"
    if p.preps:
        return "preposition"
    if p.complements or p.needs_clause:
        return "complement"
    return "other"


def generate(sent: Span, mentions: list[Mention], published: dt.date | None, kb, events: list[Event],
             unargued) -> list[Candidate]:
    """The candidates of a sentence: its matches without arguments (``unargued``: the engine's
    ``(sentence, matches)`` record) and its verb triggers whose pattern's constraints failed, of
    types the sentence has no event of, one per (trigger, type) in the order the rules tried them."""
    have = {ev.type for ev in events}
    seen: set[tuple[int, str]] = set()
    out: list[Candidate] = []
    if unargued and unargued[1]:
        coded, matches = unargued
        ctx = engine.Ctx(sent=coded, mentions=mentions, published=published, kb=kb)
        ctx.tok2m = engine._index_mentions(coded, mentions)
        for m in matches:
            key = (m.trigger.i, m.pattern.type)
            if m.pattern.type not in have and key not in seen:
                seen.add(key)
                out.append(Candidate(m, "arguments", ctx))
    if engine._reparsed(sent.doc):
        return out
    kept = sent.doc.user_data.get(engine.MATCHES_KEY, {})
    patterns = engine.load_patterns()
    ctx = None
    for tok in span_tokens(sent):
        if not engine._verbal(tok):
            continue
        for p in engine._verb_patterns(patterns, tok)[1]:
            key = (tok.i, p.type)
            if p.type in have or key in seen or kept.get((tok.i, id(p)), engine._UNTRIED) is not None:
                continue  # (a match, or a pattern the rules never tried: no candidate)
            m = engine.Match(p, tok, None, [])
            if engine._no_act(m):
                continue
            seen.add(key)
            if ctx is None:
                ctx = engine.Ctx(sent=sent, mentions=mentions, published=published, kb=kb)
                ctx.tok2m = engine._index_mentions(sent, mentions)
            out.append(Candidate(m, failed_constraint(p), ctx))
    return out


def _bucket(p: float) -> str:
    return f"{min(int(p * 10), 9)}"


def _party(side: str, ref: ActorRef | None, ev: Event) -> dict[str, float]:
    s = side[0]
    if ref is None or not (ref.id or ref.country or ref.sector or ref.text):
        return {f"{s}=none": 1.0, f"{s}=none|T={ev.type}": 1.0}
    how = ev.detail.get(f"{side}_from") or ("implied" if ev.detail.get(f"{side}_implied") else "roles")
    state = bool(ref.id) and ref.id == ref.country
    return {f"{s}=found": 1.0, f"{s}_from={how}": 1.0, f"{s}_sector={ref.sector}": 1.0,
            f"{s}_state={int(state)}": 1.0, f"{s}_known={int(bool(ref.id or ref.country))}": 1.0}


def _parse(v, tok2m: dict[int, int]) -> tuple[list[str], list[str]]:
    """The names of a trigger's word and parse features: those read with the candidate's type, and
    the others (depth below the root, the links up, a subject of its own, the tag)."""
    typed: list[str] = []
    plain: list[str] = []
    objs = engine._objects(v) if engine._verbal(v) else []
    if objs:
        o = objs[0]
        typed += [f"obj={engine._lemma(o)}", f"obj_actor={int(o.i in tok2m)}"]
        plain.append(f"obj_ent={o.ent_type_ or '-'}")
    else:
        plain.append("obj=none")
    subj = False
    for ch in v.children:
        dep = ch.dep_
        if dep == "prep":
            typed.append(f"prep={ch.lower_}")
        elif dep == "neg":
            plain.append("negated")
        elif dep == "aux" and ch.tag_ == "MD":
            plain.append("modal")
        elif dep in ("nsubj", "nsubjpass"):
            subj = True
    if v.dep_ in ("ccomp", "xcomp", "advcl", "conj"):
        plain.append(f"clause_of={engine._lemma(v.head)}|{v.dep_}")
    if v.dep_ == "pobj":
        typed.append(f"under_prep={v.head.lower_}")
    depth, cur, links = 0, v, []
    while cur.head.i != cur.i and depth < 8:
        links.append(cur.dep_)
        cur, depth = cur.head, depth + 1
    plain += [f"depth={min(depth, 4)}", f"links={'<'.join(links[:2])}", f"has_subj={int(subj)}", f"tag={v.tag_}"]
    return typed, plain


def features(c: Candidate, ev: Event, probs: dict[str, float], sent_index: int, coded: set[str]) -> dict[str, float]:
    """The features of one candidate whose relaxed event is ``ev`` in a sentence with events of the
    types ``coded``."""
    return {**trigger_features(c, probs, sent_index, coded), **event_features(ev)}


def event_features(ev: Event) -> dict[str, float]:
    """The features of a candidate that only its relaxed event tells: its parties and its status
    (their prefixes: ``EVENT_GROUPS``)."""
    return {f"status={ev.status}": 1.0, **_party("source", ev.source, ev), **_party("target", ev.target, ev)}


# the name prefixes of the features only the relaxed event tells: its status, and for each party
# either those of no party or those of a found one (one feature of each prefix)
EVENT_GROUPS = ((("status=",),),
                (("s=none|", "s=none"), ("s=found", "s_from=", "s_sector=", "s_state=", "s_known=")),
                (("t=none|", "t=none"), ("t=found", "t_from=", "t_sector=", "t_state=", "t_known=")))


def trigger_features(c: Candidate, probs: dict[str, float], sent_index: int, coded: set[str],
                     memo: dict | None = None) -> dict[str, float]:
    """The features of a candidate known before its parties are looked for (``memo``: the parts
    shared between a sentence's candidates, kept between them)."""
    out: dict[str, float] = {}
    for _key, part in trigger_parts(c, probs, sent_index, coded, {} if memo is None else memo):
        out.update(part)
    return out


def trigger_parts(c: Candidate, probs: dict[str, float], sent_index: int, coded: set[str],
                  memo: dict) -> list[tuple[tuple, dict[str, float]]]:
    """:func:`trigger_features` in parts, each under a key and computed once per sentence: what the
    type and the classifier tell, what the pattern tells, what the trigger tells, what the trigger
    tells with the type."""
    p, v = c.match.pattern, c.match.trigger
    t = p.type
    hand = "g" if p.id.startswith("lexicon.") else "h"
    at = (id(v.doc), v.i)  # (a re-parsed headline is a document of its own)
    keys = (("type", t, hand), ("pattern", p.id, c.failed), ("trigger", at, c.failed), ("words", at, t))
    for key in keys:
        if key in memo:
            continue
        if key[0] == "type":
            pt, none = probs.get(t, 0.0), probs.get("NONE", 0.0)
            rank = sum(1 for k, q in probs.items() if k not in ("NONE", t) and q > pt)
            part = {f"T={t}": 1.0, f"pat={hand}": 1.0, f"pat={hand}|T={t}": 1.0, "p_type": pt, "p_none": none,
                    f"pt={_bucket(pt)}": 1.0, f"pn={_bucket(none)}": 1.0, f"pt={_bucket(pt)}|pat={hand}": 1.0,
                    f"rank={min(rank, 3)}": 1.0, f"lead={int(sent_index < 2)}": 1.0,
                    f"sidx={min(sent_index, 5)}": 1.0, f"coded={min(len(coded), 2)}": 1.0}
            part.update({f"with={k}|T={t}": 1.0 for k in coded})
        elif key[0] == "pattern":
            part = {f"cameo={p.cameo[:3]}": 1.0, f"cameo2={p.cameo[:2]}": 1.0,
                    f"failed={c.failed}": 1.0, f"failed={c.failed}|pat={hand}": 1.0, f"failed={c.failed}|T={t}": 1.0}
        elif key[0] == "trigger":
            if ("parse", at) not in memo:
                memo[("parse", at)] = _parse(v, c.ctx.tok2m)
            part = {f"tpos={v.pos_}": 1.0, f"tdep={v.dep_}": 1.0, f"tdep={v.dep_}|failed={c.failed}": 1.0,
                    f"head={v.head.pos_}/{v.dep_}": 1.0, f"root={int(v.dep_ == 'ROOT')}": 1.0}
            part.update(dict.fromkeys(memo[("parse", at)][1], 1.0))
        else:
            part = {f"{name}|T={t}": 1.0 for name in memo[("parse", at)][0]}
        memo[key] = part
    return [(key, memo[key]) for key in keys]


def confirmed(events: list[Event], unargued, mentions: list[Mention], published: dt.date | None,
              kb) -> list[tuple[int, Candidate]]:
    """The events of a sentence the classifier's bars confirmed from a match without arguments
    (``arguments: relaxed``), by index, with their matches."""
    if not unargued or not unargued[1]:
        return []
    out = []
    ctx = None
    for i, ev in enumerate(events):
        if ev.detail.get("arguments") != "relaxed" or ev.rule.startswith(RULE_PREFIX):
            continue
        m = next((m for m in unargued[1] if m.pattern.id == ev.rule and m.pattern.type == ev.type), None)
        if m is None:
            continue
        if ctx is None:
            ctx = engine.Ctx(sent=unargued[0], mentions=mentions, published=published, kb=kb)
            ctx.tok2m = engine._index_mentions(unargued[0], mentions)
        out.append((i, Candidate(m, "arguments", ctx)))
    return out


def extend(sent: Span, mentions: list[Mention], published: dt.date | None, kb, events: list[Event],
           unargued, probs_of) -> list[Event]:
    """``events`` with the best candidate of each type whose probability reaches ``candidate_min``
    added and the classifier's confirmations under ``candidate_veto`` dropped (with
    ``$DETENTE_CANDIDATE_DUMP``: every candidate coded, its features and a confirmation's kept on
    the event). ``probs_of()`` gives the sentence classifier's probabilities (computed only when
    there is a candidate)."""
    cfg = engine.settings()
    bar, veto = cfg.candidate_min, cfg.candidate_veto
    dump = bool(os.environ.get(DUMP_ENV))
    model = get_model() if bar is not None or veto is not None else None
    if not dump and model is None:
        return events
    gated = confirmed(events, unargued, mentions, published, kb) if dump or veto is not None else []
    cands = generate(sent, mentions, published, kb, events, unargued) if dump or bar is not None else []
    if not cands and not gated:
        return events
    probs = probs_of()
    index = bisect_right(sentences(sent.doc).ends, sent.start)
    coded = {ev.type for ev in events}
    memo: dict = {}
    scores: dict = {}
    headroom = model.headroom(EVENT_GROUPS) if model is not None else 0.0
    out: list[Event | None] = list(events)
    for i, c in gated:
        feats = {**features(c, events[i], probs, index, coded - {events[i].type}), "gate": 1.0}
        p = model.prob(feats) if model is not None else 0.0
        if dump:
            out[i] = events[i].model_copy(update={"detail": {**events[i].detail, FEATURES_KEY: feats}})
        elif p < veto:
            out[i] = None
    best: dict[str, tuple[float, Event]] = {}
    for c in cands:
        parts = trigger_parts(c, probs, index, coded, memo)
        if not dump and _sigmoid(model.bias + headroom + sum(_score(model, key, part, scores)
                                                            for key, part in parts)) < bar:
            continue  # (not even the best parties would bring it to the bar: they are not looked for)
        base = {k: v for _, part in parts for k, v in part.items()}
        ev = engine._relaxed_event(c.ctx, c.match, probs.get(c.match.pattern.type, 0.0))
        if ev is None:
            continue
        feats = {**base, **event_features(ev)}
        p = model.prob(feats) if model is not None else 0.0
        if dump:
            out.append(_coded(ev, c, p, {FEATURES_KEY: feats}))
        elif p >= bar and (ev.type not in best or p > best[ev.type][0]):
            best[ev.type] = (p, _coded(ev, c, p, {}))
    return [ev for ev in out if ev is not None] + [ev for _, ev in best.values()]


def _coded(ev: Event, c: Candidate, p: float, more: dict) -> Event:
    return ev.model_copy(update={
        "rule": RULE_PREFIX + c.match.pattern.id, "confidence": round(p, 3),
        "detail": {**ev.detail, "candidate_p": round(p, 3), "candidate_failed": c.failed, **more}})

