"""Score the whole pipeline on the DEV split with cross-fitted classifier models (never test.yml).

The shipped sentence classifier is trained with the dev items, so ``detente eval dev.yml`` is
optimistic wherever the classifier decides (proposals, confirmations, vetoes). Here each dev item
is coded with the fold model that never saw it (``make classifier`` writes them under
build/classifier-folds/ with folds.json), and the units of all folds are scored together — the
honest dev figure on which the engine's classifier settings (data/patterns/engine.yml) are chosen.

    PYTHONPATH=src python scripts/eval_dev_crossfit.py [--gold tests/gold/wcep/dev.yml]
        [--folds build/classifier-folds] [--report build/eval-dev-crossfit.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def origin(ev) -> str:
    """Where a predicted event comes from: the rules alone, a matched pattern the classifier
    confirmed with relaxed arguments, or a classifier proposal from the main clause."""
    if ev.rule.startswith("classifier."):
        return "proposal"
    if ev.rule.startswith("candidate."):
        return "candidate"
    return "confirmed" if ev.detail.get("arguments") == "relaxed" else "rules"


def by_origin(units) -> dict[str, dict]:
    """Predicted events by origin: how many, how many matched a gold event, of those how many have
    the right type and the right dyad (id or country, where the gold states both parties)."""
    from detente.eval.score import field_correct

    out: dict[str, dict] = {}
    for u in units:
        gold, pred = u.item.events, u.result.events
        pair = {p: g for g, p in u.pairs}
        for i, ev in enumerate(pred):
            c = out.setdefault(origin(ev), dict.fromkeys(("predicted", "matched", "type", "dyad_country", "dyad_stated"), 0))
            c["predicted"] += 1
            if i not in pair:
                continue
            g = gold[pair[i]]
            c["matched"] += 1
            c["type"] += g.type == ev.type
            dyad = field_correct("dyad_country", g, ev)
            c["dyad_stated"] += dyad is not None
            c["dyad_country"] += bool(dyad)
    for c in out.values():
        c["precision"] = round(c["matched"] / c["predicted"], 3) if c["predicted"] else None
    return dict(sorted(out.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests/gold/wcep/dev.yml")
    ap.add_argument("--folds", type=Path, default=ROOT / "build/classifier-folds")
    ap.add_argument("--report", type=Path, default=ROOT / "build/eval-dev-crossfit.json")
    ap.add_argument("--argfill-folds", type=Path, default=ROOT / "build/argfill-folds",
                    help="the argument filler's fold models (scripts/train_argfill.py), used when present")
    ap.add_argument("--candidate-folds", type=Path, default=ROOT / "build/candidate-folds",
                    help="the candidate-event model's fold models (scripts/train_candidates.py), used when present")
    a = ap.parse_args(argv)
    if "test.yml" in a.gold.name:
        raise SystemExit(f"{a.gold}: the test split is never used to choose settings")
    try:
        fold_of: dict[str, int] = json.loads((a.folds / "folds.json").read_text())
    except FileNotFoundError:
        raise SystemExit(f"{a.folds}/folds.json: no fold models; run make classifier first") from None

    from detente.eval.gold import read_gold
    from detente.eval.report import print_report
    from detente.eval.runner import build_report, score_items
    from detente.events import argmodel, candidates, classifier

    items = read_gold([str(a.gold)])
    item_id = {id(it): it.id.split("#")[-1] for it in items}
    missing = [item_id[id(it)] for it in items if item_id[id(it)] not in fold_of]
    if missing:
        raise SystemExit(f"{a.gold}: {len(missing)} items have no fold (first: {missing[0]}); retrain the folds")
    units = []
    for f in sorted(set(fold_of.values())):
        os.environ["DETENTE_CLASSIFIER"] = str(a.folds / f"fold{f}.npz")
        if (a.argfill_folds / f"fold{f}.npz").exists():
            os.environ["DETENTE_ARGFILL"] = str(a.argfill_folds / f"fold{f}.npz")
        if (a.candidate_folds / f"fold{f}.npz").exists():
            os.environ[candidates.MODEL_ENV] = str(a.candidate_folds / f"fold{f}.npz")
        classifier.get_classifier.cache_clear()
        argmodel.get_model.cache_clear()
        candidates.get_model.cache_clear()
        units += score_items([it for it in items if fold_of[item_id[id(it)]] == f])
    del os.environ["DETENTE_CLASSIFIER"]
    os.environ.pop("DETENTE_ARGFILL", None)
    os.environ.pop(candidates.MODEL_ENV, None)
    classifier.get_classifier.cache_clear()
    argmodel.get_model.cache_clear()
    candidates.get_model.cache_clear()
    report = build_report(units, [str(a.gold)])
    report["crossfit"] = {"folds": str(a.folds), "n_folds": len(set(fold_of.values())),
                          "by_origin": by_origin(units)}
    a.report.parent.mkdir(parents=True, exist_ok=True)
    a.report.write_text(json.dumps(report, indent=1, default=str))
    print_report(report)
    for origin, c in report["crossfit"]["by_origin"].items():
        print(f"{origin:>10}: {c['predicted']} predicted, {c['matched']} true (P {c['precision']}), "
              f"type right {c['type']}, dyad (id or country) right {c['dyad_country']} of {c['dyad_stated']}")
    print(f"report written to {a.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
