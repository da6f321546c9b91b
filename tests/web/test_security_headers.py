"""Security headers on every response, and no inline script for the CSP to refuse (issue 11, item 2).

The browser test that the pages still work under the policy is in test_browser.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from detente.web import views

TEMPLATES = Path(views.__file__).resolve().parent / "templates"

HEADER_URLS = ["/", "/dyad/RUS/TALIBAN", "/actor/TALIBAN", "/search?q=RUS", "/paste", "/api/actors",
               "/api/actors/NOBODY_AT_ALL", "/openapi.json", "/static/style.css", "/no/such/page",
               "/dyad/RUS/TALIBAN?as_of=2010-99-01"]


@pytest.mark.parametrize("url", HEADER_URLS)
def test_every_response_has_security_headers(client, url):
    r = client.get(url)
    csp = r.headers.get("content-security-policy", "")
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert directives.get("script-src") == ["'self'"], csp
    assert directives.get("frame-ancestors") == ["'none'"], csp
    assert directives.get("object-src") == ["'none'"], csp
    assert "'unsafe-inline'" not in directives.get("default-src", [])
    assert r.headers.get("x-content-type-options") == "nosniff"
    assert r.headers.get("x-frame-options") == "DENY"
    assert r.headers.get("referrer-policy")


def test_security_headers_on_posts_and_errors(client):
    r = client.post("/api/ingest", content=b"x", headers={"Content-Type": "text/plain"})
    assert r.status_code == 401 and r.headers.get("x-frame-options") == "DENY"


def test_templates_have_no_inline_script_or_handlers():
    for path in TEMPLATES.glob("*.html"):
        html = path.read_text()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, (path.name, tag)
        assert not re.search(r"\son[a-z]+\s*=", html), path.name
        assert "javascript:" not in html.lower(), path.name
