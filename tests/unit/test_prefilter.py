"""The pre-filter: which sentences get the full spaCy parse, and how the pieces are stitched back."""

from __future__ import annotations

import pytest

from detente.actors import load_kb
from detente.prefilter import Prefilter, stitch


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def pf(nlp, kb):
    return Prefilter(nlp, kb)


def kept_texts(plan) -> list[str]:
    return [plan.doc.text[r.start:r.end].strip() for r in plan.runs if r.keep]


def skipped_texts(plan) -> list[str]:
    return [plan.doc.text[r.start:r.end].strip() for r in plan.runs if not r.keep]


def test_keeps_actor_sentences_and_skips_filler(pf):
    text = ("Russia accepted the Taliban envoy on Monday. The weather was mild all week. "
            "Markets rose slightly in the afternoon. China reopened its embassy.")
    plan = pf.plan(text)
    assert kept_texts(plan) == ["Russia accepted the Taliban envoy on Monday.", "China reopened its embassy."]
    assert skipped_texts(plan) == ["The weather was mild all week. Markets rose slightly in the afternoon."]
    assert (plan.sentences, plan.kept_sentences) == (4, 2)


def test_runs_cover_the_text_exactly(pf):
    text = "Rain fell.\n\nThe UN met.  Nothing else happened. \nKabul was quiet.\n"
    plan = pf.plan(text)
    assert plan.runs[0].start == 0 and plan.runs[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(plan.runs, plan.runs[1:]))
    assert all(a.tok_end == b.tok_start for a, b in zip(plan.runs, plan.runs[1:]))
    assert "".join(text[r.start:r.end] for r in plan.runs) == text


def test_sentences_touched_by_a_quote_are_kept(pf):
    text = ('The weather was mild. "We will not accept any of this at all," said Anna Morozova, '
            'a lawyer. Prices were stable.')
    plan = pf.plan(text)
    assert any("Anna Morozova" in t for t in kept_texts(plan))
    assert skipped_texts(plan) == ["The weather was mild.", "Prices were stable."]


def test_anaphor_is_kept_only_near_a_mention(pf):
    near = "The Taliban met envoys. Prices rose. The group later denied it."
    assert "The group later denied it." in kept_texts(pf.plan(near))
    far = ("The Taliban met envoys. " + "Prices rose. " * 6 + "The group later denied it.")
    assert "The group later denied it." not in " ".join(kept_texts(pf.plan(far)))


def test_no_cut_without_whitespace(pf):
    # the rule sentencizer splits after '.', but with no space the pieces would tokenise apart
    plan = pf.plan("Fine weather.Russia objected. Calm returned.")
    assert all(plan.doc.text[r.start - 1].isspace() for r in plan.runs[1:])


def test_stitched_doc_has_the_whole_text_and_the_parse_of_kept_runs(nlp, pf):
    text = "The weather was mild all week. Russia expelled two British diplomats on Friday. Calm returned."
    plan = pf.plan(text)
    parsed = [nlp(text[r.start:r.end]) for r in plan.kept_runs]
    doc = stitch(plan, parsed)
    assert doc.text == text
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["The weather was mild all week.", "Russia expelled two British diplomats on Friday.",
                     "Calm returned."]
    kept = next(s for s in doc.sents if "Russia" in s.text)
    alone = parsed[0]
    assert [(t.text, t.pos_, t.dep_, t.lemma_, t.head.i - t.i) for t in kept] == \
        [(t.text, t.pos_, t.dep_, t.lemma_, t.head.i - t.i) for t in alone]
    assert [e.text for e in doc.ents] == [e.text for e in alone.ents]
    skipped = next(doc.sents)
    assert {t.pos_ for t in skipped} == {""} and not skipped.ents


def test_stitch_refuses_runs_that_do_not_line_up(nlp, pf):
    text = "The weather was mild. Russia objected."
    plan = pf.plan(text)
    assert stitch(plan, [nlp("Something else entirely, with more tokens.")]) is None


def test_empty_text(pf):
    plan = pf.plan("")
    assert plan.runs == [] and not plan.skips
