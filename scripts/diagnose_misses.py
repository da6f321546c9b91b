"""Why were gold events missed? Groups the missed events of a cross-fitted DEV report by cause.

For each unit with missed gold events the item is coded again with hooks on the engine's pattern
matcher, and each missed event is put in one class by what happened to its PLOVER type there:
``same_type_other_parties`` (an event of that type was coded, for other parties),
``matched_no_args`` (a pattern of the type matched but its arguments were not found; the role that
failed — source or target — and the trigger's dependency are recorded), ``constraint_failed`` (a
trigger of the type was present but the pattern's object/preposition/complement constraints failed),
``no_trigger`` (no pattern of the type had a trigger in the item). Never for the test split.

    PYTHONPATH=src python scripts/diagnose_misses.py build/eval-dev-crossfit.json [--out misses.json]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("report", type=Path, help="a report of scripts/eval_dev_crossfit.py")
    ap.add_argument("--gold", type=Path, default=ROOT / "tests/gold/wcep/dev.yml")
    ap.add_argument("--out", type=Path, default=ROOT / "build/missed-events.json")
    a = ap.parse_args(argv)
    if "test.yml" in a.gold.name:
        raise SystemExit(f"{a.gold}: the test split is never used to choose settings")

    from detente.eval.gold import read_gold
    from detente.eval.runner import article_for, run_pipeline
    from detente.events import engine

    report = json.loads(a.report.read_text())
    items = {it.id.split("#")[-1]: it for it in read_gold([str(a.gold)])}
    seen: list[tuple[str, str, str, str]] = []  # (what, type, pattern, trigger word)
    verb_patterns, verb_matches, noun_match, attempt = (
        engine._verb_patterns, engine._verb_matches, engine._noun_match, engine._try)

    def hooked_verb_patterns(patterns, tok):
        form, cands = verb_patterns(patterns, tok)
        seen.extend(("trigger", p.type, p.id, tok.text) for p in cands)
        return form, cands

    def hooked_verb_matches(p, v, view=None):
        m = verb_matches(p, v, view)
        if m is not None:
            seen.append(("match", p.type, p.id, v.text))
        return m

    def hooked_noun_match(p, n):
        seen.append(("trigger", p.type, p.id, n.text))
        m = noun_match(p, n)
        if m is not None:
            seen.append(("match", p.type, p.id, n.text))
        return m

    def hooked_try(ctx, m):
        evs = attempt(ctx, m)
        why = ""
        if not evs:
            src = engine._source(ctx, m)
            why = "no source" if src is None else ("no target" if engine._target(ctx, m, src) is None else "other")
            why = f" [{why}; {m.trigger.dep_}/{m.trigger.pos_}]"
        seen.append(("coded" if evs else "unargued", m.pattern.type, m.pattern.id + why, m.trigger.text))
        return evs

    engine._verb_patterns, engine._verb_matches = hooked_verb_patterns, hooked_verb_matches
    engine._noun_match, engine._try = hooked_noun_match, hooked_try
    causes: collections.Counter = collections.Counter()
    by_type: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    out = []
    for unit in report["units"]:
        if not unit["missed"]:
            continue
        item = items[unit["id"].split("#")[-1]]
        seen.clear()
        list(run_pipeline([article_for(item)]))
        predicted = [x["predicted"] for x in unit["matches"]] + unit["spurious"]
        for gold in unit["missed"]:
            kind = gold["type"]
            of_type = {what: [s for s in seen if s[1] == kind and s[0] == what]
                       for what in ("coded", "unargued", "match", "trigger")}
            if any(p["type"] == kind for p in predicted):
                cause = "same_type_other_parties"
            elif of_type["coded"]:
                cause = "coded_then_dropped"
            elif of_type["unargued"]:
                cause = "matched_no_args"
            elif of_type["match"]:
                cause = "matched_not_tried"
            elif of_type["trigger"]:
                cause = "constraint_failed"
            else:
                cause = "no_trigger"
            causes[cause] += 1
            by_type[cause][kind] += 1
            hits = next((v for v in of_type.values() if v), [])
            out.append({"id": item.id, "cause": cause, "type": kind, "source": gold["source"],
                        "target": gold["target"], "patterns": sorted({(s[2], s[3]) for s in hits})[:4],
                        "text": item.text})
    for cause, n in causes.most_common():
        print(f"{cause:26} {n:4}  {dict(by_type[cause].most_common())}")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(out, indent=1))
    print(f"per-event causes written to {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
