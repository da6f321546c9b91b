"""Ingest: files and folders → ``Article`` objects.

Interface (keep it):
- ``read_paths(paths, published=None, source=None) -> Iterator[Article | IngestError]`` — plain
  text (optional front matter), HTML, JSON Lines / JSON, RSS/Atom, and folders of these,
  recursively. ``-`` reads one text article from stdin. A bad input yields an ``IngestError``
  naming it (``str()`` is one line, ``path: reason``); reading goes on with the rest.

``published`` and ``source`` fill in what an input does not say (the input's own values win).

Which reader: by extension (``.txt .md .html .htm .jsonl .ndjson .json .rss .xml .atom``). In a
folder only those extensions are read (sorted, recursively, hidden files and folders skipped); a
file named on the command line with another extension is read as text.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from detente.ingest.base import BadInput, Defaults, IngestError, decode
from detente.models import Article

__all__ = ["IngestError", "read_paths", "read_file", "read_stdin", "walk", "count_articles", "EXTENSIONS"]

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".rss": "feed",
    ".xml": "feed",
    ".atom": "feed",
}

_SNIFF = 8192


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or type(exc).__name__


def walk(folder: Path, errors: list[IngestError] | None = None) -> list[Path]:
    """Readable files under ``folder``: by extension, sorted, recursive, hidden names skipped.

    A subfolder that cannot be read is skipped; with ``errors`` it is recorded there (one each)."""
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        if errors is not None:
            errors.append(IngestError(str(exc.filename or folder), _os_reason(exc)))

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() in EXTENSIONS:
                found.append(Path(root) / name)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise BadInput("permission denied") from None
    except IsADirectoryError:
        raise BadInput("is a directory") from None
    except OSError as exc:
        raise BadInput(exc.strerror or type(exc).__name__) from None


def _jsonl_lines(fh: BinaryIO) -> Iterator[bytes]:
    for raw in fh:
        yield raw.rstrip(b"\r\n")


def read_file(path: Path, defaults: Defaults = Defaults()) -> Iterator[Article | IngestError]:
    """Every article in one file. Never raises."""
    from detente.ingest.html import article_from_html, decode_html
    from detente.ingest.jsonl import articles_from_json, articles_from_jsonl
    from detente.ingest.rss import articles_from_feed
    from detente.ingest.text import article_from_text

    where = str(path)
    kind = EXTENSIONS.get(path.suffix.lower(), "text")
    try:
        if kind == "jsonl":  # streamed: JSONL files can be large
            try:
                fh = path.open("rb")
            except PermissionError:
                raise BadInput("permission denied") from None
            except OSError as exc:
                raise BadInput(exc.strerror or type(exc).__name__) from None
            with fh:
                head = fh.read(_SNIFF)
                if b"\x00" in head:
                    raise BadInput("binary file (contains NUL bytes), not text")
                fh.seek(0)
                yield from articles_from_jsonl(_jsonl_lines(fh), where, defaults)
            return
        data = _read_bytes(path)
        if kind == "feed":
            if b"\x00" in data[:_SNIFF] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise BadInput("binary file (contains NUL bytes), not a feed")
            yield from articles_from_feed(data, where, defaults)
        elif kind == "html":
            yield article_from_html(decode_html(data), where, defaults)
        elif kind == "json":
            yield from articles_from_json(decode(data), where, defaults)
        else:
            yield article_from_text(decode(data), where, defaults, markdown=kind == "markdown")
    except BadInput as exc:
        yield IngestError(where, str(exc))


def read_stdin(defaults: Defaults = Defaults(), stream: BinaryIO | None = None) -> Iterator[Article | IngestError]:
    """One text article (front matter optional) from standard input."""
    from detente.ingest.text import article_from_text

    where = "<stdin>"
    stream = stream if stream is not None else sys.stdin.buffer
    try:
        yield article_from_text(decode(stream.read()), where, defaults)
    except BadInput as exc:
        yield IngestError(where, str(exc))


def read_paths(
    paths: Iterable[str | Path], published: dt.date | None = None, source: str | None = None
) -> Iterator[Article | IngestError]:
    defaults = Defaults(published=published, source=source)
    for p in paths:
        if str(p) == "-":
            yield from read_stdin(defaults)
            continue
        path = Path(p)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as exc:  # a folder on the way that cannot be searched
            yield IngestError(str(path), _os_reason(exc))
            continue
        if is_dir:
            unreadable: list[IngestError] = []
            try:
                files = walk(path, unreadable)
            except OSError as exc:
                yield IngestError(str(path), _os_reason(exc))
                continue
            yield from unreadable
            if not files and not unreadable:
                yield IngestError(str(path), f"no readable files ({' '.join(EXTENSIONS)})")
            for f in files:
                yield from read_file(f, defaults)
        elif exists:
            yield from read_file(path, defaults)
        else:
            yield IngestError(str(path), "no such file or directory")


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """How many articles (or errors) ``read_paths`` will give for ``paths``, when that is known
    before parsing: one per text, Markdown or HTML file, one per non-blank JSON Lines line.
    ``None`` for stdin, JSON and feeds (known only once parsed). For a progress bar's total."""
    total = 0
    for p in paths:
        if str(p) == "-":
            return None
        path = Path(p)
        try:
            files = walk(path) if path.is_dir() else [path]
        except OSError:
            files = [path]
        for f in files:
            kind = EXTENSIONS.get(f.suffix.lower(), "text")
            if kind in ("json", "feed"):
                return None
            if kind != "jsonl":
                total += 1
                continue
            try:
                with f.open("rb") as fh:
                    total += max(1, sum(1 for line in fh if line.strip()))
            except OSError:
                total += 1
    return total
