"""The library facade (``detente.Store``, ``detente.load``) and the ingest service, without spaCy
where the pipeline is not the point (the docs test runs them end to end)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import detente
from detente.ingest.base import IngestError
from detente.ingest.objects import defaults, read_objects
from detente.models import ActorRef, Article, ArticleResult, Event
from detente.services.ingest import IngestSummary, ingest_articles
from one_event_store import one_event_store


def test_import_detente_is_cheap_and_names_a_short_public_list():
    code = ("import sys, detente; detente.__version__; "
            "print(sorted(m for m in ('spacy', 'sqlalchemy', 'detente.api') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert {"load", "Store", "Status", "TimelineItem", "WhoRow", "Brief", "__version__"} <= set(detente.__all__)
    assert len(detente.__all__) <= 20 and detente.Store is detente.api.Store
    with pytest.raises(AttributeError):
        detente.nothing_here  # noqa: B018


@pytest.fixture
def store(tmp_path):
    st = detente.Store(one_event_store(f"sqlite:///{tmp_path / 'a.db'}"))
    yield st
    st.close()


def test_store_answers_are_typed_and_take_names(store):
    assert repr(store).startswith("Store('sqlite:///")
    st = store.status("RUS", "taliban", as_of="2025-04-25")
    assert isinstance(st, detente.Status) and (st.source, st.target, st.stance.events) == ("RUS", "TALIBAN", 1)
    [item] = store.timeline("RUS", "TALIBAN")
    assert isinstance(item, detente.TimelineItem) and (item.kind, item.type) == ("event", "CONSULT")
    [ev] = store.events(actor="TALIBAN", since="2025-01-01")
    assert isinstance(ev, detente.StoredEvent) and ev.source.id == "RUS" and ev.published == "2025-04-25"
    assert store.events(dyad=("RUS", "TALIBAN"), directed=True, type="SANCTION") == []
    assert store.who(hosts_ambassador_of="TALIBAN") == []
    assert store.counts()["events"] == 1


def test_store_refuses_unknown_names_bad_dates_and_two_selectors(store):
    with pytest.raises(detente.UnknownActor) as err:
        store.status("RUSS", "TALIBAN")
    assert "RUS" in err.value.candidates
    with pytest.raises(ValueError, match="expected YYYY-MM-DD"):
        store.status("RUS", "TALIBAN", as_of="25/04/2025")
    with pytest.raises(ValueError, match="exactly one"):
        store.who(designating="TALIBAN", recognising="TALIBAN")


def test_a_missing_actor_file_is_refused_at_once(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.yml: actor file not found"):
        detente.load(actors=[tmp_path / "nope.yml"])


def test_objects_become_articles_or_errors_naming_them(tmp_path):
    (tmp_path / "a.txt").write_text("---\nid: f-1\n---\nFrom a file.\n")
    items = list(read_objects(["---\nid: s-1\ntitle: T\n---\nBody.", {"id": 7, "text": "Dict."},
                               Article.from_text("Ready."), 3, tmp_path / "a.txt", {"text": ""}],
                              fill=defaults("2025-04-25")))
    assert [getattr(i, "source_id", None) for i in items] == ["s-1", "7", None, None, "f-1", None]
    assert str(items[3]) == "<item 3>: expected an article text, a dict, an Article or a Path, not int"
    assert str(items[5]) == "<item 5>: article text is empty"
    assert items[0].title == "T" and items[1].published.isoformat() == "2025-04-25"


def _fake_extract(articles, on_fail):
    for a in articles:
        if "BOOM" in a.text:
            on_fail(a, RuntimeError("boom"))
            continue
        ev = Event(type="CONSULT", source=ActorRef(id="RUS", text="Russia"), sentence=a.text, start=0,
                   end=len(a.text), confidence=0.5, rule="t")
        yield ArticleResult(id=a.id, source_id=a.source_id, events=[ev])


def test_the_ingest_service_counts_skips_stored_articles_and_names_every_bad_input(tmp_path):
    from detente.store import open_store, query

    st = open_store(f"sqlite:///{tmp_path / 'i.db'}")
    items = [Article.from_text("One.", source_id="w-1"), IngestError("x.jsonl:2", "malformed JSON"),
             Article.from_text("BOOM."), Article.from_text("One."), Article.from_text("Two.")]
    progress: list[int] = []
    summary = ingest_articles(st, items, extract=_fake_extract, batch_size=1, on_progress=progress.append)
    assert (summary.ingested, summary.already, summary.events) == (2, 1, 2)
    assert summary.errors == ["x.jsonl:2: malformed JSON",
                              f"{Article.from_text('BOOM.').id}: extraction failed (RuntimeError: boom)"]
    assert sum(progress) == 5
    assert summary.line() == "ingested 2 articles (1 already stored): 2 events, 0 relation changes, 0 quotes; 2 errors"
    again = ingest_articles(st, [Article.from_text("Two.")], extract=_fake_extract, summary=IngestSummary(ingested=5))
    assert (again.ingested, again.already) == (5, 1)
    assert query.article(st, "w-1")["text"] == "One."
