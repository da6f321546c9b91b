"""Scoring places of real-text gold: does detente put each labelled event location in the right
country?

For each labelled location (``GoldItem.locations``: text as written, country, admin-1, precision)
the predicted place is the place detente found in the item (``ArticleResult.places``, from
``detente.places.find_places``) overlapping the gold text's span — the longest overlap; gold has
no offsets, so the first occurrence of the text (on word boundaries) that detente reads as a place
is the one scored. A gold
location with no predicted place counts as wrong, unless the gold gives it no country either. ``location_scores(units)`` gives
``{found, country, precision}`` as ``{correct, scored, accuracy}`` (precision only where the gold
states one), ``events`` (real-text gold: the share of predicted events whose ``location`` lies in a
country the item's gold locations name, or that have none where the item names none) plus
``errors``: the gold text, gold country and predicted country of each miss.
"""

from __future__ import annotations

from typing import Any

import re

from detente.eval.match import fold_with_offsets, locate
from detente.models import ArticleResult, Location


def predicted_place(result: ArticleResult, start: int, end: int) -> Location | None:
    best, overlap = None, 0
    for p in result.places:
        o = min(end, p.end) - max(start, p.start)
        if o > overlap:
            best, overlap = p, o
    return best


def _occurrences(needle: str, text: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text``, on word boundaries ("Malaysia" is not inside
    "Malaysian"; folded comparison), else ``match.locate``'s first occurrence."""
    from detente.eval.match import fold

    n = fold(needle)
    if not n:
        return []
    hay, offs = fold_with_offsets(text)
    out = [(offs[m.start()], offs[m.end() - 1] + 1)
           for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", hay)]
    if not out:
        span = locate(needle, text)
        out = [span] if span else []
    return out


def location_pairs(item: Any, result: ArticleResult) -> list[tuple[Any, Location | None]]:
    out = []
    for g in item.locations:
        # gold gives no offsets: the first occurrence with a predicted place (a name written twice,
        # once inside an actor's name, is scored where detente reads it as a place)
        found = None
        for span in _occurrences(g.text, item.text):
            found = predicted_place(result, *span)
            if found is not None:
                break
        out.append((g, found))
    return out


def location_scores(units: list[Any]) -> dict[str, Any] | None:
    """Place-to-country accuracy over every labelled location of the units (None when none)."""
    counts = {k: [0, 0] for k in ("found", "country", "precision")}
    errors = []
    for u in units:
        for g, p in location_pairs(u.item, u.result):
            counts["found"][1] += 1
            counts["found"][0] += p is not None
            counts["country"][1] += 1
            # a gold location in no country ("Gulf of Oman") is right with no place or no country
            ok = (p.country if p is not None else None) == g.country
            counts["country"][0] += ok
            if not ok:
                errors.append({"text": g.text, "gold": g.country, "predicted": None if p is None else p.country,
                               "place": None if p is None else p.name})
            if g.precision in ("city", "province", "country"):
                counts["precision"][1] += 1
                counts["precision"][0] += p is not None and p.precision == g.precision
    # events of real-text gold (whose items all carry their locations, possibly none): is the
    # event's location in a country the item's gold locations name (none where they name none)?
    counts["events"] = [0, 0]
    for u in units:
        if getattr(u.item, "split", None) is None:
            continue
        golds = {g.country for g in u.item.locations}
        for ev in u.result.events:
            counts["events"][1] += 1
            got = ev.location.country if ev.location is not None else None
            counts["events"][0] += (got in golds) if ev.location is not None else not golds
    if not counts["found"][1]:
        return None
    out: dict[str, Any] = {k: {"correct": c, "scored": n, "accuracy": round(c / n, 4) if n else None}
                           for k, (c, n) in counts.items()}
    out["errors"] = errors
    return out
