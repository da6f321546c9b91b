"""Wikidata office holders → people with exact dated roles.

``wikidata-office-holders.csv`` (every-politician-scrapers ``holders21.csv``, 215 jurisdictions,
snapshots 2022-07 … 2023-03): heads of state and government, ministers, some judges, speakers,
chiefs of staff and ambassadors with Wikidata start/end dates (day, month or year precision).
``world-leaders-wikidata.csv``: heads of state/government with start/end years (to 2024).

- Jurisdiction → the state by its Wikidata id (``rigour.territories``): ISO states and dependent
  territories with their own code (Hong Kong, Bermuda); de facto states by ``detente.kb.defacto``;
  sub-national units (Scotland, Arkansas) are skipped (their ministers are not the state).
- ``world`` (UN, ICJ, WTO, OSCE, PACE offices) → the IGO of the hand-written KB; a state's
  "Permanent Representative to the United Nations" is skipped there (the state is unknown).
- De facto states' cabinet posts take the de facto state's own sector (PRE).
- The head of a dependent territory's own government listed with its sovereign ("Governor of
  Puerto Rico" in the US list) serves the territory (PRI), when ``rigour`` gives the territory an
  ISO code and the sovereign as its parent.
- Position → sector: judges and prosecutors JUD, speakers and presidents of parliaments LEG,
  chiefs of staff and commanders MIL, police chiefs COP, intelligence chiefs SPY, else GOV.
- An empty ``end`` is an open role (in office at the snapshot). A year-only world-leaders role is
  kept only when the person has no role for that state starting the same year.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from detente.kb.defacto import DEFACTO
from detente.kb.model import Entity, RoleRec, day

DEFACTO_IDS = frozenset(v[0] for v in DEFACTO.values())
HOLDERS = "wikidata-office-holders.csv"
SOURCES = "wikidata-office-holders-sources.csv"
LEADERS = "world-leaders-wikidata.csv"

WORLD = [("International Court of Justice", "ICJ"), ("World Trade Organization", "WTO"), ("OSCE", "OSCE"),
         ("Council of Europe", "COUNCIL_OF_EUROPE"), ("Arab Parliament", "ARAB_LEAGUE"),
         ("United Nations General Assembly", "UN"), ("Secretary-General of the United Nations", "UN")]
_SECTORS = [
    (re.compile(r"^(?!.*minister).*\b(justice of|judge|court|prosecutor|procurator)", re.I), "JUD"),
    (re.compile(r"^(?!.*minister)(speaker|president|chairman|chair|vice[- ]president|deputy speaker)\b.*\b("
                r"senate|parliament|assembly|chamber|house|duma|congress|council of states|knesset|diet|"
                r"legislat|majlis|sejm|storting|riksdag|bundestag|folketing|cortes)", re.I), "LEG"),
    (re.compile(r"^(?!.*minister).*\b(chief of (the )?(general |defence |defense )?staff|commander|"
                r"army|navy|air force|armed forces)", re.I), "MIL"),
    (re.compile(r"^(?!.*minister).*\b(police|gendarmerie|FBI|Federal Bureau of Investigation)", re.I), "COP"),
    (re.compile(r"^(?!.*minister).*\b(intelligence|security service|CIA|KGB|FSB|SVR|MI6|MI5|Mossad|Shin Bet)\b",
                re.I), "SPY"),
]


def sector_of(position: str) -> str:
    for rx, sector in _SECTORS:
        if rx.search(position):
            return sector
    return "GOV"


@lru_cache(maxsize=4096)
def actor_of_qid(qid: str) -> str | None:
    from rigour.territories import get_territory_by_qid

    t = get_territory_by_qid(qid)
    if t is None:
        return None
    if t.code in DEFACTO:
        return DEFACTO[t.code][0]
    a3 = getattr(t, "alpha3", None)
    return a3.upper() if a3 else None


#: the head of a territory's own government ("Governor of Puerto Rico", "Premier of Bermuda")
_LOCAL_HEAD = re.compile(r"^(?:governor|premier|prime minister|chief minister|chief executive)\s+of\s+(?:the\s+)?(.+)$",
                         re.I)


@lru_cache(maxsize=1024)
def territory_of(position: str, actor: str) -> str | None:
    """The dependent territory with its own ISO code whose government a post of ``actor``'s
    cabinet list heads ("Governor of Puerto Rico" in the US list → PRI): that territory, not its
    sovereign, is the state the holder serves (the territory must name ``actor`` as its parent)."""
    from countrynames import to_code
    from rigour.territories import get_territory

    m = _LOCAL_HEAD.match(position.strip())
    if not m:
        return None
    try:
        code = to_code(m.group(1))
    except Exception:  # countrynames raises on some codes it lists
        return None
    t = get_territory(code.lower()) if code else None
    parent = getattr(t, "parent", None) if t is not None else None
    a3 = getattr(t, "alpha3", None) if t is not None else None
    if parent is None or not a3 or getattr(parent, "alpha3", "").upper() != actor:
        return None
    return a3.upper()


def _world(position: str) -> str | None:
    if "Permanent Representative" in position:
        return None
    return next((aid for words, aid in WORLD if words in position), "UN" if "United Nations" in position else None)


def load(folder: Path, known: set[str] | None = None) -> Iterator[Entity]:
    """``known``: ids of the hand-written KB (an IGO not in it is skipped)."""
    juris = {}
    with open(folder / SOURCES, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            juris[row["repo"]] = row["jurisdiction_qid"]
    with open(folder / HOLDERS, encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            pos = (row["position"] or "").strip()
            if row["repo"].endswith("/world"):
                actor = _world(pos)
                sector = None
            else:
                actor = actor_of_qid(juris.get(row["repo"], ""))
                if actor is not None:
                    actor = territory_of(pos, actor) or actor
                sector = sector_of(pos)
                if actor in DEFACTO_IDS and sector == "GOV":
                    sector = None  # the de facto state's own sector (PRE)
            if actor is None or (known is not None and actor not in known):
                continue
            qid = (row["personID"] or "").strip() or None
            name = (row["person"] or "").strip()
            if not name or (qid and name == qid):
                continue
            start, end = day(row["start"]), day(row["end"])
            if start and end and end <= start:
                end = None if end < start else end
                if end is not None:
                    continue
            aliases = []
            wiki = (row.get("enwiki") or "").strip()
            wiki = re.sub(r"\s*\([^)]*\)$", "", wiki)
            if wiki and wiki != name:
                aliases.append(wiki)
            yield Entity("wikidata", f"holders:{i}", "person", name, aliases, qid=qid,
                         roles=[RoleRec(actor=actor, sector=sector, title=pos[:80] or None, start=start, end=end,
                                        source=f"wikidata:{row['repo'].split('/')[-1]}")])
    with open(folder / LEADERS, encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            actor = actor_of_qid(row["countryid"])
            name = (row["officeholderLabel"] or "").strip()
            if actor is None or not name or name == row["officeholder"]:
                continue
            title = re.sub(r"\s+of\s+.*$", "", row["positionLabel"] or "").strip().lower() or None
            start, end = day(row["start_year"]), day(row["end_year"])
            yield Entity("wikidata-leaders", f"leaders:{i}", "person", name, qid=row["officeholder"],
                         roles=[RoleRec(actor=actor, sector="GOV", title=title, start=start, end=end,
                                        source="wikidata:world-leaders")])
