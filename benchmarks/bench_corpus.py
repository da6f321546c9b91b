"""The benchmark corpus: ``examples/corpus/*`` read like ``detente ingest`` reads them, repeated and
lightly varied up to N articles so that every copy has its own id (content hash)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from detente.eval.readers import split_front_matter
from detente.ingest import IngestError, read_paths
from detente.models import Article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"

_SMALL_NUMBER = re.compile(r"\b([1-9]|1\d|2[0-8])\b")


def base_articles(corpus: Path = CORPUS) -> list[Article]:
    """The example articles (front matter stripped, metadata kept)."""
    out: list[Article] = []
    for got in read_paths([corpus]):
        if isinstance(got, IngestError):
            continue
        if got.text.startswith("---"):  # a reader that keeps front matter
            _meta, body = split_front_matter(got.text)
            got = Article.from_text(body, published=got.published, title=got.title, source=got.source)
        out.append(got)
    if not out:
        raise SystemExit(f"no articles in {corpus}")
    return sorted(out, key=lambda a: a.origin or a.id)


def vary(article: Article, i: int) -> Article:
    """Copy ``i``: the first small number (a day, a count) shifted, and a unique closing line."""
    text = _SMALL_NUMBER.sub(lambda m: str((int(m.group(1)) + i) % 28 + 1), article.text, count=1)
    text = text.rstrip("\n") + f"\n\n(Benchmark copy {i}.)\n"
    return Article.from_text(text, published=article.published, title=article.title, source=article.source)


def corpus(n: int) -> list[Article]:
    base = base_articles()
    return [vary(base[i % len(base)], i) for i in range(n)]


# ``DETENTE_WCEP``: the items' file where ../shared is not beside the checkout (a git worktree)
WCEP = Path(os.environ.get("DETENTE_WCEP") or ROOT.parent / "shared" / "data" / "wcep-dev" / "wcep-2015-2020.jsonl")


def wcep(n: int, path: Path = WCEP, seed: int = 7) -> list[Article]:
    """``n`` short real news items of wcep-dev (one to three sentences each), drawn with a fixed seed."""
    import json
    import random

    if not path.is_file():
        raise SystemExit(f"{path}: not found (the wcep-dev items live in ../shared/data/wcep-dev)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = random.Random(seed).sample(rows, min(n, len(rows)))
    return [Article.from_text(r["text"], published=r["published"], title=r.get("title"), source=r.get("source"))
            for r in rows]
