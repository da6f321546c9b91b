"""Event case files (tests/cases/events/*.yml): each sentence → the events it must (and must not) yield.

The format is in tests/cases/README.md. One parametrised test runs every case through the whole
pipeline (actors, coreference, events, dates).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from detente.models import ActorRef, Article, Event

pytestmark = pytest.mark.slow

CASES = Path(__file__).resolve().parents[1] / "cases" / "events"
DEFAULT_DAY = dt.date(2024, 6, 1)


def _load() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("stage") == "events", f"{path}: stage must be 'events'"
        for case in data["cases"]:
            out.append(pytest.param(case, id=f"{path.stem}:{case['id']}"))
    return out


def actor_ok(want: Any, got: ActorRef | None) -> bool:
    if want is None:
        return got is None
    if got is None:
        return False
    if isinstance(want, str):
        return got.id == want or (got.id is None and got.country == want)
    for key, value in want.items():
        if key == "text":
            if value.lower() not in (got.text or "").lower():
                return False
        elif getattr(got, key) != value:
            return False
    return True


def event_ok(want: dict[str, Any], ev: Event) -> bool:
    if ev.type != want["type"]:
        return False
    if "source" in want and not actor_ok(want["source"], ev.source):
        return False
    if "target" in want and not actor_ok(want["target"], ev.target):
        return False
    return all(getattr(ev, k) == want[k] for k in ("status", "mode", "date") if k in want)


def _show(events: list[Event]) -> str:
    return "; ".join(f"{e.type} {e.source and (e.source.id or e.source.country or e.source.text)} → "
                     f"{e.target and (e.target.id or e.target.country or e.target.text)} [{e.status}, {e.rule}]"
                     for e in events) or "no events"


@pytest.mark.parametrize("case", _load())
def test_event_case(case: dict[str, Any], kb) -> None:
    from detente.pipeline import extract_article

    published = case.get("published", DEFAULT_DAY)
    result = extract_article(Article.from_text(case["text"], published=published), kb)
    for want in case.get("expect", []):
        assert any(event_ok(want, e) for e in result.events), f"{case['id']}: want {want}; got {_show(result.events)}"
    for bad in case.get("absent", []):
        assert not any(event_ok(bad, e) for e in result.events), f"{case['id']}: unwanted {bad}; got {_show(result.events)}"
