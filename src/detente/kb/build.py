"""``detente kb build``: run every importer, merge one actor per real entity, write the compiled index.

Merging (one actor per real entity):
1. records with the same Wikidata id are one actor;
2. a person without a Wikidata id joins the person with the same normalised name (``name_key``)
   serving the same state — a Wikidata person if exactly one such exists, else another
   CountryInfo/Phoenix record; two or more Wikidata people with that name and state is a
   *conflict*: logged, not guessed (the record stays its own actor);
3. organisations join on (normalised name, country, kind);
4. an actor whose name is a name of the hand-written KB (same kind family, same country) is that
   hand-written actor: its extra names point to the hand-written id; a person's imported roles are
   kept aside (``overlay_roles``) and used only for dates the hand-written roles do not cover (the
   YAML overlay wins); the merge is logged.
Every role keeps its dates and source. Conflicts go to ``src/detente/kb/conflicts.tsv``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from importlib import import_module
from pathlib import Path

import yaml

from detente.actors.kb import fold, is_case_sensitive, key
from detente.kb.model import Entity, RoleRec, name_key, slug
from detente.store import indexes as sql
from detente.wordlists import words

HERE = Path(__file__).resolve().parent
SOURCES = ("wikidata", "countryinfo", "phoenix", "partyfacts", "misp", "universities", "unsc")
OUT = HERE.parent / "data" / "actors" / "kb.sqlite"
CONFLICTS = HERE / "conflicts.tsv"
REPO = HERE.parents[2]
PERSON_FAMILY = {"person"}
# names never indexed: too generic to name one actor (data/words/kb.yml)
STOP_KEYS = frozenset(words("kb")["stop_keys"])


def default_data_dir() -> Path:
    """``$DETENTE_SHARED/data/actors``, else ``<repo>/../shared/data/actors`` (also one level up, for
    worktrees under ``<root>/wt/``)."""
    import os

    if os.environ.get("DETENTE_SHARED"):
        return Path(os.environ["DETENTE_SHARED"]) / "data" / "actors"
    for base in (REPO.parent, REPO.parent.parent):
        p = base / "shared" / "data" / "actors"
        if p.is_dir():
            return p
    return REPO.parent / "shared" / "data" / "actors"


def run_importers(data: Path, known: set[str], only: Iterable[str] = SOURCES) -> dict[str, list[Entity]]:
    out = {}
    for name in only:
        mod = import_module(f"detente.kb.sources.{name}.importer")
        kwargs = {"known": known} if name == "wikidata" else {}
        out[name] = list(mod.load(data, **kwargs))
    return out


class Merger:
    def __init__(self, overlay) -> None:
        self.overlay = overlay
        self.actors: dict[str, dict] = {}
        self.by_qid: dict[str, str] = {}
        self.people_by_name: dict[tuple[str, str], set[str]] = defaultdict(set)  # (name key, state) → ids
        self.orgs_by_name: dict[tuple[str, str | None, str], str] = {}
        self.conflicts: list[tuple[str, ...]] = []
        self.logged_overlay: set[str] = set()
        self._ids: set[str] = set(overlay.actors)

    # --- ids ------------------------------------------------------------------------------------
    def _new_id(self, e: Entity, country: str | None) -> str:
        if e.qid and re.fullmatch(r"Q\d+", e.qid) and e.qid not in self._ids:
            base = e.qid
        else:
            base = slug(e.name)
            if country and not base.endswith(f"_{country}"):
                base = f"{base}_{country}"
        i, cand = 1, base
        while cand in self._ids:
            i += 1
            cand = f"{base}_{i}"
        self._ids.add(cand)
        return cand

    def _new(self, e: Entity, country: str | None) -> str:
        aid = self._new_id(e, country)
        self.actors[aid] = {"id": aid, "kind": e.kind, "name": e.name, "aliases": [], "acronyms": [],
                            "country": e.country, "sector": e.sector, "qid": e.qid, "roles": [],
                            "sources": [], "died": e.died, "same_as": None}
        return aid

    # --- merging --------------------------------------------------------------------------------
    def _absorb(self, aid: str, e: Entity) -> None:
        a = self.actors[aid]
        for n in e.names():
            if n != a["name"] and n not in a["aliases"]:
                a["aliases"].append(n)
        for n in e.acronyms:
            if n not in a["acronyms"]:
                a["acronyms"].append(n)
        if e.qid and not a["qid"]:
            a["qid"] = e.qid
            self.by_qid[e.qid] = aid
        if e.died and not a["died"]:
            a["died"] = e.died
        if e.country and not a["country"]:
            a["country"] = e.country
        if e.same_as and not a["same_as"]:
            a["same_as"] = e.same_as
        if e.source not in a["sources"]:
            a["sources"].append(e.source)
        have = {r.key() for r in a["roles"]}
        for r in e.roles:
            if e.source == "wikidata-leaders" and any(
                    x.actor == r.actor and x.start and r.start and x.start.year == r.start.year for x in a["roles"]):
                continue  # a year-only duplicate of an exactly dated role
            if r.key() not in have:
                a["roles"].append(r)
                have.add(r.key())
        if a["kind"] == "person":
            for n in e.names():
                for c in {r.actor for r in e.roles if r.actor}:
                    self.people_by_name[(name_key(n), c)].add(aid)

    def add_person(self, e: Entity) -> None:
        states = [r.actor for r in e.roles if r.actor]
        country = states[0] if states else None
        if e.qid and e.qid in self.by_qid:
            return self._absorb(self.by_qid[e.qid], e)
        if not e.qid:
            cands: set[str] = set()
            for n in e.names():
                for c in set(states):
                    cands |= self.people_by_name.get((name_key(n), c), set())
            wd = {c for c in cands if self.actors[c]["qid"]}
            if len(wd) > 1:
                self.conflicts.append(("homonyms", e.source, e.source_id, e.name, country or "",
                                       " ".join(sorted(wd)), "kept apart: several Wikidata people of that name and state"))
            elif len(wd) == 1:
                return self._absorb(next(iter(wd)), e)
            elif cands:
                return self._absorb(sorted(cands)[0], e)
        aid = self._new(e, country)
        if e.qid:
            self.by_qid[e.qid] = aid
        self._absorb(aid, e)

    def add_org(self, e: Entity) -> None:
        if e.qid and e.qid in self.by_qid:
            return self._absorb(self.by_qid[e.qid], e)
        fam = "org"
        for n in e.names():
            k = (name_key(n), e.country, fam)
            if k in self.orgs_by_name:
                aid = self.orgs_by_name[k]
                old = self.actors[aid]
                if old["sector"] and e.sector and old["sector"] != e.sector:
                    self.conflicts.append(("sector", e.source, e.source_id, e.name, e.country or "",
                                           f"{aid}:{old['sector']}", f"{e.sector} kept as a role-less alias"))
                self._absorb(aid, e)
                return
        aid = self._new(e, e.country)
        if e.qid:
            self.by_qid[e.qid] = aid
        self._absorb(aid, e)
        for n in e.names():
            self.orgs_by_name.setdefault((name_key(n), e.country, fam), aid)

    # --- the hand-written overlay wins ----------------------------------------------------------
    def overlay_match(self, a: dict) -> str | None:
        """The hand-written actor this one is: a person of the same name serving the same state; an
        organisation of the same (non-acronym) name and country (IGOs: any)."""
        person = a["kind"] == "person"
        countries = {r.actor for r in a["roles"] if r.actor} if person else {a["country"]}
        for n in [a["name"], *a["aliases"]]:
            if is_case_sensitive(n):
                continue
            for h in self.overlay.index.get(key(n), []):
                if h.how not in ("name", "alias", "person", "short") or h.case_sensitive:
                    continue
                o = self.overlay.actors[h.actor]
                if person != (o.kind == "person") or o.kind in ("state", "historic_state"):
                    continue
                if person:
                    oc = {r.actor for r in o.roles if r.actor}
                    if oc & countries or not oc:
                        return o.id
                elif o.country in countries or (a["kind"] == o.kind == "igo"):
                    return o.id
        if a["kind"] == "igo" and a.get("same_as"):
            return a["same_as"]
        return None


def _open_leaders(m: Merger) -> None:
    """A head of state or government still in office at the last CountryInfo snapshot
    (``>YYYYMMDD`` in ``<Leaders>``) stays in office while no Wikidata role of that person for that
    state says otherwise: rulers outlast snapshots more often than not, and Wikidata's exact dates
    cover most states where they do not (Colombia and Peru have no Wikidata holders here)."""
    from detente.kb.sources.countryinfo.importer import LEADERS_LAST

    for a in m.actors.values():
        if a["kind"] != "person":
            continue
        _wikidata_ends(a)
        wd = {r.actor for r in a["roles"] if r.source.startswith("wikidata")}
        for i, r in enumerate(a["roles"]):
            if r.source == "countryinfo" and r.end == LEADERS_LAST and r.actor not in wd:
                a["roles"][i] = r.model_copy(update={"end": None})


def _wikidata_ends(a: dict) -> None:
    """Wikidata's exact dates win over snapshots: when every Wikidata role of a person for a state
    has ended, a CountryInfo/Phoenix role for that state running past the last of those ends
    (snapshot-open, or closed at the file's date) ends there too (Petraeus left the CIA on
    2012-11-09, not at the 2014 snapshot)."""
    by_actor: dict[str, list[RoleRec]] = defaultdict(list)
    for r in a["roles"]:
        if r.source.startswith("wikidata"):
            by_actor[r.actor].append(r)
    for actor, wroles in by_actor.items():
        if any(r.end is None for r in wroles):
            continue
        last = max(r.end for r in wroles if r.end is not None)
        for i, r in enumerate(a["roles"]):
            if r.actor == actor and not r.source.startswith("wikidata") and (r.end is None or r.end > last) \
                    and (r.start is None or r.start < last):
                a["roles"][i] = r.model_copy(update={"end": last})


def _role_json(r: RoleRec) -> list:
    return [r.actor, r.country, r.sector, r.title, r.start.isoformat() if r.start else None,
            r.end.isoformat() if r.end else None, r.source]


def _good_alias(n: str, nouns: frozenset[str] = frozenset()) -> bool:
    """A name worth indexing: not a generic word, not a sector noun of the hand-written KB
    ("Secretary of State", "Foreign Ministry" name a post or body of any state)."""
    k = key(n)
    return bool(k) and len(k) >= 2 and k not in STOP_KEYS and k not in nouns and not k.isdigit()


def build(data: Path | None = None, out: Path = OUT, conflicts: Path = CONFLICTS,
          only: Iterable[str] = SOURCES, log: Callable[[str], None] = print, write_metadata: bool = True) -> dict:
    from detente.actors.kb import load_kb

    data = Path(data or default_data_dir())
    if not data.is_dir():
        raise FileNotFoundError(f"{data}: no such folder (the shared actor data)")
    overlay = load_kb(overlay_only=True)
    known = set(overlay.actors)
    records = run_importers(data, known, only)
    m = Merger(overlay)
    # Wikidata people first (they carry ids), then the other people, then organisations (the
    # specialised lists before Phoenix: the MISP agency is SPY where Phoenix says COP)
    order = sorted(records, key=lambda n: (n != "wikidata", n == "phoenix"))
    for name in order:
        for e in records[name]:
            if e.kind == "person":
                m.add_person(e)
    for name in order:
        for e in records[name]:
            if e.kind != "person":
                m.add_org(e)
    _open_leaders(m)
    # the overlay wins
    redirect: dict[str, str] = {}
    for aid, a in list(m.actors.items()):
        o = m.overlay_match(a)
        if o is not None:
            redirect[aid] = o
            m.conflicts.append(("overlay", ",".join(a["sources"]), aid, a["name"], a["country"] or "", o,
                                "the hand-written actor wins; names added to it"))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sql.kb_create(tmp)
    counts: Counter = Counter()
    by_source: Counter = Counter()
    rows: list[tuple] = []
    alias_rows: dict[tuple[str, str, int], tuple[str, str]] = {}
    overlay_roles: list[tuple[str, str]] = []
    nouns = frozenset(overlay.nouns)
    for aid, a in m.actors.items():
        target = redirect.get(aid, aid)
        names = [a["name"], *a["aliases"]]
        how_name = "person" if a["kind"] == "person" else "name"
        for i, n in enumerate(names):
            if not _good_alias(n, nouns):
                continue
            how = how_name if a["kind"] == "person" else ("name" if i == 0 else "alias")
            cs = int(is_case_sensitive(n))
            alias_rows.setdefault((key(n), target, cs), (how, n))
        for n in a["acronyms"]:
            if _good_alias(n, nouns):
                alias_rows.setdefault((key(n), target, 1), ("alias", n))
        if target != aid:
            if a["kind"] == "person" and a["roles"]:
                # imported roles of a hand-written person: used only where its own roles say nothing
                overlay_roles.append((target, json.dumps([_role_json(r) for r in a["roles"]], ensure_ascii=False)))
            continue
        counts[a["kind"]] += 1
        for s in a["sources"]:
            by_source[(s.split(":")[0], a["kind"])] += 1
        a["roles"].sort(key=lambda r: (r.start or dt.date.min, r.end or dt.date.max))
        data_json = {"aliases": a["aliases"], "acronyms": a["acronyms"], "roles": [_role_json(r) for r in a["roles"]]}
        if a["died"]:
            data_json["died"] = a["died"].isoformat()
        rows.append((aid, a["kind"], a["name"], a["country"], a["sector"], a["qid"], ",".join(a["sources"]),
                     json.dumps(data_json, ensure_ascii=False, separators=(",", ":"))))
    h = hashlib.sha256()  # of the input files: the same inputs give a byte-identical index
    for f in sorted(p for p in data.iterdir() if p.is_file() and p.suffix in (".csv", ".txt", ".json")):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    meta = {"inputs_sha256": h.hexdigest(), "sources": ",".join(records),
            "counts": json.dumps(dict(counts)), "by_source": json.dumps({f"{s}/{k}": v for (s, k), v in by_source.items()}),
            "records": json.dumps({n: len(v) for n, v in records.items()}), "aliases": str(len(alias_rows)),
            "redirected": str(len(redirect))}
    sql.kb_write(db, rows, overlay_roles, [(k, t, how, n, cs) for (k, t, cs), (how, n) in alias_rows.items()],
                 list(meta.items()))
    db.close()
    tmp.replace(out)
    with open(conflicts, "w", encoding="utf-8") as fh:
        fh.write("kind\tsource\trecord\tname\tcountry\twith\tnote\n")
        for c in sorted(m.conflicts):
            fh.write("\t".join(str(x).replace("\t", " ") for x in c) + "\n")
    if write_metadata:
        _update_metadata(records)
    log(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): {dict(counts)}; {len(alias_rows)} names; "
        f"{len(redirect)} merged into the hand-written KB; {len(m.conflicts)} log lines in {conflicts}")
    return {"counts": dict(counts), "records": {n: len(v) for n, v in records.items()}}


def _update_metadata(records: dict[str, list[Entity]]) -> None:
    for name, ents in records.items():
        path = HERE / "sources" / name / "metadata.yml"
        if not path.exists():
            continue
        meta = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        c = Counter(e.kind for e in ents)
        meta["counts"] = {"records": len(ents), **{k: c[k] for k in sorted(c)},
                          "roles": sum(len(e.roles) for e in ents)}
        path.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
