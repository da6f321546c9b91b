"""CLI: ``detente export``, ``detente db upgrade|current``, ``detente dedup``."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from detente.cli.common import DbOption, db_url, fail


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    plover_json = "plover-json"
    ftm = "ftm"


def _store(db: str | None):
    from detente.store import StoreError, open_store

    try:
        return open_store(db_url(db))
    except StoreError as exc:
        fail(str(exc), 2)


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export_cmd(
        format: ExportFormat = typer.Option(..., "--format", "-f", help="csv | parquet | plover-json | ftm"),
        output: Path = typer.Option(None, "--output", "-o", help="File to write (default: stdout; required for parquet)"),
        db: str = DbOption,
    ) -> None:
        """Export events (CSV/Parquet GDELT-like table, PLOVER JSON Lines) or designations (FtM entities)."""
        from detente import export

        store = _store(db)
        if format is ExportFormat.parquet:
            if output is None:
                fail("--format parquet needs --output FILE")
            n = export.write_parquet(store, str(output))
        else:
            writer = {"csv": export.write_csv, "plover-json": export.write_plover_json, "ftm": export.write_ftm}[format.value]
            if output is None:
                n = writer(store, sys.stdout)
            else:
                try:
                    with output.open("w", encoding="utf-8", newline="") as fh:
                        n = writer(store, fh)
                except OSError as exc:
                    fail(f"{output}: cannot write ({exc.strerror})")
        what = "entities" if format is ExportFormat.ftm else "events"
        typer.echo(f"exported {n} {what}" + (f" to {output}" if output else ""), err=True)

    db_app = typer.Typer(help="The store's schema: Alembic migrations.", no_args_is_help=True)
    app.add_typer(db_app, name="db")

    @db_app.command("upgrade")
    def db_upgrade(db: str = DbOption) -> None:
        """Create the store or migrate it to the latest schema."""
        from detente.store import migrate

        store = _store(db)
        migrate.upgrade(store.engine)
        typer.echo(f"{store.url}: schema at revision {migrate.current(store.engine)}")

    @db_app.command("current")
    def db_current(db: str = DbOption) -> None:
        """Print the store's schema revision and the latest one this detente knows."""
        from detente.store import migrate

        store = _store(db)
        typer.echo(f"current {migrate.current(store.engine)}; head {migrate.head()}")

    @app.command("dedup")
    def dedup_cmd(db: str = DbOption) -> None:
        """Recompute event clusters over the whole store (ingest keeps them up to date incrementally)."""
        from detente.store.clusters import recluster

        store = _store(db)
        n = recluster(store)
        typer.echo(f"{n} events moved to another cluster")
