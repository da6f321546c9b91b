"""The actor knowledge base: states, organisations and groups, people with dated roles, sector nouns.

``load_kb(extra)`` reads the packaged YAML under ``detente/data/actors/`` (validated by
``detente.actors.schema``) plus user files, merges them by id, and indexes every name form.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from detente.actors.keys import (  # noqa: F401 - the names' home was here; kept for their importers
    ARTICLES, HOW, HOW_ORDER, MATCHED_HOWS, AliasHit, SectorNoun, core, demonym_plural, fold, is_case_sensitive,
    key, plural,
)
from detente.actors.schema import DEFAULT_SECTOR, STATE_SECTORS, Actor, ActorFile, Region, Role
from detente.models import first_error
from detente.wordlists import word_sets

_S = word_sets("actors")

PACKAGED = ("states.yml", "states_extra.yml", "organisations.yml", "people.yml", "sectors.yml",
            "news_extra.yml", "agencies.yml", "regions.yml")

# a person who died up to this many days before a date still resolves to the post held at death
DEATH_NEWS_DAYS = 3
# span texts whose compiled-index hits are kept in memory (a few MB at most)
BIG_CACHE_SIZE = 50_000
# a person whose next known office starts within this many days is named by it (a designate, an
# -elect in the last weeks before taking office); before that, a former office holder is an elite
# (ELI) and a politician with no office yet a party politician (PTY): a candidate in a campaign is
# not yet the government
ELECT_DAYS = 60
# offices of politicians: before the first of them a person is a party politician (PTY)
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "PTY", None})
HAND_WRITTEN = "hand-written"  # the source of an actor or role of the YAML overlay (detente/data/actors)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KBError(ValueError):
    """A KB file is invalid (the message names the file and the problem)."""


@dataclass(frozen=True)
class Standing:
    """Who an actor is on a date: the id events should use, its country and sector, and why."""

    id: str | None
    country: str | None
    sector: str | None
    note: str
    score: float = 1.0


def _read(path: Path | str, text: str | None = None) -> ActorFile:
    try:
        raw = yaml.load(text if text is not None else Path(path).read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise KBError(f"{path}: cannot read actor file: {exc}") from exc
    if not isinstance(raw, dict):
        raise KBError(f"{path}: an actor file is a mapping with a `version:` key")
    try:
        return ActorFile.model_validate(raw)
    except ValidationError as exc:
        raise KBError(f"{path}: {first_error(exc)} ({exc.error_count()} problem(s))") from exc


# between namesakes nothing else separates, the kind more often in international news first
KIND_PRIOR = {"institution": 0.05, "igo": 0.04, "person": 0.03, "armed_group": 0.03, "party": 0.02, "media": 0.02,
              "ngo": 0.01, "company": 0.0, "other": 0.0}


class _Actors(dict):
    """The hand-written actors by id; ids it lacks are read from the compiled index (``big``).
    Iteration, ``len`` and ``values`` see the hand-written actors only."""

    def __init__(self, base: dict, big) -> None:
        super().__init__(base)
        self.big = big

    def __missing__(self, k):
        a = self.big.actor(k) if self.big is not None and isinstance(k, str) else None
        if a is None:
            raise KeyError(k)
        return a

    def get(self, k, default=None):
        try:
            return self[k]
        except KeyError:
            return default

    def __contains__(self, k) -> bool:
        return dict.__contains__(self, k) or (self.big is not None and isinstance(k, str) and self.big.has(k))


def served_most(actor: Actor) -> Counter:
    """How many of a person's roles serve each actor (the likelier country of two posts held at once)."""
    return Counter(r.actor for r in actor.roles)


class ActorKB:
    """Actors by id, every name form indexed, sector nouns, and who each actor is on a date.

    ``big``: the compiled index of imported actors (``detente.kb.index``), consulted only for names
    and ids the hand-written files do not have (the overlay wins)."""

    def __init__(self, files: Iterable[tuple[str, ActorFile]], big=None):
        self.actors: dict[str, Actor] = {}
        self.sectors: dict[str, str] = {}
        self.nouns: dict[str, SectorNoun] = {}
        self.people_modifiers: dict[str, str] = {}  # folded adjective → sector
        self.sources: list[str] = []
        self.regions: dict[str, Region] = {}  # name forms (folded) → region
        self._big_cache: dict[str, list[AliasHit]] = {}  # span text → compiled-index hits
        extras: list[tuple[str, str, Any]] = []
        for name, f in files:
            self.sources.append(name)
            self.sectors.update(f.sectors)
            for group in f.nouns:
                for w in group.words:
                    for form in (w, plural(w)):
                        k = fold(form)
                        if k not in self.nouns or form == w:
                            self.nouns[k] = SectorNoun(w, group.sector, group.institution)
            for sector, words in f.people_modifiers.items():
                for w in words:
                    self.people_modifiers[fold(w)] = sector
            for a in f.actors:
                self._add(a)
            for h in f.historic:
                self._add(h.to_actor())
            for p in f.people:
                self._add(p.to_actor())
            for sid, extra in f.states.items():
                extras.append((name, sid, extra))
            for rg in f.regions:
                for form in (rg.name, *rg.aliases, *rg.demonyms):
                    self.regions[fold(form)] = rg
        for name, sid, extra in extras:
            if sid not in self.actors:
                raise KBError(f"{name}: states.{sid}: no such state")
            a = self.actors[sid]
            a.aliases = _uniq(a.aliases + extra.short_names)
            a.demonyms = _uniq(a.demonyms + extra.demonyms)
            a.capitals = _uniq(a.capitals + extra.capitals)
            a.institutions = _uniq(a.institutions + extra.institutions)
            a.historic_names = _uniq(a.historic_names + extra.historic_names)
            a.governed_by = a.governed_by + extra.governed_by
        self._check()
        self.index: dict[str, list[AliasHit]] = {}
        for a in self.actors.values():
            for how, names in self._name_forms(a):
                for n in names:
                    self._index(n, a.id, how)
        self._matchers: dict[int, Any] = {}
        self._fuzzy_keys: list[str] | None = None
        self._surnames: dict[str, set[str]] | None = None  # last word of a person's name key → ids
        self.big = big
        self.actors = _Actors(self.actors, big)
        self.imported_roles: dict[str, list[tuple[Role, str]]] = {}
        if big is not None:
            self._add_imported_roles(big.overlay_roles())

    # --- building -------------------------------------------------------------------------------
    def _add(self, actor: Actor) -> None:
        old = self.actors.get(actor.id)
        if old is not None and old.kind == actor.kind:
            # a later file extends an entry: names merged, scalar fields and roles replaced when given
            merged = old.model_copy(deep=True)
            for f in ("aliases", "variants", "demonyms", "capitals", "institutions", "historic_names"):
                setattr(merged, f, _uniq(getattr(old, f) + getattr(actor, f)))
            for f in actor.model_fields_set - {"id", "kind", "aliases", "variants", "demonyms", "capitals",
                                               "institutions", "historic_names"}:
                setattr(merged, f, getattr(actor, f))
            if actor.name != old.name:
                merged.aliases = _uniq([old.name, *merged.aliases])
            self.actors[actor.id] = merged
        else:
            self.actors[actor.id] = actor.model_copy(deep=True)

    def _check(self) -> None:
        known = set(self.sectors)
        for a in self.actors.values():
            if a.sector and known and a.sector not in known:
                raise KBError(f"actor {a.id}: unknown sector {a.sector!r}")
            for r in a.roles:
                if r.sector and known and r.sector not in known:
                    raise KBError(f"actor {a.id}: role with unknown sector {r.sector!r}")
                if r.actor and r.actor not in self.actors:
                    raise KBError(f"actor {a.id}: role serves unknown actor {r.actor!r}")
            for r in a.governed_by:
                if r.actor not in self.actors:
                    raise KBError(f"actor {a.id}: governed_by names unknown actor {r.actor!r}")
            if a.parent and a.parent not in self.actors:
                raise KBError(f"actor {a.id}: unknown parent {a.parent!r}")
            for c in a.claimants:
                if c not in self.actors:
                    raise KBError(f"actor {a.id}: unknown claimant {c!r}")
        for word, sector in self.people_modifiers.items():
            if known and sector not in known:
                raise KBError(f"people_modifiers: {word!r} names unknown sector {sector!r}")
        for rg in self.regions.values():
            if rg.state not in self.actors:
                raise KBError(f"region {rg.name}: unknown state {rg.state!r}")
            for r in rg.authorities:
                if r.actor not in self.actors:
                    raise KBError(f"region {rg.name}: unknown authority {r.actor!r}")
        for n in self.nouns.values():
            if known and n.sector not in known:
                raise KBError(f"sector noun {n.phrase!r}: unknown sector {n.sector!r}")

    @staticmethod
    def _name_forms(a: Actor) -> list[tuple[str, list[str]]]:
        if a.kind == "person":
            return [("person", [a.name, *a.aliases])]
        demonyms = list(a.demonyms)
        demonyms += [p for p in (demonym_plural(d) for d in a.demonyms) if p]
        return [
            ("name", [a.name]), ("alias", a.aliases), ("historic", a.historic_names),
            ("demonym", demonyms), ("institution", a.institutions), ("capital", a.capitals),
            ("variant", a.variants),
        ]

    def _index(self, name: str, actor_id: str, how: str) -> None:
        k = key(name)
        if not k:
            return
        hits = self.index.setdefault(k, [])
        hit = AliasHit(actor_id, how, name, is_case_sensitive(name))
        for i, h in enumerate(hits):
            if h.actor == actor_id and h.case_sensitive == hit.case_sensitive:
                if HOW_ORDER[how] < HOW_ORDER[h.how]:
                    hits[i] = hit
                return
        hits.append(hit)
        hits.sort(key=lambda h: HOW_ORDER[h.how])

    def _add_imported_roles(self, by_person: dict[str, list[tuple[Role, str]]]) -> None:
        """Roles of the compiled index for hand-written people, for the dates their own roles do
        not cover (Lavrov's years at the UN before the hand-written foreign ministry)."""
        for pid, roles in by_person.items():
            p = dict.get(self.actors, pid)
            if p is None or p.kind != "person":
                continue
            own = list(p.roles)
            added = []
            for r, src in roles:
                if r.actor not in self.actors or r.sector == "ELI":
                    continue
                lo, hi = r.start or dt.date.min, r.end or dt.date.max
                # an imported role running into a hand-written one ends where that one starts
                later = [o.start for o in own if o.start and lo < o.start < hi]
                if later:
                    hi = min(later)
                    r = r.model_copy(update={"end": hi})
                if any(lo < (o.end or dt.date.max) and (o.start or dt.date.min) < hi for o in own + added):
                    continue
                added.append(r)
                self.imported_roles.setdefault(pid, []).append((r, src))
            if added:
                p.roles = sorted(own + added, key=lambda r: r.start or dt.date.min)

    # --- look-up --------------------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id.upper()) if actor_id else None

    def is_own(self, actor_id: str) -> bool:
        """Whether ``actor_id`` is a hand-written (overlay) actor, not one of the compiled index."""
        return dict.__contains__(self.actors, actor_id)

    def ids(self) -> list[str]:
        return sorted(self.actors)

    def hits(self, text: str) -> list[AliasHit]:
        """Exact alias hits for ``text`` (case-sensitive aliases only where the case agrees); the
        compiled index only when the hand-written KB has no actor of that name."""
        c = core(text)
        own = [h for h in self.index.get(key(text), []) if not h.case_sensitive or c == core(h.alias)]
        return own or self.big_hits(text)

    def big_hits(self, text: str) -> list[AliasHit]:
        """Exact hits for ``text`` in the compiled index (people first, then names, then aliases);
        memoised per text within the process (the same names recur across articles)."""
        if self.big is None:
            return []
        got = self._big_cache.get(text)
        if got is None:
            if len(self._big_cache) >= BIG_CACHE_SIZE:
                self._big_cache.clear()
            got = self._big_cache[text] = self._big_hits(text)
        return list(got)

    def _big_hits(self, text: str) -> list[AliasHit]:
        c = core(text)
        k = key(text)
        if not k:
            return []
        out = [AliasHit(a, how, alias, cs) for a, how, alias, cs in self.big.lookup(k)
               if (not cs or c == core(alias)) and (a in self.actors)]
        out.sort(key=lambda h: HOW_ORDER.get(h.how, 9))
        return out

    def choose(self, hits: list[AliasHit], on: dt.date | None = None,
               countries: Sequence[str] = ()) -> tuple[AliasHit | None, str]:
        """One of several actors sharing a name ("AKP", "SVR", "Ahmed Ali"), decided by the countries
        the article is about (``countries``, most mentioned first) and by who held a role on ``on``;
        ``(None, reason)`` when nothing decides between actors that resolve differently."""
        if len(hits) <= 1:
            return (hits[0] if hits else None), ""
        seen: dict[str, AliasHit] = {}
        for h in hits:
            seen.setdefault(h.actor, h)
        hits = list(seen.values())
        if len(hits) == 1:
            return hits[0], ""
        rank = {c: i for i, c in enumerate(countries)}
        scored = []
        for h in hits:
            a = self.actors[h.actor]
            st = self.standing(a.id, on)
            s = 0.0
            if st.country in rank:
                s += 3.0 - min(rank[st.country], 2) * 0.5
            if a.roles and on is not None:
                if self.role_on(a, on) is not None:
                    s += 1.0 if a.kind == "person" else 0.0
                elif a.kind != "person" or not any(r.start and r.start <= on for r in a.roles):
                    s -= 1.0  # not in any post yet, or an organisation outside its dates
            s += KIND_PRIOR.get(a.kind, 0.0)  # only breaks ties: a state's agency before a namesake party
            scored.append((s, h, st))
        scored.sort(key=lambda t: -t[0])
        top, second = scored[0], scored[1]
        n = len(hits)
        if top[0] - second[0] >= 0.5:
            why = []
            if top[2].country in rank:
                why.append(f"the article is about {top[2].country}")
            if on is not None and self.role_on(self.actors[top[1].actor], on) is not None:
                why.append(f"in that role on {on.isoformat()}")
            return top[1], f"ambiguous {top[1].alias!r} ({n} actors): {', '.join(why) or 'best match'}"
        if top[0] > second[0]:
            return top[1], (f"ambiguous {top[1].alias!r} ({n} actors): nothing in the article decides; "
                            f"the {self.actors[top[1].actor].kind} first")
        same = {(st.country, st.sector) for s, _, st in scored if s == top[0]}
        if len(same) == 1:
            return top[1], f"ambiguous {top[1].alias!r} ({n} actors, same country and sector)"
        return None, f"ambiguous {top[1].alias!r}: {n} actors, nothing in the article decides"

    def noun(self, phrase: str) -> SectorNoun | None:
        return self.nouns.get(fold(phrase))

    def fuzzy_keys(self) -> list[str]:
        if self._fuzzy_keys is None:
            self._fuzzy_keys = sorted(
                k for k, hs in self.index.items() if len(k) >= 5 and any(not h.case_sensitive for h in hs)
            )
        return self._fuzzy_keys

    def search(self, q: str, limit: int = 10) -> list[tuple[str, float, str]]:
        """Ranked candidates ``(id, score 0..1, matched name)`` for ``q``: exact, prefix, then fuzzy."""
        from rapidfuzz import fuzz, process

        k = key(q)
        best: dict[str, tuple[float, str]] = {}

        def offer(actor_id: str, score: float, name: str) -> None:
            if actor_id not in best or best[actor_id][0] < score:
                best[actor_id] = (score, name)

        if k.upper() in self.actors:
            offer(k.upper(), 1.0, k.upper())
        for h in self.index.get(k, []):
            offer(h.actor, 1.0, h.alias)
        if k:
            for ik, hs in self.index.items():
                if ik.startswith(k) or (len(k) >= 3 and f" {k}" in f" {ik}"):
                    for h in hs:
                        offer(h.actor, 0.9 if ik.startswith(k) else 0.8, h.alias)
            for ik, score, _ in process.extract(k, list(self.index), scorer=fuzz.WRatio, limit=limit * 3):
                if score >= 80:
                    for h in self.index[ik]:
                        offer(h.actor, round(score / 100 * 0.85, 3), h.alias)
        if self.big is not None and k:
            for h in self.big_hits(q):
                offer(h.actor, 1.0, h.alias)
            for ik in self.big.keys_like(k, limit=limit * 3):
                for actor_id, _, alias, _ in self.big.lookup(ik):
                    offer(actor_id, 0.9, alias)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
        return [(aid, s, n) for aid, (s, n) in ranked[:limit]]

    def provenance(self, actor: Actor) -> tuple[str, str | None]:
        """(sources, Wikidata id) of an actor: the compiled index's sources (``"wikidata,phoenix"``),
        or ``"hand-written"`` for an actor of the YAML overlay."""
        if self.big is None or self.is_own(actor.id):
            return HAND_WRITTEN, None
        sources, qid, _ = self.big.sources_of(actor.id)
        return sources, qid

    def roles_with_sources(self, actor: Actor) -> list[tuple[Role, str]]:
        """The actor's dated roles, oldest first, each with where it comes from: a compiled index
        source (``wikidata:russia-cabinet``, ``countryinfo``…) or ``"hand-written"``. Imported
        roles added to a hand-written person (``imported_roles``) keep their own source."""
        srcs: list[str | None] = []
        if self.big is not None and not self.is_own(actor.id):
            sources, _, srcs = self.big.sources_of(actor.id)
            srcs = [s or sources for s in srcs]
        if len(srcs) != len(actor.roles):  # hand-written, or imported for dates the hand-written roles leave open
            imported = {(r.start, r.end, r.title): s for r, s in self.imported_roles.get(actor.id, [])}
            srcs = [imported.get((r.start, r.end, r.title), HAND_WRITTEN) for r in actor.roles]
        return sorted(zip(actor.roles, srcs), key=lambda t: t[0].start or dt.date.min)

    # --- time -----------------------------------------------------------------------------------
    def role_on(self, actor: Actor, on: dt.date | None) -> Role | None:
        """The dated role valid on ``on`` (``None``: the latest role, i.e. the current one)."""
        if not actor.roles:
            return None
        roles = sorted(actor.roles, key=lambda r: r.start or dt.date.min)
        if on is None:
            return roles[-1]
        valid = [r for r in roles if r.valid_on(on)]
        if len(valid) > 1:  # two posts at once: the one of the actor served most (a French
            # president is also co-prince of Andorra)
            return max(valid, key=lambda r: served_most(actor)[r.actor])
        return valid[0] if valid else None

    def preload(self) -> None:
        """Build now the tables of people by surname that the first lone surname builds (one scan
        of the imported people, ~0.1 s): load time, not the cost of whichever article needs them."""
        self._surname_ids("x")

    def _surname_ids(self, surname: str) -> set[str]:
        """Ids of the people (hand-written and imported) whose name ends with the word ``surname``."""
        k = key(surname)
        if not k or " " in k:
            return set()
        if self._surnames is None:
            self._surnames = {}
            for name_key, hits in self.index.items():
                for h in hits:
                    if h.how == "person" and " " in name_key:
                        self._surnames.setdefault(name_key.rsplit(" ", 1)[1], set()).add(h.actor)
        ids = set(self._surnames.get(k, ()))
        if self.big is not None:
            ids.update(self.big.people_by_surname(k))
        return ids

    def person_by_surname(self, surname: str, on: dt.date | None,
                          countries: frozenset[str] = frozenset()) -> tuple[Actor, Standing] | None:
        """The one person of the KB a lone surname names ("Puigdemont calls for dialogue"): among
        the people with that surname, those of some state on ``on`` (in office, former, or dead
        days before) and, when the article names countries, of one of them; None unless exactly
        one is left."""
        found = []
        for aid in sorted(self._surname_ids(surname)):
            person = self.actors.get(aid)
            if person is None or person.kind != "person":
                continue
            st = self.standing(aid, on)
            if st.country and (not countries or st.country in countries):
                found.append((person, st))
        return found[0] if len(found) == 1 else None

    def head_by_surname(self, surname: str, on: dt.date | None) -> tuple[str, Actor] | None:
        """The state whose head (of state or government: ``head_titles``) on ``on`` has the surname
        ``surname`` ("the Duterte administration"), with that person; None when no one or several
        states' heads have it. Surnames are not names of their own in the index: the people are
        found by the last word of their names."""
        ids = self._surname_ids(surname)
        heads = set(_S["head_titles"])
        found: dict[str, Actor] = {}
        for aid in sorted(ids):
            person = self.actors.get(aid)
            role = self.role_on(person, on) if person is not None else None
            if role is None or not role.title or fold(role.title) not in heads:
                continue
            state = role.country or role.actor
            if state and state in self.actors and self.actors[state].kind in ("state", "historic_state"):
                found[state] = person
        return next(iter(found.items())) if len(found) == 1 else None

    def region_authority(self, region: Region, on: dt.date | None = None) -> str | None:
        """The separatist or de facto authority of ``region`` on ``on`` (``None``: today), if the KB has one."""
        day = on or dt.date.today()
        return next((r.actor for r in region.authorities if r.valid_on(day)), None)

    def governor(self, state_id: str | None, on: dt.date | None = None) -> str | None:
        """The actor governing state ``state_id`` de facto on ``on`` (``None``: today), when the
        KB dates one ("Kabul" after 2021-08-15 → TALIBAN); ``None`` when the state governs itself."""
        a = self.actors.get(state_id) if state_id else None
        if a is None or not a.governed_by:
            return None
        day = on or dt.date.today()
        for r in a.governed_by:
            if r.valid_on(day):
                return r.actor
        return None

    def standing(self, actor_id: str, on: dt.date | None = None) -> Standing:
        """Who ``actor_id`` is on ``on``: the id an event should carry, country and sector.

        States are themselves (sector null); organisations take the dated role valid then; people
        resolve to the actor they serve and the sector of their post (ELI once out of office)."""
        a = self.actors[actor_id]
        if a.kind in ("state", "historic_state"):
            return Standing(a.id, a.id, None, "")
        if a.kind == "institution":
            # an organ of a state ("the SVR", "the Afghan National Army"): the state, in its sector
            c = a.country
            if c in self.actors and self.actors[c].kind in ("state", "historic_state") and a.sector in STATE_SECTORS:
                return Standing(c, c, a.sector, f"institution {a.name!r} of {c}")
            return Standing(None, c, a.sector, f"institution {a.name!r}")
        if a.kind == "person":
            return self._person_on(a, on)
        r = self.role_on(a, on)
        sector = a.sector or DEFAULT_SECTOR.get(a.kind)
        if r is not None:
            when = f"role on {on.isoformat()}" if on else "current role"
            return Standing(a.id, r.country or a.country, r.sector or sector, when)
        if a.roles and on is not None:
            return Standing(a.id, a.country, sector, f"no dated role on {on.isoformat()}", 0.9)
        return Standing(a.id, a.country, sector, "")

    def _person_on(self, p: Actor, on: dt.date | None) -> Standing:
        day = on or dt.date.today()
        when = on.isoformat() if on else "today"
        if p.died and day >= p.died:
            if (day - p.died).days <= DEATH_NEWS_DAYS:
                # "an air strike kills Hezbollah leader X": the news of a death names the person
                # by the post held when they died
                alive = self._person_on(p.model_copy(update={"died": None}), p.died - dt.timedelta(days=1))
                if alive.id or alive.country:
                    return Standing(alive.id, alive.country, alive.sector,
                                    f"{alive.note}; died {p.died.isoformat()}", 0.8)
            # a figure of the past ("Mao Zedong's policies"): no actor of today, but still of the
            # state last served, as a former official is (PLOVER ELI; the labelling guide)
            last = self._person_on(p.model_copy(update={"died": None}), p.died - dt.timedelta(days=1))
            if last.country:
                return Standing(None, last.country, "ELI", f"person {p.id}; died {p.died.isoformat()}: "
                                f"a figure of the past of {last.country}", 0.5)
            return Standing(None, None, None, f"person {p.id}; died {p.died.isoformat()}", 0.5)
        r = self.role_on(p, day)
        if r is None:
            # the last day in office still counts ("X resigns as defence secretary" that day)
            r = next((r for r in p.roles if r.end == day), None)
        if r is not None:
            served = self.actors[r.actor]  # type: ignore[index]
            s = self.standing(served.id, day)
            sector = _title_sector(r.title, r.sector or s.sector)
            title = f" ({r.title})" if r.title else ""
            note = f"person {p.id}{title} on {when}"
            if served.kind in ("state", "historic_state"):
                return Standing(served.id if sector in STATE_SECTORS else None, served.id, sector, note)
            return Standing(served.id, s.country, sector, note)
        later = sorted((r for r in p.roles if r.start is not None and r.start > day), key=lambda r: r.start)
        soon = later[0] if later and (later[0].start - day).days <= ELECT_DAYS else None  # type: ignore[operator]
        past = [r for r in p.roles if r.end is not None and r.end <= day]
        if past and soon is None:
            last = max(past, key=lambda r: (r.end, served_most(p)[r.actor]))  # type: ignore[arg-type, return-value]
            served = self.actors[last.actor]  # type: ignore[index]
            country = served.id if served.kind in ("state", "historic_state") else self.standing(served.id, day).country
            title = f" {last.title}" if last.title else ""
            return Standing(None, country, "ELI", f"person {p.id}; former{title} on {when}", 0.9)
        first = later[0] if later else (p.roles[0] if p.roles else None)
        country = sector = None
        note = f"person {p.id}; no role yet on {when}"
        if first is not None:
            served = self.actors[first.actor]  # type: ignore[index]
            country = served.id if served.kind in ("state", "historic_state") else served.country
            sector = first.sector or self.standing(served.id, first.start).sector
            if first is soon:
                # president-elect, a nominee: already named by the post they are about to take
                note += f"; takes office {first.start.isoformat()}"
            elif sector in POLITICAL_SECTORS:
                # an office holder before any office: a party politician (candidate, activist)
                sector, note = "PTY", note + "; a politician before office → PTY"
        return Standing(None, country, sector, note, 0.6)

    # --- resolution (see detente.actors.resolve) ------------------------------------------------
    def resolve(self, text: str, on: dt.date | None = None, countries: tuple[str, ...] = (), read: bool = True):
        """``read``: a phrase no alias names may be read by the mention finder (a spaCy parse;
        bulk look-ups of names pass False)."""
        from detente.actors.resolve import resolve

        return resolve(self, text, on, countries, read=read)


@lru_cache(maxsize=1)
def _role_title_words() -> tuple[tuple[str, str], ...]:
    from detente.wordlists import words

    return tuple((w.lower(), sector) for w, sector in words("actors")["role_title_sectors"].items())


def _title_sector(title: str | None, sector: str | None) -> str | None:
    """The sector a role's title names where the record says only the executive's ("Attorney
    General" → JUD, "Speaker of …" → LEG)."""
    if not title or sector not in (None, "GOV"):
        return sector
    low = title.lower()
    return next((sec for w, sec in _role_title_words() if w in low), sector)


def _uniq(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def packaged_files() -> list[tuple[str, str]]:
    base = resources.files("detente") / "data" / "actors"
    return [(f"detente/data/actors/{n}", (base / n).read_text(encoding="utf-8")) for n in PACKAGED]


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...], overlay_only: bool = False) -> ActorKB:
    files = [(name, _read(name, text)) for name, text in packaged_files()]
    files += [(p, _read(p)) for p in extra]
    big = None
    if not overlay_only:
        from detente.kb.index import open_packaged

        big = open_packaged()
    return ActorKB(files, big=big)


def load_kb(extra: Sequence[str | Path] = (), overlay_only: bool = False) -> ActorKB:
    """The packaged KB plus user YAML files (cached per list of files), backed by the compiled index
    of imported actors (``detente kb build``) unless ``overlay_only``."""
    return _load(tuple(str(p) for p in extra), overlay_only)
