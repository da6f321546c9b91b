"""A store holding one article with one RUS → TALIBAN consultation: for CLI tests that need
something stored without running the pipeline."""

from __future__ import annotations

import datetime as dt

from detente.models import ActorRef, Article, ArticleResult, Event
from detente.store import open_store


def consult(text: str, day: str) -> Event:
    """Russia consults the Taliban on ``day``; the sentence is the whole ``text``."""
    return Event(type="CONSULT", source=ActorRef(id="RUS", country="RUS", text="Russia"),
                 target=ActorRef(id="TALIBAN", country="AFG", text="the Taliban"), date=day, date_precision="day",
                 sentence=text, start=0, end=len(text), confidence=0.9, rule="t", cameo="040", goldstein=1.0)


def one_event_store(url: str, published: dt.date = dt.date(2025, 4, 25), day: str = "2025-04-25") -> str:
    store = open_store(url)
    text = "Russia met the Taliban."
    art = Article.from_text(text, published=published)
    store.save(ArticleResult(id=art.id, published=art.published, events=[consult(text, day)]), art)
    return url
