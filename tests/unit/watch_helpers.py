"""Hand-coded reports of relation changes, for the watch and alert tests (no spaCy needed)."""

from __future__ import annotations

import datetime as dt

from detente.models import Article, ArticleResult, RelationChange


def report(text: str, *changes: tuple, published: str = "2025-07-05") -> tuple[ArticleResult, Article]:
    """An article whose one sentence reports ``changes``: (source, target, dimension, value, date[, confidence])."""
    art = Article.from_text(text, published=dt.date.fromisoformat(published), title=text[:40])
    rcs = [RelationChange(source=s, target=t, dimension=d, value=v, date=day,
                          date_precision={4: "year", 7: "month"}.get(len(day), "day"), sentence=text, start=0,
                          end=len(text), confidence=rest[0] if rest else 0.9, rule="test")
           for s, t, d, v, day, *rest in changes]
    return ArticleResult(id=art.id, published=art.published, relation_changes=rcs, sentences=[(0, len(text))]), art


RUS_FORMAL = ("RUS", "TALIBAN", "recognition", "formal", "2025-07-03")


def event_report(text: str, source: str, target: str, type_: str, goldstein: float, day: str,
                 published: str = "2025-07-05") -> tuple[ArticleResult, Article]:
    """An article whose one sentence is one event ``source`` → ``type_`` → ``target`` on ``day``."""
    from detente.models import ActorRef, Event

    art = Article.from_text(text, published=dt.date.fromisoformat(published), title=text[:40])
    ev = Event(type=type_, source=ActorRef(id=source, country=source, sector="GOV", text=source),
               target=ActorRef(id=target, country=target, sector="GOV", text=target), date=day,
               date_precision="day", status="occurred", goldstein=goldstein, cameo="000", sentence=text, start=0,
               end=len(text), confidence=0.9, rule="test")
    return ArticleResult(id=art.id, published=art.published, events=[ev], sentences=[(0, len(text))]), art
