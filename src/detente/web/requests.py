"""Reading a request: dates, bodies, bearer tokens, JSON, and the error every route answers with.

Shared by the routes of :mod:`detente.web.app` and :mod:`detente.web.alerts`.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from typing import Any

from fastapi import Request

from detente.web.settings import MAX_BODY

MIN_DAY, MAX_DAY = dt.date(1000, 1, 1), dt.date(2999, 12, 31)  # beyond: nonsense, and month arithmetic overflows


class WebError(Exception):
    """An error answered as JSON under /api and as the error page elsewhere."""

    def __init__(self, status: int, message: str, candidates: list[str] | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.candidates, self.headers = status, message, candidates, headers


def parse_day(value: str | None, name: str) -> dt.date | None:
    """A YYYY-MM-DD parameter, or a 422 naming it."""
    if value is None or value == "":
        return None
    try:
        day = dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise WebError(422, f"bad {name} {value!r}: expected a date YYYY-MM-DD")
    if not MIN_DAY <= day <= MAX_DAY:
        raise WebError(422, f"bad {name} {value!r}: expected a date from {MIN_DAY} to {MAX_DAY}")
    return day


def _read_body_limit(request: Request, limit: int, too_big: str) -> None:
    length = request.headers.get("content-length")
    if length is not None:
        try:
            over = int(length) > limit
        except ValueError:
            raise WebError(400, "bad Content-Length header") from None
        if over:
            raise WebError(413, too_big)


async def _read_body(request: Request, limit: int = MAX_BODY, too_big: str = f"request body larger than {MAX_BODY} bytes") -> bytes:
    """The body, or a 413 (``too_big``) as soon as it is known to be over ``limit`` bytes."""
    _read_body_limit(request, limit, too_big)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise WebError(413, too_big)
        chunks.append(chunk)
    return b"".join(chunks)


def _bearer(request: Request) -> str:
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return given.strip() if scheme.lower() == "bearer" else ""


def _token_matches(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode(), token.encode())


def _parse_json(body: str) -> Any:
    """JSON, or a 400 that says why (nesting too deep, a number too long, bad syntax): never a 500."""
    try:
        return json.loads(body)
    except json.JSONDecodeError as exc:
        raise WebError(400, f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise WebError(400, "invalid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise WebError(400, f"invalid JSON: {exc}") from None
