"""CAMEO actor codes (``AFGGOV``, ``RUSGOVMIL``, ``IGOUNO``, ``MNCUSA``, ``NGOCHRPRO214``) → kind,
country and PLOVER sector, for the Phoenix dictionaries and CountryInfo.

Conventions (written down once, here):
- the first sector token after the country gives the sector (``RUSGOVMIL``, the defence minister,
  is GOV: a cabinet post; ``AFGMIL`` is MIL); for bodies a state sector after GOV is more specific
  (``USAGOVLEG``, the US Congress, is LEG);
- CAMEO ``MED`` is *media* → PLOVER JRN; CAMEO ``HLH`` is health → PLOVER MED;
- ``INS``/``SEP``/``IMG`` (insurgents, separatists, international militarised groups) → REB;
- ``HRI`` (human rights), ``ENV`` (environment) → NGO when no other sector is given;
- religious tokens (``CHR``, ``MUS``, ``JEW``, …) → REL;
- ``IGO…`` → an intergovernmental organisation (sector IGO), ``NGO…`` → NGO, ``MNC<country>`` → a
  company of that country (BUS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ALT_STATES = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KOS": "XKX", "SCG": "SRB", "BUR": "MMR", "GER": "DEU",
              "UKG": "GBR", "DRC": "COD"}
SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "PTY": "PTY", "REB": "REB",
    "INS": "REB", "SEP": "REB", "PRM": "PRM", "SPY": "SPY", "UAF": "UAF", "OPP": "OPP", "ELI": "ELI",
    "BUS": "BUS", "CVL": "CVL", "PPL": "CVL", "EDU": "EDU", "MED": "JRN", "JRN": "JRN", "HLH": "MED",
    "LAB": "LAB", "REF": "REF", "AGR": "AGR", "CRM": "CRM", "REL": "REL", "MUS": "REL", "CHR": "REL",
    "JEW": "REL", "HIN": "REL", "BUD": "REL", "HRI": "NGO", "ENV": "NGO", "NGO": "NGO", "IGO": "IGO",
    "MNC": "BUS", "IMG": "REB",
}


@dataclass(frozen=True)
class Code:
    kind: str  # state-sector | igo | ngo | company | armed_group | state
    country: str | None
    sector: str | None
    org: str | None = None  # the organisation token after IGO (UNO, NAT, …)


@lru_cache(maxsize=1)
def states() -> frozenset[str]:
    import yaml
    from importlib import resources

    text = (resources.files("detente") / "data" / "actors" / "states.yml").read_text(encoding="utf-8")
    ids = {a["id"] for a in yaml.safe_load(text)["actors"]}
    return frozenset(ids | {"XKX"})


def state(tok: str) -> str | None:
    tok = ALT_STATES.get(tok, tok)
    return tok if tok in states() else None


SPECIFIC = ("MIL", "COP", "JUD", "LEG", "SPY")


def decode(code: str, institution: bool = False) -> Code | None:
    """``institution``: for a body rather than a person, a state sector after GOV is the more
    specific one (``USAGOVLEG``, the US Congress, is LEG; a minister ``RUSGOVMIL`` stays GOV)."""
    code = re.sub(r"[^A-Z]", "", code.upper())
    if len(code) < 3:
        return None
    toks = [code[i:i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    head, rest = toks[0], toks[1:]
    if head == "IGO":
        return Code("igo", None, "IGO", rest[0] if rest else None)
    if head == "NGO":
        sec = "REL" if any(SECTORS.get(t) == "REL" for t in rest) else "NGO"
        return Code("ngo", next((state(t) for t in rest if state(t)), None), sec)
    if head == "MNC":
        return Code("company", next((state(t) for t in rest if state(t)), None), "BUS")
    if head == "IMG":
        return Code("armed_group", None, "REB")
    country = state(head)
    sectors = [SECTORS[t] for t in rest if t in SECTORS]
    sector = sectors[0] if sectors else None
    if institution and sector == "GOV":
        sector = next((x for x in sectors[1:] if x in SPECIFIC), sector)
    if country is None:
        return Code("other", None, sector) if sector else None
    if sector is None:
        return Code("state", country, None)
    return Code("state-sector", country, sector)
