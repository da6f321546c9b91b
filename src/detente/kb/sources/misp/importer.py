"""MISP galaxy intelligence agencies → state institutions with sector SPY.

``value`` is the English name (a trailing "(Country)" qualifier dropped), acronyms come from the
parentheses of ``description`` ("Foreign Intelligence Service (SVR) – …"), ``synonyms`` are
aliases; ``meta.country`` (ISO alpha-2) gives the state. Agencies without a country are skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from detente.kb.model import Entity

FILE = "misp-intelligence-agencies.json"
SOURCE = "misp"


def alpha3(a2: str | None) -> str | None:
    import pycountry

    if not a2:
        return None
    if a2.upper() == "XK":
        return "XKX"
    c = pycountry.countries.get(alpha_2=a2.upper())
    return c.alpha_3 if c else None


def load(folder: Path) -> Iterator[Entity]:
    data = json.loads((folder / FILE).read_text(encoding="utf-8"))
    for v in data.get("values", []):
        meta = v.get("meta") or {}
        country = alpha3(meta.get("country"))
        if country is None:
            continue
        name = re.sub(r"\s*\([^)]*\)\s*$", "", re.sub(r"\[\d+\]", "", v["value"])).strip()
        desc = re.sub(r"\[\d+\]", "", v.get("description") or "")
        head = desc.split("\u2013")[0]
        acronyms = [a for a in re.findall(r"\(([^)]{2,12})\)", head) if re.fullmatch(r"[A-ZÀ-Þ][A-Za-zÀ-þ0-9\-]{1,10}", a)
                    and sum(c.isupper() for c in a) >= 2]
        aliases = []
        full = re.sub(r"\s*\([^)]*\)", "", head).strip()
        if full and full != name:
            aliases.append(full)
        for s in meta.get("synonyms") or []:
            if s and s not in aliases and s != name:
                (acronyms if re.fullmatch(r"[A-Z]{2,8}", s) else aliases).append(s)
        yield Entity(SOURCE, v["uuid"], "institution", name, aliases, list(dict.fromkeys(acronyms)),
                     country=country, sector="SPY")
