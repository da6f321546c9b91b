"""Articles into a store, as ``detente ingest`` and ``detente.Store.ingest`` do it.

``ingest_articles(store, items, ...)`` takes what the readers yield (``Article`` or
``IngestError``), skips articles already stored (same content hash) before parsing, extracts the
rest in batches, saves each batch in one transaction (each article atomic) and counts. An input
that cannot be read or an article whose extraction fails is one line in ``errors``; the others go
in. A store error (``StoreError``) stops it: every batch saved before is committed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pydantic import BaseModel, Field

from detente.ingest.base import IngestError
from detente.models import Article, ArticleResult

#: extracts articles: (articles, on_error) → results, or (result, article) pairs
Extractor = Callable[[Iterator[Article], Callable[[Article, Exception], None]],
                     Iterable["ArticleResult | tuple[ArticleResult, Article]"]]


def plural(n: int, word: str) -> str:
    """``1 event``, ``2 events``."""
    return f"{n} {word if n == 1 else word + 's'}"


class IngestSummary(BaseModel):
    """What one ingest did: counts, and one line per input or article that could not go in."""

    ingested: int = 0
    already: int = Field(default=0, description="articles skipped: already stored (same content hash)")
    events: int = 0
    relation_changes: int = 0
    quotes: int = 0
    errors: list[str] = Field(default_factory=list, description="one line each: 'where: why'")
    warnings: list[str] = Field(default_factory=list, description="what ingest dropped from an input")

    def line(self) -> str:
        """The summary ``detente ingest`` prints."""
        return (f"ingested {plural(self.ingested, 'article')} ({self.already} already stored): "
                f"{plural(self.events, 'event')}, {plural(self.relation_changes, 'relation change')}, "
                f"{plural(self.quotes, 'quote')}; {plural(len(self.errors), 'error')}")


def extraction_error(article: Article, exc: BaseException) -> str:
    """One line naming an article whose extraction failed, and why."""
    reason = " ".join(str(exc).split()) or "no message"
    return f"{article.origin or article.id}: extraction failed ({type(exc).__name__}: {reason[:200]})"


def ingest_articles(
    store: Any,
    items: Iterable[Article | IngestError],
    *,
    kb: Any = None,
    batch_size: int = 16,
    extract: Extractor | None = None,
    summary: IngestSummary | None = None,
    on_error: Callable[[str], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Ingest ``items`` into ``store`` (see the module docstring); returns ``summary`` (a new one
    if not given), which is kept up to date as batches are saved (so a caller still has the counts
    when a ``StoreError`` or an interrupt stops it). ``extract`` replaces the local pipeline
    (``pipeline.extract_articles`` with ``kb``), e.g. by a Dask cluster; ``on_error`` /
    ``on_warning`` get each line as it happens, ``on_progress`` the number of inputs done."""
    out = summary if summary is not None else IngestSummary()
    seen: set[str] = set()
    pending: dict[str, Article] = {}
    batch_size = max(1, int(batch_size))

    def error(line: str) -> None:
        out.errors.append(line)
        if on_error is not None:
            on_error(line)

    def progress(n: int = 1) -> None:
        if on_progress is not None:
            on_progress(n)

    def to_parse() -> Iterator[Article]:
        for item in items:
            if isinstance(item, IngestError):
                error(str(item))
                progress()
                continue
            for warning in item.warnings:
                out.warnings.append(warning)
                if on_warning is not None:
                    on_warning(warning)
            if item.id in seen or item.id in store.known_ids([item.id]):
                out.already += 1
                progress()
                continue
            seen.add(item.id)
            pending[item.id] = item
            yield item

    def failed(article: Article, exc: Exception) -> None:
        pending.pop(article.id, None)
        error(extraction_error(article, exc))
        progress()

    def save(batch: list[tuple[ArticleResult, Article]]) -> None:
        written = store.save_many(batch, batch=len(batch))
        for (result, _), ok in zip(batch, written):
            if ok:
                out.ingested += 1
                out.events += len(result.events)
                out.relation_changes += len(result.relation_changes)
                out.quotes += len(result.quotes)
            else:
                out.already += 1
        progress(len(batch))

    if extract is None:
        from detente.pipeline import extract_articles

        def extract(articles: Iterator[Article], on_fail: Callable[[Article, Exception], None]):
            return extract_articles(articles, kb, batch_size=batch_size, on_error=on_fail)

    batch: list[tuple[ArticleResult, Article]] = []
    for got in extract(to_parse(), failed):
        result, article = got if isinstance(got, tuple) else (got, None)
        batch.append((result, pending.pop(result.id, article)))
        if len(batch) >= batch_size:
            save(batch)
            batch = []
    if batch:
        save(batch)
    return out


__all__ = ["IngestSummary", "extraction_error", "ingest_articles", "plural"]
