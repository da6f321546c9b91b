"""``extract``: article → events, relation changes, quotes. No database.

The stages, each a module with a narrow interface::

    clean → nlp → actors.find_mentions → events.extract_events (dated by detente.dates)
          → relations.derive.changes_from_events → quotes.extract_quotes

All stages work on the cleaned text; this module maps every offset back to the original text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from spacy.tokens import Doc

from detente import __version__
from detente.actors import ActorKB, find_mentions, load_kb
from detente.clean import Cleaned, clean_text
from detente.events import extract_events
from detente.models import Article, ArticleResult, Extraction
from detente.nlp import get_nlp
from detente.quotes import extract_quotes
from detente.relations.derive import changes_from_events


def _remap(cleaned: Cleaned, original: str, start: int, end: int) -> tuple[int, int, str]:
    s, e = cleaned.orig_span(start, end)
    return s, e, original[s:e]


def process(article: Article, doc: Doc, kb: ActorKB) -> ArticleResult:
    """Run the stages after parsing on one article whose cleaned text was parsed into ``doc``."""
    cleaned = clean_text(article.text)
    assert doc.text == cleaned.text, "doc must be the parse of the cleaned text"
    original = article.text
    mentions = find_mentions(doc, kb, article.published)

    events = []
    sentences = []
    for sent in doc.sents:
        s, e = cleaned.orig_span(sent.start_char, sent.end_char)
        if original[s:e].strip():
            sentences.append((s, e))
        for ev in extract_events(sent, mentions, kb, article.published):
            ev.start, ev.end, ev.sentence = _remap(cleaned, original, ev.start, ev.end)
            for ref in (ev.source, ev.target):
                if ref is not None and ref.start is not None and ref.end is not None:
                    ref.start, ref.end = cleaned.orig_span(ref.start, ref.end)
            events.append(ev)

    changes = changes_from_events(events)
    quotes = extract_quotes(doc, mentions)
    for q in quotes:
        q.start, q.end = cleaned.orig_span(q.start, q.end)
    for m in mentions:
        m.start, m.end = cleaned.orig_span(m.start, m.end)
    return ArticleResult(
        id=article.id, title=article.title, published=article.published, source=article.source,
        url=article.url, events=events, relation_changes=changes, quotes=quotes,
        sentences=sentences, mentions=mentions,
    )


def extract_article(article: Article, kb: ActorKB | None = None) -> ArticleResult:
    kb = kb or load_kb()
    doc = get_nlp()(clean_text(article.text).text)
    return process(article, doc, kb)


def extract_articles(
    articles: Iterable[Article],
    kb: ActorKB | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[ArticleResult]:
    """Stream articles through the pipeline (``nlp.pipe`` batches; nothing held beyond a batch)."""
    kb = kb or load_kb()
    nlp = get_nlp()
    pairs = ((clean_text(a.text).text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield process(article, doc, kb)


def extract(articles: Iterable[Article], actor_files: Sequence[str | Path] = ()) -> Extraction:
    """The whole pipeline on a set of articles, as the JSON contract of DESIGN.md."""
    kb = load_kb(actor_files)
    return Extraction(detente_version=__version__, articles=list(extract_articles(articles, kb)))
