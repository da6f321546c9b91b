"""Relation state over time, from hand-made rows: the Russia–Taliban story and its edge cases."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from detente.relations import state
from detente.relations.sample import add_article, add_change, add_event
from detente.relations.state import Change, compute_status, parse_as_of
from detente.store import open_store

LISTED = "Russia designated the Taliban a terrorist organisation in 2003."
SUSPENDED = "On April 17 the Supreme Court suspended the ban on the Taliban."
AMBASSADOR = "Russia will accept an ambassador appointed by the Taliban."
NOT_RECOGNISED = "Russia has not formally recognised the Taliban government."


@pytest.fixture
def russia_taliban(store):
    a1 = add_article(store, LISTED + " " + SUSPENDED, published="2025-04-25")
    a2 = add_article(store, AMBASSADOR + " " + NOT_RECOGNISED, published="2025-04-25")
    add_change(store, "RUS", "TALIBAN", "designation", "listed", "2003", article=a1, sentence=LISTED,
               start=0, end=len(LISTED), detail={"list": "federal list of terrorist organizations",
                                                  "authority": "Supreme Court"})
    add_change(store, "RUS", "TALIBAN", "designation", "suspended", "2025-04-17", article=a1, idx=1,
               sentence=SUSPENDED, start=len(LISTED) + 1, end=len(LISTED) + 1 + len(SUSPENDED))
    add_change(store, "RUS", "TALIBAN", "representation", "ambassador", "2025-04-25", article=a2,
               sentence=AMBASSADOR, detail={"event_status": "planned"})
    add_change(store, "RUS", "TALIBAN", "recognition", "none", "2025-04-25", article=a2, idx=1,
               sentence=NOT_RECOGNISED, detail={"negated": "formal"})
    add_change(store, "RUS", "TALIBAN", "agreements", "enabled", "2025-04-25", article=a2, idx=2,
               sentence="The move lets Russia sign deals for oil products, wheat and flour.",
               detail={"kind": "trade", "subjects": ["wheat", "oil products", "flour"]})
    return store


def test_listed_in_2003_is_listed_in_2010_with_its_evidence(russia_taliban):
    st = state.status(russia_taliban, "RUS", "TALIBAN", as_of="2010-01-01")
    des = st["designation"]
    assert des["value"] == "listed"
    assert (des["since"], des["since_precision"]) == ("2003", "year")
    assert [e["sentence"] for e in des["evidence"]] == [LISTED]
    assert des["detail"] == {"list": "federal list of terrorist organizations", "authority": "Supreme Court"}
    assert "note" not in des


def test_suspension_of_2025_04_17_holds_a_week_later(russia_taliban):
    st = state.status(russia_taliban, "RUS", "TALIBAN", as_of="2025-04-25")
    assert st["designation"]["value"] == "suspended"
    assert st["designation"]["since"] == "2025-04-17"
    assert st["designation"]["since_precision"] == "day"
    assert st["designation"]["evidence"][0]["start"] == len(LISTED) + 1
    assert st["representation"]["value"] == "ambassador"
    # a denial observes the value on its date; it did not start it
    assert st["recognition"] == {"value": "none", "since": None, "since_precision": None,
                                 "evidence": [st["recognition"]["evidence"][0]]}
    assert st["recognition"]["evidence"][0]["sentence"] == NOT_RECOGNISED
    assert st["agreements"] == [{"subjects": ["flour", "oil products", "wheat"], "kind": "trade",
                                 "status": "enabled", "since": "2025-04-25",
                                 "evidence": st["agreements"][0]["evidence"]}]
    assert st["conflicts"] == []


def test_before_any_change_the_values_are_none_with_null_since(russia_taliban):
    st = state.status(russia_taliban, "RUS", "TALIBAN", as_of="2002-12-31")
    for dim in ("designation", "representation", "recognition"):
        assert st[dim]["value"] == "none"
        assert st[dim]["since"] is None
        assert st[dim]["evidence"] == []
    assert st["agreements"] == []


def test_inside_a_year_the_value_counts_with_a_note(russia_taliban):
    st = state.status(russia_taliban, "RUS", "TALIBAN", as_of="2003-06-01")
    assert st["designation"]["value"] == "listed"
    assert st["designation"]["note"] == "in 2003 (day unknown)"


def test_status_json_has_the_design_keys(russia_taliban):
    st = state.status(russia_taliban, "RUS", "TALIBAN", as_of="2025-04-25")
    assert list(st) == ["source", "target", "as_of", "designation", "representation", "recognition",
                        "agreements", "stance", "conflicts"]
    assert st["as_of"] == "2025-04-25"
    assert set(st["stance"]) == {"value", "window", "events"}
    json.dumps(st)  # serialisable as is


def test_unknown_start_stays_null(store):
    art = add_article(store, "Russia recognises the Taliban indirectly.")
    add_change(store, "RUS", "TALIBAN", "recognition", "indirect", None, article=art,
               sentence="Russia recognises the Taliban indirectly.")
    st = state.status(store, "RUS", "TALIBAN", as_of="2025-04-25")
    assert st["recognition"]["value"] == "indirect"
    assert st["recognition"]["since"] is None
    assert st["recognition"]["since_precision"] is None


def test_a_dated_change_overrides_an_undated_one(store):
    art = add_article(store, "x")
    add_change(store, "RUS", "TALIBAN", "recognition", "indirect", None, article=art)
    add_change(store, "RUS", "TALIBAN", "recognition", "formal", "2026-01-10", article=art, idx=1)
    assert state.status(store, "RUS", "TALIBAN", "2025-12-31")["recognition"]["value"] == "indirect"
    assert state.status(store, "RUS", "TALIBAN", "2026-02-01")["recognition"]["value"] == "formal"


def test_repeated_value_keeps_the_first_since(store):
    a1, a2 = add_article(store, "one"), add_article(store, "two")
    add_change(store, "RUS", "TALIBAN", "designation", "listed", "2003", article=a1)
    add_change(store, "RUS", "TALIBAN", "designation", "listed", "2016-05-02", article=a2)
    des = state.status(store, "RUS", "TALIBAN", "2020-01-01")["designation"]
    assert des["since"] == "2003"
    assert len(des["evidence"]) == 2


def test_conflicting_claims_are_kept_and_ranked(store):
    a1, a2, a3 = (add_article(store, t) for t in ("one", "two", "three"))
    # Two sources say "ambassador" in April 2025, one (more precise) says "charge_d_affaires".
    add_change(store, "RUS", "TALIBAN", "representation", "ambassador", "2025-04", article=a1, confidence=0.9)
    add_change(store, "RUS", "TALIBAN", "representation", "ambassador", "2025-04", article=a2, confidence=0.8)
    add_change(store, "RUS", "TALIBAN", "representation", "charge_d_affaires", "2025-04-20", article=a3,
               confidence=0.7)
    st = state.status(store, "RUS", "TALIBAN", "2025-06-01")
    # precision ranks first: the day-dated claim wins
    assert st["representation"]["value"] == "charge_d_affaires"
    (conflict,) = st["conflicts"]
    assert conflict["dimension"] == "representation"
    assert [v["value"] for v in conflict["values"]] == ["charge_d_affaires", "ambassador"]
    assert len(conflict["values"][1]["evidence"]) == 2


def test_equal_precision_conflict_goes_to_more_sources_then_confidence(store):
    a1, a2, a3 = (add_article(store, t) for t in ("one", "two", "three"))
    add_change(store, "RUS", "TALIBAN", "representation", "liaison", "2025-04-20", article=a1, confidence=0.99)
    add_change(store, "RUS", "TALIBAN", "representation", "ambassador", "2025-04-20", article=a2, confidence=0.6)
    add_change(store, "RUS", "TALIBAN", "representation", "ambassador", "2025-04-20", article=a3, confidence=0.6)
    assert state.status(store, "RUS", "TALIBAN", "2025-06-01")["representation"]["value"] == "ambassador"
    add_change(store, "CHN", "TALIBAN", "representation", "liaison", "2025-04-20", article=a1, confidence=0.9)
    add_change(store, "CHN", "TALIBAN", "representation", "ambassador", "2025-04-20", article=a2, confidence=0.6)
    assert state.status(store, "CHN", "TALIBAN", "2025-06-01")["representation"]["value"] == "liaison"


def test_a_closed_span_ends_the_value(store):
    art = add_article(store, "Russia had an ambassador of X from 2016 to 2021.")
    add_change(store, "RUS", "XYZ", "representation", "ambassador", "2016", article=art, date_end="2021")
    assert state.status(store, "RUS", "XYZ", "2018-01-01")["representation"]["value"] == "ambassador"
    rep = state.status(store, "RUS", "XYZ", "2022-01-01")["representation"]
    assert (rep["value"], rep["since"]) == ("none", "2021")


def test_dataset_rows_are_evidence_with_dataset(store):
    add_change(store, "UN", "UNSC:TAi.004", "designation", "listed", "2001-01-25", dataset="un-sc",
               external_id="TAi.004", sentence="listed", detail={"program": "Taliban"})
    des = state.status(store, "UN", "UNSC:TAi.004", "2025-01-01")["designation"]
    assert des["value"] == "listed"
    assert des["evidence"] == [{"dataset": "un-sc", "external_id": "TAi.004", "sentence": "listed"}]
    assert des["detail"] == {"program": "Taliban"}


def test_stance_is_directed_and_windowed(store):
    art = add_article(store, "events")
    add_event(store, art, 0, "SUPPORT", "RUS", "TALIBAN", "2025-04-25", goldstein=4.0, confidence=1.0)
    add_event(store, art, 1, "AGREE", "RUS", "TALIBAN", "2025-01-10", goldstein=2.0, confidence=1.0)
    add_event(store, art, 2, "ACCUSE", "TALIBAN", "RUS", "2025-03-01", goldstein=-6.0)  # other direction
    add_event(store, art, 3, "SANCTION", "RUS", "TALIBAN", "2003", goldstein=-5.0)  # year: no month
    add_event(store, art, 4, "THREATEN", "RUS", "TALIBAN", "2023-01-01", goldstein=-7.0)  # outside window
    add_event(store, art, 5, "SUPPORT", "RUS", "TALIBAN", "2025-04-20", status="negated", goldstein=3.0)
    stance = state.status(store, "RUS", "TALIBAN", "2025-04-25")["stance"]
    assert stance == {"value": 3.0, "window": "12 months", "events": 2}


def test_timeline_is_both_directions_oldest_first(russia_taliban):
    art = add_article(russia_taliban, "The Taliban welcomed the decision.")
    add_event(russia_taliban, art, 0, "SUPPORT", "TALIBAN", "RUS", "2025-04-25", goldstein=3.4)
    add_event(russia_taliban, art, 1, "CONSULT", "RUS", "TALIBAN", "2016", status="ongoing", goldstein=1.0)
    items = state.timeline(russia_taliban, "RUS", "TALIBAN")
    dates = [it["date"] for it in items]
    assert dates[0] == "2003" and dates[1] == "2016"
    assert {it["kind"] for it in items} == {"event", "change"}
    assert any(it["source"] == "TALIBAN" for it in items)
    assert all(set(it["evidence"]) >= {"sentence"} for it in items)
    recent = state.timeline(russia_taliban, "RUS", "TALIBAN", since="2025-01-01")
    assert all(it["date"] >= "2025" for it in recent)
    only_old = state.timeline(russia_taliban, "RUS", "TALIBAN", until="2020-01-01")
    assert [it["date"] for it in only_old] == ["2003", "2016"]


def test_who_and_dyads(russia_taliban):
    art = add_article(russia_taliban, "China")
    add_change(russia_taliban, "CHN", "TALIBAN", "representation", "ambassador", "2024-01", article=art)
    add_change(russia_taliban, "KAZ", "TALIBAN", "designation", "listed", "2005", article=art, idx=1)
    add_change(russia_taliban, "KAZ", "TALIBAN", "designation", "delisted", "2023-12", article=art, idx=2)
    add_event(russia_taliban, art, 0, "SUPPORT", "CHN", "TALIBAN", "2024-01", goldstein=3.0)
    add_event(russia_taliban, art, 1, "SUPPORT", "CHN", "TALIBAN", "2024-02", goldstein=3.0)
    add_event(russia_taliban, art, 2, "CONSULT", "RUS", "TALIBAN", "2024-03", goldstein=1.0)
    hosts = state.who(russia_taliban, hosts_ambassador_of="TALIBAN", as_of="2025-04-25")
    assert [(r["source"], r["since"]) for r in hosts] == [("CHN", "2024-01"), ("RUS", "2025-04-25")]
    assert [r["source"] for r in state.who(russia_taliban, hosts_ambassador_of="TALIBAN", as_of="2024-06-01")] == ["CHN"]
    assert [r["source"] for r in state.who(russia_taliban, designating="TALIBAN", as_of="2020-01-01")] == ["RUS", "KAZ"]
    assert state.who(russia_taliban, designating="TALIBAN", as_of="2025-04-25") == []
    assert state.who(russia_taliban, recognising="TALIBAN", as_of="2025-04-25") == []
    with pytest.raises(ValueError):
        state.who(russia_taliban)
    assert state.dyads(russia_taliban, "TALIBAN")[0] == {"source": "CHN", "target": "TALIBAN", "events": 2,
                                                          "last": "2024-02"}


# --------------------------------------------------------------------------- order independence

_DATES = [(None, None), ("2003", "year"), ("2003-05", "month"), ("2003-05-02", "day"), ("2010", "year"),
          ("2025-04-17", "day"), ("2025-04", "month")]

change_st = hst.builds(
    lambda dim_val, date, art, conf, end: Change(
        source="RUS", target="TALIBAN", dimension=dim_val[0], value=dim_val[1], date=date[0],
        date_precision=date[1], article_id=f"a{art}", sentence=f"s{art}", start=art, end=art + 5,
        confidence=conf, date_end=end if date[0] and end and end > date[0] else None,
        detail={"kind": "trade", "subjects": ["wheat"]} if dim_val[0] == "agreements" else {},
    ),
    hst.sampled_from([("designation", "listed"), ("designation", "suspended"), ("designation", "delisted"),
                      ("representation", "ambassador"), ("representation", "liaison"),
                      ("recognition", "none"), ("recognition", "indirect"), ("agreements", "enabled"),
                      ("agreements", "signed")]),
    hst.sampled_from(_DATES), hst.integers(0, 3), hst.sampled_from([0.5, 0.7, 0.9]),
    hst.sampled_from([None, "2012", "2025-04-20"]),
)


@settings(max_examples=150, deadline=None)
@given(hst.lists(change_st, min_size=1, max_size=8), hst.randoms(use_true_random=False),
       hst.sampled_from(["2003-03-01", "2003-06-01", "2011-01-01", "2025-04-25"]))
def test_any_permutation_gives_the_same_status(changes, rnd, as_of):
    expected = compute_status("RUS", "TALIBAN", changes, parse_as_of(as_of))
    shuffled = list(changes)
    rnd.shuffle(shuffled)
    assert compute_status("RUS", "TALIBAN", shuffled, parse_as_of(as_of)) == expected
    assert compute_status("RUS", "TALIBAN", list(reversed(changes)), parse_as_of(as_of)) == expected


def test_insertion_order_does_not_matter_in_the_store(tmp_path):
    rows = [("designation", "listed", "2003"), ("designation", "suspended", "2003-06"),
            ("designation", "listed", "2003-06"), ("representation", "ambassador", "2025-04-25")]
    results = []
    for name, order in (("a", rows), ("b", list(reversed(rows)))):
        s = open_store(f"sqlite:///{tmp_path / name}.db")
        art = add_article(s, "same article")
        for i, (dim, value, date) in enumerate(order):
            add_change(s, "RUS", "TALIBAN", dim, value, date, article=art, idx=rows.index((dim, value, date)))
        results.append(state.status(s, "RUS", "TALIBAN", "2025-05-01"))
    assert results[0] == results[1]
    assert results[0]["conflicts"]  # 2003 vs 2003-06 overlap with different values
