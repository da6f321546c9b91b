"""The brief and the collapsed timeline read like an analyst's notes: one row per reported event,
plans worded as plans, what changed is a transition, publication dates marked as such."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from detente import render
from detente.relations import brief as br
from detente.relations import state, wording
from detente.services import briefs
from detente.relations.sample import add_article, add_change, add_event
from detente.store import schema

EXPEL = "Canada expelled six Indian diplomats on Monday."
EXPEL_2 = "India and Canada each expelled six diplomats on Monday."
EXPEL_3 = "Ottawa expelled India's envoy and five colleagues."


@pytest.fixture
def expulsions(store):
    """One expulsion reported by three articles (one dated only by its publication date)."""
    arts = [add_article(store, s, published=p) for s, p in
            ((EXPEL, "2024-10-14"), (EXPEL_2, "2024-10-14"), (EXPEL_3, "2024-10-15"))]
    for art, sent, date in zip(arts, (EXPEL, EXPEL_2, EXPEL_3), ("2024-10-14", "2024-10-14", "2024-10-15")):
        add_event(store, art, 0, "SANCTION", "CAN", "IND", date, goldstein=-7.0, sentence=sent,
                  start=0, end=len(sent), cluster_id=1, mode="expel")
        add_change(store, "CAN", "IND", "representation", "expelled", date, article=art, sentence=sent,
                   start=0, end=len(sent))
    with store.engine.begin() as conn:
        conn.execute(update(schema.events).where(schema.events.c.article_id == arts[2])
                     .values(detail={"date_from": "published"}))
    return store, arts


def test_three_reports_of_one_expulsion_are_one_row_each_in_the_collapsed_timeline(expulsions):
    store, arts = expulsions
    items = state.timeline(store, "CAN", "IND", collapse=True)
    assert [(it["kind"], it["date"], it["reports"]) for it in items] == [
        ("change", "2024-10-14", 3), ("event", "2024-10-14", 3)]
    assert all(it["text"].endswith("(3 reports)") for it in items)
    event = items[1]
    assert event["evidence"]["article"] == arts[0]  # dated from the text, earliest
    assert {e["article"] for e in event["also"]} == set(arts[1:])


def test_the_uncollapsed_timeline_keeps_every_report_and_marks_publication_dates(expulsions):
    store, arts = expulsions
    items = state.timeline(store, "CAN", "IND")
    assert len(items) == 6 and all(it["reports"] == 1 and it["cluster_id"] in (1, None) for it in items)
    late = [it for it in items if it["evidence"]["article"] == arts[2]]
    assert {it["date_from"] for it in late} == {"published"}
    change = next(it for it in late if it["kind"] == "change")
    assert change["text"] == "CAN expelled envoys of IND (reported on 2024-10-15)"  # no names given: ids


def test_brief_shows_the_cluster_once_and_names_actors_as_in_running_text(expulsions):
    store, _ = expulsions
    b = briefs.brief(store, "CAN", "IND", "2024-12-01")
    assert b["what_changed"] == "Canada expelled envoys of India on 2024-10-14 (before: no representation)."
    assert [it["kind"] for it in b["timeline"]] == ["change"]  # the event says what the change says
    md = render.brief_markdown(b)
    assert "(3 reports)" in md and md.startswith("# Canada → India")
    assert sum("SANCTION" in bl["text"] for bl in b["bullets"]) == 0  # already said by the state bullet


def test_brief_cites_outlet_date_and_title_and_keeps_the_article_id_for_json(store):
    text = "Canada expelled six Indian diplomats on Monday."
    art = add_article(store, text, published="2024-10-14", title="Canada expels Indian diplomats")
    add_change(store, "CAN", "IND", "representation", "expelled", "2024-10-14", article=art, sentence=text,
               start=0, end=len(text))
    b = briefs.brief(store, "CAN", "IND", "2024-12-01")
    md = render.brief_markdown(b)
    assert "test, 2024-10-14, “Canada expels Indian diplomats”" in md  # the sample's outlet is "test"
    assert art not in md
    assert b["timeline"][0]["evidence"]["article"] == art
    assert b["timeline"][0]["evidence"]["title"] == "Canada expels Indian diplomats"


@pytest.fixture
def russia_taliban(store):
    listed = "Russia designated the Taliban a terrorist organisation in 2003."
    suspended = "On April 17 the Supreme Court suspended the ban on the Taliban."
    later = "Two weeks after the court suspended the ban, officials talk openly."
    ambassador = "Russia will accept an ambassador appointed by the Taliban."
    a1 = add_article(store, f"{listed} {suspended}", published="2025-04-25")
    a2 = add_article(store, f"{later} {ambassador}", published="2025-05-02")
    add_change(store, "RUS", "TALIBAN", "designation", "listed", "2003", article=a1, sentence=listed)
    add_change(store, "RUS", "TALIBAN", "designation", "suspended", "2025-04-17", article=a1, idx=1,
               sentence=suspended)
    add_change(store, "RUS", "TALIBAN", "designation", "suspended", "2025-05-02", article=a2, sentence=later)
    add_change(store, "RUS", "TALIBAN", "representation", "ambassador", "2025-04-25", article=a2, idx=1,
               sentence=ambassador, detail={"event_status": "planned"})
    return store


def test_a_planned_ambassador_is_not_stated_as_received(russia_taliban):
    b = briefs.brief(russia_taliban, "RUS", "TALIBAN", "2025-06-01")
    texts = [bl["text"] for bl in b["bullets"]]
    assert "Planned: Russia receives an ambassador of the Taliban (announced 2025-04-25)." in texts
    assert "Russia has suspended its listing of the Taliban (since 2025-04-17)." in texts
    assert not any(t.startswith("Russia receives") for t in texts)


def test_what_changed_is_the_latest_transition_not_the_latest_report(russia_taliban):
    changes = state.load_changes(russia_taliban, "RUS", "TALIBAN")
    designation_only = [c for c in changes if c.dimension == "designation"]
    names = {"RUS": "Russia", "TALIBAN": "the Taliban"}
    got = br.what_changed(designation_only, [("RUS", "TALIBAN")], state.parse_as_of("2025-06-01"), names)
    assert got == "Russia suspended its listing of the Taliban on 2025-04-17 (before: listed)."
    assert br.what_changed(designation_only, [("RUS", "TALIBAN")], state.parse_as_of("2010-01-01"),
                           names) == "Russia listed the Taliban in 2003 (before: not listed)."


def test_possessives_of_plural_names_and_short_names():
    names = {"USA": "the United States", "CUB": "Cuba"}
    assert wording.fill("{source}'s view of {target}'s government", "USA", "CUB", {}, names) == \
        "the United States' view of Cuba's government"
    assert wording.short_names()["TALIBAN"] == "the Taliban"
