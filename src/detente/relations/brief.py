"""A short, sourced brief on a pair of actors: "At a Glance" bullets, what changed, a timeline.

``brief(store, a, b, as_of)`` builds it from the status of ``a → b`` (and ``b → a`` where that has
evidence) and the strongest events between the two; ``to_markdown(brief)`` renders it. Every bullet
carries its evidence (article + sentence + offsets, or dataset entry).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from detente.relations import state as st
from detente.relations.dimensions import load_dimensions
from detente.store import schema

MAX_BULLETS = 6
MIN_BULLETS = 4
TIMELINE_ITEMS = 8


def display_names(store, ids: list[str]) -> dict[str, str]:
    """Readable names: the actor KB where it knows the id, list entries for list-only targets."""
    names: dict[str, str] = {}
    try:
        from detente.actors import load_kb

        kb = load_kb()
        getter = getattr(kb, "get", None)
        for i in ids:
            actor = getter(i) if getter else None
            name = getattr(actor, "name", None) if actor is not None else None
            if name:
                names[i] = name
    except Exception:  # the KB is optional for a brief
        pass
    missing = [i for i in ids if i not in names]
    if missing:
        le = schema.list_entries
        with store.engine.connect() as conn:
            for r in conn.execute(select(le.c.dataset, le.c.entry_id, le.c.reference, le.c.name, le.c.actor_id)):
                key = r.actor_id or f"{st._target_prefix(r.dataset)}{r.reference or r.entry_id}"
                if key in missing:
                    names.setdefault(key, r.name)
    return {i: names.get(i, i) for i in ids}


def _since_part(item: dict) -> str:
    if item.get("note"):
        return f" ({item['note']})"
    if item.get("since"):
        return f" (since {item['since']})"
    return ""


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
    events.sort(key=lambda it: (-abs(float(it["value"])), it["date"] is None, _desc(it["date"]), it["text"]))
    return events[:n]


def _desc(date: str | None) -> tuple:
    dv = st.date_value(date)
    return (-(dv.first_day().toordinal()) if dv else 0,)


def brief(store, a: str, b: str, as_of: str | dt.date | None = None) -> dict[str, Any]:
    day = st.parse_as_of(as_of)
    cfg = load_dimensions()
    status = st.status(store, a, b, day)
    reverse = st.status(store, b, a, day)
    names = display_names(store, [a, b])
    bullets: list[dict] = []
    quiet: list[dict] = []
    for s_ in (status, reverse):
        src, tgt = s_["source"], s_["target"]
        for dim in st.STATE_DIMENSIONS:
            item = s_[dim]
            text = st.state_text(dim, item["value"], src, tgt, item.get("detail", {}), names) + _since_part(item)
            bullet = {"text": text + ".", "evidence": item["evidence"][:3]}
            if item["evidence"]:
                bullets.append(bullet)
            elif s_ is status:
                quiet.append(bullet)
    for ag in status["agreements"]:
        spec = cfg.dimensions["agreements"]
        text = st._fill(spec.wording.get(ag["status"], "{kind}: {subjects}"), a, b,
                        {"kind": ag["kind"], "subjects": ag["subjects"]}, names)
        since = f" (since {ag['since']})" if ag["since"] else ""
        bullets.append({"text": text[0].upper() + text[1:] + since + ".", "evidence": ag["evidence"][:3]})
    stance = status["stance"]
    if stance["events"]:
        label = cfg.stance.label(stance["value"])
        stance_bullet = {"text": f"{names[a]}'s stance towards {names[b]} over the last {stance['window']}: "
                                 f"{label} ({stance['value']:+.1f}, {stance['events']} events).", "evidence": []}
        bullets.append(stance_bullet)
    else:
        quiet.append({"text": f"No dated events from {names[a]} towards {names[b]} in the last "
                              f"{stance['window']}.", "evidence": []})
    timeline = st.timeline(store, a, b, until=day, names=names)
    cited = {(e.get("article"), e.get("start"), e.get("end")) for bl in bullets for e in bl["evidence"]}
    for ev in _strongest_events(timeline, day, MAX_BULLETS + len(cited)):
        if len(bullets) >= MAX_BULLETS:
            break
        evk = ev["evidence"]
        if (evk.get("article"), evk.get("start"), evk.get("end")) in cited:
            continue  # already said by a state bullet
        if len(bullets) >= MIN_BULLETS and abs(float(ev["value"])) < 5:
            break
        when = f"{ev['date']}: " if ev["date"] else ""
        bullets.append({"text": f"{when}{ev['text']}", "evidence": [ev["evidence"]]})
    while len(bullets) < MIN_BULLETS and quiet:
        bullets.append(quiet.pop(0))
    bullets = bullets[:MAX_BULLETS]

    changes = [it for it in timeline if it["kind"] == "change" and it["status"] != "negated"]
    if changes:
        last = changes[-1]
        what_changed = last["text"] + "."  # the change's own wording carries its date
    else:
        what_changed = "No recorded change of state."
    return {
        "source": a, "target": b, "as_of": day.isoformat(),
        "names": names,
        "bullets": bullets,
        "what_changed": what_changed,
        "timeline": timeline[-TIMELINE_ITEMS:],
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
    lines = [f"# {names.get(b['source'], b['source'])} → {names.get(b['target'], b['target'])}",
             "", f"As of {b['as_of']}.", "", "## At a Glance", ""]
    for bullet in b["bullets"]:
        cites = "; ".join(c for c in (_cite(e) for e in bullet["evidence"]) if c)
        lines.append(f"- {bullet['text']}" + (f" _({cites})_" if cites else ""))
    lines += ["", "## What changed", "", b["what_changed"], ""]
    if b["timeline"]:
        lines += ["## Timeline", "", "| date | what | source |", "|---|---|---|"]
        for it in b["timeline"]:
            text = it["text"].replace("|", "\\|")
            lines.append(f"| {it['date'] or '?'} | {text} | {_cite(it['evidence'])} |")
        lines.append("")
    if b.get("conflicts"):
        lines += ["## Conflicting evidence", ""]
        for c in b["conflicts"]:
            vals = ", ".join(f"{v['value']} ({v['date'] or 'undated'})" for v in c["values"])
            lines.append(f"- {c['dimension']}: {vals}; shown: {c['values'][0]['value']}")
        lines.append("")
    return "\n".join(lines)
