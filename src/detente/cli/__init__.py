"""The ``detente`` command: a thin typer layer over the library.

Each command group lives in its own module with a ``register(app)`` function.
"""

from __future__ import annotations

import typer

from detente.cli import actors as _actors
from detente.cli import evaluate as _evaluate
from detente.cli import export as _export
from detente.cli import extract as _extract
from detente.cli import lexicon as _lexicon
from detente.cli import kb as _kb
from detente.cli import relations as _relations
from detente.cli import search as _search
from detente.cli import store as _store
from detente.cli import watch as _watch
from detente.cli import web as _web

app = typer.Typer(
    name="detente",
    help="Dated, sourced records of what states and organisations do to each other.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

for _mod in (_extract, _store, _actors, _kb, _relations, _search, _evaluate, _web, _export, _lexicon, _watch):
    _mod.register(app)


def main() -> None:
    app()
