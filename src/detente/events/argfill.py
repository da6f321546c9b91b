"""A learned argument filler: where the rules coded an event but left its source or target empty, a
small linear model over the parse chooses one of the sentence's actor mentions for it, or none.

The rules find an event's parties through the roles of its pattern (``detente.events.roles``);
real news often puts a party where no role looks ("Japan lodged a protest after Chinese ships
entered its waters"). Every actor mention of the sentence that is not the other party is a
candidate, described by features of how it stands to the trigger (``detente.events.argmodel``: its
dependency label and preposition, the dependency path between them, side and distance, its kind
and sector, the event's type, whether it shares the other party's country). A logistic regression
(trained by ``scripts/train_argfill.py`` on the dev gold's matched events: a candidate is right
when it is the gold party by id or country) scores them; the best one is taken when its
probability reaches the side's bar (``argfill_source`` / ``argfill_target`` in
``data/patterns/engine.yml``; null: never). A venue ("in Maiduguri, Nigeria") is never a candidate.

A filled party carries ``detail.<side>_from = "argument model"`` and ``detail.argfill_p``.
"""

from __future__ import annotations

import datetime as dt
import os

from spacy.tokens import Span, Token

from detente.events.argmodel import SIDES, candidates, get_model, same, scored
from detente.events.engine import Ctx, _arg, learned_skip_source, learned_skip_target, settings
from detente.models import Event, Mention

# the features of every candidate are kept on the event (training: ``scripts/train_argfill.py``)
DUMP_ENV = "DETENTE_ARGFILL_DUMP"
CANDIDATES_KEY = "argfill_candidates"
__all__ = ["fill", "SIDES", "DUMP_ENV", "CANDIDATES_KEY"]


def _trigger(sent: Span, ev: Event) -> Token | None:
    from detente.places import trigger_index

    i = trigger_index(sent, ev.trigger)
    return sent.doc[i] if i is not None else None


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
    cands = candidates(sent, mentions)
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
            best = None
            for p, mi, span, feats in scored(sent, mentions, cands, trig, side, ev.type, other,
                                             model if wanted else None,
                                             learned_skip_source if side == "source" else learned_skip_target):
                m = mentions[mi]
                if dump:
                    kept.setdefault(side, []).append({"mention": mi, "id": m.id, "country": m.country,
                                                      "sector": m.sector, "text": m.text, "features": feats,
                                                      "chosen": same(mine, m)})
                if p is not None and (best is None or p > best[0]):
                    best = (p, mi, span)
            if best is not None and best[0] >= bars[side]:
                p, mi, span = best
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
