"""The REST API and the pages, through FastAPI's TestClient, on a store of three hand-coded articles."""

from __future__ import annotations

import json
from html import unescape as html_unescape

import pytest
from fastapi.testclient import TestClient

from detente.models import ArticleResult
from detente.web import backend
from detente.web.app import MAX_BODY, create_app

from .conftest import RUS_TALIBAN, TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


# --- actors ------------------------------------------------------------------------------------

def test_actor_search_finds_the_taliban(client):
    r = client.get("/api/actors", params={"q": "talib"})
    assert r.status_code == 200
    assert "TALIBAN" in [a["id"] for a in r.json()]


def test_actor_list_without_query_lists_store_actors(client):
    ids = [a["id"] for a in client.get("/api/actors").json()]
    assert {"RUS", "TALIBAN", "CHN", "KAZ"} <= set(ids)


def test_actor_page_json_ranks_dyads_by_activity(client):
    r = client.get("/api/actors/TALIBAN")
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == "TALIBAN"
    assert [(d["source"], d["events"]) for d in body["dyads"]][0] == ("RUS", 4)


def test_unknown_actor_is_404_with_candidates(client):
    r = client.get("/api/actors/TALIBANN")
    assert r.status_code == 404
    assert "unknown actor" in r.json()["detail"]
    assert "TALIBAN" in r.json()["candidates"]


# --- events ------------------------------------------------------------------------------------

def test_events_filter_by_actor_type_and_dates(client):
    items = client.get("/api/events", params={"actor": "CHN"}).json()["items"]
    assert {e["type"] for e in items} == {"AGREE", "ACCUSE"}
    items = client.get("/api/events", params={"type": "SANCTION"}).json()["items"]
    assert [(e["source"]["id"], e["date"]) for e in items] == [("RUS", "2003")]
    items = client.get("/api/events", params={"dyad": "RUS,TALIBAN", "since": "2025-01-01"}).json()["items"]
    assert sorted(e["date"] for e in items) == ["2025-04", "2025-04-17"]


def test_events_cursor_pagination_visits_every_event_once(client):
    total = client.get("/api/events", params={"limit": 1000}).json()["items"]
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor is not None else {})
        page = client.get("/api/events", params=params).json()
        seen += [e["id"] for e in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(e["id"] for e in total)
    assert len(seen) == len(set(seen)) == 7
    assert pages == 4


@pytest.mark.parametrize("params, word", [
    ({"since": "2025-13-01"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"type": "HUG"}, "type"),
    ({"status": "maybe"}, "status"),
    ({"dyad": "RUS"}, "dyad"),
    ({"limit": 0}, "limit"),
    ({"cursor": -1}, "cursor"),
])
def test_bad_event_filters_are_422(client, params, word):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert word in json.dumps(r.json())


def test_events_of_unknown_actor_is_404(client):
    r = client.get("/api/events", params={"dyad": "RUS,NOBODY_AT_ALL"})
    assert r.status_code == 404
    assert "NOBODY_AT_ALL" in r.json()["detail"]


# --- relations ---------------------------------------------------------------------------------

def test_status_today_shows_the_suspended_listing(client):
    st = client.get("/api/status/RUS/TALIBAN").json()
    assert st["designation"]["value"] == "suspended"
    assert st["designation"]["since"] == "2025-04-17"
    assert st["designation"]["evidence"][0]["sentence"].startswith("On 17 April 2025")
    assert st["representation"]["value"] == "ambassador"


def test_status_as_of_2010_shows_the_listing(client):
    st = client.get("/api/status/RUS/TALIBAN", params={"as_of": "2010-01-01"}).json()
    assert (st["as_of"], st["designation"]["value"], st["designation"]["since"]) == ("2010-01-01", "listed", "2003")
    assert st["representation"]["value"] == "none"


def test_status_bad_as_of_is_422_not_500(client):
    for bad in ("2010-02-30", "01/01/2010", "0000-01-01", "9999-12-31"):
        r = client.get("/api/status/RUS/TALIBAN", params={"as_of": bad})
        assert r.status_code == 422, bad


def test_timeline_is_in_date_order_with_evidence(client):
    items = client.get("/api/timeline/RUS/TALIBAN").json()
    dates = [i["date"] for i in items]
    assert dates[0] == "2003" and dates[-1] == "2025-04-17"
    assert all(i["evidence"]["article"] for i in items)


def test_brief_bullets_cite_their_sentences(client):
    b = client.get("/api/brief/RUS/TALIBAN", params={"as_of": "2025-05-01"}).json()
    assert any("suspended" in x["text"] for x in b["bullets"])
    assert b["what_changed"]


def test_stance_series_is_monthly(client):
    series = client.get("/api/stance/CHN/TALIBAN").json()
    assert [p["month"] for p in series] == ["2024-01", "2024-02", "2024-03"]


def test_who_lists_and_hosts(client):
    listed = client.get("/api/who", params={"designating": "TALIBAN", "as_of": "2020-01-01"}).json()
    assert [r["source"] for r in listed] == ["RUS"]
    assert client.get("/api/who", params={"designating": "TALIBAN"}).json() == []  # suspended since
    hosts = client.get("/api/who", params={"hosts_ambassador_of": "TALIBAN"}).json()
    assert [r["source"] for r in hosts] == ["RUS"]


@pytest.mark.parametrize("params", [{}, {"designating": "TALIBAN", "recognising": "TALIBAN"},
                                    {"program": "1988"}])
def test_who_needs_exactly_one_question(client, params):
    assert client.get("/api/who", params=params).status_code == 422


# --- articles ----------------------------------------------------------------------------------

def test_article_json_has_text_sentences_and_events(client):
    ev = client.get("/api/events", params={"type": "SANCTION"}).json()["items"][0]
    art = client.get(f"/api/articles/{ev['article_id']}").json()
    assert art["text"] == RUS_TALIBAN
    assert len(art["events"]) == 4 and len(art["sentences"]) == 5


def test_unknown_article_is_404(client):
    assert client.get("/api/articles/0000000000000000").status_code == 404


def test_openapi_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/actors", "/api/actors/{actor}", "/api/events", "/api/status/{a}/{b}", "/api/timeline/{a}/{b}",
              "/api/brief/{a}/{b}", "/api/who", "/api/articles/{article_id}", "/api/ingest"):
        assert p in paths


# --- ingest ------------------------------------------------------------------------------------

def fake_extract(article):
    return ArticleResult(id=article.id, title=article.title, published=article.published, source=article.source)


@pytest.fixture
def writer(fresh_url, monkeypatch):
    """An app with a token over a fresh store; extraction stubbed (the pipeline has its own tests)."""
    monkeypatch.setattr(backend, "extract", fake_extract)
    with TestClient(create_app(fresh_url, token=TOKEN)) as c:
        yield c


def test_ingest_is_disabled_without_a_token(fresh_url):
    with TestClient(create_app(fresh_url)) as c:
        r = c.post("/api/ingest", content="Russia and China met.", headers={"Content-Type": "text/plain", **AUTH})
        assert r.status_code == 403
        assert "disabled" in r.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": TOKEN}])
def test_ingest_needs_the_right_bearer_token(writer, headers):
    r = writer.post("/api/ingest", content="text", headers={"Content-Type": "text/plain", **headers})
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("ctype, body, code, word", [
    ("application/xml", "<a/>", 415, "text/plain"),
    ("application/json", "{not json", 400, "invalid JSON"),
    ("application/json", "[1, 2]", 422, "JSON object"),
    ("application/json", '{"title": "no text"}', 422, "text"),
    ("application/json", '{"text": "x", "published": "25/04/2025"}', 422, "published"),
    ("application/json", '{"text": "x", "published": "2025-02-30"}', 422, "published"),
    ("application/json", '{"text": "x", "colour": "red"}', 422, "colour"),
    ("text/plain", "   \n ", 422, "empty"),
])
def test_bad_ingest_is_a_clear_4xx_and_stores_nothing(writer, ctype, body, code, word):
    before = backend.counts(writer.app.state.store)
    r = writer.post("/api/ingest", content=body.encode(), headers={"Content-Type": ctype, **AUTH})
    assert r.status_code == code
    assert word in r.json()["detail"]
    assert backend.counts(writer.app.state.store) == before


def test_ingest_over_one_megabyte_is_413(writer):
    before = backend.counts(writer.app.state.store)
    r = writer.post("/api/ingest", content=b"x" * (MAX_BODY + 1), headers={"Content-Type": "text/plain", **AUTH})
    assert r.status_code == 413
    assert backend.counts(writer.app.state.store) == before


def test_ingest_bad_published_query_for_text_plain_is_422(writer):
    r = writer.post("/api/ingest?published=2025-04-31", content=b"Some text.",
                    headers={"Content-Type": "text/plain", **AUTH})
    assert r.status_code == 422


def test_ingest_json_stores_the_article_once(writer):
    doc = {"text": "Kazakhstan and Uzbekistan signed a water treaty.", "title": "Water", "published": "2025-05-02"}
    r = writer.post("/api/ingest", json=doc, headers=AUTH)
    assert r.status_code == 201
    out = r.json()
    assert out["stored"] is True
    art_id = out["articles"][0]["id"]
    stored = writer.get(f"/api/articles/{art_id}").json()
    assert (stored["title"], stored["published"]) == ("Water", "2025-05-02")
    again = writer.post("/api/ingest", json=doc, headers=AUTH)
    assert (again.status_code, again.json()["stored"]) == (200, False)


def test_ingest_plain_text_takes_metadata_from_the_query(writer):
    r = writer.post("/api/ingest?title=Plain&published=2025-05-03", content="A plain report.".encode(),
                    headers={"Content-Type": "text/plain; charset=utf-8", **AUTH})
    assert r.status_code == 201
    art = writer.get(f"/api/articles/{r.json()['articles'][0]['id']}").json()
    assert (art["title"], art["published"], art["text"]) == ("Plain", "2025-05-03", "A plain report.")


def test_ingest_pipeline_failure_is_422_and_stores_nothing(writer, monkeypatch):
    def boom(article):
        raise RuntimeError("odd input")

    monkeypatch.setattr(backend, "extract", boom)
    before = backend.counts(writer.app.state.store)
    r = writer.post("/api/ingest", json={"text": "whatever"}, headers=AUTH)
    assert r.status_code == 422
    assert backend.counts(writer.app.state.store) == before


@pytest.mark.slow
def test_ingest_runs_the_real_pipeline(fresh_url):
    with TestClient(create_app(fresh_url, token=TOKEN)) as c:
        r = c.post("/api/ingest", json={"text": "Russia expelled two Japanese diplomats on Monday.",
                                        "published": "2025-03-03"}, headers=AUTH)
        assert r.status_code == 201
        assert r.json()["articles"][0]["published"] == "2025-03-03"


# --- pages -------------------------------------------------------------------------------------

def test_front_page_shows_counts_and_top_dyads(client):
    html = client.get("/").text
    assert "3 articles" in html and 'href="/dyad/RUS/TALIBAN"' in html


def test_dyad_page_status_board_and_as_of(client):
    html = client.get("/dyad/RUS/TALIBAN").text
    assert 'id="designation-value" data-value="suspended"' in html
    assert 'id="as-of"' in html and 'id="stance-chart"' in html and 'id="brief"' in html
    old = client.get("/dyad/RUS/TALIBAN", params={"as_of": "2010-01-01"}).text
    assert 'id="designation-value" data-value="listed"' in old
    assert "2025-04-17" not in old.split('id="timeline"')[1]  # the timeline stops at the as-of date


def test_dyad_page_errors_are_pages(client):
    r = client.get("/dyad/RUS/TALIBAN", params={"as_of": "2010-99-01"})
    assert r.status_code == 422 and "<html" in r.text and "as_of" in r.text
    r = client.get("/dyad/RUS/TALIBANN")
    assert r.status_code == 404 and 'href="/actor/TALIBAN"' in r.text


def test_article_page_highlights_the_evidence_sentence(client):
    ev = client.get("/api/events", params={"type": "CONCEDE", "actor": "RUS"}).json()["items"][0]
    html = client.get(f"/article/{ev['article_id']}", params={"hl": f"{ev['start']}-{ev['end']}"}).text
    marked = html.split('class="sent has-event hl"')[1].split("</span>")[0]
    assert ev["sentence"] in html_unescape(marked)
    assert html.count(" hl\"") == 1


def test_article_page_escapes_text(fresh_url, monkeypatch):
    monkeypatch.setattr(backend, "extract", fake_extract)
    with TestClient(create_app(fresh_url, token=TOKEN)) as c:
        r = c.post("/api/ingest", json={"text": "<script>alert(1)</script> & more"}, headers=AUTH)
        html = c.get(f"/article/{r.json()['articles'][0]['id']}").text
        assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_actor_and_search_pages(client):
    html = client.get("/actor/TALIBAN").text
    assert "Who lists it" in html and 'href="/dyad/RUS/TALIBAN"' in html
    html = client.get("/search", params={"q": "CHN", "type": "AGREE"}).text
    assert "copper mining" in html and "criticised" not in html


def test_paste_extracts_without_storing(client, monkeypatch):
    monkeypatch.setattr(backend, "extract", fake_extract)
    before = backend.counts(client.app.state.store)
    r = client.post("/paste", data={"text": "Russia met China.", "published": "2025-01-02", "token": TOKEN})
    assert r.status_code == 200 and "0 events" in r.text
    assert client.post("/paste", data={"text": " ", "published": "", "token": TOKEN}).status_code == 422
    assert client.post("/paste", data={"text": "x", "published": "nope", "token": TOKEN}).status_code == 422
    assert backend.counts(client.app.state.store) == before


def test_names_in_urls_resolve_but_typos_do_not(client):
    st = client.get("/api/status/Russia/the Islamic Emirate", params={"as_of": "2010-01-01"}).json()
    assert (st["source"], st["target"], st["designation"]["value"]) == ("RUS", "TALIBAN", "listed")
    r = client.get("/dyad/russia/taliban", params={"as_of": "2010-01-01"}, follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (307, "/dyad/RUS/TALIBAN?as_of=2010-01-01")


def test_actor_page_shows_kb_aliases_and_roles(client):
    html = client.get("/actor/TALIBAN").text
    assert "Islamic Emirate" in html
    assert 'id="roles"' in html and "2021-08-15" in html


@pytest.mark.parametrize("url", [
    "/dyad/%00/RUS", "/dyad/RUS/RUS", "/actor/" + "X" * 500, "/article/nope?hl=9-3", "/article/x?hl=--",
    "/search?since=2020-02-31", "/search?q=%3Cscript%3E&type=NOPE&status=nope", "/search?q=" + "a" * 2000,
    "/dyad/RUS/TALIBAN?as_of=99999-01-01", "/api/events?cursor=99999999999999999999999",
])
def test_odd_urls_never_500(client, url):
    r = client.get(url)
    assert r.status_code < 500
    assert "<script>" not in r.text


def test_no_pages_load_assets_from_elsewhere(client):
    for url in ("/", "/dyad/RUS/TALIBAN", "/actor/TALIBAN", "/search?q=RUS", "/paste"):
        html = client.get(url).text
        assert "https://" not in html.replace('href="https://', "")  # links out are fine, assets are not
        assert "<script src=\"http" not in html and "<link rel=\"stylesheet\" href=\"http" not in html
