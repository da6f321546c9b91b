"""The English of relation states, changes, timelines and briefs, apart from the calculus.

The calculus (``detente.relations.state``, ``brief``) decides *what* holds; the functions here
say it. Sentence templates per dimension and value are data (``data/relations/dimensions.yml``:
``wording`` for a state, ``change_wording`` for a change) and the short running-text names are
``data/relations/display_names.yml``; what is left here is how the pieces join: capitals, dates,
"Planned:" and "Reported:" marks, citations.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

from detente.records import Record
from detente.relations.dimensions import load_dimensions

WIDTH = 140  # the longest one-line text of a timeline row


class _ShortNames(Record):
    version: int
    names: dict[str, str]


@functools.lru_cache(maxsize=1)
def short_names() -> dict[str, str]:
    """Short running-text names (``data/relations/display_names.yml``), e.g. RUS → "Russia"."""
    raw = yaml.safe_load(resources.files("detente").joinpath("data/relations/display_names.yml").read_text("utf-8"))
    return dict(_ShortNames.model_validate(raw).names)


def cap(text: str) -> str:
    """``text`` with its first letter upper-cased (the rest untouched: "the UN" stays "the UN")."""
    return text[:1].upper() + text[1:]


def one_line(text: str | None, width: int = WIDTH) -> str:
    """Whitespace runs as one space, cut with "…" beyond ``width``."""
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def fill(template: str, source: str, target: str, detail: dict, names: dict | None = None) -> str:
    """A dimension's template with the pair's names, the list, the agreement's kind and subjects."""
    names = names or {}
    lst = detail.get("list") or (f"{detail['program']} sanctions list" if detail.get("program") else None)
    subjects = detail.get("subjects") or []
    if isinstance(subjects, str):
        subjects = [subjects]
    src, tgt = names.get(source, source), names.get(target, target)
    text = template.format(
        source=src, target=tgt,
        list_part=f" ({lst})" if lst else "", kind=str(detail.get("kind") or "agreement"),
        subjects=", ".join(map(str, subjects)) or "unspecified subjects",
    )
    for name in {src, tgt}:  # "the United States's" → "the United States'"
        if name.endswith("s"):
            text = text.replace(f"{name}'s", f"{name}'")
    return text


def change_text(c: Any, names: dict | None = None, reported: bool = False) -> str:
    """One line for a change (a ``state.Change``), from the dimension's ``change_wording``.

    ``reported``: the date is the publication date of the report, not the date of the change.
    """
    spec = load_dimensions().dimensions.get(c.dimension)
    status = c.detail.get("event_status")
    planned = status == "planned"
    # a plan is worded as the state it would bring ("Planned: Russia receives an ambassador of …")
    template = (spec.wording if planned else spec.change_wording).get(c.value) if spec else None
    if not template:
        return f"{c.source} → {c.target}: {c.dimension} {c.value}"
    text = fill(template, c.source, c.target, c.detail, names)
    if planned:
        text = "Planned: " + text
    elif status == "reported":
        text = "Reported: " + text
    if planned and c.date:
        when = f" (announced {'in' if c.date_precision != 'day' else 'on'} {c.date})"
    elif reported and c.date:
        when = f" (reported on {c.date})"
    else:
        when = f" in {c.date}" if c.date and c.date_precision != "day" else (f" on {c.date}" if c.date else "")
    return cap(text) + when


def state_text(dimension: str, value: str, source: str, target: str, detail: dict,
               names: dict | None = None) -> str:
    """One line for a current state, from the dimension's ``wording``."""
    spec = load_dimensions().dimensions.get(dimension)
    template = spec.wording.get(value) if spec else None
    if not template:
        return f"{source} → {target}: {dimension} {value}"
    return cap(fill(template, source, target, detail, names))


def event_line(source: str, type_: str, mode: str | None, target: str, status: str, sentence: str | None) -> str:
    """A timeline row for an event: "Russia AGREE/… the Taliban (planned): <sentence>", one line."""
    line = " ".join(f"{cap(source)} {type_}{'/' + mode if mode else ''} {target}"
                    f"{'' if status == 'occurred' else f' ({status})'}: {sentence}".split())
    return line if len(line) <= WIDTH else one_line(line)


def with_reports(text: str, n: int) -> str:
    """A collapsed timeline row: its text, then "(N reports)"."""
    return one_line(text, WIDTH - 12) + f" ({n} reports)"


def state_sentence(text: str, item: dict, status: str | None) -> str:
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


def agreement_text(status: str, a: str, b: str, kind: str, subjects: list[str], names: dict) -> str:
    spec = load_dimensions().dimensions["agreements"]
    return cap(fill(spec.wording.get(status, "{kind}: {subjects}"), a, b, {"kind": kind, "subjects": subjects}, names))


def stance_sentence(a: str, b: str, stance: dict, names: dict) -> str:
    """"Russia's stance towards the Taliban over the last 12 months: friendly (+3.2, 4 events).\""""
    label = load_dimensions().stance.label(stance["value"])
    n = stance["events"]
    text = (f"{cap(names[a])}'s stance towards {names[b]} over the last {stance['window']}: "
            f"{label} ({stance['value']:+.1f}, {n} event{'s' if n != 1 else ''}).")
    return text.replace("s's stance", "s' stance")


def no_stance_sentence(a: str, b: str, window: str, names: dict) -> str:
    return f"No dated events from {names[a]} towards {names[b]} in the last {window}."


def when(item: dict) -> str:
    """The date of a timeline item as shown: the publication date is marked as such."""
    if not item.get("date"):
        return "undated"
    return f"reported {item['date']}" if item.get("date_from") == "published" else item["date"]


def span_end_changed(text: str, date: str | None, before: str) -> str:
    return f"{cap(text)} from {date} (the earlier arrangement ended; before: {before})."


def changed(text: str, before: str) -> str:
    return f"{text} (before: {before})."


NO_CHANGE = "No recorded change of state."


def cite(ev: dict) -> str:
    """Where a piece of evidence comes from, for people: "Reuters, 2025-04-25, “Title”" for an
    article (its id only where nothing else is known), the list and entry for a dataset."""
    if ev.get("dataset"):
        return f"{ev['dataset']} {ev.get('external_id') or ''}".strip()
    if not ev.get("article"):
        return ""
    parts = [p for p in (ev.get("outlet"), ev.get("published")) if p]
    if ev.get("title"):
        parts.append(f"“{one_line(ev['title'], 80)}”")
    return ", ".join(parts) if parts else f"article {ev['article']}"
