"""Helpers for the events tests: hand-made actor mentions (no dependency on the actors stage)."""

from __future__ import annotations

import datetime as dt
import re

from detente.models import Mention

PUBLISHED = dt.date(2025, 4, 25)

# surface text → (id, country, sector); longest names first when matching
ACTORS: dict[str, tuple[str | None, str | None, str | None]] = {
    "Russia's Supreme Court": ("RUS", "RUS", "JUD"),
    "European Union": ("EU", None, "IGO"),
    "EU": ("EU", None, "IGO"),
    "the Supreme Court": ("RUS", "RUS", "JUD"),
    "United Nations": ("UN", None, "IGO"),
    "United States": ("USA", "USA", "GOV"),
    "North Korea": ("PRK", "PRK", "GOV"),
    "South Korea": ("KOR", "KOR", "GOV"),
    "the Taliban": ("TALIBAN", "AFG", "REB"),
    "Taliban": ("TALIBAN", "AFG", "REB"),
    "Russian envoys": ("RUS", "RUS", "GOV"),
    "Indian diplomats": ("IND", "IND", "GOV"),
    "Russia": ("RUS", "RUS", "GOV"),
    "Moscow": ("RUS", "RUS", "GOV"),
    "China": ("CHN", "CHN", "GOV"),
    "Beijing": ("CHN", "CHN", "GOV"),
    "Iran": ("IRN", "IRN", "GOV"),
    "Israel": ("ISR", "ISR", "GOV"),
    "Israeli jets": ("ISR", "ISR", "MIL"),
    "Gaza": ("PSE", "PSE", None),
    "Canada": ("CAN", "CAN", "GOV"),
    "India": ("IND", "IND", "GOV"),
    "Ukraine": ("UKR", "UKR", "GOV"),
    "Ukrainian": ("UKR", "UKR", None),
    "Japan": ("JPN", "JPN", "GOV"),
    "France": ("FRA", "FRA", "GOV"),
    "Germany": ("DEU", "DEU", "GOV"),
    "Turkey": ("TUR", "TUR", "GOV"),
    "Syria": ("SYR", "SYR", "GOV"),
    "Hamas": ("HAMAS", "PSE", "REB"),
    "NATO": ("NATO", None, "IGO"),
    "Kosovo": ("XKX", "XKX", "GOV"),
    "Vladimir Putin": ("RUS", "RUS", "GOV"),
    "Armenian Prime Minister": (None, "ARM", "GOV"),
    "Azerbaijan": ("AZE", "AZE", "GOV"),
}

COREF = {"the group": "TALIBAN", "the movement": "TALIBAN", "the country": "RUS", "the court": "RUS"}


def make_mentions(text: str) -> list[Mention]:
    """Mentions for every known actor name in ``text`` (non-overlapping, longest first) and simple
    coreference ("the group" → the last TALIBAN mention)."""
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for name in sorted(ACTORS, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            ident, country, sector = ACTORS[name]
            taken.append((m.start(), m.end()))
            found.append(Mention(start=m.start(), end=m.end(), text=name, id=ident, country=country,
                                 sector=sector, kind="name"))
    found.sort(key=lambda x: x.start)
    names = list(found)
    for phrase, ident in COREF.items():
        for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text, flags=re.I):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            ante = [i for i, x in enumerate(names) if x.id == ident and x.end <= m.start()]
            if ante:
                taken.append((m.start(), m.end()))
                found.append(Mention(start=m.start(), end=m.end(), text=m.group(0), kind="coref",
                                     antecedent=ante[-1]))
    order = sorted(range(len(found)), key=lambda i: found[i].start)
    remap = {old: new for new, old in enumerate(order)}
    out = []
    for old in order:
        m = found[old]
        if m.antecedent is not None:
            m = m.model_copy(update={"antecedent": remap[m.antecedent]})
        out.append(m)
    return out


def coded(nlp, text: str, published=PUBLISHED, full: bool = False):
    """Events of ``text`` as (type, source, target, status) tuples (or the Event objects)."""
    from detente.events import extract_events

    doc = nlp(text)
    mentions = make_mentions(doc.text)
    events = [ev for sent in doc.sents for ev in extract_events(sent, mentions, None, published)]
    if full:
        return events
    return [(e.type, e.source.id if e.source else None, e.target.id if e.target else None, e.status)
            for e in events]


def extracted(nlp, kb, text: str, on: dt.date):
    """Events of ``text`` with the real actor mentions of ``kb`` (the whole stage, no pipeline)."""
    from detente.actors import find_mentions
    from detente.events import extract_events

    doc = nlp(text)
    mentions = find_mentions(doc, kb, on)
    return [e for s in doc.sents for e in extract_events(s, mentions, kb, on)]


def one_of(events, type_: str):
    """The first event of ``type_`` (the test fails, showing all events, if there is none)."""
    found = [e for e in events if e.type == type_]
    assert found, events
    return found[0]
