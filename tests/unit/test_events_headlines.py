"""Headlines whose verb the tagger reads as a noun: what the fallback is for, and the offsets it keeps.

The sentence → event expectations of headlines are in tests/cases/events/headlines.yml.
"""

from __future__ import annotations

import pytest

from events_helpers import coded

pytestmark = pytest.mark.slow


def test_the_tagger_reads_a_headline_verb_after_an_acronym_as_no_verb(nlp):
    # the case the headline fallback is for (case headline-acronym-subject)
    # origin: test_accuracy_r6_events.py::test_headline_with_acronym_subject_tagged_as_verb (own writing)
    doc = nlp("ECOWAS lifts sanctions on Niger")
    assert doc[1].pos_ != "VERB"


def test_headline_fallback_keeps_exact_offsets(nlp):
    # origin: test_accuracy_r6_events.py::test_headline_fallback_keeps_exact_offsets (own writing)
    text = "Talks stall. North Korea test-fires missile at Japan"
    ev = next(e for e in coded(nlp, text, full=True) if e.type == "ASSAULT")
    assert text[ev.start:ev.end] == ev.sentence == "North Korea test-fires missile at Japan"
    assert text[ev.source.start:ev.source.end] == "North Korea"
    assert text[ev.target.start:ev.target.end] == "Japan"
