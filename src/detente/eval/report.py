"""The evaluation report as rich tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

FIELD_LABELS = {
    "event": "event detection", "type": "type", "source": "source", "target": "target",
    "dyad": "dyad (directed)", "dyad_country": "dyad (id or country)", "date": "date exact", "date_within": "date within gold period",
    "status": "status",
}


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{100 * v:.1f}"


def scores_table(title: str, agg: dict[str, Any]) -> Table:
    t = Table(title=title, title_justify="left")
    t.add_column("field")
    for c in ("P", "R", "F1", "macro F1", "acc. on matched", "tp", "fp", "fn"):
        t.add_column(c, justify="right")
    for name, d in agg["micro"].items():
        m = agg["macro"][name]
        acc = d["accuracy"] if name != "event" else None
        t.add_row(FIELD_LABELS.get(name, name), _pct(d["precision"]), _pct(d["recall"]), _pct(d["f1"]),
                  _pct(m["f1"]), _pct(acc) + (f" ({d['matched_scored']})" if acc is not None else ""),
                  str(d["tp"]), str(d["fp"]), str(d["fn"]))
    for key, label in (("relation_changes", "relation changes"), ("quotes", "quotes")):
        if key in agg:
            d = agg[key]
            acc = d.get("speaker_accuracy")
            t.add_row(label, _pct(d["precision"]), _pct(d["recall"]), _pct(d["f1"]), "",
                      "" if acc is None else f"speaker {_pct(acc)}", str(d["tp"]), str(d["fp"]), str(d["fn"]))
    if "mentions" in agg:
        ms = agg["mentions"]
        t.add_row("actor mentions", "", "", "", "", "  ".join(
            f"{k} {_pct(v['accuracy'])} ({v['scored']})" for k, v in ms.items() if v["scored"]), "", "", "")
    if "locations" in agg:
        ls = agg["locations"]
        t.add_row("event locations", "", "", "", "", "  ".join(
            f"{k} {_pct(v['accuracy'])} ({v['scored']})" for k, v in ls.items()
            if k != "errors" and v["scored"]), "", "", "")
    cap = (f"{agg['units']} units, {agg['gold_events']} gold events, {agg['predicted_events']} predicted"
           + (f", {agg['unmapped_gold']} gold codings without PLOVER type (not scored)" if agg["unmapped_gold"] else "")
           + (f", {agg['absent_violations']} occurred events in 'absent' sentences" if "absent_violations" in agg else ""))
    t.caption = cap
    t.caption_justify = "left"
    return t


def files_table(by_file: dict[str, Any]) -> Table:
    t = Table(title="By gold file (F1, micro)", title_justify="left")
    t.add_column("gold file")
    for c in ("units", "gold", "pred", "event", "type", "dyad", "date∈", "status", "rel.chg", "quotes"):
        t.add_column(c, justify="right")
    for name, agg in by_file.items():
        mi = agg["micro"]

        def f1(key: str, src: dict[str, Any] = mi) -> str:
            return _pct(src[key]["f1"]) if key in src else "–"

        t.add_row(Path(name).name, str(agg["units"]), str(agg["gold_events"]), str(agg["predicted_events"]),
                  f1("event"), f1("type"), f1("dyad"), f1("date_within"), f1("status"),
                  f1("relation_changes", agg), f1("quotes", agg))
    return t


def confusion_table(conf: dict[str, Any]) -> Table:
    labels = conf["labels"]
    t = Table(title="PLOVER type confusion (rows: gold, columns: predicted; NONE = missed / spurious)",
              title_justify="left")
    t.add_column("gold \\ pred")
    for lab in labels:
        t.add_column(lab[:4], justify="right")
    for g in labels:
        row = conf["matrix"].get(g, {})
        if not row:
            continue
        t.add_row(g, *[str(row.get(p, "")) if row.get(p) else "·" for p in labels])
    return t


def print_report(report: dict[str, Any], console: Console | None = None) -> None:
    if console is None:
        console = Console()
        if not console.is_terminal:
            console = Console(width=140)
    console.print(scores_table("All gold", report["overall"]))
    kinds = report.get("by_kind", {})
    if len(kinds) > 1:
        for kind, agg in kinds.items():
            console.print(scores_table(f"{kind} gold", agg))
    if len(report["by_file"]) > 1:
        console.print(files_table(report["by_file"]))
    if report["overall"]["confusion"]["labels"] != ["NONE"]:
        console.print(confusion_table(report["overall"]["confusion"]))
