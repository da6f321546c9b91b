"""How far two blind labellers of the same items agree, scored the way ``detente eval`` scores the
coder: one labelling is taken as the gold, the other as the prediction (events matched one to one
by ``detente.eval.match.match_events``; dyads compared by id or country).

    PYTHONPATH=src python scripts/gold_agreement.py tests/gold/wcep/labelled/batch13.yml \\
        tests/gold/wcep/agreement/batch13b.yml

The figures are the ceiling the real-text gold puts on the coder (docs/evaluation.md).
"""

from __future__ import annotations

import argparse
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from detente.eval.gold import read_gold  # noqa: E402
from detente.eval.match import Unit, actor_country_equal, match_events, unspecified  # noqa: E402
from detente.eval.types import GoldActor, GoldEvent  # noqa: E402
from detente.models import ActorRef  # noqa: E402


def as_ref(g: GoldActor | None) -> ActorRef | None:
    """A gold actor as the coder would give it (a state's id is its country)."""
    if g is None or unspecified(g):
        return None
    state = g.id if g.id and len(g.id) == 3 and g.id.isupper() else None
    return ActorRef(id=g.id, country=g.country or state, sector=g.sector, text="")


def as_prediction(e: GoldEvent, text: str) -> types.SimpleNamespace:
    return types.SimpleNamespace(type=e.type, source=as_ref(e.source), target=as_ref(e.target), date=e.date,
                                 date_precision=e.date_precision, start=0, end=len(text), sentence=text)


def agreement(gold_path: Path, other_path: Path) -> dict[str, float]:
    gold = {g.text: g for g in read_gold([gold_path])}
    other = {g.text: g for g in read_gold([other_path])}
    tp = fp = fn = same_type = same_dyad = 0
    for text, g in gold.items():
        if text not in other:
            continue
        pred = [as_prediction(e, text) for e in other[text].events]
        pairs = match_events(g.events, pred, Unit(text=text, is_sentence=False))
        tp, fp, fn = tp + len(pairs), fp + len(pred) - len(pairs), fn + len(g.events) - len(pairs)
        for gi, pi in pairs:
            ge, pe = g.events[gi], pred[pi]
            same_type += ge.type == pe.type
            same_dyad += actor_country_equal(ge.source, pe.source) and actor_country_equal(ge.target, pe.target)
    f1 = lambda hits: 2 * hits / (2 * tp + fp + fn) if tp + fp + fn else 0.0  # noqa: E731
    return {"items": len(set(gold) & set(other)), "events_gold": tp + fn, "events_other": tp + fp,
            "detection_f1": f1(tp), "type_f1": f1(same_type), "dyad_f1": f1(same_dyad)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("other", type=Path)
    a = ap.parse_args(argv)
    for k, v in agreement(a.gold, a.other).items():
        print(f"{k:14} {v:.3f}" if isinstance(v, float) else f"{k:14} {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
