"""Watches, alerts and changes over HTTP: the JSON API, the alerts page and the Atom feed (feedparser)."""

from __future__ import annotations

import feedparser
import pytest
from fastapi.testclient import TestClient

from detente import watch
from detente.store import open_store
from detente.web.app import create_app

from .conftest import TOKEN, built, corpus

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def build_watched_store(url: str) -> None:
    """The three test articles, saved after two watches: designations of the Taliban, Russia's envoys."""
    store = open_store(url)
    watch.add_watch(store, "designation", target="TALIBAN", label="Taliban listings")
    watch.add_watch(store, "representation", source="RUS", target="TALIBAN", values=["ambassador"])
    for article, result in corpus():
        store.save(result, article)
    store.close()


@pytest.fixture(scope="module")
def watched_url(tmp_path_factory) -> str:
    return built(tmp_path_factory, "alerts", build_watched_store)


@pytest.fixture(scope="module")
def client(watched_url):
    with TestClient(create_app(watched_url, token=TOKEN)) as c:
        yield c


def test_the_api_lists_watches_and_their_alerts_newest_change_first(client):
    ws = client.get("/api/watches").json()
    assert [(w["dimension"], w["source"], w["target"], w["values"]) for w in ws] == [
        ("designation", "*", "TALIBAN", None), ("representation", "RUS", "TALIBAN", ["ambassador"])]
    alerts = client.get("/api/alerts").json()
    assert [(a["source"], a["value_before"], a["value_after"], a["date"]) for a in alerts] == [
        ("RUS", "listed", "suspended", "2025-04-17"),
        ("RUS", "none", "ambassador", "2025-04"),
        ("KAZ", "none", "delisted", "2023-12"),
        ("RUS", "none", "listed", "2003"),
    ]
    assert all(len(a["evidence"]) == 1 and a["evidence"][0]["article_id"] for a in alerts)
    since = client.get("/api/alerts", params={"since": "2024-01-01", "watch": ws[0]["id"]}).json()
    assert [a["value_after"] for a in since] == ["suspended"]


def test_changing_watches_needs_the_token(client):
    body = {"dimension": "recognition", "target": "TALIBAN", "values": ["formal"]}
    assert client.post("/api/watches", json=body).status_code == 401
    r = client.post("/api/watches", json=body, headers=AUTH)
    assert r.status_code == 201 and r.json()["values"] == ["formal"]
    bad = client.post("/api/watches", json={"dimension": "friendship", "target": "X"}, headers=AUTH)
    assert bad.status_code == 422 and "unknown dimension 'friendship'" in bad.json()["detail"]
    assert client.delete(f"/api/watches/{r.json()['id']}").status_code == 401
    assert client.delete(f"/api/watches/{r.json()['id']}", headers=AUTH).status_code == 204
    assert client.delete(f"/api/watches/{r.json()['id']}", headers=AUTH).status_code == 404


def test_changes_are_paged_in_date_order(client):
    first = client.get("/api/changes", params={"since": "2000-01-01", "limit": 2}).json()
    assert [c["date"] for c in first["items"]] == ["2003", "2023-12"]
    rest = client.get("/api/changes", params={"since": "2000-01-01", "cursor": first["next_cursor"]}).json()
    assert [c["date"] for c in rest["items"]] == ["2024-01", "2025-04", "2025-04-17"] and rest["next_cursor"] is None
    assert all(c["changes_state"] for c in first["items"] + rest["items"])
    assert client.get("/api/changes", params={"cursor": "nonsense"}).status_code == 422
    recorded = client.get("/api/changes", params={"recorded_since": "2000-01-01", "dimension": "designation"}).json()
    assert len(recorded["items"]) == 3


def test_the_atom_feed_is_valid_and_links_each_alert(client):
    r = client.get("/feeds/alerts.atom")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(r.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and feed.feed.title == "detente alerts"
    assert len(feed.entries) == 4
    top = feed.entries[0]
    assert top.title == "Russia suspended its listing of the Taliban on 2025-04-17"
    assert top.link.endswith("/alerts#alert-" + top.id.rsplit("-", 1)[1])
    assert "/article/" in top.content[0].value and "suspended the ban" in top.content[0].value
    assert top.updated_parsed is not None
    one = feedparser.parse(client.get("/feeds/alerts.atom", params={"watch": "2"}).content)
    assert not one.bozo and [e.title for e in one.entries] == [
        "Planned: Russia receives an ambassador of the Taliban (announced in 2025-04)"]  # the test wire says "will accept"


def test_the_alerts_page_links_evidence_to_the_highlighted_sentence(client):
    page = client.get("/alerts").text
    assert page.count('class="alert"') == 4
    assert 'href="/feeds/alerts.atom"' in page
    assert "/article/" in page and "?hl=" in page
    assert client.get("/alerts", params={"since": "2024-13-01"}).status_code == 422
    assert client.get("/alerts", params={"watch": "x"}).status_code == 422
    filtered = client.get("/alerts", params={"since": "", "watch": "2"}).text  # the form sends empty fields
    assert filtered.count('class="alert"') == 1


def test_an_article_posted_to_the_api_raises_an_alert(tmp_path, monkeypatch):
    from detente.models import ArticleResult, RelationChange
    from detente.web import backend

    text = "Russia formally recognised the Taliban government on 3 July 2025."

    def extract(article):
        change = RelationChange(source="RUS", target="TALIBAN", dimension="recognition", value="formal",
                                date="2025-07-03", date_precision="day", sentence=text, start=0, end=len(text),
                                confidence=0.85, rule="recognition.recognise")
        return ArticleResult(id=article.id, published=article.published, relation_changes=[change],
                             sentences=[(0, len(text))])

    monkeypatch.setattr(backend, "extract", extract)
    url = f"sqlite:///{tmp_path / 'api.db'}"
    watch.add_watch(open_store(url), "recognition", target="TALIBAN", values=["formal"])
    with TestClient(create_app(url, token=TOKEN)) as c:
        assert c.post("/api/ingest", json={"text": text, "published": "2025-07-04"}, headers=AUTH).status_code == 201
        assert c.post("/api/ingest", json={"text": text, "published": "2025-07-04"}, headers=AUTH).status_code == 200
        (alert,) = c.get("/api/alerts").json()
    assert (alert["value_before"], alert["value_after"]) == ("none", "formal")
    assert alert["text"] == "Russia formally recognised the Taliban's government on 2025-07-03"
