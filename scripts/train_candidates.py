"""Train the learned candidate-event model (``detente.events.candidates``) on the dev gold (never
test.yml).

Each dev item is coded as the cross-fitted evaluation codes it (the sentence classifier's and the
argument filler's fold models that never saw it, ``build/classifier-folds``, ``build/argfill-folds``)
with every candidate coded and its features kept (``$DETENTE_CANDIDATE_DUMP``). The rules' own events
are matched to the gold with the evaluator's matching (``detente.eval.match``); a candidate is right
when it could pair (``pair_score``) with a gold event of its type that they left unmatched. A
logistic regression (scikit-learn ``liblinear``, L2, fixed seed) is trained per fold on the other
folds' items (``build/candidate-folds/fold<N>.npz``, for ``scripts/eval_dev_crossfit.py
--candidate-folds``) and on all items (the shipped ``src/detente/data/classifier/candidates.npz``).
The cross-fitted report gives, by bar, how many candidates would be coded and how many are right.

    PYTHONPATH=src python scripts/train_candidates.py [--gold tests/gold/wcep/dev.yml] [--C 0.3]
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
import fold_training  # noqa: E402

SEED = 20261205


def label_rows(item, events, fold: int) -> list[dict]:
    """One row per candidate event of an item: its features, whether it pairs with a gold event of
    its type (``label``) or with any gold event (``any``) that the rules' events left unmatched."""
    from detente.eval.match import Unit, match_events, pair_score
    from detente.events.candidates import FEATURES_KEY

    unit = Unit(text=item.text, is_sentence=item.kind == "sentence")
    rules = [ev for ev in events if FEATURES_KEY not in ev.detail]
    taken = {g for g, _ in match_events(item.events, rules, unit)}
    free = [g for gi, g in enumerate(item.events) if gi not in taken]
    rows = []
    for ev in events:
        feats = ev.detail.get(FEATURES_KEY)
        if feats is None:
            continue
        pairs = [g for g in free if pair_score(g, ev, unit) is not None]
        rows.append({"features": feats, "gate": "gate" in feats, "label": int(any(g.type == ev.type for g in pairs)),
                     "any": int(bool(pairs)), "fold": fold, "group": f"{item.id}|{ev.start}|{ev.type}",
                     "rule": ev.rule, "trigger": ev.trigger, "sentence": ev.sentence,
                     "free": sorted({g.type for g in pairs})})
    return rows


def examples(gold: Path, folds: Path, argfill_folds: Path) -> list[dict]:
    from detente.eval.gold import read_gold
    from detente.eval.runner import article_for, run_pipeline
    from detente.events import argmodel, candidates, classifier

    fold_of: dict[str, int] = json.loads((folds / "folds.json").read_text())
    items = read_gold([str(gold)])
    rows: list[dict] = []
    os.environ[candidates.DUMP_ENV] = "1"
    try:
        for f in sorted(set(fold_of.values())):
            os.environ["DETENTE_CLASSIFIER"] = str(folds / f"fold{f}.npz")
            if (argfill_folds / f"fold{f}.npz").exists():
                os.environ["DETENTE_ARGFILL"] = str(argfill_folds / f"fold{f}.npz")
            classifier.get_classifier.cache_clear()
            argmodel.get_model.cache_clear()
            mine = [it for it in items if fold_of.get(it.id.split("#")[-1]) == f]
            for item, result in zip(mine, run_pipeline([article_for(it) for it in mine]), strict=True):
                rows += label_rows(item, result.events, f)
    finally:
        for name in (candidates.DUMP_ENV, "DETENTE_CLASSIFIER", "DETENTE_ARGFILL"):
            os.environ.pop(name, None)
        classifier.get_classifier.cache_clear()
        argmodel.get_model.cache_clear()
    return rows


def fit(rows: list[dict], c: float):
    from detente.events.argmodel import fit_logistic
    from detente.events.candidates import CandidateModel

    return fit_logistic(rows, c, SEED, CandidateModel)


def report(rows: list[dict], probs: list[float]) -> None:
    """By bar: the candidates coded (the best of each type in a sentence), how many are of a missed
    gold event's type, how many pair with any missed gold event (event precision)."""
    gate = [(p, r) for r, p in zip(rows, probs, strict=True) if r["gate"]]
    print(f"  {len(gate)} confirmations by the classifier's bars, {sum(r['any'] for _, r in gate)} true")
    for bar in (0.1, 0.2, 0.3, 0.4, 0.5):
        low = [r for p, r in gate if p < bar]
        print(f"  veto under {bar}: {len(low)} dropped, {sum(r['any'] for r in low)} of them true, "
              f"{sum(r['label'] for r in low)} of the type")
    best: dict[str, tuple[float, dict]] = {}
    for r, p in zip(rows, probs, strict=True):
        if r["gate"]:
            continue
        if r["group"] not in best or p > best[r["group"]][0]:
            best[r["group"]] = (p, r)
    for bar in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        got = [r for p, r in best.values() if p >= bar]
        right, any_ = sum(r["label"] for r in got), sum(r["any"] for r in got)
        print(f"  bar {bar}: coded {len(got)}, of the type {right}, any match {any_}"
              + (f" (P {any_ / len(got):.2f})" if got else ""))


def main(argv: list[str] | None = None) -> int:
    ap = fold_training.parser(__doc__, "build/candidate-folds", "src/detente/data/classifier/candidates.npz", 0.3)
    ap.add_argument("--argfill-folds", type=Path, default=ROOT / "build/argfill-folds")
    a = ap.parse_args(argv)
    rows = fold_training.examples(a, lambda: examples(a.gold, a.folds, a.argfill_folds))
    print(f"{len(rows)} candidates, {sum(r['label'] for r in rows)} of a missed gold event's type, "
          f"{sum(r['any'] for r in rows)} pairing with any missed gold event")
    return fold_training.train(a, rows, fit, report)


if __name__ == "__main__":
    sys.exit(main())
