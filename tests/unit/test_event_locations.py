"""Event locations downstream of extraction: the store (Alembic 0003), queries by the country of
the location, the GDELT-like ActionGeo export columns and ``detente events --country-of-location``."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import create_engine, inspect
from typer.testing import CliRunner

from detente import export
from detente.cli import app
from detente.models import ActorRef, Article, ArticleResult, Event, Location
from detente.store import migrate, open_store, query, schema
from old_stores import add_old_event, old_store

TEXT = "Russian forces shelled a theatre in Mariupol. Russia and Ukraine held talks."
MARIUPOL = Location(name="Mariupol", geonames_id=701822, country="UKR", admin1="Donetsk Oblast",
                    lat=47.09514, lon=37.54131, precision="city", start=36, end=44)


def _result(article: Article) -> ArticleResult:
    rus = ActorRef(id="RUS", country="RUS", sector="MIL", text="Russian forces")
    ukr = ActorRef(id="UKR", country="UKR", sector="GOV", text="Ukraine")
    s1, s2 = TEXT.split(". ")
    return ArticleResult(id=article.id, published=article.published, source="Wire", events=[
        Event(type="ASSAULT", source=rus, target=ukr, location=MARIUPOL, date="2022-03-16", date_precision="day",
              cameo="195", goldstein=-10.0, sentence=s1 + ".", start=0, end=len(s1) + 1, confidence=0.8, rule="r1"),
        Event(type="CONSULT", source=rus, target=ukr, date="2022-03-17", date_precision="day", cameo="040",
              goldstein=1.0, sentence=s2, start=len(s1) + 2, end=len(TEXT), confidence=0.8, rule="r2"),
    ])


@pytest.fixture
def store(tmp_path):
    st = open_store(f"sqlite:///{tmp_path / 'loc.db'}")
    article = Article.from_text(TEXT, published="2022-03-17", source="Wire")
    assert st.save(_result(article), article)
    return st


def test_the_location_is_in_the_event_json_and_round_trips_through_the_store(store):
    d = _result(Article.from_text(TEXT)).events[0].model_dump(mode="json")
    assert d["location"] == MARIUPOL.model_dump(mode="json")
    assert _result(Article.from_text(TEXT)).events[1].model_dump(mode="json")["location"] is None
    evs = query.events(store, order="id")
    assert evs[0]["location"] == MARIUPOL.model_dump(mode="json")
    assert evs[1]["location"] is None


def test_events_by_the_country_of_their_location(store):
    assert [e["type"] for e in query.events(store, location_country="UKR")] == ["ASSAULT"]
    assert [e["type"] for e in query.events(store, location_country=["rus", "ukr"])] == ["ASSAULT"]
    assert query.events(store, location_country="RUS") == []


def test_csv_and_parquet_carry_action_geo_columns(store, tmp_path):
    out = io.StringIO()
    export.write_csv(store, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["ActionGeo_FullName"] == "Mariupol, Donetsk Oblast, Ukraine"
    assert (rows[0]["ActionGeo_CountryCode"], rows[0]["ActionGeo_ADM1Name"], rows[0]["ActionGeo_Type"]) == (
        "UKR", "Donetsk Oblast", "4")
    assert float(rows[0]["ActionGeo_Lat"]) == pytest.approx(47.09514)
    assert float(rows[0]["ActionGeo_Long"]) == pytest.approx(37.54131)
    assert rows[0]["ActionGeo_FeatureID"] == "701822" and rows[0]["ActionGeo_Precision"] == "city"
    assert all(rows[1][c] == "" for c in export.FLAT_COLUMNS if c.startswith("ActionGeo_"))
    pq = pytest.importorskip("pyarrow.parquet")
    export.write_parquet(store, str(tmp_path / "e.parquet"))
    t = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert t[0]["ActionGeo_FeatureID"] == 701822 and t[0]["ActionGeo_Lat"] == pytest.approx(47.09514)
    assert t[1]["ActionGeo_FeatureID"] is None


def test_action_geo_types():
    row = {f"location_{k}": v for k, v in MARIUPOL.model_dump().items()}
    assert export.action_geo(row)["ActionGeo_Type"] == 4
    assert export.action_geo({**row, "location_country": "USA", "location_precision": "province"})["ActionGeo_Type"] == 2
    assert export.action_geo({**row, "location_precision": "country"}) == {
        **export.action_geo({**row, "location_precision": "country"}), "ActionGeo_Type": 1,
        "ActionGeo_FullName": "Ukraine"}


def test_cli_events_country_of_location(store):
    url = str(store.engine.url)
    r = CliRunner().invoke(app, ["events", "--db", url, "--country-of-location", "UKR", "--format", "json"])
    assert r.exit_code == 0, r.output
    evs = json.loads(r.output)
    assert [e["type"] for e in evs] == ["ASSAULT"] and evs[0]["location"]["name"] == "Mariupol"
    r = CliRunner().invoke(app, ["events", "--db", url, "--country-of-location", "RUS", "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.output) == []
    r = CliRunner().invoke(app, ["events", "--db", url, "--country-of-location", "Ukraine", "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert [(x["type"], x["location_country"]) for x in rows] == [("ASSAULT", "UKR")]
    r = CliRunner().invoke(app, ["events", "--db", url, "--country-of-location", "UKR", "--clusters"])
    assert r.exit_code != 0
    r = CliRunner().invoke(app, ["events", "--db", url, "--country-of-location", "UKR", "--format", "md"])
    assert r.exit_code == 0 and "| place |" in r.output and "Mariupol (UKR)" in r.output


def test_a_version_3_store_gains_location_columns(tmp_path):
    url = old_store(tmp_path, "0002", 3, add_old_event)  # the store as schema version 3 had it
    st = open_store(url)
    assert migrate.current(st.engine) == migrate.head()
    cols = {c["name"] for c in inspect(st.engine).get_columns("events")}
    assert {f"location_{n}" for n, _t in schema.LOCATION_COLUMNS} <= cols
    assert "ix_events_location_country" in {i["name"] for i in inspect(st.engine).get_indexes("events")}
    [ev] = query.events(st)
    assert ev["location"] is None and query.events(st, location_country="UKR") == []


def test_the_0003_downgrade_removes_what_it_added(tmp_path):
    from alembic import command

    engine = create_engine(f"sqlite:///{tmp_path / 'd.db'}")
    migrate.upgrade(engine)
    with engine.begin() as conn:
        command.downgrade(migrate.config(conn), "0002")
    cols = {c["name"] for c in inspect(engine).get_columns("events")}
    assert not any(c.startswith("location_") for c in cols)
    migrate.upgrade(engine)
    assert "location_country" in {c["name"] for c in inspect(engine).get_columns("events")}


def test_api_events_by_country_of_location(store):
    from fastapi.testclient import TestClient

    from detente.web.app import create_app

    with TestClient(create_app(str(store.engine.url))) as c:
        r = c.get("/api/events", params={"country_of_location": "ukr"})
        assert r.status_code == 200, r.text
        assert [(e["type"], e["location"]["name"]) for e in r.json()["items"]] == [("ASSAULT", "Mariupol")]
        assert c.get("/api/events", params={"country_of_location": "RUS,FRA"}).json()["items"] == []
        assert c.get("/api/events", params={"country_of_location": "Russia"}).status_code == 422
        assert len(c.get("/api/events").json()["items"]) == 2
