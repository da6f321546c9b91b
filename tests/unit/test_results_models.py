"""The typed answers (``detente.results``) dump back to exactly the JSON the queries build, so the
CLI and the web API serialise the models without changing a key."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import Article, ArticleResult, RelationChange
from detente.services import briefs as brief_mod
from detente.relations import state
from detente.results import Brief, Status, TimelineItem, WhoRow
from detente.store import open_store
from one_event_store import one_event_store


@pytest.fixture
def store(tmp_path):
    st = open_store(one_event_store(f"sqlite:///{tmp_path / 'r.db'}"))
    text = "Russia accepted a Taliban ambassador in 2024 and suspended the ban in 2025."
    art = Article.from_text(text, published=dt.date(2025, 4, 25))
    changes = [RelationChange(source="RUS", target="TALIBAN", dimension=d, value=v, date=day, date_precision=p,
                              sentence=text, start=0, end=len(text), confidence=0.9, detail=detail)
               for d, v, day, p, detail in (("representation", "ambassador", "2024", "year", {}),
                                            ("designation", "listed", "2003", "year", {"list": "federal list"}),
                                            ("designation", "suspended", "2025-04-17", "day", {}))]
    st.save(ArticleResult(id=art.id, published=art.published, relation_changes=changes), art)
    return st


def test_status_timeline_who_and_brief_round_trip_to_the_same_json(store):
    raw = state.status(store, "RUS", "TALIBAN", dt.date(2025, 4, 25))
    typed = Status.model_validate(raw)
    assert typed.to_json() == raw and typed.designation.value == "suspended"
    assert "note" not in typed.to_json()["designation"] and "detail" not in typed.to_json()["representation"]
    for collapse in (False, True):
        rows = state.timeline(store, "RUS", "TALIBAN", collapse=collapse)
        assert [TimelineItem.model_validate(r).to_json() for r in rows] == rows and rows
    rows = state.who(store, hosts_ambassador_of="TALIBAN", as_of=dt.date(2025, 4, 25))
    assert [WhoRow.model_validate(r).to_json() for r in rows] == rows and rows[0]["source"] == "RUS"
    raw = brief_mod.brief(store, "RUS", "TALIBAN", dt.date(2025, 4, 25))
    assert Brief.model_validate(raw).to_json() == raw


def test_keys_a_query_adds_later_are_kept():
    row = {"source": "RUS", "target": "TALIBAN", "dimension": "representation", "value": "ambassador",
           "outlet": "Example Wire"}
    assert WhoRow.model_validate(row).to_json() == row


def test_stored_events_and_articles_round_trip_to_the_same_json(store):
    from detente.results import StoredArticle, dumps, stored_events
    from detente.store import query

    rows = query.events(store)
    assert dumps(stored_events(rows)) == rows and rows[0]["source"]["id"] == "RUS"
    art = query.article(store, rows[0]["article_id"])
    assert StoredArticle.model_validate(art).to_json() == art
