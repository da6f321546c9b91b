"""Draw the real-text gold sample from ../shared/data/wcep-dev (fixed seed) and write unlabelled batches.

Usage: python scripts/sample_wcep_gold.py [--wcep PATH] [--out DIR] [--batches 4]

The sample (docs/gold-format.md, "Real-text gold"):
- 60 items from each of the four political categories (Armed conflicts and attacks, International
  relations, Politics and elections, Law and crime) — 240, stratified;
- 200 items drawn from the whole corpus;
- 40 items from categories that seldom hold a political event (disasters, health, business, sport,
  science, arts), so that enough items with no event are labelled.
Every item is assigned to dev or test by a fixed hash of its id (``split_of``), never by hand.

``--round 2`` draws 400 more items, all from the dev half of the hash (the test split stays as it was,
so its figures stay comparable): 60 from each political category, 120 from the whole corpus and 40
quiet ones, none drawn before, with a second seed. They are written as batches 5–8.

``--round 3`` draws 400 more from both halves (the hash decides, as in round 1), with a third seed, so
that the test split grows too: its first 229 items gave figures with a standard error of about three
points. Items whose detente output someone has read (the precision audit, ``seen_ids.txt``) are never
drawn. They are written as batches 9–12.

``--round 4`` draws 400 more from the dev half only, with a fourth seed (batches 13–16): more labelled
sentences for the classifier and for tuning, while the test split stays as round 3 left it.

``--round 5`` draws 400 more from the dev half only, with a fifth seed (batches 17–20). They are
labelled blind at the start of a stop and scored with the code as the stop began and as it ended,
before anyone tunes on them: a second unseen check beside the test split, which may be run only
twice a stop. Afterwards they join dev.

``--round 6`` does the same with a sixth seed (batches 21–24), for the stop after round 5 joined dev.
``--round 7`` does the same with a seventh seed (batches 25–28), for the stop after round 6 joined dev.
``--round 8`` does the same with an eighth seed (batches 29–32), for the stop after round 7 joined dev.
``--round 9`` does the same with a ninth seed (batches 33–36), for the stop after round 8 joined dev.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path

SEED = 20261204
POLITICAL = ["Armed conflicts and attacks", "International relations", "Politics and elections", "Law and crime"]
QUIET = ["Disasters and accidents", "Health and environment", "Business and economy", "Sports",
         "Science and technology", "Arts and culture"]


def split_of(item_id: str) -> str:
    """dev or test, by a fixed hash of the item id (half each)."""
    return "test" if hashlib.sha256(f"detente-gold:{item_id}".encode()).digest()[0] % 2 else "dev"


ROUNDS = {1: {"seed": SEED, "random": 200, "only": None},
          2: {"seed": SEED + 1, "random": 120, "only": "dev"},
          3: {"seed": SEED + 2, "random": 120, "only": None},
          4: {"seed": SEED + 3, "random": 120, "only": "dev"},
          5: {"seed": SEED + 4, "random": 120, "only": "dev"},
          6: {"seed": SEED + 5, "random": 120, "only": "dev"},
          7: {"seed": SEED + 6, "random": 120, "only": "dev"},
          8: {"seed": SEED + 7, "random": 120, "only": "dev"},
          9: {"seed": SEED + 8, "random": 120, "only": "dev"},
          10: {"seed": SEED + 9, "random": 120, "only": "dev"},
          11: {"seed": SEED + 10, "random": 120, "only": "dev"},
          12: {"seed": SEED + 11, "random": 120, "only": "dev"},
          13: {"seed": SEED + 12, "random": 120, "only": "dev"},
          14: {"seed": SEED + 13, "random": 120, "only": "dev"}}
SEEN = Path(__file__).resolve().parent.parent / "tests" / "gold" / "wcep" / "seen_ids.txt"


def seen_ids() -> set[str]:
    """Items whose detente output was read by someone (never labelled blind afterwards)."""
    if not SEEN.exists():
        return set()
    return {ln.strip() for ln in SEEN.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")}


def draw(items: list[dict], rnd: int = 1) -> list[dict]:
    """The items of one labelling round; a later round never repeats an earlier round's items."""
    spec = ROUNDS[rnd]
    before = {it["id"] for r in range(1, rnd) for it in draw(items, r)}
    if spec["only"]:
        items = [it for it in items if split_of(it["id"]) == spec["only"]]
    if rnd >= 3:
        before |= seen_ids()
    items = [it for it in items if it["id"] not in before]
    rng = random.Random(spec["seed"])
    chosen: dict[str, dict] = {}

    def take(pool: list[dict], n: int, stratum: str) -> None:
        pool = [it for it in pool if it["id"] not in chosen]
        for it in rng.sample(pool, n):
            chosen[it["id"]] = {**it, "stratum": stratum}

    for cat in POLITICAL:
        take([it for it in items if it["category"] == cat], 60, f"category:{cat}")
    take(items, spec["random"], "random")
    take([it for it in items if it["category"] in QUIET], 40, "quiet")
    return list(chosen.values())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--wcep", default="../shared/data/wcep-dev/wcep-2015-2020.jsonl")
    ap.add_argument("--out", default="tests/gold/wcep/unlabelled")
    ap.add_argument("--batches", type=int, default=4)
    ap.add_argument("--round", type=int, default=1, choices=sorted(ROUNDS))
    args = ap.parse_args()
    items = [json.loads(line) for line in Path(args.wcep).read_text(encoding="utf-8").splitlines() if line.strip()]
    sample = draw(items, args.round)
    first = 1 + (args.round - 1) * args.batches
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for b in range(args.batches):
        batch = sample[b :: args.batches]
        with (out / f"batch{first + b}.jsonl").open("w", encoding="utf-8") as fh:
            for it in batch:
                row = {k: it[k] for k in ("id", "published", "text", "category", "stratum")}
                row["split"] = split_of(it["id"])
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n_test = sum(split_of(it["id"]) == "test" for it in sample)
    print(f"{len(sample)} items ({n_test} test, {len(sample) - n_test} dev) in {args.batches} batches under {out}")


if __name__ == "__main__":
    main()
