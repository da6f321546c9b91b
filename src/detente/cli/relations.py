"""Relations on the command line: ``status``, ``timeline``, ``brief``, ``who``, ``chart``, ``import``.

Actors are given as ids (``RUS``, ``TALIBAN``) or names (``Russia``, ``"the Taliban"``); an unknown
or ambiguous name is one error line with the candidates.
"""

from __future__ import annotations

from pathlib import Path

import typer

from detente.cli.common import DbOption, Format, actor_id, db_url, fail, parse_date

STORE_FAILED = 2  # the store cannot be used (missing, locked, another application's)


# --------------------------------------------------------------------------- helpers


def _open(db: str | None, create: bool = False, force: bool = False):
    """The store at ``--db``; a missing one is exit 2 (never created, except by ``import``)."""
    from sqlalchemy.exc import SQLAlchemyError

    from detente.store import StoreError, open_store

    try:
        return open_store(db_url(db), create=create, force=force)
    except StoreError as exc:
        fail(str(exc), code=STORE_FAILED)
    except SQLAlchemyError as exc:  # a path that cannot be opened, a server that is down
        fail(f"{db_url(db)}: cannot open the store: {str(exc).splitlines()[0]}", code=STORE_FAILED)


def _as_of(store, given):
    """``--as-of`` when given; else, when the store's latest evidence is older than today, that day
    (said on stderr: "as of today" would only report that nothing happened since); else ``None``
    (today)."""
    if given is not None:
        return given
    import datetime as dt

    from sqlalchemy.exc import SQLAlchemyError

    from detente.store import StoreError
    from detente.store.query import latest_evidence_days

    today = dt.date.today()
    try:
        days = latest_evidence_days(store, today)
    except SQLAlchemyError as exc:  # database errors: the store cannot be used
        raise StoreError(f"{store.shown_url}: {str(exc).splitlines()[0]}") from None
    days = [d if isinstance(d, dt.date) or d is None else dt.date.fromisoformat(str(d)[:10]) for d in days]
    latest = max((d for d in days if d is not None), default=None)
    if latest is None or latest >= today:
        return None
    typer.echo(f"detente: as of {latest}, the latest evidence in the store (give --as-of for another day)", err=True)
    return latest


def _actors(store, *names: str) -> list[str]:
    return [actor_id(n, store=store) for n in names]


# --------------------------------------------------------------------------- commands


def register(app: typer.Typer) -> None:
    @app.command()
    def status(
        a: str = typer.Argument(..., help="Source actor (id or name)"),
        b: str = typer.Argument(..., help="Target actor (id or name)"),
        as_of: str | None = typer.Option(None, "--as-of", help="Date (YYYY-MM-DD), default today"),
        fmt: Format = typer.Option(Format.table, "--format", help="table, json or md"),
        db: str | None = DbOption,
    ) -> None:
        """The state of the relation A → B on a date (designation, representation, recognition, …)."""
        from detente import render
        from detente.relations.state import status as status_of

        if fmt == Format.csv:
            fail("--format csv is not available for status (use json, md or table)")
        day = parse_date(as_of, "--as-of")
        store = _open(db)
        src, tgt = _actors(store, a, b)
        st = status_of(store, src, tgt, _as_of(store, day))
        render.emit(fmt, render.STATUS_COLUMNS, render.status_rows(st), st, title=f"{src} → {tgt} as of {st['as_of']}")

    @app.command()
    def timeline(
        a: str = typer.Argument(..., help="Actor (id or name)"),
        b: str = typer.Argument(..., help="Other actor (id or name)"),
        since: str | None = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)"),
        until: str | None = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)"),
        fmt: Format = typer.Option(Format.table, "--format", help="table, json, md or csv"),
        all_reports: bool = typer.Option(False, "--all-reports",
                                         help="One row per article report (default: one per event cluster)"),
        db: str | None = DbOption,
    ) -> None:
        """Events and state changes between A and B (both directions), oldest first; the reports of one
        event (one cluster) are one row with "(N reports)", dates taken from the publication date are
        shown as "reported D"."""
        from detente import render
        from detente.services.briefs import timeline as timeline_of

        d_since, d_until = parse_date(since, "--since"), parse_date(until, "--until")
        if d_since and d_until and d_since > d_until:
            fail(f"--since {since} is after --until {until}")
        store = _open(db)
        src, tgt = _actors(store, a, b)
        items = timeline_of(store, src, tgt, d_since, d_until, collapse=not all_reports)
        render.emit(fmt, render.TIMELINE_COLUMNS, render.timeline_rows(items), items, title=f"{src} ↔ {tgt}")

    @app.command()
    def brief(
        a: str = typer.Argument(..., help="Source actor (id or name)"),
        b: str = typer.Argument(..., help="Target actor (id or name)"),
        as_of: str | None = typer.Option(None, "--as-of", help="Date (YYYY-MM-DD), default today"),
        fmt: Format = typer.Option(Format.md, "--format", help="md, table or json"),
        db: str | None = DbOption,
    ) -> None:
        """A short sourced brief: At a Glance bullets, what changed, a timeline."""
        from detente import render
        from detente.services.briefs import brief as brief_of

        if fmt == Format.csv:
            fail("--format csv is not available for brief (use md, table or json)")
        day = parse_date(as_of, "--as-of")
        store = _open(db)
        src, tgt = _actors(store, a, b)
        out = brief_of(store, src, tgt, _as_of(store, day))
        if fmt == Format.json:
            typer.echo(render.json_text(out))
        elif fmt == Format.table:
            render.print_markdown(render.brief_markdown(out))
        else:
            typer.echo(render.brief_markdown(out))

    @app.command()
    def who(
        designating: str | None = typer.Option(None, "--designating", help="Who lists X"),
        designated_by: str | None = typer.Option(None, "--designated-by", help="Whom X lists"),
        program: str | None = typer.Option(None, "--program", help="With --designated-by: only this programme"),
        hosts_ambassador_of: str | None = typer.Option(None, "--hosts-ambassador-of", help="Who receives X's ambassador"),
        recognising: str | None = typer.Option(None, "--recognising", help="Who recognises X's government"),
        as_of: str | None = typer.Option(None, "--as-of", help="Date (YYYY-MM-DD), default today"),
        fmt: Format = typer.Option(Format.table, "--format", help="table, json, md or csv"),
        db: str | None = DbOption,
    ) -> None:
        """Actors in a relation with X on a date."""
        from detente import render
        from detente.relations.state import who as who_of

        given = {k: v for k, v in (("designating", designating), ("designated_by", designated_by),
                                   ("hosts_ambassador_of", hosts_ambassador_of), ("recognising", recognising)) if v}
        if len(given) != 1:
            fail("give exactly one of --designating, --designated-by, --hosts-ambassador-of, --recognising")
        if program and "designated_by" not in given and "designating" not in given:
            fail("--program goes with --designated-by or --designating")
        day = parse_date(as_of, "--as-of")
        store = _open(db)
        (key, name), = given.items()
        (actor,) = _actors(store, name)
        rows = who_of(store, **{key: actor}, program=program, as_of=_as_of(store, day))
        render.emit(fmt, render.WHO_COLUMNS, render.who_rows(rows), rows,
                    title=f"{key.replace('_', ' ')} {actor}: {len(rows)}")

    @app.command()
    def chart(
        a: str = typer.Argument(..., help="Actor (id or name)"),
        b: str = typer.Argument(..., help="Other actor (id or name)"),
        output: Path = typer.Option(Path("stance.png"), "-o", "--output", help="PNG file to write"),
        since: str | None = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)"),
        until: str | None = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)"),
        db: str | None = DbOption,
    ) -> None:
        """Monthly stance between A and B (both directions) with state changes marked."""
        from detente.relations.chart import ChartError, draw

        d_since, d_until = parse_date(since, "--since"), parse_date(until, "--until")
        store = _open(db)
        src, tgt = _actors(store, a, b)
        try:
            draw(store, src, tgt, output, d_since, d_until)
        except ChartError as exc:
            fail(str(exc))
        typer.echo(f"wrote {output}")

    @app.command("import")
    def import_(
        dataset: str = typer.Argument(..., help="Dataset name, e.g. un-sc"),
        file: Path = typer.Argument(..., help="The dataset file (e.g. consolidated.xml)"),
        db: str | None = DbOption,
        force: bool = typer.Option(False, "--force", help="Add detente's tables to a database that holds other tables"),
    ) -> None:
        """Import a sanctions / terrorist list: list entries and designation changes (idempotent)."""
        from detente import datasets

        try:
            datasets.get(dataset)
        except datasets.DatasetError as exc:
            fail(str(exc))
        if not file.is_file():
            fail(f"{file}: file not found")
        store = _open(db, create=True, force=force)
        try:
            counts = datasets.import_file(store, dataset, file)
        except datasets.DatasetError as exc:
            fail(str(exc))
        typer.echo(f"{dataset}: {counts['entries']} entries ({counts['inserted']} new, "
                   f"{counts['updated']} changed)")
