"""Shared fixtures: the spaCy model once per session, a PostgreSQL URL when a server is up."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "examples" / "corpus"
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="session", autouse=True)
def gazetteer_index():
    """Build the gazetteer's SQLite index (detente.gazetteer) once, before any test: otherwise the
    first extraction builds it (~25 s, once per machine), inside whichever test — or server, or
    subprocess — happens to come first."""
    from detente.gazetteer import get_gazetteer

    return get_gazetteer().path


@pytest.fixture(scope="session")
def nlp():
    from detente.nlp import get_nlp

    return get_nlp()


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database on the test server (``DETENTE_TEST_PG``), dropped after.

    ``.ci/run`` starts the server with ``scripts/pg-test-server.sh``; elsewhere the tests skip
    with the reason printed.
    """
    base = os.environ.get("DETENTE_TEST_PG")
    if not base:
        pytest.skip("no PostgreSQL test server: run `eval \"$(scripts/pg-test-server.sh start)\"`")
    from sqlalchemy import create_engine, text

    name = f"detente_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # pragma: no cover - environment problem
        pytest.skip(f"PostgreSQL test server not reachable: {exc}")
    url = base.rsplit("/", 1)[0] + "/" + name
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
