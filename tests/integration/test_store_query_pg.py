"""The index-friendly queries give the same answers on PostgreSQL as the plain-Python rules."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from detente.relations import stance, state
from detente.store import migrate, open_store, query

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))
from store_query_data import fill, ref_events, ref_stance_series, ref_timeline_events  # noqa: E402

pytestmark = pytest.mark.postgres

FILTERS = [
    {"actor": "RUS"}, {"actor": "ARM", "limit": 5}, {"dyad": ("RUS", "TALIBAN")},
    {"dyad": ("RUS", "TALIBAN"), "directed": True, "limit": 9}, {"dyad": ("ARM", "RUS"), "actor": "ARM"},
    {"actor": "TALIBAN", "since": dt.date(2021, 1, 1), "until": dt.date(2023, 6, 30)},
    {"dyad": ("TALIBAN", "RUS"), "order": "id", "after_id": 40, "limit": 10},
    {"type": ["ACCUSE"], "status": ["occurred", "planned"], "limit": 12}, {},
]


def test_queries_on_postgres_follow_the_rules(pg_url):
    store = open_store(pg_url)
    store.cluster = False
    try:
        rows = fill(store)
        for filters in FILTERS:
            assert [e["id"] for e in query.events(store, **filters)] == ref_events(rows, **filters), filters
        for directed in (False, True):
            got = stance.stance_series(store, "RUS", "TALIBAN", directed=directed)
            want = ref_stance_series(rows, "RUS", "TALIBAN", directed)
            assert [(m["month"], m["events"], m["sources"]) for m in got] == [
                (m["month"], m["events"], m["sources"]) for m in want]
            assert [m["value"] for m in got] == pytest.approx([m["value"] for m in want], abs=0.011)
        items = [it for it in state.timeline(store, "RUS", "TALIBAN", since="2021-01-01") if it["kind"] == "event"]
        assert [(it["date"], it["source"], it["target"], it["type"], it["evidence"]["sentence"]) for it in items] == \
            ref_timeline_events(rows, "RUS", "TALIBAN", since=dt.date(2021, 1, 1))
        assert state.status(store, "RUS", "TALIBAN", "2025-06-30")["stance"]["window"] == "12 months"
    finally:
        store.engine.dispose()


def test_a_version_2_store_on_postgres_is_migrated(pg_url):
    engine = create_engine(pg_url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('schema_version', '2')"))
        conn.execute(text("INSERT INTO articles (id, text, ingested_at) VALUES ('a1', 'x', '2025-01-01')"))
        conn.execute(text(
            "INSERT INTO events (article_id, idx, type, source_country, target_id, status, sentence, start, "
            "\"end\", confidence, rule) VALUES ('a1', 0, 'CONSULT', 'ARM', 'RUS', 'occurred', 's', 0, 1, 0.5, 'r')"))
    engine.dispose()
    store = open_store(pg_url)
    try:
        assert migrate.current(store.engine) == migrate.head()
        assert {"ix_events_key_dyad", "ix_events_key_target", "ix_events_location_country"} <= {
            i["name"] for i in inspect(store.engine).get_indexes("events")}
        assert {"location_name", "location_country", "location_lat", "location_geonames_id"} <= {
            c["name"] for c in inspect(store.engine).get_columns("events")}
        [ev] = query.events(store, dyad=("RUS", "ARM"))
        assert ev["location"] is None and query.events(store, location_country="UKR") == []
    finally:
        store.engine.dispose()


def test_event_locations_on_postgres(pg_url):
    from tests.unit.test_event_locations import MARIUPOL, TEXT, _result

    from detente.models import Article

    store = open_store(pg_url)
    try:
        article = Article.from_text(TEXT, published="2022-03-17", source="Wire")
        assert store.save(_result(article), article)
        [ev] = query.events(store, location_country="UKR")
        assert ev["type"] == "ASSAULT" and ev["location"] == MARIUPOL.model_dump(mode="json")
        assert query.events(store, location_country="RUS") == []
    finally:
        store.engine.dispose()
