"""Five articles report Canada's expulsion of Indian diplomats in different words: one cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.store.clusters import clusters
from detente.ingest import read_paths
from detente.models import Article
from detente.pipeline import extract_articles
from detente.store import open_store

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
REPORTS = ["14-", "15-", "16-", "17-", "18-"]  # wire, wire, analysis, bullets, op-ed


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    files = sorted(p for p in CORPUS.glob("*.txt") if p.name[:3] in REPORTS)
    assert len(files) == 5
    articles = [a for a in read_paths(files) if isinstance(a, Article)]
    st = open_store(f"sqlite:///{tmp_path_factory.mktemp('dedup') / 'd.db'}")
    st.save_many(list(zip(extract_articles(articles), articles)))
    return st


@pytest.mark.parametrize("source,target", [("CAN", "IND"), ("IND", "CAN")])
def test_each_expulsion_is_one_cluster_reported_by_all_five_articles(store, source, target):
    found = [c for c in clusters(store, dyad=(source, target), type="SANCTION")
             if c["source"] == source and c["date"] == "2024-10-14" and c["status"] == "occurred"]
    assert len(found) == 1, found
    cluster = found[0]
    assert cluster["articles"] == 5
    assert cluster["mentions"] >= 5
    assert cluster["first_reported"] == "2024-10-14" and cluster["last_reported"] == "2024-10-15"


def test_the_2023_expulsions_stay_a_separate_event(store):
    found = clusters(store, dyad=("CAN", "IND"), type="SANCTION")
    by_date = {c["date"]: c["cluster_id"] for c in found}
    earlier = [d for d in by_date if d and d.startswith("2023")]
    assert earlier and "2024-10-14" in by_date
    assert all(by_date[d] != by_date["2024-10-14"] for d in earlier)
