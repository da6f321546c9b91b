"""Watches, alerts, delistings and the change feed on PostgreSQL and SQLite alike; Alembic 0005 on an
older store keeps its data and dates its changes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from detente import datasets, watch
from detente.relations import state
from detente.store import migrate, open_store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))
from watch_helpers import RUS_FORMAL, report  # noqa: E402

LIST = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="{day}T00:00:00Z"><INDIVIDUALS>{people}</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>
"""
PERSON = ("<INDIVIDUAL><DATAID>{n}</DATAID><FIRST_NAME>PERSON {n}</FIRST_NAME><UN_LIST_TYPE>Taliban</UN_LIST_TYPE>"
          "<REFERENCE_NUMBER>TAi.{n}</REFERENCE_NUMBER><LISTED_ON>2001-01-2{n}</LISTED_ON></INDIVIDUAL>")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'w.db'}"
    return request.getfixturevalue("pg_url")


def _list(tmp_path: Path, day: str, numbers: list[int]) -> Path:
    path = tmp_path / f"list-{day}.xml"
    path.write_text(LIST.format(day=day, people="".join(PERSON.format(n=n) for n in numbers)), encoding="utf-8")
    return path


def test_alerts_delistings_and_changes_on_both_databases(url, tmp_path):
    store = open_store(url)
    recog = watch.add_watch(store, "recognition", target="TALIBAN", values=["formal"])
    delist = watch.add_watch(store, "designation", source="UN", values=["delisted"])
    store.save_many([report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL)])
    store.save_many([report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL)])
    store.save_many([report("Moscow recognised the Taliban on 3 July 2025, officials said.", RUS_FORMAL)])
    (alert,) = watch.alerts(store, watch=recog["id"])
    assert (alert["value_before"], alert["value_after"], len(alert["evidence"])) == ("none", "formal", 2)

    datasets.import_file(store, "un-sc", _list(tmp_path, "2026-01-31", [1, 2]), resolve=lambda e: None)
    counts = datasets.import_file(store, "un-sc", _list(tmp_path, "2026-02-27", [1]), resolve=lambda e: None)
    assert counts["delisted"] == 1
    assert state.status(store, "UN", "UNSC:TAi.2", as_of="2026-03-01")["designation"]["value"] == "delisted"
    (gone,) = watch.alerts(store, watch=delist["id"])
    assert (gone["target"], gone["date"], gone["value_before"]) == ("UNSC:TAi.2", "2026-02-27", "listed")

    page = watch.changes(store, since="2025-01-01", limit=1)
    assert [c["date"] for c in page["items"]] == ["2025-07-03"]
    rest = watch.changes(store, since="2025-01-01", cursor=page["next_cursor"])
    assert [c["date"] for c in rest["items"]] == ["2025-07-03", "2026-02-27"] and rest["next_cursor"] is None
    recorded = watch.changes(store, recorded_since="2000-01-01", limit=2)
    more = watch.changes(store, recorded_since="2000-01-01", cursor=recorded["next_cursor"])
    ids = [c["id"] for c in recorded["items"] + more["items"]]
    assert len(ids) == 5 and len(set(ids)) == 5  # two reports, two listings, one delisting
    assert watch.remove_watch(store, recog["id"]) and watch.alerts(store, watch=recog["id"]) == []
    store.close()


def test_the_migration_keeps_an_older_store_and_dates_its_changes(url):
    engine = create_engine(url)
    migrate.upgrade(engine, "0003")  # a store of schema version 4
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('schema_version', '4')"))
        conn.execute(text("INSERT INTO articles (id, text, ingested_at) VALUES ('a1', 'x', '2026-01-02T03:04:05+00:00')"))
        conn.execute(text("INSERT INTO relation_changes (article_id, idx, source, target, dimension, value, date, "
                          "day_first, confidence) VALUES ('a1', 0, 'RUS', 'TALIBAN', 'recognition', 'formal', "
                          "'2025-07-03', '2025-07-03', 0.9)"))
    engine.dispose()
    store = open_store(url)
    assert migrate.current(store.engine) == migrate.head()
    (change,) = watch.changes(store, recorded_since="2026-01-01")["items"]
    assert change["recorded_at"] == "2026-01-02T03:04:05+00:00" and change["changes_state"]
    assert watch.add_watch(store, "recognition", target="TALIBAN")["id"] == 1
    store.close()
