"""Confidence that means something: how often an event of its kind was right on the dev gold.

An event's raw confidence (the pattern's confidence times its arguments' certainties) ranks its
arguments but barely separates right events from wrong ones. ``data/patterns/calibration.yml``
(written by ``scripts/calibrate_confidence.py`` from the cross-fitted dev report) holds, per rule
and rule family, how often an event of that rule was a real event of the right type (smoothed
toward its family, the family toward all events), and how often a right event's source and target
were right at its raw confidence (an increasing step function). The calibrated confidence is the
product of the two: the estimated chance that the event, its type and its dyad are right. Rules
listed as ``demoted`` are not coded. The script proposes the rules whose smoothed precision is below
``demote_below`` on enough events; ``make calibrate`` keeps the list the file had (``--keep-demoted``,
``demoted_kept: true``), so the list is a choice checked on data it was not chosen on, and a rule
rated under ``demote_below`` may still be coded.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from detente.models import Event
from detente.wordlists import DataFile

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "patterns" / "calibration.yml"
#: set (to anything) to code with raw confidences and no demotion, as the calibration script needs
RAW_ENV = "DETENTE_RAW_CONFIDENCE"


class Calibration(DataFile):
    source: str                      # the report the table was computed from
    events: int                      # predicted events it was computed on
    overall: float                   # type precision of all events
    families: dict[str, float]       # rule family → smoothed type precision
    rules: dict[str, float]          # rule → smoothed type precision (rules seen on dev)
    dyad_cuts: list[float]           # raw confidence thresholds (increasing) ...
    dyad_rates: list[float]          # ... and the dyad accuracy from each (one more than cuts)
    demote_below: float
    demoted: list[str]               # rules whose events are not coded
    demoted_kept: bool = False       # the list is the previous file's, not the rules under demote_below


def calibration() -> Calibration:
    return Calibration.read_once(DATA_FILE)


def family(rule: str) -> str:
    """``lexicon.verb.190.attack`` → ``lexicon.verb``; ``classifier.accuse`` → ``classifier``;
    ``assault.kill`` → ``assault``."""
    parts = rule.split(".")
    return ".".join(parts[:2]) if parts[0] == "lexicon" else parts[0]


def type_precision(rule: str, cal: Calibration | None = None) -> float:
    cal = cal or calibration()
    got = cal.rules.get(rule)
    if got is not None:
        return got
    return cal.families.get(family(rule), cal.overall)


def dyad_rate(raw: float, cal: Calibration | None = None) -> float:
    cal = cal or calibration()
    return cal.dyad_rates[bisect_right(cal.dyad_cuts, raw)]


def demoted(rule: str) -> bool:
    return rule in _demoted()


@lru_cache(maxsize=1)
def _demoted() -> frozenset[str]:
    return frozenset(calibration().demoted)


def calibrate(ev: Event) -> Event:
    """The event with its calibrated confidence; the raw one stays in ``detail.confidence_raw``."""
    cal = calibration()
    conf = type_precision(ev.rule, cal) * dyad_rate(ev.confidence, cal)
    return ev.model_copy(update={"confidence": round(conf, 3),
                                 "detail": {**ev.detail, "confidence_raw": ev.confidence}})
