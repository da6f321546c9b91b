"""CountryInfo.140728 → people with dated roles.

``<Leaders>`` (rulers.org, ≈1960–2009): ``NAME_ [YYYYMMDD - YYYYMMDD] [B:…] [D:…]`` under a position
tag (``<Presidents>``) → a GOV role with that title; ``<Government>`` (CIA World Leaders, Jan 2003 –
Feb 2011): ``NAME_ [CAMEOCODE dates] # title`` → a role with the code's sector (first sector token,
see ``detente.kb.cameo``). ``{A}{B}`` are spellings of one person. ``<YYYYMMDD`` means already in
office at the first snapshot: the role starts 2003-01-01 (what the source knows); ``>YYYYMMDD``
means still in office at the last snapshot: the role ends then (2011-03-01 for the government
lists, 2014-07-28 — the file's date — for leaders and for government entries added after 2011).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from detente.kb.cameo import decode, state
from detente.kb.model import Entity, RoleRec, day, titlecase

FILE = "CountryInfo.140728.txt"
SOURCE = "countryinfo"
GOV_FIRST, GOV_LAST = dt.date(2003, 1, 1), dt.date(2011, 3, 1)
LEADERS_LAST = dt.date(2014, 7, 28)
_RANGE = re.compile(r"\[\s*(?:(?P<code>[A-Z]{3,})\s*)?(?:(?P<a>\d{8})\s*-\s*(?P<b>\d{8})|>\s*(?P<gt>\d{8})|<\s*(?P<lt>\d{8}))?\s*\]")
_BD = re.compile(r"\[([BD]):(\d{8})\]")


def _names(text: str) -> list[str]:
    text = text.strip()
    parts = re.findall(r"\{([^}]*)\}", text) if "{" in text else [text]
    return [titlecase(p) for p in parts if p.strip("_ ")]


def _span(m: re.Match, first: dt.date, last: dt.date) -> tuple[dt.date | None, dt.date | None]:
    if m.group("a"):
        return day(m.group("a")), day(m.group("b"))
    if m.group("gt"):
        s = day(m.group("gt"))
        # still in office at the last snapshot; entries added after it end at the file's date
        return s, (last if s and s < last else LEADERS_LAST if s and s < LEADERS_LAST else None)
    if m.group("lt"):
        return first, day(m.group("lt"))
    return None, None


def _singular(title: str) -> str:
    t = title.strip().lower()
    t = re.sub(r"\bministers\b", "minister", t)
    t = re.sub(r"(ies)$", "y", t)
    return re.sub(r"(?<![su])s$", "", t)


def load(folder: Path) -> Iterator[Entity]:
    country = None
    section = None
    position = None
    n = 0
    for raw in (folder / FILE).read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if line.startswith("<CountryCode>"):
            code = re.sub(r"<[^>]*>", "", line).split("[")[0].strip()
            country = state(code)
            continue
        if line in ("<Leaders>", "<Government>"):
            section = line[1:-1]
            continue
        if line in ("</Leaders>", "</Government>", "</Country>"):
            section = position = None
            continue
        if section is None or country is None or not line or line.startswith("#"):
            continue
        if section == "Leaders" and line.startswith("<") and not line.startswith("</"):
            position = line[1:-1]
            continue
        if line.startswith("</"):
            continue
        body, _, comment = line.partition("#")
        head = body.split("[")[0]
        names = _names(head)
        if not names:
            continue
        n += 1
        died = next((day(v) for k, v in _BD.findall(body) if k == "D"), None)
        roles = []
        for m in _RANGE.finditer(body):
            if section == "Leaders":
                s, e = _span(m, GOV_FIRST, LEADERS_LAST)
                if s is None and e is None:
                    continue
                roles.append(RoleRec(actor=country, sector="GOV", title=_singular(position or ""), start=s,
                                     end=e, source=SOURCE))
            else:
                c = decode(m.group("code") or "")
                if c is None or c.kind != "state-sector" or c.country is None:
                    continue
                s, e = _span(m, GOV_FIRST, GOV_LAST)
                title = comment.strip().strip('"') or None
                roles.append(RoleRec(actor=c.country, sector=c.sector, title=title[:80] if title else None,
                                     start=s, end=e, source=SOURCE))
        roles = [r for r in roles if not (r.start and r.end and r.end <= r.start)]
        if roles:
            yield Entity(SOURCE, f"{country}:{n}", "person", names[0], names[1:], roles=roles, died=died)
