"""The web app and REST API: ``create_app(db_url, token=None)`` → a FastAPI application.

- ``/api/…`` answers JSON (the same JSON the CLI prints with ``--format json``); OpenAPI at
  ``/openapi.json`` (no ``/docs``: it loads assets from a CDN). Every parameter is validated (bad input
  is a 4xx with a clear message, never a 500; names in paths ≤ 200 characters); an unknown actor is a
  404 with candidate ids.
- ``POST /api/ingest`` stores an article; it needs ``Authorization: Bearer <token>`` and is disabled
  (403) when the app has no token.
- Pages (Jinja2, small JS, Chart.js vendored): ``/``, ``/dyad/{a}/{b}``, ``/actor/{id}``,
  ``/article/{id}``, ``/search``, ``/paste`` (which needs the token when the app has one); watches,
  alerts and the change feed (``/api/watches``, ``/api/alerts``, ``/api/changes``, ``/alerts``,
  ``/feeds/alerts.atom``) are in :mod:`detente.web.alerts`.
- Every response carries the security headers of :mod:`detente.web.settings` (a CSP without inline
  script); at most ``settings.max_extractions`` extractions run at once, the rest get 503.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs

from fastapi import FastAPI, Path as PathParam, Query, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import Field, ValidationError
from starlette.concurrency import run_in_threadpool

from detente.records import Record
from detente import __version__
from detente.models import PLOVER_TYPES, Article, http_url, strip_controls
from detente.web import backend, views
from detente.web.limits import Busy, ExtractionSlots
from detente.web.middleware import SecurityHeaders
from detente.web.requests import (  # noqa: F401 - parse_day, WebError: also imported from here
    MAX_DAY, MIN_DAY, WebError, _bearer, _parse_json, _read_body, _token_matches, parse_day,
)
from detente.web.settings import MAX_BODY, MAX_NAME, RETRY_AFTER, WebSettings

log = logging.getLogger("detente.web")

HERE = Path(__file__).resolve().parent
SEARCH_LIMIT = 200  # event rows on the search page
MAP_EVENTS = 2000  # the latest dated events of a dyad whose places the dyad page maps
STATUSES = ("occurred", "ongoing", "planned", "negated", "reported")
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
EventType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
EventStatus = Literal[STATUSES]  # type: ignore[valid-type]


class IngestBody(Record):
    """``POST /api/ingest`` as ``application/json``."""

    text: str = Field(min_length=1, max_length=MAX_BODY)
    title: str | None = None
    published: str | None = Field(default=None, pattern=DATE_PATTERN, description="YYYY-MM-DD")
    source: str | None = None
    url: str | None = None


def _clean(value: str | None) -> str | None:
    """A title or source as stored: control characters stripped, whitespace folded."""
    return " ".join(strip_controls(value).split()) or None if value is not None else None


def create_app(db_url: str, token: str | None = None, settings: WebSettings | None = None) -> FastAPI:
    """The app over the store at ``db_url``; ``token`` enables ``POST /api/ingest`` and guards ``/paste``."""
    store = backend.open_store(db_url)
    token = token or None
    settings = settings or WebSettings()
    slots = ExtractionSlots(settings.max_extractions)
    app = FastAPI(
        title="detente", version=__version__,
        description="Dated, sourced records of what states and organisations do to each other.",
        docs_url=None, redoc_url=None,  # their pages load assets from a CDN; the schema is /openapi.json
    )
    app.state.store = store
    app.state.settings = settings
    app.add_middleware(SecurityHeaders)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["db_label"] = db_url.split("@")[-1]  # never show credentials
    templates.env.globals["v"] = __version__  # ?v= on static URLs: a new release is not served stale assets
    templates.env.globals["today"] = views.today  # called: the server may run past midnight
    templates.env.globals["paste_token"] = token is not None
    templates.env.filters["http_url"] = views.http_url
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    # --- errors ------------------------------------------------------------------------------

    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError):
        if request.url.path.startswith("/api/"):
            content: dict[str, Any] = {"detail": exc.message}
            if exc.candidates is not None:
                content["candidates"] = exc.candidates
            return JSONResponse(content, status_code=exc.status, headers=exc.headers)
        return templates.TemplateResponse(
            request, "error.html",
            {"title": _TITLES.get(exc.status, "Error"), "message": exc.message,
             "candidates": exc.candidates or []},
            status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, exc)
        err = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = str(err["loc"][-1]) if err.get("loc") else "request"
        return await _web_error(request, WebError(422, f"bad {where}: {err['msg']}"))

    def actor_id(text: str, on: dt.date | None = None) -> str:
        found = backend.resolve(store, text, on)
        if found is None:
            raise WebError(404, f"unknown actor {text!r}", candidates=backend.candidates(store, text))
        return found

    # --- API -----------------------------------------------------------------------------------

    @app.get("/api/actors", tags=["actors"])
    def api_actors(q: str = Query("", max_length=MAX_NAME, description="name, alias or id"),
                   limit: int = Query(20, ge=1, le=200)) -> list[dict]:
        """Actors matching ``q`` (all actors the store knows when ``q`` is empty)."""
        if q.strip():
            return backend.search_actors(store, q, limit)
        return [{"id": i, "name": i} for i in backend.store_actor_ids(store, limit)]

    @app.get("/api/actors/{actor}", tags=["actors"], responses={404: {"description": "unknown actor, with candidates"}})
    def api_actor(actor: str = PathParam(..., max_length=MAX_NAME)) -> dict:
        """One actor: its KB entry and its dyads ranked by activity."""
        aid = actor_id(actor)
        out = dict(backend.actor(store, aid) or {"id": aid, "name": aid})
        out["dyads"] = backend.dyads(store, aid)
        return out

    @app.get("/api/events", tags=["events"])
    def api_events(
        actor: str | None = Query(None, max_length=MAX_NAME, description="events with this actor as source or target"),
        dyad: str | None = Query(None, max_length=2 * MAX_NAME + 1, pattern=r"^[^,]+,[^,]+$", description="SOURCE,TARGET"),
        type: EventType | None = Query(None, description="PLOVER event type"),
        status: EventStatus | None = Query(None, description="event status"),
        since: str | None = Query(None, pattern=DATE_PATTERN, description="YYYY-MM-DD"),
        until: str | None = Query(None, pattern=DATE_PATTERN, description="YYYY-MM-DD"),
        cursor: int | None = Query(None, ge=0, le=2**62, description="`next_cursor` of the previous page"),
        limit: int = Query(100, ge=1, le=1000),
        country_of_location: str | None = Query(
            None, pattern=r"^[A-Za-z]{3}(,[A-Za-z]{3}){0,19}$",
            description="events that happen in these countries: ISO 3166-1 alpha-3, comma-separated"),
    ) -> dict:
        """Events, oldest id first, a page at a time: pass ``next_cursor`` back as ``cursor``."""
        if type is not None and type not in PLOVER_TYPES:
            raise WebError(422, f"bad type {type!r}: one of {', '.join(PLOVER_TYPES)}")
        if status is not None and status not in STATUSES:
            raise WebError(422, f"bad status {status!r}: one of {', '.join(STATUSES)}")
        d_since, d_until = parse_day(since, "since"), parse_day(until, "until")
        pair = None
        if dyad is not None:
            a, b = (p.strip() for p in dyad.split(",", 1))
            pair = (actor_id(a), actor_id(b))
        aid = actor_id(actor) if actor else None
        places = country_of_location.upper().split(",") if country_of_location else None
        items = backend.events_page(store, actor=aid, dyad=pair, type=type, status=status, since=d_since,
                                    until=d_until, after_id=cursor, limit=limit + 1, location_country=places)
        more = len(items) > limit
        items = items[:limit]
        return {"items": items, "next_cursor": items[-1]["id"] if more and items else None}

    @app.get("/api/status/{a}/{b}", tags=["relations"])
    def api_status(a: str = PathParam(..., max_length=MAX_NAME), b: str = PathParam(..., max_length=MAX_NAME),
                   as_of: str | None = Query(None, pattern=DATE_PATTERN, description="YYYY-MM-DD (default: today)")) -> dict:
        """The state of the directed relation A → B on a date (DESIGN.md status JSON)."""
        day = parse_day(as_of, "as_of") or dt.date.today()
        return backend.status(store, actor_id(a, day), actor_id(b, day), day)

    @app.get("/api/timeline/{a}/{b}", tags=["relations"])
    def api_timeline(a: str = PathParam(..., max_length=MAX_NAME), b: str = PathParam(..., max_length=MAX_NAME),
                     since: str | None = Query(None, pattern=DATE_PATTERN),
                     until: str | None = Query(None, pattern=DATE_PATTERN),
                     all_reports: bool = Query(False, description="every report, not one row per event cluster")) -> list[dict]:
        """Events and state changes between A and B, in date order (one row per event cluster)."""
        return backend.timeline(store, actor_id(a), actor_id(b), parse_day(since, "since"), parse_day(until, "until"),
                                collapse=not all_reports)

    @app.get("/api/brief/{a}/{b}", tags=["relations"])
    def api_brief(a: str = PathParam(..., max_length=MAX_NAME), b: str = PathParam(..., max_length=MAX_NAME),
                  as_of: str | None = Query(None, pattern=DATE_PATTERN)) -> dict:
        """The At-a-Glance brief of A → B: bullets with evidence, what changed."""
        day = parse_day(as_of, "as_of") or dt.date.today()
        return backend.brief(store, actor_id(a, day), actor_id(b, day), day)

    @app.get("/api/stance/{a}/{b}", tags=["relations"])
    def api_stance(a: str = PathParam(..., max_length=MAX_NAME), b: str = PathParam(..., max_length=MAX_NAME),
                   since: str | None = Query(None, pattern=DATE_PATTERN),
                   until: str | None = Query(None, pattern=DATE_PATTERN)) -> list[dict]:
        """Monthly stance of A towards B: [{month, value, events, sources}]."""
        return backend.stance_series(store, actor_id(a), actor_id(b), parse_day(since, "since"),
                                     parse_day(until, "until"))

    @app.get("/api/who", tags=["relations"])
    def api_who(designating: str | None = Query(None, max_length=MAX_NAME, description="who lists this actor"),
                designated_by: str | None = Query(None, max_length=MAX_NAME, description="whom this actor lists"),
                program: str | None = Query(None, max_length=128, description="sanctions programme"),
                hosts_ambassador_of: str | None = Query(None, max_length=MAX_NAME),
                recognising: str | None = Query(None, max_length=MAX_NAME, description="who recognises this actor"),
                as_of: str | None = Query(None, pattern=DATE_PATTERN)) -> list[dict]:
        """Who designates, recognises, hosts the envoy of … an actor, on a date."""
        day = parse_day(as_of, "as_of") or dt.date.today()
        asked = {name: value for name, value in (
            ("designating", designating), ("designated_by", designated_by),
            ("hosts_ambassador_of", hosts_ambassador_of), ("recognising", recognising)) if value}
        if len(asked) != 1:
            raise WebError(422, "give exactly one of designating, designated_by, hosts_ambassador_of, recognising")
        kw: dict[str, Any] = {name: actor_id(value, day) for name, value in asked.items()}
        if program:
            if "designating" not in kw and "designated_by" not in kw:
                raise WebError(422, "program filters designations: use it with designating or designated_by")
            kw["program"] = program
        return backend.who(store, as_of=day, **kw)

    @app.get("/api/articles/{article_id}", tags=["articles"], responses={404: {"description": "no such article"}})
    def api_article(article_id: str = PathParam(..., max_length=MAX_NAME)) -> dict:
        """A stored article with its sentences, events, quotes and mentions."""
        art = backend.article(store, article_id)
        if art is None:
            raise WebError(404, f"no article {article_id!r}")
        return art

    ingest_doc = {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": IngestBody.model_json_schema()},
                "text/plain": {"schema": {"type": "string", "minLength": 1}},
            },
        },
    }

    @app.post("/api/ingest", tags=["articles"], status_code=201, openapi_extra=ingest_doc, responses={
        200: {"description": "already stored"}, 201: {"description": "stored"},
        400: {"description": "unreadable body"}, 401: {"description": "missing or wrong token"},
        403: {"description": "ingest disabled (no token configured)"}, 413: {"description": "body over 1 MB"},
        415: {"description": "not text/plain or application/json"}, 422: {"description": "invalid article"}})
    async def api_ingest(request: Request,
                         title: str | None = Query(None, max_length=1000, description="for text/plain bodies"),
                         published: str | None = Query(None, pattern=DATE_PATTERN, description="for text/plain bodies"),
                         source: str | None = Query(None, max_length=1000, description="for text/plain bodies"),
                         url: str | None = Query(None, max_length=2000, description="for text/plain bodies")):
        """Extract one article and store it (text/plain, or JSON {text, title, published, source, url})."""
        if token is None:
            raise WebError(403, "ingest is disabled: start the server with --token or DETENTE_TOKEN")
        if not _token_matches(_bearer(request), token):
            raise WebError(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype not in ("text/plain", "application/json"):
            raise WebError(415, "send text/plain or application/json")
        raw = await _read_body(request)
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise WebError(400, "body is not UTF-8") from None
        if ctype == "application/json":
            data = _parse_json(body)
            if not isinstance(data, dict):
                raise WebError(422, "expected a JSON object {text, title, published, source, url}")
            try:
                item = IngestBody.model_validate(data)
            except ValidationError as exc:
                err = exc.errors()[0]
                where = ".".join(str(p) for p in err["loc"]) or "body"
                raise WebError(422, f"{where}: {err['msg']}") from None
        else:
            item = IngestBody.model_construct(text=body, title=title, published=published, source=source, url=url)
        text = strip_controls(item.text)  # like every reader (detente.ingest.base.make_article)
        if not text.strip():
            raise WebError(422, "text is empty")
        url = http_url(item.url)
        warnings = [] if url == item.url else [f"url {item.url!r} dropped (only http:// and https:// links are stored)"]
        article = Article.from_text(text, title=_clean(item.title), published=parse_day(item.published, "published"),
                                    source=_clean(item.source), url=url)
        existed = bool(await run_in_threadpool(store.known_ids, [article.id]))
        result = await extract(article)
        if not existed:
            await run_in_threadpool(backend.save, store, result, article)
        return JSONResponse(
            {"detente_version": __version__, "stored": not existed, "articles": [backend.jsonable(result)],
             "warnings": warnings},
            status_code=200 if existed else 201)

    async def extract(article: Article):
        """The pipeline in an extraction slot; 503 with Retry-After when all are taken."""
        try:
            return await slots.run(_extract, article)
        except Busy as exc:
            raise WebError(503, f"busy: {exc}; try again in {RETRY_AFTER} s",
                           headers={"Retry-After": str(RETRY_AFTER)}) from None

    from detente.web import alerts as _alerts

    _alerts.register(app, store, templates, token)  # watches, alerts, changes, /alerts, the Atom feed

    # --- pages ---------------------------------------------------------------------------------

    def page(request: Request, name: str, **ctx: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, ctx)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request):
        return page(request, "index.html", counts=backend.counts(store), dyads=backend.top_dyads(store),
                    recent=backend.articles(store, limit=10))

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, a: str = PathParam(..., max_length=MAX_NAME),
                  b: str = PathParam(..., max_length=MAX_NAME), as_of: str | None = None):
        day = parse_day(as_of, "as_of") or dt.date.today()
        a_id, b_id = actor_id(a, day), actor_id(b, day)
        if (a_id, b_id) != (a, b):  # names in the URL: go to the canonical page
            return RedirectResponse(f"/dyad/{a_id}/{b_id}?as_of={day.isoformat()}", status_code=307)
        status = backend.status(store, a_id, b_id, day)
        timeline = backend.timeline(store, a_id, b_id, None, day)
        series = backend.stance_series(store, a_id, b_id, None, day)
        return page(request, "dyad.html", a=a_id, b=b_id, as_of=day.isoformat(),
                    a_name=views.actor_name(backend.actor(store, a_id), a_id),
                    b_name=views.actor_name(backend.actor(store, b_id), b_id),
                    status=views.status_view(status), timeline=[views.timeline_item(i) for i in timeline],
                    brief=views.brief_view(backend.brief(store, a_id, b_id, day)),
                    stance_data=views.stance_data(series, timeline, a_id),
                    map_data=views.map_points(backend.events(store, dyad=(a_id, b_id), until=day, limit=MAP_EVENTS)))

    @app.get("/actor/{actor}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor: str = PathParam(..., max_length=MAX_NAME)):
        aid = actor_id(actor)
        if aid != actor:
            return RedirectResponse(f"/actor/{aid}", status_code=307)
        today = dt.date.today()
        info = views.actor_view(backend.actor(store, aid, on=today) or {"id": aid}, aid)
        who = [(title, backend.who(store, as_of=today, **{key: aid}))
               for title, key in (("Who lists it", "designating"), ("Who recognises it", "recognising"),
                                  ("Who hosts its ambassador", "hosts_ambassador_of"))]
        lists = views.group_listed(backend.who(store, as_of=today, designated_by=aid))
        return page(request, "actor.html", actor=info, dyads=backend.dyads(store, aid), who=who, lists=lists,
                    as_of=today.isoformat())

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str = PathParam(..., max_length=MAX_NAME), hl: str | None = None):
        art = backend.article(store, article_id)
        if art is None:
            raise WebError(404, f"no article {article_id!r}")
        span = views.parse_hl(hl)
        return page(request, "article.html", article=art, segments=views.segments(art, span),
                    events=[views.event_row(e, art) for e in art.get("events") or []],
                    map_data=views.map_points(art.get("events") or []))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "", type: str = "", status: str = "", since: str = "",
                    until: str = ""):
        d_since, d_until = parse_day(since, "since"), parse_day(until, "until")
        type_ = type if type in PLOVER_TYPES else None
        status_ = status if status in STATUSES else None
        found = backend.search(store, q[:200], type=type_, status=status_, since=d_since, until=d_until,
                               limit=SEARCH_LIMIT)
        return page(request, "search.html", q=q[:200], type=type_, status=status_, since=since, until=until,
                    types=PLOVER_TYPES, statuses=STATUSES, actors=found["actors"], resolved=found["actor"],
                    matched_text=found["matched_text"], articles=found["articles"], more=found["more"],
                    limit=SEARCH_LIMIT, events=[views.event_row(e) for e in found["events"]])

    @app.get("/paste", response_class=HTMLResponse, include_in_schema=False)
    def paste_form(request: Request):
        return page(request, "paste.html", text="", published="", result=None, error=None)

    @app.post("/paste", response_class=HTMLResponse, include_in_schema=False)
    async def paste_run(request: Request):
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            raise WebError(415, "send the form (application/x-www-form-urlencoded)")
        too_big = (f"the pasted text is larger than {settings.max_paste_label}: paste a shorter text "
                   f"(the server's limit is set by detente serve --max-paste-kb)")
        # URL-encoding takes up to 3 bytes a byte, and the form has other fields
        raw = await _read_body(request, 3 * settings.max_paste_bytes + 4096, too_big)
        form = parse_qs(raw.decode("utf-8", errors="replace"))
        text = (form.get("text") or [""])[0]
        published = (form.get("published") or [""])[0]
        if token is not None and not _token_matches((form.get("token") or [""])[0] or _bearer(request), token):
            raise WebError(401, "this server needs its token to run extractions: enter it in the form")
        if len(text.encode("utf-8")) > settings.max_paste_bytes:
            raise WebError(413, too_big)
        ctx: dict[str, Any] = {"text": text, "published": published, "result": None, "error": None}
        try:
            day = parse_day(published, "publication date")
        except WebError as exc:
            ctx["error"] = exc.message
            return templates.TemplateResponse(request, "paste.html", ctx, status_code=422)
        if not text.strip():
            ctx["error"] = "Paste some text first."
            return templates.TemplateResponse(request, "paste.html", ctx, status_code=422)
        result = await extract(Article.from_text(text, published=day))
        ctx["result"] = backend.jsonable(result)
        return templates.TemplateResponse(request, "paste.html", ctx)

    return app


_TITLES = {400: "Bad request", 401: "Not authorised", 403: "Forbidden", 404: "Not found",
           413: "Too large", 415: "Unsupported content type", 422: "Invalid input", 503: "Busy"}


def _extract(article: Article):
    """Run the pipeline; a failure on odd input is the client's 422, never a 500."""
    try:
        return backend.extract(article)
    except Exception as exc:  # the pipeline must not take the server down
        log.exception("extraction failed for article %s", article.id)
        raise WebError(422, f"could not extract events from this text: {type(exc).__name__}") from exc
