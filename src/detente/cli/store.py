"""``detente ingest`` / ``events`` / ``articles`` / ``article``: the store from the command line.

Exit codes: 0 fine; 1 an input could not be read (the rest was ingested) or a bad argument;
2 the store cannot be used (locked, gone, read-only, wrong schema).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

import typer

from detente import render
from detente.cli.common import DbOption, Format, actor_id, db_url, fail, is_tty, parse_date, printable

STORE_FAILED = 2


def _plural(n: int, word: str) -> str:
    from detente.services.ingest import plural

    return plural(n, word)


def _open(db: str | None, create: bool, force: bool = False):
    from detente.store import StoreError, open_store

    try:
        return open_store(db_url(db), create=create, force=force)
    except StoreError as exc:
        fail(str(exc), code=STORE_FAILED)


# -- output ------------------------------------------------------------------------------------

EVENT_COLUMNS = [
    "id", "date", "date_precision", "date_end", "type", "mode", "source_id", "source_country", "source_sector",
    "source_text", "target_id", "target_country", "target_sector", "target_text", "status", "cameo", "goldstein",
    "confidence", "rule", "context", "article_id", "published", "source_name", "start", "end", "sentence",
    "location_name", "location_country", "location_admin1", "location_lat", "location_lon",
    "location_precision", "location_geonames_id",
]


def flat_event(ev: dict[str, Any]) -> dict[str, Any]:
    """An event dict flattened for CSV: source/target columns, context joined with ';'."""
    out: dict[str, Any] = {}
    for key in EVENT_COLUMNS:
        if key.startswith(("source_", "target_", "location_")) and key != "source_name":
            side, field = key.split("_", 1)
            out[key] = (ev.get(side) or {}).get(field)
        elif key == "context":
            out[key] = ";".join(ev.get("context") or [])
        else:
            out[key] = ev.get(key)
    return out


def _print_table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                 wrap: frozenset[str] = frozenset()) -> None:
    render.print_table(columns, rows, title, wrap)


def _print_md(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    typer.echo(render.md_table(columns, rows))


def _print_csv(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> None:
    typer.echo(render.csv_text(columns, rows))


def _echo_json(value: Any) -> None:
    typer.echo(render.json_text(value))


def _short(text: str | None, n: int = 80) -> str:
    text = " ".join(printable(text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


_actor_cell = render.actor_cell


def _location_countries(value: str, actor_files: Sequence[Path] = ()) -> list[str]:
    """``--country-of-location``: ISO3 codes as given; a country name ("Russia") is resolved."""
    out = []
    for part in (p.strip() for p in value.split(",")):
        if not part:
            continue
        if len(part) == 3 and part.isalpha():
            out.append(part.upper())
            continue
        from detente.actors import load_kb

        kb = load_kb(actor_files)
        code = actor_id(part, kb=kb)
        if not (len(code) == 3 and code.isupper()):
            fail(f"--country-of-location: {part!r} is not a country (give an ISO 3166-1 alpha-3 code such as RUS)")
        out.append(code)
    if not out:
        fail("--country-of-location: no country given")
    return out


def _place_cell(loc: dict[str, Any] | None) -> str:
    if not loc:
        return ""
    return f"{loc.get('name')} ({loc.get('country')})" if loc.get("country") else str(loc.get("name") or "")


def print_events(evs: list[dict[str, Any]], fmt: Format) -> None:
    if fmt == Format.json:
        _echo_json(evs)
    elif fmt == Format.csv:
        _print_csv(EVENT_COLUMNS, [flat_event(e) for e in evs])
    else:
        placed = any(e.get("location") for e in evs)  # a place column only when some event has one
        cols = ["id", "date", "type", "source", "target", "status", *(["place"] if placed else []),
                "article", "sentence"]
        rows = [
            [e["id"], e["date"], e["type"], _actor_cell(e["source"]), _actor_cell(e["target"]), e["status"],
             *([_place_cell(e.get("location"))] if placed else []), e["article_id"], _short(e["sentence"], 60)]
            for e in evs
        ]
        if fmt == Format.md:
            _print_md(cols, rows)
        else:
            _print_table(f"{_plural(len(evs), 'event')}", cols, rows)


ARTICLE_COLUMNS = ["id", "published", "source", "title", "n_events", "n_quotes", "url", "origin", "source_id", "ingested_at"]


CLUSTER_COLUMNS = ["cluster_id", "date", "type", "source", "target", "status", "mentions", "articles",
                   "sources", "first_reported", "last_reported", "sentence"]


def print_clusters(rows: list[dict[str, Any]], fmt: Format) -> None:
    """Event clusters: one real-world event per row, with how often and where it was reported."""
    if fmt is Format.json:
        _echo_json(rows)
    elif fmt is Format.csv:
        _print_csv(CLUSTER_COLUMNS, [{k: r[k] for k in CLUSTER_COLUMNS} for r in rows])
    else:
        table = [[r["cluster_id"], r["date"], r["type"], r["source"], r["target"], r["status"], r["mentions"],
                  r["articles"], r["sources"], r["first_reported"], r["last_reported"], _short(r["sentence"])]
                 for r in rows]
        if fmt is Format.md:
            _print_md(CLUSTER_COLUMNS, table)
        else:
            _print_table(f"{len(rows)} event clusters", CLUSTER_COLUMNS, table)


def print_articles(arts: list[dict[str, Any]], fmt: Format) -> None:
    if fmt == Format.json:
        _echo_json(arts)
    elif fmt == Format.csv:
        _print_csv(ARTICLE_COLUMNS, arts)
    else:
        cols = ["id", "published", "source", "title", "events", "quotes"]
        rows = [[a["id"], a["published"], a["source"], _short(a["title"], 60), a["n_events"], a["n_quotes"]] for a in arts]
        if fmt == Format.md:
            _print_md(cols, rows)
        else:
            _print_table(f"{_plural(len(arts), 'article')}", cols, rows, wrap=frozenset({"source"}))


# -- ingest ------------------------------------------------------------------------------------


def extraction_error(article: Any, exc: BaseException) -> str:
    """One line naming an article whose extraction failed, and why (``services.ingest``)."""
    from detente.services.ingest import extraction_error as line

    return line(article, exc)


def progress_bar(enabled: bool):
    """A progress bar on stderr: done/total and the time left when the task has a total."""
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TimeRemainingColumn(), console=Console(stderr=True), disable=not enabled, transient=True,
    )


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        paths: list[Path] = typer.Argument(..., help="Files or folders (text, Markdown, HTML, JSONL, JSON, RSS/Atom); - reads stdin"),
        db: Optional[str] = DbOption,
        published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) where the input has none"),
        source: Optional[str] = typer.Option(None, help="Source name where the input has none"),
        actors: list[Path] = typer.Option([], "--actors", help="Extra actor YAML files"),
        batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per spaCy batch (and per store transaction)"),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar"),
        force: bool = typer.Option(False, "--force", help="Add detente's tables to a database that holds other tables"),
        dask: Optional[str] = typer.Option(
            None, "--dask", metavar="ADDRESS",
            help="Extract on a Dask cluster: a scheduler address (tcp://host:8786) or local:N for N local worker processes",
        ),
    ) -> None:
        """Read articles, extract events, relation changes and quotes, and store them.

        Stored articles (same content hash) are skipped before parsing.

        Exit 1: an input could not be read (the rest is stored). Exit 2: the database cannot be used.
        """
        from detente.actors import load_kb
        from detente.ingest import count_articles, read_paths
        from detente.services.ingest import IngestSummary, ingest_articles
        from detente.store import StoreError

        pub = parse_date(published, "--published")
        for p in actors:
            if not p.is_file():
                fail(f"{p}: actor file not found")
        store = _open(db, create=True, force=force)
        kb = load_kb(actors)
        tally = IngestSummary()

        show = is_tty() and not quiet
        with progress_bar(enabled=show) as progress:
            task = progress.add_task("ingesting", total=count_articles(paths) if show else None)

            def say(line: str) -> None:
                if progress.live.is_started:  # above the bar, not through it
                    progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
                else:
                    typer.echo(line, err=True)

            try:
                with contextlib.ExitStack() as stack:
                    extract = None
                    if dask:
                        from detente.scale import dask_client, extract_distributed

                        try:
                            client = stack.enter_context(dask_client(dask))
                        except (OSError, ValueError, TimeoutError) as exc:
                            fail(f"--dask {dask}: cannot start or reach the Dask cluster ({exc})", code=STORE_FAILED)

                        def extract(articles, on_fail):
                            return extract_distributed(client, articles, chunk_size=batch_size,
                                                       actor_files=[str(f) for f in actors], on_error=on_fail)

                    ingest_articles(
                        store, read_paths(paths, published=pub, source=source), kb=kb, batch_size=batch_size,
                        extract=extract, summary=tally, on_error=lambda line: say(f"detente: {line}"),
                        on_warning=lambda line: say(f"detente: warning: {line}"),
                        on_progress=lambda n: progress.advance(task, n))
            except StoreError as exc:
                progress.stop()
                typer.echo(tally.line())
                fail(str(exc), code=STORE_FAILED)
            except KeyboardInterrupt:  # every saved batch is committed; the one in hand is not
                progress.stop()
                typer.echo(f"interrupted: {tally.line()}")
                raise typer.Exit(130) from None
        typer.echo(tally.line())
        if tally.errors:
            raise typer.Exit(1)

    @app.command()
    def events(
        db: Optional[str] = DbOption,
        actor: Optional[str] = typer.Option(None, help="Events with this actor as source or target (id or name)"),
        dyad: Optional[tuple[str, str]] = typer.Option(None, help="Events between two actors (ids or names), either direction"),
        directed: bool = typer.Option(False, "--directed", help="With --dyad: only source A → target B"),
        type_: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. SANCTION (comma-separated for several)"),
        status: Optional[str] = typer.Option(None, help="occurred, ongoing, planned, negated or reported (comma-separated)"),
        since: Optional[str] = typer.Option(None, help="Events that may have happened on or after this day (YYYY-MM-DD)"),
        until: Optional[str] = typer.Option(None, help="Events that may have happened on or before this day (YYYY-MM-DD)"),
        limit: Optional[int] = typer.Option(None, min=0, help="At most this many events"),
        fmt: Format = typer.Option(Format.table, "--format", help="table, json, csv or md"),
        actors: list[Path] = typer.Option([], "--actors", help="Extra actor YAML files (for names)"),
        clusters: bool = typer.Option(False, "--clusters", help="One row per event cluster (a real-world event and its reports)"),
        country_of_location: Optional[str] = typer.Option(
            None, "--country-of-location",
            help="Events that happen in this country: ISO 3166-1 alpha-3 code(s) such as RUS, comma-separated"),
    ) -> None:
        """Stored events, by actor, dyad, type, status, date (dated events overlapping the range) and
        the country where they happen."""
        from detente.store import StoreError, query

        places = _location_countries(country_of_location, actors) if country_of_location else None
        if places and clusters:
            fail("--country-of-location does not combine with --clusters")

        since_d = parse_date(since, "--since")
        until_d = parse_date(until, "--until")
        if since_d and until_d and since_d > until_d:
            fail(f"--since {since_d} is after --until {until_d}")
        store = _open(db, create=False)
        the_actor = dyad_ids = None
        if actor or (dyad and any(dyad)):
            from detente.actors import load_kb

            kb = load_kb(actors)
            the_actor = actor_id(actor, store=store, kb=kb) if actor else None
            if dyad and any(dyad):
                dyad_ids = (actor_id(dyad[0], store=store, kb=kb), actor_id(dyad[1], store=store, kb=kb))
        if clusters:
            from detente.store.clusters import clusters as find_clusters

            try:
                rows = find_clusters(store, actor=the_actor, dyad=dyad_ids, type=type_, since=since_d, until=until_d, limit=limit)
            except StoreError as exc:
                fail(str(exc), code=STORE_FAILED)
            print_clusters(rows, fmt)
            return
        from detente.results import dumps, stored_events

        try:
            evs = dumps(stored_events(query.events(
                store, actor=the_actor, dyad=dyad_ids, directed=directed,
                type=type_.split(",") if type_ else None, status=status.split(",") if status else None,
                since=since_d, until=until_d, limit=limit, location_country=places,
            )))
        except StoreError as exc:
            fail(str(exc), code=STORE_FAILED)
        print_events(evs, fmt)

    @app.command()
    def articles(
        db: Optional[str] = DbOption,
        q: Optional[str] = typer.Option(None, "--q", "--search", help="Only articles whose title or text contains this"),
        limit: int = typer.Option(50, min=0, help="At most this many articles"),
        fmt: Format = typer.Option(Format.table, "--format", help="table, json, csv or md"),
    ) -> None:
        """Stored articles, newest first."""
        from detente.store import StoreError, query

        store = _open(db, create=False)
        try:
            arts = query.articles(store, limit=limit, q=q)
        except StoreError as exc:
            fail(str(exc), code=STORE_FAILED)
        print_articles(arts, fmt)

    @app.command()
    def article(
        article_id: str = typer.Argument(..., metavar="ID", help="Article id (16 hex characters) or the input's own id (source_id)"),
        db: Optional[str] = DbOption,
        fmt: Format = typer.Option(Format.table, "--format", help="json or table"),
    ) -> None:
        """One stored article: metadata, events, relation changes and quotes (json: also text, sentences, mentions)."""
        from detente.store import StoreError, query

        store = _open(db, create=False)
        try:
            art = query.article(store, article_id.strip())
        except StoreError as exc:
            fail(str(exc), code=STORE_FAILED)
        if art is None:
            fail(f"no article {article_id!r} in {store.shown_url} (see `detente articles`)")
        from detente.results import StoredArticle

        art = StoredArticle.model_validate(art).to_json()
        if fmt == Format.json:
            _echo_json(art)
            return
        own = f"  (source id {art['source_id']})" if art.get("source_id") else ""
        typer.echo(printable(f"{art['id']}  {art['published'] or 'date unknown'}  {art['source'] or 'unknown source'}{own}"))
        typer.echo(printable(art["title"] or "(untitled)"))
        if art["url"]:
            typer.echo(printable(art["url"]))
        typer.echo(
            f"{len(art['sentences'])} sentences, {_plural(len(art['events']), 'event')}, "
            f"{_plural(len(art['relation_changes']), 'relation change')}, {_plural(len(art['quotes']), 'quote')}"
        )
        if art["events"]:
            print_events(art["events"], Format.md if fmt == Format.md else Format.table)
        if art["relation_changes"]:
            cols = ["source", "target", "dimension", "value", "date", "sentence"]
            rows = [[c["source"], c["target"], c["dimension"], c["value"], c["date"], _short(c["sentence"], 60)]
                    for c in art["relation_changes"]]
            _print_md(cols, rows) if fmt == Format.md else _print_table("relation changes", cols, rows)
        if art["quotes"]:
            cols = ["speaker", "quote"]
            rows = [[qt["speaker"] or "?", _short(qt["text"], 90)] for qt in art["quotes"]]
            _print_md(cols, rows) if fmt == Format.md else _print_table("quotes", cols, rows)
