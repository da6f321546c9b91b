"""Sentence-list gold: many one-sentence items in one YAML file (``docs/gold-format.md``).

```yaml
sentences:                      # the key that marks a sentence-list file
  published: 2025-03-14         # optional default for every item
  items:
    - id: s001                  # unique in the file
      text: "Russia launches a missile and drone attack on Kyiv, killing five people."
      published: 2025-03-14     # the day the sentence was published (overrides the default)
      style: summary            # optional free label (summary | wire | headline | passive | …)
      events:                   # same event fields as article gold; `sentence` is not needed
        - {type: ASSAULT, source: RUS, target: UKR, date: 2025-03-14, status: occurred}
```

Each item becomes one ``GoldItem`` of kind ``sentence`` (every prediction of the unit is in its one
sentence); relation changes and quotes are not scored for sentences. An item with no events says
the sentence must yield none.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field

from detente.records import Record
from detente.eval.readers import GoldError, _YEvent, _yaml_actor, infer_precision, validated
from detente.eval.types import EVENT_FIELDS, GoldEvent, GoldItem, GoldLocation, GoldMention

#: the top-level key of a sentence-list file
KEY = "sentences"


class SentenceItem(Record):
    id: str
    text: str = Field(min_length=3)
    published: dt.date | None = None
    style: str | None = None
    note: str | None = None
    events: list[dict[str, Any]] = Field(default_factory=list)
    # real-text gold (docs/gold-format.md, "Real-text gold")
    category: str | None = None
    split: Literal["dev", "test"] | None = None
    mentions: list[GoldMention] = Field(default_factory=list)
    locations: list[GoldLocation] = Field(default_factory=list)


class SentenceFile(Record):
    published: dt.date | None = None
    source: str | None = None
    items: list[SentenceItem]


def is_sentence_file(raw: Any) -> bool:
    """Does parsed YAML have the sentence-list shape (a mapping with ``sentences:``)?"""
    return isinstance(raw, dict) and KEY in raw and "article" not in raw


def is_sentence_path(path: Path) -> bool:
    """Whether a YAML file is sentence-list gold (unreadable files: no — the article reader reports)."""
    try:
        return is_sentence_file(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False


def read_sentence_gold(path: Path, raw: Any | None = None) -> list[GoldItem]:
    """Every item of a sentence-list file as a sentence ``GoldItem``; ``GoldError`` if malformed."""
    if raw is None:
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise GoldError(f"{path}: cannot read YAML: {str(exc).splitlines()[0]}") from exc
    if not is_sentence_file(raw):
        raise GoldError(f"{path}: not a sentence-list gold file (no `{KEY}:` mapping)")
    gold = validated(SentenceFile, raw[KEY], f"{path}: {KEY}.")
    items: list[GoldItem] = []
    seen: set[str] = set()
    for it in gold.items:
        if it.id in seen:
            raise GoldError(f"{path}: item {it.id}: duplicate id")
        seen.add(it.id)
        events: list[GoldEvent] = []
        for k, raw_event in enumerate(it.events):
            e = validated(_YEvent, raw_event, f"{path}: item {it.id}: events.{k}.")
            events.append(GoldEvent(
                type=e.type.upper(), mode=e.mode, source=_yaml_actor(e.source), target=_yaml_actor(e.target),
                date=e.date, date_precision=e.date_precision or infer_precision(e.date), date_end=e.date_end,
                status=e.status, sentence=None, cameo=e.cameo,
            ))
        items.append(GoldItem(
            id=f"{path.stem}#{it.id}", origin=f"{path}#{it.id}", kind="sentence", text=it.text,
            published=it.published or gold.published, source_name=gold.source, events=events,
            fields=EVENT_FIELDS, category=it.category, split=it.split, mentions=it.mentions,
            locations=it.locations,
        ))
    return items


__all__ = ["KEY", "SentenceFile", "SentenceItem", "is_sentence_file", "is_sentence_path", "read_sentence_gold"]
