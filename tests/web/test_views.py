"""Page shaping (pure functions) and the search page's text fallback."""

from detente.web import views


def test_stance_axis_pads_a_few_months_and_merges_changes():
    data = views.stance_data(
        [{"month": "2024-03", "value": 2.0, "events": 1}],
        [{"dimension": "designation", "value": "listed", "date": "2024-03-05", "source": "RUS"},
         {"dimension": "recognition", "value": "formal", "date": "2024-03", "source": "TALIBAN"}],
        "RUS")
    months = [p["month"] for p in data["points"]]
    assert len(months) == 12 and "2024-03" in months and months == sorted(months)
    assert data["changes"] == [{"month": "2024-03", "label": "designation: listed; TALIBAN: recognition: formal"}]


def test_stance_without_scores_draws_nothing():
    assert views.stance_data([], [{"dimension": "designation", "value": "listed", "date": "2024-03"}]) == {
        "points": [], "changes": []}


def test_listed_groups_by_programme_largest_first():
    rows = [{"target": f"UNSC:TAi.{i:03d}", "program": "Taliban", "since": "2001-01-25"} for i in range(3)]
    rows.append({"target": "UNSC:QDi.001", "program": "Al-Qaida", "since": "2001-01-25"})
    groups = views.group_listed(rows)
    assert [(g["program"], len(g["rows"])) for g in groups] == [("Taliban", 3), ("Al-Qaida", 1)]


def test_search_for_words_lists_matching_sentences(client):
    page = client.get("/search", params={"q": "supreme court"})
    assert page.status_code == 200
    assert "whose sentence contains" in page.text and "suspended the ban" in page.text


def test_ordinary_words_are_not_fuzzy_store_ids(store_url):
    from detente.services import search
    from detente.web import backend

    store = backend.open_store(store_url)
    assert search._store_ids_like(store, "sanctions", 10) == []  # not RUS, CHN, KAZ…
    assert search._store_ids_like(store, "talib", 10) == ["TALIBAN"]


def test_a_planned_state_card_says_planned_and_when_it_was_announced(client):
    html = client.get("/dyad/RUS/TALIBAN", params={"as_of": "2025-06-01"}).text
    assert 'id="representation-planned">planned</span>' in html and "announced 2025-04" in html
    assert 'id="designation-planned"' not in html  # the suspension happened
    status = client.get("/api/status/RUS/TALIBAN", params={"as_of": "2025-06-01"}).json()
    assert status["representation"]["event_status"] == "planned" and "event_status" not in status["designation"]


def test_a_planned_change_is_marked_planned_under_the_chart():
    data = views.stance_data([{"month": "2025-04", "value": 3.4, "events": 1}],
                             [{"dimension": "representation", "value": "ambassador", "date": "2025-04",
                               "source": "RUS", "status": "planned"}], "RUS")
    assert data["changes"] == [{"month": "2025-04", "label": "representation: ambassador (planned)"}]
