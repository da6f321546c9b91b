"""What the learned models trained over the classifier's folds share (scripts/train_argfill.py,
scripts/train_candidates.py): their command line, the examples' cache, the cross-fitted fold models
and the shipped one."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def parser(doc: str, out: str, model: str, c: float) -> argparse.ArgumentParser:
    """``--gold``, ``--folds`` (the classifier's), ``--out`` (the fold models), ``--model`` (the
    shipped weights), ``--C`` and ``--cached``."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests/gold/wcep/dev.yml")
    ap.add_argument("--folds", type=Path, default=ROOT / "build/classifier-folds")
    ap.add_argument("--out", type=Path, default=ROOT / out)
    ap.add_argument("--model", type=Path, default=ROOT / model)
    ap.add_argument("--C", type=float, default=c)
    ap.add_argument("--cached", action="store_true", help="reuse the examples of the last run (same code and gold)")
    return ap


def examples(a: argparse.Namespace, build: Callable[[], list[dict]]) -> list[dict]:
    """The training rows: ``build()``'s, or with ``--cached`` those the last run kept in ``--out``.
    The test split is never read."""
    if "test.yml" in a.gold.name:
        raise SystemExit(f"{a.gold}: the test split is never used to train")
    cache = a.out / "examples.json"
    a.out.mkdir(parents=True, exist_ok=True)
    if a.cached and cache.exists():
        return json.loads(cache.read_text())
    rows = build()
    cache.write_text(json.dumps(rows))
    return rows


def train(a: argparse.Namespace, rows: list[dict], fit, *reports: Callable[[list[dict], list[float]], None]) -> int:
    """Fold models (``--out``) and the cross-fitted figures of ``reports``, then the shipped model
    fitted on every row (``--model``)."""
    from detente.events.argmodel import cross_fit

    probs = cross_fit(rows, fit, a.C, a.out)
    print("cross-fitted:")
    for report in reports:
        report(rows, probs)
    fit(rows, a.C).save(a.model)
    print(f"model written to {a.model}, fold models to {a.out}")
    return 0
