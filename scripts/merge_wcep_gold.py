"""Merge the blind-labelled batches (tests/gold/wcep/labelled/batch*.yml) into the dev and test gold
files (tests/gold/wcep/dev.yml, test.yml), by each item's fixed-hash split.

Usage: python scripts/merge_wcep_gold.py [--dir tests/gold/wcep]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_wcep_gold import split_of  # noqa: E402

HEADER = """# Real-text gold: Wikipedia Current Events Portal items 2015–2020 (../shared/data/wcep-dev), drawn by
# scripts/sample_wcep_gold.py (fixed seed), labelled blind (the labellers never saw detente's output),
# merged by scripts/merge_wcep_gold.py. Item texts: CC BY-SA 4.0, "Wikipedia Current Events Portal
# contributors". Format and labelling guide: docs/gold-format.md ("Real-text gold").
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="tests/gold/wcep")
    args = ap.parse_args()
    root = Path(args.dir)
    # ids as drawn (a YAML reader may have turned an all-digit hex id into a number): by text
    import json

    # by batch: a bare headline ("War in Afghanistan") recurs in the corpus, so two rounds may each
    # hold one with a different id
    items: dict[str, list] = {"dev": [], "test": []}
    seen: set[str] = set()
    for path in sorted((root / "labelled").glob("batch*.yml")):
        drawn = {}
        for line in (root / "unlabelled" / f"{path.stem}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            drawn[row["text"]] = row
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for it in data["sentences"]["items"]:
            src = drawn.get(it["text"])
            if src is None:
                raise SystemExit(f"{path}: item {it['id']}: text differs from the drawn item")
            it["id"] = src["id"]
            it["category"] = src["category"]
            if it["id"] in seen:
                continue
            seen.add(it["id"])
            split = split_of(str(it["id"]))
            it["split"] = split
            it.setdefault("events", [])
            for ev in it["events"]:
                # one convention the guide got wrong: signing a formal agreement (CAMEO 057) is
                # SUPPORT in the CAMEO→PLOVER crosswalk, which decides (docs/gold-format.md)
                if str(ev.get("cameo") or "").startswith("057"):
                    ev["type"] = "SUPPORT"
            it.setdefault("mentions", [])
            it.setdefault("locations", [])
            items[split].append(it)
    for split, rows in items.items():
        rows.sort(key=lambda it: (str(it["published"]), str(it["id"])))
        doc = {"sentences": {"source": "wcep-dev, labelled blind (Wikipedia Current Events Portal contributors, "
                                       "CC BY-SA 4.0)", "items": rows}}
        out = root / f"{split}.yml"
        out.write_text(HEADER + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=140), encoding="utf-8")
        n_ev = sum(len(it["events"]) for it in rows)
        print(f"{out}: {len(rows)} items, {n_ev} events, {sum(not it['events'] for it in rows)} without events, "
              f"{sum(len(it['mentions']) for it in rows)} mentions, {sum(len(it['locations']) for it in rows)} locations")


if __name__ == "__main__":
    main()
