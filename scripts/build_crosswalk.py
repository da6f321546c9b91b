#!/usr/bin/env python3
"""Build ``src/detente/data/plover/cameo2plover.yml`` from the PLOVER CAMEO→PLOVER table.

Usage::

    python scripts/build_crosswalk.py [/work/shared/plover/CAMEO2PLOVER-2021.txt] [-o OUT.yml]

The input lines look like ``0311: AGREE,  ,   economic # Express intent to cooperate economically``
(code: TYPE, mode, context[; context] # label). Header lines (``03: AGREE``) and comments are
skipped. The generated YAML is committed; the product never reads the shared text file at run time.

Normalisations (recorded in the YAML header):
- contexts outside PLOVER's 37 are mapped (``democracy`` → ``pro_democracy``, ``humanitarian`` →
  ``human_security``);
- CAMEO 175 has its mode and context columns swapped in the source (``pro_autocracy`` as mode):
  it becomes mode null, contexts [pro_autocracy, military];
- CAMEO 02 (appeal), which the 2021 table leaves out, is added as REQUEST, the PLOVER type that
  merges CAMEO 02 and 10 (same modes/contexts as the matching 10x code). CAMEO 01 (public
  statements) has no PLOVER type and stays out;
- the codes of the hand-edited ``src/detente/data/plover/crosswalk_overrides.yml`` take the type,
  mode and contexts detente's conventions settle (docs/gold-format.md: CAMEO 085, easing sanctions,
  is CONCEDE, not RETREAT ``ease``); each such entry records ``override`` (why).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

DEFAULT_IN = Path("/work/shared/plover/CAMEO2PLOVER-2021.txt")
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/detente/data/plover/cameo2plover.yml"
OVERRIDES = Path(__file__).resolve().parents[1] / "src/detente/data/plover/crosswalk_overrides.yml"

LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)(?:#\s*(.*))?$")
CONTEXT_FIX = {"democracy": "pro_democracy", "humanitarian": "human_security"}

# CAMEO 02x "appeal" labels; each maps like the 10x "demand" code with the same last digits.
APPEAL_LABELS = {
    "020": "Make an appeal or request", "021": "Appeal for material cooperation",
    "0211": "Appeal for economic cooperation", "0212": "Appeal for military cooperation",
    "0213": "Appeal for judicial cooperation", "0214": "Appeal for intelligence cooperation",
    "022": "Appeal for diplomatic cooperation", "023": "Appeal for material aid",
    "0231": "Appeal for economic aid", "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid", "0234": "Appeal for military protection or peacekeeping",
    "024": "Appeal for political reform", "0241": "Appeal for change in leadership",
    "0242": "Appeal for policy change", "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime", "025": "Appeal to yield",
    "0251": "Appeal for easing of administrative sanctions", "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate", "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
}


def parse_line(line: str) -> tuple[str, dict] | None:
    """One table line → (code, entry), or None for headers, comments and blank lines."""
    m = LINE.match(line.strip())
    if not m:
        return None
    code, ptype, mode, ctx, label = m.groups()
    mode = mode.strip() or None
    contexts = [CONTEXT_FIX.get(c.strip(), c.strip()) for c in ctx.split(";") if c.strip()]
    if mode == "pro_autocracy":  # CAMEO 175: columns swapped in the source
        mode, contexts = None, ["pro_autocracy", *contexts]
    return code, {"type": ptype, "mode": mode, "context": contexts, "label": (label or "").strip()}


def build(text: str) -> dict[str, dict]:
    codes: dict[str, dict] = {}
    for line in text.splitlines():
        parsed = parse_line(line)
        if parsed:
            code, entry = parsed
            codes.setdefault(code, entry)  # first wins (175 is listed twice)
    for code, label in APPEAL_LABELS.items():
        demand = codes.get("10" + code[2:], {"mode": None, "context": []})
        codes[code] = {"type": "REQUEST", "mode": demand["mode"], "context": list(demand["context"]),
                       "label": label, "added": "CAMEO 02 appeal, mapped like its 10x demand code"}
    return dict(sorted(codes.items()))


def apply_overrides(codes: dict[str, dict], overrides: dict[str, dict]) -> dict[str, dict]:
    """The table's codes with detente's convention overrides (``crosswalk_overrides.yml``) applied:
    type, mode and contexts replaced, the reason kept as ``override``."""
    out = dict(codes)
    for code, o in overrides.items():
        if code not in out:
            raise ValueError(f"crosswalk_overrides.yml: {code}: no such code in the table")
        out[code] = {**out[code], "type": o["type"], "mode": o.get("mode"), "context": list(o.get("context", [])),
                     "override": o["why"]}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?", type=Path, default=DEFAULT_IN)
    ap.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if not args.source.is_file():
        print(f"build_crosswalk: {args.source}: no such file", file=sys.stderr)
        return 2
    overrides = yaml.safe_load(OVERRIDES.read_text(encoding="utf-8"))["overrides"]
    codes = apply_overrides(build(args.source.read_text(encoding="utf-8")), overrides)
    doc = {
        "version": 1,
        "source": "CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, 17-Sep-2021), CC BY-SA 4.0",
        "generated_by": "scripts/build_crosswalk.py",
        "normalisations": [
            "contexts: democracy -> pro_democracy, humanitarian -> human_security",
            "175: mode/context columns swapped in source; mode null, context pro_autocracy",
            "02x appeal codes added as REQUEST (PLOVER merges CAMEO 02 and 10)",
            *(f"{c}: {o['type']} by convention override (crosswalk_overrides.yml)" for c, o in overrides.items()),
        ],
        "codes": codes,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("# GENERATED by scripts/build_crosswalk.py - do not edit by hand\n")
        yaml.safe_dump(doc, fh, sort_keys=False, allow_unicode=True, width=120)
    print(f"wrote {len(codes)} codes to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
