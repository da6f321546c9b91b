"""``detente extract``: the whole pipeline without a database, as the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from detente.cli.common import Format, fail, parse_date


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        paths: list[Path] = typer.Argument(..., help="Files or folders (text, HTML, JSONL, RSS/Atom)"),
        published: str | None = typer.Option(None, help="Publication date (YYYY-MM-DD) where the input has none"),
        source: str | None = typer.Option(None, help="Source name where the input has none"),
        actors: list[Path] = typer.Option([], "--actors", help="Extra actor YAML files"),
        fmt: Format = typer.Option(Format.json, "--format", help="json (the contract) or table"),
    ) -> None:
        """Extract events, relation changes and quotes; print them (no database)."""
        from detente import __version__
        from detente.actors import load_kb
        from detente.ingest import IngestError, read_paths
        from detente.models import Extraction
        from detente.pipeline import extract_articles

        pub = parse_date(published, "--published")
        for p in actors:
            if not p.is_file():
                fail(f"{p}: actor file not found")
        kb = load_kb(actors)
        errors: list = []  # inputs that could not be read, articles that could not be extracted
        articles = []
        for item in read_paths(paths, published=pub, source=source):
            if isinstance(item, IngestError):
                typer.echo(f"detente: {item}", err=True)
                errors.append(item)
            else:
                for warning in item.warnings:
                    typer.echo(f"detente: warning: {warning}", err=True)
                articles.append(item)
        def failed(article, exc: Exception) -> None:
            from detente.cli.store import extraction_error

            typer.echo(f"detente: {extraction_error(article, exc)}", err=True)
            errors.append(article)
            progress.advance(task)

        from detente.cli.common import is_tty
        from detente.cli.store import progress_bar

        results = []
        with progress_bar(enabled=is_tty() and len(articles) > 1) as progress:
            task = progress.add_task("extracting", total=len(articles))
            for result in extract_articles(articles, kb, on_error=failed):
                results.append(result)
                progress.advance(task)
        out = Extraction(detente_version=__version__, articles=results)
        if fmt == Format.json:
            typer.echo(json.dumps(out.model_dump(mode="json"), ensure_ascii=False, indent=2))
        else:
            from detente.render import print_table

            print_table(["article", "type", "source", "target", "date", "status", "rule"],
                        [[a.id, e.type, e.source.id if e.source else "", e.target.id if e.target else "",
                          e.date or "", e.status, e.rule] for a in results for e in a.events])
        if errors:
            fail(f"{len(errors)} input(s) could not be read or extracted", code=1)
