"""Events: PLOVER coding of sentences from verb/noun patterns in ``detente/data/patterns/``.

Interface used by the pipeline (keep it):
- ``extract_events(sent, mentions, kb, published) -> list[Event]`` — events of one sentence
  (a spaCy ``Span``); ``mentions`` are the article's actor mentions (offsets in ``doc.text``).
  Event ``start``/``end`` are offsets of the sentence in ``doc.text``; the pipeline maps them to the
  original text. Events are dated here (via ``detente.dates``); ``detail['relation']`` carries a
  relation change the pattern implies (see ``detente.relations``).
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span

from detente.models import Event, Mention


def extract_events(sent: Span, mentions: list[Mention], kb, published: dt.date | None) -> list[Event]:
    return []
