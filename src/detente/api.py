"""detente as a library: ``detente.load()`` gives a coder, ``detente.Store(url)`` a store to query.

A thin layer over the pipeline (``detente.pipeline``), the store (``detente.store``), the relation
queries (``detente.relations``) and the services (``detente.services``): the CLI and the web app
call the same functions. Examples with their output: ``docs/python-api.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from detente.models import Article, ArticleResult
from detente.results import (Brief, Status, StoredArticle, StoredEvent, TimelineItem, WhoRow, stored_events,
                             timeline_items)
from detente.services.ingest import IngestSummary

DateLike = dt.date | str | None


def _articles(items: Iterable[Any], published: DateLike, source: str | None, strict: bool) -> Iterator[Article]:
    """Articles from texts, dicts, ``Article``s and paths; a bad item is a ``ValueError`` (``strict``)
    or left out."""
    from detente.ingest.base import IngestError
    from detente.ingest.objects import defaults, read_objects

    for item in read_objects(items, defaults(published, source)):
        if isinstance(item, IngestError):
            if strict:
                raise ValueError(str(item))
            continue
        yield item


class Coder:
    """Codes articles into events, relation changes and quotes (``ArticleResult``), with no store.

    ``coder(text, published=...)`` codes one article; ``coder.pipe(articles)`` streams many
    (spaCy batches). The spaCy model and the actor knowledge base load on first use.
    """

    def __init__(self, actors: Sequence[str | Path] = ()) -> None:
        self.actor_files = tuple(str(p) for p in actors)
        for p in self.actor_files:
            if not Path(p).is_file():
                raise FileNotFoundError(f"{p}: actor file not found")
        self._kb = None

    @property
    def kb(self):
        """The actor knowledge base: the packaged actors plus ``actors`` files."""
        if self._kb is None:
            from detente.actors import load_kb

            self._kb = load_kb(self.actor_files)
        return self._kb

    def __call__(self, text: str | Article | dict, *, published: DateLike = None, title: str | None = None,
                 source: str | None = None, url: str | None = None, id: str | None = None) -> ArticleResult:  # noqa: A002
        """Code one article: its text (front matter allowed), a dict of JSON Lines fields or an
        ``Article``; ``published`` dates relative expressions ("on Friday")."""
        from detente.pipeline import extract_article

        if isinstance(text, str) and any(v is not None for v in (title, url, id)):
            text = {"text": text, "title": title, "url": url, "id": id}
        [article] = _articles([text], published, source, strict=True)
        return extract_article(article, self.kb)

    def pipe(self, articles: Iterable[str | Article | dict | Path], *, batch_size: int = 32,
             published: DateLike = None, source: str | None = None, strict: bool = True) -> Iterator[ArticleResult]:
        """Code many articles, streaming (results in input order). A bad item raises ``ValueError``
        naming it, or is skipped with ``strict=False``."""
        from detente.pipeline import extract_articles

        yield from extract_articles(_articles(articles, published, source, strict), self.kb, batch_size=batch_size)

    def __repr__(self) -> str:
        return f"Coder(actors={list(self.actor_files)!r})"


def load(actors: Sequence[str | Path] = ()) -> Coder:
    """A coder with the packaged actors, plus the actors of these YAML files (``docs/extending.md``)."""
    return Coder(actors)


def _day(value: DateLike) -> dt.date | None:
    """A date from a ``date`` or an ISO string; ``ValueError`` naming it otherwise."""
    from detente.store.query import _as_date

    return _as_date(value, "as-of/since/until")


class Store:
    """A detente store (SQLite or PostgreSQL URL, or an SQLite path): ingest articles, ask questions.

    Actors are given as ids (``"RUS"``) or names (``"Russia"``, ``"the Taliban"``), resolved by
    ``detente.services.names`` as on the command line (``UnknownActor`` when unknown or ambiguous).
    """

    def __init__(self, url: str | Path = "sqlite:///detente.db", *, create: bool = True,
                 actors: Sequence[str | Path] = ()) -> None:
        from detente.store import open_store

        url = str(url)
        self.url = url if "://" in url else f"sqlite:///{url}"
        self.coder = Coder(actors)
        self._store = open_store(self.url, create=create)

    @property
    def engine(self):
        """The SQLAlchemy engine (tables: ``detente.store.schema``)."""
        return self._store.engine

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self._store.shown_url!r})"

    # -- names ---------------------------------------------------------------------------------
    def actor_id(self, name: str, on: DateLike = None) -> str:
        """The actor id for an id or a name (``"Russia"`` → ``"RUS"``)."""
        from detente.services.names import resolve_actor

        return resolve_actor(name, store=self._store, kb=self.coder.kb, on=_day(on))

    # -- writing -------------------------------------------------------------------------------
    def ingest(self, articles: Iterable[str | Article | dict | Path], *, published: DateLike = None,
               source: str | None = None, batch_size: int = 16) -> IngestSummary:
        """Code and store articles (texts, dicts of JSON Lines fields, ``Article``s, or paths of
        files and folders); stored ones (same content hash) are skipped. Bad items are counted in
        ``errors``, one line each; the others go in."""
        from detente.ingest.objects import defaults, read_objects
        from detente.services.ingest import ingest_articles

        items = read_objects(articles, defaults(published, source))
        return ingest_articles(self._store, items, kb=self.coder.kb, batch_size=batch_size)

    # -- questions -----------------------------------------------------------------------------
    def status(self, a: str, b: str, as_of: DateLike = None) -> Status:
        """The state of the relation a → b on ``as_of`` (default today)."""
        from detente.relations.state import status

        return Status.model_validate(status(self._store, self.actor_id(a), self.actor_id(b), _day(as_of)))

    def timeline(self, a: str, b: str, since: DateLike = None, until: DateLike = None,
                 collapse: bool = True) -> list[TimelineItem]:
        """Events and state changes between a and b (both directions), oldest first; one row per
        real-world event unless ``collapse=False``."""
        from detente.services.briefs import timeline

        rows = timeline(self._store, self.actor_id(a), self.actor_id(b), _day(since), _day(until), collapse=collapse)
        return timeline_items(rows)

    def brief(self, a: str, b: str, as_of: DateLike = None) -> Brief:
        """A short sourced brief of a → b (``detente brief --format json``)."""
        from detente.services.briefs import brief

        return Brief.model_validate(brief(self._store, self.actor_id(a), self.actor_id(b), _day(as_of)))

    def who(self, *, designating: str | None = None, designated_by: str | None = None,
            hosts_ambassador_of: str | None = None, recognising: str | None = None,
            program: str | None = None, as_of: DateLike = None) -> list[WhoRow]:
        """Actors in a relation with X on ``as_of``: give exactly one selector."""
        from detente.relations.state import who

        chosen = {k: v for k, v in (("designating", designating), ("designated_by", designated_by),
                                    ("hosts_ambassador_of", hosts_ambassador_of), ("recognising", recognising))
                  if v}
        if len(chosen) != 1:
            raise ValueError("give exactly one of designating, designated_by, hosts_ambassador_of, recognising")
        (key, name), = chosen.items()
        rows = who(self._store, **{key: self.actor_id(name)}, program=program, as_of=_day(as_of))
        return [WhoRow.model_validate(r) for r in rows]

    def events(self, *, actor: str | None = None, dyad: tuple[str, str] | None = None, directed: bool = False,
               type: str | Sequence[str] | None = None, status: str | Sequence[str] | None = None,  # noqa: A002
               since: DateLike = None, until: DateLike = None, limit: int | None = None) -> list[StoredEvent]:
        """Stored events by actor, dyad, type, status and dates (see ``detente events``)."""
        from detente.store.query import events

        rows = events(self._store, actor=self.actor_id(actor) if actor else None,
                      dyad=(self.actor_id(dyad[0]), self.actor_id(dyad[1])) if dyad else None,
                      directed=directed, type=type, status=status, since=_day(since), until=_day(until),
                      limit=limit)
        return stored_events(rows)

    def article(self, id: str) -> StoredArticle | None:  # noqa: A002
        """One stored article with everything extracted from it, by its id or its ``source_id``."""
        from detente.store.query import article

        found = article(self._store, id)
        return None if found is None else StoredArticle.model_validate(found)

    # -- watches and alerts (``detente.watch``) --------------------------------------------------
    def watch(self, dimension: str, *, source: str = "*", target: str = "*", values: Sequence[str] | None = None,
              min_confidence: float | None = None, min_reports: int | None = None,
              webhook: str | None = None, label: str | None = None) -> dict[str, Any]:
        """Store a watch on a relation dimension (``"*"``: any actor); returns it with its ``id``."""
        from detente.watch import add_watch

        def one(name: str) -> str:
            return name if name == "*" else self.actor_id(name)

        return add_watch(self._store, dimension, source=one(source), target=one(target), values=values,
                         min_confidence=min_confidence, min_reports=min_reports, webhook=webhook, label=label)

    def watches(self) -> list[dict[str, Any]]:
        """The stored watches."""
        from detente.watch import list_watches

        return list_watches(self._store)

    def unwatch(self, watch_id: int) -> bool:
        """Remove a watch (its alerts stay); False when there is none with that id."""
        from detente.watch import remove_watch

        return remove_watch(self._store, watch_id)

    def alerts(self, *, since: DateLike = None, watch: int | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Alerts raised by the watches, newest change first, each with before/after and evidence."""
        from detente.watch import alerts

        return alerts(self._store, since=_day(since), watch=watch, limit=limit)

    def changes(self, *, since: DateLike = None, recorded_since: DateLike = None, dimension: str | None = None,
                limit: int = 100, cursor: str | None = None) -> dict[str, Any]:
        """Recorded state changes a page at a time (``{items, next_cursor}``), as ``detente changes``."""
        from detente.watch import changes

        return changes(self._store, since=_day(since), recorded_since=_day(recorded_since), dimension=dimension,
                       limit=limit, cursor=cursor)

    def counts(self) -> dict[str, int]:
        """How much is stored: articles, events, quotes, relation_changes, actors."""
        from detente.store.query import counts

        return counts(self._store)


__all__ = ["Coder", "Store", "load"]
