"""What importers produce: source records of entities with dated roles, before merging."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from detente.actors.kb import fold
from detente.actors.schema import RoleFields
from detente.wordlists import words


class RoleRec(RoleFields):
    """A dated role as one source gives it (``source``: the importer), before merging."""

    source: str = ""

    def key(self) -> tuple:
        return (self.actor, self.country, self.sector, self.start, self.end)


@dataclass
class Entity:
    """One record of one source. ``kind`` as in ``detente.actors.schema.ActorKind`` plus
    ``institution`` (an organ of a state: its id on the news is the state's when its sector is a
    state sector)."""

    source: str
    source_id: str
    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    roles: list[RoleRec] = field(default_factory=list)  # the dated country/sector (organisations) or posts
    start: dt.date | None = None
    end: dt.date | None = None
    died: dt.date | None = None
    qid: str | None = None  # the Wikidata item
    same_as: str | None = None  # an id of the hand-written KB this record names (its aliases join it)

    def names(self) -> list[str]:
        return list(dict.fromkeys([self.name, *self.aliases]))


_ACRONYMS = frozenset(words("kb")["title_acronyms"])
_SMALL = frozenset(words("kb")["title_small_words"])


def titlecase(upper: str) -> str:
    """``VLADIMIR_PUTIN_`` → ``Vladimir Putin``; ``AL-QAEDA_IN_IRAQ`` → ``Al-Qaeda in Iraq``;
    ``MC_DONALD'S`` keeps its apostrophe."""
    text = " ".join(upper.replace("_", " ").split())
    words = []
    for i, w in enumerate(text.split(" ")):
        lw = w.lower()
        if w.upper() in _ACRONYMS or "." in w.strip(".") or (i and re.fullmatch(r"[IVX]{2,5}", w.upper())):
            words.append(w.upper())
            continue
        if i and lw in _SMALL:
            words.append(lw)
            continue
        words.append("-".join(p[:1].upper() + p[1:] for p in lw.split("-")))
    return " ".join(words)


def slug(text: str) -> str:
    """An id-safe slug: ``Hamid Karzai`` → ``HAMID_KARZAI``."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"[^A-Za-z0-9]+", "_", t).strip("_").upper()
    if not t or not t[0].isalpha():
        t = "X_" + t
    return t[:60]


def name_key(text: str) -> str:
    """Merge key of a name: ``fold`` without punctuation (``Abd-al-Aziz`` ~ ``Abd al Aziz``)."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


def day(value: str | None) -> dt.date | None:
    """``2004-03-31``, ``2004-03``, ``2004``, ``20040331`` (day 31 of a 30-day month clamped)."""
    if not value:
        return None
    v = value.strip()
    m = re.fullmatch(r"(\d{4})-?(\d{2})?-?(\d{2})?", v)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    if not (1000 <= y <= 2100) or not (1 <= mo <= 12) or d < 1:
        return None
    for dd in (d, 30, 29, 28):
        if dd <= d:
            try:
                return dt.date(y, mo, dd)
            except ValueError:
                continue
    return None
