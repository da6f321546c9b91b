"""A Dask LocalCluster run gives the same store as a single-process run on the same input."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from detente.ingest import read_paths
from detente.models import Article
from detente.pipeline import extract_articles
from detente.scale import ingest_dask
from detente.store import open_store, schema

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"

pytestmark = pytest.mark.slow


def _articles() -> list[Article]:
    return [a for a in read_paths(sorted(CORPUS.glob("*.txt"))[:6]) if isinstance(a, Article)]


def _events(store) -> list[tuple]:
    e = schema.events
    cols = (e.c.article_id, e.c.idx, e.c.type, e.c.source_id, e.c.target_id, e.c.date, e.c.status,
            e.c.start, e.c.end, e.c.rule)
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(select(*cols)))


def test_dask_local_cluster_equals_single_process(tmp_path):
    articles = _articles()
    assert articles
    single = open_store(f"sqlite:///{tmp_path / 'single.db'}")
    for result, article in zip(extract_articles(articles), articles):
        single.save(result, article)

    distributed = open_store(f"sqlite:///{tmp_path / 'dask.db'}")
    new = ingest_dask("local:2", articles, distributed, chunk_size=2)

    assert new == len(articles)
    assert _events(distributed) == _events(single)
    assert _events(single), "the corpus yields events"
