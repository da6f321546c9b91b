"""Events: PLOVER coding of sentences from verb/noun patterns in ``detente/data/patterns/``.

Interface used by the pipeline (keep it):
- ``extract_events(sent, mentions, kb, published) -> list[Event]`` — events of one sentence
  (a spaCy ``Span``); ``mentions`` are the article's actor mentions (offsets in ``doc.text``).
  Event ``start``/``end`` are offsets of the sentence in ``doc.text``; the pipeline maps them to the
  original text. Events are dated here (via ``detente.dates``); ``detail['relation']`` carries a
  relation change the pattern implies (see ``detente.relations``).

Modules: ``patterns`` (the pattern file, pydantic-validated), ``plover`` (types, CAMEO crosswalk,
Goldstein values), ``engine`` (matching and arguments), ``status`` (negated/planned/reported/ongoing),
``calibration`` (confidence as the dev-measured chance of being right; demoted rules).
- ``attribute_claims(doc, events, mentions) -> list[Event]`` — over a whole doc's events: an attack
  told with no named doer takes the actor claiming it a sentence or two later.
- ``aim_at_crowds(doc, events, mentions) -> list[Event]`` — over a whole doc's events: force the police
  use with no one named is aimed at the protesters the sentence or the one before or after tells of.
Sentences of one doc must be passed in order: a definite "the ban" may refer back to a listing
coded in an earlier sentence (kept in ``doc.user_data``).
"""

from __future__ import annotations

import datetime as dt
import os

from spacy.tokens import Span

from detente.events import candidates, engine
from detente.events.argfill import fill as fill_arguments
from detente.events.calibration import RAW_ENV, calibrate, demoted
from detente.events.engine import aim_at_crowds, attribute_claims, code_sentence, named_foe_again, told_twice, tolls_dropped, tolls_told_with, unidentified_doer
from detente.models import Event, Mention

__all__ = ["extract_events", "code_sentence", "attribute_claims", "aim_at_crowds", "preload"]

if candidates.extend not in engine.SENTENCE_STEPS:
    engine.SENTENCE_STEPS.append(candidates.extend)  # (the learned candidate-event model)


def preload() -> None:
    """Read now the data the stage otherwise reads at its first use (patterns, the CAMEO crosswalk,
    agreement kinds, the sentence classifier, the argument model): load time, not the cost of
    whichever article first needs one of them."""
    from detente.events import argmodel, classifier, engine, patterns, plover
    from detente.wordlists import word_sets

    patterns.load_patterns()
    plover.crosswalk()
    engine.agreement_kinds()
    engine._phrasal_particles()  # (the lexicon importer's settings: read on the first verb otherwise)
    engine._no_event_verbs()
    word_sets("attacks")
    if engine.settings().classifier:
        classifier.get_classifier()
    cfg = engine.settings()
    if (cfg.argfill_source, cfg.argfill_target, cfg.argfill_relaxed) != (None, None, None):
        argmodel.get_model()
    if cfg.candidate_min is not None or cfg.candidate_veto is not None:
        candidates.get_model()


def extract_events(sent: Span, mentions: list[Mention], kb, published: dt.date | None) -> list[Event]:
    """The events of one sentence (mentions are resolved; ``kb``, when given, resolves places that
    the actors stage leaves out, as in "its embassy in Tehran"), with calibrated confidences and
    without the events of demoted rules (``events.calibration``)."""
    events = told_twice(fill_arguments(sent, mentions, published, kb, code_sentence(sent, mentions, published, kb=kb)))
    events = named_foe_again(tolls_told_with(sent, tolls_dropped(sent, events)))
    events = [unidentified_doer(sent, ev) for ev in events]
    if os.environ.get(RAW_ENV):
        return events  # (the table is being recomputed: every rule, raw confidences)
    return [calibrate(ev) for ev in events if not demoted(ev.rule)]
