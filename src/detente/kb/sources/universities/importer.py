"""Hipo university-domains-list → universities (sector EDU) with their country.

No dates, no acronyms. Exact duplicates (same name, same country) are one entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from detente.kb.model import Entity
from detente.kb.sources.misp.importer import alpha3

FILE = "world_universities_and_domains.json"
SOURCE = "universities"


def load(folder: Path) -> Iterator[Entity]:
    seen = set()
    for i, u in enumerate(json.loads((folder / FILE).read_text(encoding="utf-8"))):
        name = " ".join((u.get("name") or "").split())
        country = alpha3(u.get("alpha_two_code"))
        if not name or country is None or (name, country) in seen:
            continue
        seen.add((name, country))
        yield Entity(SOURCE, (u.get("domains") or [str(i)])[0], "other", name, country=country, sector="EDU")
