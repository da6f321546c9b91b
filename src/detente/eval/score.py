"""Scoring: per-unit comparison of predictions with gold, then micro and macro averages.

For event detection, a matched pair is a true positive, an unmatched gold event a false negative,
an unmatched prediction a false positive. For a field (type, source, target, dyad, date,
date_within, status), a pair counts as correct only when matched *and* the field agrees, so
field P = correct / predicted and R = correct / gold (an end-to-end score); the report also gives
the field's accuracy over the matched pairs where the gold states the field.

Zero divisions: P (R) is 0 when nothing was predicted (expected) — except that a unit with neither
gold nor predictions scores P = R = F1 = 1 (correctly silent), which only matters for macro means.
Macro = mean over units of the per-unit P/R/F1, over the units whose gold can score the field.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from detente.eval.match import (
    Unit, actor_country_equal, actor_equal, date_exact, date_within, fold, locate, match_changes, match_events,
    match_quotes, speaker_equal, unspecified,
)
from detente.eval.types import EVENT_FIELDS, GoldEvent, GoldItem
from detente.models import ArticleResult, Event

NONE = "NONE"


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def empty(self) -> bool:
        return self.tp == self.fp == self.fn == 0

    @property
    def precision(self) -> float:
        if self.empty:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.empty:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def prf(correct: int, predicted: int, expected: int) -> PRF:
    return PRF(tp=correct, fp=predicted - correct, fn=expected - correct)


@dataclass
class FieldCount:
    """A field over matched pairs: how many the gold states (``scored``) and how many agree."""

    correct: int = 0
    scored: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.scored if self.scored else None


def field_correct(name: str, g: GoldEvent, p: Event) -> bool | None:
    """Whether a matched pair agrees on a field; None where the gold does not state it."""
    if name == "event":
        return True
    if name == "type":
        return g.type == p.type
    if name in ("source", "target"):
        ga = getattr(g, name)
        return None if unspecified(ga) else actor_equal(ga, getattr(p, name))
    if name == "dyad":
        if unspecified(g.source) or unspecified(g.target):
            return None
        return actor_equal(g.source, p.source) and actor_equal(g.target, p.target)
    if name == "dyad_country":
        if unspecified(g.source) or unspecified(g.target):
            return None
        return actor_country_equal(g.source, p.source) and actor_country_equal(g.target, p.target)
    if name == "date":
        return None if not g.date else date_exact(g.date, g.date_precision, p.date, p.date_precision)
    if name == "date_within":
        if not g.date:
            return None
        return date_exact(g.date, g.date_precision, p.date, p.date_precision) or date_within(
            g.date, g.date_precision, p.date, p.date_precision)
    if name == "status":
        return g.status == p.status
    raise KeyError(name)


@dataclass
class UnitResult:
    item: GoldItem
    result: ArticleResult
    pairs: list[tuple[int, int]]
    fields: dict[str, PRF]
    field_counts: dict[str, FieldCount]
    changes: PRF | None = None
    change_pairs: list[tuple[int, int]] = field(default_factory=list)
    quotes: PRF | None = None
    quote_pairs: list[tuple[int, int]] = field(default_factory=list)
    quote_speakers: FieldCount = field(default_factory=FieldCount)
    absent_violations: list[dict[str, Any]] = field(default_factory=list)

    def detail(self) -> dict[str, Any]:
        gold, pred = self.item.events, self.result.events
        matched_g = {g for g, _ in self.pairs}
        matched_p = {p for _, p in self.pairs}
        out: dict[str, Any] = {
            "id": self.item.id, "origin": self.item.origin, "kind": self.item.kind,
            "gold": len(gold), "predicted": len(pred),
            "event": self.fields["event"].as_dict(),
            "matches": [
                {"gold": _gold_event(gold[g]), "predicted": _pred_event(pred[p]),
                 "wrong": [f for f in EVENT_FIELDS[1:]
                           if f in self.item.fields and field_correct(f, gold[g], pred[p]) is False]}
                for g, p in self.pairs
            ],
            "missed": [_gold_event(gold[g]) for g in range(len(gold)) if g not in matched_g],
            "spurious": [_pred_event(pred[p]) for p in range(len(pred)) if p not in matched_p],
        }
        if self.item.unmapped:
            out["unmapped"] = self.item.unmapped
        if self.changes is not None:
            out["relation_changes"] = self.changes.as_dict()
            got = {g for g, _ in self.change_pairs}
            out["missed_relation_changes"] = [
                c.model_dump(mode="json") for i, c in enumerate(self.item.relation_changes) if i not in got]
        if self.quotes is not None:
            out["quotes"] = self.quotes.as_dict()
        if self.absent_violations:
            out["absent_violations"] = self.absent_violations
        return out


def _gold_event(g: GoldEvent) -> dict[str, Any]:
    return {"type": g.type, "mode": g.mode, "source": g.source.label() if g.source else None,
            "target": g.target.label() if g.target else None, "date": g.date, "status": g.status,
            "cameo": g.cameo, "sentence": g.sentence}


def _label(ref: Any) -> str | None:
    if ref is None:
        return None
    return ref.id or (f"{ref.country or '---'}/{ref.sector or '---'}" if (ref.country or ref.sector) else "-")


def _pred_event(p: Event) -> dict[str, Any]:
    return {"type": p.type, "mode": p.mode, "source": _label(p.source), "target": _label(p.target), "date": p.date,
            "status": p.status, "rule": p.rule, "cameo": p.cameo, "trigger": p.trigger,
            "arguments": p.detail.get("arguments"), "classifier_p": p.detail.get("classifier_p"),
            "confidence": p.confidence, "confidence_raw": p.detail.get("confidence_raw", p.confidence),
            "sentence": p.sentence,
            "roles": {k: v for k, v in p.detail.items() if k.endswith(("_from", "_role"))} or None}


def score_unit(item: GoldItem, result: ArticleResult) -> UnitResult:
    unit = Unit(text=item.text, is_sentence=item.kind == "sentence")
    gold, pred = item.events, result.events
    pairs = match_events(gold, pred, unit)
    fields: dict[str, PRF] = {}
    counts: dict[str, FieldCount] = {}
    for name in EVENT_FIELDS:
        if name not in item.fields:
            continue
        fc = FieldCount()
        for g, p in pairs:
            ok = field_correct(name, gold[g], pred[p])
            if ok is not None:
                fc.scored += 1
                fc.correct += ok
        counts[name] = fc
        stated = sum(1 for g in gold if _states(name, g))
        fields[name] = prf(fc.correct, len(pred), stated)
    res = UnitResult(item=item, result=result, pairs=pairs, fields=fields, field_counts=counts)
    if item.kind == "article":
        if "relation_change" in item.fields:
            res.change_pairs = match_changes(item.relation_changes, result.relation_changes, unit)
            res.changes = prf(len(res.change_pairs), len(result.relation_changes), len(item.relation_changes))
        if "quote" in item.fields:
            res.quote_pairs = match_quotes(item.quotes, result.quotes)
            res.quotes = prf(len(res.quote_pairs), len(result.quotes), len(item.quotes))
            for g, p in res.quote_pairs:
                res.quote_speakers.scored += 1
                res.quote_speakers.correct += speaker_equal(item.quotes[g], result.quotes[p])
        for sent in item.absent:
            span = locate(sent, item.text)
            for p in pred:
                hit = (span is not None and p.start < span[1] and span[0] < p.end) or fold(sent) in fold(p.sentence)
                if hit and p.status == "occurred":
                    res.absent_violations.append({"sentence": sent, "predicted": _pred_event(p)})
    return res


def _states(name: str, g: GoldEvent) -> bool:
    """Whether a gold event states a field (so that it can be recalled)."""
    if name in ("source", "target"):
        return not unspecified(getattr(g, name))
    if name in ("dyad", "dyad_country"):
        return not unspecified(g.source) and not unspecified(g.target)
    if name in ("date", "date_within"):
        return bool(g.date)
    return True


def aggregate(units: list[UnitResult]) -> dict[str, Any]:
    """Micro and macro scores, the type confusion matrix, relation changes and quotes."""
    names = [n for n in EVENT_FIELDS if any(n in u.fields for u in units)]
    micro: dict[str, Any] = {}
    macro: dict[str, Any] = {}
    for name in names:
        total = PRF()
        fc = FieldCount()
        ps, rs, fs = [], [], []
        for u in units:
            if name not in u.fields:
                continue
            total.add(u.fields[name])
            fc.correct += u.field_counts[name].correct
            fc.scored += u.field_counts[name].scored
            ps.append(u.fields[name].precision)
            rs.append(u.fields[name].recall)
            fs.append(u.fields[name].f1)
        d = total.as_dict()
        d["matched_correct"], d["matched_scored"] = fc.correct, fc.scored
        d["accuracy"] = None if fc.accuracy is None else round(fc.accuracy, 4)
        micro[name] = d
        n = len(ps)
        macro[name] = {"units": n, "precision": round(sum(ps) / n, 4), "recall": round(sum(rs) / n, 4),
                       "f1": round(sum(fs) / n, 4)}
    out: dict[str, Any] = {
        "units": len(units),
        "gold_events": sum(len(u.item.events) for u in units),
        "predicted_events": sum(len(u.result.events) for u in units),
        "unmapped_gold": sum(len(u.item.unmapped) for u in units),
        "micro": micro, "macro": macro, "confusion": confusion(units),
    }
    changes = [u.changes for u in units if u.changes is not None]
    if changes:
        t = PRF()
        for c in changes:
            t.add(c)
        out["relation_changes"] = t.as_dict()
    quotes = [u for u in units if u.quotes is not None]
    if quotes:
        t = PRF()
        sp = FieldCount()
        for u in quotes:
            t.add(u.quotes)  # type: ignore[arg-type]
            sp.correct += u.quote_speakers.correct
            sp.scored += u.quote_speakers.scored
        d = t.as_dict()
        d["speaker_accuracy"] = None if sp.accuracy is None else round(sp.accuracy, 4)
        out["quotes"] = d
    from detente.eval.mentions import mention_scores

    ms = mention_scores(units)
    if ms is not None:
        out["mentions"] = ms
    from detente.eval.locations import location_scores

    ls = location_scores(units)
    if ls is not None:
        out["locations"] = ls
    violations = sum(len(u.absent_violations) for u in units)
    if any(u.item.absent for u in units):
        out["absent_violations"] = violations
    return out


def confusion(units: list[UnitResult]) -> dict[str, Any]:
    """Gold type (rows) × predicted type (columns); NONE for misses (column) and spurious (row)."""
    cells: Counter[tuple[str, str]] = Counter()
    for u in units:
        mg = {g for g, _ in u.pairs}
        mp = {p for _, p in u.pairs}
        for g, p in u.pairs:
            cells[(u.item.events[g].type, u.result.events[p].type)] += 1
        for i, g in enumerate(u.item.events):
            if i not in mg:
                cells[(g.type, NONE)] += 1
        for i, p in enumerate(u.result.events):
            if i not in mp:
                cells[(NONE, p.type)] += 1
    from detente.models import PLOVER_TYPES

    seen = {t for pair in cells for t in pair}
    labels = [t for t in PLOVER_TYPES if t in seen] + sorted(seen - set(PLOVER_TYPES) - {NONE}) + [NONE]
    matrix = {g: {p: cells[(g, p)] for p in labels if cells[(g, p)]} for g in labels}
    return {"labels": labels, "matrix": {g: row for g, row in matrix.items() if row}}
