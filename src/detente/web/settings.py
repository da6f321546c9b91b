"""The web app's limits and security headers, in one place (``detente serve`` options and environment)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

MAX_NAME = 200  # characters in a path parameter (an actor name or id, an article id)
MAX_BODY = 1_000_000  # bytes of a POST /api/ingest body
MAX_PASTE_BYTES = 100_000  # bytes (UTF-8) of text pasted into /paste, unless configured
RETRY_AFTER = 5  # seconds, in the Retry-After of a 503 when every extraction slot is taken
SHUTDOWN_GRACE = 3  # seconds that running requests get after SIGTERM before they are cancelled

#: On every response. No inline script or style anywhere: the JS lives in /static, and data for it
#: travels in ``<script type="application/json">`` blocks, which are never executed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "; ".join((
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'")),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def default_extractions() -> int:
    """``DETENTE_MAX_EXTRACTIONS``, else the number of cores."""
    value = os.environ.get("DETENTE_MAX_EXTRACTIONS", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else (os.cpu_count() or 1)


@dataclass(frozen=True)
class WebSettings:
    """What a server allows a request: ``max_paste_bytes`` of pasted text (UTF-8), ``max_extractions``
    extractions at once (the rest get 503 with ``Retry-After``)."""

    max_paste_bytes: int = MAX_PASTE_BYTES
    max_extractions: int = field(default_factory=default_extractions)

    def __post_init__(self) -> None:
        if self.max_paste_bytes < 1 or self.max_extractions < 1:
            raise ValueError("max_paste_bytes and max_extractions must be at least 1")

    @property
    def max_paste_label(self) -> str:
        kb = self.max_paste_bytes / 1000
        return f"{kb:g} KB" if kb >= 1 else f"{self.max_paste_bytes} bytes"
