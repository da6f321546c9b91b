"""Scoring actor mentions of real-text gold: does detente give the right country and sector?

For each labelled mention (``GoldItem.mentions``) the predicted mention is the one overlapping the
gold text's span in the item (the longest overlap; coreference followed to its antecedent). A gold
mention with no predicted mention counts as wrong on every field it states. Country is scored on
every gold mention (a null country must be predicted as null); sector and id only where the gold
states them. ``mention_scores(units)`` gives ``{field: {correct, scored, accuracy}}`` plus
``found`` (the share of gold mentions detente finds at all).
"""

from __future__ import annotations

from typing import Any

from detente.eval.match import locate
from detente.models import ArticleResult, Mention


def _predicted(result: ArticleResult, text: str, start: int, end: int) -> Mention | None:
    best, overlap = None, 0
    for m in result.mentions:
        o = min(end, m.end) - max(start, m.start)
        if o > overlap:
            best, overlap = m, o
    if best is not None and best.kind == "coref" and best.antecedent is not None \
            and 0 <= best.antecedent < len(result.mentions):
        ante = result.mentions[best.antecedent]
        best = best.model_copy(update={"id": best.id or ante.id, "country": best.country or ante.country,
                                       "sector": best.sector or ante.sector})
    return best


def _sector(m: Mention) -> str | None:
    """A state named as an actor is its government (PLOVER; the labelling guide): detente leaves the
    sector of a state's own mention empty, which counts as GOV."""
    if m.sector is None and m.id and m.id == m.country:
        return "GOV"
    return m.sector


def _state_id(m: Mention) -> bool:
    """The mention's id is a state's (ISO3, a state's own mention has no sector), not an
    organisation's three-letter id of whatever sector ("IMF", "WHO", the courts "ICC", "ICJ": an
    international body is of no country)."""
    return bool(m.id and len(m.id) == 3 and m.id.isupper() and m.sector is None)


def mention_pairs(item: Any, result: ArticleResult) -> list[tuple[Any, Mention | None]]:
    out = []
    for g in item.mentions:
        span = locate(g.text, item.text)
        out.append((g, _predicted(result, item.text, *span) if span else None))
    return out


def mention_scores(units: list[Any]) -> dict[str, Any] | None:
    """Country / sector / id accuracy over every labelled mention of the units (None when none)."""
    counts = {k: [0, 0] for k in ("found", "country", "sector", "id")}
    for u in units:
        for g, p in mention_pairs(u.item, u.result):
            counts["found"][1] += 1
            counts["found"][0] += p is not None
            counts["country"][1] += 1
            p_country = None if p is None else (p.country or (p.id if _state_id(p) else None))
            counts["country"][0] += p is not None and p_country == g.country
            if g.sector:
                counts["sector"][1] += 1
                counts["sector"][0] += p is not None and _sector(p) == g.sector
            if g.id:
                counts["id"][1] += 1
                counts["id"][0] += p is not None and p.id == g.id
    if not counts["found"][1]:
        return None
    return {k: {"correct": c, "scored": n, "accuracy": round(c / n, 4) if n else None}
            for k, (c, n) in counts.items()}
