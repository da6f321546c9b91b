#!/usr/bin/env python3
"""Generate ``src/detente/data/actors/states.yml`` from ``pycountry`` and ``countrynames``.

Run once (``.venv/bin/python scripts/build_states.py``) and commit the output; the product reads the
YAML and never needs these packages for the state list at run time.

What goes where:
- ``name``: pycountry's common name (or name); inverted ISO forms ("Korea, Republic of") are turned
  round ("Republic of Korea").
- ``aliases`` (matched in text): the ISO name, official name, common name and their turned-round
  forms — only forms that no other state claims.
- ``variants`` (exact look-up by the resolver only, never matched in running text): English-looking
  spellings from ``countrynames`` (MIT). countrynames maps many sub-national and foreign-language
  names to a country, so these stay out of the mention finder (precision first).

Hand-written additions (demonyms, capitals, short names, historic states) live in
``states_extra.yml`` and are merged when the KB loads.

States beyond ISO 3166 come from ``rigour.territories`` (MIT, a dependency of followthemoney):
- Kosovo (``XK`` → ``XKX``), a state, with the states that claim it (``claimants``);
- ISO states whose territory another state claims (Taiwan: CHN, Western Sahara: MAR) get their
  ``claimants``;
- de facto states inside another state's borders (``detente.kb.defacto``: Abkhazia, South Ossetia,
  Transnistria, Artsakh/Nagorno-Karabakh, the Donetsk and Luhansk "people's republics", Northern
  Cyprus, Somaliland) are de facto authorities: kind ``movement``, ``country`` and ``parent`` the
  state whose territory they hold, sector PRE (partially recognised entity, NGEC's ``GEOPRE``
  convention), ``claimants`` from rigour. ``regions.yml`` names their regions and dates.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import pycountry
from rapidfuzz import fuzz
import yaml
from countrynames.data import DATA as COUNTRYNAMES

OUT = Path(__file__).resolve().parent.parent / "src" / "detente" / "data" / "actors" / "states.yml"

_ENGLISH_LOOKING = re.compile(r"^[A-Za-z][A-Za-z .'\-]*[A-Za-z.]$")


def turn_round(name: str) -> str | None:
    """ "Korea, Republic of" → "Republic of Korea"; None when the name has no such comma form."""
    if "," not in name:
        return None
    head, _, tail = name.partition(",")
    tail = tail.strip()
    if tail.lower().endswith((" of", " of the")):
        return f"{tail} {head.strip()}"
    return None


def clean_name(value: str) -> list[str]:
    """One ISO name as readable names: "Holy See (Vatican City State)" → both parts; a leading "The"
    dropped (the resolver strips articles anyway); "Taiwan, Province of China" → "Taiwan"."""
    value = re.sub(r"^the\s+", "", value.strip(), flags=re.I)
    out = []
    m = re.match(r"^(.*?)\s*\((.*)\)$", value)
    if m:
        out.extend([m.group(1).strip(), m.group(2).strip()])
    elif ", Province of" in value:
        out.append(value.split(",")[0].strip())
    else:
        turned = turn_round(value)
        if turned:
            out.extend([turned, value.split(",")[0].strip()])
        else:
            out.append(value)
    return [re.sub(r"^the\s+", "", n, flags=re.I) for n in out if n]


def iso_names(country) -> list[str]:
    """The ISO names of a pycountry record, most readable first."""
    out: list[str] = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if value:
            out.extend(clean_name(value))
    return list(dict.fromkeys(out))


_CONNECTORS = {"of", "the", "and", "da", "de", "del", "du"}
# words a variant may use beyond the state's own ISO words (English forms of state names)
_GEO_WORDS = {"republic", "democratic", "state", "states", "kingdom", "federation", "federal", "island",
              "islands", "north", "south", "east", "west", "great", "people's", "dr", "city", "union",
              "territories", "territory", "arab", "islamic", "united", "socialist", "commonwealth"}


def good_variant(name: str) -> bool:
    """English-looking, single-spaced, every word capitalised (or a connector), not a code."""
    if len(name) < 4 or not _ENGLISH_LOOKING.match(name) or "  " in name:
        return False
    if name.isupper() or "U.S.A" in name:
        return False
    words = name.split(" ")
    return all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words)


def iso_words(names: list[str]) -> set[str]:
    return {w.lower() for n in names for w in re.findall(r"[A-Za-z']{3,}", n)}


def spelling_of(variant: str, words_: set[str]) -> bool:
    """A variant is kept only when each of its words is a word of the ISO names, a close spelling of
    one (rapidfuzz ratio >= 85: "Russia" ~ "Russian"), a connector, or a common English geographic
    word. countrynames also maps regions ("Northamptonshire"), historic entities ("Confederate
    States of America") and other languages' names ("Emetab Aruba") to countries: those go."""
    content = [w.lower() for w in variant.split(" ") if w.lower() not in _CONNECTORS]
    if not content:
        return False
    has_own = False
    for w in content:
        if w in words_ or any(fuzz.ratio(w, iw) >= 85 for iw in words_):
            has_own = True
        elif w not in _GEO_WORDS:
            return False
    return has_own


def build() -> dict:
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_3)
    names: dict[str, list[str]] = {c.alpha_3: iso_names(c) for c in countries}
    claimed: dict[str, set[str]] = defaultdict(set)
    for a3, ns in names.items():
        for n in ns:
            claimed[n.lower()].add(a3)

    variants: dict[str, list[str]] = defaultdict(list)
    variant_claims: dict[str, set[str]] = defaultdict(set)
    for a2, vs in COUNTRYNAMES.items():
        country = pycountry.countries.get(alpha_2=a2) if len(a2) == 2 else None
        if country is None:
            continue
        for v in vs:
            if isinstance(v, str) and good_variant(v):
                variants[country.alpha_3].append(v)
                variant_claims[v.lower()].add(country.alpha_3)

    actors = []
    for c in countries:
        a3 = c.alpha_3
        ns = [n for n in names[a3] if len(claimed[n.lower()]) == 1]
        display = ns[0] if ns else c.name
        seen = {n.lower() for n in ns}
        vs = []
        words_ = iso_words(names[a3])
        for v in variants.get(a3, []):
            low = v.lower()
            if not spelling_of(v, words_):
                continue
            if low in seen or len(variant_claims[low]) > 1 or low in claimed:
                continue
            seen.add(low)
            vs.append(v)
        actors.append({
            "id": a3,
            "kind": "state",
            "name": display,
            "alpha2": c.alpha_2,
            "aliases": [n for n in ns if n != display],
            "variants": sorted(vs),
        })
    actors.extend(beyond_iso(actors))
    return {
        "version": 1,
        "generated_by": "scripts/build_states.py",
        "sources": {
            "pycountry": version("pycountry"),
            "countrynames": version("countrynames"),
        },
        "actors": actors,
    }


def _a3(t) -> str | None:
    a3 = getattr(t, "alpha3", None)
    return a3.upper() if a3 else None


def beyond_iso(iso_actors: list[dict]) -> list[dict]:
    """Kosovo, claimants of ISO states, and the de facto states (see the module docstring)."""
    from rigour.territories import get_territories

    sys.path.insert(0, str(OUT.parents[2]))  # src/, for detente.kb.defacto
    from detente.kb.defacto import DEFACTO

    by_id = {a["id"]: a for a in iso_actors}
    out = []
    for t in get_territories():
        claims = sorted({c for c in (_a3(x) for x in t.claims) if c})
        if t.code == "xk":
            out.append({"id": "XKX", "kind": "state", "name": "Kosovo", "alpha2": "XK",
                        "aliases": ["Republic of Kosovo"], "claimants": claims or ["SRB"]})
        elif t.code in DEFACTO:
            aid, parent, names = DEFACTO[t.code]
            out.append({"id": aid, "kind": "movement", "name": names[0], "aliases": names[1:],
                        "country": parent, "parent": parent, "sector": "PRE",
                        "claimants": sorted({parent, *claims} - {aid})})
        elif _a3(t) in by_id and claims and _a3(t) not in claims:
            by_id[_a3(t)]["claimants"] = claims
    return out


def main() -> int:
    data = build()
    header = (
        "# GENERATED by scripts/build_states.py from pycountry (ISO 3166-1) and countrynames (MIT).\n"
        "# Do not edit by hand: add demonyms, capitals and short names to states_extra.yml.\n"
    )
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
    OUT.write_text(header + text, encoding="utf-8")
    print(f"wrote {OUT} ({len(data['actors'])} states)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
