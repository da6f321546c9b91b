"""Run the pipeline over gold units and score it: ``evaluate(paths) -> report dict``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from detente import __version__
from detente.eval.gold import read_gold
from detente.eval.score import UnitResult, aggregate, score_unit
from detente.eval.types import GoldItem
from detente.models import Article, ArticleResult

#: articles, actor files → one result per article, in order
ExtractFn = Callable[[list[Article], Sequence[str]], Iterable[ArticleResult]]


def run_pipeline(articles: list[Article], actor_files: Sequence[str] = ()) -> Iterable[ArticleResult]:
    """The real pipeline (spaCy batches); tests replace this with a fake."""
    from detente.actors import load_kb
    from detente.pipeline import extract_articles

    kb = load_kb(list(actor_files))
    return extract_articles(articles, kb, all_places=True)  # places are scored in every item


def article_for(item: GoldItem) -> Article:
    return Article.from_text(item.text, published=item.published, title=item.title,
                             source=item.source_name, origin=item.origin)


def gold_file_of(item: GoldItem) -> str:
    """The gold file a unit came from (XML records carry ``#id``)."""
    return item.origin.split("#", 1)[0]


def score_items(
    items: list[GoldItem], actor_files: Sequence[str] = (), extract: ExtractFn | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[UnitResult]:
    extract = extract or run_pipeline
    articles = [article_for(it) for it in items]
    units: list[UnitResult] = []
    for item, result in zip(items, extract(articles, list(actor_files)), strict=True):
        units.append(score_unit(item, result))
        if progress:
            progress(1)
    return units


def build_report(units: list[UnitResult], gold_paths: Sequence[str], actor_files: Sequence[str] = ()) -> dict[str, Any]:
    by_file: dict[str, list[UnitResult]] = {}
    for u in units:
        by_file.setdefault(gold_file_of(u.item), []).append(u)
    by_kind: dict[str, list[UnitResult]] = {}
    for u in units:
        by_kind.setdefault(u.item.kind, []).append(u)
    return {
        "detente_version": __version__,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "gold": [str(p) for p in gold_paths],
        "actors": [str(a) for a in actor_files],
        "overall": aggregate(units),
        "by_kind": {k: aggregate(v) for k, v in by_kind.items()},
        "by_file": {k: aggregate(v) for k, v in by_file.items()},
        "units": [u.detail() for u in units],
    }


def evaluate(
    gold_paths: Sequence[str | Path], actor_files: Sequence[str | Path] = (),
    extract: ExtractFn | None = None, progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Read gold, run the pipeline, score. Raises ``GoldError`` on unreadable gold."""
    actors = [str(a) for a in actor_files]
    items = read_gold(gold_paths, actors)
    units = score_items(items, actors, extract, progress)
    return build_report(units, [str(p) for p in gold_paths], actors)
