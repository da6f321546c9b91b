"""Place case files (tests/cases/places/*.yml): each sentence → the places ``find_places`` must
(and must not) find, with their country. Format: tests/cases/README.md ("places")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from detente.places import find_places

pytestmark = pytest.mark.slow

CASES = Path(__file__).resolve().parents[1] / "cases" / "places"


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("stage") == "places", path
        for case in data["cases"]:
            out.append(pytest.param(case, id=f"{path.stem}:{case['id']}"))
    return out


@pytest.mark.parametrize("case", _cases())
def test_place_case(case, nlp):
    from detente.actors import find_mentions, load_kb

    doc = nlp(case["text"])
    places = find_places(doc, find_mentions(doc, load_kb()))
    got = {p.name: p for p in places}
    shown = [(p.name, p.country, p.precision) for p in places]
    for want in case.get("places", []):
        p = got.get(want["name"])
        assert p is not None, f"{want['name']!r} not found; found {shown}"
        for key in ("country", "admin1", "precision"):
            if key in want:
                assert getattr(p, key) == want[key], f"{want['name']}: {key} {getattr(p, key)!r}; found {shown}"
        assert doc.text[p.start:p.end] == p.name
    for name in case.get("absent", []):
        assert not any(name in p.name for p in places), shown
