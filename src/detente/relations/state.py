"""The state of a directed relation on a date, computed from its ``relation_changes`` rows.

Nothing here is stored: the rows (from articles and from imported lists) are the record, and the
state on any date is computed from all of them, so late or conflicting evidence never overwrites.

Temporal logic (the choices, in one place):

- **When a change is known.** A change counts for ``as_of`` when the *first* day its date can mean
  is on or before ``as_of`` (``"2003"`` counts from 2003-01-01). When ``as_of`` falls inside the
  change's date range (``--as-of 2003-06-01`` with a change dated ``2003``) the value is given with a
  ``note``: ``"in 2003 (day unknown)"``.
- **Order.** Changes are sorted by a total key (first day, precision, value, provenance, offsets…),
  never by insertion order, so the result does not depend on the order rows were written.
- **Conflicts.** Changes whose date ranges overlap (transitively) form one group. If a group holds
  different values, the values are ranked by (best date precision, number of distinct sources,
  best confidence, value name) and the best-ranked wins; all are kept and reported in
  ``conflicts``.
- **since.** Consecutive groups with the same winning value form one run; ``since`` is the date of
  the change that started the run (the most precise of its first group). Undated changes form a
  group before all dated ones, so an undated value has ``since: null``.
- **Spans.** A change with ``date_end`` ("ambassador from 2016 to 2021") implies the default value
  from ``date_end`` on, unless something later says otherwise.
- **Negation** was applied when the change was derived (``"has not recognised"`` → ``none``); a
  ``none`` with evidence is reported like any other value, but a denial only observes the value on
  its date: when it starts the current run, ``since`` is null.
- **Structured sources** (``dataset`` set, e.g. ``un-sc``) are evidence like articles, shown with
  ``dataset``/``external_id`` instead of ``article``.
- **as_of** ``None`` means today.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import Any

from detente.models import DateValue
from detente.relations.dimensions import load_dimensions
from detente.relations.wording import change_text, event_line, one_line, state_text, with_reports
from detente.store import query
from detente.store.query import no_gc_pauses

STATE_DIMENSIONS = ("designation", "representation", "recognition")


# --------------------------------------------------------------------------- dates


def date_value(value: str | None, precision: str | None = None) -> DateValue | None:
    """A ``DateValue`` from a stored date string (precision inferred from its length if missing)."""
    if not value:
        return None
    if precision is None:
        precision = {4: "year", 7: "month", 10: "day"}.get(len(value))
        if precision is None:
            return None
    try:
        dv = DateValue(value=value, precision=precision)
        dv.first_day()
        return dv
    except (ValueError, TypeError):
        return None


def parse_as_of(value: str | dt.date | None) -> dt.date:
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


# --------------------------------------------------------------------------- changes


@dataclass(frozen=True)
class Change:
    """One relation change (a ``relation_changes`` row), with its date range resolved."""

    source: str
    target: str
    dimension: str
    value: str
    date: str | None = None
    date_precision: str | None = None
    date_end: str | None = None
    detail: dict = field(default_factory=dict, hash=False, compare=False)
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    confidence: float = 1.0
    rule: str | None = None
    article_id: str | None = None
    dataset: str | None = None
    external_id: str | None = None
    idx: int = 0
    synthetic: bool = False  # the end of a span, implied by ``date_end``

    @classmethod
    def from_row(cls, row: Any) -> "Change":
        m = row._mapping if hasattr(row, "_mapping") else row
        return cls(
            source=m["source"], target=m["target"], dimension=m["dimension"], value=m["value"],
            date=m.get("date"), date_precision=m.get("date_precision"), date_end=m.get("date_end"),
            detail=dict(m.get("detail") or {}), sentence=m.get("sentence"), start=m.get("start"),
            end=m.get("end"), confidence=float(m.get("confidence") or 0.0), rule=m.get("rule"),
            article_id=m.get("article_id"), dataset=m.get("dataset"),
            external_id=m.get("external_id"), idx=int(m.get("idx") or 0),
        )

    # computed once per change (sorting and grouping ask for them many times)
    @cached_property
    def dv(self) -> DateValue | None:
        return date_value(self.date, self.date_precision)

    @cached_property
    def first(self) -> dt.date | None:
        dv = self.dv
        return dv.first_day() if dv else None

    @cached_property
    def last(self) -> dt.date | None:
        dv = self.dv
        return dv.last_day() if dv else None

    @property
    def origin(self) -> str:
        """The source of the evidence: an article or a dataset."""
        return f"article:{self.article_id}" if self.article_id else f"dataset:{self.dataset}"

    def sort_key(self) -> tuple:
        cfg = load_dimensions()
        first = self.first
        return (
            first is not None, first or dt.date.min, -cfg.rank_of_precision(self.date_precision),
            self.dimension, self.value, self.synthetic, self.article_id or "", self.dataset or "",
            self.external_id or "", self.idx, self.start if self.start is not None else -1,
            self.end if self.end is not None else -1, self.sentence or "", -self.confidence,
            self.rule or "", self.source, self.target, _detail_key(self.detail),
        )

    def evidence(self) -> dict:
        if self.article_id or not self.dataset:
            return {"article": self.article_id, "sentence": self.sentence, "start": self.start, "end": self.end}
        return {"dataset": self.dataset, "external_id": self.external_id, "sentence": self.sentence}


def _detail_key(detail: dict) -> str:
    return repr(sorted((str(k), repr(v)) for k, v in detail.items()))


def agreement_key(change: Change) -> tuple[str, tuple[str, ...]]:
    subjects = change.detail.get("subjects") or []
    if isinstance(subjects, str):
        subjects = [subjects]
    return (str(change.detail.get("kind") or "agreement"), tuple(sorted({str(s) for s in subjects})))


def is_observation(change: Change) -> bool:
    """A negated statement: the value held on its date, from an unknown start."""
    return bool(change.detail.get("negated") or change.detail.get("negated_from"))


def _with_span_ends(changes: Iterable[Change], default: str) -> list[Change]:
    out = []
    for c in changes:
        out.append(c)
        end = date_value(c.date_end)
        if end is not None and c.value != default and not c.synthetic:
            out.append(Change(
                source=c.source, target=c.target, dimension=c.dimension, value=default,
                date=end.value, date_precision=end.precision, detail=dict(c.detail),
                sentence=c.sentence, start=c.start, end=c.end, confidence=c.confidence,
                rule=f"{c.rule or ''}#span_end", article_id=c.article_id, dataset=c.dataset,
                external_id=c.external_id, idx=c.idx, synthetic=True,
            ))
    return out


# --------------------------------------------------------------------------- the core


@dataclass
class Group:
    """Changes whose date ranges overlap; ``ranked`` holds (value, changes) best first."""

    changes: list[Change]
    ranked: list[tuple[str, list[Change]]]

    @property
    def value(self) -> str:
        return self.ranked[0][0]

    @property
    def winner(self) -> Change:
        """The change that dates the winning value: most precise, then earliest."""
        return self.ranked[0][1][0]


def _best_first(changes: Sequence[Change]) -> list[Change]:
    cfg = load_dimensions()
    return sorted(changes, key=lambda c: (-cfg.rank_of_precision(c.date_precision), c.sort_key()))


def _rank_values(changes: Sequence[Change]) -> list[tuple[str, list[Change]]]:
    cfg = load_dimensions()
    by_value: dict[str, list[Change]] = defaultdict(list)
    if any(not c.synthetic for c in changes):  # an implied span end yields to any stated change
        real_values = {c.value for c in changes if not c.synthetic}
        changes = [c for c in changes if c.value in real_values]
    for c in changes:
        by_value[c.value].append(c)

    def key(item: tuple[str, list[Change]]) -> tuple:
        value, cs = item
        return (
            -max(cfg.rank_of_precision(c.date_precision) for c in cs),
            -len({c.origin for c in cs}),
            -max(c.confidence for c in cs),
            value,
        )

    return [(v, _best_first(cs)) for v, cs in sorted(by_value.items(), key=key)]


def groups(changes: Iterable[Change]) -> list[Group]:
    """Group changes by overlapping date ranges, oldest first (undated first)."""
    ordered = sorted(changes, key=Change.sort_key)
    out: list[list[Change]] = []
    undated = [c for c in ordered if c.first is None]
    if undated:
        out.append(undated)
    cur: list[Change] = []
    cur_end: dt.date | None = None
    for c in ordered:
        first, last = c.first, c.last
        if first is None:
            continue
        if cur and cur_end is not None and first <= cur_end:
            cur.append(c)
            cur_end = max(cur_end, last)
        else:
            if cur:
                out.append(cur)
            cur, cur_end = [c], last
    if cur:
        out.append(cur)
    return [Group(changes=g, ranked=_rank_values(g)) for g in out]


def _note(change: Change, as_of: dt.date) -> str | None:
    last = change.last
    if last is not None and as_of < last and change.date:
        unknown = {"year": "day unknown", "month": "day unknown", "decade": "year unknown"}
        return f"in {change.date} ({unknown.get(change.date_precision or '', 'date unknown')})"
    return None


def _conflicts(dimension: str, grps: Sequence[Group], extra: dict | None = None) -> list[dict]:
    out = []
    for g in grps:
        if len(g.ranked) < 2:
            continue
        item = {"dimension": dimension, **(extra or {}), "values": [
            {"value": v, "date": cs[0].date, "evidence": _evidence(cs)} for v, cs in g.ranked
        ]}
        out.append(item)
    return out


def _evidence(changes: Iterable[Change]) -> list[dict]:
    seen: set[tuple] = set()
    out = []
    for c in sorted(changes, key=Change.sort_key):
        ev = c.evidence()
        key = tuple(sorted((k, str(v)) for k, v in ev.items()))
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def evidence_key(ev: dict) -> tuple:
    """What identifies a piece of evidence: its article or dataset entry, and its offsets."""
    return (ev.get("article"), ev.get("dataset"), ev.get("external_id"), ev.get("start"), ev.get("end"))


def evidence_status(changes: Iterable[Change], value: str, evidence: list[dict]) -> str | None:
    """``planned`` / ``reported`` when every change behind a value (its ``evidence``) says so,
    else ``None`` (something behind it occurred)."""
    keys = {evidence_key(e) for e in evidence}
    statuses = {c.detail.get("event_status") or "occurred" for c in changes
                if c.value == value and evidence_key(c.evidence()) in keys}
    if statuses and statuses <= {"planned"}:
        return "planned"
    if statuses and statuses <= {"planned", "reported"}:
        return "reported"
    return None


def value_as_of(changes: Iterable[Change], as_of: dt.date, default: str = "none") -> dict:
    """The state of one dimension (or one agreement) on ``as_of`` from its changes.

    Returns ``{value, since, since_precision, evidence, detail, note?, groups}`` where ``groups``
    (internal) are the groups up to ``as_of``.
    """
    known = [c for c in _with_span_ends(changes, default) if c.first is None or c.first <= as_of]
    grps = groups(known)
    if not grps:
        return {"value": default, "since": None, "since_precision": None, "evidence": [], "detail": {},
                "groups": []}
    run: list[Group] = []
    for g in grps:
        if run and run[-1].value == g.value:
            run.append(g)
        else:
            run = [g]
    value = run[0].value
    starter = run[0].winner
    supporting = [c for g in run for v, cs in g.ranked if v == value for c in cs]
    detail: dict = {}
    # the listing's own detail (list, programme, authority) also describes its suspension
    for c in [starter, *_best_first(supporting), *sorted(known, key=Change.sort_key, reverse=True)]:
        for k, v in c.detail.items():
            if k not in ("ongoing", "event_status", "subjects", "kind"):
                detail.setdefault(k, v)
    # a denial ("has not recognised", dated by the article) observes the value, it does not start it
    dated_start = starter.first is not None and not is_observation(starter)
    out = {
        "value": value,
        "since": starter.date if dated_start else None,
        "since_precision": starter.date_precision if dated_start else None,
        "evidence": _evidence(supporting),
        "detail": detail,
        "groups": grps,
    }
    latest = max((c for c in supporting if c.first is not None), key=Change.sort_key, default=None)
    note = _note(latest, as_of) if latest is not None else None
    if note:
        out["note"] = note
    return out


def state_as_of(changes: Iterable[Change], dimension: str, as_of: str | dt.date | None = None) -> dict:
    """The value of one dimension on ``as_of`` (``{value, since, since_precision, evidence, detail, note?}``)."""
    spec = load_dimensions().dimensions[dimension]
    st = value_as_of([c for c in changes if c.dimension == dimension], parse_as_of(as_of), spec.default)
    st.pop("groups")
    return st


def compute_status(source: str, target: str, changes: Iterable[Change], as_of: dt.date,
                   stance: dict | None = None) -> dict:
    """The status JSON of DESIGN.md for ``source → target`` from the pair's changes (pure)."""
    cfg = load_dimensions()
    mine = [c for c in changes if c.source == source and c.target == target]
    by_dim: dict[str, list[Change]] = defaultdict(list)
    for c in mine:
        by_dim[c.dimension].append(c)
    out: dict[str, Any] = {"source": source, "target": target, "as_of": as_of.isoformat()}
    conflicts: list[dict] = []
    for dim in STATE_DIMENSIONS:
        st = value_as_of(by_dim.get(dim, []), as_of, cfg.dimensions[dim].default)
        item = {k: st[k] for k in ("value", "since", "since_precision", "evidence")}
        if dim == "designation":
            item["detail"] = {k: st["detail"][k] for k in ("list", "program", "authority", "reference")
                              if k in st["detail"]}
        if "note" in st:
            item["note"] = st["note"]
        how = evidence_status(by_dim.get(dim, []), item["value"], item["evidence"])
        if how:  # every report of it is a plan (or hearsay): "event_status": "planned"
            item["event_status"] = how
        out[dim] = item
        conflicts.extend(_conflicts(dim, st["groups"]))
    agreements = []
    by_key: dict[tuple, list[Change]] = defaultdict(list)
    for c in by_dim.get("agreements", []):
        by_key[agreement_key(c)].append(c)
    for key in sorted(by_key):
        st = value_as_of(by_key[key], as_of, cfg.dimensions["agreements"].default)
        if st["value"] == cfg.dimensions["agreements"].default:
            continue
        kind, subjects = key
        agreement = {"subjects": list(subjects), "kind": kind, "status": st["value"],
                     "since": st["since"], "evidence": st["evidence"]}
        how = evidence_status(by_key[key], st["value"], st["evidence"])
        if how:
            agreement["event_status"] = how
        agreements.append(agreement)
        conflicts.extend(_conflicts("agreements", st["groups"], {"kind": kind, "subjects": list(subjects)}))
    agreements.sort(key=lambda a: (a["since"] is None, a["since"] or "", a["kind"], a["subjects"]))
    out["agreements"] = agreements
    out["stance"] = stance if stance is not None else {"value": None, "window": f"{cfg.stance.window_months} months",
                                                         "events": 0}
    out["conflicts"] = conflicts
    return out


# --------------------------------------------------------------------------- store access


def load_changes(store, source: str | None = None, target: str | None = None,
                 dimension: str | None = None, both: bool = False) -> list[Change]:
    """The pair's changes (``query.relation_change_rows``) as ``Change`` values."""
    return [Change.from_row(r) for r in query.relation_change_rows(store, source, target, dimension, both)]


def status(store, a: str, b: str, as_of: str | dt.date | None = None) -> dict:
    """``detente status A B --as-of D``: the DESIGN.md status JSON of ``a → b`` on ``as_of``."""
    from detente.relations.stance import stance_for_status

    day = parse_as_of(as_of)
    changes = load_changes(store, a, b)
    return compute_status(a, b, changes, day, stance_for_status(store, a, b, day))


# --------------------------------------------------------------------------- timeline


def _in_range(first: dt.date | None, last: dt.date | None, since: dt.date | None, until: dt.date | None) -> bool:
    if first is None:
        return since is None and until is None
    if since is not None and (last or first) < since:
        return False
    if until is not None and first > until:
        return False
    return True


def timeline(store, a: str, b: str, since: str | dt.date | None = None,
             until: str | dt.date | None = None, names: dict[str, str] | None = None,
             collapse: bool = False) -> list[dict]:
    """Events and relation changes between ``a`` and ``b`` (both directions), oldest first.

    Background events (dated from the text, e.g. "designated … in 2003") are placed at their own
    date. Undated items are listed last and only when no range is given. ``names`` (id → name)
    is used in the one-line ``text``.

    Every item has ``cluster_id`` (events: ``events.cluster_id``; changes: the cluster of the event
    they were derived from), ``date_from`` (``"published"`` when the date is the article's
    publication date, not a date found in the text, else ``None``) and ``reports`` (1).
    With ``collapse=True`` the reports of one real-world event (one cluster; for changes, the same
    change derived from one cluster, or the same change on the same date) are one item: the report
    with the best date (dated from the text, most precise) stands for all, ``reports`` counts the
    articles, ``also`` holds the other reports' evidence and ``text`` ends in ``(N reports)``.
    """
    names = names or {}
    since_d = parse_as_of(since) if since else None
    until_d = parse_as_of(until) if until else None
    with no_gc_pauses():
        rows = query.timeline_event_rows(store, a, b, since_d, until_d)
        changes = load_changes(store, a, b, both=True)
        return _timeline_items(rows, changes, since_d, until_d, names, collapse)


def _timeline_items(rows, changes: list[Change], since_d: dt.date | None, until_d: dt.date | None,
                    names: dict[str, str], collapse: bool = False) -> list[dict]:
    # sort keys: (undated, first day, changes before events, str(origin tuple)) — the string of
    # the tuple is built directly for events (``str((a, i, 0))`` == ``f"({a!r}, {i!r}, 0)"``)
    items: list[tuple[tuple, dict]] = []
    name = names.get
    day_min = dt.date.min
    by_offsets: dict[tuple, tuple] = {}  # (article, start, end, source, target) → (cluster key, date_from)
    for (article_id, idx, type_, mode, status_, goldstein, src, tgt, date, precision, first,
         sentence, start, end, event_id, cluster_id, detail) in rows:
        date_from = (detail or {}).get("date_from") if isinstance(detail, dict) else None
        cluster_key = cluster_id if cluster_id is not None else f"event:{event_id}"
        by_offsets.setdefault((article_id, start, end, src, tgt), (cluster_key, date_from))
        # dated rows met the range in the query; undated ones (or rows written without their
        # days, read from the date here) are checked now
        if first is None:
            dv = date_value(date, precision)
            first, last = (dv.first_day(), dv.last_day()) if dv else (None, None)
            if not _in_range(first, last, since_d, until_d):
                continue
        item = {
            "date": date, "date_precision": precision, "kind": "event",
            "type": type_, "value": goldstein, "status": status_, "source": src, "target": tgt,
            "text": event_line(name(src, src), type_, mode, name(tgt, tgt), status_, sentence),
            "evidence": {"article": article_id, "sentence": sentence, "start": start, "end": end},
            "cluster_id": cluster_id, "date_from": date_from, "reports": 1,
            "_group": ("event", cluster_key, type_, src, tgt, _STATUS_CLASS.get(status_, status_)),
        }
        items.append(((first is None, first or day_min, 1, f"({article_id!r}, {idx!r}, 0)"), item))
    for c in changes:
        if c.synthetic or not _in_range(c.first, c.last, since_d, until_d):
            continue
        status_ = ("negated" if is_observation(c) else c.detail.get("event_status")
                   or ("ongoing" if c.detail.get("ongoing") else "occurred"))
        cluster_key, date_from = by_offsets.get((c.article_id, c.start, c.end, c.source, c.target), (None, None))
        item = {
            "date": c.date, "date_precision": c.date_precision, "kind": "change",
            "dimension": c.dimension, "value": c.value, "status": status_,
            "source": c.source, "target": c.target,
            "text": one_line(change_text(c, names, reported=date_from == "published")),
            "evidence": c.evidence(),
            "cluster_id": cluster_key if isinstance(cluster_key, int) else None,
            "date_from": date_from, "reports": 1,
            "_group": ("change", c.source, c.target, c.dimension, c.value, status_,
                       _detail_key({k: c.detail.get(k) for k in ("kind", "subjects")}),
                       cluster_key if cluster_key is not None else (c.date, c.dataset, c.external_id)),
        }
        origin = (c.article_id or c.dataset or "", c.idx, c.sort_key())
        items.append(((c.first is None, c.first or day_min, 0, str(origin)), item))
    if collapse:
        items = _collapse(items)
    items.sort(key=itemgetter(0))
    out = []
    for _, it in items:
        it.pop("_group", None)
        out.append(it)
    return out


_STATUS_CLASS = {"occurred": "claim", "ongoing": "claim", "reported": "claim"}


def _report_rank(entry: tuple[tuple, dict]) -> tuple:
    """Which report of a cluster stands for it: dated from the text, most precise, earliest."""
    key, it = entry
    cfg = load_dimensions()
    return (it.get("date_from") == "published", -cfg.rank_of_precision(it.get("date_precision")), key)


def _origin_of(evidence: dict) -> str:
    return f"article:{evidence.get('article')}" if evidence.get("article") else f"dataset:{evidence.get('dataset')}"


def _collapse(items: list[tuple[tuple, dict]]) -> list[tuple[tuple, dict]]:
    """One entry per group of reports (see ``timeline``), at the place of its best report."""
    grouped: dict[tuple, list[tuple[tuple, dict]]] = defaultdict(list)
    for entry in items:
        grouped[entry[1]["_group"]].append(entry)
    out = []
    for members in grouped.values():
        members.sort(key=_report_rank)
        key, best = members[0]
        others = [it["evidence"] for _, it in members[1:]]
        origins = {_origin_of(best["evidence"])} | {_origin_of(e) for e in others}
        best = dict(best, also=others, reports=len(origins))
        if len(origins) > 1:
            best["text"] = with_reports(best["text"], len(origins))
        out.append((key, best))
    return out


# --------------------------------------------------------------------------- who / dyads


_RECOGNISING = ("de_facto", "indirect", "formal")


def _matches_program(st: dict, program: str | None) -> bool:
    if not program:
        return True
    want = program.casefold()
    got = str(st["detail"].get("program") or st["detail"].get("list") or "").casefold()
    return want == got or want in got


def who(store, *, designating: str | None = None, designated_by: str | None = None,
        program: str | None = None, hosts_ambassador_of: str | None = None,
        recognising: str | None = None, as_of: str | dt.date | None = None) -> list[dict]:
    """Actors in a relation with ``X`` on ``as_of``. Exactly one of the selectors is expected.

    - ``designating=X``: who lists X (sources whose designation of X is ``listed``);
    - ``designated_by=X``: whom X lists (optionally on ``program``);
    - ``hosts_ambassador_of=X``: who receives an ambassador of X;
    - ``recognising=X``: who recognises X's government (de facto, indirect or formal).

    Rows: ``{source, target, dimension, value, since, since_precision, program, name}`` sorted by
    (since, source, target); ``name`` is the list entry's name for list-only targets.
    """
    day = parse_as_of(as_of)
    cfg = load_dimensions()
    selectors = [(designating, "designation", "target", ("listed",)),
                 (designated_by, "designation", "source", ("listed",)),
                 (hosts_ambassador_of, "representation", "target", ("ambassador",)),
                 (recognising, "recognition", "target", _RECOGNISING)]
    chosen = [s for s in selectors if s[0]]
    if len(chosen) != 1:
        raise ValueError("give exactly one of designating, designated_by, hosts_ambassador_of, recognising")
    actor, dim, side, wanted = chosen[0]
    if side == "target":
        changes = load_changes(store, target=actor, dimension=dim)
    else:
        changes = load_changes(store, source=actor, dimension=dim)
    names = list_entry_names(store)
    by_pair: dict[tuple[str, str], list[Change]] = defaultdict(list)
    for c in changes:
        by_pair[(c.source, c.target)].append(c)
    rows = []
    for (s, t), cs in by_pair.items():
        st = value_as_of(cs, day, cfg.dimensions[dim].default)
        if st["value"] not in wanted or (dim == "designation" and not _matches_program(st, program)):
            continue
        rows.append({"source": s, "target": t, "dimension": dim, "value": st["value"], "since": st["since"],
                     "since_precision": st["since_precision"],
                     "program": st["detail"].get("program") or st["detail"].get("list"),
                     "name": names.get(t if side == "source" else s)})
    rows.sort(key=lambda r: (r["since"] is None, r["since"] or "", r["source"], r["target"]))
    return rows


def list_entry_names(store) -> dict[str, str]:
    """``{actor id: entry name}`` of imported list entries (list-only targets by their list id)."""
    return {r.actor_id or f"{_target_prefix(r.dataset)}{r.reference or r.entry_id}": r.name
            for r in query.list_entry_rows(store)}


def _target_prefix(dataset: str) -> str:
    from detente.datasets import DatasetError, get

    try:
        return get(dataset).metadata.target_prefix
    except DatasetError:
        return ""


def dyads(store, actor: str) -> list[dict]:
    """Directed pairs with ``actor`` on either side, ranked by number of events, then recency."""
    counts: dict[tuple[str, str], list] = {}
    for r in query.actor_event_rows(store, actor):
        if not r.source_id or not r.target_id:
            continue
        slot = counts.setdefault((r.source_id, r.target_id), [0, None, None])
        slot[0] += 1
        if r.day_first is not None and (slot[1] is None or r.day_first > slot[1]):
            slot[1], slot[2] = r.day_first, r.date
    out = [{"source": s, "target": t, "events": n, "last": last_date}
           for (s, t), (n, _day, last_date) in counts.items()]
    out.sort(key=lambda d: (-d["events"], d["last"] is None, _neg_date_key(d["last"]), d["source"], d["target"]))
    return out


def _neg_date_key(value: str | None) -> tuple:
    dv = date_value(value)
    return (-(dv.first_day().toordinal()) if dv else 0,)
