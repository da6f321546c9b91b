"""A short, sourced brief on a pair of actors: "At a Glance" bullets, what changed, a timeline.

``brief(store, a, b, as_of)`` builds it from the status of ``a → b`` (and ``b → a`` where that has
evidence) and the strongest events between the two; ``to_markdown(brief)`` renders it. Every bullet
carries its evidence (article + sentence + offsets, or dataset entry).
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict
from detente.relations import state as st
from detente.relations.dimensions import load_dimensions

MAX_BULLETS = 6
MIN_BULLETS = 4
TIMELINE_ITEMS = 8


class _ShortNames(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    names: dict[str, str]


@functools.lru_cache(maxsize=1)
def short_names() -> dict[str, str]:
    """Short running-text names (``data/relations/display_names.yml``), e.g. RUS → "Russia"."""
    raw = yaml.safe_load(resources.files("detente").joinpath("data/relations/display_names.yml").read_text("utf-8"))
    return dict(_ShortNames.model_validate(raw).names)


def display_names(store, ids: list[str]) -> dict[str, str]:
    """Readable names: the short names file, the actor KB where it knows the id, list entries for
    list-only targets, else the id."""
    short = short_names()
    names: dict[str, str] = {i: short[i] for i in ids if i in short}
    try:
        from detente.actors import load_kb

        kb = load_kb()
        getter = getattr(kb, "get", None)
        for i in ids:
            if i in names:
                continue
            actor = getter(i) if getter else None
            name = getattr(actor, "name", None) if actor is not None else None
            if name:
                names[i] = name
    except Exception:  # the KB is optional for a brief
        pass
    if any(i not in names for i in ids):
        listed = st.list_entry_names(store)
        names.update({i: listed[i] for i in ids if i not in names and i in listed})
    return {i: names.get(i, i) for i in ids}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ev_key(ev: dict) -> tuple:
    return (ev.get("article"), ev.get("dataset"), ev.get("external_id"), ev.get("start"), ev.get("end"))


def _evidence_status(changes: list[st.Change], source: str, target: str, dimension: str, value: str,
                     evidence: list[dict]) -> str | None:
    """``planned`` / ``reported`` when every change behind a state says so, else ``None``."""
    keys = {_ev_key(e) for e in evidence}
    statuses = {c.detail.get("event_status") or "occurred" for c in changes
                if c.source == source and c.target == target and c.dimension == dimension
                and c.value == value and _ev_key(c.evidence()) in keys}
    if statuses and statuses <= {"planned"}:
        return "planned"
    if statuses and statuses <= {"planned", "reported"}:
        return "reported"
    return None


def _state_sentence(text: str, item: dict, status: str | None) -> str:
    """A state bullet: "Planned: X (announced on D)." / "X (since D)." / "X (in 2003 (day unknown))."."""
    if status == "planned":
        when = f" (announced {item['since']})" if item.get("since") else ""
        return f"Planned: {text}{when}."
    prefix = "Reported: " if status == "reported" else ""
    if item.get("note"):
        when = f" ({item['note']})"
    elif item.get("since"):
        when = f" (since {item['since']})"
    else:
        when = ""
    return f"{prefix}{text}{when}."


def _when(item: dict) -> str:
    """The date of a timeline item as shown: the publication date is marked as such."""
    if not item.get("date"):
        return "undated"
    return f"reported {item['date']}" if item.get("date_from") == "published" else item["date"]


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
        return "No recorded change of state."
    found.sort(key=lambda f: (f[0], f[2].sort_key()))
    day, dim, starter, before = found[-1]
    if starter.synthetic:  # the end of a span: "ambassador from 2016 to 2021"
        text = st.state_text(dim, starter.value, starter.source, starter.target, starter.detail, names)
        return f"{_cap(text)} from {starter.date} (the earlier arrangement ended; before: {before})."
    text = st.change_text(starter, names)
    return f"{text} (before: {before})."


def _brief_timeline(timeline: list[dict]) -> list[dict]:
    """The timeline without the events a change row already states (same sentence, same pair)."""
    said = {(_ev_key(e), it["source"], it["target"]) for it in timeline if it["kind"] == "change"
            for e in [it["evidence"], *it.get("also", [])]}
    return [it for it in timeline
            if it["kind"] == "change" or (_ev_key(it["evidence"]), it["source"], it["target"]) not in said]


def brief(store, a: str, b: str, as_of: str | dt.date | None = None) -> dict[str, Any]:
    day = st.parse_as_of(as_of)
    cfg = load_dimensions()
    status = st.status(store, a, b, day)
    reverse = st.status(store, b, a, day)
    names = display_names(store, [a, b])
    changes = st.load_changes(store, a, b, both=True)
    bullets: list[dict] = []
    quiet: list[dict] = []
    for s_ in (status, reverse):
        src, tgt = s_["source"], s_["target"]
        for dim in st.STATE_DIMENSIONS:
            item = s_[dim]
            text = st.state_text(dim, item["value"], src, tgt, item.get("detail", {}), names)
            how = _evidence_status(changes, src, tgt, dim, item["value"], item["evidence"])
            bullet = {"text": _state_sentence(text, item, how), "evidence": item["evidence"][:3]}
            if item["evidence"]:
                bullets.append(bullet)
            elif s_ is status:
                quiet.append(bullet)
    for ag in status["agreements"]:
        spec = cfg.dimensions["agreements"]
        text = _cap(st._fill(spec.wording.get(ag["status"], "{kind}: {subjects}"), a, b,
                             {"kind": ag["kind"], "subjects": ag["subjects"]}, names))
        ag_changes = [c for c in changes if c.dimension == "agreements" and c.source == a and c.target == b
                      and st.agreement_key(c) == (ag["kind"], tuple(ag["subjects"]))]
        how = _evidence_status(ag_changes, a, b, "agreements", ag["status"], ag["evidence"])
        bullets.append({"text": _state_sentence(text, {"since": ag["since"]}, how), "evidence": ag["evidence"][:3]})
    stance = status["stance"]
    if stance["events"]:
        label = cfg.stance.label(stance["value"])
        n = stance["events"]
        stance_bullet = {"text": f"{_cap(names[a])}'s stance towards {names[b]} over the last {stance['window']}: "
                                 f"{label} ({stance['value']:+.1f}, {n} event{'s' if n != 1 else ''}).",
                         "evidence": []}
        stance_bullet["text"] = stance_bullet["text"].replace("s's stance", "s' stance")
        bullets.append(stance_bullet)
    else:
        quiet.append({"text": f"No dated events from {names[a]} towards {names[b]} in the last "
                              f"{stance['window']}.", "evidence": []})
    timeline = st.timeline(store, a, b, until=day, names=names, collapse=True)
    cited = {_ev_key(e) for bl in bullets for e in bl["evidence"]}
    for ev in _strongest_events(timeline, day, MAX_BULLETS + len(cited)):
        if len(bullets) >= MAX_BULLETS:
            break
        if any(_ev_key(e) in cited for e in [ev["evidence"], *ev.get("also", [])]):
            continue  # already said by a state bullet
        if len(bullets) >= MIN_BULLETS and abs(float(ev["value"])) < 5:
            break
        bullets.append({"text": f"{_when(ev)}: {ev['text']}", "evidence": [ev["evidence"], *ev.get("also", [])][:3]})
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


def _cite(ev: dict) -> str:
    if ev.get("dataset"):
        return f"{ev['dataset']} {ev.get('external_id') or ''}".strip()
    if ev.get("article"):
        return f"article {ev['article']} [{ev.get('start')}:{ev.get('end')}]"
    return ""


def to_markdown(b: dict) -> str:
    names = b.get("names", {})
    lines = [f"# {_cap(names.get(b['source'], b['source']))} → {names.get(b['target'], b['target'])}",
             "", f"As of {b['as_of']}.", "", "## At a Glance", ""]
    for bullet in b["bullets"]:
        cites = "; ".join(c for c in (_cite(e) for e in bullet["evidence"]) if c)
        lines.append(f"- {bullet['text']}" + (f" _({cites})_" if cites else ""))
    lines += ["", "## What changed", "", b["what_changed"], ""]
    if b["timeline"]:
        lines += ["## Timeline", "", "| date | what | source |", "|---|---|---|"]
        for it in b["timeline"]:
            text = it["text"].replace("|", "\\|")
            cites = "; ".join(c for c in (_cite(e) for e in [it["evidence"], *it.get("also", [])]) if c)
            lines.append(f"| {_when(it)} | {text} | {cites} |")
        lines.append("")
    if b.get("conflicts"):
        lines += ["## Conflicting evidence", ""]
        for c in b["conflicts"]:
            vals = ", ".join(f"{v['value']} ({v['date'] or 'undated'})" for v in c["values"])
            lines.append(f"- {c['dimension']}: {vals}; shown: {c['values'][0]['value']}")
        lines.append("")
    return "\n".join(lines)
