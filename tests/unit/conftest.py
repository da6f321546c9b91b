"""Fixtures for the unit tests: the packaged actor KB and a mention finder on a date."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(scope="session")
def kb():
    from detente.actors import load_kb

    return load_kb()


@pytest.fixture
def found(nlp, kb):
    """``found(text, on=2024-06-01)``: the actor mentions of a parsed text on a date."""
    from detente.actors import find_mentions

    def run(text, on=dt.date(2024, 6, 1)):
        return find_mentions(nlp(text), kb, on)
    return run


@pytest.fixture
def store(tmp_path):
    """A new, empty SQLite store (a module's own ``store`` fixture wins)."""
    from detente.store import open_store

    st = open_store(f"sqlite:///{tmp_path / 'unit.db'}")
    yield st
    st.close()
