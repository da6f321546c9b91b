"""CAMEO → detente: actor codes to actor ids (with country and sector), event codes to PLOVER types.

Only the evaluator needs this: CAMEO-coded gold (PETRARCH validation XML) is scored against
detente's PLOVER output. The tables are data (``data/eval/cameo_actors.yml``,
``data/eval/cameo_events.yml`` and the crosswalk ``data/plover/cameo2plover.yml``).

Actor codes are chains of three-letter tokens. Reading rules (see ``docs/evaluation.md``):

1. an exact entry of the user's ``cameo:`` map (``--actors FILE.yml``) wins;
2. the first token is a state (ISO 3166-1 alpha-3, or a CAMEO exception such as ``ROM``), ``---``
   (unknown), or an organisation prefix (``IGO``, ``NGO``, ``IMG``, ``MNC``);
3. the rest is read token by token: regions are skipped, an organisation or group token gives the
   id, sector tokens give the sector (the first after the organisation/group, else the first before);
4. a state with no group keeps its code as id only under a state sector (``RUSGOV`` → RUS/GOV,
   ``RUSJUD`` → RUS/JUD); any other sector names part of its society (``GEOOPP`` → id null,
   country GEO, sector OPP).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError

from detente.records import Record
from detente.eval.types import GoldActor

ORG_PREFIXES = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB", "MNC": "BUS"}
UNKNOWN = "---"


class CameoError(ValueError):
    """A CAMEO table (or a user's ``cameo:`` map) that cannot be read."""


class ActorEntry(Record):
    id: str | None = None
    country: str | None = None
    sector: str | None = None


class CameoActorTable(Record):
    version: int = 1
    states: dict[str, str] = Field(default_factory=dict)
    regions: list[str] = Field(default_factory=list)
    organisations: dict[str, str] = Field(default_factory=dict)
    groups: dict[str, str] = Field(default_factory=dict)
    sectors: dict[str, str] = Field(default_factory=dict)
    state_sectors: list[str] = Field(default_factory=list)
    # exact codes → actors (from --actors files); not in the packaged table
    codes: dict[str, ActorEntry] = Field(default_factory=dict)


class PloverEntry(BaseModel):
    type: str
    mode: str | None = None
    context: list[str] = Field(default_factory=list)


class CameoEventTable(Record):
    version: int = 1
    roots: dict[str, PloverEntry] = Field(default_factory=dict)
    unmapped_roots: list[str] = Field(default_factory=list)


def _data_text(*parts: str) -> str | None:
    res = resources.files("detente").joinpath("data", *parts)
    return res.read_text(encoding="utf-8") if res.is_file() else None


def _shared_crosswalk_txt() -> Path | None:
    """The PLOVER manual's table, when the generated YAML is missing (development checkouts)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "shared" / "plover" / "CAMEO2PLOVER-2021.txt"
        if cand.is_file():
            return cand
    return None


def parse_crosswalk_txt(text: str) -> dict[str, PloverEntry]:
    """Read the ``code: TYPE, mode, context # label`` lines of CAMEO2PLOVER-2021.txt."""
    out: dict[str, PloverEntry] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4})\s*:\s*([A-Z]+)\s*(?:,(.*))?$", line)
        if not m:
            continue
        code, typ, rest = m.group(1), m.group(2), m.group(3) or ""
        cols = [c.strip() for c in rest.split(",")] + ["", ""]
        mode = cols[0] or None
        context = [c for c in cols[1].split() if c]
        out.setdefault(code, PloverEntry(type=typ, mode=mode, context=context))
    return out


@lru_cache(maxsize=1)
def crosswalk() -> dict[str, PloverEntry]:
    """CAMEO code → PLOVER (type, mode, context): the generated YAML, else the manual's table."""
    text = _data_text("plover", "cameo2plover.yml")
    if text is not None:
        data = yaml.safe_load(text) or {}
        codes = data.get("codes", {}) or {}
        return {str(k): PloverEntry(type=v["type"], mode=v.get("mode"), context=v.get("context") or [])
                for k, v in codes.items()}
    txt = _shared_crosswalk_txt()
    if txt is None:
        raise CameoError("no CAMEO→PLOVER crosswalk (data/plover/cameo2plover.yml) found")
    return parse_crosswalk_txt(txt.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def event_table() -> CameoEventTable:
    text = _data_text("eval", "cameo_events.yml")
    return CameoEventTable.model_validate(yaml.safe_load(text or "") or {})


def plover_for(code: str) -> PloverEntry | None:
    """The PLOVER reading of a CAMEO event code, or None where PLOVER has no type for it.

    The exact code first, then its prefixes (``0841`` → ``084``), then the root table.
    """
    code = code.strip()
    if not code:
        return None
    table = event_table()
    if code[:2] in table.unmapped_roots:
        return None
    xw = crosswalk()
    for n in range(len(code), 1, -1):
        if code[:n] in xw:
            return xw[code[:n]]
    return table.roots.get(code[:2])


@lru_cache(maxsize=1)
def _packaged_actor_table() -> CameoActorTable:
    text = _data_text("eval", "cameo_actors.yml")
    return CameoActorTable.model_validate(yaml.safe_load(text or "") or {})


def actor_table(extra_files: tuple[str, ...] = ()) -> CameoActorTable:
    """The packaged table, extended with the ``cameo:`` maps of user actor files."""
    table = _packaged_actor_table()
    if not extra_files:
        return table
    codes = dict(table.codes)
    for f in extra_files:
        codes.update(read_user_cameo(f))
    return table.model_copy(update={"codes": codes})


def read_user_cameo(path: str | Path) -> dict[str, ActorEntry]:
    """The ``cameo:`` map of an actor file: code → id, or code → {id, country, sector}."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CameoError(f"{path}: cannot read actor file: {str(exc).splitlines()[0]}") from exc
    if not isinstance(data, dict):
        raise CameoError(f"{path}: an actor file must be a YAML mapping")
    raw: Any = data.get("cameo") or {}
    if not isinstance(raw, dict):
        raise CameoError(f"{path}: 'cameo' must map CAMEO codes to ids")
    out: dict[str, ActorEntry] = {}
    for code, val in raw.items():
        try:
            entry = ActorEntry(id=val) if isinstance(val, str) else ActorEntry.model_validate(val)
        except ValidationError as exc:
            raise CameoError(f"{path}: cameo entry {code!r}: {exc.errors()[0]['msg']}") from exc
        out[str(code).upper()] = entry
    return out


def _tokens(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def actor_for(code: str | None, table: CameoActorTable | None = None) -> GoldActor | None:
    """A CAMEO actor code as a gold actor. None for an empty code; all-unknown ``---`` gives an
    unspecified actor (not scored)."""
    if code is None or not code.strip():
        return None
    table = table or _packaged_actor_table()
    code = code.strip().upper()
    if code in table.codes:
        e = table.codes[code]
        return GoldActor(id=e.id, country=e.country or (e.id if e.id and len(e.id) == 3 else None),
                         sector=e.sector, code=code)
    toks = _tokens(code)
    head, rest = toks[0], toks[1:]
    country: str | None = None
    org_id: str | None = None
    default_sector: str | None = None
    if head == UNKNOWN:
        pass
    elif head in ORG_PREFIXES:
        default_sector = ORG_PREFIXES[head]
    elif head in table.codes:  # a user code for a (fictional) state, used as a chain head
        e = table.codes[head]
        country = e.country or e.id
    else:
        country = table.states.get(head, head)
    before: list[str] = []
    after: list[str] = []
    for tok in rest:
        org_chain = head in ORG_PREFIXES and tok in table.organisations
        if tok in table.regions and not org_chain:
            continue
        slug = table.organisations.get(tok) or table.groups.get(tok)
        if slug and org_id is None:
            org_id = slug
            if tok in table.groups and default_sector is None:
                default_sector = "REB"
            continue
        sec = table.sectors.get(tok)
        if sec:
            (after if org_id else before).append(sec)
    if org_id:
        sector = (after or before or [default_sector])[0]
        return GoldActor(id=org_id, country=country, sector=sector, code=code)
    sector = (before or [default_sector])[0]
    if country is None:
        return GoldActor(id=None, country=None, sector=sector, code=code)
    ident = country if sector is None or sector in table.state_sectors else None
    return GoldActor(id=ident, country=country, sector=sector, code=code)
