"""Direct quotes and their speakers."""

from __future__ import annotations

import pytest

from detente.models import Mention
from detente.quotes import extract_quotes

pytestmark = pytest.mark.slow


def quotes(nlp, text, mentions=()):
    doc = nlp(text)
    return [(q.speaker, q.text) for q in extract_quotes(doc, list(mentions))], doc


def test_speaker_after_the_quote(nlp):
    text = '"The border will stay open for trade," said Lena Hart, an analyst at a Berlin institute.'
    got, _ = quotes(nlp, text)
    assert got == [("Lena Hart", "The border will stay open for trade")]


def test_speaker_before_the_quote_and_offsets_exclude_the_marks(nlp):
    text = 'Foreign Minister Paolo Renzi said: "We will not negotiate under threat."'
    doc = nlp(text)
    [q] = extract_quotes(doc, [])
    assert q.speaker == "Paolo Renzi"
    assert text[q.start:q.end] == q.text == "We will not negotiate under threat."


def test_surname_is_widened_and_a_following_quote_inherits_the_speaker(nlp):
    text = ('Anna Morozova, a lawyer, has followed the case for years. "The law was a dead letter," '
            'Morozova said. "Nothing changes for the people I represent."')
    got, _ = quotes(nlp, text)
    assert got == [("Anna Morozova", "The law was a dead letter"),
                   ("Anna Morozova", "Nothing changes for the people I represent.")]


def test_speaker_id_comes_from_the_resolved_mention(nlp):
    text = '"We welcome the decision of the court," Vladimir Putin told reporters.'
    start = text.index("Vladimir Putin")
    m = Mention(start=start, end=start + len("Vladimir Putin"), text="Vladimir Putin", id="RUS",
                country="RUS", sector="GOV", kind="person")
    doc = nlp(text)
    [q] = extract_quotes(doc, [m])
    assert (q.speaker, q.speaker_id) == ("Vladimir Putin", "RUS")


def test_according_to(nlp):
    text = '"The talks are over," according to Omar Haddad, the delegation head.'
    got, _ = quotes(nlp, text)
    assert got == [("Omar Haddad", "The talks are over")]


def test_scare_quotes_and_unattributed_quotes(nlp):
    got, _ = quotes(nlp, 'The so-called "peace plan" was rejected. A banner read "No war in our name today."')
    assert got == [(None, "No war in our name today.")]
