"""One bad article never stops a batch: an exception inside a stage for one article is one error
line naming it; the other articles are extracted and stored, the summary counts it, exit 1."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.store import open_store, query

pytestmark = pytest.mark.slow

GOOD = "Russia will accept an ambassador appointed by the Taliban, the foreign ministry said on Friday.\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    import detente.pipeline as pipeline

    real = pipeline.process

    def process(article, doc, kb, cleaned=None, all_places=False):
        if "BOOM" in article.text:
            raise RuntimeError("a stage failed")
        return real(article, doc, kb, cleaned, all_places)

    monkeypatch.setattr(pipeline, "process", process)
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("---\npublished: 2025-04-25\n---\n" + GOOD)
    (news / "b.txt").write_text("---\npublished: 2025-04-25\n---\nBOOM. " + GOOD)
    (news / "c.jsonl").write_text(json.dumps({"text": "China met the Taliban on Monday.", "published": "2024-01-30"})
                                  + "\n" + json.dumps({"text": "BOOM. China met Russia.", "published": "2024-01-30"}) + "\n")
    return news


def test_ingest_reports_the_failed_articles_and_stores_the_rest(nlp, folder, tmp_path):
    db = f"sqlite:///{tmp_path / 'b.db'}"
    r = CliRunner().invoke(app, ["ingest", str(folder), "--db", db, "--batch-size", "1"])
    assert r.exit_code == 1, r.output
    lines = [ln for ln in r.output.splitlines() if "a stage failed" in ln]
    assert len(lines) == 2
    assert any(str(folder / "b.txt") in ln for ln in lines) and any("c.jsonl:2" in ln for ln in lines)
    assert "ingested 2 articles" in r.output and "2 errors" in r.output
    assert len(query.articles(open_store(db))) == 2


def test_extract_reports_the_failed_article_and_prints_the_rest(nlp, folder):
    r = CliRunner().invoke(app, ["extract", str(folder)])
    assert r.exit_code == 1
    out = r.stdout if hasattr(r, "stdout") else r.output
    doc = json.loads(out[out.index("{"):out.rindex("}") + 1])
    assert len(doc["articles"]) == 2
    assert "b.txt" in r.output and "a stage failed" in r.output


def test_a_dask_chunk_reports_the_failed_article_and_returns_the_rest(nlp, folder):
    from detente.ingest import read_paths
    from detente.scale import _extract_chunk_reporting

    articles = [a for a in read_paths([folder]) if not hasattr(a, "reason")]
    pairs, failures = _extract_chunk_reporting(articles)
    assert sorted(a.origin for _, a in pairs) == sorted(a.origin for a in articles if "BOOM" not in a.text)
    assert [str(exc) for _, exc in failures] == ["a stage failed", "a stage failed"]
    assert all(r.id == a.id for r, a in pairs)
