"""The input's own id (JSONL ``id``, front matter ``id``, RSS guid) is kept as ``source_id``: in the
article, the extract JSON, the store (Alembic 0004), ``detente article SOURCE_ID`` and the exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from sqlalchemy import create_engine, inspect, text
from typer.testing import CliRunner

from detente import export
from detente.cli import app
from detente.ingest import read_paths
from detente.models import ActorRef, Article, ArticleResult, Event
from detente.store import migrate, open_store, query
from old_stores import old_store

TEXT = "Russia met the Taliban in Moscow."


def _articles(path):
    return [a for a in read_paths([path]) if isinstance(a, Article)]


def test_jsonl_front_matter_and_rss_ids_become_source_ids(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": 42, "text": TEXT}) + "\n" + json.dumps({"text": "No id."}) + "\n")
    (tmp_path / "b.md").write_text("---\nid: story-7\ntitle: T\n---\nSome text.\n")
    (tmp_path / "c.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><guid>urn:w:9</guid>'
        "<description>Feed text.</description></item></channel></rss>")
    assert [a.source_id for a in _articles(tmp_path / "a.jsonl")] == ["42", None]
    assert [a.source_id for a in _articles(tmp_path / "b.md")] == ["story-7"]
    assert [a.source_id for a in _articles(tmp_path / "c.rss")] == ["urn:w:9"]
    assert all(a.id != a.source_id for a in _articles(tmp_path))  # the article id stays the content hash


def test_the_result_dump_carries_source_id_beside_the_hash():
    dumped = ArticleResult(id="0123456789abcdef", source_id="w-1").model_dump(mode="json")
    assert (dumped["id"], dumped["source_id"]) == ("0123456789abcdef", "w-1")


def _store_one(url: str, source_id: str | None = "wire-1"):
    store = open_store(url)
    art = Article.from_text(TEXT, published=dt.date(2025, 4, 25), source="Wire", source_id=source_id)
    ev = Event(type="CONSULT", source=ActorRef(id="RUS", text="Russia"), target=ActorRef(id="TALIBAN", text="the Taliban"),
               date="2025-04-25", date_precision="day", sentence=TEXT, start=0, end=len(TEXT), confidence=0.9, rule="t")
    store.save(ArticleResult(id=art.id, published=art.published, events=[ev]), art)
    return store, art


def test_an_article_is_found_by_its_source_id_in_the_store_and_the_cli(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    store, art = _store_one(url)
    assert query.article(store, "wire-1")["id"] == art.id
    assert query.article(store, art.id)["source_id"] == "wire-1"
    assert query.articles(store)[0]["source_id"] == "wire-1"
    assert query.article(store, "wire-2") is None
    r = CliRunner().invoke(app, ["article", "wire-1", "--db", url, "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["id"] == art.id
    r = CliRunner().invoke(app, ["article", "wire-1", "--db", url])
    assert r.stdout.startswith(f"{art.id}  2025-04-25  Wire  (source id wire-1)\n")


def test_exports_carry_the_source_id(tmp_path):
    store, art = _store_one(f"sqlite:///{tmp_path / 'e.db'}")
    out = io.StringIO()
    export.write_csv(store, out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["article_id"], row["article_source_id"]) == (art.id, "wire-1")
    out = io.StringIO()
    export.write_plover_json(store, out)
    assert json.loads(out.getvalue())["story_source_id"] == "wire-1"


def test_a_version_4_store_gains_the_source_id_column_and_loses_it_on_downgrade(tmp_path):
    from alembic import command

    url = old_store(tmp_path, "0003", 4)  # the store as schema version 4 had it
    engine = create_engine(url)
    assert "source_id" not in {c["name"] for c in inspect(engine).get_columns("articles")}
    engine.dispose()
    store = open_store(url)
    assert migrate.current(store.engine) == migrate.head()
    assert "ix_articles_source_id" in {i["name"] for i in inspect(store.engine).get_indexes("articles")}
    assert query.article(store, "a1")["source_id"] is None
    with store.engine.begin() as conn:
        command.downgrade(migrate.config(conn), "0003")
    assert "source_id" not in {c["name"] for c in inspect(store.engine).get_columns("articles")}


def test_on_postgres_a_version_4_store_is_migrated_and_finds_articles_by_source_id(pg_url):
    engine = create_engine(pg_url)
    migrate.upgrade(engine, "0003")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('schema_version', '4')"))
    engine.dispose()
    store, art = _store_one(pg_url)
    assert migrate.current(store.engine) == migrate.head()
    assert query.article(store, "wire-1")["id"] == art.id
    store.close()


def test_the_web_app_finds_an_article_by_its_source_id_and_shows_it(tmp_path):
    from fastapi.testclient import TestClient

    from detente.web.app import create_app

    url = f"sqlite:///{tmp_path / 'w.db'}"
    store, art = _store_one(url, source_id="wire<1>")
    store.close()
    with TestClient(create_app(url)) as client:
        assert client.get("/api/articles/wire<1>").json()["id"] == art.id
        html = client.get("/article/wire<1>").text
    assert "source id <code>wire&lt;1&gt;</code>" in html
