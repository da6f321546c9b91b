"""``nlp.expand_span`` gives what spaCy's ``Doc.char_span(..., alignment_mode="expand")`` gives."""

import pytest
from spacy.tokens import Doc

from detente.nlp import expand_span, get_fast_nlp


def _as_tuple(span):
    return None if span is None else (span.start, span.end, span.label, span.kb_id)


@pytest.mark.parametrize("text", [
    "Russian forces shelled Kharkiv on Monday, officials said.",
    "  Two  spaces\n\nand a new line  ",
    "",
    "U.S.-backed rebels (SDF) took Raqqa.",
])
def test_every_offset_pair_gives_spacys_span(text):
    doc = get_fast_nlp().make_doc(text)
    offsets = range(-2, len(text) + 3)
    for a in offsets:
        for b in offsets:
            try:
                want = _as_tuple(doc.char_span(a, b, alignment_mode="expand"))
            except Exception as exc:  # noqa: BLE001 - the same exception type is expected
                with pytest.raises(type(exc)):
                    expand_span(doc, a, b)
                continue
            assert _as_tuple(expand_span(doc, a, b)) == want, (a, b)


def test_a_doc_built_from_words_without_spaces():
    doc = Doc(get_fast_nlp().vocab, words=["a", "b", "c"], spaces=[False, True, False])
    assert _as_tuple(expand_span(doc, 1, 3)) == _as_tuple(doc.char_span(1, 3, alignment_mode="expand"))
    assert expand_span(doc, 0, 9) is None
