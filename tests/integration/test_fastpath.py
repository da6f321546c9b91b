"""The fast path (compiled attribute ruler, pre-filter, stitched docs) against the plain full parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from detente.actors import load_kb
from detente.clean import clean_text
from detente.ingest import IngestError, read_paths
from detente.nlp import get_fast_nlp
from detente.pipeline import extract_articles, process
from detente.prefilter import Prefilter


CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def articles():
    return [a for a in read_paths([CORPUS]) if not isinstance(a, IngestError)]


@pytest.fixture(scope="module")
def full(nlp, kb, articles):
    """The reference: every article parsed whole by the stock model."""
    return [process(a, nlp(clean_text(a.text).text), kb) for a in articles]


def same_annotations(nlp, text: str) -> bool:
    a, b = nlp(text), get_fast_nlp()(text)
    return (a.to_array(ATTRS) == b.to_array(ATTRS)).all() and [str(t.morph) for t in a] == [str(t.morph) for t in b]


def test_compiled_components_match_the_stock_ones(nlp):
    fast = get_fast_nlp()
    assert fast.get_pipe("attribute_ruler").__class__.__name__ == "CompiledAttributeRuler"
    assert fast.get_pipe("lemmatizer").__class__.__name__ == "CompiledLemmatizer"
    for text in [
        "Russia's foreign ministry said on Thursday it had been informed. There is no deal.",
        "Y'all ain't gonna do nothin' 'bout it, I'd say. Let's go, c'mon! I gave it to you.",
        "He'd had it.\n\nShe doesn't, and they've been there. Gotta go.  Done  ",
        "",
    ]:
        assert same_annotations(nlp, text), text


@pytest.mark.slow
def test_compiled_components_on_the_corpus(nlp, articles):
    for a in articles:
        assert same_annotations(nlp, clean_text(a.text).text), a.title


@pytest.mark.slow
def test_prefilter_keeps_every_sentence_with_an_event_or_a_quote(nlp, kb, articles, full):
    pf = Prefilter(get_fast_nlp(), kb)
    skipped_total = 0
    for a, ref in zip(articles, full):
        cleaned = clean_text(a.text)
        plan = pf.plan(cleaned.text)
        kept = [cleaned.orig_span(r.start, r.end) for r in plan.runs if r.keep]
        skipped_total += plan.sentences - plan.kept_sentences

        def inside(start: int, end: int) -> bool:
            return any(s <= start and end <= e for s, e in kept)

        for ev in ref.events:
            # the start of the event's sentence and both its actors lie in kept text (the parser may
            # glue a following heading to the sentence: that part need not be kept)
            lead = len(ev.sentence) - len(ev.sentence.lstrip())
            assert inside(ev.start + lead, ev.start + lead + 1), (a.title, ev.sentence)
            for ref_ in (ev.source, ev.target):
                if ref_ is not None and ref_.start is not None:
                    assert inside(ref_.start, ref_.end), (a.title, ev.sentence, ref_.text)
        for q in ref.quotes:
            assert inside(q.start, q.end), (a.title, q.text)
        for m in ref.mentions:
            assert inside(m.start, m.end), (a.title, m.text)
    assert skipped_total > 0  # the filter does skip something on real articles


@pytest.mark.slow
def test_fast_path_codes_the_same_events_and_quotes(articles, full, kb):
    fast = list(extract_articles(articles, kb, batch_size=8, prefilter=True))
    plain = list(extract_articles(articles, kb, batch_size=8))
    assert [r.id for r in fast] == [a.id for a in articles]
    for ref, got, whole in zip(full, fast, plain):
        # without the pre-filter the output is that of the stock model, byte for byte
        assert whole.model_dump_json() == ref.model_dump_json()
        # with it: the same events and quotes; a run parsed on its own may place a sentence
        # boundary differently, which can change an event's sentence text and date (docs/benchmarks.md)
        # (the sentence classifier reads the whole parse of a sentence: what it proposes may differ
        # where a piece parsed on its own parses differently, so the rules' events are compared)
        def key(ev):
            return tuple(map(str, (ev.type, ev.source and ev.source.id, ev.target and ev.target.id, ev.rule, ev.cameo)))

        def ruled(events):
            return sorted(key(e) for e in events if not e.rule.startswith("classifier."))
        assert ruled(got.events) == ruled(ref.events), ref.title
        assert [(q.start, q.end) for q in got.quotes] == [(q.start, q.end) for q in ref.quotes], ref.title
        assert [(c.source, c.target, c.dimension, c.value) for c in got.relation_changes] == \
            [(c.source, c.target, c.dimension, c.value) for c in ref.relation_changes], ref.title


def test_streaming_keeps_order_with_articles_that_need_no_parse(kb):
    from detente.models import Article

    texts = ["The weather was mild.", "Russia expelled two British diplomats on Friday.",
             "Prices rose. Markets fell.", "China reopened its embassy in Kabul."]
    arts = [Article.from_text(t) for t in texts]
    got = list(extract_articles(arts, kb, batch_size=2, prefilter=True))
    assert [r.id for r in got] == [a.id for a in arts]
    assert [len(r.events) > 0 for r in got] == [False, True, False, True]
