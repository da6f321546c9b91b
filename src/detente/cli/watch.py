"""``detente watch add|list|remove|deliver``, ``detente alerts`` and ``detente changes``.

Watches and alerts are stored with the data (``detente.watch``); every ``ingest`` and ``import``
records the alerts it raises. Exit 1: a bad argument; 2: the store cannot be used.
"""

from __future__ import annotations

from typing import Optional

import typer

from detente.cli.common import DbOption, Format, actor_id, fail, parse_date, printable

watch_app = typer.Typer(help="Watches: be told when a relation changes (see `detente alerts`).",
                        no_args_is_help=True)


def _store(db: str | None, create: bool = False):
    from detente.cli.relations import _open

    return _open(db, create=create)


def _actor(store, text: str | None) -> str:
    """``*`` (any), an id as given (``TALIBAN``, ``UNSC:TAi.001``), or a name resolved to an id."""
    from detente.services.names import ID_SHAPE

    t = (text or "*").strip()
    if t == "*" or ID_SHAPE.match(t):
        return t
    return actor_id(t, store=store)


def _json(value) -> None:
    from detente.render import json_text

    typer.echo(json_text(value))


def _table(header: list[str], rows: list[list], title: str | None = None) -> None:
    from detente.render import print_table

    print_table(header, rows, title)


def _check_format(fmt: Format) -> None:
    if fmt not in (Format.table, Format.json):
        fail(f"--format {fmt.value}: use table or json")


def _watch_line(w: dict) -> str:
    values = ",".join(w["values"] or []) or "any value"
    extra = "".join(f" {k}={w[k]}" for k in ("min_confidence", "min_reports", "webhook") if w.get(k) is not None)
    return f"watch {w['id']}: {w['dimension']} {w['source']} → {w['target']} ({values}){extra}"


@watch_app.command("add")
def watch_add(
    dimension: str = typer.Option(..., "--dimension", "-d", help="designation, representation, recognition, agreements or stance"),
    source: Optional[str] = typer.Option("*", "--source", help="Actor acting (id or name; * for any)"),
    target: Optional[str] = typer.Option("*", "--target", help="Actor acted on (id or name; * for any)"),
    value: list[str] = typer.Option([], "--value", help="Alert only when the new state has this value (repeatable; stance: cooperative … hostile)"),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", help="Count only reports this confident (0–1)"),
    min_reports: Optional[int] = typer.Option(None, "--min-reports", help="Alert once this many independent reports agree"),
    webhook: Optional[str] = typer.Option(None, "--webhook", help="POST each alert as JSON to this http(s) URL"),
    label: Optional[str] = typer.Option(None, "--label", help="A name for the watch"),
    fmt: Format = typer.Option(Format.table, "--format"),
    db: Optional[str] = DbOption,
) -> None:
    """Add a watch: alerts from the next ingest or import on."""
    from detente import watch

    _check_format(fmt)
    store = _store(db, create=True)
    try:
        w = watch.add_watch(store, dimension, source=_actor(store, source), target=_actor(store, target),
                            values=[v for part in value for v in part.split(",")], min_confidence=min_confidence,
                            min_reports=min_reports, webhook=webhook, label=label)
    except watch.WatchError as exc:
        fail(str(exc))
    _json(w) if fmt == Format.json else typer.echo(printable(_watch_line(w)))


@watch_app.command("list")
def watch_list(fmt: Format = typer.Option(Format.table, "--format"), db: Optional[str] = DbOption) -> None:
    """The stored watches."""
    from detente import watch

    _check_format(fmt)
    items = watch.list_watches(_store(db))
    if fmt == Format.json:
        _json(items)
        return
    _table(["id", "dimension", "source", "target", "values", "min conf.", "min reports", "webhook", "label"],
           [[w["id"], w["dimension"], w["source"], w["target"], ",".join(w["values"] or []) or "*",
             w["min_confidence"], w["min_reports"], w["webhook"], w["label"]] for w in items], title="Watches")


@watch_app.command("remove")
def watch_remove(watch_id: int = typer.Argument(..., help="The watch's id (see `detente watch list`)"),
                 db: Optional[str] = DbOption) -> None:
    """Remove a watch and its alerts."""
    from detente import watch

    if not watch.remove_watch(_store(db), watch_id):
        fail(f"no watch {watch_id}")
    typer.echo(f"removed watch {watch_id}")


@watch_app.command("deliver")
def watch_deliver(attempts: int = typer.Option(3, "--attempts", min=1, max=10, help="Tries per alert"),
                  db: Optional[str] = DbOption) -> None:
    """Send the alerts no webhook attempt has delivered yet (each attempt is logged)."""
    from detente import watch

    results = watch.deliver(_store(db), attempts=attempts)
    failed = [r for r in results if not r["ok"]]
    typer.echo(f"{len(results) - len(failed)} delivered, {len(failed)} failed")
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(watch_app, name="watch")

    @app.command("alerts")
    def alerts_cmd(
        since: Optional[str] = typer.Option(None, "--since", help="Changes dated on or after (YYYY-MM-DD)"),
        watch_id: Optional[int] = typer.Option(None, "--watch", help="Alerts of this watch"),
        limit: Optional[int] = typer.Option(None, "--limit", min=1),
        fmt: Format = typer.Option(Format.table, "--format"),
        db: Optional[str] = DbOption,
    ) -> None:
        """Alerts raised by the watches, newest change first, with the state before and after."""
        from detente import watch

        _check_format(fmt)
        day = parse_date(since, "--since")
        items = watch.alerts(_store(db), since=day, watch=watch_id, limit=limit)
        if fmt == Format.json:
            _json(items)
            return
        _table(["id", "watch", "date", "relation", "before", "after", "reports", "alert"],
               [[a["id"], a["watch_id"], a["date"], f"{a['source']} → {a['target']} {a['dimension']}",
                 a["value_before"], a["value_after"], len(a["evidence"]), a["text"]] for a in items], title="Alerts")

    @app.command("changes")
    def changes_cmd(
        since: Optional[str] = typer.Option(None, "--since", help="Changes dated on or after (YYYY-MM-DD)"),
        recorded_since: Optional[str] = typer.Option(
            None, "--recorded-since", help="Changes stored on or after (YYYY-MM-DD or an ISO time, UTC), in that order"),
        dimension: Optional[str] = typer.Option(None, "--dimension", help="One dimension"),
        limit: int = typer.Option(100, "--limit", min=1, max=10000, help="Changes per page"),
        cursor: Optional[str] = typer.Option(None, "--cursor", help="next_cursor of the previous page"),
        fmt: Format = typer.Option(Format.table, "--format"),
        db: Optional[str] = DbOption,
    ) -> None:
        """Every recorded relation change since a date, in a stable order, a page at a time."""
        from detente import watch

        _check_format(fmt)
        day = parse_date(since, "--since")
        if recorded_since is not None:
            parse_date(recorded_since[:10], "--recorded-since")
        try:
            page = watch.changes(_store(db), since=day, recorded_since=recorded_since, dimension=dimension,
                                 limit=limit, cursor=cursor)
        except watch.WatchError as exc:
            fail(str(exc))
        if fmt == Format.json:
            _json(page)
            return
        _table(["id", "date", "relation", "value", "before", "after", "recorded", "change"],
               [[c["id"], c["date"], f"{c['source']} → {c['target']} {c['dimension']}", c["value"], c["before"],
                 c["after"], c["recorded_at"], c["text"]] for c in page["items"]], title="Changes")
        if page["next_cursor"]:
            typer.echo(f"more: --cursor '{page['next_cursor']}'", err=True)
