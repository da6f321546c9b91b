"""A short, sourced brief on a pair of actors, computed from what the store holds (pure).

``compose(status, reverse, changes, timeline, names, as_of)`` builds "At a Glance" bullets from
the status of ``a → b`` (and ``b → a`` where that has evidence) and the strongest events between
the two, "what changed", and the last rows of the timeline. Every bullet carries its evidence
(article + sentence + offsets, or dataset entry). Reading the store is
``detente.services.briefs.brief``; the English is ``detente.relations.wording``; the Markdown is
``detente.render.brief_markdown``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from detente.relations import state as st
from detente.relations import wording as w
from detente.relations.dimensions import load_dimensions

MAX_BULLETS = 6
MIN_BULLETS = 4
TIMELINE_ITEMS = 8


_ev_key = st.evidence_key


def _strongest_events(timeline: list[dict], as_of: dt.date, n: int) -> list[dict]:
    events = []
    for it in timeline:
        if it["kind"] != "event" or it.get("value") is None or it["status"] in ("negated", "planned"):
            continue
        dv = st.date_value(it["date"], it["date_precision"])
        if dv is not None and dv.first_day() > as_of:
            continue
        events.append(it)
    window_start = dt.date(as_of.year - 1, as_of.month, 1)
    recent = [it for it in events if (d := st.date_value(it["date"], it["date_precision"])) and d.first_day() >= window_start]
    events = recent or events
    events.sort(key=lambda it: (-abs(float(it["value"])), -it.get("reports", 1), it["date"] is None,
                                _desc(it["date"]), it["text"]))
    return events[:n]


def _desc(date: str | None) -> tuple:
    dv = st.date_value(date)
    return (-(dv.first_day().toordinal()) if dv else 0,)


def _runs(changes: list[st.Change], as_of: dt.date, default: str) -> list[tuple[str, st.Change]]:
    """(value, the change that started it) for each run of equal values up to ``as_of``."""
    known = [c for c in st._with_span_ends(changes, default) if c.first is None or c.first <= as_of]
    runs: list[tuple[str, st.Change]] = []
    for g in st.groups(known):
        if not runs or runs[-1][0] != g.value:
            runs.append((g.value, g.winner))
    return runs


def what_changed(changes: list[st.Change], pairs: list[tuple[str, str]], as_of: dt.date,
                 names: dict[str, str]) -> str:
    """The most recent change of state that still holds on ``as_of``, with the value it replaced.

    Only the start of each dimension's current run counts (a plan later denied is not "what
    changed"); a denial ("has not recognised") observes a value and starts nothing; a repeat of
    the same value by a later report is not a change.
    """
    cfg = load_dimensions()
    found: list[tuple[dt.date, str, st.Change, str]] = []
    for src, tgt in pairs:
        mine = [c for c in changes if c.source == src and c.target == tgt]
        series: list[tuple[str, list[st.Change]]] = [
            (dim, [c for c in mine if c.dimension == dim]) for dim in st.STATE_DIMENSIONS]
        by_key: dict[tuple, list[st.Change]] = {}
        for c in mine:
            if c.dimension == "agreements":
                by_key.setdefault(st.agreement_key(c), []).append(c)
        series += [("agreements", cs) for _, cs in sorted(by_key.items())]
        for dim, cs in series:
            spec = cfg.dimensions[dim]
            runs = _runs(cs, as_of, spec.default)
            if not runs:
                continue
            value, starter = runs[-1]
            if starter.first is None or st.is_observation(starter) or starter.synthetic and len(runs) < 2:
                continue
            if len(runs) < 2 and value == spec.default:
                continue
            before = runs[-2][0] if len(runs) >= 2 else spec.default
            label = spec.values[before].label if before in spec.values else before
            found.append((starter.first, dim, starter, label))
    if not found:
        return w.NO_CHANGE
    found.sort(key=lambda f: (f[0], f[2].sort_key()))
    day, dim, starter, before = found[-1]
    if starter.synthetic:  # the end of a span: "ambassador from 2016 to 2021"
        text = w.state_text(dim, starter.value, starter.source, starter.target, starter.detail, names)
        return w.span_end_changed(text, starter.date, before)
    return w.changed(w.change_text(starter, names), before)


def _brief_timeline(timeline: list[dict]) -> list[dict]:
    """The timeline without the events a change row already states (same sentence, same pair)."""
    said = {(_ev_key(e), it["source"], it["target"]) for it in timeline if it["kind"] == "change"
            for e in [it["evidence"], *it.get("also", [])]}
    return [it for it in timeline
            if it["kind"] == "change" or (_ev_key(it["evidence"]), it["source"], it["target"]) not in said]


def compose(status: dict, reverse: dict, changes: list[st.Change], timeline: list[dict],
            names: dict[str, str], as_of: dt.date) -> dict[str, Any]:
    """The brief of ``status["source"] → status["target"]`` on ``as_of`` from the two directions'
    status, the pair's changes (both directions), the collapsed timeline up to ``as_of`` and the
    names to write (pure)."""
    day = as_of
    a, b = status["source"], status["target"]
    bullets: list[dict] = []
    quiet: list[dict] = []
    for s_ in (status, reverse):
        src, tgt = s_["source"], s_["target"]
        for dim in st.STATE_DIMENSIONS:
            item = s_[dim]
            text = w.state_text(dim, item["value"], src, tgt, item.get("detail", {}), names)
            bullet = {"text": w.state_sentence(text, item, item.get("event_status")), "evidence": item["evidence"][:3]}
            if item["evidence"]:
                bullets.append(bullet)
            elif s_ is status:
                quiet.append(bullet)
    for ag in status["agreements"]:
        text = w.agreement_text(ag["status"], a, b, ag["kind"], ag["subjects"], names)
        bullets.append({"text": w.state_sentence(text, {"since": ag["since"]}, ag.get("event_status")),
                        "evidence": ag["evidence"][:3]})
    stance = status["stance"]
    if stance["events"]:
        bullets.append({"text": w.stance_sentence(a, b, stance, names), "evidence": []})
    else:
        quiet.append({"text": w.no_stance_sentence(a, b, stance["window"], names), "evidence": []})
    cited = {_ev_key(e) for bl in bullets for e in bl["evidence"]}
    for ev in _strongest_events(timeline, day, MAX_BULLETS + len(cited)):
        if len(bullets) >= MAX_BULLETS:
            break
        if any(_ev_key(e) in cited for e in [ev["evidence"], *ev.get("also", [])]):
            continue  # already said by a state bullet
        if len(bullets) >= MIN_BULLETS and abs(float(ev["value"])) < 5:
            break
        bullets.append({"text": f"{w.when(ev)}: {ev['text']}", "evidence": [ev["evidence"], *ev.get("also", [])][:3]})
    while len(bullets) < MIN_BULLETS and quiet:
        bullets.append(quiet.pop(0))
    bullets = bullets[:MAX_BULLETS]

    return {
        "source": a, "target": b, "as_of": day.isoformat(),
        "names": names,
        "bullets": bullets,
        "what_changed": what_changed(changes, [(a, b), (b, a)], day, names),
        "timeline": _brief_timeline(timeline)[-TIMELINE_ITEMS:],
        "conflicts": status["conflicts"],
    }
