"""Relation changes implied by coded events (``Event.detail['relation']``)."""

from __future__ import annotations

from detente.models import Event, RelationChange


def changes_from_events(events: list[Event]) -> list[RelationChange]:
    out: list[RelationChange] = []
    for ev in events:
        rel = ev.detail.get("relation")
        if not rel or not ev.source or not ev.target or not ev.source.id or not ev.target.id:
            continue
        out.append(RelationChange(
            source=ev.source.id, target=ev.target.id, dimension=rel["dimension"], value=rel["value"],
            date=ev.date, date_precision=ev.date_precision, date_end=ev.date_end,
            detail=rel.get("detail", {}), sentence=ev.sentence, start=ev.start, end=ev.end,
            confidence=ev.confidence, rule=ev.rule,
        ))
    return out
