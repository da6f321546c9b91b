"""``extract`` never crashes and keeps its offsets on hostile text: hypothesis texts made of corpus
sentences, news furniture (bullets, datelines, quotes, dates, far years, control characters) and
random Unicode. A few examples here; ``scripts/fuzz.py`` runs the same checks for as long as asked
(docs/hardening.md)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

pytestmark = pytest.mark.slow

_spec = importlib.util.spec_from_file_location("fuzz", Path(__file__).resolve().parents[2] / "scripts" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz)
SENTENCES = fuzz._corpus_sentences()


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(fuzz.texts(SENTENCES))
def test_extract_never_raises_and_every_offset_indexes_the_text(nlp, text):
    fuzz.check_extract(text)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(fuzz.reader_inputs(SENTENCES))
def test_every_reader_gives_safe_articles_or_one_line_errors(tmp_path_factory, inp):
    fuzz.check_reader(inp[0], inp[1], tmp_path_factory.mktemp("fuzz"))
