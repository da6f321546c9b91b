"""Event case files (tests/cases/events/*.yml): each sentence → the events it must (and must not) yield.

The format is in tests/cases/README.md. One parametrised test runs every case: through the whole
pipeline (actors, coreference, events, dates) by default, or through the events stage alone with the
actor mentions of the KB (``via: kb``), the hand-made mentions of ``events_helpers`` (``via: hand``) or
the mentions the case lists (``mentions``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from cases_helpers import load, path_get, value_ok
from detente.models import ActorRef, Article, Event, Mention, RelationChange

pytestmark = pytest.mark.slow

DEFAULT_DAY = dt.date(2024, 6, 1)
KEYS = {"via", "mentions", "match", "expect", "absent", "exactly", "only", "first", "all", "changes", "changes_exactly"}
EVENT_FIELDS = {"type", "status", "mode", "date", "date_precision", "cameo", "goldstein", "rule"}


def actor_ok(want: Any, got: ActorRef | None, match: str | None = None) -> bool:
    """``want``: null, an id string, or a mapping of fields (``text`` a substring) or ``{not: want}``.

    A string or null compares with ``got`` projected by ``match``: unset, null is "no actor" and a string
    is the id or (id-less actor) the country; ``id``: ``got.id`` (None without an actor);
    ``id-or-country``: ``got.id or got.country`` (None without an actor)."""
    if isinstance(want, dict):
        if set(want) == {"not"}:
            return not actor_ok(want["not"], got, match)
        if got is None:
            return False
        for key, value in want.items():
            if key == "text" and isinstance(value, str):
                if value.lower() not in (got.text or "").lower():
                    return False
            elif not value_ok(value, getattr(got, key)):
                return False
        return True
    if match == "id":
        return want == (got.id if got else None)
    if match == "id-or-country":
        return want == ((got.id or got.country) if got else None)
    if match is not None:
        raise ValueError(f"unknown match {match!r}")
    if want is None:
        return got is None
    if got is None:
        return False
    return got.id == want or (got.id is None and got.country == want)


def event_ok(want: dict[str, Any], ev: Event, match: str | None = None) -> bool:
    for key, value in want.items():
        if key in ("source", "target"):
            ok = actor_ok(value, getattr(ev, key), match)
        elif key == "party":
            ok = actor_ok(value, ev.source, match) or actor_ok(value, ev.target, match)
        elif key == "detail":
            ok = all(value_ok(v, path_get(ev.detail, k)) for k, v in value.items())
        elif key in EVENT_FIELDS:
            ok = value_ok(value, getattr(ev, key))
        else:
            raise ValueError(f"unknown event field {key!r}")
        if not ok:
            return False
    return True


def _who(a: ActorRef | None) -> str | None:
    return a and (a.id or a.country or a.text)


def _show(events: list[Event]) -> str:
    return "; ".join(f"{e.type} {_who(e.source)} → {_who(e.target)} [{e.status}, {e.rule}]"
                     for e in events) or "no events"


def _listed(text: str, listed: list[dict[str, Any]]) -> list[Mention]:
    out = []
    for m in listed:
        at = text.find(m["text"])
        assert at >= 0, f"listed mention {m['text']!r} is not in the text"
        out.append(Mention(start=at, end=at + len(m["text"]), kind=m.get("kind", "name"),
                           **{k: m.get(k) for k in ("text", "id", "country", "sector")}))
    return sorted(out, key=lambda m: m.start)


def coded_events(case: dict[str, Any], nlp, kb) -> list[Event]:
    from events_helpers import coded, extracted

    text, published = case["text"], case.get("published", DEFAULT_DAY)
    if "mentions" in case:
        from detente.events import extract_events

        doc = nlp(text)
        mentions = _listed(text, case["mentions"])
        return [e for s in doc.sents for e in extract_events(s, mentions, None, published)]
    via = case.get("via", "pipeline")
    if via == "pipeline":
        from detente.pipeline import extract_article

        return extract_article(Article.from_text(text, published=published), kb).events
    if via == "kb":
        return extracted(nlp, kb, text, published)
    if via == "hand":
        return coded(nlp, text, published, full=True)
    raise ValueError(f"unknown via {via!r}")


def coded_changes(case: dict[str, Any], kb) -> list[RelationChange]:
    """The relation changes the whole pipeline derives from the case's text."""
    from detente.pipeline import extract_article

    return extract_article(Article.from_text(case["text"], published=case.get("published", DEFAULT_DAY)), kb).relation_changes


def change_ok(want: dict[str, Any], ch: RelationChange) -> bool:
    """``want``: a mapping of change fields (dimension, value, source, target, status …), each a value
    matcher; ``detail`` a mapping from a key path into ``change.detail``."""
    for key, value in want.items():
        if key == "detail":
            ok = all(value_ok(v, path_get(ch.detail, k)) for k, v in value.items())
        else:
            ok = value_ok(value, getattr(ch, key))
        if not ok:
            return False
    return True


def _same(wants: list[dict[str, Any]], got: list[Event], match: str | None) -> bool:
    return len(wants) == len(got) and all(event_ok(w, e, match) for w, e in zip(wants, got))


def _split(spec: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    spec = dict(spec)
    return spec.pop("where", {}), spec


@pytest.mark.parametrize("case", load("events", KEYS))
def test_event_case(case: dict[str, Any], nlp, kb) -> None:
    events = coded_events(case, nlp, kb)
    match, cid, shown = case.get("match"), case["id"], _show(events)
    for want in case.get("expect", []):
        assert any(event_ok(want, e, match) for e in events), f"{cid}: want {want}; got {shown}"
    for bad in case.get("absent", []):
        assert not any(event_ok(bad, e, match) for e in events), f"{cid}: unwanted {bad}; got {shown}"
    if "exactly" in case:
        assert _same(case["exactly"], events, match), f"{cid}: want exactly {case['exactly']}; got {shown}"
    for only in case.get("only", []):
        picked = [e for e in events if event_ok(only["where"], e, match)]
        assert _same(only["events"], picked, match), f"{cid}: want {only}; got {shown}"
    for spec in case.get("first", []):
        where, want = _split(spec)
        picked = [e for e in events if event_ok(where, e, match)]
        assert picked and event_ok(want, picked[0], match), f"{cid}: want first {spec}; got {shown}"
    for spec in case.get("all", []):
        where, want = _split(spec)
        picked = [e for e in events if event_ok(where, e, match)]
        assert picked and all(event_ok(want, e, match) for e in picked), f"{cid}: want all {spec}; got {shown}"
    if "changes" in case or "changes_exactly" in case:
        changes = coded_changes(case, kb)
        told = "; ".join(f"{c.dimension} {c.value} {c.source} → {c.target}" for c in changes) or "no changes"
        for want in case.get("changes", []):
            assert any(change_ok(want, c) for c in changes), f"{cid}: want change {want}; got {told}"
        if "changes_exactly" in case:
            wants = case["changes_exactly"]
            assert len(wants) == len(changes) and all(change_ok(w, c) for w, c in zip(wants, changes)), \
                f"{cid}: want exactly the changes {wants}; got {told}"
