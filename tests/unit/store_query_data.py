"""A small store of varied events (ids, country-only actors, undated, ranges, clusters) and plain-Python
references for what ``query.events``, ``stance.stance_series`` and ``state.timeline`` must return.

The references follow the documented rules directly, over every row, with no index or SQL trick:
the optimised queries must give the same answers.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from sqlalchemy import select

from detente.relations import stance as stance_mod
from detente.relations.dimensions import load_dimensions
from detente.relations.sample import add_article
from detente.store import schema
from detente.store.write import date_bounds

# (id, country): an id with its country, an id alone, a country alone (no id)
SIDES = [("RUS", "RUS"), ("TALIBAN", None), ("TALIBAN", "AFG"), (None, "ARM"), ("UN", None),
         (None, "RUS"), ("ARM", "ARM"), (None, None)]
ACTORS = ["RUS", "TALIBAN", "ARM", "AFG", "UN", "XXX"]
TYPES = ["CONSULT", "SUPPORT", "ACCUSE", "SANCTION"]
STATUSES = ["occurred", "ongoing", "planned", "negated", "reported"]


def _date(rng: random.Random) -> tuple[str | None, str | None, str | None]:
    kind = rng.choice(["day", "day", "month", "year", "none", "range"])
    y, m, d = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
    if kind == "day":
        return f"{y}-{m:02d}-{d:02d}", "day", None
    if kind == "month":
        return f"{y}-{m:02d}", "month", None
    if kind == "year":
        return str(y), "year", None
    if kind == "range":
        return str(y - 3), "year", str(y)
    return None, None, None


def fill(store, n: int = 240, seed: int = 11) -> list[dict]:
    """Write ``n`` events with SQLAlchemy Core (keys left to the column default); return the rows."""
    rng = random.Random(seed)
    arts = [add_article(store, f"Article {i}.", published=f"2025-0{1 + i % 9}-01") for i in range(12)]
    rows = []
    for i in range(n):
        (sid, sc), (tid, tc) = rng.choice(SIDES), rng.choice(SIDES)
        if rng.random() < 0.3:  # the busy pair, both directions
            (sid, sc), (tid, tc) = (("RUS", "RUS"), ("TALIBAN", None))[:: rng.choice([1, -1])]
        date, precision, date_end = _date(rng)
        first, last = date_bounds(date, precision, date_end)
        rows.append({
            "article_id": arts[i % len(arts)], "idx": i, "type": rng.choice(TYPES), "mode": rng.choice([None, "verbal"]),
            "context": [], "source_id": sid, "source_country": sc, "source_text": sid or sc or "someone",
            "target_id": tid, "target_country": tc, "target_text": tid or tc or "someone",
            "date": date, "date_precision": precision, "date_end": date_end, "day_first": first, "day_last": last,
            "status": rng.choice(STATUSES), "goldstein": rng.choice([None, -7.0, -2.0, 0.0, 1.0, 3.4, 6.0]),
            "sentence": f"Sentence  {i}\n with   spaces.", "start": i, "end": i + 10,
            "confidence": rng.choice([0.0, 0.5, 0.8, 1.0]), "rule": "test", "detail": {},
            "cluster_id": rng.choice([None, None, None, 1, 2, 3]),
        })
    with store.engine.begin() as conn:
        conn.execute(schema.events.insert(), rows)
        ids = conn.execute(select(schema.events.c.id).order_by(schema.events.c.id)).scalars().all()
    for row, id_ in zip(rows, ids):
        row["id"] = id_
    return rows


# --------------------------------------------------------------------------- query.events


def _side(row: dict, prefix: str, actor: str) -> bool:
    rid = row[f"{prefix}_id"]
    return rid == actor or (rid is None and row[f"{prefix}_country"] == actor)


def ref_events(rows: list[dict], *, actor=None, dyad=None, directed=False, type=None, status=None,  # noqa: A002
               since=None, until=None, after_id=None, limit=None, order="day") -> list[int]:
    """Ids of the events ``query.events`` must return, by the module docstring's rules."""
    out = []
    for r in rows:
        if actor and not (_side(r, "source", actor) or _side(r, "target", actor)):
            continue
        if dyad:
            a, b = dyad
            fwd = _side(r, "source", a) and _side(r, "target", b)
            back = _side(r, "source", b) and _side(r, "target", a)
            if not (fwd or (back and not directed)):
                continue
        if type and r["type"] not in type:
            continue
        if status and r["status"] not in status:
            continue
        if since is not None and (r["day_last"] is None or r["day_last"] < since):
            continue
        if until is not None and (r["day_first"] is None or r["day_first"] > until):
            continue
        if after_id is not None and r["id"] <= after_id:
            continue
        out.append(r)
    if order == "id":
        out.sort(key=lambda r: r["id"])
    else:
        out.sort(key=lambda r: (r["day_first"] is None, r["day_first"] or dt.date.min, r["id"]))
    ids = [r["id"] for r in out]
    return ids if limit is None else ids[:limit]


# --------------------------------------------------------------------------- stance


def ref_stance_series(rows: list[dict], a: str, b: str, directed: bool = False) -> list[dict]:
    """``stance_series`` as the per-month ``score`` of the counted events (by actor id)."""
    cfg = load_dimensions().stance
    pairs = {(a, b)} if directed else {(a, b), (b, a)}
    counted = [r for r in rows if (r["source_id"], r["target_id"]) in pairs and r["status"] in cfg.statuses
               and r["date_precision"] in cfg.precisions and r["day_first"] is not None]
    if not counted:
        return []
    by_month: dict[str, list[dict]] = defaultdict(list)
    for r in counted:
        by_month[r["day_first"].strftime("%Y-%m")].append(r)
    first, last = min(r["day_first"] for r in counted), max(r["day_first"] for r in counted)
    out = []
    m = dt.date(first.year, first.month, 1)
    while m <= last:
        out.append({"month": m.strftime("%Y-%m"), **stance_mod.score(by_month.get(m.strftime("%Y-%m"), []))})
        m = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    return out


# --------------------------------------------------------------------------- timeline


def ref_timeline_events(rows: list[dict], a: str, b: str, since=None, until=None) -> list[tuple]:
    """(date, source, target, type, sentence) of the timeline's events, in its order."""
    picked = []
    for r in rows:
        if (r["source_id"], r["target_id"]) not in {(a, b), (b, a)}:
            continue
        first, last = r["day_first"], r["day_last"]
        if first is None:
            if since is not None or until is not None:
                continue
        elif (since is not None and last < since) or (until is not None and first > until):
            continue
        key = (first is None, first or dt.date.min, str((r["article_id"], r["idx"], 0)))
        picked.append((key, (r["date"], r["source_id"], r["target_id"], r["type"], r["sentence"])))
    picked.sort(key=lambda kv: kv[0])
    return [item for _, item in picked]
