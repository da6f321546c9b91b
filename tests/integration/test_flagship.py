"""The flagship article end to end: Russia will accept a Taliban ambassador after its Supreme Court
suspended the terrorist ban (``examples/corpus/01-russia-taliban-envoy.txt``; the golden
expectations are in ``tests/golden/01-russia-taliban-envoy.yml``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from detente.models import Article
from detente.pipeline import extract_article

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "examples" / "corpus" / "01-russia-taliban-envoy.txt"


@pytest.fixture(scope="module")
def result():
    raw = ARTICLE.read_text(encoding="utf-8")
    _, front, body = raw.split("---\n", 2)
    meta = yaml.safe_load(front)
    article = Article.from_text(body, title=meta["title"], published=meta["published"])
    return extract_article(article)


def find(result, type_, source, target, sentence_part, status=None):
    hits = [e for e in result.events
            if e.type == type_ and e.source and e.source.id == source and e.target and e.target.id == target
            and sentence_part in e.sentence and (status is None or e.status == status)]
    assert hits, f"no {type_} {source}->{target} in sentence with {sentence_part!r}"
    return hits[0]


def test_2003_designation(result):
    ev = find(result, "SANCTION", "RUS", "TALIBAN", "designated the Taliban")
    assert (ev.date, ev.date_precision, ev.status) == ("2003", "year", "occurred")
    assert ev.rule == "designation.list_add" and ev.cameo == "172"


def test_suspension_dated_from_the_text(result):
    ev = find(result, "CONCEDE", "RUS", "TALIBAN", "suspended the ban")
    assert (ev.date, ev.date_precision, ev.status) == ("2025-04-17", "day", "occurred")
    assert "date_from" not in ev.detail


def test_ambassador_acceptance_is_planned(result):
    ev = find(result, "SUPPORT", "RUS", "TALIBAN", "will accept an ambassador")
    assert ev.status == "planned"


def test_contacts_since_2015_and_talks_ongoing_since_2016(result):
    ev = find(result, "CONSULT", "RUS", "TALIBAN", "opened contacts")
    assert (ev.date, ev.date_precision) == ("2015", "year")
    ev = find(result, "CONSULT", "RUS", "TALIBAN", "regular talks")
    assert (ev.date, ev.date_precision, ev.status) == ("2016", "year", "ongoing")


def test_2024_praise_as_allies(result):
    ev = find(result, "SUPPORT", "RUS", "TALIBAN", "allies")
    assert (ev.date, ev.date_precision) == ("2024", "year")


def test_trade_deals_with_subjects(result):
    ev = find(result, "AGREE", "RUS", "TALIBAN", "sign deals")
    assert ev.detail["subjects"] == ["oil products", "wheat", "flour"]


def test_china_accepted_an_ambassador(result):
    ev = find(result, "SUPPORT", "CHN", "TALIBAN", "credentials")
    assert (ev.date, ev.date_precision) == ("2024-01", "month")


def test_recognition_is_negated(result):
    ev = find(result, "SUPPORT", "RUS", "TALIBAN", "not formally recognised")
    assert ev.status == "negated"


def test_no_detentions_is_never_coded_as_having_happened(result):
    events = [e for e in result.events if "No detentions have occurred" in e.sentence]
    assert all(e.status == "negated" for e in events)


def test_every_event_points_into_the_article(result):
    text = ARTICLE.read_text(encoding="utf-8").split("---\n", 2)[2]
    for ev in result.events:
        assert text[ev.start:ev.end] == ev.sentence
        assert ev.goldstein is not None and 0 < ev.confidence <= 1


def test_quotes_with_their_speakers(result):
    by_speaker = {(q.speaker, q.text[:30]) for q in result.quotes}
    assert ("Dmitri Volkov", "This is recognition in everyth") in by_speaker
    assert any(s == "Dmitri Volkov" and "Beijing sitting there alone" in q.text
               for q in result.quotes for s in [q.speaker])
    assert any(q.speaker == "Anna Morozova" and "dead letter" in q.text for q in result.quotes)
    text = ARTICLE.read_text(encoding="utf-8").split("---\n", 2)[2]
    for q in result.quotes:  # offsets and text as the article gives them
        assert text[q.start:q.end] == q.text


def change(result, dimension, value, source="RUS", target="TALIBAN"):
    hits = [c for c in result.relation_changes
            if (c.source, c.target, c.dimension, c.value) == (source, target, dimension, value)]
    assert hits, f"no {dimension}={value} change {source}->{target}"
    return hits


def test_relation_changes(result):
    listed = change(result, "designation", "listed")
    assert [(c.date, c.date_precision) for c in listed] == [("2003", "year")]
    suspended = change(result, "designation", "suspended")
    assert ("2025-04-17", "day") in [(c.date, c.date_precision) for c in suspended]
    change(result, "representation", "ambassador")
    change(result, "representation", "ambassador", source="CHN")
    [deals] = change(result, "agreements", "enabled")
    assert deals.detail["subjects"] == ["oil products", "wheat", "flour"]
    assert deals.detail["kind"] == "trade"
    change(result, "recognition", "none")


def test_evidence_sentences_are_trimmed():
    """No evidence sentence starts or ends with whitespace or a stray closing quote."""
    from detente.ingest import read_paths
    from detente.models import Article
    from detente.pipeline import extract_articles

    corpus = ARTICLE.parent
    articles = [a for a in read_paths(sorted(corpus.glob("0[1-3]*.txt"))) if isinstance(a, Article)]
    for result in extract_articles(articles):
        for ev in result.events:
            assert ev.sentence == ev.sentence.strip()
            assert not (ev.sentence[:1] in "\"\u201d" and ev.sentence[1:2].isspace()), ev.sentence
