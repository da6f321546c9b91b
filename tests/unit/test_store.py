"""The store: atomic, idempotent writes; queries that return the DESIGN.md event JSON; clear errors."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import func, select

from detente.models import ActorRef, Article, ArticleResult, Event, Mention, Quote, RelationChange
from detente.store import StoreError, open_store, query, schema, write
from detente.store.write import date_bounds

D = dt.date
CONTRACT_EVENT_KEYS = {
    "type", "mode", "context", "source", "target", "date", "date_precision", "date_end", "status",
    "cameo", "goldstein", "sentence", "start", "end", "confidence", "rule",
}


def ref(id=None, country=None, sector=None, text="x"):
    return ActorRef(id=id, country=country, sector=sector, text=text)


def make(text: str, events=(), published=D(2025, 4, 25), source="Detente Wire", quotes=(), changes=()):
    art = Article.from_text(text, title=text[:20], published=published, source=source, origin="t.txt")
    res = ArticleResult(
        id=art.id, title=art.title, published=art.published, source=art.source,
        events=list(events), quotes=list(quotes), relation_changes=list(changes),
        sentences=[(0, len(text))],
        mentions=[Mention(start=0, end=6, text=text[:6], id="RUS", country="RUS", sector="GOV")],
    )
    return res, art


def ev(type="CONSULT", src="RUS", tgt="TALIBAN", date=None, precision=None, date_end=None, status="occurred", **kw):
    return Event(
        type=type, source=ref(src, text=src or "someone") if src or kw.get("src_country") else None,
        target=ref(tgt, text=tgt) if tgt else None, date=date, date_precision=precision, date_end=date_end,
        status=status, sentence="Russia met the Taliban.", start=0, end=23, confidence=0.8, rule="test.rule",
        cameo="040", goldstein=1.0, context=["diplomacy"], detail=kw.get("detail", {}),
    )


@pytest.fixture
def store(tmp_path):
    s = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    yield s
    s.close()


def n_rows(store, table, article_id=None):
    stmt = select(func.count()).select_from(table)
    if article_id is not None:
        col = table.c.article_id if "article_id" in table.c else table.c.id
        stmt = stmt.where(col == article_id)
    with store.engine.connect() as conn:
        return conn.execute(stmt).scalar_one()


# -- dates -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("date", "precision", "end", "bounds"),
    [
        ("2025-04-17", "day", None, (D(2025, 4, 17), D(2025, 4, 17))),
        ("2024-02", "month", None, (D(2024, 2, 1), D(2024, 2, 29))),
        ("2003", "year", None, (D(2003, 1, 1), D(2003, 12, 31))),
        ("1990", "decade", None, (D(1990, 1, 1), D(1999, 12, 31))),
        ("2016", "year", "2021", (D(2016, 1, 1), D(2021, 12, 31))),
        ("2024-12", "month", "2025-01-15", (D(2024, 12, 1), D(2025, 1, 15))),
        (None, None, None, (None, None)),
        ("2025-02-31", "day", None, (None, None)),
    ],
)
def test_date_bounds_never_invent_days(date, precision, end, bounds):
    assert date_bounds(date, precision, end) == bounds


# -- writes ------------------------------------------------------------------------------------

def test_save_writes_every_table_once(store):
    res, art = make(
        "Russia met the Taliban. “We talk,” he said.",
        events=[ev(date="2025-04", precision="month")],
        quotes=[Quote(speaker="Lavrov", text="We talk", start=25, end=32)],
        changes=[RelationChange(source="RUS", target="TALIBAN", dimension="representation", value="ambassador",
                                date="2025-04", date_precision="month", sentence="s", start=0, end=23, confidence=0.9)],
    )
    assert store.save(res, art) is True
    for table in (schema.articles, schema.sentences, schema.mentions, schema.events, schema.quotes, schema.relation_changes):
        assert n_rows(store, table, art.id) == 1, table.name
    with store.engine.connect() as conn:
        row = conn.execute(select(schema.events.c.day_first, schema.events.c.day_last)).one()
        change = conn.execute(select(schema.relation_changes.c.day_first, schema.relation_changes.c.day_last)).one()
    assert tuple(row) == (D(2025, 4, 1), D(2025, 4, 30)) == tuple(change)


def test_re_saving_an_article_writes_nothing(store):
    res, art = make("Russia met the Taliban.", events=[ev()])
    assert store.save(res, art) is True
    before = query.counts(store)
    assert store.save(res, art) is False
    assert store.save_many([(res, art), (res, art)]) == [False, False]
    assert query.counts(store) == before == {"articles": 1, "events": 1, "quotes": 0, "relation_changes": 0, "actors": 2}


def test_save_many_in_batches_reports_each_article(store):
    pairs = [make(f"Article number {i}.", events=[ev()]) for i in range(7)]
    assert store.save_many(pairs[:3], batch=2) == [True, True, True]
    assert store.save_many(pairs + [pairs[6]], batch=3) == [False] * 3 + [True] * 4 + [False]
    assert query.counts(store)["articles"] == 7
    assert store.known_ids([p[1].id for p in pairs[:2]] + ["0000000000000000"]) == {pairs[0][1].id, pairs[1][1].id}


def test_a_failure_mid_article_leaves_nothing_of_it(store, monkeypatch):
    ok = make("First article.", events=[ev()])
    bad = make("Second article.", events=[ev()], quotes=[Quote(text="q", start=0, end=1)])
    real = write.insert_rows

    def failing(conn, table, rows):
        if table is schema.quotes and rows:  # only the second article has quotes
            raise RuntimeError("disk on fire")
        real(conn, table, rows)

    monkeypatch.setattr(write, "insert_rows", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.save_many([ok, bad], batch=10)
    # the article before it in the batch is kept; nothing of the failed one is
    assert store.known_ids([ok[1].id, bad[1].id]) == {ok[1].id}
    for table in (schema.articles, schema.sentences, schema.mentions, schema.events, schema.quotes):
        assert n_rows(store, table, bad[1].id) == 0, table.name
    monkeypatch.setattr(write, "insert_rows", real)
    assert store.save(*bad) is True  # and it can be saved later


def test_result_must_belong_to_its_article(store):
    res, _ = make("One.")
    _, other = make("Two.")
    with pytest.raises(ValueError, match="is not the extraction of article"):
        store.save(res, other)


# -- queries -----------------------------------------------------------------------------------

@pytest.fixture
def filled(store):
    a = make("Article A.", published=D(2025, 4, 25), source="Detente Wire", events=[
        ev("SANCTION", "RUS", "TALIBAN", "2003", "year"),
        ev("CONSULT", "RUS", "TALIBAN", "2016", "year", date_end="2021", status="ongoing"),
        ev("AGREE", "TALIBAN", "RUS", "2025-04-17", "day"),
        ev("CONSULT", "CHN", "TALIBAN", None, None),
    ])
    b = make("Article B.", published=D(2024, 1, 30), source="Pacific Rim Dispatch", events=[
        ev("COOPERATE", "CHN", "TALIBAN", "2024-01", "month", status="planned"),
        Event(type="CONSULT", source=ActorRef(country="ARM", sector="GOV", text="Armenian Prime Minister"),
              target=ActorRef(id="RUS", text="Moscow"), date="2024-01-20", date_precision="day",
              sentence="s", start=0, end=1, confidence=0.5, rule="r"),
    ])
    store.save_many([a, b])
    return store, a[1], b[1]


def kinds(evs):
    return [(e["type"], e["source"]["id"] if e["source"] else None, e["date"]) for e in evs]


def test_events_are_the_contract_json_plus_store_fields(filled):
    store, a, _ = filled
    first = query.events(store, limit=1)[0]
    assert CONTRACT_EVENT_KEYS <= set(first)
    assert {"id", "article_id", "published", "source_name"} <= set(first)
    assert first["article_id"] == a.id and first["published"] == "2025-04-25" and first["source_name"] == "Detente Wire"
    assert first["source"] == {"id": "RUS", "country": None, "sector": None, "text": "RUS"}
    assert first["context"] == ["diplomacy"]


def test_events_ordered_by_first_day_undated_last(filled):
    store, *_ = filled
    assert [e["date"] for e in query.events(store)] == ["2003", "2016", "2024-01", "2024-01-20", "2025-04-17", None]


def test_events_by_actor_either_side_and_by_country_when_no_id(filled):
    store, *_ = filled
    assert len(query.events(store, actor="TALIBAN")) == 5
    assert kinds(query.events(store, actor="ARM")) == [("CONSULT", None, "2024-01-20")]


def test_events_by_dyad_either_direction_or_directed(filled):
    store, *_ = filled
    assert len(query.events(store, dyad=("TALIBAN", "RUS"))) == 3
    assert kinds(query.events(store, dyad=("TALIBAN", "RUS"), directed=True)) == [("AGREE", "TALIBAN", "2025-04-17")]


def test_events_by_type_and_status(filled):
    store, *_ = filled
    assert kinds(query.events(store, type="sanction")) == [("SANCTION", "RUS", "2003")]
    assert [e["status"] for e in query.events(store, status=["planned", "ongoing"])] == ["ongoing", "planned"]


def test_date_filters_use_the_whole_span_of_a_date(filled):
    store, *_ = filled
    # "2016 to 2021" overlaps 2020; "2003" does not; undated events never match a date filter
    assert [e["date"] for e in query.events(store, since=D(2020, 6, 1), until="2020-06-30")] == ["2016"]
    assert [e["date"] for e in query.events(store, since="2024-01-25")] == ["2024-01", "2025-04-17"]
    assert [e["date"] for e in query.events(store, until="2003-01-01")] == ["2003"]
    with pytest.raises(ValueError, match="bad since date"):
        query.events(store, since="2024-13-01")


def test_after_id_and_limit(filled):
    store, *_ = filled
    ids = [e["id"] for e in query.events(store)]
    newer = query.events(store, after_id=sorted(ids)[2])
    assert sorted(e["id"] for e in newer) == sorted(ids)[3:]
    assert len(query.events(store, limit=2)) == 2


def test_article_with_everything(filled):
    store, a, _ = filled
    got = query.article(store, a.id)
    assert (got["id"], got["title"], got["published"], got["source"], got["text"]) == (
        a.id, a.title, "2025-04-25", "Detente Wire", "Article A.")
    assert got["sentences"] == [{"idx": 0, "start": 0, "end": 10}]
    assert [e["type"] for e in got["events"]] == ["SANCTION", "CONSULT", "AGREE", "CONSULT"]
    assert got["mentions"][0]["id"] == "RUS" and got["quotes"] == [] and got["relation_changes"] == []
    assert query.article(store, "ffffffffffffffff") is None


def test_articles_newest_first_without_text_and_searchable(filled):
    store, a, b = filled
    listed = query.articles(store)
    assert [x["id"] for x in listed] == [a.id, b.id]
    assert "text" not in listed[0] and listed[0]["n_events"] == 4 and listed[1]["n_events"] == 2
    assert [x["id"] for x in query.articles(store, q="article b")] == [b.id]
    assert query.articles(store, q="nothing like this") == []
    assert len(query.articles(store, limit=1)) == 1


def test_counts(filled):
    store, *_ = filled
    assert query.counts(store) == {"articles": 2, "events": 6, "quotes": 0, "relation_changes": 0, "actors": 3}


# -- errors ------------------------------------------------------------------------------------

def test_locked_database_is_one_clear_error(tmp_path):
    path = tmp_path / "locked.db"
    url = f"sqlite:///{path}?timeout=0.1"
    open_store(url).close()
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as err:
            open_store(url).save(*make("Blocked."))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert str(err.value).startswith(f"{url}: database is locked")
    assert "\n" not in str(err.value)


def test_opening_a_missing_database_without_create(tmp_path):
    url = f"sqlite:///{tmp_path / 'none.db'}"
    with pytest.raises(StoreError, match="no database there"):
        open_store(url, create=False)
    assert not (tmp_path / "none.db").exists()


def test_database_in_a_missing_folder(tmp_path):
    with pytest.raises(StoreError, match="folder .* does not exist"):
        open_store(f"sqlite:///{tmp_path / 'no' / 'such' / 'x.db'}")


def test_not_a_database(tmp_path):
    path = tmp_path / "text.db"
    path.write_text("this is not SQLite at all, just some text that is long enough to be a header" * 20)
    with pytest.raises(StoreError, match="not an SQLite database"):
        open_store(f"sqlite:///{path}")


def test_schema_version_mismatch(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = open_store(url)
    with store.engine.begin() as conn:
        conn.execute(schema.meta.update().values(value="1"))
    store.close()
    with pytest.raises(StoreError, match=f"schema version 1, this detente needs {schema.SCHEMA_VERSION}"):
        open_store(url)


def test_sqlite_runs_in_wal_mode(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


@pytest.mark.postgres
def test_the_same_writes_and_queries_on_postgres(pg_url, monkeypatch):
    store = open_store(pg_url)
    try:
        a = make("Article A.", events=[ev("SANCTION", "RUS", "TALIBAN", "2003", "year"), ev(date=None)],
                 quotes=[Quote(text="q", start=0, end=1)])
        b = make("Article B.", published=D(2024, 1, 30), events=[ev("AGREE", "TALIBAN", "RUS", "2024-01", "month")])
        assert store.save_many([a, b, a]) == [True, True, False]
        assert store.save(*a) is False
        assert [e["date"] for e in query.events(store, dyad=("RUS", "TALIBAN"))] == ["2003", "2024-01", None]
        assert [e["date"] for e in query.events(store, since="2024-01-31")] == ["2024-01"]
        assert [x["id"] for x in query.articles(store, q="ARTICLE B")] == [b[1].id]
        assert query.article(store, a[1].id)["quotes"][0]["text"] == "q"
        assert query.counts(store) == {"articles": 2, "events": 3, "quotes": 1, "relation_changes": 0, "actors": 2}

        bad = make("Article C.", events=[ev()], quotes=[Quote(text="q", start=0, end=1)])
        real = write.insert_rows

        def failing(conn, table, rows):
            if table is schema.quotes and rows:
                raise RuntimeError("boom")
            real(conn, table, rows)

        monkeypatch.setattr(write, "insert_rows", failing)
        with pytest.raises(RuntimeError):
            store.save(*bad)
        assert store.known_ids([bad[1].id]) == set() and query.counts(store)["events"] == 3
    finally:
        store.close()
