"""Actor case files (tests/cases/actors/*.yml): each sentence → the actor mentions it must (and must not)
yield.

The format is in tests/cases/README.md. One parametrised test runs every case through the actors stage
(``find_mentions`` on the parsed text, with coreference) or, with ``via: pipeline``, takes the mentions of
the whole pipeline.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from cases_helpers import load, path_get, value_ok
from detente.models import Article, Mention

pytestmark = pytest.mark.slow

DEFAULT_DAY = dt.date(2024, 6, 1)
KEYS = {"via", "expect", "absent", "collect"}


def field(m: Mention, name: str, mentions: list[Mention]) -> Any:
    """A mention field; ``antecedent.<field>`` reads the mention a coreference points back to."""
    if name.startswith("antecedent."):
        ante = mentions[m.antecedent] if m.antecedent is not None else None
        return path_get(ante, name.split(".", 1)[1])
    return getattr(m, name)


def mention_ok(spec: dict[str, Any], m: Mention, mentions: list[Mention]) -> bool:
    return all(value_ok(v, field(m, k, mentions)) for k, v in spec.items() if k != "nth")


def found_mentions(case: dict[str, Any], nlp, kb) -> list[Mention]:
    text, published = case["text"], case.get("published", DEFAULT_DAY)
    via = case.get("via", "find")
    if via == "find":
        from detente.actors import find_mentions

        return find_mentions(nlp(text), kb, published)
    if via == "pipeline":
        from detente.pipeline import extract_article

        return extract_article(Article.from_text(text, published=published), kb).mentions
    raise ValueError(f"unknown via {via!r}")


def _show(mentions: list[Mention]) -> str:
    return "; ".join(f"{m.text!r} {m.id}/{m.country}/{m.sector} [{m.kind}: {m.why}]" for m in mentions) or "no mentions"


def _collected(item: dict[str, Any], mentions: list[Mention]) -> tuple[Any, Any]:
    """(got, want) of a ``collect`` item: the fields ``get`` of the mentions matching ``where``."""
    picked = [m for m in mentions if mention_ok(item.get("where", {}), m, mentions)]
    names = item["get"] if isinstance(item["get"], list) else [item["get"]]
    rows = [tuple(field(m, n, mentions) for n in names) for m in picked]
    if len(names) == 1:
        rows = [r[0] for r in rows]
    want = item["equals"]
    shape = item.get("as", "list")
    if shape == "dict":
        return dict(rows), want
    want = [tuple(w) if len(names) > 1 else w for w in want]
    if shape == "set":
        return set(rows), set(want)
    if shape == "list":
        return rows[:item["take"]] if "take" in item else rows, want
    raise ValueError(f"unknown collect shape {shape!r}")


@pytest.mark.parametrize("case", load("actors", KEYS))
def test_actor_case(case: dict[str, Any], nlp, kb) -> None:
    ms = found_mentions(case, nlp, kb)
    cid, shown = case["id"], _show(ms)
    for spec in case.get("expect", []):
        if "text" in spec:
            picked = [m for m in ms if value_ok(spec["text"], m.text)]
            nth = spec.get("nth", 0)
            if nth == "all":
                assert picked and all(mention_ok(spec, m, ms) for m in picked), f"{cid}: want {spec}; got {shown}"
            else:
                assert -len(picked) <= nth < len(picked), f"{cid}: no mention {spec['text']!r} #{nth}; got {shown}"
                assert mention_ok(spec, picked[nth], ms), f"{cid}: want {spec}; got {shown}"
        else:
            assert any(mention_ok(spec, m, ms) for m in ms), f"{cid}: want {spec}; got {shown}"
    for bad in case.get("absent", []):
        assert not any(mention_ok(bad, m, ms) for m in ms), f"{cid}: unwanted {bad}; got {shown}"
    for item in case.get("collect", []):
        got, want = _collected(item, ms)
        assert got == want, f"{cid}: {item}: got {got}; mentions {shown}"
