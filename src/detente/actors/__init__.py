"""Actors: the knowledge base (states, organisations, people with dated roles) and mention finding.

Interface used by the pipeline (keep it):
- ``load_kb(extra=()) -> ActorKB`` — the default KB from ``detente/data/actors/`` plus user YAML files.
- ``ActorKB.resolve(text, on=None) -> Resolution | None``, ``ActorKB.get(id)``, ``ActorKB.search(q)``.
- ``find_mentions(doc, kb, on=None) -> list[Mention]`` — actor mentions in a parsed doc (offsets into
  ``doc.text``), coreference included (kind ``coref``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from detente.models import Mention


class ActorKB:  # placeholder until the KB lands
    def resolve(self, text: str, on: dt.date | None = None):
        return None


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> ActorKB:
    return ActorKB()


def load_kb(extra: Sequence[str | Path] = ()) -> ActorKB:
    return _load(tuple(str(p) for p in extra))


def find_mentions(doc: Doc, kb: ActorKB, on: dt.date | None = None) -> list[Mention]:
    return []
