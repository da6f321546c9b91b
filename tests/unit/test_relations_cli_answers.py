"""Relations commands answer honestly: a missing store is said to be missing (exit 2, nothing
created), an actor neither the KB nor the store knows is an error with close matches, and a
database that belongs to another application is not taken over unless asked."""

from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.models import ArticleResult
from detente.store import StoreError, open_store

from one_event_store import one_event_store


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("args", [["status", "RUS", "TALIBAN"], ["timeline", "RUS", "TALIBAN"],
                                  ["brief", "RUS", "TALIBAN"], ["who", "--designating", "TALIBAN"],
                                  ["chart", "RUS", "TALIBAN"]])
def test_a_missing_store_is_said_to_be_missing_and_not_created(tmp_path, args):
    path = tmp_path / "nothing.db"
    r = run(*args, "--db", path)
    assert r.exit_code == 2, r.output
    assert "no database" in r.output and len(r.output.strip().splitlines()) == 1
    assert not path.exists()


@pytest.fixture
def db(tmp_path):
    return one_event_store(f"sqlite:///{tmp_path / 'rel.db'}")


@pytest.mark.parametrize("name, hint", [("RUSS", "RUS"), ("Narnia", None), ("UKRR", "UKR")])
@pytest.mark.parametrize("cmd", ["status", "timeline", "brief"])
def test_an_actor_neither_the_kb_nor_the_store_knows_is_an_error_with_close_matches(db, cmd, name, hint):
    r = run(cmd, name, "TALIBAN", "--db", db)
    assert r.exit_code == 1, r.output
    assert f"unknown or ambiguous actor {name!r}" in r.output
    if hint:
        assert hint in r.output.split("(candidates:", 1)[1]


def test_who_with_an_unknown_actor_is_an_error(db):
    r = run("who", "--designating", "RUSS", "--db", db)
    assert r.exit_code == 1 and "unknown or ambiguous actor 'RUSS'" in r.output


def test_known_ids_and_names_still_work(db):
    assert run("timeline", "RUS", "TALIBAN", "--db", db).exit_code == 0
    assert run("timeline", "Russia", "the Taliban", "--db", db).exit_code == 0


def _foreign(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers VALUES (1, 'Ada')")
    return path


def test_a_database_of_another_application_is_refused(tmp_path):
    path = _foreign(tmp_path)
    with pytest.raises(StoreError, match="another application"):
        open_store(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["customers"]


def test_ingest_into_a_foreign_database_exits_2_unless_forced(tmp_path, monkeypatch):
    path = _foreign(tmp_path)
    f = tmp_path / "a.txt"
    f.write_text("Russia met the Taliban.\n")
    monkeypatch.setattr("detente.pipeline.extract_articles", lambda arts, kb=None, **kw: (
        ArticleResult(id=a.id) for a in arts))
    monkeypatch.setattr("detente.actors.load_kb", lambda extra=(): None)
    r = run("ingest", f, "--db", path)
    assert r.exit_code == 2 and "another application" in r.output and "--force" in r.output
    r = run("ingest", f, "--db", path, "--force")
    assert r.exit_code == 0, r.output
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM customers").fetchall() == [("Ada",)]
