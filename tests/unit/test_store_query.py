"""Index-friendly queries (schema 3): actor keys, events filters and order, stance and timeline,
checked against plain-Python references over every row, plus the plans SQLite picks."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst
from sqlalchemy import event, inspect, select, text

from detente.relations import stance, state
from detente.relations.sample import add_article, add_event
from detente.store import migrate, open_store, query, schema

from old_stores import add_old_event, old_store
from store_query_data import ACTORS, STATUSES, TYPES, fill, ref_events, ref_stance_series, ref_timeline_events


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('q') / 'q.db'}")
    store.cluster = False
    rows = fill(store)
    yield store, rows
    store.close()


# --------------------------------------------------------------------------- actor keys


def test_actor_keys_are_the_id_else_the_country(filled):
    store, rows = filled
    e = schema.events
    with store.engine.connect() as conn:
        got = {r.id: (r.source_key, r.target_key) for r in conn.execute(select(e.c.id, e.c.source_key, e.c.target_key))}
    for r in rows:
        assert got[r["id"]] == (r["source_id"] or r["source_country"], r["target_id"] or r["target_country"])


def test_a_saved_article_stores_its_keys(tmp_path):
    from detente.models import ActorRef, Article, ArticleResult, Event

    store = open_store(f"sqlite:///{tmp_path / 's.db'}")
    text_ = "The Armenian Prime Minister met Russian officials."
    art = Article.from_text(text_)
    ev = Event(type="CONSULT", source=ActorRef(country="ARM", text="The Armenian Prime Minister"),
               target=ActorRef(id="RUS", country="RUS", text="Russian officials"), status="occurred",
               sentence=text_, start=0, end=len(text_), confidence=0.8, rule="test")
    assert store.save(ArticleResult(id=art.id, events=[ev]), art)
    with store.engine.connect() as conn:
        row = conn.execute(select(schema.events.c.source_key, schema.events.c.target_key)).one()
    assert tuple(row) == ("ARM", "RUS")
    assert [e["source"]["country"] for e in query.events(store, actor="ARM")] == ["ARM"]


# --------------------------------------------------------------------------- query.events


def test_a_dyad_is_both_directions_by_id_or_country(filled):
    store, rows = filled
    got = [e["id"] for e in query.events(store, dyad=("ARM", "RUS"))]
    assert got == ref_events(rows, dyad=("ARM", "RUS"))
    # ARM: a side with id ARM, or with no id and country ARM; never a side with another id
    assert query.events(store, actor="AFG") == []  # AFG only ever comes with the id TALIBAN


def test_undated_events_come_last_and_fill_up_a_limit(filled):
    store, rows = filled
    every = query.events(store, actor="RUS")
    dated = [e for e in every if e["date"] is not None]
    assert every[: len(dated)] == dated and all(e["date"] is None for e in every[len(dated):])
    assert [e["id"] for e in query.events(store, actor="RUS", limit=len(dated) + 2)] == [
        e["id"] for e in every[: len(dated) + 2]]


def test_order_by_id_pages_with_after_id(filled):
    store, rows = filled
    pages, after = [], None
    while page := query.events(store, dyad=("RUS", "TALIBAN"), order="id", after_id=after, limit=7):
        pages.extend(e["id"] for e in page)
        after = page[-1]["id"]
    assert pages == ref_events(rows, dyad=("RUS", "TALIBAN"), order="id")
    with pytest.raises(ValueError, match="bad order"):
        query.events(store, order="newest")


_dates = hst.dates(dt.date(2015, 1, 1), dt.date(2026, 12, 31))
_filters = hst.fixed_dictionaries({}, optional={
    "actor": hst.sampled_from(ACTORS),
    "dyad": hst.tuples(hst.sampled_from(ACTORS), hst.sampled_from(ACTORS)),
    "directed": hst.booleans(),
    "type": hst.lists(hst.sampled_from(TYPES), min_size=1, max_size=2),
    "status": hst.lists(hst.sampled_from(STATUSES), min_size=1, max_size=3),
    "since": _dates, "until": _dates,
    "after_id": hst.integers(0, 240),
    "limit": hst.integers(0, 30),
    "order": hst.sampled_from(query.ORDERS),
})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(filters=_filters)
def test_events_match_the_rules_for_any_filters(filled, filters):
    store, rows = filled
    assert [e["id"] for e in query.events(store, **filters)] == ref_events(rows, **filters)


def _plans(store, fn) -> list[str]:
    """What SQLite does for every statement ``fn`` runs (EXPLAIN QUERY PLAN details)."""
    seen: list[tuple[str, object]] = []

    def grab(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", grab)
    try:
        fn()
    finally:
        event.remove(store.engine, "before_cursor_execute", grab)
    details = []
    with store.engine.connect() as conn:
        for statement, parameters in seen:
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            details.append(" | ".join(r[-1] for r in plan))
    return details


def test_a_dyad_with_a_limit_walks_the_index_in_order(filled):
    store, _ = filled
    plans = _plans(store, lambda: query.events(store, dyad=("RUS", "TALIBAN"), limit=5))
    assert plans and all("ix_events_key_dyad" in p and "TEMP B-TREE" not in p for p in plans)


def test_an_actor_with_a_limit_walks_both_side_indexes_in_order(filled):
    store, _ = filled
    plans = _plans(store, lambda: query.events(store, actor="RUS", limit=5))
    assert plans and not any("TEMP B-TREE" in p for p in plans)
    assert any("ix_events_key_source" in p for p in plans) and any("ix_events_key_target" in p for p in plans)


def test_status_and_timeline_read_the_pair_through_the_key_index(filled):
    store, _ = filled
    plans = _plans(store, lambda: state.status(store, "RUS", "TALIBAN", "2025-06-30"))
    plans += _plans(store, lambda: state.timeline(store, "RUS", "TALIBAN"))
    event_plans = [p for p in plans if "events" in p]
    assert event_plans and all("ix_events_key_dyad" in p for p in event_plans)
    assert not any("SCAN events" in p for p in plans)


# --------------------------------------------------------------------------- stance and timeline


@pytest.mark.parametrize("a, b, directed", [("RUS", "TALIBAN", False), ("RUS", "TALIBAN", True),
                                             ("TALIBAN", "RUS", True), ("UN", "ARM", False)])
def test_stance_series_is_the_monthly_score_of_the_counted_events(filled, a, b, directed):
    store, rows = filled
    got = stance.stance_series(store, a, b, directed=directed)
    want = ref_stance_series(rows, a, b, directed)
    assert [(m["month"], m["events"], m["sources"]) for m in got] == [
        (m["month"], m["events"], m["sources"]) for m in want]
    for g, w in zip(got, want):
        assert (g["value"] is None) == (w["value"] is None)
        if w["value"] is not None:
            assert g["value"] == pytest.approx(w["value"], abs=0.011)  # same up to the last rounding


def test_stance_series_range_lists_empty_months(filled):
    store, rows = filled
    got = stance.stance_series(store, "RUS", "TALIBAN", since="2030-01-01", until="2030-03-31")
    assert got == [{"month": m, "value": None, "events": 0, "sources": 0} for m in ("2030-01", "2030-02", "2030-03")]


def test_status_stance_counts_only_the_window(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    art = add_article(store, "window")
    add_event(store, art, 0, "SUPPORT", "RUS", "TALIBAN", "2025-06-30", goldstein=4.0, confidence=1.0)  # last day
    add_event(store, art, 1, "AGREE", "RUS", "TALIBAN", "2024-07", goldstein=2.0, confidence=1.0)  # first month
    add_event(store, art, 2, "ACCUSE", "RUS", "TALIBAN", "2024-06-30", goldstein=-9.0)  # a day too early
    add_event(store, art, 3, "ACCUSE", "RUS", "TALIBAN", "2025-07-01", goldstein=-9.0)  # after as_of
    assert state.status(store, "RUS", "TALIBAN", "2025-06-30")["stance"] == {
        "value": 3.0, "window": "12 months", "events": 2}


@pytest.mark.parametrize("since, until", [(None, None), ("2022-01-01", None), (None, "2021-06-30"),
                                          ("2020-03-01", "2023-02-28")])
def test_timeline_events_are_the_pair_by_id_in_date_order(filled, since, until):
    store, rows = filled
    items = [it for it in state.timeline(store, "RUS", "TALIBAN", since=since, until=until) if it["kind"] == "event"]
    got = [(it["date"], it["source"], it["target"], it["type"], it["evidence"]["sentence"]) for it in items]
    want = ref_timeline_events(rows, "RUS", "TALIBAN", dt.date.fromisoformat(since) if since else None,
                               dt.date.fromisoformat(until) if until else None)
    assert got == want
    assert all("  " not in it["text"] and "\n" not in it["text"] for it in items)


# --------------------------------------------------------------------------- migration


def test_a_version_2_store_is_migrated_and_its_keys_filled(tmp_path):
    def fill(conn):
        for i, (sid, sc) in enumerate([("RUS", "RUS"), (None, "ARM"), (None, None)]):
            add_old_event(conn, i, sid, sc, "TALIBAN")

    url = old_store(tmp_path, "0001", 2, fill)  # the store as schema version 2 had it
    store = open_store(url)
    assert migrate.current(store.engine) == migrate.head()
    with store.engine.connect() as conn:
        keys = conn.execute(text("SELECT source_key, target_key FROM events ORDER BY idx")).all()
        version = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar_one()
    assert [tuple(k) for k in keys] == [("RUS", "TALIBAN"), ("ARM", "TALIBAN"), (None, "TALIBAN")]
    assert version == str(schema.SCHEMA_VERSION)
    names = {i["name"] for i in inspect(store.engine).get_indexes("events")}
    assert {"ix_events_key_dyad", "ix_events_key_source", "ix_events_key_target"} <= names
    assert [e["source"] for e in query.events(store, dyad=("ARM", "TALIBAN"))] == [
        {"id": None, "country": "ARM", "sector": None, "text": ""}]


def test_queries_leave_the_garbage_collector_as_they_found_it(filled):
    import gc

    store, _ = filled
    assert gc.isenabled()
    query.events(store, actor="RUS")
    state.timeline(store, "RUS", "TALIBAN")
    assert gc.isenabled()
    gc.disable()
    try:
        query.events(store, actor="RUS")
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()
