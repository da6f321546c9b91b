"""Helpers shared by the CLI modules: errors, output formats, the database URL."""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import Enum
from typing import NoReturn

import typer

DEFAULT_DB = "sqlite:///detente.db"


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def printable(value: str) -> str:
    """Stored text as a terminal may show it: control characters (escape sequences) removed."""
    from detente.models import strip_controls

    return strip_controls(value)


def fail(message: str, code: int = 1) -> NoReturn:
    """One clear line on stderr, non-zero exit."""
    typer.echo(f"detente: error: {message}", err=True)
    raise typer.Exit(code)


def actor_id(text: str, *, store=None, kb=None) -> str:
    """The actor id for an id or a name given on the command line (``detente.services.names``);
    an unknown or ambiguous one is one error line with the candidates."""
    from detente.services.names import UnknownActor, resolve_actor

    try:
        return resolve_actor(text, store=store, kb=kb)
    except UnknownActor as exc:
        fail(str(exc))


def db_url(db: str | None) -> str:
    """``--db`` wins, then ``DETENTE_DB``, then ``./detente.db``. A bare path means SQLite."""
    url = db or os.environ.get("DETENTE_DB") or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


def parse_date(value: str | None, what: str = "date") -> dt.date | None:
    if value is None:
        return None
    from detente.models import MAX_YEAR, MIN_YEAR, date_in_range

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        fail(f"bad {what} {value!r}: expected YYYY-MM-DD")
    if not date_in_range(day):
        fail(f"bad {what} {value!r}: expected a date from {MIN_YEAR} to {MAX_YEAR}")
    return day


def is_tty() -> bool:
    return sys.stderr.isatty()


DbOption = typer.Option(None, "--db", help="Database URL or SQLite path (default: DETENTE_DB or ./detente.db)")
