"""Case files (tests/cases/<stage>/*.yml): the loader and the value matchers the stage runners share.

The format is in tests/cases/README.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

CASES = Path(__file__).resolve().parents[1] / "cases"
COMMON = {"id", "class", "origin", "text", "published", "xfail"}


def load(stage: str, keys: set[str], required: tuple[str, ...] = ("text",)) -> list[Any]:
    """Every case of ``tests/cases/<stage>/*.yml`` as a ``pytest.param`` (a case with ``xfail`` is a
    strict expected failure). A file's ``defaults`` fill keys its cases leave out; unknown keys, missing
    ones and ids used twice in the stage are errors."""
    out, seen = [], set()
    for path in sorted((CASES / stage).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("stage") != stage:
            raise ValueError(f"{path}: stage must be {stage!r}")
        if set(data) - {"stage", "defaults", "cases"}:
            raise ValueError(f"{path}: unknown top-level keys {sorted(set(data) - {'stage', 'defaults', 'cases'})}")
        for raw in data["cases"]:
            case = {**data.get("defaults", {}), **raw}
            missing = {"id", "class", "origin", *required} - set(case)
            unknown = set(case) - COMMON - keys
            if missing or unknown:
                raise ValueError(f"{path}: case {case.get('id')}: missing {sorted(missing)}, unknown {sorted(unknown)}")
            if case["id"] in seen:
                raise ValueError(f"{path}: case id {case['id']} used twice in stage {stage}")
            seen.add(case["id"])
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            out.append(pytest.param(case, id=f"{path.stem}:{case['id']}", marks=marks))
    return out


def _in_ci(want: list[str], got: Any) -> bool:
    return isinstance(got, str) and got.lower() in {w.lower() for w in want}


OPS: dict[str, Callable[[Any, Any], bool]] = {
    "not": lambda want, got: not value_ok(want, got),
    "starts": lambda want, got: isinstance(got, str) and got.startswith(want),
    "contains": lambda want, got: isinstance(got, str) and want in got,
    "in": lambda want, got: got in want,
    "in_ci": _in_ci,
}


def value_ok(want: Any, got: Any) -> bool:
    """``want`` is a plain value (equal) or a one-key operator mapping: ``{not: v}``, ``{starts: s}``,
    ``{contains: s}``, ``{in: [..]}``, ``{in_ci: [..]}`` (case-insensitive ``in``)."""
    if isinstance(want, dict) and len(want) == 1 and next(iter(want)) in OPS:
        (op, arg), = want.items()
        return OPS[op](arg, got)
    return want == got


def path_get(obj: Any, path: str) -> Any:
    """``a.b.c`` through attributes and mapping keys; None as soon as a step is missing."""
    for step in path.split("."):
        if obj is None:
            return None
        obj = obj.get(step) if isinstance(obj, dict) else getattr(obj, step)
    return obj

