"""Resolving a name to an actor on a date: exact alias, then compositional, then fuzzy.

- exact: every name form in the KB (names, short names, demonyms, capital and institution metonyms,
  historic names, people), case-insensitive, leading article and trailing possessive stripped;
  acronyms ("US", "WHO") only as written.
- compositional: an actor word plus a sector noun — "Armenian Prime Minister" (id null, ARM, GOV),
  "Russia's Supreme Court" (id RUS, JUD: a state institution stands for the state), "the foreign
  minister of Russia", "Taliban-appointed ambassador" (TALIBAN), "President Vladimir Putin".
- fuzzy: rapidfuzz ratio over all keys, only above a high threshold (score < 1).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import BaseModel

from detente.actors.keys import HOW, AliasHit, SectorNoun, core, fold, key
from detente.actors.schema import STATE_SECTORS
from detente.wordlists import words

#: the ``why`` of a country no word of the text gives (``default_country`` of data/actors/generic.yml)
DEFAULT_COUNTRY = "the default country of an article"
#: the ``why`` of a generic mention whose country is only where its sentence or article is
PLACE_GUESSES = ("the place of the sentence", "the article's place")
#: the ``why`` of a country guessed from the article's actors (a body placed nowhere)
ACTORS_COUNTRY_WHY = "the country of the article's actors"
#: the ``why`` of a state organ given the one state its article names
ONE_STATE_WHY = "the one state the article names"
#: the ``why`` of a country given by ``default_country`` (a guess: never an answer for a bare phrase)
DEFAULT_WHY = f"{DEFAULT_COUNTRY} that names none"
#: the ``why`` notes of a country guessed from the article (its actors, the corpus's default)
ARTICLE_GUESSES = (ACTORS_COUNTRY_WHY, DEFAULT_WHY)
#: the ``why`` notes of a generic mention whose country is guessed, not read from the phrase
GUESSED_COUNTRY = (*PLACE_GUESSES, ACTORS_COUNTRY_WHY, ONE_STATE_WHY, DEFAULT_COUNTRY)


def guessed_by(why: str | None, guesses: tuple[str, ...]) -> bool:
    """Whether a mention's ``why`` tells its country was one of ``guesses``."""
    return any(g in (why or "") for g in guesses)


def located_by(words: str) -> str:
    """The note a mention's ``why`` ends with when a place phrase placed it ("located by 'in Bamako'")."""
    return f"located by {words!r}"


def placed_by_prep(why: str | None, prep: str) -> bool:
    """The mention was placed by a phrase opening with the preposition ``prep`` (read from its ``why``)."""
    return located_by(f"{prep} ")[:-1] in (why or "")


if TYPE_CHECKING:  # the KB calls this module (``ActorKB.resolve``); only its type is needed here
    from detente.actors.kb import ActorKB

_AW = words("actors")


def _alternatives(ws: list[str]) -> str:
    """A regular-expression alternation matching any of the words ``ws``, literally."""
    return "|".join(map(re.escape, ws))


FUZZY_CUTOFF = 90.0
# "<actor>-appointed ambassador": the noun stays the actor's ("Taliban-appointed" is TALIBAN)
AGENT_PARTICIPLES = frozenset(_AW["agent_participles"])
# "<actor>-backed rebels": the noun is someone else, helped by the actor — not the actor
OTHER_PARTICIPLES = frozenset(_AW["other_participles"])
# "pro-Russian parties", "anti-American protesters": the state is a side taken, not the people's home
STANCE_PREFIXES = frozenset(_AW["stance_prefixes"])
STATE_KINDS = ("state", "historic_state")


# how a state is named where a stance prefix makes it a side taken: its name or demonym
STANCE_HOWS = ("demonym", "alias", "name", "short")


def stance_prefixed(doc, start: int) -> bool:
    """Whether the word at ``start`` follows a stance prefix and its hyphen (``stance_prefixes``:
    "pro-Russian", "anti-American")."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in STANCE_PREFIXES


def taken_side(doc, starts: dict[int, int], m) -> bool:
    """Whether mention ``m`` names a state only as the side a stance prefix takes ("pro-Russian")."""
    return m.kind in ("demonym", "name") and m.start in starts and stance_prefixed(doc, starts[m.start])


# "Tens of thousands of Israelis", "dozens of opposition activists", "suspected Islamic State
# members": counts and hedges in front of the actor phrase are not part of the name
QUANTITY_RE = re.compile(
    r"^(?:(?:tens\s+of\s+|hundreds\s+of\s+)?(?:thousands|hundreds|dozens|scores|millions|tens)|"
    r"(?:more|fewer|less)\s+than\s+[\d,]+|at\s+least\s+[\d,]+|some\s+[\d,]+|[\d,]+|a\s+(?:group|number|handful)|"
    r"groups|a\s+crowd|crowds)\s+of\s+(?:the\s+)?", re.I)
HEDGE_RE = re.compile(rf"^(?:{_alternatives(_AW['hedge_words'])})\s+", re.I)
# "Hayat Tahrir al-Sham fighters", "Islamic State members": people of a group are the group
MEMBER_NOUNS = frozenset(_AW["member_nouns"])
# "protesters in Tbilisi", "police in Kabul": a sector noun located in a state's place
PLACE_PREPS = frozenset(_AW["placed_preps"])
HEAD_SEPARATORS = tuple(_AW["head_separators"])
LABELS = {"capital": "capital metonym", "institution": "institution metonym", "name": "alias", "short": "alias",
          "historic": "historic name"}


class Resolution(BaseModel):
    """The answer of ``ActorKB.resolve``. ``contract()`` is the JSON of DESIGN.md."""

    text: str
    id: str | None = None
    country: str | None = None
    sector: str | None = None
    score: float = 0.0
    why: str = ""
    kind: str = "name"  # name | demonym | metonym | person | compositional
    actor: str | None = None  # the KB entry that matched (VLADIMIR_PUTIN, TALIBAN, RUS)

    def contract(self) -> dict:
        return {"text": self.text, "id": self.id, "country": self.country, "sector": self.sector,
                "score": self.score, "why": self.why}


def _when(on: dt.date | None) -> str:
    return on.isoformat() if on else "today"


def from_hit(kb: ActorKB, hit: AliasHit, on: dt.date | None, text: str, score: float | None = None,
             why: str | None = None) -> Resolution:
    """A resolution for an alias hit: the actor as it stands on ``on``."""
    a = kb.actors[hit.actor]
    base, kind = HOW[hit.how]
    if hit.how in ("capital", "institution") and (gov := kb.governor(a.id, on)) is not None:
        return _governed(kb, gov, a.id, on, text, score if score is not None else base,
                         f"{LABELS.get(hit.how, hit.how)} {hit.alias!r}", kind)
    st = kb.standing(a.id, on)
    sector = st.sector
    if hit.how in ("capital", "institution") and a.kind in STATE_KINDS:
        # "Moscow said", "the Kremlin said": the government speaking; an institution that is itself
        # a sector noun of a state organ speaks for that organ ("the Pentagon": the military)
        noun = kb.nouns.get(fold(hit.alias)) if hit.how == "institution" else None
        sector = noun.sector if noun is not None and noun.institution and noun.sector in STATE_SECTORS else "GOV"
    label = LABELS.get(hit.how, hit.how)
    parts = [why or f"{label} {hit.alias!r}"]
    if st.note:
        parts.append(st.note)
    return Resolution(text=text, id=st.id, country=st.country, sector=sector,
                      score=round((score if score is not None else base) * st.score, 3),
                      why="; ".join(parts), kind=kind, actor=a.id)


def _governed(kb: ActorKB, gov: str, state: str, on: dt.date | None, text: str, score: float, why: str,
              kind: str) -> Resolution:
    """The de facto government of ``state`` on ``on`` (``governed_by`` in the KB) speaking."""
    st = kb.standing(gov, on)
    return Resolution(text=text, id=st.id, country=st.country or state, sector="GOV", score=round(score, 3),
                      why=f"{why}; de facto government of {state} on {_when(on)}: {gov}", kind=kind, actor=gov)


def compose(kb: ActorKB, hit: AliasHit, noun: SectorNoun, on: dt.date | None, text: str,
            base: float = 0.9) -> Resolution:
    """An actor word plus a sector noun. With a state: country from the state, sector from the noun,
    and id the state only for its institutions (court, ministry, army); people and non-state
    sectors ("Armenian Prime Minister", "Syrian mercenaries") get id null. With an organisation or
    group: the organisation as it stands on the date."""
    a = kb.actors[hit.actor]
    label = LABELS.get(hit.how, hit.how)
    why = f"compositional: {label} {hit.alias!r} + {noun.sector} noun {noun.phrase!r}"
    if a.kind == "institution" and a.country in kb.actors and kb.actors[a.country].kind in STATE_KINDS:
        # "Rajya Sabha MP", "SVR officers": the institution's state; its own sector unless that is
        # the catch-all GOV (then the noun's: an MP is LEG)
        why += f"; institution of {a.country}"
        own = a.sector if a.sector in STATE_SECTORS and a.sector != "GOV" else None
        r = compose(kb, AliasHit(a.country, "name", a.country, True), noun, on, text, base)
        return r.model_copy(update={"why": why, "actor": a.id, **({"sector": own} if own else {})})
    if a.kind in STATE_KINDS:
        if noun.sector == "GOV" and (gov := kb.governor(a.id, on)) is not None:
            return _governed(kb, gov, a.id, on, text, base, why, "compositional")
        inst = noun.institution and noun.sector in STATE_SECTORS
        return Resolution(text=text, id=a.id if inst else None, country=a.id, sector=noun.sector,
                          score=base, why=why, kind="compositional", actor=a.id)
    st = kb.standing(a.id, on)
    if st.note:
        why += f"; {st.note}"
    return Resolution(text=text, id=st.id, country=st.country, sector=st.sector,
                      score=round(base * st.score, 3), why=why, kind="compositional", actor=a.id)


def _hits(kb: ActorKB, text: str) -> list[AliasHit]:
    """Hits for a part of a phrase being composed: the hand-written KB's, else the compiled
    index's only when they name one actor and the part is more than one capitalised word (with no
    article to decide namesakes, "Energy Minister" is no minister of Israel's Energy party)."""
    c = core(text)
    own = [h for h in kb.index.get(key(text), []) if not h.case_sensitive or c == core(h.alias)]
    if own:
        return own
    big = kb.big_hits(text)
    if not big or len({h.actor for h in big}) > 1:
        return []
    if len(text.split()) == 1 and not big[0].case_sensitive:
        return []
    return big


def _best(hits: list[AliasHit], people: bool = False) -> AliasHit | None:
    for h in hits:
        if (h.how == "person") == people:
            return h
    return None


_MINISTRY_RE = re.compile(rf"^({_alternatives(_AW['ministry_heads'])})\b")


def sector_phrase(kb: ActorKB, words: list[str]) -> SectorNoun | None:
    """The sector noun a phrase is headed by: the whole phrase, else its longest final words after at
    most three modifiers ("top court"); "Ministry of Mines" is a government ministry."""
    if not words:
        return None
    phrase = " ".join(words)
    n = kb.noun(phrase)
    if n:
        return n
    low = [fold(w) for w in words]
    for sep in HEAD_SEPARATORS:
        if sep in low[1:]:
            i = low.index(sep, 1)
            head = words[:i]
            n = sector_phrase(kb, head)
            if n:
                return n
            if _MINISTRY_RE.match(" ".join(low[:i])):
                return SectorNoun(" ".join(head).lower(), "GOV", True)
    for i in range(1, min(len(words), 4)):
        n = kb.noun(" ".join(words[i:]))
        if n:
            return n
    return None


def _split_words(text: str) -> list[str]:
    return text.replace("\u2019", "'").split()


def _strip_quantity(text: str) -> str:
    t = core(text)
    for _ in range(2):
        t2 = HEDGE_RE.sub("", QUANTITY_RE.sub("", t)).strip()
        if t2 == t:
            break
        t = t2
    return t


def _member_of(kb: ActorKB, words: list[str], on: dt.date | None, text: str) -> Resolution | None:
    """"<group> fighters": a non-state actor followed by member nouns is that actor."""
    low = [fold(w) for w in words]
    i = len(words)
    while i > 1 and low[i - 1] in MEMBER_NOUNS:
        i -= 1
    if i == len(words):
        return None
    h = _best(_hits(kb, " ".join(words[:i])))
    if h is None or kb.actors[h.actor].kind in STATE_KINDS:
        return None
    r = from_hit(kb, h, on, text, score=0.9)
    r.kind, r.why = "compositional", f"compositional: {h.alias!r} + member noun {' '.join(words[i:])!r}; " + r.why
    return r


def _located(kb: ActorKB, words: list[str], on: dt.date | None, text: str) -> Resolution | None:
    """"protesters in Tbilisi": a sector noun placed in a state (by name, demonym or capital) gives
    that country and sector; the actor id stays null unless the noun is a state institution."""
    low = [fold(w) for w in words]
    for i in range(1, len(words) - 1):
        if low[i] not in PLACE_PREPS:
            continue
        n = sector_phrase(kb, words[:i])
        h = next((x for x in _hits(kb, " ".join(words[i + 1:])) if kb.actors[x.actor].kind in STATE_KINDS), None)
        if n and h:
            r = compose(kb, h, n, on, text, base=0.8)
            r.why += f"; {located_by(' '.join(words[i:]))}"
            return r
    return None


def compositional(kb: ActorKB, text: str, on: dt.date | None) -> Resolution | None:
    t = _strip_quantity(text)
    if t != core(text):
        hits = _hits(kb, t)
        if hits:
            r = from_hit(kb, hits[0], on, text, score=0.95)
            r.why = f"count stripped; {r.why}"
            return r
    # "<actor>-appointed <noun>" / "<actor>-backed <noun>"
    m = re.match(r"^(?P<a>.+?)-(?P<p>[a-z]+)\s+(?P<s>.+)$", t)
    if m and m.group("p").lower() in AGENT_PARTICIPLES:
        h = _best(_hits(kb, m.group("a")))
        if h:
            r = from_hit(kb, h, on, text, score=0.9)
            r.kind, r.why = "compositional", f"compositional: {h.alias!r}-{m.group('p')} noun; " + r.why
            return r
    if m and m.group("p").lower() in OTHER_PARTICIPLES:
        return None
    words = _split_words(t)
    r = _member_of(kb, words, on, text) or _located(kb, words, on, text)
    if r is not None:
        return r
    # "<actor>'s <sector noun>"
    for i, w in enumerate(words[:-1]):
        if w.endswith(("'s", "s'")):
            a_text = " ".join(words[:i] + [w[:-2] if w.endswith("'s") else w[:-1]])
            h = _best(_hits(kb, a_text))
            n = sector_phrase(kb, words[i + 1:])
            if h and n:
                return compose(kb, h, n, on, text)
    # "<sector noun> of (the) <actor>"
    low = [fold(w) for w in words]
    for i in range(len(words) - 2, 0, -1):
        if low[i] == "of":
            j = i + 1 + (low[i + 1] == "the" if i + 1 < len(low) else 0)
            h = _best(_hits(kb, " ".join(words[j:])))
            n = sector_phrase(kb, words[:i])
            if h and n:
                return compose(kb, h, n, on, text)
    # "<title> <person>" and "<demonym> <title> <person>"
    for i in range(1, len(words)):
        p = _best(_hits(kb, " ".join(words[i:])), people=True)
        if p:
            head = words[:i]
            # "President Vladimir Putin", "Russian President …", "UN Secretary-General António Guterres"
            if sector_phrase(kb, head) or (len(head) > 1 and _best(_hits(kb, head[0])) and sector_phrase(kb, head[1:])) \
                    or _best(_hits(kb, " ".join(head))) or (len(head) > 1 and _best(_hits(kb, head[0]))
                                                         and head[-1][:1].isupper()):
                r = from_hit(kb, p, on, text)
                r.why = f"title + {r.why}"
                return r
    # "<actor> <sector noun>" — longest actor words first
    for i in range(len(words) - 1, 0, -1):
        h = _best(_hits(kb, " ".join(words[:i])))
        if h:
            n = sector_phrase(kb, words[i:])
            if n:
                return compose(kb, h, n, on, text)
    return None


def fuzzy(kb: ActorKB, text: str, on: dt.date | None) -> Resolution | None:
    from rapidfuzz import fuzz, process


    k = key(text)
    if len(k) < 5:
        return None
    found = process.extractOne(k, kb.fuzzy_keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if not found:
        return None
    match, score, _ = found
    hits = [h for h in kb.index[match] if not h.case_sensitive]
    if not hits:
        return None
    h = hits[0]
    base = HOW[h.how][0]
    r = from_hit(kb, h, on, text, score=round(base * score / 100 * 0.95, 3),
                 why=f"fuzzy match {h.alias!r} ({score:.0f}%)")
    return r


#: readers of a phrase no alias names, tried before the fuzzy match: (kb, text, date) → Resolution or
#: None. ``detente.actors.mentions`` registers the mention finder's (``read_as_text``) on import.
PHRASE_READERS: list[Callable[[ActorKB, str, dt.date | None], Resolution | None]] = []


def resolve(kb: ActorKB, text: str, on: dt.date | None = None, countries: tuple[str, ...] = (),
            read: bool = True) -> Resolution | None:
    """``text`` → the actor it names on ``on`` (``None``: today / current roles), or ``None``.
    ``countries``: the countries the article is about, most mentioned first (decides between
    imported actors that share a name: "AKP", "Foreign Intelligence Service")."""
    if not text or not text.strip():
        return None
    hits = kb.hits(text)
    if hits:
        if len(hits) > 1 and not kb.is_own(hits[0].actor):
            h, why = kb.choose(hits, on, countries)
            if h is not None:
                r = from_hit(kb, h, on, text)
                return r.model_copy(update={"why": f"{r.why}; {why}" if why else r.why})
        else:
            return from_hit(kb, hits[0], on, text)
    r = compositional(kb, text, on)
    if r is not None:
        return r
    found = next((r for f in PHRASE_READERS if (r := f(kb, text, on)) is not None), None) if read else None
    return found or fuzzy(kb, text, on)
