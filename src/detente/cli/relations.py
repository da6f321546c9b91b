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


def _pair_on(db: str | None, a: str, b: str, as_of: str | None, fmt: Format, command: str, formats: str):
    """(store, source id, target id, day) of a ``status``/``brief`` command, after its checks."""
    if fmt == Format.csv:
        fail(f"--format csv is not available for {command} (use {formats})")
    day = parse_date(as_of, "--as-of")
    store = _open(db)
    src, tgt = _actors(store, a, b)
    return store, src, tgt, _as_of(store, day)


def _range(since: str | None, until: str | None):
    d_since, d_until = parse_date(since, "--since"), parse_date(until, "--until")
    if d_since and d_until and d_since > d_until:
        fail(f"--since {since} is after --until {until}")
    return d_since, d_until


SOURCE = typer.Argument(..., help="Source actor (id or name)")
TARGET = typer.Argument(..., help="Target actor (id or name)")
ACTOR = typer.Argument(..., help="Actor (id or name)")
OTHER = typer.Argument(..., help="Other actor (id or name)")
AS_OF = typer.Option(None, "--as-of", help="Date (YYYY-MM-DD), default today")
SINCE = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)")
UNTIL = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)")


# --------------------------------------------------------------------------- commands


def _status(store, src: str, tgt: str, day) -> dict:
    from detente.relations.state import status
    from detente.results import Status

    return Status.model_validate(status(store, src, tgt, day)).to_json()


def _show_status(st: dict, fmt: Format) -> None:
    from detente import render

    render.emit(fmt, render.STATUS_COLUMNS, render.status_rows(st), st,
                title=f"{st['source']} → {st['target']} as of {st['as_of']}")


def _brief(store, src: str, tgt: str, day) -> dict:
    from detente.results import Brief
    from detente.services.briefs import brief

    return Brief.model_validate(brief(store, src, tgt, day)).to_json()


def _show_brief(out: dict, fmt: Format) -> None:
    from detente import render

    if fmt == Format.json:
        typer.echo(render.json_text(out))
    elif fmt == Format.table:
        render.print_markdown(render.brief_markdown(out))
    else:
        typer.echo(render.brief_markdown(out))


def _pair_command(app: typer.Typer, name: str, default: Format, shown: str, usable: str, answer, show,
                  doc: str) -> None:
    """A command on a pair of actors on a date (``status``, ``brief``): resolve, answer, show."""

    def command(a: str = SOURCE, b: str = TARGET, as_of: str | None = AS_OF,
                fmt: Format = typer.Option(default, "--format", help=shown), db: str | None = DbOption) -> None:
        show(answer(*_pair_on(db, a, b, as_of, fmt, name, usable)), fmt)

    app.command(name, help=doc)(command)


def register(app: typer.Typer) -> None:
    _pair_command(app, "status", Format.table, "table, json or md", "json, md or table", _status, _show_status,
                  "The state of the relation A → B on a date (designation, representation, recognition, …).")

    @app.command()
    def timeline(
        a: str = ACTOR, b: str = OTHER, since: str | None = SINCE, until: str | None = UNTIL,
        fmt: Format = typer.Option(Format.table, "--format", help="table, json, md or csv"),
        all_reports: bool = typer.Option(False, "--all-reports",
                                         help="One row per article report (default: one per event cluster)"),
        db: str | None = DbOption,
    ) -> None:
        """Events and state changes between A and B (both directions), oldest first; the reports of one
        event (one cluster) are one row with "(N reports)", dates taken from the publication date are
        shown as "reported D"."""
        from detente import render
        from detente.results import dumps, timeline_items
        from detente.services.briefs import timeline as timeline_of

        d_since, d_until = _range(since, until)
        store = _open(db)
        src, tgt = _actors(store, a, b)
        items = dumps(timeline_items(timeline_of(store, src, tgt, d_since, d_until, collapse=not all_reports)))
        render.emit(fmt, render.TIMELINE_COLUMNS, render.timeline_rows(items), items, title=f"{src} ↔ {tgt}")

    _pair_command(app, "brief", Format.md, "md, table or json", "md, table or json", _brief, _show_brief,
                  "A short sourced brief: At a Glance bullets, what changed, a timeline.")

    @app.command()
    def who(
        designating: str | None = typer.Option(None, "--designating", help="Who lists X"),
        designated_by: str | None = typer.Option(None, "--designated-by", help="Whom X lists"),
        program: str | None = typer.Option(None, "--program", help="With --designated-by: only this programme"),
        hosts_ambassador_of: str | None = typer.Option(None, "--hosts-ambassador-of", help="Who receives X's ambassador"),
        recognising: str | None = typer.Option(None, "--recognising", help="Who recognises X's government"),
        as_of: str | None = AS_OF,
        fmt: Format = typer.Option(Format.table, "--format", help="table, json, md or csv"),
        db: str | None = DbOption,
    ) -> None:
        """Actors in a relation with X on a date."""
        from detente import render
        from detente.relations.state import who as who_of
        from detente.results import WhoRow, dumps

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
        rows = dumps([WhoRow.model_validate(r) for r in who_of(store, **{key: actor}, program=program,
                                                                as_of=_as_of(store, day))])
        render.emit(fmt, render.WHO_COLUMNS, render.who_rows(rows), rows,
                    title=f"{key.replace('_', ' ')} {actor}: {len(rows)}")

    @app.command()
    def chart(
        a: str = ACTOR, b: str = OTHER,
        output: Path = typer.Option(Path("stance.png"), "-o", "--output", help="PNG file to write"),
        since: str | None = SINCE, until: str | None = UNTIL,
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
                   f"{counts['updated']} changed, {counts.get('delisted', 0)} delisted)")
