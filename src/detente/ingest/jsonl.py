"""JSON Lines: one article per line.

Each line is an object with ``text`` (required) and optionally ``title``, ``published`` (or
``date``), ``source``, ``url`` (or ``link``), ``id`` (not the article id, which is always the
content hash: a given id is kept as ``Article.source_id`` and as the origin, else the origin is
``file:line``).
Blank lines are skipped. A bad line is one ``IngestError`` naming ``file:line``; the other lines
still go in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from detente.ingest.base import BadInput, Defaults, IngestError, make_article
from detente.models import Article


def _line_text(raw: str | bytes) -> str:
    if isinstance(raw, str):
        return raw
    if b"\x00" in raw:
        raise BadInput("binary data (NUL bytes), not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(f"not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})") from None


def article_from_json_line(raw: str | bytes, origin: str, defaults: Defaults = Defaults()) -> Article | IngestError | None:
    """One line → ``Article``, ``IngestError``, or ``None`` for a blank line. Never raises."""
    try:
        line = _line_text(raw).lstrip("\ufeff")
        if not line.strip():
            return None
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadInput(f"malformed JSON: {exc.msg} (column {exc.colno})") from None
        except RecursionError:
            raise BadInput("malformed JSON (nested too deeply)") from None
        if not isinstance(obj, dict):
            raise BadInput(f"expected a JSON object, got {type(obj).__name__}")
        if "text" not in obj:
            raise BadInput("JSON object has no 'text' field")
        article = make_article(obj["text"], obj, defaults, origin)
        if article.source_id:  # the id is always the content hash; the input's own id is the origin
            article.origin = article.source_id
        return article
    except BadInput as exc:
        return IngestError(origin, str(exc))


def articles_from_jsonl(lines: Iterable[str | bytes], where: str, defaults: Defaults = Defaults()) -> Iterator[Article | IngestError]:
    """Stream a JSON Lines document; ``where`` names it (``file:line`` in errors and origins)."""
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        item = article_from_json_line(raw, f"{where}:{number}", defaults)
        if item is not None:
            seen_any = True
            yield item
    if not seen_any:
        yield IngestError(where, "empty file")


def articles_from_json(text: str, where: str, defaults: Defaults = Defaults()) -> Iterator[Article | IngestError]:
    """A ``.json`` file: one article object, an array of them, or (if neither parses) JSON Lines.

    Errors and origins inside an array name the element: ``file[3]`` (0-based, as in JSON).
    """
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        yield IngestError(where, "empty file")
        return
    try:
        doc = json.loads(stripped)
    except RecursionError:
        yield IngestError(where, "malformed JSON (nested too deeply)")
        return
    except json.JSONDecodeError as exc:
        if "\n" in stripped and stripped.startswith("{"):
            yield from articles_from_jsonl(stripped.splitlines(), where, defaults)
        else:
            yield IngestError(where, f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(doc, dict):
        yield article_from_json_line(stripped, where, defaults) or IngestError(where, "empty file")
    elif isinstance(doc, list):
        if not doc:
            yield IngestError(where, "empty JSON array: no articles")
        for i, item in enumerate(doc):
            at = f"{where}[{i}]"
            if not isinstance(item, dict):
                yield IngestError(at, f"expected a JSON object, got {type(item).__name__}")
                continue
            yield article_from_json_line(json.dumps(item), at, defaults) or IngestError(at, "empty object")
    else:
        yield IngestError(where, f"expected a JSON object or array of objects, got {type(doc).__name__}")
