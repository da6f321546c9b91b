"""Party Facts core parties (+ their Wikidata ids) → parties (sector PTY) with country and years.

Rows with a ``technical`` value (placeholder "parties": independents, other) are skipped. The
English name is the display name when given; the native name, short name and other names are
aliases; a short name written in capitals (``AKP``, ``PRI``) is an acronym, matched only as written
and decided by the article's countries when several countries' parties share it. ``year_first`` /
``year_last`` give a dated PTY role (from 1 January of the first year to the end of the last).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from detente.kb.cameo import state
from detente.kb.model import Entity, RoleRec

CORE = "partyfacts-core-parties.csv"
WIKIDATA = "partyfacts-wikidata.csv"
SOURCE = "partyfacts"


def _year(v: str | None) -> int | None:
    try:
        y = int(float(v)) if v else None
    except ValueError:
        return None
    return y if y and 1700 < y < 2100 else None


def _split(v: str | None) -> list[str]:
    out = []
    for part in re.split(r"\s+/\s+|;\s*", v or ""):
        part = re.sub(r"^[A-Z][a-z]+:\s*", "", part.strip())  # "Pashto: …"
        part = re.sub(r"\s*\[[^\]]*\]", "", part.replace("\u200e", "")).strip()
        part = re.sub(r"\s*\((?:\d{4}|[^)]*\d{4}[^)]*)\)$", "", part).strip()  # "… (1921)"
        if part and len(part) > 1:
            out.append(part)
    return out


def load(folder: Path) -> Iterator[Entity]:
    qids: dict[str, str] = {}
    extra: dict[str, list[str]] = {}
    with open(folder / WIKIDATA, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            qids[row["partyfacts_id"]] = row["wikidata_id"]
            extra[row["partyfacts_id"]] = [n for v in (row["name"], row["name_native"]) for n in _split(v)]
    with open(folder / CORE, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if (row["technical"] or "").strip():
                continue
            country = state(row["country"])
            if country is None:
                continue
            english = _split(row["name_english"])
            native = _split(row["name"])
            names = list(dict.fromkeys(english + native + _split(row["name_other"]) + extra.get(row["partyfacts_id"], [])))
            if not names:
                continue
            short = (row["name_short"] or "").strip()
            acronyms = [short] if short and re.fullmatch(r"[A-ZÀ-Þ0-9][A-ZÀ-Þ0-9&\-+.]{1,9}", short) and \
                any(c.isalpha() for c in short) else []
            if short and not acronyms and len(short) > 2 and short not in names:
                names.append(short)
            if acronyms and re.fullmatch(r"[A-Z]{5,}", short) and re.search(r"[AEIOU].*[AEIOU]", short):
                names.append(short.title())  # "MORENA" is written "Morena" in the news
            y1, y2 = _year(row["year_first"]), _year(row["year_last"])
            roles = []
            if y1 or y2:
                roles.append(RoleRec(country=country, sector="PTY", start=dt.date(y1, 1, 1) if y1 else None,
                                     end=dt.date(y2 + 1, 1, 1) if y2 else None, source=SOURCE))
            yield Entity(SOURCE, row["partyfacts_id"], "party", names[0], names[1:], acronyms, country=country,
                         sector="PTY", qid=qids.get(row["partyfacts_id"]), roles=roles)
