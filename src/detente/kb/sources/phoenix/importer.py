"""Phoenix (PETRARCH-2) actor dictionaries → entities.

``Phoenix.Countries.actors.txt``: people with dated CAMEO roles (from CountryInfo) and national
institutions (``AFGHAN_NATIONAL_ARMY [AFGMIL]``); ``Phoenix.International.actors.txt``: IGOs, NGOs,
companies (``[MNCUSA]``) and some IGO officials; ``Phoenix.MilNonState.actors.txt``: armed groups.

Format: a head line in upper case with ``_`` for spaces, ``+`` synonym lines, and codes in brackets
on the head line or on indented lines, one per period: ``[AFGGOV 331108-730717]``, ``[RUSGOV >080409]``,
``[X <050101]``; dates are YYMMDD (century inferred: ≤ 14 → 20xx) or YYYYMMDD. A person is a head
with a dated code (or marked ``# CountryInfo``); bare state codes (``AFGHANISTAN_ [AFG]``) are
states, already in the hand-written KB, and are skipped. Undated ``ELI`` codes (after office) are
dropped: ``standing`` already makes people ELI once their last role has ended. Open roles
(``>A``) end at the file's date (2014-01-30): after that the source knows nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from detente.kb.cameo import Code, decode
from detente.kb.model import Entity, RoleRec, titlecase

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
SNAPSHOT = dt.date(2014, 1, 30)
_CODE = re.compile(r"\[([^\]]*)\]")
_DATES = re.compile(r"^(?P<code>[A-Z0-9~]+)\s*(?:(?P<a>\d{6,8})\s*-\s*(?P<b>\d{6,8})|>\s*(?P<gt>\d{6,8})|<\s*(?P<lt>\d{6,8}))?\s*$")


def yymmdd(v: str | None) -> dt.date | None:
    if not v:
        return None
    if len(v) == 6:
        yy = int(v[:2])
        y = 2000 + yy if yy <= 14 else 1900 + yy
        v = f"{y}{v[2:]}"
    if len(v) != 8:
        return None
    y, m, d = int(v[:4]), int(v[4:6]), int(v[6:])
    if not 1 <= m <= 12:
        return None
    for dd in (d, 30, 29, 28):
        try:
            return dt.date(y, m, max(dd, 1)) if dd <= max(d, 1) else None
        except ValueError:
            continue
    return None


@lru_cache(maxsize=1)
def igo_ids() -> dict[str, str]:
    from importlib import resources

    import yaml

    text = (resources.files("detente") / "data" / "eval" / "cameo_actors.yml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text).get("organisations", {}))


def _blocks(path: Path) -> Iterator[tuple[str, list[str], list[str], str]]:
    """(head, synonyms, codes, comment) per entry."""
    head: str | None = None
    syns: list[str] = []
    codes: list[str] = []
    note = ""
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip():
            if not raw.strip() and head is not None:
                yield head, syns, codes, note
                head, syns, codes, note = None, [], [], ""
            continue
        found = _CODE.findall(line)
        text = _CODE.sub("", line).strip()
        if raw[:1] in (" ", "\t") and not text:
            codes.extend(found)
            continue
        if text.startswith("+"):
            if head is not None:
                syns.append(text[1:].strip())
            codes.extend(found)
            continue
        if head is not None and (codes or found):
            yield head, syns, codes, note
            head, syns, codes, note = None, [], [], ""
        if head is None:
            head, note = text, comment
        else:  # a code-less head in the same block: another spelling of the next entry's actor
            syns.append(text)
        codes.extend(found)
    if head is not None:
        yield head, syns, codes, note


def _role(code: str, source: str) -> tuple[RoleRec, tuple[Code, bool]] | None:
    m = _DATES.match(code.strip())
    if not m:
        return None
    c = decode(m.group("code"))
    if c is None:
        return None
    start = yymmdd(m.group("a")) or yymmdd(m.group("gt"))
    end = yymmdd(m.group("b")) or yymmdd(m.group("lt"))
    if m.group("gt"):
        end = SNAPSHOT if start and start < SNAPSHOT else None
    if m.group("lt") and end:
        start = None
    if start and end and end <= start:
        end = None if m.group("gt") else end
        if end and end <= start:
            return None
    dated = bool(m.group("a") or m.group("gt") or m.group("lt"))
    return RoleRec(sector=c.sector, country=c.country, start=start, end=end, source=source), (c, dated)


def _names(head: str, syns: list[str], person: bool) -> tuple[str, list[str]]:
    name = titlecase(head)
    aliases = []
    for s in syns:
        s = s.strip()
        if not s or len(s) < 2:
            continue
        acronym = not person and re.fullmatch(r"[A-Z]{2,5}_?", s)
        aliases.append(s.strip("_") if acronym else titlecase(s))
    return name, aliases


def load(folder: Path, files: tuple[str, ...] = FILES) -> Iterator[Entity]:
    for fname in files:
        src = f"phoenix:{fname.split('.')[1]}"
        n = 0
        for head, syns, codes, note in _blocks(folder / fname):
            n += 1
            roles = []
            for code in codes:
                r = _role(code, src)
                if r is not None:
                    roles.append(r)
            if not roles:
                continue
            eid = f"{fname.split('.')[1]}:{n}"
            dated = any(d for _, (_, d) in roles)
            person = dated or "countryinfo" in note.lower()
            name, aliases = _names(head, syns, person)
            if not name:
                continue
            if person:
                out = []
                for rr, (c, d) in roles:
                    if c.kind == "state-sector" and c.country:
                        if rr.sector == "ELI" and not d:
                            continue
                        out.append(RoleRec(actor=c.country, sector=rr.sector, start=rr.start, end=rr.end,
                                           source=src))
                    elif c.kind == "igo" and c.org and c.org in igo_ids():
                        out.append(RoleRec(actor=igo_ids()[c.org], start=rr.start, end=rr.end, source=src))
                if out:
                    yield Entity(src, eid, "person", name, aliases, roles=out)
                continue
            rr, (c, _) = roles[0]
            first = next(code for code in codes if _role(code, src) is not None)
            m = _DATES.match(first.strip())
            c = (decode(m.group("code"), institution=True) if m else None) or c
            acr = [a for a in aliases if a.isupper() and len(a) <= 8]
            al = [a for a in aliases if a not in acr]
            if c.kind == "state":
                continue  # states are in the hand-written KB
            if c.kind == "igo":
                same = igo_ids().get(c.org or "")
                yield Entity(src, eid, "igo", name, al, acr, sector="IGO", same_as=same)
            elif c.kind == "ngo":
                yield Entity(src, eid, "ngo", name, al, acr, country=c.country, sector=c.sector)
            elif c.kind == "company":
                yield Entity(src, eid, "company", name, al, acr, country=c.country, sector="BUS")
            elif c.kind == "armed_group":
                yield Entity(src, eid, "armed_group", name, al, acr, sector="REB")
            elif c.kind == "state-sector":
                kind = "armed_group" if c.sector == "REB" else "party" if c.sector == "PTY" else \
                    "company" if c.sector == "BUS" else "media" if c.sector == "JRN" else "institution"
                yield Entity(src, eid, kind, name, al, acr, country=c.country, sector=c.sector)
            elif c.kind == "other" and c.sector:
                kind = "armed_group" if c.sector == "REB" else "other"
                yield Entity(src, eid, kind, name, al, acr, sector=c.sector)
