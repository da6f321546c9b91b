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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests/gold/wcep/dev.yml")
    ap.add_argument("--folds", type=Path, default=ROOT / "build/classifier-folds")
    ap.add_argument("--report", type=Path, default=ROOT / "build/eval-dev-crossfit.json")
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
    from detente.events import classifier

    items = read_gold([str(a.gold)])
    item_id = {id(it): it.id.split("#")[-1] for it in items}
    missing = [item_id[id(it)] for it in items if item_id[id(it)] not in fold_of]
    if missing:
        raise SystemExit(f"{a.gold}: {len(missing)} items have no fold (first: {missing[0]}); retrain the folds")
    units = []
    for f in sorted(set(fold_of.values())):
        os.environ["DETENTE_CLASSIFIER"] = str(a.folds / f"fold{f}.npz")
        classifier.get_classifier.cache_clear()
        units += score_items([it for it in items if fold_of[item_id[id(it)]] == f])
    del os.environ["DETENTE_CLASSIFIER"]
    classifier.get_classifier.cache_clear()
    report = build_report(units, [str(a.gold)])
    report["crossfit"] = {"folds": str(a.folds), "n_folds": len(set(fold_of.values()))}
    a.report.parent.mkdir(parents=True, exist_ok=True)
    a.report.write_text(json.dumps(report, indent=1, default=str))
    print_report(report)
    print(f"report written to {a.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
