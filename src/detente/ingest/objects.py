"""Python objects → ``Article``: what the library accepts where the CLI reads files.

- an ``Article`` — as it is;
- a ``str`` — the article text (YAML front matter allowed, as in a ``.txt`` file);
- a ``dict`` — the fields of a JSON Lines object (``text`` required; ``id``, ``title``,
  ``published``/``date``, ``source``, ``url``);
- a ``pathlib.Path`` — a file or folder, read by ``read_paths`` (any number of articles).

``published``/``source`` fill in what an object does not say. A bad object is an ``IngestError``
naming it (``<item 3>: article text is empty``), never a half-made article.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from detente.ingest.base import BadInput, Defaults, IngestError, parse_published
from detente.models import Article


def defaults(published: dt.date | str | None = None, source: str | None = None) -> Defaults:
    """``Defaults`` from a date or an ISO date string; ``ValueError`` for an unreadable date."""
    try:
        return Defaults(published=parse_published(published), source=source)
    except BadInput as exc:
        raise ValueError(str(exc)) from None


def as_article(item: Any, where: str, fill: Defaults = Defaults()) -> Article | IngestError:
    """One object (not a path) → ``Article`` or ``IngestError`` naming ``where``."""
    from detente.ingest.jsonl import article_from_json_line
    from detente.ingest.text import article_from_text

    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return article_from_text(item, where, fill)
    if isinstance(item, dict):
        try:
            line = json.dumps(item, default=str)
        except (TypeError, ValueError) as exc:
            return IngestError(where, f"not a JSON-like object ({exc})")
        return article_from_json_line(line, where, fill) or IngestError(where, "empty object")
    return IngestError(where, f"expected an article text, a dict, an Article or a Path, not {type(item).__name__}")


def read_objects(items: Iterable[Any], fill: Defaults = Defaults()) -> Iterator[Article | IngestError]:
    """Every article in ``items`` (see the module docstring), in order; paths are read from disk."""
    from detente.ingest import read_paths

    for n, item in enumerate(items):
        if isinstance(item, Path):
            yield from read_paths([item], published=fill.published, source=fill.source)
        else:
            yield as_article(item, f"<item {n}>", fill)
