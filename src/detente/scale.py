"""Scale-out with Dask: extraction on a cluster's workers, results written to one store in batches.

``detente ingest --dask tcp://scheduler:8786`` (or ``--dask local:4`` for a ``LocalCluster`` of four
worker processes) reads the inputs on the client, sends chunks of articles to the workers, where
:func:`_extract_chunk` runs the ordinary pipeline (the spaCy model and the actor KB are loaded once
per worker process and cached), and saves the results as they come back. At most
``2 × workers`` chunks are in flight, so client memory stays flat however long the input.

The results equal a single-process run on the same input: extraction is a pure function of the
article, and the store is keyed by article id (content hash), so order does not matter. See
``docs/scale.md`` for a deployment with a scheduler, workers and PostgreSQL.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from detente.models import Article, ArticleResult


def _extract_chunk(articles: list[Article], actor_files: tuple[str, ...] = ()) -> list[tuple[ArticleResult, Article]]:
    from detente.actors import load_kb
    from detente.pipeline import extract_articles

    kb = load_kb(actor_files)
    return list(zip(extract_articles(articles, kb), articles, strict=True))


def _extract_chunk_reporting(articles: list[Article], actor_files: tuple[str, ...] = ()
                             ) -> tuple[list[tuple[ArticleResult, Article]], list[tuple[Article, Exception]]]:
    """``_extract_chunk`` where an article that fails is left out and returned with its exception
    (the chunk goes on): ``(pairs, failures)``."""
    import pickle

    from detente.actors import load_kb
    from detente.pipeline import extract_articles

    failures: list[tuple[Article, Exception]] = []

    def failed(article: Article, exc: Exception) -> None:
        try:
            pickle.dumps(exc)
        except Exception:  # noqa: BLE001 - any exception that cannot travel back: its text does
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        failures.append((article, exc))

    kb = load_kb(actor_files)
    by_id = {a.id: a for a in articles}
    pairs = [(r, by_id[r.id]) for r in extract_articles(articles, kb, on_error=failed)]
    return pairs, failures


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


@contextlib.contextmanager
def dask_client(address: str):
    """A ``distributed.Client`` for ``local:N`` (a LocalCluster of N processes) or a scheduler address."""
    from distributed import Client, LocalCluster

    if address.startswith("local"):
        _, _, n = address.partition(":")
        workers = int(n or 2)
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
            silence_logs=40,
        )
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()
    else:
        client = Client(address)
        try:
            yield client
        finally:
            client.close()


def extract_distributed(
    client, articles: Iterable[Article], *, chunk_size: int = 16, actor_files: Sequence[str] = (),
    on_error: Callable[[Article, Exception], None] | None = None,
) -> Iterator[tuple[ArticleResult, Article]]:
    """Stream (result, article) pairs computed on the cluster; completion order, bounded in flight.

    ``on_error``: as in ``pipeline.extract_articles`` (called here, on the client)."""
    from distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    limit = 2 * workers
    chunks = _chunks(articles, chunk_size)
    files = tuple(str(f) for f in actor_files)
    task = _extract_chunk if on_error is None else _extract_chunk_reporting
    pending = as_completed()
    in_flight = 0
    for chunk in islice(chunks, limit):
        pending.add(client.submit(task, chunk, files, pure=False))
        in_flight += 1
    for future in pending:
        pairs = future.result()
        future.release()
        if on_error is not None:
            pairs, failures = pairs
            for article, exc in failures:
                on_error(article, exc)
        in_flight -= 1
        nxt = next(chunks, None)
        if nxt is not None:
            pending.add(client.submit(task, nxt, files, pure=False))
            in_flight += 1
        yield from pairs


def ingest_dask(
    address: str, articles: Iterable[Article], store, *, chunk_size: int = 16,
    actor_files: Sequence[str] = (), on_saved: Callable[[ArticleResult, bool], None] | None = None,
) -> int:
    """Extract ``articles`` on a Dask cluster and save them in ``store``; returns how many were new."""
    new = 0
    with dask_client(address) as client:
        for result, article in extract_distributed(client, articles, chunk_size=chunk_size, actor_files=actor_files):
            saved = store.save(result, article)
            new += bool(saved)
            if on_saved is not None:
                on_saved(result, saved)
    return new
