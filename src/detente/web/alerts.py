"""Watches, alerts and changes on the web: the JSON API, the ``/alerts`` page and ``/feeds/alerts.atom``.

- ``GET /api/watches?dimension=&actor=``; ``POST /api/watches`` (JSON ``{dimension, source, target, values,
  min_confidence, min_reports, webhook, label}``) and ``DELETE /api/watches/{id}`` need the bearer
  token, like ``POST /api/ingest``.
- ``GET /api/alerts?since=&watch=&limit=`` — what ``detente alerts --format json`` prints.
- ``GET /api/changes?since=|recorded_since=&dimension=&limit=&cursor=`` — one page of
  ``detente changes``; pass ``next_cursor`` back as ``cursor``.
- ``GET /alerts`` — the alerts with links to their evidence; ``GET /feeds/alerts.atom`` — the latest
  alerts as an Atom feed (``?watch=ID``: one watch's).
"""

from __future__ import annotations

import html
from typing import Any

from fastapi import FastAPI, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import Field, ValidationError

from detente.records import Record
from detente.web import backend, views
from detente.web.requests import WebError, _bearer, _parse_json, _read_body, _token_matches, parse_day

FEED_SIZE = 50
PAGE_SIZE = 200
DATE_OR_TIME = r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]*)?$"


class WatchBody(Record):
    """``POST /api/watches``."""

    dimension: str = Field(max_length=32)
    source: str = Field("*", min_length=1, max_length=200)
    target: str = Field("*", min_length=1, max_length=200)
    values: list[str] | None = Field(None, max_length=10)
    min_confidence: float | None = None
    min_reports: int | None = None
    webhook: str | None = Field(None, max_length=2000)
    label: str | None = Field(None, max_length=200)


def alert_view(alert: dict[str, Any]) -> dict[str, Any]:
    """An alert for the page and the feed: its evidence with links to the highlighted sentences."""
    out = dict(alert)
    out["links"] = [{"href": views.evidence_link({"article": e.get("article_id"), "start": e.get("start"),
                                                  "end": e.get("end")}),
                     "sentence": e.get("sentence") or "", "title": e.get("title"), "dataset": e.get("dataset"),
                     "external_id": e.get("external_id"), "published": e.get("published")}
                    for e in alert.get("evidence") or []]
    return out


def _entry_html(alert: dict[str, Any], base: str) -> str:
    """An entry's content: the change and its reports, linked (HTML, escaped again by the template)."""
    items = []
    for e in alert_view(alert)["links"]:
        text = html.escape(e["sentence"])
        items.append(f'<li><a href="{html.escape(base + e["href"])}">{text}</a></li>' if e["href"] else f"<li>{text}</li>")
    return f"<p>{html.escape(alert['text'])}</p><ul>{''.join(items)}</ul>"


def register(app: FastAPI, store, templates, token: str | None) -> None:
    """Add the routes to ``app`` (called by ``create_app``)."""
    def watch_param(watch: str) -> int | None:
        """``?watch=`` of a page or the feed: a watch id, or empty for all (a form sends it empty)."""
        if watch and not watch.isdigit():
            raise WebError(422, f"bad watch {watch!r}: a watch id")
        return int(watch) if watch else None

    def authorised(request: Request) -> None:
        if token is None:
            raise WebError(403, "changing watches is disabled: start the server with --token or DETENTE_TOKEN")
        if not _token_matches(_bearer(request), token):
            raise WebError(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})

    @app.get("/api/watches", tags=["watches"])
    def api_watches(dimension: str | None = Query(None, max_length=32, description="watches of this dimension"),
                    actor: str | None = Query(None, max_length=200, description="watches naming this actor id")
                    ) -> list[dict]:
        """The stored watches."""
        return [w for w in backend.watches(store) if dimension in (None, w["dimension"])
                and actor in (None, w["source"], w["target"])]

    @app.post("/api/watches", tags=["watches"], status_code=201, responses={
        401: {"description": "missing or wrong token"}, 403: {"description": "disabled (no token configured)"},
        422: {"description": "invalid watch"}},
        openapi_extra={"requestBody": {"required": True, "content": {
            "application/json": {"schema": WatchBody.model_json_schema()}}}})
    async def api_add_watch(request: Request) -> dict:
        """Add a watch: alerts from the next ingest or list import on."""
        authorised(request)
        data = _parse_json((await _read_body(request, 64 * 1024)).decode("utf-8", errors="replace"))
        try:
            body = WatchBody.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            raise WebError(422, f"{'.'.join(str(p) for p in err['loc']) or 'body'}: {err['msg']}") from None
        try:
            return backend.add_watch(store, **body.model_dump())
        except ValueError as exc:
            raise WebError(422, str(exc)) from None

    @app.delete("/api/watches/{watch_id}", tags=["watches"], status_code=204, responses={
        401: {"description": "missing or wrong token"}, 404: {"description": "no such watch"}})
    def api_remove_watch(request: Request, watch_id: int = PathParam(..., ge=1, le=2**62)) -> Response:
        """Remove a watch and its alerts."""
        authorised(request)
        if not backend.remove_watch(store, watch_id):
            raise WebError(404, f"no watch {watch_id}")
        return Response(status_code=204)

    @app.get("/api/alerts", tags=["watches"])
    def api_alerts(since: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD"),
                   watch: int | None = Query(None, ge=1, le=2**62, description="a watch id"),
                   limit: int = Query(100, ge=1, le=1000)) -> list[dict]:
        """Alerts, newest change first, with the state before and after and their evidence."""
        return backend.alerts(store, since=parse_day(since, "since"), watch=watch, limit=limit)

    @app.get("/api/changes", tags=["relations"])
    def api_changes(since: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="dated on or after"),
                    recorded_since: str | None = Query(None, pattern=DATE_OR_TIME, max_length=40,
                                                       description="stored on or after (UTC), in that order"),
                    dimension: str | None = Query(None, max_length=32),
                    limit: int = Query(100, ge=1, le=1000),
                    cursor: str | None = Query(None, max_length=80, description="`next_cursor` of the previous page")
                    ) -> dict:
        """Every recorded relation change, a page at a time, in a stable order."""
        if recorded_since is not None:
            parse_day(recorded_since[:10], "recorded_since")
        try:
            return backend.changes(store, since=parse_day(since, "since"), recorded_since=recorded_since,
                                   dimension=dimension, limit=limit, cursor=cursor)
        except ValueError as exc:
            raise WebError(422, str(exc)) from None

    @app.get("/alerts", response_class=HTMLResponse, include_in_schema=False)
    def alerts_page(request: Request, since: str = "", watch: str = Query("", max_length=20)):
        watch_id = watch_param(watch)
        items = backend.alerts(store, since=parse_day(since, "since"), watch=watch_id, limit=PAGE_SIZE)
        return templates.TemplateResponse(request, "alerts.html", {
            "alerts": [alert_view(a) for a in items], "watches": backend.watches(store), "since": since,
            "watch": watch_id, "limit": PAGE_SIZE})

    @app.get("/feeds/alerts.atom", include_in_schema=False)
    def alerts_feed(request: Request, watch: str = Query("", max_length=20)):
        base = str(request.base_url).rstrip("/")
        found = backend.alerts(store, watch=watch_param(watch), limit=FEED_SIZE)
        items = [dict(alert_view(a), html=_entry_html(a, base)) for a in found]
        updated = max((a["updated_at"] for a in items), default=None) or views.today() + "T00:00:00+00:00"
        return templates.TemplateResponse(request, "alerts.atom.xml", {"alerts": items, "base": base, "updated": updated},
                                          media_type="application/atom+xml")
