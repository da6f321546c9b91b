"""``detente serve``: options reach uvicorn; loopback by default; the token from the environment."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from detente.cli import app


@pytest.fixture
def runs(monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda web, **kw: calls.append((web, kw)))
    return calls


def test_serve_binds_loopback_by_default(runs, store_url, monkeypatch):
    monkeypatch.delenv("DETENTE_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", store_url])
    assert result.exit_code == 0, result.output
    web, kw = runs[0]
    assert (kw["host"], kw["port"]) == ("127.0.0.1", 8000)
    assert "ingest disabled" in result.output


def test_serve_takes_token_from_environment(runs, store_url, monkeypatch):
    from fastapi.testclient import TestClient

    monkeypatch.setenv("DETENTE_TOKEN", "from-env")
    result = CliRunner().invoke(app, ["serve", "--db", store_url, "--port", "8123"])
    assert result.exit_code == 0, result.output
    web, kw = runs[0]
    assert kw["port"] == 8123
    with TestClient(web) as c:
        r = c.post("/api/ingest", content=b"", headers={"Content-Type": "text/plain",
                                                          "Authorization": "Bearer from-env"})
        assert r.status_code == 422  # authorised, then refused for the empty text


def test_serve_reports_an_unusable_database(runs, tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", "nosuchdriver://x/y"])
    assert result.exit_code != 0
    assert "error" in result.output and not runs
