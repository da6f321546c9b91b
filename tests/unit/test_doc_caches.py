"""The per-doc reads of ``detente.nlp`` (sentence of a token, span text, token list) give what
spaCy's own attributes give, and the calendar test of person mentions is never stricter than the
test it guards."""

from __future__ import annotations

from detente.actors.mentions import _CALENDAR_WORDS, _MONTH_NAME
from detente.nlp import doc_tokens, parse_changed, parse_memo, sent_of, sentences, span_text, span_tokens, token_at

TEXT = ("Talks between the two sides ended on Friday.  Officials said a new round would follow.\n\n"
        "Protesters gathered outside the ministry in the capital. Police watched.")


def test_sent_of_gives_each_tokens_own_sentence(nlp):
    doc = nlp(TEXT)
    assert len(list(doc.sents)) >= 3
    for tok in doc:
        assert sent_of(tok) == tok.sent


def test_sent_of_reads_a_new_index_after_a_parse_change(nlp):
    doc = nlp(TEXT)
    before = sentences(doc)
    assert sent_of(doc[-1]) == doc[-1].sent
    doc.from_array(["HEAD"], doc.to_array(["HEAD"]))
    parse_changed(doc)
    assert sentences(doc) is not before
    for tok in doc:
        assert sent_of(tok) == tok.sent


def test_a_parse_memo_is_kept_per_doc_and_forgotten_when_the_parse_changes(nlp):
    doc, other = nlp(TEXT), nlp(TEXT)
    parse_memo(doc, "subject")[3] = "kept"
    assert parse_memo(doc, "subject") == {3: "kept"}
    assert parse_memo(doc, "objects") == {} and parse_memo(other, "subject") == {}
    parse_changed(doc)
    assert parse_memo(doc, "subject") == {}


def test_the_memoised_subject_follows_a_changed_parse(nlp):
    from detente.events.engine import _subject

    doc = nlp("Police arrested the men. Troops killed the rebels.")
    verb = next(t for t in doc if t.lower_ == "killed")
    assert _subject(verb).lower_ == "troops"
    # every word relabelled "dep": no subject any more, and the memo must not give the old one
    doc.from_array(["DEP"], doc.to_array(["DEP"]) * 0 + doc.vocab.strings.add("dep"))
    parse_changed(doc)
    assert _subject(verb) is None


def test_a_verbs_memoised_objects_come_as_a_new_list_each_time(nlp):
    from detente.events.engine import _objects

    doc = nlp("Troops killed the rebels and seized their weapons.")
    verb = next(t for t in doc if t.lower_ == "killed")
    first = _objects(verb)
    assert [t.lower_ for t in first] == ["rebels"]
    first.append(verb)  # a caller's change of its list is its own
    assert [t.lower_ for t in _objects(verb)] == ["rebels"]


def test_span_text_is_the_spans_own_text(nlp):
    doc = nlp(TEXT)
    spans = [*doc.sents, doc[2:7], doc[len(doc) - 3:], doc[0:1]]
    for span in spans:
        assert span_text(span) == span.text


def test_token_lists_and_offsets_match_the_doc(nlp):
    doc = nlp(TEXT)
    toks = doc_tokens(doc)
    assert [t.i for t in toks] == list(range(len(doc)))
    assert doc_tokens(doc) is toks  # made once
    sent = next(iter(doc.sents))
    assert [t.i for t in span_tokens(sent)] == [t.i for t in sent]
    assert token_at(doc) == {t.idx: t.i for t in doc}


def test_calendar_guard_is_looser_than_the_expression_test():
    # a month name or a year glued to the word before it still counts as one in the text
    for text in ("in March", "xMarch 3", "mid-2015", "a2015 b", "on Dec. 4", "1999"):
        assert _CALENDAR_WORDS.search(text), text
    for text in ("in March", "on Dec. 4"):
        assert _MONTH_NAME.search(text)
    assert not _CALENDAR_WORDS.search("Police detained three men on Monday; 120 were hurt.")
