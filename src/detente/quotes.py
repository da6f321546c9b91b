"""Quotes: direct quotations and "according to X" attributions, with their speaker."""

from __future__ import annotations

from spacy.tokens import Doc

from detente.models import Mention, Quote


def extract_quotes(doc: Doc, mentions: list[Mention]) -> list[Quote]:
    """Quotes of a parsed doc (offsets in ``doc.text``)."""
    return []
