"""Actors: the knowledge base (states, organisations, people with dated roles) and mention finding.

Interface used by the pipeline (keep it):
- ``load_kb(extra=()) -> ActorKB`` — the default KB from ``detente/data/actors/`` plus user YAML files.
- ``ActorKB.resolve(text, on=None) -> Resolution | None``, ``ActorKB.get(id)``, ``ActorKB.search(q)``,
  ``ActorKB.ids()``, ``ActorKB.standing(id, on)`` (id, country, sector of an actor on a date).
- ``find_mentions(doc, kb, on=None) -> list[Mention]`` — actor mentions in a parsed doc (offsets into
  ``doc.text``), coreference included (kind ``coref``).

Modules: ``schema`` (YAML models), ``kb`` (loading, indexes, dated roles), ``resolve`` (exact →
compositional → fuzzy), ``mentions`` (PhraseMatcher over all aliases, composition), ``coref``.
"""

from __future__ import annotations

from detente.actors.kb import ActorKB, KBError, load_kb
from detente.actors.mentions import find_mentions
from detente.actors.resolve import Resolution

__all__ = ["ActorKB", "KBError", "Resolution", "find_mentions", "load_kb"]
