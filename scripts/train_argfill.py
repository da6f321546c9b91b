"""Train the learned argument filler (``detente.events.argfill``) on the dev gold (never test.yml).

Each dev item is coded as the cross-fitted evaluation codes it (the sentence classifier's fold model
that never saw it, ``build/classifier-folds``), with every event's candidate mentions and their
features kept (``$DETENTE_ARGFILL_DUMP``). For each predicted event matched to a gold event and each
side the gold states, every candidate is an example: right when it is the gold party by id or
country (the ``dyad_country`` equality of the scorer). A one-vs-rest logistic regression
(scikit-learn ``liblinear``, L2, fixed seed) is trained per fold on the other folds' items (written
to ``build/argfill-folds/fold<N>.npz`` for ``scripts/eval_dev_crossfit.py``) and on all items (the
shipped ``src/detente/data/classifier/argfill.npz``).

    PYTHONPATH=src python scripts/train_argfill.py [--gold tests/gold/wcep/dev.yml] [--C 0.5]
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
import fold_training  # noqa: E402

SEED = 20261205


def examples(gold: Path, folds: Path) -> list[dict]:
    """One row per (matched event, side, candidate): features, label, fold, and whether the rules left
    that side empty."""
    from detente.eval.gold import read_gold
    from detente.eval.match import actor_country_equal, unspecified
    from detente.eval.runner import score_items
    from detente.events import argfill, classifier
    from detente.models import ActorRef

    fold_of: dict[str, int] = json.loads((folds / "folds.json").read_text())
    items = read_gold([str(gold)])
    key = {id(it): it.id.split("#")[-1] for it in items}
    rows: list[dict] = []
    os.environ[argfill.DUMP_ENV] = "1"
    try:
        for f in sorted(set(fold_of.values())):
            os.environ["DETENTE_CLASSIFIER"] = str(folds / f"fold{f}.npz")
            classifier.get_classifier.cache_clear()
            for u in score_items([it for it in items if fold_of.get(key[id(it)]) == f]):
                for gi, pi in u.pairs:
                    g, ev = u.item.events[gi], u.result.events[pi]
                    cands = ev.detail.get(argfill.CANDIDATES_KEY) or {}
                    for side in argfill.SIDES:
                        gside = getattr(g, side)
                        if unspecified(gside):
                            continue
                        for k, c in enumerate(cands.get(side, [])):
                            ref = ActorRef(id=c["id"], country=c["country"], sector=c["sector"], text=c["text"])
                            rows.append({"features": c["features"], "label": int(actor_country_equal(gside, ref)),
                                         "fold": f, "group": f"{u.item.id}|{pi}|{side}", "rank": k,
                                         "empty": getattr(ev, side) is None, "gold_none": gside is None,
                                         "chosen": bool(c.get("chosen"))})
    finally:
        del os.environ[argfill.DUMP_ENV]
        os.environ.pop("DETENTE_CLASSIFIER", None)
        classifier.get_classifier.cache_clear()
    return rows


def fit(rows: list[dict], c: float):
    from detente.events.argmodel import fit_logistic

    return fit_logistic(rows, c, SEED)


def report(rows: list[dict], probs: list[float]) -> None:
    """For sides the rules left empty: how often the best candidate is right, by bar."""
    groups: dict[str, list[tuple[float, int, bool]]] = {}
    for r, p in zip(rows, probs, strict=True):
        if r["empty"]:
            groups.setdefault(r["group"], []).append((p, r["label"], r["gold_none"]))
    n = len(groups)
    print(f"{n} empty sides of matched events ({sum(any(l for _, l, _ in g) for g in groups.values())} with the gold party among the candidates)")
    for bar in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        c = Counter()
        for g in groups.values():
            p, label, _ = max(g)
            if p >= bar:
                c["filled"] += 1
                c["right"] += label
                c["lost"] += g[0][2]  # the gold names no one: an empty side was right
        print(f"  bar {bar}: filled {c['filled']}, right {c['right']}, of a side the gold leaves empty {c['lost']}")


def report_replaced(rows: list[dict], probs: list[float]) -> None:
    """For sides the rules filled with a candidate: how often a better-scored other candidate would
    be right where the rules' one is wrong (gain) or wrong where it is right (loss)."""
    groups: dict[str, list[tuple[float, int, bool]]] = {}
    for r, p in zip(rows, probs, strict=True):
        if not r["empty"]:
            groups.setdefault(r["group"], []).append((p, r["label"], r["chosen"]))
    for bar, margin in ((0.6, 0.2), (0.7, 0.3), (0.8, 0.4), (0.8, 0.6), (0.9, 0.5)):
        c = Counter()
        for g in groups.values():
            chosen = [x for x in g if x[2]]
            if not chosen:
                continue
            best = max((x for x in g if not x[2]), default=None)
            if best is None or best[0] < bar or best[0] - chosen[0][0] < margin:
                continue
            c["replaced"] += 1
            c["gain"] += best[1] and not chosen[0][1]
            c["loss"] += chosen[0][1] and not best[1]
        print(f"  replace at {bar} / margin {margin}: {c['replaced']}, gain {c['gain']}, loss {c['loss']}")


def main(argv: list[str] | None = None) -> int:
    ap = fold_training.parser(__doc__, "build/argfill-folds", "src/detente/data/classifier/argfill.npz", 0.5)
    a = ap.parse_args(argv)
    rows = fold_training.examples(a, lambda: examples(a.gold, a.folds))
    print(f"{len(rows)} candidate examples, {sum(r['label'] for r in rows)} right")
    return fold_training.train(a, rows, fit, report, report_replaced)


if __name__ == "__main__":
    sys.exit(main())
