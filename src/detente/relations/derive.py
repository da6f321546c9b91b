"""Relation changes implied by coded events.

An event implies a change of a directed relation when

- the events stage put ``detail['relation']`` on it (the pattern said so): ``dimension``, ``value``,
  ``detail`` (the dimension's own keys, e.g. agreements' ``status``), and optionally ``source`` /
  ``target`` (the relation runs the other way), ``also`` (second changes, below), and for an intent
  carrying its complement's act ("agreed to upgrade relations") ``act_status``, ``rule`` and
  ``confidence`` (the act's status, the pattern that read it and its confidence), or
- its type/mode/context matches a ``fallback`` entry of ``dimensions.yml`` (e.g. an expulsion of
  diplomats → representation ``expelled``).

A pattern's ``relation.also`` adds changes of the same dimension from the event's source to other
parties (``detail['relation']['also']``: "switched recognition from Taiwan to China" also withdraws
recognition of Taiwan), with the same status handling.

The change carries the event's date, precision, sentence, offsets, confidence and rule. Statuses:

- ``negated`` ("Russia has not recognised …") → the value the denial supports, from the dimension's
  ``negation`` map (recognition ``formal`` → ``none``); a pattern that already gives that value
  (``none``) is kept; otherwise no change. A denial by a "no" determiner on the doer ("no EU
  member has recognised …") names no party: no change ("signed no agreement" is a denial like "did not").
- ``planned`` / ``reported`` → applied, marked ``detail['event_status']``.
- ``ongoing`` ("has held talks since 2016", "listed since 2003") → the value held *from* the
  event's date: the change is dated at the start of the span (``detail['ongoing'] = True``).
- a closed span ("from 2016 to 2021") keeps ``date_end``; the state logic reads it as the value
  ending there.
- statuses not in ``effective_statuses`` produce nothing.

An event whose act was only threatened or alleged (``detail['threatened']`` / ``detail['alleged']``:
"threatened to sever relations" is coded as the threat, "accused of recognising" as the accusation)
changes no relation: the act it names has not been done.
"""

from __future__ import annotations

from detente.events.status import NO_SUBJECT_WHY
from detente.models import DIMENSION_VALUES, Event, RelationChange
from detente.relations.dimensions import load_dimensions


def _implied(ev: Event) -> tuple[str, str, dict, str] | None:
    """(dimension, value, detail, rule) the event implies, before its status is applied."""
    rel = ev.detail.get("relation") if ev.detail else None
    if rel:
        return rel["dimension"], rel["value"], dict(rel.get("detail") or {}), rel.get("rule") or ev.rule
    cfg = load_dimensions()
    for dim, spec in sorted(cfg.dimensions.items()):
        for fb in spec.fallback:
            if fb.type != ev.type or (fb.mode is not None and fb.mode != ev.mode):
                continue
            if fb.context is not None and fb.context not in ev.context:
                continue
            return dim, fb.value, {}, fb.rule
    return None


def _direction(ev: Event) -> tuple[str | None, str | None]:
    """The relation's (source, target): the event's, unless the pattern says the relation runs
    the other way ("X closed its embassy in Y" is about X's representation *in* Y: source Y,
    target X) with ``relation.source``/``relation.target`` = ``"source"`` / ``"target"``."""
    rel = (ev.detail or {}).get("relation") or {}
    ids = {"source": ev.source.id if ev.source else None, "target": ev.target.id if ev.target else None}
    src = rel.get("source", "source")
    tgt = rel.get("target", "target")
    return ids.get(src, src), ids.get(tgt, tgt)


def _also(ev: Event) -> list[tuple[str, str, str]]:
    """The event's second changes (``relation.also``: "switched recognition from Taiwan to China"
    also withdraws it from Taiwan), as (dimension, value, target): the event's source makes them."""
    rel = (ev.detail or {}).get("relation") or {}
    return [(rel["dimension"], a["value"], a["target"]) for a in rel.get("also") or ()]


# event detail keys telling that the act the pattern matched was only threatened or alleged
UNDONE_ACT_KEYS = ("threatened", "alleged")


def changes_from_events(events: list[Event]) -> list[RelationChange]:
    out: list[RelationChange] = []
    for ev in events:
        if not ev.source or not ev.target or not ev.source.id or not ev.target.id:
            continue
        if any((ev.detail or {}).get(key) for key in UNDONE_ACT_KEYS):
            continue  # a threat or an accusation of the act is not the act
        implied = _implied(ev)
        if implied is None:
            continue
        dimension, value, detail, rule = implied
        source, target = _direction(ev)
        change = _change(ev, dimension, value, detail, rule, source, target)
        if change is not None:
            out.append(change)
        for dim, val, other in _also(ev):
            change = _change(ev, dim, val, dict(detail), rule, ev.source.id, other)
            if change is not None:
                out.append(change)
    return out


def _change(ev: Event, dimension: str, value: str, detail: dict, rule: str,
            source: str | None, target: str | None) -> RelationChange | None:
    """The change of ``dimension`` to ``value`` between ``source`` and ``target`` the event implies,
    its status applied (see the module's docstring); None where it implies none."""
    cfg = load_dimensions()
    if not source or not target or source == target:
        return None
    # (an intent that occurred carries the change of the act it announces with that act's status:
    # "agreed to upgrade relations to ambassador level" is a planned upgrade; a reported or denied
    # intent keeps its own status)
    rel = (ev.detail or {}).get("relation") or {}
    status = rel.get("act_status") if ev.status == "occurred" and rel.get("act_status") else ev.status
    spec = cfg.dimensions.get(dimension)
    if dimension not in DIMENSION_VALUES or spec is None or value not in set(spec.values) | {spec.default}:
        return None  # a pattern naming an unknown dimension or value implies nothing
    if status == "negated" and (ev.detail or {}).get("status_why") == NO_SUBJECT_WHY:
        return None  # "no EU member has recognised X": a denial of nobody's act names no party
    if status == "negated":
        negated = cfg.negate(dimension, value)
        if negated is not None:
            detail = {**detail, "negated": value}
            value = negated
        elif value not in set(spec.negation.values()) and value != spec.default:
            return None  # the pattern gave the denied value, and the denial supports nothing
        # else: the pattern already gave the value the denial supports ("none")
    elif status not in cfg.effective_statuses:
        return None
    if status == "ongoing":
        detail = {**detail, "ongoing": True}
    if status in ("planned", "reported"):
        detail = {**detail, "event_status": status}
    return RelationChange(
        source=source, target=target, dimension=dimension, value=value,
        date=ev.date, date_precision=ev.date_precision, date_end=ev.date_end,
        detail=detail, sentence=ev.sentence, start=ev.start, end=ev.end,
        confidence=rel.get("confidence", ev.confidence), rule=rule,
    )
