"""``detente search Q``: what the web app's search box answers, on the command line."""

from __future__ import annotations

from typing import Optional

import typer

from detente.cli.common import DbOption, Format, db_url, fail, parse_date

STORE_FAILED = 2


def register(app: typer.Typer) -> None:
    @app.command()
    def search(
        q: str = typer.Argument(..., help="An actor (id or name) or words of the sentences"),
        type_: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER type"),
        status: Optional[str] = typer.Option(None, "--status", help="Only this status (occurred, planned, …)"),
        since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)"),
        until: Optional[str] = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)"),
        limit: int = typer.Option(50, "--limit", min=1, help="At most this many events"),
        fmt: Format = typer.Option(Format.table, "--format", help="table, json, md or csv (csv: the events)"),
        db: Optional[str] = DbOption,
    ) -> None:
        """Events of an actor, or events and articles whose text contains Q."""
        from detente import render
        from detente.services.search import search as search_store
        from detente.store import StoreError, open_store

        d_since, d_until = parse_date(since, "--since"), parse_date(until, "--until")
        try:
            store = open_store(db_url(db), create=False)
        except StoreError as exc:
            fail(str(exc), code=STORE_FAILED)
        found = search_store(store, q, type=type_.upper() if type_ else None, status=status, since=d_since,
                             until=d_until, limit=limit)
        if fmt == Format.json:
            typer.echo(render.json_text(found))
            return
        columns, rows = render.SEARCH_COLUMNS, render.search_rows(found["events"])
        more = " (more: raise --limit)" if found["more"] else ""
        n = f"{len(rows)} event{'' if len(rows) == 1 else 's'}"
        what = f"of {found['actor']}" if found["actor"] else f"whose sentence contains {q!r}"
        render.emit(fmt, columns, rows, found, title=f"{n} {what}{more}")
        if fmt == Format.table and found["articles"]:
            render.print_table(["id", "published", "source", "title"],
                               [[a["id"], a["published"], a["source"], a["title"]] for a in found["articles"]],
                               title=f"articles containing {q!r}: {len(found['articles'])}")
