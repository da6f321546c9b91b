"""Matching predictions to gold, within one unit (an article or a sentence).

The rules (also in ``docs/evaluation.md``):

- **Same sentence.** For article gold, the gold ``sentence`` (a substring of the sentence the
  event comes from) is located in the article text; a prediction is in that sentence when its
  span (``start``/``end``) overlaps the located substring, or when its ``sentence`` contains the
  substring. Comparison ignores case, whitespace runs and quote/dash styles. Sentence gold (CAMEO
  XML) is one sentence: every prediction of the unit is in it. Gold without ``sentence`` accepts
  any sentence.
- **Candidate.** Same sentence, and at least one actor in common (either gold actor equals
  either predicted actor, direction ignored) or the same PLOVER type.
- **Score** of a candidate: type +2, source +1, target +1, date +1 (exact, or inside the gold
  date's period).
- **Assignment.** Greedy one-to-one: best score first; ties go to the earlier gold event, then the
  earlier prediction. Unassigned gold events are misses, unassigned predictions are spurious.

Actor equality: a gold actor with an id equals a predicted actor with the same id, or with no id
and that id as its country ("US officials" for gold ``USA``). A gold actor with no id (``GEOOPP``
→ country GEO, sector OPP) equals a prediction with that country (if given) and sector (if
given) and no id other than the country. A gold actor with nothing known (``---``) is
unspecified: never compared, never scored. A gold actor that is null (YAML: "the text names
none") equals a null prediction or one with neither id nor country.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from detente.eval.types import GoldActor, GoldChange, GoldEvent, GoldQuote
from detente.models import ActorRef, DateValue, Event, Quote, RelationChange

_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ",
})


def fold(text: str) -> str:
    """Lower case, one quote and dash style, whitespace runs as one space, trimmed."""
    return " ".join(text.translate(_FOLD).casefold().split())


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each of its characters, the offset of its source character."""
    out: list[str] = []
    offs: list[int] = []
    pending_space = False
    for i, ch in enumerate(text):
        ch = ch.translate(_FOLD)
        if ch.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            offs.append(i - 1)
            pending_space = False
        for c in ch.casefold():
            out.append(c)
            offs.append(i)
    return "".join(out), offs


def locate(needle: str, text: str) -> tuple[int, int] | None:
    """The span of ``text`` where ``needle`` occurs (folded comparison): the first occurrence as
    whole words, else the first inside a word (gold "UN" is the word, not the "un" of
    "unilateral"; "EU" not the "Eu" of "Europe")."""
    n = fold(needle)
    if not n:
        return None
    hay, offs = fold_with_offsets(text)
    first = k = hay.find(n)
    while k >= 0:
        before = hay[k - 1] if k > 0 else " "
        after = hay[k + len(n)] if k + len(n) < len(hay) else " "
        if not (before.isalnum() and n[0].isalnum()) and not (after.isalnum() and n[-1].isalnum()):
            break
        k = hay.find(n, k + 1)
    k = k if k >= 0 else first
    if k < 0:
        return None
    return offs[k], offs[k + len(n) - 1] + 1


# ---------------------------------------------------------------------------------------------
# actors and dates


def unspecified(g: GoldActor | None) -> bool:
    return g is not None and not (g.id or g.country or g.sector)


def actor_equal(g: GoldActor | None, p: ActorRef | None) -> bool:
    if g is None:
        return p is None or not (p.id or p.country)
    if p is None or unspecified(g):
        return False
    if g.id:
        return p.id == g.id or (p.id is None and p.country == g.id)
    if g.country and p.country != g.country:
        return False
    if g.sector and p.sector != g.sector:
        return False
    return p.id is None or p.id == p.country


def actor_country_equal(g: GoldActor | None, p: ActorRef | None) -> bool:
    """Equality by id or country alone (the ``dyad_country`` field): a gold id equals a prediction
    with that id or that country; a gold country equals a prediction with that country; a gold actor
    whose country is unknown (``{country: null, sector: UAF}``) equals a prediction with no country."""
    if g is None:
        return p is None or not (p.id or p.country)
    if p is None or unspecified(g):
        return False
    if g.id:
        return p.id == g.id or p.country == g.id or (g.country is not None and p.country == g.country)
    if g.country:
        return p.country == g.country or p.id == g.country
    return not p.country and (not p.id or p.id == g.id)


def _period(value: str, precision: str | None) -> tuple[dt.date, dt.date] | None:
    prec = precision or {4: "year", 7: "month", 10: "day"}.get(len(value))
    if prec is None:
        return None
    try:
        d = DateValue(value=value, precision=prec)
        return d.first_day(), d.last_day()
    except (ValueError, TypeError):
        return None


def date_exact(g_date: str | None, g_prec: str | None, p_date: str | None, p_prec: str | None) -> bool:
    if not g_date or not p_date:
        return False
    gp = g_prec or {4: "year", 7: "month", 10: "day"}.get(len(g_date))
    pp = p_prec or {4: "year", 7: "month", 10: "day"}.get(len(p_date))
    return g_date == p_date and gp == pp


def date_within(g_date: str | None, g_prec: str | None, p_date: str | None, p_prec: str | None) -> bool:
    """The predicted date lies inside the gold date's period (gold 2025-04, predicted 2025-04-17)."""
    if not g_date or not p_date:
        return False
    gp, pp = _period(g_date, g_prec), _period(p_date, p_prec)
    if gp is None or pp is None:
        return False
    return gp[0] <= pp[0] and pp[1] <= gp[1]


# ---------------------------------------------------------------------------------------------
# events


@dataclass
class Unit:
    """What matching needs to know about a unit: its text and whether it is one sentence."""

    text: str
    is_sentence: bool


def in_sentence(gold_sentence: str | None, pred: Event | RelationChange, unit: Unit) -> bool:
    if unit.is_sentence or not gold_sentence:
        return True
    span = locate(gold_sentence, unit.text)
    if span is not None and pred.start < span[1] and span[0] < pred.end:
        return True
    return fold(gold_sentence) in fold(pred.sentence or "")


def _date_ok(g: GoldEvent, p: Event) -> bool:
    return date_exact(g.date, g.date_precision, p.date, p.date_precision) or date_within(
        g.date, g.date_precision, p.date, p.date_precision)


def pair_score(g: GoldEvent, p: Event, unit: Unit) -> int | None:
    """The candidate score of (gold, predicted), or None when they are not candidates."""
    if not in_sentence(g.sentence, p, unit):
        return None
    shared = any(
        ga is not None and not unspecified(ga) and actor_equal(ga, pa)
        for ga in (g.source, g.target) for pa in (p.source, p.target)
    )
    if not shared and g.type != p.type:
        return None
    score = 2 * (g.type == p.type)
    score += actor_equal(g.source, p.source) if not unspecified(g.source) else 0
    score += actor_equal(g.target, p.target) if not unspecified(g.target) else 0
    score += _date_ok(g, p)
    return int(score)


def greedy(scores: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    """One-to-one pairs, best score first; ties to the earlier gold, then the earlier prediction."""
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for (gi, pi), _s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1])):
        if gi in taken_g or pi in taken_p:
            continue
        taken_g.add(gi)
        taken_p.add(pi)
        out.append((gi, pi))
    return sorted(out)


def match_events(gold: Sequence[GoldEvent], pred: Sequence[Event], unit: Unit) -> list[tuple[int, int]]:
    scores: dict[tuple[int, int], int] = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = pair_score(g, p, unit)
            if s is not None:
                scores[(gi, pi)] = s
    return greedy(scores)


# ---------------------------------------------------------------------------------------------
# relation changes and quotes


def match_changes(
    gold: Sequence[GoldChange], pred: Sequence[RelationChange], unit: Unit
) -> list[tuple[int, int]]:
    """Same source, target, dimension and value, in the same sentence; date agreement breaks ties."""
    scores: dict[tuple[int, int], int] = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if (g.source, g.target, g.dimension, g.value) != (p.source, p.target, p.dimension, p.value):
                continue
            if not in_sentence(g.sentence, p, unit):
                continue
            scores[(gi, pi)] = 1 + date_within(g.date, g.date_precision, p.date, p.date_precision)
    return greedy(scores)


def speaker_equal(g: GoldQuote, p: Quote) -> bool:
    if g.speaker_id and p.speaker_id:
        return g.speaker_id == p.speaker_id
    if not g.speaker:
        return True
    if not p.speaker:
        return False
    gs, ps = fold(g.speaker), fold(p.speaker)
    return gs == ps or gs in ps or ps in gs


def match_quotes(gold: Sequence[GoldQuote], pred: Sequence[Quote]) -> list[tuple[int, int]]:
    """The predicted quote contains the gold's words; the right speaker breaks ties."""
    scores: dict[tuple[int, int], int] = {}
    for gi, g in enumerate(gold):
        needle = fold(g.text_contains)
        for pi, p in enumerate(pred):
            if needle and needle in fold(p.text):
                scores[(gi, pi)] = 1 + speaker_equal(g, p)
    return greedy(scores)
