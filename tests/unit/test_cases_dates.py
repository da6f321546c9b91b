"""Date case files (tests/cases/dates/*.yml): each text → the date a trigger word gets (``date_for``), or
the time expressions the text holds (``find_time_expressions``).

The format is in tests/cases/README.md. The text is cleaned (``clean_text``) before parsing unless the
case says ``clean: false``; a date expression found for a trigger must quote the parsed text exactly.
"""

from __future__ import annotations

from typing import Any

import pytest

from cases_helpers import load, value_ok
from detente.clean import clean_text
from detente.dates import TimeExpr, date_for, find_time_expressions

pytestmark = pytest.mark.slow

KEYS = {"clean", "expect", "expressions"}


def project(e: TimeExpr | None, name: str) -> Any:
    """A field of a date expression; None when there is no expression (``found``: whether there is one)."""
    if name == "found":
        return e is not None
    if e is None:
        return None
    if name in ("value", "precision"):
        return getattr(e.date, name) if e.date is not None else None
    if name == "end":
        return e.date_end.value if e.date_end is not None else None
    if name in ("date", "kind", "ongoing", "future"):
        return getattr(e, name)
    raise ValueError(f"unknown date field {name!r}")


def expr_ok(spec: dict[str, Any], e: TimeExpr | None) -> bool:
    return all(value_ok(v, project(e, k)) for k, v in spec.items() if k not in ("trigger", "nth"))


def _show(e: TimeExpr | None) -> str:
    if e is None:
        return "no date expression"
    return f"{e.text!r} {e.kind} {e.date and e.date.value}/{e.date and e.date.precision} ongoing={e.ongoing} future={e.future}"


@pytest.mark.parametrize("case", load("dates", KEYS, required=("text", "published")))
def test_date_case(case: dict[str, Any], nlp) -> None:
    text, published = case["text"], case["published"]
    if case.get("clean", True):
        text = clean_text(text).text
    cid = case["id"]
    if case.get("expect"):
        doc = nlp(text)
        for spec in case["expect"]:
            trig = [t for t in doc if t.text == spec["trigger"]][spec.get("nth", 0)]
            e = date_for(trig.sent, trig.i, published)
            if e is not None:
                assert doc.text[e.start:e.end] == e.text, f"{cid}: expression offsets do not quote the text"
            assert expr_ok(spec, e), f"{cid}: {spec['trigger']!r} want {spec}; got {_show(e)}"
    if "expressions" in case:
        found = find_time_expressions(text, published)
        want = case["expressions"]
        assert len(found) == len(want) and all(expr_ok(w, e) for w, e in zip(want, found)), (
            f"{cid}: want expressions {want}; got {[_show(e) for e in found]}")
