"""Exports: a GDELT-like table, PLOVER JSON and FollowTheMoney Sanction entities from a store."""

from __future__ import annotations

import csv
import io
import json

import pytest

from detente import export
from detente.models import ActorRef, Article, ArticleResult, Event, RelationChange
from detente.store import open_store

TEXT = ("Russia designated the Taliban a terrorist organisation in 2003. "
        "On 17 April 2025 Russia's Supreme Court suspended the ban on the movement.")


def _result(article: Article) -> ArticleResult:
    s1, s2 = TEXT.split(". ", 1)
    rus, tal = ActorRef(id="RUS", country="RUS", sector="GOV", text="Russia"), ActorRef(id="TALIBAN", country="AFG", sector="REB", text="the Taliban")
    ev = [
        Event(type="SANCTION", context=["terrorism"], source=rus, target=tal, date="2003", date_precision="year",
              cameo="172", goldstein=-5.0, sentence=s1 + ".", start=0, end=len(s1) + 1, confidence=0.9, rule="designation.list_add"),
        Event(type="CONCEDE", source=rus, target=tal, date="2025-04-17", date_precision="day", cameo="081",
              goldstein=5.0, sentence=s2, start=len(s1) + 2, end=len(TEXT), confidence=0.8, rule="designation.suspend"),
    ]
    ch = [
        RelationChange(source="RUS", target="TALIBAN", dimension="designation", value="listed", date="2003",
                       date_precision="year", detail={"list": "federal list of terrorist organisations", "authority": "Supreme Court"},
                       sentence=s1 + ".", start=0, end=len(s1) + 1, confidence=0.9, rule="designation.list_add"),
        RelationChange(source="RUS", target="TALIBAN", dimension="designation", value="suspended", date="2025-04-17",
                       date_precision="day", detail={"authority": "Supreme Court"}, sentence=s2, start=len(s1) + 2,
                       end=len(TEXT), confidence=0.8, rule="designation.suspend"),
    ]
    return ArticleResult(id=article.id, title=article.title, published=article.published, source="Test Wire",
                         events=ev, relation_changes=ch)


@pytest.fixture
def store(tmp_path):
    st = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    article = Article.from_text(TEXT, title="Russia and the Taliban", published="2025-04-25", source="Test Wire")
    assert st.save(_result(article), article)
    return st


def test_csv_has_one_row_per_event_with_gdelt_like_columns(store):
    out = io.StringIO()
    assert export.write_csv(store, out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["plover_type"] for r in rows] == ["SANCTION", "CONCEDE"]  # oldest first
    assert rows[0]["source_id"] == "RUS" and rows[0]["target_id"] == "TALIBAN"
    assert rows[0]["date"] == "2003" and rows[0]["date_precision"] == "year" and rows[0]["cameo"] == "172"
    assert rows[0]["news_source"] == "Test Wire" and "designated the Taliban" in rows[0]["sentence"]


def test_parquet_round_trips(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export.write_parquet(store, str(path)) == 2
    table = pq.read_table(path)
    assert table.column_names == export.FLAT_COLUMNS
    assert table.column("plover_type").to_pylist() == ["SANCTION", "CONCEDE"]


def test_plover_json_uses_actor_and_recipient(store):
    out = io.StringIO()
    export.write_plover_json(store, out)
    first = json.loads(out.getvalue().splitlines()[0])
    assert first["event_type"] == "SANCTION" and first["event_context"] == ["terrorism"]
    assert (first["actor"], first["recipient"]) == ("RUS", "TALIBAN")
    assert first["aux_mode"] == "occurred" and first["coder"] == "detente:designation.list_add"


def test_ftm_gives_one_sanction_per_designation_episode(store):
    out = io.StringIO()
    export.write_ftm(store, out)
    entities = [json.loads(line) for line in out.getvalue().splitlines()]
    sanctions = [e for e in entities if e["schema"] == "Sanction"]
    assert len(sanctions) == 1
    props = sanctions[0]["properties"]
    assert props["status"] == ["suspended"]
    assert props["startDate"] == ["2003"] and props["endDate"] == ["2025-04-17"]
    assert props["authority"] == ["Supreme Court"]
    target = next(e for e in entities if e["id"] == props["entity"][0])
    assert target["schema"] == "Organization" and target["properties"]["name"] == ["Taliban"]
    assert all(isinstance(v, list) for e in entities for v in e["properties"].values())  # FtM: lists of strings


def test_ftm_entities_are_valid_followthemoney(store):
    """Every entity and property is known to the FtM model and every value survives its cleaning."""
    ftm = pytest.importorskip("followthemoney", reason="followthemoney not installed (pip install -e '.[dev]')")
    model = ftm.model
    out = io.StringIO()
    export.write_ftm(store, out)
    for line in out.getvalue().splitlines():
        data = json.loads(line)
        schema = model.get(data["schema"])
        assert schema is not None, data["schema"]
        proxy = model.get_proxy(data, cleaned=False)
        for prop, values in data["properties"].items():
            assert schema.get(prop) is not None, f"{data['schema']}.{prop}"
            assert len(proxy.get(prop)) == len(values), f"{data['schema']}.{prop} rejected {values}"
        if data["schema"] == "Sanction":
            assert proxy.get("country") == ["ru"]
