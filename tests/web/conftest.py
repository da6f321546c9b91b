"""A small store of hand-coded articles for the web tests (no spaCy needed).

Three articles: Russia and the Taliban (listed 2003, listing suspended 2025-04-17, ambassador
accepted April 2025), China and the Taliban (a mining agreement), Kazakhstan delisting the Taliban.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field

import pytest

from detente.models import ActorRef, Article, ArticleResult, Event, RelationChange

TOKEN = "test-token-123"

RUS_TALIBAN = (
    "Russia will accept an ambassador appointed by the Taliban, the foreign ministry said on Friday. "
    "Russia designated the Taliban a terrorist organisation in 2003. "
    "On 17 April 2025 Russia's Supreme Court suspended the ban on the movement. "
    "Moscow first opened contacts with the movement in 2015. "
    "Analysts expect more visits."
)
CHN_TALIBAN = (
    "China and the Taliban signed a copper mining agreement in January 2024. "
    "Beijing criticised the Taliban over security in March 2024."
)
KAZ_TALIBAN = "Kazakhstan removed the Taliban from its list of banned organisations in December 2023."

NAMES = {"RUS": "Russia", "TALIBAN": "the Taliban", "CHN": "China", "KAZ": "Kazakhstan"}


@dataclass
class Coded:
    """One coded sentence: an event, and the relation change it implies (if any)."""

    sentence: str
    type: str
    source: str
    target: str
    date: str
    precision: str
    goldstein: float
    status: str = "occurred"
    change: tuple[str, str] | None = None  # (dimension, value)
    detail: dict = field(default_factory=dict)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text) if m.group().strip()]


def coded_article(text: str, published: str, title: str, coded: list[Coded]) -> tuple[Article, ArticleResult]:
    article = Article.from_text(text, title=title, published=dt.date.fromisoformat(published), source="test wire")
    spans = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in sentence_spans(text)]
    events, changes = [], []
    for c in coded:
        start = text.index(c.sentence)
        end = start + len(c.sentence)
        ref = lambda aid: ActorRef(id=aid, country=aid if len(aid) == 3 else "AFG",  # noqa: E731
                                   sector="GOV" if len(aid) == 3 else "REB", text=NAMES[aid])
        events.append(Event(type=c.type, source=ref(c.source), target=ref(c.target), date=c.date,
                            date_precision=c.precision, status=c.status, goldstein=c.goldstein,
                            cameo="000", sentence=c.sentence, start=start, end=end, confidence=0.9,
                            rule=f"test.{c.type.lower()}"))
        if c.change:
            changes.append(RelationChange(source=c.source, target=c.target, dimension=c.change[0],
                                          value=c.change[1], date=c.date, date_precision=c.precision,
                                          detail=c.detail, sentence=c.sentence, start=start, end=end,
                                          confidence=0.9, rule=f"test.{c.change[0]}"))
    result = ArticleResult(id=article.id, title=title, published=article.published, source=article.source,
                           events=events, relation_changes=changes, sentences=spans)
    return article, result


def corpus() -> list[tuple[Article, ArticleResult]]:
    return [
        coded_article(RUS_TALIBAN, "2025-04-25", "Russia to accept Taliban ambassador", [
            Coded("Russia will accept an ambassador appointed by the Taliban", "SUPPORT", "RUS", "TALIBAN",
                  "2025-04", "month", 3.4, status="planned", change=("representation", "ambassador"),
                  detail={"event_status": "planned"}),
            Coded("Russia designated the Taliban a terrorist organisation in 2003", "SANCTION", "RUS", "TALIBAN",
                  "2003", "year", -5.0, change=("designation", "listed"),
                  detail={"list": "federal list of terrorist organizations"}),
            Coded("On 17 April 2025 Russia's Supreme Court suspended the ban on the movement", "CONCEDE", "RUS",
                  "TALIBAN", "2025-04-17", "day", 5.0, change=("designation", "suspended")),
            Coded("Moscow first opened contacts with the movement in 2015", "CONSULT", "RUS", "TALIBAN",
                  "2015", "year", 1.0),
        ]),
        coded_article(CHN_TALIBAN, "2024-03-20", "China and Taliban sign mining deal", [
            Coded("China and the Taliban signed a copper mining agreement in January 2024", "AGREE", "CHN",
                  "TALIBAN", "2024-01", "month", 4.0, change=("agreements", "signed"),
                  detail={"kind": "trade", "subjects": ["copper mining"]}),
            Coded("Beijing criticised the Taliban over security in March 2024", "ACCUSE", "CHN", "TALIBAN",
                  "2024-03", "month", -2.0),
        ]),
        coded_article(KAZ_TALIBAN, "2024-01-05", "Kazakhstan delists the Taliban", [
            Coded(KAZ_TALIBAN.rstrip("."), "CONCEDE", "KAZ", "TALIBAN", "2023-12", "month", 4.0,
                  change=("designation", "delisted")),
        ]),
    ]


def build_store(url: str) -> None:
    from detente.web import backend

    store = backend.open_store(url)
    for article, result in corpus():
        backend.save(store, result, article)
    store.engine.dispose()


@contextlib.contextmanager
def served(url: str):
    """The app over the store at ``url`` on a free loopback port (uvicorn in a thread): its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    from detente.web.app import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(url), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):  # wait for startup (not a timed assertion: fails only if it never starts)
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
        sock.close()


def built(tmp_path_factory, name: str, build=build_store) -> str:
    """The URL of a new SQLite store in a temporary folder of its own, filled by ``build``."""
    url = f"sqlite:///{tmp_path_factory.mktemp(name) / f'{name}.db'}"
    build(url)
    return url


@pytest.fixture(scope="session")
def store_url(tmp_path_factory) -> str:
    """A store with the three articles, shared by read-only tests."""
    return built(tmp_path_factory, "web")


@pytest.fixture
def fresh_url(tmp_path) -> str:
    """A store with the three articles, for tests that write."""
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    build_store(url)
    return url


@pytest.fixture(scope="session")
def client(store_url):
    from fastapi.testclient import TestClient

    from detente.web.app import create_app

    with TestClient(create_app(store_url, token=TOKEN)) as c:
        yield c


def fake_extract(article: Article) -> ArticleResult:
    """An extraction that finds nothing, for tests of the web layer (the pipeline has its own tests)."""
    return ArticleResult(id=article.id, title=article.title, published=article.published, source=article.source)


@pytest.fixture
def stub_extraction(monkeypatch):
    from detente.web import backend

    monkeypatch.setattr(backend, "extract", fake_extract)
