"""Watches and alerts: "tell me when anyone recognises X", and the feed of recorded changes.

A **watch** names a dimension (``designation``, ``representation``, ``recognition``,
``agreements``, or ``stance`` with its labels as values), a source and a target (actor ids, or ``*`` for any), optionally the values the new
state must have, a minimum confidence of the reports and a minimum number of independent reports
(distinct articles or list entries), and optionally a webhook URL.

An **alert** is written, in the same transaction as the articles or the list import that caused it,
for every new relation change that a watch matches and that *changes the state as of its date*:
the state of the relation (``detente.relations.state.value_as_of``, the same calculus as
``detente status``) is computed on the change's first day without it and with it. A later report of
a change already alerted (the state does not change again) is added to that alert's evidence. A
re-ingested article is not stored again, so it changes nothing. A stance watch fires when the
stance label of the dyad (``cooperative`` … ``hostile``, over its window as of a new event's day)
changes; it is checked right after the save commits and the events are clustered. With
``min_reports`` the alert waits
until that many reports support the new value. Reports below ``min_confidence`` are left out of the
watch's view of the state.

Python API (all take a ``Store``): :func:`add_watch`, :func:`list_watches`, :func:`remove_watch`,
:func:`alerts`, :func:`changes`, :func:`deliver`. The store calls :func:`record_for_articles`,
:func:`record_for_dataset` and :func:`after_save` itself.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from detente.relations.dimensions import load_dimensions
from detente.relations.state import Change, agreement_key, change_text, date_value, parse_as_of, value_as_of
from detente.store import watches as sql

log = logging.getLogger("detente.watch")

ANY = "*"
STANCE = "stance"
WATCH_DIMENSIONS = ("designation", "representation", "recognition", "agreements", STANCE)
NO_EVENTS = "no events"  # the stance label of a window without events


class WatchError(ValueError):
    """A watch that cannot be made or found: one clear line."""


# --------------------------------------------------------------------------- watches


@dataclass(frozen=True)
class Watch:
    id: int
    dimension: str
    source: str = ANY
    target: str = ANY
    values: tuple[str, ...] | None = None
    min_confidence: float | None = None
    min_reports: int | None = None
    webhook: str | None = None
    label: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Watch":
        values = row.get("value_in")
        return cls(id=row["id"], dimension=row["dimension"], source=row["source"], target=row["target"],
                   values=tuple(values) if values else None, min_confidence=row.get("min_confidence"),
                   min_reports=row.get("min_reports"), webhook=row.get("webhook"), label=row.get("label"))

    def covers(self, c: Change) -> bool:
        """The change is about the relation this watch looks at (its values are checked on the state)."""
        return (c.dimension == self.dimension and self.source in (ANY, c.source)
                and self.target in (ANY, c.target) and self.counts(c))

    def counts(self, c: Change) -> bool:
        """The report is confident enough to count for this watch."""
        return self.min_confidence is None or c.confidence >= self.min_confidence

    def wants(self, value: str) -> bool:
        return self.values is None or value in self.values


def _watch_dict(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "dimension": row["dimension"], "source": row["source"], "target": row["target"],
            "values": row.get("value_in"), "min_confidence": row.get("min_confidence"),
            "min_reports": row.get("min_reports"), "webhook": row.get("webhook"), "label": row.get("label"),
            "created_at": row.get("created_at")}


def add_watch(store, dimension: str, *, source: str = ANY, target: str = ANY, values: Sequence[str] | None = None,
              min_confidence: float | None = None, min_reports: int | None = None, webhook: str | None = None,
              label: str | None = None) -> dict[str, Any]:
    """Store a watch and return it (``WatchError`` on a bad dimension, value, threshold or URL)."""
    from detente.models import http_url

    if dimension not in WATCH_DIMENSIONS:
        raise WatchError(f"unknown dimension {dimension!r} (one of {', '.join(WATCH_DIMENSIONS)})")
    source, target = (source or ANY).strip(), (target or ANY).strip()
    if source == ANY and target == ANY:
        raise WatchError("give a source or a target (an actor id), or both")
    known = _known_values(dimension)
    wanted = [v.strip() for v in values or [] if v.strip()]
    for v in wanted:
        if v not in known:
            raise WatchError(f"unknown value {v!r} for {dimension} (one of {', '.join(known)})")
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise WatchError(f"min_confidence {min_confidence} must be between 0 and 1")
    if min_reports is not None and min_reports < 1:
        raise WatchError(f"min_reports {min_reports} must be at least 1")
    if webhook is not None and http_url(webhook) != webhook.strip():
        raise WatchError(f"webhook {webhook!r} is not an http:// or https:// URL")
    row = {"dimension": dimension, "source": source, "target": target, "value_in": wanted or None,
           "min_confidence": min_confidence, "min_reports": min_reports,
           "webhook": webhook.strip() if webhook else None, "label": label}
    return _watch_dict(sql.insert_watch(store, row))


def _known_values(dimension: str) -> list[str]:
    cfg = load_dimensions()
    if dimension == STANCE:
        return [lab.label for lab in cfg.stance.labels] + [NO_EVENTS]
    spec = cfg.dimensions[dimension]
    return sorted(set(spec.values) | {spec.default})


def list_watches(store) -> list[dict[str, Any]]:
    with store.read() as conn:
        return [_watch_dict(r) for r in sql.watch_rows(conn)]


def remove_watch(store, watch_id: int) -> bool:
    """Remove a watch and its alerts; ``False`` if there is no such watch."""
    return sql.delete_watch(store, int(watch_id))


# --------------------------------------------------------------------------- detection


def origin_of(c: Change) -> str:
    """The report a change comes from: one row of one article or one list entry."""
    if c.article_id:
        return f"article:{c.article_id}#{c.idx}"
    return f"dataset:{c.dataset}:{c.external_id}#{c.idx}"


def _reports(state: dict) -> int:
    return len({(e.get("article"), e.get("dataset"), e.get("external_id")) for e in state["evidence"]})


def _brief_state(state: dict) -> dict[str, Any]:
    return {"value": state["value"], "since": state["since"], "since_precision": state["since_precision"],
            "reports": _reports(state)}


def _evidence_row(c: Change) -> dict[str, Any]:
    return {"origin": origin_of(c), "article_id": c.article_id, "dataset": c.dataset,
            "external_id": c.external_id, "sentence": c.sentence, "start": c.start, "end": c.end,
            "date": c.date, "confidence": c.confidence}


def _change_of(c: Change) -> dict[str, Any]:
    """What an alert keeps of its change to word it again (with names) when read."""
    return {"value": c.value, "detail": c.detail}


def _agreement(c: Change) -> str:
    if c.dimension != "agreements":
        return ""
    kind, subjects = agreement_key(c)
    return json.dumps([kind, list(subjects)])


def _in_scope(c: Change, new: Change) -> bool:
    return new.dimension != "agreements" or agreement_key(c) == agreement_key(new)


def _alerts_in_order(conn, watch: Watch, current: list[Change], new: list[Change]) -> list[int]:
    """Alerts (new ids) for ``watch`` from ``new`` changes of one relation, applied one by one to
    the ``current`` changes (all stored ones, without ``new``)."""
    default = load_dimensions().dimensions[watch.dimension].default
    made: list[int] = []
    known = [c for c in current if watch.counts(c)]
    for c in sorted(new, key=Change.sort_key):
        if not watch.covers(c):
            continue
        day = c.first or dt.date.today()
        scope = [x for x in known if _in_scope(x, c)]
        after_scope = [x for x in scope if origin_of(x) != origin_of(c)] + [c]  # a re-imported entry replaces its row
        before, after = value_as_of(scope, day, default), value_as_of(after_scope, day, default)
        known = [x for x in known if origin_of(x) != origin_of(c)] + [c]
        enough = _reports(after) >= (watch.min_reports or 1)
        if not watch.wants(after["value"]) or not enough:
            continue
        changed = before["value"] != after["value"]
        crossed = not changed and watch.min_reports and _reports(before) < watch.min_reports
        if changed or crossed:
            reports = [c]
            if crossed:  # the value held, unconfirmed, until now: "before" is the state before its run
                start = date_value(after["since"], after["since_precision"])
                before = value_as_of(scope, start.first_day() - dt.timedelta(days=1), default) if start else \
                    {"value": default, "since": None, "since_precision": None, "evidence": []}
                reports = [x for x in after_scope if x.value == after["value"]]
            new_id = sql.insert_alert(conn, {
                "watch_id": watch.id, "source": c.source, "target": c.target, "dimension": c.dimension,
                "agreement": _agreement(c), "value_before": before["value"], "value_after": after["value"],
                "before": _brief_state(before), "after": {**_brief_state(after), "change": _change_of(c)},
                "date": c.date, "date_precision": c.date_precision, "day_first": c.first, "text": change_text(c),
            })
            for x in reports:
                sql.add_evidence(conn, new_id, _evidence_row(x))
            made.append(new_id)
        elif c.value == after["value"]:  # one more report of a known change
            mine = [a for a in sql.alerts_of(conn, watch.id, c.source, c.target, c.dimension, _agreement(c))
                    if a["value_after"] == c.value]
            # the alert of the run this report belongs to (a value can be reached again later), else the last
            same_run = [a for a in mine if (a.get("after") or {}).get("since") == after["since"]]
            if mine:
                sql.add_evidence(conn, (same_run or mine)[-1]["id"], _evidence_row(c))
    return made


def record_alerts(conn, new: Sequence[Change], replaced: Sequence[Change] = (),
                  watches: Sequence[Watch] | None = None) -> list[int]:
    """Alerts for ``new`` changes (already written on ``conn``); ``replaced``: the rows they
    replaced (a re-imported list entry). Returns the new alert ids."""
    if watches is None:
        watches = [Watch.from_row(r) for r in sql.watch_rows(conn)]
    if not watches or not new:
        return []
    by_relation: dict[tuple[str, str, str], list[Change]] = defaultdict(list)
    for c in new:
        if any(w.covers(c) for w in watches):
            by_relation[(c.source, c.target, c.dimension)].append(c)
    made: list[int] = []
    if by_relation:
        sql.lock_alerts(conn)
    for (source, target, dimension), changes in sorted(by_relation.items()):
        fresh = {origin_of(c) for c in changes}
        current = [Change.from_row(r) for r in sql.pair_change_rows(conn, source, target, dimension)]
        current = [c for c in current if origin_of(c) not in fresh]
        current += [c for c in replaced if (c.source, c.target, c.dimension) == (source, target, dimension)]
        for w in watches:
            if w.dimension == dimension and w.source in (ANY, source) and w.target in (ANY, target):
                made.extend(_alerts_in_order(conn, w, current, changes))
    return made


def record_for_articles(conn, article_ids: Sequence[str]) -> list[int]:
    """Alerts for the relation changes of articles just written on ``conn``."""
    watches = [Watch.from_row(r) for r in sql.watch_rows(conn) if r["dimension"] != STANCE]
    if not article_ids or not watches:
        return []
    changes = [Change.from_row(r) for r in sql.article_change_rows(conn, article_ids)]
    return record_alerts(conn, changes, watches=watches)


def _signature(c: Change) -> tuple:
    return (c.external_id, c.idx, c.source, c.target, c.value, c.date)


def dataset_snapshot(conn, dataset: str) -> list[Change]:
    """The list's changes before an import (to tell the new ones after it)."""
    return [Change.from_row(r) for r in sql.dataset_change_rows(conn, dataset)]


def record_for_dataset(conn, dataset: str, before: Sequence[Change]) -> list[int]:
    """Alerts for the changes a list import wrote on ``conn`` (``before``: its snapshot)."""
    old = {_signature(c): c for c in before}
    now = [Change.from_row(r) for r in sql.dataset_change_rows(conn, dataset)]
    new = [c for c in now if _signature(c) not in old]
    fresh = {origin_of(c) for c in new}
    replaced = [c for c in before if origin_of(c) in fresh]
    return record_alerts(conn, new, replaced)


# --------------------------------------------------------------------------- stance


def _event_evidence(e: Any) -> dict[str, Any]:
    return {"origin": f"article:{e.article_id}#e{e.idx}", "article_id": e.article_id, "dataset": None,
            "external_id": None, "sentence": e.sentence, "start": e.start, "end": e.end, "date": e.date,
            "confidence": e.confidence}


def record_stance(store, article_ids: Sequence[str]) -> list[int]:
    """Alerts of stance watches for articles just stored and clustered (the stance counts clusters).

    For each day of a new counted event of a watched dyad, the stance label over the window ending
    that day (``relations.stance``) is computed without that day's new events and with them.
    """
    from detente.relations import stance as _stance

    cfg = load_dimensions().stance
    with store.read() as conn:
        watches = [Watch.from_row(r) for r in sql.watch_rows(conn) if r["dimension"] == STANCE]
        if not watches or not article_ids:
            return []
        events = [e for e in sql.article_event_rows(conn, article_ids)
                  if e.status in cfg.statuses and e.date_precision in cfg.precisions]
    new = set(article_ids)
    by_dyad: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for e in events:
        by_dyad[(e.source_id, e.target_id)].append(e)
    made: list[int] = []
    for (source, target), evs in sorted(by_dyad.items()):
        for w in watches:
            if w.source not in (ANY, source) or w.target not in (ANY, target):
                continue
            for day in sorted({e.day_first for e in evs if w.min_confidence is None or e.confidence >= w.min_confidence}):
                start = _stance._month_start(day, cfg.window_months - 1)
                rows = [r for r in _stance._rows(store, source, target, both=False, since=start, until=day)
                        if w.min_confidence is None or (r["confidence"] or 0) >= w.min_confidence]
                today = [r for r in rows if r["article_id"] in new and r["day_first"] == day]
                before = _stance.score([r for r in rows if r not in today])
                after = _stance.score(rows)
                lb, la = cfg.label(before["value"]), cfg.label(after["value"])
                if lb == la or not w.wants(la) or after["sources"] < (w.min_reports or 1):
                    continue
                with store.write() as conn:
                    sql.lock_alerts(conn)
                    alert_id = sql.insert_alert(conn, {
                        "watch_id": w.id, "source": source, "target": target, "dimension": STANCE, "agreement": "",
                        "value_before": lb, "value_after": la, "date": day.isoformat(), "date_precision": "day",
                        "before": {"value": lb, "score": before["value"], "events": before["events"],
                                   "reports": before["sources"]},
                        "after": {"value": la, "score": after["value"], "events": after["events"],
                                  "reports": after["sources"]},
                        "day_first": day, "text": f"{source} → {target} stance: {lb} → {la} ({after['value']:+.1f})",
                    })
                    for e in evs:
                        if e.day_first == day:
                            sql.add_evidence(conn, alert_id, _event_evidence(e))
                made.append(alert_id)
    return made


def after_save(store, article_ids: Sequence[str], alert_ids: Sequence[int]) -> None:
    """What follows a committed save: stance alerts, then webhooks for every new alert."""
    made = list(alert_ids) + (record_stance(store, article_ids) if article_ids else [])
    if made:
        deliver(store, made)


# --------------------------------------------------------------------------- reading alerts


def alerts(store, *, since: str | dt.date | None = None, watch: int | None = None,
           ids: Sequence[int] | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Alerts, newest change first: ``{id, watch_id, source, target, dimension, before, after, date,
    text, evidence: [{article_id | dataset, sentence, start, end, title, url, …}], created_at, …}``."""
    day = parse_as_of(since) if since else None
    rows = sql.alert_rows(store, since=day, watch_id=watch, ids=ids, limit=limit)
    names = _names(store, rows)
    for r in rows:
        change = (r.get("after") or {}).pop("change", None)
        if r["dimension"] == STANCE and names:
            r["text"] = (f"{names.get(r['source'], r['source'])} → {names.get(r['target'], r['target'])}: stance "
                         f"{r['value_before']} → {r['value_after']}")
        elif change is not None and names:
            r["text"] = change_text(Change(source=r["source"], target=r["target"], dimension=r["dimension"],
                                           value=change["value"], date=r["date"], date_precision=r["date_precision"],
                                           detail=change.get("detail") or {}), names)
        if r.get("agreement"):
            kind, subjects = json.loads(r["agreement"])
            r["agreement"] = {"kind": kind, "subjects": subjects}
        else:
            r["agreement"] = None
    return rows


def _names(store, rows: list[dict[str, Any]]) -> dict[str, str]:
    """Readable names of the actors of these alerts (``relations.brief.display_names``)."""
    from detente.services.briefs import display_names

    ids = sorted({r[k] for r in rows for k in ("source", "target")})
    return display_names(store, ids) if ids else {}


# --------------------------------------------------------------------------- the change feed


def _cursor(value: str | None, by_recorded: bool) -> tuple | None:
    if not value:
        return None
    first, sep, last = value.rpartition("|")
    if not sep or not last.isdigit():
        raise WatchError(f"bad cursor {value!r}: pass back next_cursor as given")
    if not by_recorded:
        try:
            return dt.date.fromisoformat(first), int(last)
        except ValueError:
            raise WatchError(f"bad cursor {value!r}: pass back next_cursor as given") from None
    return first, int(last)


def changes(store, *, since: str | dt.date | None = None, recorded_since: str | dt.date | None = None,
            dimension: str | None = None, limit: int = 100, cursor: str | None = None) -> dict[str, Any]:
    """Recorded relation changes, a page at a time: ``{items, next_cursor}``.

    ``since``: changes dated on or after that day, in date order; ``recorded_since``: changes stored
    at or after that day or instant (UTC), in the order they were stored. Each item is the change
    with ``before``/``after`` (the state of its relation as of its date from the changes recorded
    before it, without and with it) and ``changes_state`` (false for a repeated report). Pass ``next_cursor`` back as ``cursor`` for the next page (null: the last).
    """
    if dimension is not None and dimension not in WATCH_DIMENSIONS:
        raise WatchError(f"unknown dimension {dimension!r} (one of {', '.join(WATCH_DIMENSIONS)})")
    by_recorded = recorded_since is not None
    rec = recorded_since.isoformat() if isinstance(recorded_since, dt.date) else recorded_since
    rows = sql.change_page(store, since=parse_as_of(since) if since else None, recorded_since=rec,
                           dimension=dimension, after=_cursor(cursor, by_recorded), limit=limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    items = _with_transitions(store, rows)
    last = rows[-1] if rows else None
    nxt = None
    if more and last is not None:
        nxt = f"{last['recorded_at'] if by_recorded else last['day_first']}|{last['id']}"
    return {"items": items, "next_cursor": nxt}


def _with_transitions(store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    cfg = load_dimensions()
    relations: dict[tuple[str, str, str], list[tuple[int, Change]]] = {}
    with store.read() as conn:
        for r in rows:
            key = (r["source"], r["target"], r["dimension"])
            if key not in relations:
                relations[key] = [(x.id, Change.from_row(x)) for x in sql.pair_change_rows(conn, *key)]
    names = _names(store, rows)
    out = []
    for r in rows:
        c = Change.from_row(r)
        default = cfg.dimensions[c.dimension].default
        # the state without and with this change, from the changes recorded before it
        earlier = [x for i, x in relations[(c.source, c.target, c.dimension)] if i < r["id"] and _in_scope(x, c)]
        day = c.first or dt.date.today()
        before, after = value_as_of(earlier, day, default), value_as_of([*earlier, c], day, default)
        out.append({
            "id": r["id"], "source": c.source, "target": c.target, "dimension": c.dimension, "value": c.value,
            "date": c.date, "date_precision": c.date_precision, "date_end": r.get("date_end"),
            "detail": c.detail, "before": before["value"], "after": after["value"],
            "changes_state": before["value"] != after["value"], "text": change_text(c, names),
            "evidence": {**c.evidence(), "title": r.get("title"), "url": r.get("url")},
            "confidence": c.confidence, "rule": c.rule, "recorded_at": r.get("recorded_at"),
        })
    return out


# --------------------------------------------------------------------------- webhooks


def alert_payload(alert: dict[str, Any]) -> dict[str, Any]:
    """The JSON a webhook receives for an alert."""
    from detente import __version__

    return {"detente_version": __version__, "kind": "alert", "alert": alert}


def deliver(store, alert_ids: Iterable[int] | None = None, *, attempts: int = 3, backoff: float = 0.5,
            timeout: float = 5.0) -> list[dict[str, Any]]:
    """POST every undelivered alert (of ``alert_ids``, else all) to its watch's webhook.

    Up to ``attempts`` tries per alert and call, waiting ``backoff``, 2×``backoff``, … between them;
    a 2xx answer delivers it. Every attempt is a ``webhook_deliveries`` row. Never raises for a
    failed delivery: returns ``[{alert_id, url, ok, attempts}]``.
    """
    import httpx

    pending = sql.undelivered(store, alert_ids)
    if not pending:
        return []
    bodies = {a["id"]: alert_payload(a) for a in alerts(store, ids=[p["id"] for p in pending])}
    out = []
    with httpx.Client(timeout=timeout, follow_redirects=False) as client:
        for p in pending:
            ok, tried = False, 0
            for n in range(attempts):
                if n:
                    time.sleep(backoff * 2 ** (n - 1))
                tried += 1
                status, error = None, None
                try:
                    resp = client.post(p["webhook"], json=bodies[p["id"]],
                                       headers={"User-Agent": "detente-webhook"})
                    status = resp.status_code
                    ok = 200 <= status < 300
                    error = None if ok else f"HTTP {status}"
                except httpx.HTTPError as exc:
                    error = f"{type(exc).__name__}: {exc}"[:500]
                sql.log_attempt(store, {"alert_id": p["id"], "url": p["webhook"], "attempt": p["attempts"] + n + 1,
                                        "status_code": status, "ok": int(ok), "error": error})
                if ok:
                    break
            if not ok:
                log.warning("webhook %s: alert %s not delivered after %d attempts", p["webhook"], p["id"], tried)
            out.append({"alert_id": p["id"], "url": p["webhook"], "ok": ok, "attempts": tried})
    return out


def deliveries(store, alert_id: int | None = None) -> list[dict[str, Any]]:
    """The webhook attempts logged (of one alert, else all), oldest first."""
    return sql.delivery_rows(store, alert_id)
