"""Long articles: extraction cost grows linearly with the text, and a text over spaCy's length
limit is parsed in pieces cut at paragraph breaks, offsets kept."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from detente.pipeline import split_paragraphs

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))


@pytest.mark.parametrize("text, limit", [
    ("a b c\n\nd e f\n\ng h i", 8), ("one two. three four. five six.", 10), ("x" * 25, 10),
    ("para one\n\n" * 50, 100), ("short", 100), ("line\nline\nline\n", 6),
])
def test_paragraph_pieces_cover_the_text_within_the_limit(text, limit):
    pieces = split_paragraphs(text, limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(0 < e - s <= limit for s, e in pieces)


def test_pieces_end_at_paragraph_breaks_when_there_are_some():
    text = "First paragraph here.\n\nSecond one is here.\n\nThird."
    assert [text[s:e] for s, e in split_paragraphs(text, 30)] == [
        "First paragraph here.\n\n", "Second one is here.\n\nThird."]


@pytest.fixture
def small_limit():
    from detente.nlp import get_fast_nlp

    nlp = get_fast_nlp()
    before = nlp.max_length
    nlp.max_length = 3000
    yield 3000
    nlp.max_length = before


@pytest.mark.slow
def test_a_text_over_the_parser_limit_is_extracted_in_pieces_with_offsets_kept(small_limit):
    from bench_length import long_article

    from detente.pipeline import extract_article

    article = long_article(10)
    assert len(article.text) > 3 * small_limit
    result = extract_article(article)
    assert result.events
    for ev in result.events:
        assert article.text[ev.start:ev.end] == ev.sentence
    for s, e in result.sentences:
        assert article.text[s:e].strip()
    for q in result.quotes:
        assert article.text[q.start:q.end] == q.text


@pytest.mark.slow
def test_extraction_time_grows_linearly_with_the_text():
    from bench_length import long_article

    from detente.actors import load_kb
    from detente.pipeline import extract_article

    kb = load_kb()
    extract_article(long_article(5), kb)  # warm-up: model, patterns, caches

    def cpu(kb_size: int) -> float:
        article = long_article(kb_size)
        t = time.process_time()
        extract_article(article, kb)
        return time.process_time() - t

    small, large = cpu(20), cpu(120)
    # six times the text: linear cost is about 6x; the quadratic steps made it 15x and more
    assert large <= 9 * small, (small, large)
