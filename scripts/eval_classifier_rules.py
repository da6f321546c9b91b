"""How the classifier would combine with the rules, on the DEV split only (never test.yml).

Reads the out-of-fold probabilities written by ``scripts/train_classifier.py`` (build/classifier-cv.json:
each dev item predicted by a model that never saw it), runs detente's rules on the same items, and
scores, item by item, the event types of: the rules alone; the rules plus the classifier's top type
where the rules found nothing (propose); the rules minus the events the classifier vetoes; both.

    PYTHONPATH=src python scripts/eval_classifier_rules.py [--cv build/classifier-cv.json]

Item level and type level only: whether the engine finds arguments for a proposed type is not
measured here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

NONE = "NONE"


def _pr(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"


def score(gold: list[set[str]], pred: list[set[str]]) -> str:
    dtp = sum(1 for g, p in zip(gold, pred) if g and p)
    dfp = sum(1 for g, p in zip(gold, pred) if not g and p)
    dfn = sum(1 for g, p in zip(gold, pred) if g and not p)
    ttp = sum(len(g & p) for g, p in zip(gold, pred))
    tfp = sum(len(p - g) for g, p in zip(gold, pred))
    tfn = sum(len(g - p) for g, p in zip(gold, pred))
    return f"detection {_pr(dtp, dfp, dfn)} | types {_pr(ttp, tfp, tfn)}"


def main() -> int:
    from detente.models import Article
    from detente.pipeline import extract_articles

    ap = argparse.ArgumentParser()
    ap.add_argument("--cv", type=Path, default=ROOT / "build" / "classifier-cv.json")
    a = ap.parse_args()
    oof = {r["id"]: r for r in json.loads(a.cv.read_text())["out_of_fold"]}
    items = yaml.safe_load((ROOT / "tests/gold/wcep/dev.yml").read_text())["sentences"]["items"]
    items = [it for it in items if it["id"] in oof]
    arts = [Article(id=it["id"], text=it["text"], published=it["published"]) for it in items]
    rules = [{e.type for e in r.events} for r in extract_articles(arts)]
    gold = [set(oof[it["id"]]["gold"]) for it in items]
    probs = [oof[it["id"]]["probs"] for it in items]

    print(f"{len(items)} dev items, {sum(bool(g) for g in gold)} with events")
    print(f"rules alone                         {score(gold, rules)}")
    for thr in (0.5, 0.7, 0.8, 0.9):
        alone = [{max((t for t in p if t != NONE), key=lambda t: p[t])} if 1 - p[NONE] >= thr else set()
                 for p in probs]
        print(f"classifier alone 1-P(NONE)≥{thr}, top type {score(gold, alone)}")
    for thr in (0.5, 0.6, 0.7, 0.8, 0.9):
        for tt in (0.0, 0.2, 0.3):
            pred = []
            for r, p in zip(rules, probs):
                if r:
                    pred.append(r)
                    continue
                top = max((t for t in p if t != NONE), key=lambda t: p[t])
                pred.append({top} if 1 - p[NONE] >= thr and p[top] >= tt else set())
            print(f"+ propose 1-P(NONE)≥{thr} P(top)≥{tt:<4}  {score(gold, pred)}")
    for hi in (0.8, 0.9, 0.95):
        for lo in (0.05, 0.1, 0.2):
            pred = [{t for t in r if not (p[NONE] >= hi and p.get(t, 0) < lo)} for r, p in zip(rules, probs)]
            print(f"- veto P(NONE)≥{hi} P(type)<{lo:<4}       {score(gold, pred)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
