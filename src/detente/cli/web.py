"""``detente serve``: the web app and REST API (uvicorn), on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import os

import typer

from detente.cli.common import DbOption, db_url, fail


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: str | None = DbOption,
        host: str = typer.Option("127.0.0.1", help="Interface to bind (0.0.0.0 exposes it to the network)"),
        port: int = typer.Option(8000, min=0, max=65535, help="TCP port"),
        token: str | None = typer.Option(
            None, "--token", envvar="DETENTE_TOKEN", show_envvar=True,
            help="Bearer token that enables POST /api/ingest (disabled without one)"),
    ) -> None:
        """Serve the web app and the REST API (OpenAPI at /openapi.json, docs at /docs)."""
        import uvicorn

        from detente.store import StoreError
        from detente.web.app import create_app

        url = db_url(db)
        try:
            web = create_app(url, token=token or None)
        except StoreError as exc:
            fail(str(exc))
        except Exception as exc:  # e.g. a database that cannot be opened
            fail(f"cannot open {url}: {exc}")
        if host not in ("127.0.0.1", "localhost", "::1"):
            typer.echo(f"detente: serving on {host}: reachable from the network", err=True)
        typer.echo(f"detente: http://{host}:{port}/ (store {url.split('@')[-1]}; "
                   f"ingest {'enabled' if token else 'disabled'})", err=True)
        uvicorn.run(web, host=host, port=port, log_level=os.environ.get("DETENTE_LOG_LEVEL", "info"))
