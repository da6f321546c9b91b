"""No request can tie up the server (issue 11, item 3): size limits with a clear 413/422, a token for
/paste, at most N extractions at once (503 with Retry-After), abandoned work bounded, SIGTERM honoured.

Extraction is stubbed; the SIGTERM test runs ``detente serve`` as a subprocess whose extraction never ends.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from detente.cli import app as cli
from detente.web import backend
from detente.web.app import create_app
from detente.web.settings import WebSettings

from .conftest import TOKEN, build_store, fake_extract

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_paste_over_the_limit_is_413(client, stub_extraction):
    r = client.post("/paste", data={"text": "a" * 100_001, "token": TOKEN})
    assert r.status_code == 413
    assert "100 KB" in r.text and "<html" in r.text
    assert client.post("/paste", data={"text": "a" * 99_000, "token": TOKEN}).status_code == 200


def test_paste_limit_is_configurable(store_url, stub_extraction):
    with TestClient(create_app(store_url, settings=WebSettings(max_paste_bytes=1000))) as c:
        assert c.post("/paste", data={"text": "é" * 501}).status_code == 413  # bytes, not characters
        assert c.post("/paste", data={"text": "é" * 499}).status_code == 200


def test_paste_body_far_over_the_limit_is_refused_unread(client):
    r = client.post("/paste", content=b"text=" + b"a" * 2_000_000,
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413


@pytest.mark.parametrize("url", ["/actor/" + "X" * 201, "/dyad/" + "X" * 201 + "/RUS", "/dyad/RUS/" + "Y" * 201,
                                 "/article/" + "a" * 201])
def test_long_names_in_page_urls_are_422_pages(client, url):
    r = client.get(url)
    assert r.status_code == 422
    assert "<html" in r.text and "200 characters" in r.text


@pytest.mark.parametrize("url", ["/api/actors/" + "X" * 201, "/api/status/RUS/" + "X" * 201,
                                 "/api/timeline/" + "X" * 201 + "/RUS", "/api/articles/" + "a" * 201])
def test_long_names_in_api_urls_are_422(client, url):
    r = client.get(url)
    assert r.status_code == 422
    assert "200 characters" in str(r.json()["detail"])


def test_names_up_to_the_limit_are_looked_up(client):
    assert client.get("/api/actors/" + "X" * 200).status_code == 404
    assert client.get("/actor/" + "X" * 200).status_code == 404


def test_paste_needs_the_token_when_one_is_configured(client, stub_extraction):
    assert 'name="token"' in client.get("/paste").text
    r = client.post("/paste", data={"text": "Russia met China."})
    assert r.status_code == 401 and "token" in r.text
    assert client.post("/paste", data={"text": "Russia met China.", "token": "wrong"}).status_code == 401
    assert client.post("/paste", data={"text": "Russia met China.", "token": TOKEN}).status_code == 200
    assert client.post("/paste", data={"text": "Russia met China."}, headers=AUTH).status_code == 200


def test_paste_is_open_without_a_token(store_url, stub_extraction):
    with TestClient(create_app(store_url)) as c:
        assert 'name="token"' not in c.get("/paste").text
        assert c.post("/paste", data={"text": "Russia met China."}).status_code == 200


class Gate:
    """An extraction that waits until released, so tests can hold extraction slots."""

    def __init__(self):
        self.started, self.release = threading.Event(), threading.Event()
        self.running = 0

    def __call__(self, article):
        self.running += 1
        self.started.set()
        assert self.release.wait(30), "gate never released"
        self.running -= 1
        return fake_extract(article)


def test_extractions_over_the_limit_get_503_with_retry_after(fresh_url, monkeypatch):
    gate = Gate()
    monkeypatch.setattr(backend, "extract", gate)
    with TestClient(create_app(fresh_url, token=TOKEN, settings=WebSettings(max_extractions=1))) as c:
        first: dict = {}
        t = threading.Thread(target=lambda: first.update(r=c.post("/api/ingest", json={"text": "One."},
                                                                     headers=AUTH)))
        t.start()
        assert gate.started.wait(10)
        busy = c.post("/api/ingest", json={"text": "Two."}, headers=AUTH)
        assert busy.status_code == 503 and int(busy.headers["retry-after"]) > 0
        assert "extraction" in busy.json()["detail"]
        page = c.post("/paste", data={"text": "Three.", "token": TOKEN})
        assert page.status_code == 503 and page.headers["retry-after"] and "<html" in page.text
        gate.release.set()
        t.join(10)
        assert first["r"].status_code == 201
        assert c.post("/api/ingest", json={"text": "Four."}, headers=AUTH).status_code == 201


def test_default_extraction_limit_is_the_core_count(monkeypatch):
    monkeypatch.delenv("DETENTE_MAX_EXTRACTIONS", raising=False)
    assert WebSettings().max_extractions == (os.cpu_count() or 1)


def test_abandoned_extraction_keeps_its_slot_until_it_ends(fresh_url, monkeypatch):
    """A client that gives up does not free a slot for more work while its extraction still runs."""
    gate = Gate()
    monkeypatch.setattr(backend, "extract", gate)
    app = create_app(fresh_url, token=TOKEN, settings=WebSettings(max_extractions=1))

    async def scenario():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            abandoned = asyncio.create_task(c.post("/api/ingest", json={"text": "One."}, headers=AUTH))
            while not gate.started.is_set():
                await asyncio.sleep(0.01)
            abandoned.cancel()  # the client goes away
            with pytest.raises(asyncio.CancelledError):
                await abandoned
            busy = await c.post("/api/ingest", json={"text": "Two."}, headers=AUTH)
            assert busy.status_code == 503
            gate.release.set()
            for _ in range(500):
                if gate.running == 0:
                    break
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.05)
            again = await c.post("/api/ingest", json={"text": "Three."}, headers=AUTH)
            assert again.status_code == 201

    asyncio.run(scenario())


def test_serve_sets_the_extraction_limit(monkeypatch, store_url):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda web, **kw: calls.append((web, kw)))
    result = CliRunner().invoke(cli, ["serve", "--db", store_url, "--max-extractions", "3"])
    assert result.exit_code == 0, result.output
    assert calls[0][0].state.settings.max_extractions == 3
    monkeypatch.setenv("DETENTE_MAX_EXTRACTIONS", "2")
    result = CliRunner().invoke(cli, ["serve", "--db", store_url])
    assert calls[1][0].state.settings.max_extractions == 2
    result = CliRunner().invoke(cli, ["serve", "--db", store_url, "--max-extractions", "0"])
    assert result.exit_code != 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SLOW_SERVE = """
import os, pathlib, sys, time
import detente.web.backend as backend
def never_ends(article):
    pathlib.Path(os.environ["DETENTE_TEST_MARK"]).touch()
    time.sleep(120)
backend.extract = never_ends
from detente.cli import main
sys.argv = ["detente", *sys.argv[1:]]
main()
"""


def test_sigterm_stops_the_server_during_an_extraction(tmp_path):
    url = f"sqlite:///{tmp_path / 'serve.db'}"
    build_store(url)
    port, mark = free_port(), tmp_path / "extracting"
    env = {**os.environ, "DETENTE_TEST_MARK": str(mark)}
    env.pop("DETENTE_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-c", SLOW_SERVE, "serve", "--db", url, "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # startup under load: wait for it, not a timed assertion
            try:
                with urllib.request.urlopen(base + "/api/actors", timeout=5):
                    break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stderr.read().decode()
                time.sleep(0.1)

        def paste():
            req = urllib.request.Request(base + "/paste", data=b"text=Russia+met+China.", method="POST")
            try:
                urllib.request.urlopen(req, timeout=150).read()
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass  # the server went away: expected

        threading.Thread(target=paste, daemon=True).start()
        for _ in range(600):
            if mark.exists():
                break
            time.sleep(0.05)
        assert mark.exists(), "the extraction never started"
        t0 = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pytest.fail("detente serve still running 20 s after SIGTERM")
        assert time.monotonic() - t0 < 10
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
