"""Output for people and programs: one renderer per format, shared by every command.

- ``table``: a rich table that fits the terminal (rich's own layout: free text wraps, ids, dates
  and codes are never cut); when the output is piped, as wide as its longest row, so nothing is
  wrapped or cut and ``grep``/``cut`` see whole ids.
- ``json``: indented, UTF-8, dates as ISO strings.
- ``csv``: a header, then one line a row.
- ``md``: a Markdown table (``|`` escaped); a brief is a Markdown document (``brief_markdown``).

Stored text is shown with control characters removed (``printable``), and never read as rich markup.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from detente.models import strip_controls
from detente.relations import wording as w

FORMATS = ("table", "json", "csv", "md")
FREE_TEXT = frozenset({"title", "sentence", "quote", "speaker", "text", "evidence", "name", "cited"})


def printable(value: str) -> str:
    """Stored text as a terminal may show it: control characters (escape sequences) removed."""
    return strip_controls(value)


def cell(value: Any) -> str:
    """One value as table text: nothing for None, ``%g`` for floats, control characters removed."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return printable(str(value))


def json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def csv_text(columns: Sequence[str], rows: Sequence[Sequence[Any] | Mapping[str, Any]]) -> str:
    """CSV with a header; rows are sequences in column order or mappings by column name."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        values = [row.get(c) for c in columns] if isinstance(row, Mapping) else list(row)
        # whole values (a float as Python writes it: no digits lost), control characters removed
        writer.writerow(["" if v is None else printable(v) if isinstance(v, str) else v for v in values])
    return buf.getvalue().rstrip("\n")


def md_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    def esc(v: Any) -> str:
        return cell(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(esc(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def rich_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None,
               wrap: frozenset[str] = frozenset()):
    """A rich ``Table``: columns of free text (``FREE_TEXT | wrap``) wrap; every other column keeps
    its longest value whole (its minimum width), so a narrow terminal wraps text, not ids."""
    from rich.table import Table
    from rich.text import Text

    texts = [[cell(v) for v in row] for row in rows]
    wrapping = FREE_TEXT | wrap
    table = Table(title=Text(printable(title)) if title else None, title_justify="left")
    for i, col in enumerate(columns):
        if col in wrapping:
            table.add_column(col, overflow="fold")
        else:
            longest = max((len(r[i]) for r in texts), default=0)
            table.add_column(col, no_wrap=True, min_width=max(len(col), longest))
    for row in texts:
        table.add_row(*(Text(v) for v in row))  # Text: stored "[...]" is never rich markup
    return table


def print_rich(renderable) -> None:
    """Print to stdout: fitted to the terminal, or, piped, at the renderable's natural width."""
    from rich.console import Console
    from rich.measure import Measurement

    console = Console(soft_wrap=False)
    if not console.is_terminal:
        wide = Console(width=100_000, soft_wrap=False)
        natural = Measurement.get(wide, wide.options, renderable).maximum
        console = Console(width=max(80, natural), soft_wrap=False)
    console.print(renderable)


def print_markdown(text: str) -> None:
    """A Markdown document laid out for the terminal (80 columns when piped)."""
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(printable(text)))


def print_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None,
                wrap: frozenset[str] = frozenset()) -> None:
    print_rich(rich_table(columns, rows, title, wrap))


def emit(fmt: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], data: Any,
         title: str | None = None, wrap: frozenset[str] = frozenset()) -> None:
    """Print ``rows`` (the table, md and csv view) or ``data`` (the json view) in ``fmt``."""
    if fmt == "json":
        print(json_text(data))
    elif fmt == "md":
        print(md_table(columns, rows))
    elif fmt == "csv":
        print(csv_text(columns, rows))
    else:
        print_table(columns, rows, title, wrap)


# --------------------------------------------------------------------------- relations


def first_sentence(evidence: list[dict], width: int = 90) -> str:
    """The first evidence's sentence on one line, "(+N)" for the others."""
    if not evidence:
        return ""
    more = f" (+{len(evidence) - 1})" if len(evidence) > 1 else ""
    return w.one_line(evidence[0].get("sentence"), width) + more


def status_rows(st: dict) -> list[list]:
    """``detente status``: one row a dimension, agreement, the stance and each conflict."""
    rows = []
    for dim in ("designation", "representation", "recognition"):
        item = st[dim]
        since = item.get("note") or item["since"] or ""
        rows.append([dim, item["value"], since, first_sentence(item["evidence"])])
    for ag in st["agreements"]:
        rows.append([f"agreement ({ag['kind']}: {', '.join(ag['subjects'])})", ag["status"], ag["since"] or "",
                     first_sentence(ag["evidence"])])
    s = st["stance"]
    value = "no events" if s["value"] is None else f"{s['value']:+.1f}"
    rows.append(["stance", value, f"last {s['window']}", f"{s['events']} events"])
    for c in st["conflicts"]:
        rows.append(["conflict", c["dimension"], "", " vs ".join(f"{v['value']} ({v['date'] or 'undated'})"
                                                                for v in c["values"])])
    return rows


STATUS_COLUMNS = ["dimension", "value", "since", "evidence"]
TIMELINE_COLUMNS = ["date", "kind", "pair", "type", "value", "status", "text", "cited"]
WHO_COLUMNS = ["source", "target", "value", "since", "program", "name"]


def citations(item: dict) -> str:
    """Every source of a timeline row or bullet, for people: outlet, date, title (or list entry)."""
    evidence = item["evidence"] if isinstance(item["evidence"], list) else [item["evidence"]]
    cites = dict.fromkeys(c for c in (w.cite(e) for e in [*evidence, *item.get("also", [])]) if c)
    return "; ".join(cites)


def timeline_rows(items: list[dict]) -> list[list]:
    return [[w.when(it) if it.get("date") else "?", it["kind"], f"{it['source']}→{it['target']}",
             it.get("type") or it.get("dimension"), it["value"], it["status"], it["text"], citations(it)]
            for it in items]


def who_rows(rows: list[dict]) -> list[list]:
    return [[r["source"], r["target"], r["value"], r["since"] or "", r["program"] or "", r["name"] or ""]
            for r in rows]


SEARCH_COLUMNS = ["id", "date", "type", "source", "target", "status", "cited", "sentence"]


def actor_cell(ref: dict | None) -> str:
    """An event side: its id, else country/sector, else the words of the text."""
    if not ref:
        return ""
    return ref.get("id") or "/".join(x for x in (ref.get("country"), ref.get("sector")) if x) or ref.get("text") or ""


def search_rows(events: list[dict]) -> list[list]:
    return [[e["id"], e["date"], e["type"], actor_cell(e["source"]), actor_cell(e["target"]), e["status"],
             ", ".join(p for p in (e.get("source_name"), e.get("published")) if p), w.one_line(e["sentence"])]
            for e in events]


def brief_markdown(b: dict) -> str:
    """A brief as a Markdown document: title, At a Glance, What changed, Timeline, conflicts.
    Evidence is cited by outlet, date and title; article ids are for the JSON."""
    names = b.get("names", {})
    lines = [f"# {w.cap(names.get(b['source'], b['source']))} → {names.get(b['target'], b['target'])}",
             "", f"As of {b['as_of']}.", "", "## At a Glance", ""]
    for bullet in b["bullets"]:
        cites = citations(bullet)
        lines.append(f"- {bullet['text']}" + (f" _({cites})_" if cites else ""))
    lines += ["", "## What changed", "", b["what_changed"], ""]
    if b["timeline"]:
        lines += ["## Timeline", "", "| date | what | source |", "|---|---|---|"]
        for it in b["timeline"]:
            text = it["text"].replace("|", "\\|")
            lines.append(f"| {w.when(it)} | {text} | {citations(it).replace('|', '/')} |")
        lines.append("")
    if b.get("conflicts"):
        lines += ["## Conflicting evidence", ""]
        for c in b["conflicts"]:
            vals = ", ".join(f"{v['value']} ({v['date'] or 'undated'})" for v in c["values"])
            lines.append(f"- {c['dimension']}: {vals}; shown: {c['values'][0]['value']}")
        lines.append("")
    return printable("\n".join(lines))
