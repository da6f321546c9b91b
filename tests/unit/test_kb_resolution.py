"""Resolution against the compiled actor index: the cases of tests/data/kb/resolution_cases.yml,
one parametrised test per kind (a mention in a sentence; a bare name with the article's countries)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "kb" / "resolution_cases.yml")
                       .read_text(encoding="utf-8"))
FIELDS = ("id", "country", "sector")


def _day(v) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def _check(got, case) -> None:
    assert got is not None, f"nothing found for {case}"
    for f in FIELDS:
        if f in case:
            assert getattr(got, f) == case[f], f"{f}: {getattr(got, f)!r} != {case[f]!r} ({got.why})"
    if "why" in case:
        assert case["why"] in got.why


@pytest.fixture(scope="module", autouse=True)
def _needs_index(kb):
    if kb.big is None:
        pytest.skip("no compiled index (detente kb build)")


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: f"{c['mention']}@{c['date']}")
def test_mention_in_a_sentence(found, case):
    ms = found(case["text"], _day(case["date"]))
    if case.get("absent"):
        assert not [m for m in ms if case["mention"] in m.text and m.id and m.sector], ms
        return
    got = next((m for m in ms if m.text == case["mention"]), None)
    assert got is not None, f"{case['mention']!r} not among {[m.text for m in ms]}"
    _check(got, case)


@pytest.mark.parametrize("case", CASES["names"], ids=lambda c: f"{c['name']}@{c['date']}:{','.join(c.get('countries', []))}")
def test_name_with_context(kb, case):
    got = kb.resolve(case["name"], _day(case["date"]), tuple(case.get("countries", ())))
    if got is None and all(case.get(f) is None for f in FIELDS if f in case):
        return
    _check(got, case)
