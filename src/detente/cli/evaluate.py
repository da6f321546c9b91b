"""``detente eval``: score the pipeline against gold (detente YAML, PETRARCH-style CAMEO XML)."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


def eval_command(
    gold: list[Path] = typer.Argument(..., help="Gold files or folders (*.yml article gold, *.xml CAMEO gold)"),
    actors: Optional[list[Path]] = typer.Option(
        None, "--actors", help="Extra actor YAML (KB entries; a 'cameo:' map adds CAMEO codes)"),
    report: Optional[Path] = typer.Option(None, "--report", help="Write the full report as JSON here"),
    fmt: EvalFormat = typer.Option(EvalFormat.table, "--format", help="table or json (on stdout)"),
) -> None:
    """Run the pipeline on gold and print scores (exit 0: the scores are information, not a test)."""
    from rich.console import Console
    from rich.progress import Progress

    from detente.cli.common import fail, is_tty
    from detente.eval.gold import GoldError, read_gold
    from detente.eval.report import print_report
    from detente.eval.runner import build_report, score_items

    actor_files = [str(a) for a in actors or []]
    for a in actor_files:
        if not Path(a).is_file():
            fail(f"{a}: no such actor file")
    try:
        items = read_gold(gold, actor_files)
    except GoldError as exc:
        fail(str(exc))
    if not items:
        fail("no gold units to score")
    err = Console(stderr=True)
    with Progress(console=err, transient=True, disable=not is_tty()) as bar:
        task = bar.add_task("scoring", total=len(items))
        try:
            units = score_items(items, actor_files, progress=lambda n: bar.advance(task, n))
        except (OSError, ValueError) as exc:  # e.g. an actor file the KB cannot read
            fail(f"{exc}".splitlines()[0])
    result = build_report(units, [str(g) for g in gold], actor_files)
    if report is not None:
        try:
            report.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as exc:
            fail(f"{report}: cannot write report: {exc.strerror}")
    if fmt == EvalFormat.json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print_report(result)
        if report is not None:
            err.print(f"report written to {report}")


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
