"""Plain text and Markdown, with optional YAML front matter.

::

    ---
    title: Russia lifts Taliban ban
    published: 2025-04-17
    source: Example News
    url: https://example.org/a
    ---
    The article text …

Keys: ``title``, ``published`` (or ``date``), ``source``, ``url``, ``id`` (kept as ``source_id``:
the article id is always the content hash); other keys are ignored. YAML dates are *not* converted by the YAML loader:
every date goes through ``base.parse_published`` so that ``2025-02-31`` is one clear error.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from detente.ingest.base import BadInput, Defaults, IngestError, make_article
from detente.models import Article


class _NoDatesLoader(yaml.SafeLoader):
    """``SafeLoader`` that leaves timestamps as strings (we parse dates ourselves)."""


_NoDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_MD_TITLE = re.compile(r"\A#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """``(metadata, body)``; ``({}, text)`` without front matter; ``BadInput`` for a broken one."""
    opening = _OPEN.match(text)
    if not opening:
        return {}, text
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        raise BadInput("front matter opened with '---' is never closed")
    raw = text[opening.end():closing.start()]
    try:
        meta = yaml.load(raw, Loader=_NoDatesLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise BadInput(f"bad front matter{where}: {problem}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise BadInput("bad front matter: expected 'key: value' lines")
    return {str(k).lower(): v for k, v in meta.items()}, text[closing.end():]


def article_from_text(text: str, origin: str, defaults: Defaults = Defaults(), markdown: bool = False) -> Article | IngestError:
    """One article from a text document (front matter optional). Never raises on any ``str``."""
    try:
        meta, body = split_front_matter(text)
        if markdown and not meta.get("title"):
            heading = _MD_TITLE.match(body.lstrip("\r\n"))
            if heading:
                meta = {**meta, "title": heading.group(1)}
        return make_article(body, meta, defaults, origin)
    except BadInput as exc:
        return IngestError(origin, str(exc))
