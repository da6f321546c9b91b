"""Quality gate on real text: the scores on the held-out test split of the wcep gold must not drop
below the floors in tests/gold/wcep/floors.yml (set from the test split's figures when they were
last raised; docs/evaluation.md). The split is never tuned on — this test only stops regressions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from detente.eval.runner import evaluate

pytestmark = pytest.mark.slow

GOLD = Path(__file__).resolve().parents[1] / "gold" / "wcep"


def test_real_text_scores_stay_above_their_floors():
    floors = yaml.safe_load((GOLD / "floors.yml").read_text(encoding="utf-8"))
    report = evaluate([str(GOLD / floors["gold"])])
    overall = report["overall"]
    low = []
    for field, metrics in floors["events"].items():
        for metric, floor in metrics.items():
            got = overall["micro"][field][metric]
            if got < floor:
                low.append(f"{field}.{metric} {got:.3f} < {floor}")
    for field, floor in floors.get("mentions", {}).items():
        got = overall["mentions"][field]["accuracy"]
        if got < floor:
            low.append(f"mentions.{field} {got:.3f} < {floor}")
    for field, floor in floors.get("locations", {}).items():
        got = overall["locations"][field]["accuracy"]
        if got < floor:
            low.append(f"locations.{field} {got:.3f} < {floor}")
    assert not low, "below the floor: " + "; ".join(low)
