"""Ingest: files and folders → ``Article`` objects.

Interface (keep it):
- ``read_paths(paths, published=None, source=None) -> Iterator[Article | IngestError]`` — plain
  text (optional front matter), HTML, JSON Lines, RSS/Atom, and folders of these, recursively.
  A bad input yields an ``IngestError`` naming it; reading goes on with the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from detente.models import Article


@dataclass
class IngestError:
    """One bad input: where (file, and line for JSONL) and why, in one line."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def read_paths(
    paths: Iterable[str | Path], published: dt.date | None = None, source: str | None = None
) -> Iterator[Article | IngestError]:
    for p in paths:
        path = Path(p)
        try:
            text = path.read_text(encoding="utf-8")
        except Exception as exc:  # placeholder until the readers land
            yield IngestError(str(path), str(exc))
            continue
        yield Article.from_text(text, published=published, source=source, origin=str(path))
