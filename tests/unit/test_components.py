"""detente's stages as spaCy components (``Language.factory``): each one runs alone in a pipeline
a test builds, and writes its ``Doc`` extension."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from detente import components
from events_helpers import make_mentions

ON = dt.date(2025, 4, 25)


def _blank(*names: str):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in names:
        nlp.add_pipe(name)
    return nlp


def test_the_dates_component_writes_the_resolved_expressions_in_doc_offsets():
    nlp = _blank("detente_dates")
    doc = nlp.make_doc("Talks ended. Russia designated the group in 2003 and met it on Friday.")
    doc = components.run(nlp, doc, ON)
    got = [(doc.text[e.start:e.end], e.date.value if e.date else None) for e in doc._.detente_dates]
    assert got == [("2003", "2003"), ("Friday", "2025-04-25")]
    assert [e.text for e in doc._.detente_dates] == ["2003", "Friday"]


def test_the_dates_component_resolves_against_the_publication_date():
    nlp = _blank("detente_dates")
    doc = components.run(nlp, nlp.make_doc("They met yesterday."), dt.date(2020, 3, 2))
    assert [e.date.value for e in doc._.detente_dates] == ["2020-03-01"]


def test_the_events_component_codes_each_sentence_from_the_mentions_on_the_doc(nlp, kb):
    stages = spacy.blank("en")
    stages.add_pipe("detente_events").kb = kb
    text = "The EU imposed sanctions on Iran. Japan held talks with South Korea in Tokyo."
    doc = nlp(text)
    doc._.detente_mentions = make_mentions(text)
    doc = components.run(stages, doc, ON)
    got = [(e.type, e.source.id, e.target.id, doc.text[e.start:e.end]) for e in doc._.detente_events]
    assert got == [("SANCTION", "EU", "IRN", "The EU imposed sanctions on Iran."),
                   ("CONSULT", "JPN", "KOR", "Japan held talks with South Korea in Tokyo.")]


def test_the_events_component_says_when_no_mentions_were_found_first(nlp, kb):
    stages = spacy.blank("en")
    stages.add_pipe("detente_events").kb = kb
    with pytest.raises(ValueError, match="detente_mentions is not set"):
        components.run(stages, nlp("The EU imposed sanctions on Iran."), ON)


def test_the_actors_component_writes_resolved_mentions(nlp, kb):
    stages = spacy.blank("en")
    stages.add_pipe("detente_actors").kb = kb
    doc = components.run(stages, nlp("Russia expelled two Japanese diplomats."), ON)
    assert "RUS" in {m.id for m in doc._.detente_mentions}


def test_the_detente_stages_run_in_order_and_fill_every_extension(nlp, kb):
    stages = components.stages(kb)
    assert stages.pipe_names == list(components.STAGES)
    assert components.stages(kb) is stages  # built once per KB
    doc = components.run(stages, nlp("Russia expelled two Japanese diplomats on Monday."), ON)
    assert [e.text for e in doc._.detente_dates] == ["Monday"]
    assert [(e.type, e.source.id, e.target.id, e.date) for e in doc._.detente_events] == [
        ("SANCTION", "RUS", "JPN", "2025-04-21")]
