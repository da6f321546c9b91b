"""The web app's security headers, in one place."""

from __future__ import annotations

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
