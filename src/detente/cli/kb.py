"""``detente kb build``: the compiled actor index from the shared public actor data."""

from __future__ import annotations

from pathlib import Path

import typer

from detente.cli.common import fail


def register(app: typer.Typer) -> None:
    kb_app = typer.Typer(help="The actor knowledge base: build the compiled index of imported actors.",
                         no_args_is_help=True)
    app.add_typer(kb_app, name="kb")

    @kb_app.command("build")
    def build_cmd(
        data: Path | None = typer.Option(None, "--data", help="Folder of the source files "
                                         "(default: ../shared/data/actors, or $DETENTE_SHARED/data/actors)"),
        out: Path | None = typer.Option(None, "--out", help="The SQLite file to write "
                                        "(default: the package's detente/data/actors/kb.sqlite)"),
        only: list[str] | None = typer.Option(None, "--only", help="Run only these importers (repeatable)"),
    ) -> None:
        """Run every importer (src/detente/kb/sources/*), merge one actor per entity, write the index."""
        from detente.kb import build as b

        folder = data or b.default_data_dir()
        if not folder.is_dir():
            fail(f"{folder}: no such folder (pass --data)")
        unknown = set(only or ()) - set(b.SOURCES)
        if unknown:
            fail(f"--only {', '.join(sorted(unknown))}: unknown importer (known: {', '.join(b.SOURCES)})")
        target = out or b.OUT
        packaged = target.resolve() == b.OUT.resolve() and not only
        # only a full build of the packaged index updates the conflicts log and the metadata counts
        b.build(folder, target, b.CONFLICTS if packaged else target.with_suffix(".conflicts.tsv"),
                only=tuple(only) if only else b.SOURCES, log=lambda m: typer.echo(m, err=True),
                write_metadata=packaged)
