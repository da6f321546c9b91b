"""Shaping library JSON for the templates (pure functions, no database)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

DIMENSIONS = ("designation", "representation", "recognition")
_HL = re.compile(r"^(\d{1,9})-(\d{1,9})$")
_HTTP_URL = re.compile(r"https?://[^\s/?#\\]+(?:[/?#]\S*)?", re.IGNORECASE)


def _first(evidence: Any) -> dict | None:
    if isinstance(evidence, list):
        return evidence[0] if evidence and isinstance(evidence[0], dict) else None
    return evidence if isinstance(evidence, dict) else None


def _evidence_list(evidence: Any) -> list[dict]:
    if isinstance(evidence, list):
        return [e for e in evidence if isinstance(e, dict)]
    return [evidence] if isinstance(evidence, dict) else []


def evidence_link(ev: dict | None) -> str | None:
    """``/article/ID?hl=S-E#s-S`` for evidence from an article, None for other evidence."""
    if not ev or not ev.get("article"):
        return None
    start, end = ev.get("start"), ev.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return f"/article/{ev['article']}?hl={start}-{end}#s-{start}"
    return f"/article/{ev['article']}"


def http_url(url: object) -> str | None:
    """``url`` (trimmed) if it is an ``http(s)://`` URL with a host, else None: the only URLs a page links.

    The ``http_url`` template filter; ``javascript:``, ``data:``, scheme-relative and malformed URLs, and
    any with control characters or spaces inside, are never rendered as links.
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in url) or not _HTTP_URL.fullmatch(url):
        return None
    return url


def actor_name(info: dict | None, fallback: str) -> str:
    if not info:
        return fallback
    return info.get("name") or info.get("label") or fallback


def actor_view(info: dict, aid: str) -> dict:
    """An actor for the page; its roles most recent first (open starts last), and for a person the
    role ``backend.actor`` marked as held today flagged ``current``."""
    kind = info.get("kind") or info.get("type")
    roles = []
    for r in info.get("roles") or []:
        if isinstance(r, dict):
            roles.append({"start": r.get("start") or r.get("since") or r.get("from"),
                          "end": r.get("end") or r.get("until") or r.get("to"),
                          "actor": r.get("actor"), "country": r.get("country"), "sector": r.get("sector"),
                          "title": r.get("title") or r.get("role") or r.get("of"), "source": r.get("source"),
                          "current": kind == "person" and r.get("current") is True})
    roles.sort(key=lambda r: str(r["start"] or ""), reverse=True)
    aliases = info.get("aliases") or []
    return {"id": aid, "name": actor_name(info, aid), "kind": kind,
            "country": info.get("country"), "aliases": [a for a in aliases if isinstance(a, str)], "roles": roles}


def status_view(status: dict) -> dict:
    out = dict(status)
    for dim in DIMENSIONS:
        d = dict(status.get(dim) or {})
        d.setdefault("value", "none")
        d["links"] = [{"href": evidence_link(e), "sentence": e.get("sentence") or "",
                       "dataset": e.get("dataset")} for e in _evidence_list(d.get("evidence"))]
        out[dim] = d
    out["agreements"] = [dict(ag, links=[evidence_link(e) for e in _evidence_list(ag.get("evidence")) if evidence_link(e)])
                         for ag in status.get("agreements") or [] if isinstance(ag, dict)]
    return out


def _actor_label(x: Any) -> str:
    if isinstance(x, dict):
        return x.get("id") or x.get("text") or "?"
    return x or "?"


def timeline_item(item: dict) -> dict:
    ev = _first(item.get("evidence"))
    if item.get("dimension") and item.get("kind") != "event":
        label = f"{item['dimension']} → {str(item.get('value') or '').replace('_', ' ')}"
        kind = "change"
    else:
        label = f"{item.get('type') or 'event'} {_actor_label(item.get('source'))} → {_actor_label(item.get('target'))}"
        kind = "event"
    return {"date": item.get("date"), "kind": kind, "label": label, "status": item.get("status"),
            "source": _actor_label(item.get("source")) if item.get("source") else None,
            "href": evidence_link(ev), "sentence": (ev or {}).get("sentence") or item.get("text") or "",
            "dataset": (ev or {}).get("dataset")}


def brief_view(brief: dict) -> dict:
    bullets = []
    for b in brief.get("bullets") or []:
        if isinstance(b, str):
            bullets.append({"text": b, "href": None})
        elif isinstance(b, dict):
            bullets.append({"text": b.get("text", ""), "href": evidence_link(_first(b.get("evidence")))})
    return {"bullets": bullets, "what_changed": brief.get("what_changed")}


def _month(date: str | None) -> str | None:
    if not date or not re.match(r"^\d{4}", date):
        return None
    return date[:7] if len(date) >= 7 else f"{date[:4]}-01"


def _months(first: str, last: str, cap: int = 600) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while len(out) < cap:
        cur = f"{y:04d}-{m:02d}"
        out.append(cur)
        if cur >= last:
            break
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _shift(month: str, n: int) -> str:
    y, m = int(month[:4]), int(month[5:7]) - 1 + n
    y, m = y + m // 12, m % 12
    return f"{y:04d}-{m + 1:02d}"


def stance_data(series: list[dict], timeline: list[dict], source: str | None = None, min_months: int = 12) -> dict:
    """``{points:[{month,value,events}], changes:[{month,label}]}`` for dyad.js, months filled in.

    The axis runs from a month before the first scored month (or change) to a month after the last,
    and spans at least ``min_months`` so that a few months of data do not fill the whole width.
    Changes of the same month are merged into one label; changes made by the other side (the
    timeline holds both directions) are prefixed with its id.
    """
    by_month = {p["month"]: p for p in series
                if isinstance(p, dict) and p.get("month") and p.get("value") is not None}
    if not by_month:
        return {"points": [], "changes": []}
    merged: dict[str, list[str]] = {}
    for item in timeline:
        if item.get("dimension") and item.get("kind") != "event":
            month = _month(item.get("date"))
            if month:
                label = f"{item['dimension']}: {str(item.get('value') or '').replace('_', ' ')}"
                if item.get("status") in ("planned", "negated"):  # a plan or a denial is not the change itself
                    label += f" ({item['status']})"
                if source and item.get("source") and item.get("source") != source:
                    label = f"{item['source']}: {label}"  # the other direction
                if label not in merged.setdefault(month, []):
                    merged[month].append(label)
    first = _shift(min([*by_month, *merged]), -1)
    last = _shift(max([*by_month, *merged]), 1)
    span = len(_months(first, last))
    if span < min_months:
        first = _shift(first, -((min_months - span) // 2 + (min_months - span) % 2))
        last = _shift(last, (min_months - span) // 2)
    changes = [{"month": m, "label": "; ".join(labels)} for m, labels in sorted(merged.items())]
    points = [{"month": m, "value": by_month[m]["value"] if m in by_month else None,
               "events": by_month[m].get("events", 0) if m in by_month else 0}
              for m in _months(first, last)]
    return {"points": points, "changes": changes}


def group_listed(rows: list[dict]) -> list[dict]:
    """Designations made by one actor, grouped by programme: ``[{program, rows}]``, largest first."""
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r.get("program") or "other", []).append(r)
    for g in groups.values():
        g.sort(key=lambda r: (r.get("since") or "", r.get("name") or r.get("target") or ""))
    return [{"program": p, "rows": g} for p, g in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def parse_hl(hl: str | None) -> tuple[int, int] | None:
    m = _HL.match(hl or "")
    if not m:
        return None
    s, e = int(m.group(1)), int(m.group(2))
    return (s, e) if e > s else None


def _event_brief(ev: dict) -> dict:
    return {"type": ev.get("type"), "mode": ev.get("mode"), "source": _actor_label(ev.get("source")),
            "target": _actor_label(ev.get("target")), "status": ev.get("status"), "date": ev.get("date"),
            "rule": ev.get("rule"), "cameo": ev.get("cameo"), "goldstein": ev.get("goldstein"),
            "confidence": ev.get("confidence")}


def segments(article: dict, hl: tuple[int, int] | None) -> list[dict]:
    """The article text cut into plain runs and sentences; event sentences carry their coding.

    Sentences come from the store; without them, event spans stand in. The sentence holding the
    start of ``hl`` is marked (or the ``hl`` span itself, when no sentence holds it).
    """
    text: str = article.get("text") or ""
    n = len(text)
    spans = [(s["start"], s["end"]) for s in article.get("sentences") or []
             if isinstance(s, dict) and 0 <= s.get("start", -1) < s.get("end", -1) <= n]
    if not spans:
        spans = sorted({(e["start"], e["end"]) for e in article.get("events") or []
                        if 0 <= e.get("start", -1) < e.get("end", -1) <= n})
    if hl and hl[1] <= n and not any(s <= hl[0] < e for s, e in spans):
        spans.append(hl)
    spans.sort()
    chosen: list[tuple[int, int]] = []
    for s, e in spans:  # drop overlaps, keep the earliest
        if not chosen or s >= chosen[-1][1]:
            chosen.append((s, e))
    evs = article.get("events") or []
    out, pos = [], 0
    for s, e in chosen:
        if s > pos:
            out.append({"sentence": False, "text": text[pos:s]})
        inside = [_event_brief(ev) for ev in evs if s <= ev.get("start", -1) < e]
        out.append({"sentence": True, "text": text[s:e], "start": s, "end": e, "events": inside,
                    "highlight": bool(hl and s <= hl[0] < e)})
        pos = e
    if pos < n:
        out.append({"sentence": False, "text": text[pos:]})
    return out


def event_row(ev: dict, article: dict | None = None) -> dict:
    src, tgt = ev.get("source"), ev.get("target")
    art = ev.get("article") or ev.get("article_id") or (article or {}).get("id")
    sentence_start = ev.get("start")
    if article:
        for s in article.get("sentences") or []:
            if s["start"] <= ev.get("start", -1) < s["end"]:
                sentence_start = s["start"]
                break
    return {
        "id": ev.get("id"), "type": ev.get("type"), "status": ev.get("status"), "date": ev.get("date"),
        "source_id": _actor_label(src), "target_id": _actor_label(tgt),
        "src_known": isinstance(src, dict) and bool(src.get("id")),
        "tgt_known": isinstance(tgt, dict) and bool(tgt.get("id")),
        "sentence": ev.get("sentence") or "", "article": art, "start": ev.get("start"), "end": ev.get("end"),
        "sent_start": sentence_start, "rule": ev.get("rule"), "cameo": ev.get("cameo"),
        "goldstein": ev.get("goldstein"), "confidence": ev.get("confidence") or 0.0,
        "href": evidence_link({"article": art, "start": ev.get("start"), "end": ev.get("end")}),
    }


def map_points(events: list[dict], limit: int = 300) -> list[dict]:
    """One marker per place where the events happen (``location`` with coordinates): name,
    country, precision, lat/lon, how many events, and a link to the first event's sentence."""
    points: dict[tuple, dict] = {}
    for ev in events:
        loc = ev.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        key = (loc.get("name"), round(loc["lat"], 3), round(loc["lon"], 3))
        pt = points.get(key)
        if pt is None:
            if len(points) >= limit:
                continue
            art = ev.get("article") or ev.get("article_id")
            pt = points[key] = {
                "name": loc.get("name"), "country": loc.get("country"), "admin1": loc.get("admin1"),
                "precision": loc.get("precision"), "lat": loc["lat"], "lon": loc["lon"], "events": 0,
                "types": [], "href": evidence_link({"article": art, "start": ev.get("start"), "end": ev.get("end")})
                if art else None}
        pt["events"] += 1
        if ev.get("type") and ev["type"] not in pt["types"]:
            pt["types"].append(ev["type"])
    return list(points.values())


def today() -> str:
    return dt.date.today().isoformat()
