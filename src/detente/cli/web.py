"""``detente serve``: the web app and REST API (uvicorn), on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import os

import typer

from detente.cli.common import DbOption, db_url, fail
from detente.web.settings import MAX_PASTE_BYTES


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: str | None = DbOption,
        host: str = typer.Option("127.0.0.1", help="Interface to bind (0.0.0.0 exposes it to the network)"),
        port: int = typer.Option(8000, min=0, max=65535, help="TCP port"),
        token: str | None = typer.Option(
            None, "--token", envvar="DETENTE_TOKEN", show_envvar=True,
            help="Bearer token that enables POST /api/ingest (disabled without one) and that /paste then asks for"),
        max_extractions: int | None = typer.Option(
            None, "--max-extractions", min=1, envvar="DETENTE_MAX_EXTRACTIONS", show_envvar=True,
            help="Extractions (/paste, /api/ingest) run at once; more get 503 with Retry-After (default: the number of cores)"),
        max_paste_kb: int = typer.Option(
            MAX_PASTE_BYTES // 1000, "--max-paste-kb", min=1, envvar="DETENTE_MAX_PASTE_KB", show_envvar=True,
            help="Largest text /paste accepts, in KB (1 KB = 1000 bytes of UTF-8)"),
    ) -> None:
        """Serve the web app and the REST API (its schema at /openapi.json) until SIGTERM or Ctrl-C."""
        import uvicorn

        from sqlalchemy.exc import SQLAlchemyError

        from detente.store import StoreError
        from detente.web.app import create_app
        from detente.web.settings import SHUTDOWN_GRACE, WebSettings

        url = db_url(db)
        limits = {"max_extractions": max_extractions} if max_extractions else {}
        settings = WebSettings(max_paste_bytes=max_paste_kb * 1000, **limits)
        try:
            web = create_app(url, token=token or None, settings=settings)
        except StoreError as exc:
            fail(str(exc))
        except SQLAlchemyError as exc:  # a database that cannot be opened
            fail(f"cannot open {url}: {str(exc).splitlines()[0]}")
        if host not in ("127.0.0.1", "localhost", "::1"):
            typer.echo(f"detente: serving on {host}: reachable from the network", err=True)
        typer.echo(f"detente: http://{host}:{port}/ (store {url.split('@')[-1]}; "
                   f"ingest {'enabled' if token else 'disabled'})", err=True)
        # SIGTERM: running requests get SHUTDOWN_GRACE seconds, then are cancelled (extractions run in
        # daemon threads, which do not hold up the exit)
        uvicorn.run(web, host=host, port=port, log_level=os.environ.get("DETENTE_LOG_LEVEL", "info"),
                    timeout_graceful_shutdown=SHUTDOWN_GRACE)
