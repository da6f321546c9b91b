"""``detente lexicon build``: regenerate the lexicon pattern files from CAMEO and PropBank."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

lexicon_app = typer.Typer(help="The event lexicon (CAMEO verbs, PropBank event nouns).", no_args_is_help=True)


@lexicon_app.command("build")
def build_command(
    source: Path = typer.Option(Path("/work/shared/data/lexicon"), "--source",
                                help="Folder with CAMEO.2.0.txt and propbank-aliases.tsv"),
    out: Optional[Path] = typer.Option(None, "--out", help="Write here instead of the package's data/patterns/"),
    check: bool = typer.Option(False, "--check", help="Only compare with the packaged files (exit 1 if they differ)"),
) -> None:
    """Turn CAMEO.2.0.txt and propbank-aliases.tsv into data/patterns/lexicon_{verbs,nouns}.yml."""
    from detente.cli.common import fail
    from detente.lexicon import build as b

    for name in (b.CAMEO_NAME, b.PROPBANK_NAME):
        if not (source / name).is_file():
            fail(f"{source / name}: no such file (--source names the folder holding it)")
    vtext, ntext, stats = b.build(source)
    if check:
        same = (b.VERBS_FILE.read_text(encoding="utf-8") == vtext and b.NOUNS_FILE.read_text(encoding="utf-8") == ntext)
        typer.echo("lexicon files are up to date" if same else "lexicon files differ from a fresh build")
        raise typer.Exit(0 if same else 1)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    vpath = (out or b.VERBS_FILE.parent) / b.VERBS_FILE.name
    npath = (out or b.NOUNS_FILE.parent) / b.NOUNS_FILE.name
    vpath.write_text(vtext, encoding="utf-8")
    npath.write_text(ntext, encoding="utf-8")
    skipped = sum(v for k, v in stats.skipped.items() if k.startswith("pattern"))
    typer.echo(f"{vpath}: {stats.verb_patterns} patterns over {stats.verb_lemmas} verb lemmas "
               f"({stats.patterns_used} of {stats.cameo_patterns} CAMEO patterns used, {skipped} skipped)")
    typer.echo(f"{npath}: {stats.noun_patterns} patterns over {stats.nouns} event nouns")
    for reason, n in sorted(stats.skipped.items(), key=lambda kv: -kv[1]):
        typer.echo(f"  skipped {n:5d}  {reason}")
    for reason, n in sorted(stats.noun_skipped.items(), key=lambda kv: -kv[1]):
        typer.echo(f"  noun skipped {n:5d}  {reason}")


def register(app: typer.Typer) -> None:
    app.add_typer(lexicon_app, name="lexicon")
