"""Places in text, resolved with the offline gazetteer (``detente.gazetteer``, GeoNames data).

Public, pure functions:

- ``find_places(doc, mentions) -> list[Place]``: every place the text names — spaCy GPE/LOC/FAC
  entities, and proper nouns after a place preposition ("in Mariupol", which the small model often
  tags ORG) — with offsets into ``doc.text``, GeoNames id, country (ISO3), admin-1, lat/lon and
  precision (``city`` / ``province`` / ``country``). Ambiguous names go to the candidate in one of
  the article's countries (those of its actor mentions and of the countries it names), else to the
  larger population; a national capital and a country name come first.
- ``country_of_place(text, countries=()) -> ISO3 | None``: the country of one place name
  ("Mariupol" → UKR, "Jawzjan province" → AFG, "northern Iraq" → IRQ), for other stages (a generic
  actor "protesters in Mariupol" takes UKR). ``place_of(text, countries=())`` gives the whole place.
- ``event_location(sent, trigger_i, places, actor_spans, fallback) -> (Place | None, how)``: the
  place the text gives an event (see its docstring); ``article_fallback(doc, places)`` is the
  dateline's place, else the article's first place named as a location.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from spacy.tokens import Doc, Span, Token

from detente.gazetteer import (ADMIN_KINDS, neighbours, CITY_KINDS, GazPlace, airport_key, best, fold, get_gazetteer,
                               lookup_airport, skeleton_worthy)
from detente.models import Location, Mention
from detente.nlp import doc_ents, doc_text, doc_tokens, span_tokens, token_at
from detente.wordlists import word_sets, words


_PW = words("places")
_S = word_sets("places")

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: prepositions whose object is where something happens
LOC_PREPS = frozenset(_PW["loc_preps"])
#: ("from", "to", "towards" say where someone comes from or goes: no place of the event)
#: prepositions that make a following proper noun a place candidate even if NER says otherwise
PLACE_PREPS = frozenset(_PW["place_preps"])
PROVINCE_WORDS = frozenset(_PW["province_words"])
CITY_WORDS = frozenset(_PW["city_words"])
#: "the city of Monterrey", "the island of Mykonos": the object of "of" after these is a place
PLACE_NOUNS = frozenset(_PW["place_nouns"])
#: "Venezuelan territorial waters", "Japanese airspace": a demonym before these names a place
TERRITORY_NOUNS = frozenset(_PW["territory_nouns"])
#: "the Kaesong area": a proper noun modifying these is a place, whatever NER made of it
AREA_NOUNS = frozenset(_PW["area_nouns"])
#: the last word of a site's name ("the Corinthia Hotel", "Revolution Plaza"): an entity of any
#: label ending so is a place, located by the text around it when the gazetteer lacks it
SITE_WORDS = frozenset(_PW["site_words"])
#: entities the small model often gives a town's name: taken when the name is a big place
OTHER_LABELS = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
#: how big a populated place an entity of OTHER_LABELS must name (provinces and countries: any)
MIN_OTHER_POPULATION = 100_000
DIRECTIONS = frozenset(_PW["directions"])
#: regions larger than a country, and words NER takes for places: never a place of their own
NOT_PLACES = frozenset(_PW["not_places"])
#: words of seas and the like: a body of water lies in no country (GeoNames towns named after one
#: are no answer either)
WATER_WORDS = frozenset(_PW["water_words"])
#: a populated place found only after a preposition (not by NER) must be at least this big
MIN_PREP_POPULATION = 1000
#: any populated place must be at least this big
MIN_POPULATION = 1000


@dataclass
class Place:
    """A place named in a text: the name as written, its offsets, and the gazetteer's entry."""

    name: str
    start: int
    end: int
    geonames_id: int | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str  # city | province | country
    feature: str = ""  # GeoNames feature code: PCLI, ADM1, ADM2, PPL, PPLC
    population: int = 0
    root: int | None = field(default=None, repr=False)  # token index of the name's head word
    locative: bool = field(default=False, repr=False)  # object of a place preposition

    def location(self, start: int | None = None, end: int | None = None) -> Location:
        return Location(name=self.name, geonames_id=self.geonames_id, country=self.country,
                        admin1=self.admin1, lat=self.lat, lon=self.lon, precision=self.precision,
                        start=self.start if start is None else start, end=self.end if end is None else end)


# ------------------------------------------------------------------------------ one name → place

def _strip(text: str) -> tuple[str, set[str] | None, str]:
    """Name without its article, direction words and type word; the kinds the type word allows;
    what made it a part of a place: "direction" ("northern Iraq"), "landform" ("Mount Hakone"),
    else ""."""
    words = text.replace("\u2019", "'").split()
    kinds: set[str] | None = None
    part = ""
    while words and words[0].lower() in _S["name_articles"]:
        words = words[1:]
    if len(words) > 2 and words[1].lower() == "of" and words[0].lower() in PROVINCE_WORDS | CITY_WORDS:
        kinds = set(ADMIN_KINDS) if words[0].lower() in PROVINCE_WORDS else set(CITY_KINDS)
        words = words[2:]  # "the District of Maryland", "the City of London"
    while len(words) > 1 and words[0].lower().strip(",") in DIRECTIONS:
        words, part = words[1:], "direction"
    if len(words) > 1 and words[0].lower() in _S["landform_words"]:
        words, part = words[1:], "landform"  # "Mount Hakone": the town the mountain is named after
    if len(words) > 1 and words[-1].lower() in _S["island_words"] and kinds is None:
        # "Manus Island": the province of the island's name (not a town: "Tiran" is Tirana's too)
        words, kinds, part = words[:-1], set(ADMIN_KINDS), "island"
    elif len(words) > 1 and words[-1].lower() in PROVINCE_WORDS and kinds is None:
        words, kinds = words[:-1], set(ADMIN_KINDS)
    elif len(words) > 1 and words[-1].lower() in CITY_WORDS and kinds is None:
        words, kinds = words[:-1], set(CITY_KINDS)
    if len(words) > 1 and words[-1] in ("'s", "'"):
        words = words[:-1]
    elif words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return " ".join(words), kinds, part


def _acceptable(p: GazPlace, min_population: int) -> bool:
    if p.kind == "region":  # no population to judge by: only for a name the text calls a place
        return min_population < MIN_OTHER_POPULATION
    if p.kind == "adm2" and min_population >= MIN_OTHER_POPULATION:
        return p.population >= min_population  # a district named by a word NER took for no place
    return p.kind not in CITY_KINDS or p.population >= min_population


def _unknown_size_here(p: GazPlace, min_population: int, here: frozenset[str] | set[str]) -> bool:
    """A town GeoNames gives no population (0: unknown, common for villages in war zones, "Ra's al
    'Ayn") in one of the article's countries, for a name the text calls a place (a list of towns,
    "in X"): as good as a town of the minimum size."""
    return p.kind in CITY_KINDS and p.population == 0 and p.country in here and min_population <= MIN_PREP_POPULATION


#: words a site's name may start with that also name some village ("Green Zone", "Mount X")
GENERIC_WORDS = frozenset(_PW["generic_words"])


def _lookup(gaz, text: str, ctx: frozenset[str], fuzzy: bool = True) -> list[GazPlace]:
    """Exact spellings; else a region, island or landmark the GeoNames data lacks ("Darfur",
    "Mindanao"); else (``fuzzy``) vowel-insensitive spellings ("Jawzjan" = "Jowzjan"), kept only in
    the article's countries when it has any."""
    hits = gaz.lookup_exact(text) + gaz.lookup_region(text)
    if not hits:  # "Al-Raqqah" is GeoNames' "Ar Raqqah": the Arabic article as spelled varies
        words = fold(text).split()
        if len(words) > 1 and words[0] in _S["arabic_articles"]:
            bare = " ".join(words[1:])
            hits = tuple(p for p in gaz.lookup_exact(bare)
                         if fold(p.name) == bare or fold(p.name).split()[0] in _S["arabic_articles"])
    if hits or not fuzzy or not skeleton_worthy(fold(text)):
        return list(hits)
    return [p for p in gaz.lookup_skeleton(text) if not ctx or p.country in ctx]


def place_of(text: str, countries: Iterable[str] = (), min_population: int = MIN_PREP_POPULATION,
             weak: Iterable[str] = (), fuzzy: bool = True, within: str | None = None) -> GazPlace | None:
    """The gazetteer entry ``text`` most likely names, or None. The full text is tried first
    ("Harris County", "Republic of Karelia", "South Korea's"), then without article, direction and
    type words ("Jawzjan province" → the province Jowzjan; "northern Iraq" → Iraq). ``countries``:
    the countries the article names, preferred for ambiguous names; ``weak``: its actors'
    countries, preferred less. Regions larger than a country ("Europe", "the Gulf") are None.
    ``fuzzy``: vowel-insensitive spellings too (not for a word that only may be a place);
    ``within``: the country the text says the place lies in ("Nara, Mali"), which decides where it
    has a namesake there, however big the others."""
    return _place_of(get_gazetteer(), text, frozenset(countries), min_population, frozenset(weak), fuzzy, within)


@lru_cache(maxsize=1 << 15)
def _place_of(gaz, text: str, ctx: frozenset[str], min_population: int, wctx: frozenset[str], fuzzy: bool,
              within: str | None) -> GazPlace | None:
    """``place_of`` memoised per gazetteer (the same names recur across articles; a ``GazPlace``
    is frozen)."""
    text = text.strip()
    if text.endswith(("'s", "\u2019s")):
        text = text[:-2]
    elif text.endswith(("'", "\u2019")):
        text = text[:-1]
    if not text or fold(text) in NOT_PLACES or any(w.lower() in WATER_WORDS for w in text.split()):
        return None
    key = fold(text)
    cands = [p for p in _lookup(gaz, text, ctx | wctx, fuzzy) if _acceptable(p, min_population)
             or _unknown_size_here(p, min_population, ctx | wctx | ({within} if within else set()))]
    if within:
        cands = [p for p in cands if p.country == within] or cands
    hit = best(cands, ctx, name_is_main=key, weak=wctx)
    if hit is not None:
        return hit
    base, kinds, part = _strip(text)
    if base and base != text and fold(base) not in NOT_PLACES:
        cands = [p for p in _lookup(gaz, base, ctx | wctx, fuzzy) if _acceptable(p, min_population)]
        if within:
            cands = [p for p in cands if p.country == within] or cands
        if part == "landform" and not (ctx or wctx):
            return None  # "Lake Victoria" in a text naming no country: no town to name it after
        if part in ("direction", "landform") and (ctx or wctx):  # "Mount X", "northern X": weak evidence, kept to the article's
            # countries — unless the place is big ("central Gaza" in a story naming only Israel)
            cands = [p for p in cands if p.kind == "country" or p.country in ctx | wctx
                     or p.kind in ADMIN_KINDS or p.population >= MIN_OTHER_POPULATION]
        hit = best(cands, ctx, kinds=kinds, name_is_main=fold(base), weak=wctx)
        return hit if hit is not None or part == "island" else best(cands, ctx, name_is_main=fold(base), weak=wctx)
    return None


def country_of_place(text: str, countries: Iterable[str] = ()) -> str | None:
    """ISO 3166-1 alpha-3 of the country a place name lies in ("Mariupol" → "UKR",
    "Jawzjan province" → "AFG", "Syria" → "SYR"), or None when the gazetteer has no such place
    (towns under 1,000 people are left out: too many are also common words). ``countries``: the
    countries the article is about, which decide ambiguous names ("Tripoli" is LBY, or LBN in a
    story about Lebanon). Pure and cheap (one indexed look-up, memoised)."""
    return _country_of(get_gazetteer(), text, frozenset(countries))


@lru_cache(maxsize=1 << 15)
def _country_of(gaz: object, text: str, countries: frozenset[str]) -> str | None:
    """``country_of_place`` memoised per gazetteer (the same place names recur across articles)."""
    p = place_of(text, countries)
    return p.country if p is not None else None


# ------------------------------------------------------------------------------ places in a doc

def apposed_country(span: Span) -> str | None:
    """The country a place name is said to lie in by the name after its comma ("Nara, Mali",
    "Jacmel, Haiti"): that country's ISO3 when the gazetteer has a namesake of the place there, else
    None ("Atlanta, Georgia" names the US state)."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "(":
        return _bracketed_region_country(span)
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    gaz = get_gazetteer()
    for n in (3, 2, 1):
        after = doc[span.end + 1: span.end + 1 + n]
        if len(after) == n and all(t.pos_ == "PROPN" or t.lower_ in _S["name_joiners"] for t in after):
            country = _country_named(after.text)
            if country is not None:
                there = any(p.country == country for p in gaz.lookup_exact(span.text))
                return country if there else None
    return None


def _bracketed_region_country(span: Span) -> str | None:
    """The country of a place whose province or country an event report adds in brackets ("Guma
    (Benue state)", "Djibo (Burkina Faso)"): one the gazetteer has a namesake of the place in."""
    doc = span.doc
    close = next((t.i for t in doc[span.end + 1:min(span.end + 8, len(doc))] if t.text == ")"), None)
    if close is None:
        return None
    words = [t for t in doc[span.end + 1:close] if t.lower_ not in PROVINCE_WORDS]
    if not words or not all(t.text[:1].isupper() or t.lower_ in _S["name_joiners"] for t in words):
        return None
    name = doc[words[0].i:words[-1].i + 1].text
    gaz = get_gazetteer()
    held = {p.country for p in gaz.lookup_exact(name)}
    return next((p.country for p in gaz.lookup_exact(span.text) if p.country in held), None)


def _country_named(text: str) -> str | None:
    """The country (or territory with a code of its own) ``text`` names, by the gazetteer."""
    hit = next((p for p in get_gazetteer().lookup_exact(text) if p.kind == "country"), None)
    return hit.country if hit is not None else None


def said_country(span: Span, mentions: Sequence[Mention]) -> str | None:
    """The country the text says a place lies in by its possessor ("its eastern Kangwon province",
    the "its" being North Korea's; "Syria's Idlib province") or by a demonym or a state on the place
    noun whose object it is ("the Syrian town of Mare'", "the U.S. state of Georgia"): that mention's
    country."""
    root = span.root
    heads = [(root, ("poss",))]
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS:
        heads.append((root.head.head, ("poss", "amod", "compound")))
    for head, deps in heads:
        for c in head.children:
            if c.dep_ not in deps or span.start <= c.i < span.end:
                continue
            m = next((m for m in mentions if m.start <= c.idx < m.end and m.country), None)
            # a name before the place noun counts only as a state ("the U.S. state of X", not "the
            # Karo Regency of X")
            if m is not None and (c.dep_ != "compound" or m.kind == "demonym" or m.id == m.country):
                return _own_country(m) or m.country
    return None


def _own_country(m: Mention) -> str | None:
    """The country a mention that names a territory of its own is as a place ("Hong Kong's Mong Kok
    district" lies in HKG, although Hong Kong acting is China's government): the gazetteer's."""
    return _country_named(m.text[:-2] if m.text.endswith(("'s", "’s")) else m.text)


def _span_place(span: Span, ctx: frozenset[str], min_population: int,
                weak: frozenset[str] = frozenset(), said: str | None = None) -> tuple[Span, GazPlace] | None:
    """The place a span names: the whole span, else (for sites such as "Kuala Lumpur International
    Airport") its longest leading run of proper nouns that is a place. ``said``: the country the
    text puts it in (``said_country``), which decides between namesakes."""
    found = _named_place(span, ctx, min_population, weak, said)
    airport = _airport(span, ctx | weak)
    if airport is not None and (found is None or found[1].country != airport.country):
        # "Heathrow Airport" is London's, not a town in Florida (a site named after a town of the
        # airport's own country stays that town: "Kabul International Airport")
        return span, airport
    return found


def _named_place(span: Span, ctx: frozenset[str], min_population: int, weak: frozenset[str],
                 said: str | None) -> tuple[Span, GazPlace] | None:
    """``_span_place`` by the gazetteer's names alone."""
    # a name NER did not call a place is taken only as spelled ("Korean" is no Kairouan)
    p = place_of(span.text, ctx, min_population, weak, fuzzy=min_population < MIN_OTHER_POPULATION,
                 within=apposed_country(span) or said)
    if p is not None:
        return span, p
    for t in span:  # "the Olympiastadion in Berlin" taken as one name: placed by its last part
        if t.lower_ in ("in", ",") and span.start < t.i < span.end - 1:
            inner = place_of(span.doc[t.i + 1:span.end].text, ctx, min_population, weak, fuzzy=False)
            if inner is not None and inner.kind != "region":
                return span, inner
    toks = [t for t in span]
    while toks and toks[0].lower_ in _S["name_articles"]:
        toks = toks[1:]
    for n in range(len(toks) - 1, 0, -1):
        sub = span.doc[toks[0].i: toks[0].i + n]
        if not all(t.pos_ == "PROPN" or t.lower_ in DIRECTIONS for t in sub) or (
                len(sub) == 1 and sub[0].lower_ in GENERIC_WORDS) or not sub[0].text[:1].isupper() \
                or span.doc[sub.end].lower_ == "of":
            continue  # (not "Dome" of "the Dome of the Rock")
        # a site named after a place in one of the article's countries, or a big one ("Kuala Lumpur
        # International Airport"; not "Lake" in "Lake Syamozero", not Tirana for "Tiran Island")
        p = place_of(sub.text, ctx, MIN_PREP_POPULATION, weak, fuzzy=False)
        if p is not None and p.kind == "country":
            # a city-state's own town ("Hong Kong Polytechnic University", "Singapore General
            # Hospital"), never a site named after a country at large ("American University")
            p = next((g for g in get_gazetteer().lookup_exact(sub.text)
                      if g.kind == "capital" and g.country == p.country and fold(g.name) == fold(sub.text)), None)
        if p is not None and p.kind in CITY_KINDS | ADMIN_KINDS and (p.population > 0 or p.kind in ADMIN_KINDS) and (
                p.country in ctx | weak or (not ctx | weak and p.population >= MIN_OTHER_POPULATION) or (
                p.kind in CITY_KINDS and p.population >= MIN_OTHER_POPULATION and fold(p.name) == fold(sub.text))):
            return sub, p
    return None


def _airport(span: Span, ctx: frozenset[str]) -> GazPlace | None:
    """The airport a name that says it is one names ("Heathrow Airport" is London's, not a town in
    Florida; "Qayyarah Airfield West"): of the article's countries when it names several, else the
    one airport or the one country all its namesakes lie in."""
    name = _name_span(span)[0]
    if airport_key(name) == fold(name):
        return None  # no airport word in it
    hits = lookup_airport(name)
    here = [p for p in hits if p.country in ctx]
    if here:
        return here[0]
    return hits[0] if hits and len({p.country for p in hits}) == 1 else None


def _of_the_tail(ent: Span) -> Span:
    """A site's one-word entity the model cut before "of the …" ("Dome" of "the Dome of the Rock",
    "Church" of "the Church of the Nativity"): the whole name."""
    doc = ent.doc
    j = ent.end
    if ent.label_ not in ("FAC", "LOC") or len(ent) != 1 or j + 1 >= len(doc) or doc[j].lower_ != "of":
        return ent
    j += 1 + (doc[j + 1].lower_ == "the")
    k = j
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
        k += 1
    return Span(doc, ent.start, k, label=ent.label_) if k > j else ent


def _trimmed(ent: Span) -> Span:
    """An entity without the joining words the model ran on into ("the Dairi Regency of")."""
    end = ent.end
    while end - ent.start > 1 and ent.doc[end - 1].lower_ in _S["name_joiners"]:
        end -= 1
    return ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_)


def _with_site_noun(ent: Span) -> Span:
    """A name the model cut before the lower-case site noun it names ("the Ain Dara temple", "the
    Dahshur necropolis", "the M5 highway"): the whole site, a FAC."""
    doc = ent.doc
    j = ent.end
    if ent.label_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY") \
            or j >= len(doc) or not doc[j].is_lower or doc[j].lemma_.lower() not in SITE_WORDS - BORDER_WORDS \
            or ent.root.head.i != j or ent.root.dep_ != "compound":
        return ent
    return Span(doc, ent.start, j + 1, label="FAC")


def _with_possessor(span: Span) -> Span:
    """A name whose possessive is part of it ("Cox's Bazar", "Martha's Vineyard"): the whole name,
    where the gazetteer holds it so (else "Bazar" alone is a town of Kyrgyzstan)."""
    doc = span.doc
    i = span.start
    if i < 2 or doc[i - 1].tag_ != "POS" or doc[i - 2].pos_ != "PROPN" or doc[i - 2].whitespace_:
        return span
    whole = doc[i - 2: span.end]
    p = place_of(whole.text, min_population=0)
    return whole if p is not None and any(q in p.name for q in ("'", "’")) else span


def _extend(span: Span) -> Span:
    """"Jawzjan" followed by "province" (outside the entity) → "Jawzjan province"; "northern"
    before "Iraq" → "northern Iraq"."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in DIRECTIONS and doc[span.start - 1].pos_ in ("ADJ", "PROPN", "NOUN"):
        span = doc[span.start - 1: span.end]
    if span.end < len(doc) and doc[span.end].lower_ in PROVINCE_WORDS | CITY_WORDS \
            and span[-1].lower_ not in PROVINCE_WORDS | CITY_WORDS:
        return doc[span.start: span.end + 1]
    return span


def _locative(root: Token) -> bool:
    """The object of a place preposition, or of "of" after a direction word ("southeast of Alpine",
    "20 km north of Kirkuk")."""
    t = root
    while t.dep_ in ("compound", "conj", "appos") and t.head is not t:
        t = t.head
    if t.dep_ != "pobj":
        return False
    prep = t.head
    return prep.lower_ in LOC_PREPS or (prep.lower_ == "of" and prep.i > 0 and prep.doc[prep.i - 1].lower_ in DIRECTIONS)


def _site_at(span: Span) -> bool:
    """A site a place preposition governs ("a shooting at Umpqua Community College", "at the Freedom
    Monument", "on the campus of X University"): where something happens, even when the site is
    also a known actor."""
    if span[-1].lower_ not in SITE_WORDS:
        return False
    root = span.root  # "on the campus of Hong Kong Polytechnic University": the site's own grounds
    grounds = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in SITE_WORDS
    return grounds or _locative(root) or _place_object(root)


def _place_object(tok: Token) -> bool:
    """The object of a verb of attack, capture or visit ("visited the Karrada site", "shelled the
    Taji camp"): where the act happens."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head  # "strike the eastern suburbs and Ghouta": the list is the object
    if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.pos_ == "NOUN":
        return tok.head.head.lemma_.lower() in PLACE_OBJECT_VERBS  # "an assault on Al-Raqqah"
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in PLACE_OBJECT_VERBS


def _site_owner(span: Span) -> bool:
    """The possessor of a site ("returned to Nauru's detention camp"): where the site lies, even when
    it is a known actor."""
    return span.root.dep_ == "poss" and span.root.head.lemma_.lower() in SITE_WORDS


def _after_place_prep(span: Span) -> bool:
    """A name a place preposition governs, even inside an actor's phrase ("refugees from Nauru",
    "voters in Guam"): the phrase's place, not the actor's name."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS and root.head.i == span.start - 1


def _blocked(start: int, end: int, mentions: Sequence[Mention], min_pop: int = 0) -> bool:
    """Inside an actor mention that is not a state or a capital used for it ("Russia's Supreme
    Court", a person): a modifier of an actor, not a place of its own — except the town before a
    court, police or other local body the KB lacks ("a Berlin court"): its seat. A name NER
    did not call a place (``min_pop`` of OTHER_LABELS) is no place if it is a known actor."""
    for m in mentions:
        if m.id is None and m.sector == "UNK":
            continue  # a name the actor finder could not type ("Russian Kaliningrad") says nothing
        if m.kind == "generic" and m.text.split()[-1].lower() in SITE_WORDS:
            continue  # a site the agent files list as an actor ("Karlskrona naval base"): a place
        if m.id is None and m.kind in ("generic", "entity") and m.sector in _S["seated_sectors"] \
                and m.start <= start and m.end >= end:
            continue  # a town naming a body the KB lacks is its seat ("a Berlin court", "Odesa police")
        if min_pop >= MIN_OTHER_POPULATION and m.start < end and start < m.end and (
                m.id is not None or m.country is not None):
            return True
        # (the whole of a mention too: "London's Daily Telegraph", a province acting as its government)
        if m.start <= start and end <= m.end and ((m.end - m.start) > (end - start) or m.kind != "metonym"):
            if m.kind == "person" or (
                    (m.id is not None or m.country is not None) and not (m.id is not None and m.id == m.country)):
                return True
        if m.kind == "person" and m.start < end and start < m.end:
            return True
    return False


#: the longest stretch of text an actor mention may cover: mentions further away cannot overlap a span
MENTION_REACH = 400


def _near(mentions: Sequence[Mention], start: int, end: int) -> Sequence[Mention]:
    """The mentions (in text order) that may overlap ``[start, end)``: a window found by bisection,
    so that a place check costs the same in a long article as in a short one."""
    lo = bisect_left(mentions, start - MENTION_REACH, key=lambda m: m.start)
    hi = bisect_left(mentions, end, lo=lo, key=lambda m: m.start)
    return mentions[lo:hi]


def _known_actor(span: Span, mentions: Sequence[Mention]) -> bool:
    """The whole name of a known actor that is not a state ("in London's Daily Telegraph"): no place,
    wherever it stands."""
    lo, hi = span.start_char + (4 if span.text.lower().startswith("the ") else 0), span.end_char
    return any(m.start == lo and m.end == hi and m.kind == "name" and m.id is not None and m.country is not None
               and m.id != m.country
               for m in _near(mentions, lo, hi))


def _place_of_noun(tok: Token) -> bool:
    """"the city of X" (``tok`` is the object of "of" after a place noun), "the capital, X",
    "two towns, X and Y", "the suburbs and X"."""
    while (tok.dep_ == "conj" or (tok.dep_ == "appos" and tok.head.pos_ == "PROPN")) and tok.head is not tok:
        if tok.dep_ == "conj" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in PLACE_NOUNS \
                and tok.head.lower_ not in _S["vague_place_nouns"]:
            return True  # "the eastern suburbs and Ghouta": listed with places
        tok = tok.head  # (a list the parser strung as appositions: "the towns of X, Y, Z and W")
    if tok.dep_ in ("compound", "nmod") and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in AREA_NOUNS:
        return True  # "the Kaesong and Kumgang areas" (other place nouns: see ``_candidates``)
    if tok.dep_ == "appos":
        return tok.head.lemma_.lower() in PLACE_NOUNS
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in PLACE_NOUNS


#: verbs whose object is a place when the gazetteer knows it ("shelled Kharkiv", "visited Kabul")
PLACE_OBJECT_VERBS = frozenset(_PW["place_object_verbs"])
#: how big a town a name the NER called a person must be to be read as the place after a place
#: preposition ("in al-Bab", "fighting in Tigray")
MIN_PERSON_POPULATION = 5000


def person_named_place(ent: Span, countries: Iterable[str] = ()) -> GazPlace | None:
    """A name the small model tagged PERSON that the text uses as a place: the object of a place
    preposition ("exploded in al-Bab"; not "from", which also names a speaker), "the coast of X",
    or the name of a site ("the Zaporizhzhia nuclear plant"), when the gazetteer has a province,
    region or town of some size of that name."""
    if ent.label_ != "PERSON":
        return None
    root = ent.root
    t = root
    while t.dep_ in ("compound", "conj", "appos") and t.head is not t and t.head.pos_ == "PROPN":
        t = t.head
    site = t.dep_ in ("compound", "nmod") and t.head.pos_ == "NOUN" and (
        t.head.lemma_.lower() in SITE_WORDS | AREA_NOUNS)
    prep = t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS and t.head.lower_ not in _S["speaker_preps"]
    if not (site or prep or _place_of_noun(t) or _place_object(t)):
        return None
    return place_of(_strip(ent.text)[0] or ent.text, countries, MIN_PERSON_POPULATION, fuzzy=False)


def _conj_of_place(ent: Span, ents: Sequence[Span]) -> bool:
    """A name coordinated with a place entity ("Tell Abyad and Ras al-Ayn"): up the chain of
    conjuncts from its head word, or (for a list of towns, "Tartus, Homs, Al-Hasakah and
    Damascus") with any word of it coordinated with a town or province the gazetteer knows — not a
    country, which a name of a person or body is often listed with ("Putin and Russia")."""
    t = ent.root
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
        if any(e.label_ in PLACE_LABELS and e.start <= t.i < e.end for e in ents):
            return True
    gaz = get_gazetteer()
    for tok in ent:
        for c in tok.conjuncts:
            if ent.start <= c.i < ent.end:
                continue
            other = next((e for e in ents if e.label_ in PLACE_LABELS and e.start <= c.i < e.end), None)
            if other is not None and not any(p.kind == "country" for p in gaz.lookup_exact(_strip(other.text)[0])):
                return True
    return False


def _in_town_comma(ent: Span) -> bool:
    """A name the model called a person after "in"/"at" and followed by a comma ("in Soumpi, central
    Mali"): a place to be placed only by the province or country after the comma."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS \
        and root.head.lower_ not in _S["speaker_preps"] and ent.end < len(ent.doc) and ent.doc[ent.end].text == ","


def _candidates(doc: Doc, mentions: Sequence[Mention]) -> list[tuple[Span, int, bool]]:
    """Spans that may name a place, with the minimum population a populated place must have and
    whether the context says it is a place whatever actor finder made of it."""
    out: list[tuple[Span, int, bool]] = []
    taken: set[int] = set()
    ents = list(doc_ents(doc))
    toks = doc_tokens(doc)
    merged: list[Span] = []
    for ent in ents:  # "Steung" + "Treng Province", split by the model, are one name
        if merged and ent.label_ in PLACE_LABELS and merged[-1].label_ in PLACE_LABELS \
                and merged[-1].end == ent.start and doc[ent.start - 1].pos_ == "PROPN":
            merged[-1] = Span(doc, merged[-1].start, ent.end, label=ent.label_)
        else:
            merged.append(_with_site_noun(_trimmed(ent)))
    for ent in merged:
        if ent.label_ in PLACE_LABELS:
            span = _extend(_of_the_tail(ent))
            out.append((span, MIN_POPULATION, _place_of_noun(span.root)))
            taken.update(range(span.start, span.end))
        elif ent.label_ == "PERSON" and person_named_place(ent) is not None:
            out.append((ent, MIN_PERSON_POPULATION, True))  # "in al-Bab": the model's PERSON
            taken.update(range(ent.start, ent.end))
        elif ent.label_ == "PERSON" and (_place_of_noun(ent.root) or _conj_of_place(ent, merged)):
            # "the towns of Maar Shoreen and Hantoteen", "from Tell Abyad and Ras al-Ayn": a name in
            # a list of places, known or not (placed by the text around it)
            out.append((ent, MIN_PREP_POPULATION, True))
            taken.update(range(ent.start, ent.end))
        elif ent.label_ == "PERSON" and _in_town_comma(ent):
            out.append((ent, MIN_PERSON_POPULATION, False))
            taken.update(range(ent.start, ent.end))
        elif ent.label_ in OTHER_LABELS | {"PERSON"} and ent[-1].lower_ in SITE_WORDS and ent.root.pos_ == "PROPN":
            # (a site the model took for a person: "the Al Anad Air Base")
            out.append((ent, MIN_PREP_POPULATION, False))  # placed only by "in X" or ", X" after it
            taken.update(range(ent.start, ent.end))
    for tok in toks:
        if tok.pos_ != "PROPN" or tok.i in taken or not tok.text[:1].isupper():
            continue  # (a lower-case article opens no name of its own: "al" of "al-Shahra")
        named = _place_of_noun(tok)
        # a name after a lower-case direction word is a part of a land ("northeast Nigeria"; a
        # capital one belongs to the name: "Northern Ireland")
        directed = tok.i > 0 and doc[tok.i - 1].lower_ in DIRECTIONS and doc[tok.i - 1].is_lower \
            and doc[tok.i - 1].head.i == tok.i
        # the name before a site's lower-case noun where something happens ("an attack on Pathankot
        # air base", "fighting near Kandahar airport", "the minister visited the Karrada site")
        site = tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i \
            and tok.head.lemma_.lower() in SITE_WORDS - BORDER_WORDS and (_locative(tok.head) or _place_object(tok.head))
        if not named and not directed and not site and (tok.dep_ != "pobj" or tok.head.lower_ not in PLACE_PREPS):
            continue
        if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL") or (
                not (named or directed or site) and tok.ent_type_ in ("PERSON", "NORP")):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children)
               for c in tok.children):
            continue  # "at the University of Dhaka": the body is named by what follows "of"
        left = tok.i
        while left - 1 >= 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN" \
                and doc[left - 1].head.i >= tok.i - 3:
            left -= 1
        span = doc[left: tok.head.i + 1] if site else _extend(_with_possessor(doc[left: tok.i + 1]))
        if any(i in taken for i in range(span.start, span.end)):
            continue
        out.append((span, MIN_PREP_POPULATION, named))
        taken.update(range(span.start, span.end))
    for tok in toks:  # "the Sukma district (of Chhattisgarh)", "the al-Zahra district of Homs"
        if tok.lemma_.lower() not in PLACE_NOUNS or tok.lower_ in _S["vague_place_nouns"] or tok.i in taken:
            continue
        left = tok.i
        while left - 1 >= 0 and left <= doc[left - 1].head.i <= tok.i and doc[left - 1].dep_ in ("compound", "amod", "nmod") \
                and (doc[left - 1].pos_ == "PROPN" or (doc[left - 1].text == "-" and left - 2 >= 0
                                                       and doc[left - 2].pos_ == "PROPN")):
            left -= 1
        while left < tok.i and doc[left].pos_ == "PUNCT":
            left += 1
        if left == tok.i or any(i in taken for i in range(left, tok.i + 1)):
            continue
        if doc[left].ent_type_ in ("DATE", "TIME", "NORP", "ORG") or all(t.is_lower for t in doc[left: tok.i]):
            continue
        span = doc[left: tok.i + 1]
        out.append((span, MIN_PREP_POPULATION, True))
        taken.update(range(span.start, span.end))
    for tok in toks:  # "the Idlib and Hama governorates", "the Sibenik-Knin and Split-Dalmatia regions":
        # each name before a plural province word is a province, whatever the model made of it
        if tok.tag_ != "NNS" or tok.lemma_.lower() not in PROVINCE_WORDS:
            continue
        firsts = [c for c in tok.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" and c.i < tok.i]
        for name in firsts + [g for c in firsts for g in c.conjuncts if g.pos_ == "PROPN" and g.i < tok.i]:
            left = name.i
            while left - 1 >= 0 and left - 1 <= doc[left - 1].head.i <= name.i \
                    and (doc[left - 1].pos_ == "PROPN" or doc[left - 1].text == "-"):
                left -= 1
            if doc[left].text == "-" or any(i in taken for i in range(left, name.i + 1)):
                continue
            out.append((doc[left:name.i + 1], MIN_PREP_POPULATION, True))
            taken.update(range(left, name.i + 1))
    for tok in toks:  # "missiles hit Kyiv", "rebels captured Manbij": the object of a verb of attack,
        # capture or visit, whatever the model made of it
        if tok.pos_ != "PROPN" or tok.i in taken or not _place_object(tok):
            continue
        ent = next((e for e in merged if e.start <= tok.i < e.end), None)
        if ent is None:
            left = tok.i
            while left - 1 >= 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN":
                left -= 1
            ent = doc[left:tok.i + 1]
        if ent.label_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "NORP") \
                or any(i in taken for i in range(ent.start, ent.end)):
            continue
        out.append((ent, MIN_PERSON_POPULATION, False))
        taken.update(range(ent.start, ent.end))
    for ent in merged:
        if ent.label_ in OTHER_LABELS and not any(i in taken for i in range(ent.start, ent.end)) and (
                ent.root.pos_ == "PROPN" or _locative(ent.root)):
            # after a place preposition and no known actor ("fighting around Bakhmut", tagged ORG and
            # ADV by the small model): a town of some size; elsewhere only a big place
            known = any(m.id is not None and m.start < ent.end_char and ent.start_char < m.end
                        for m in _near(mentions, ent.start_char, ent.end_char))
            out.append((ent, MIN_PERSON_POPULATION if _locative(ent.root) and not known else MIN_OTHER_POPULATION,
                        False))
            taken.update(range(ent.start, ent.end))
    out.sort(key=lambda x: x[0].start)
    return out


def find_places(doc: Doc, mentions: Sequence[Mention] = (), countries: Iterable[str] = ()) -> list[Place]:
    """Every place ``doc`` names, in text order, offsets into ``doc.text`` (see the module
    docstring). ``mentions``: the article's actor mentions (offsets into ``doc.text``): their
    countries decide ambiguous names, and a place inside a non-state actor's name is no place.
    Pure apart from the (read-only, cached) gazetteer."""
    mentions = sorted(mentions, key=lambda m: m.start)  # in text order, for ``_near``
    ctx = set(countries)
    found_cands = _candidates(doc, mentions)
    agency = _dateline_agency(doc)  # "OTTAWA, Oct 14 (Detente Wire) -": no place in the brackets
    cands = [(s, mp, named) for s, mp, named in found_cands
             if not (agency[0] <= s.start_char < agency[1])
             and not (_known_actor(s, mentions) and not _site_at(s) and not _site_owner(s))
             and (named or _locative(s.root) or _after_place_prep(s) or _site_at(s) or _site_owner(s)
                  or (s.label_ == "PERSON" and s[-1].lower_ in SITE_WORDS)
                  or not _blocked(s.start_char, s.end_char, _near(mentions, s.start_char, s.end_char), mp))]
    # context: the countries the text names (strong), and those of the actor mentions (weak) —
    # except a mention whose country comes from a town it contains ("militants in Tripoli" → LBY
    # would decide Tripoli itself)
    gaz = get_gazetteer()
    towns: list[tuple[int, int]] = []
    provinces: set[str] = set()
    for s, _mp, _named in cands:
        every = gaz.lookup_exact(_strip(s.text)[0])
        hits = [p for p in every if p.kind == "country"]
        if hits:
            ctx.update(p.country for p in hits)
        else:
            towns.append((s.start_char, s.end_char))
            # a province or big town only one country has ("Idlib province", "California") says
            # what the story is about as an actor's country does
            if len({p.country for p in every}) == 1 and any(
                    p.kind == "adm1" or (p.kind in CITY_KINDS and p.population >= MIN_OTHER_POPULATION) for p in every):
                provinces.add(every[0].country)
    weak = {m.country for m in mentions
            if m.country and not any(m.start <= a and b <= m.end for a, b in towns)} | provinces
    # a state's demonym ("Canadian", "Canadian prosecutors") says what the story is about as its name does
    tok_at = token_at(doc)
    ctx.update(m.country for m in mentions if m.country and (m.kind == "demonym" or (
        m.kind == "compositional" and m.start in tok_at and doc[tok_at[m.start]].ent_type_ == "NORP")))
    fctx = frozenset(c for c in ctx if c)
    wctx = frozenset(c for c in weak if c) - fctx
    places: list[Place] = []
    unresolved: list[tuple[Span, str]] = []
    for span, min_pop, named in cands:
        said = said_country(span, mentions)
        found = _span_place(span, fctx, min_pop, wctx, said)
        if found is not None and said is not None and found[1].country != said and found[1].kind != "country" \
                and (there := _in_country(span, said)) is not None:
            places.append(there)  # "the Libyan oil port of X": a place of Libya the gazetteer lacks
            continue
        if found is None:
            # how sure the text is that it names a place decides how far a known place may
            # locate it: "the village of X", a site, a LOC, "in X" — by the sentence or the
            # article; a bare GPE — by a place right after it or in its phrase; a name NER
            # did not call a place — by a province or country right after it only
            if min_pop >= MIN_OTHER_POPULATION:
                how = "qualified"
            elif named or span.label_ in ("LOC", "FAC") or span[-1].lower_ in PLACE_NOUNS or _site_at(span) \
                    or (span.label_ == "GPE" and _locative(span.root)):  # "an attack in Alatona"
                how = "any"
            else:
                how = "adjacent"
            unresolved.append((span, how))
            continue
        sub, p = found
        if _actor_not_place(sub, p, _near(mentions, sub.start_char, sub.end_char)) and p.country != said:
            continue  # (a place the text puts in a country is one: "the U.S. state of Georgia")
        owner = _possessor_place(span, places)
        if owner is not None and owner.country != p.country and p.precision != "country":
            # "Mogadishu's Lido beach" is no Lido Beach, New York: placed by its possessor
            unresolved.append((span, "any"))
            continue
        text = sub.text
        start = sub.start_char
        # "the" is not part of the name as written
        if sub[0].lower_ == "the" and len(sub) > 1:
            start = sub[1].idx
            text = doc_text(doc)[start: sub.end_char]
        places.append(Place(
            name=text, start=start, end=sub.end_char, geonames_id=p.geonames_id, country=p.country,
            admin1=p.admin1, lat=p.lat, lon=p.lon, precision=p.precision, feature=p.feature,
            population=p.population, root=sub.root.i, locative=_locative(sub.root)))
    located = list(places)
    for span, how in unresolved:
        if fold(span.text) in NOT_PLACES or any(t.lower_ in WATER_WORDS for t in span):
            continue
        if how == "adjacent" and len([t for t in span if t.lower_ != "the"]) == 1:
            how = "comma"  # one unknown word ("Nijjar"): placed only by ", Province" after it
        place = _qualified(span, located)
        if place is None and how != "qualified":
            place = _located(span, located, adjacent_only=how in ("adjacent", "comma"),
                             comma_only=how == "comma")
        if place is None and how == "any":
            place = _in_actors_country(span, mentions)
        if place is not None:
            places.append(place)
    places.extend(_before_known(doc, places, mentions))
    places.extend(_demonym_territory(doc, places, mentions))
    places.extend(_borders(doc, places, mentions))
    places.sort(key=lambda p: p.start)
    return _coordinated(doc, _one_country_lists(doc, _contained(doc, places, mentions)))


def _one_country_lists(doc: Doc, places: list[Place]) -> list[Place]:
    """Three or more towns listed together lie in one country: the one that has them all (where
    several do, the one where they are biggest together: "Manchester, Birmingham and Nottingham" in
    a story that also names America are English); members placed elsewhere are read as their
    namesakes there (the largest of each)."""
    by_root = {p.root: k for k, p in enumerate(places) if p.root is not None and p.precision == "city"}
    gaz = get_gazetteer()
    out = list(places)
    done: set[int] = set()
    for r, k in by_root.items():
        if k in done:
            continue
        group = sorted({by_root[t.i] for t in doc[r].conjuncts if t.i in by_root} | {k})
        done.update(group)
        if len(group) < 3 or len({places[g].country for g in group}) == 1:
            continue
        have: dict[str, dict[int, GazPlace]] = {}
        for g in group:
            for c in {x.country for x in gaz.lookup_exact(places[g].name) if x.country}:
                there = best([x for x in gaz.lookup_exact(places[g].name) if x.country == c
                              and x.kind in CITY_KINDS and x.population >= MIN_PREP_POPULATION])
                if there is not None:
                    have.setdefault(c, {})[g] = there
        full = [c for c, got in have.items() if len(got) == len(group)]
        if not full:
            continue
        # several countries have them all: the one where they are biggest together
        top = max(full, key=lambda c: sum(math.log10(x.population + 10) for x in have[c].values()))
        for g, there in have[top].items():
            if places[g].country != top:
                out[g] = _as_namesake(places[g], there)
    return out


def _container(doc: Doc, p: Place, places: Sequence[Place], mentions: Sequence[Mention],
               at: dict[int, int] | None = None) -> tuple[Place | None, str | None]:
    """What the text says ``p`` lies in: the state of a demonym right before it ("Iraqi
    Kurdistan"), else a place right after it, linked by a comma, "in", "of" or "near" over place
    nouns, directions and articles ("the Al-Mansoura district in the port city of Aden") — as
    (that place, ``p`` itself for a demonym, or None; its country). ``at``: the index in ``places``
    of the place starting at each offset (built here when not given)."""
    if at is None:
        at = _starts(places)
    tok_at = token_at(doc)
    i = tok_at.get(p.start)
    if i is None:
        return None, None
    if i > 0:
        before = doc[i - 1]
        for m in _near(mentions, before.idx, before.idx + 1):
            if m.start == before.idx and m.country and (m.kind == "demonym" or (
                    m.kind == "compositional" and m.end >= p.end and m.why.startswith("demonym"))):
                return p, m.country
    j = p.root if p.root is not None else i
    while j < len(doc) and doc[j].idx < p.end:
        j += 1
    links = 0
    skip = PLACE_NOUNS | DIRECTIONS | CITY_WORDS | PROVINCE_WORDS | set(_S["name_articles"])
    while j < len(doc) and j - i < 12:
        t = doc[j]
        if links and t.idx in at and places[at[t.idx]] is not p:
            break  # a place opening with a skipped word ("of North Sumatra")
        if t.lower_ in _S["container_links"]:
            links += 1
        elif t.lower_ not in skip and not (t.is_lower and t.pos_ == "ADJ"):
            break
        j += 1
    if not links or j >= len(doc):
        return None, None
    q = places[at[doc[j].idx]] if doc[j].idx in at else None
    return (q, q.country) if q is not None and q is not p and q.country else (None, None)


def _starts(places: Sequence[Place]) -> dict[int, int]:
    """The index of the first place starting at each offset."""
    at: dict[int, int] = {}
    for k, q in enumerate(places):
        at.setdefault(q.start, k)
    return at


def _as_namesake(p: Place, g: GazPlace) -> Place:
    """The place ``p`` as written, read as the gazetteer's entry ``g`` instead."""
    return Place(name=p.name, start=p.start, end=p.end, geonames_id=g.geonames_id, country=g.country,
                 admin1=g.admin1, lat=g.lat, lon=g.lon, precision=g.precision, feature=g.feature,
                 population=g.population, root=p.root, locative=p.locative)


def _province_after_town(doc: Doc, town: Place, p: Place) -> Place | None:
    """"Atlanta, Georgia": a country's name right after a town of another country and a comma is
    the town's province of that name, where there is one."""
    between = doc_text(doc)[town.end:p.start]
    if town.precision != "city" or town.country == p.country or between.strip() != ",":
        return None
    alt = best([g for g in get_gazetteer().lookup_exact(p.name) if g.country == town.country and g.kind == "adm1"])
    if alt is None:
        return None
    return _as_namesake(p, alt)


def _province_named(name: str, p: Place) -> bool:
    """Whether ``name`` (a country's name) also names the province ``p`` lies in (the US state of
    Georgia for a town of Georgia, USA)."""
    return any(g.kind == "adm1" and g.country == p.country and (p.admin1 is None or g.admin1 == p.admin1)
               for g in get_gazetteer().lookup_exact(name))


def _contained(doc: Doc, places: list[Place], mentions: Sequence[Mention]) -> list[Place]:
    """A town or province the text puts inside another country (see ``_container``) is its namesake
    there ("Nara, Mali"; "Tripoli, Lebanon"); with none there, it is a place of that container the
    gazetteer lacks, placed by it (no GeoNames id) — unless the name is a big place and the container
    a mere country name ("Atlanta, Georgia" is no place in the state of Georgia)."""
    gaz = get_gazetteer()
    # from the last place back, so that a place is put in its container as corrected by the place
    # after it ("the village of X in the Y Regency of North Sumatra")
    out = list(places)
    at = _starts(places)
    for k in reversed(range(len(places))):
        p = places[k]
        if p.precision == "country" and k and (alt := _province_after_town(doc, places[k - 1], p)) is not None:
            out[k] = alt
            continue
        if p.precision == "country" or p.country is None:
            continue
        q, country = _container(doc, p, out, mentions, at)
        if country is None or country == p.country:
            continue
        demonym, q = q is p, (None if q is p else q)
        if q is not None and q.precision == "country" and _province_named(q.name, p):
            continue  # "Douglasville, Georgia": the town's own province, not the country
        there = best([g for g in gaz.lookup_exact(p.name) if g.country == country and g.kind != "country"])
        if there is not None:
            out[k] = _as_namesake(p, there)
        elif demonym or (q is not None and q.precision != "country") or p.population < MIN_OTHER_POPULATION:
            anchor = q if q is not None else gaz.country(country)
            if anchor is None:
                continue
            precision = max(p.precision, "city" if q is None else q.precision, key=lambda x: _COARSE[x]) \
                if q is not None else ("province" if p.precision == "province" else "city")
            out[k] = Place(name=p.name, start=p.start, end=p.end, geonames_id=None, country=country,
                           admin1=anchor.admin1 if q is not None else None, lat=anchor.lat, lon=anchor.lon,
                           precision=precision, feature="", population=0, root=p.root, locative=p.locative)
    return out


def _possessor_place(span: Span, places: Sequence[Place]) -> Place | None:
    """The place a name is said to belong to by a possessive right before it ("Mogadishu's Lido
    beach", "Kabul's Green Zone")."""
    doc = span.doc
    i = span.start + (span[0].lower_ == "the")
    if i < 1 or doc[i - 1].lower_ not in ("'s", "\u2019s"):
        return None
    at = doc[i - 1].idx
    return next((p for p in places if p.end in (at, at + len(doc[i - 1]))), None)


def _demonym_territory(doc: Doc, places: Sequence[Place], mentions: Sequence[Mention]) -> list[Place]:
    """"Venezuelan territorial waters", "Japanese airspace": a demonym before a word of a state's
    territory is that state as a place."""
    out: list[Place] = []
    tok_at = token_at(doc)
    for m in mentions:
        i = tok_at.get(m.start)
        if m.kind != "demonym" or not m.country or i is None:
            continue
        head = doc[i].head
        if head.i <= i or not {head.lemma_.lower(), head.lower_} & TERRITORY_NOUNS or head.i - i > 3 \
                or any(p.start < head.idx + len(head) and m.start < p.end for p in places):
            continue
        g = get_gazetteer().country(m.country)
        if g is None:
            continue
        span = doc[i:head.i + 1]
        out.append(Place(name=span.text, start=span.start_char, end=span.end_char, geonames_id=g.geonames_id,
                         country=g.country, admin1=None, lat=g.lat, lon=g.lon, precision=g.precision,
                         feature=g.feature, population=g.population, root=head.i, locative=_locative(head)))
    return out


#: "the Syria–Turkey border", "its Syrian border", "the border with Syria"
BORDER_WORDS = frozenset(_PW["border_words"])


def _borders(doc: Doc, places: Sequence[Place], mentions: Sequence[Mention]) -> list[Place]:
    """A border the text names by its states ("the Colombia–Venezuela border", "its Syrian
    border", "the border with Syria") is a place on the side of the state acting at it: the first
    actor of the sentence with a country, when the border names that state or names one other
    state only that is its neighbour (``gazetteer.neighbours``); else the first state it names. Precision province, at that state's coordinates."""
    out: list[Place] = []
    covered = [(p.start, p.end) for p in places]
    for tok in doc_tokens(doc):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in BORDER_WORDS:
            continue
        mods = [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i]
        left = min((c.left_edge.i for c in mods), default=tok.i)
        right = tok.i + 1
        for c in tok.children:  # "the border with Syria"
            if c.dep_ == "prep" and c.lower_ == "with":
                right = max([right, *(g.right_edge.i + 1 for g in c.children if g.dep_ == "pobj")])
        if left == tok.i and right == tok.i + 1:
            continue
        lo, hi = doc[left].idx, doc[right - 1].idx + len(doc[right - 1])
        named = [m.country for m in sorted(mentions, key=lambda m: m.start)
                 if lo <= m.start and m.end <= hi and m.country and (m.kind == "demonym" or m.id == m.country)]
        named += [p.country for p in places if lo <= p.start and p.end <= hi and p.precision == "country"
                  and p.country and p.country not in named]
        if not named or any(a <= lo and hi <= b for a, b in covered):
            continue
        sent = tok.sent
        actor = next((m for m in sorted(mentions, key=lambda m: m.start)
                      if sent.start_char <= m.start < sent.end_char and m.country
                      and not (lo <= m.start < hi) and m.kind != "coref"), None)
        # (a state's border named by its neighbour: "Turkey closed its Syrian border" is Turkey's side;
        # a state that borders none of those named acts across another's: "US troops near the
        # Syrian border" are at Syria's)
        # a possessor says whose side it is: "Singapore closed its Malaysian border" (the acting
        # state's), "Bahrain's Saudi border"; the neighbours decide only without one
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        owner = None
        if poss is not None and poss.lower_ in word_sets("actors")["possessive_pronouns"]:
            owner = actor.country if actor is not None else None
        elif poss is not None:
            owner = next((m.country for m in mentions if m.country and m.start <= poss.idx < m.end), None)
        if owner is not None:
            country = owner
        else:
            country = actor.country if actor is not None and (actor.country in named or (
                len(named) == 1 and named[0] in neighbours(actor.country))) else named[0]
        g = get_gazetteer().country(country)
        if g is None:
            continue
        span = doc[left:right]
        name, start = _name_span(span)
        out.append(Place(name=name, start=start, end=span.end_char, geonames_id=None, country=country,
                         admin1=None, lat=g.lat, lon=g.lon, precision="province", feature="",
                         population=0, root=tok.i, locative=_locative(tok)))
    return out


def _before_known(doc: Doc, places: Sequence[Place], mentions: Sequence[Mention]) -> list[Place]:
    """"Mashhad in northeastern Iran", "Kuchlak, Balochistan": a capitalised name the parser
    missed, right before "in" or a comma and a known place, is the namesake that lies there."""
    out: list[Place] = []
    starts = {p.start for p in places}
    covered = [(p.start, p.end) for p in places] + [
        (m.start, m.end) for m in mentions if m.id is not None or m.country is not None or m.kind == "person"]
    tok_at = token_at(doc)
    for anchor in places:
        i = tok_at.get(anchor.start)
        if i is None or i < 2 or doc[i - 1].lower_ not in (",", "in"):
            continue
        j = k = i - 1
        while k - 1 >= 0 and k > j - 3 and doc[k - 1].is_title and doc[k - 1].is_alpha \
                and doc[k - 1].ent_type_ not in ("PERSON", "ORG", "NORP", "DATE"):
            k -= 1
        if k == j:
            continue
        span = doc[k:j]
        if span.start_char in starts or any(a < span.end_char and span.start_char < b for a, b in covered):
            continue
        name, _start = _name_span(span)
        for g in get_gazetteer().lookup_exact(name):
            if g.country != anchor.country or g.kind == "country" or (
                    anchor.precision == "province" and g.admin1 not in (None, anchor.admin1)):
                continue
            out.append(Place(name=name, start=span.start_char, end=span.end_char, geonames_id=g.geonames_id,
                             country=g.country, admin1=g.admin1, lat=g.lat, lon=g.lon, precision=g.precision,
                             feature=g.feature, population=g.population, root=span.root.i,
                             locative=_locative(span.root)))
            break
    return out


def _coordinated(doc: Doc, places: list[Place]) -> list[Place]:
    """A country's name among coordinated provinces or towns of one other country is that
    country's namesake ("Nevada, Pennsylvania, Michigan and Georgia": the US state)."""
    by_root = {p.root: p for p in places if p.root is not None}
    out = []
    for p in places:
        if p.precision == "country" and p.root is not None:
            others = [by_root[t.i] for t in doc[p.root].conjuncts if t.i in by_root]
            cs = {o.country for o in others if o.precision != "country"}
            if len(others) >= 2 and len(cs) == 1 and all(o.precision != "country" for o in others) \
                    and (c := next(iter(cs))) != p.country:
                alt = best([g for g in get_gazetteer().lookup_exact(p.name)
                            if g.country == c and g.kind in ADMIN_KINDS | CITY_KINDS])
                if alt is not None:
                    p = _as_namesake(p, alt)
        out.append(p)
    return out


def _dateline_agency(doc: Doc) -> tuple[int, int]:
    m = re.match(r"^\s*[A-Z][A-Za-z\u00C0-\u024F.'/\- ]{1,40}(?:,[^()\n]{1,40})?\s*(\([^)\n]{2,60}\))", doc_text(doc)[:160])
    return (m.start(1), m.end(1)) if m else (0, 0)


def _actor_not_place(span: Span, p: GazPlace, mentions: Sequence[Mention]) -> bool:
    """A name the actor finder read, in full, as something else: an organisation ("EU"), a
    demonym ("Ukrainian"), an institution or metonym of another country than the namesake place
    ("White House" is no village in Morocco, "US" no town in France)."""
    s, e = span.start_char, span.end_char
    if span[0].lower_ == "the" and len(span) > 1:
        s = span[1].idx
    for m in mentions:
        if not (m.start <= s and e <= m.end and m.start >= span.start_char - 4 and m.end <= e + 3):
            continue
        if m.id is None and m.sector == "UNK" and m.kind != "demonym":
            continue  # a name the actor finder could not type ("Iraqi Kurdistan") says nothing
        if m.kind == "demonym":
            return True
        if m.id is not None or m.country is not None:
            if m.country is None or (m.country != p.country):
                return True
    return False


_COARSE = {"city": 0, "province": 1, "country": 2}


def _name_span(span: Span) -> tuple[str, int]:
    if span[0].lower_ == "the" and len(span) > 1:
        return doc_text(span.doc)[span[1].idx: span.end_char], span[1].idx
    return span.text, span.start_char


def _qualified(span: Span, places: Sequence[Place]) -> Place | None:
    """"Assabu, Hokkaido", "Kuchlak, Balochistan Province": a small town the gazetteer has, named
    with its province or country right after it — the namesake that lies there."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    after = next((p for p in places if p.start == doc[span.end + 1].idx), None)
    if after is None:
        return None
    base, kinds, _part = _strip(_name_span(span)[0])
    for p in get_gazetteer().lookup_exact(base):
        if p.country != after.country or (kinds is not None and p.kind not in kinds):
            continue
        if after.precision == "province" and p.admin1 not in (None, after.admin1):
            continue
        name, start = _name_span(span)
        return Place(name=name, start=start, end=span.end_char, geonames_id=p.geonames_id, country=p.country,
                     admin1=p.admin1, lat=p.lat, lon=p.lon, precision=p.precision, feature=p.feature,
                     population=p.population, root=span.root.i, locative=_locative(span.root))
    return None


def _located(span: Span, places: Sequence[Place], adjacent_only: bool = False,
             comma_only: bool = False) -> Place | None:
    """A place the gazetteer lacks (a village, a site), placed where the text puts it
    (``_anchor``): the anchor's country, admin-1 and coordinates, no GeoNames id; precision the
    coarser of the anchor's and the span's own (a site or village is a city, a LOC a province)."""
    anchor = _anchor(span, places, adjacent_only, comma_only)
    if anchor is None:
        return None
    own = "province" if span.label_ == "LOC" and span[-1].lower_ not in SITE_WORDS else "city"
    precision = max(own, anchor.precision, key=lambda x: _COARSE[x])
    name, start = _name_span(span)
    return Place(name=name, start=start, end=span.end_char, geonames_id=None, country=anchor.country,
                 admin1=anchor.admin1 if precision != "country" else None, lat=anchor.lat, lon=anchor.lon,
                 precision=precision, feature="", population=0, root=span.root.i,
                 locative=_locative(span.root))


def _in_actors_country(span: Span, mentions: Sequence[Mention]) -> Place | None:
    """A site or region the gazetteer lacks, with no known place to locate it by ("the Western
    Desert", "Tiran Island"): the state its name names ("the Korean Peninsula"), else the country of
    the first actor its sentence names with one (not a news outlet: "according to AFP") ("Egyptian security forces … in the Western
    Desert"), at the country's coordinates."""
    sent = span.sent
    ordered = sorted(mentions, key=lambda m: m.start)
    # a state the name itself names ("the Korean Peninsula") before the sentence's actors
    first = next((m for m in ordered if span.start_char <= m.start and m.end <= span.end_char and m.country
                  and (m.kind == "demonym" or m.id == m.country)), None) \
        or next((m for m in ordered if sent.start_char <= m.start < sent.end_char and m.country
                 and m.sector not in _S["placeless_sectors"]
                 and not (span.start_char <= m.start < span.end_char)), None)
    return _in_country(span, first.country) if first is not None else None


def _in_country(span: Span, country: str) -> Place | None:
    """A place the gazetteer lacks, placed in ``country`` at the country's coordinates."""
    g = get_gazetteer().country(country)
    if g is None:
        return None
    name, start = _name_span(span)
    own = "province" if span.label_ == "LOC" and span[-1].lower_ not in SITE_WORDS else "city"
    return Place(name=name, start=start, end=span.end_char, geonames_id=None, country=g.country,
                 admin1=None, lat=g.lat, lon=g.lon, precision=own, feature="", population=0,
                 root=span.root.i, locative=_locative(span.root))


def _anchor(span: Span, places: Sequence[Place], adjacent_only: bool = False,
            comma_only: bool = False) -> Place | None:
    """The known place an unknown one lies in, by the text: "Baledogle, Lower Shabelle",
    "the Corinthia Hotel in Tripoli" (a place in the span's subtree or right after it), else the
    nearest town or province of its sentence, else (none in the sentence) the article's nearest
    place before it, else after it."""
    sent = span.sent
    inside = [p for p in places if sent.start_char <= p.start and p.end <= sent.end_char]
    if not inside:
        return None if adjacent_only else _article_anchor(span, places)
    doc = span.doc
    if comma_only:  # "Kuchlak, Balochistan Province"
        j = span.end + 1  # (a direction word between: "Soumpi, central Mali")
        while j < len(doc) - 1 and doc[j].lower_ in DIRECTIONS:
            j += 1
        if j < len(doc) and doc[span.end].text == ",":
            return next((p for p in inside if doc[span.end + 1].idx <= p.start <= doc[j].idx
                         and p.precision != "city"), None)
        return None
    right = span.end
    while right < len(doc) and doc[right].text in (",", "(", "in", "near", "of"):
        right += 1
    for p in inside:
        if right < len(doc) and p.start == doc[right].idx:
            return p
    head = span.root  # "the Green Zone sector of Iraq's capital": the phrase the name modifies
    while head.dep_ == "compound" and head.head is not head and head.head.pos_ == "NOUN":
        head = head.head
    for p in inside:
        if p.root is not None and head.left_edge.i <= p.root <= head.right_edge.i \
                and not (span.start <= p.root < span.end):
            return p
    if adjacent_only:
        return None
    towns = [p for p in inside if p.precision != "country" and p.root is not None]
    if towns:
        return min(towns, key=lambda p: abs(p.root - span.root.i))
    return None


def _article_anchor(span: Span, places: Sequence[Place]) -> Place | None:
    """Outside the sentence: the nearest place before the span, else the first after it."""
    before = [p for p in places if p.end <= span.start_char]
    if before:
        return before[-1]
    after = [p for p in places if p.start >= span.end_char]
    return after[0] if after else None


# ------------------------------------------------------------------------------ event locations

DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z\u00C0-\u024F.'\- ]{1,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z .]{1,30}?))?"
    r"\s*(?:\((?P<agency>[A-Za-z .&]{2,30})\))?\s*[\u2014\u2013:-]{1,2}\s")


def dateline_place(doc: Doc) -> Place | None:
    """"KABUL, Afghanistan (Reuters) — …": the dateline's place (upper-case names, or any name
    followed by an agency in brackets)."""
    m = DATELINE.match(doc_text(doc)[:120])
    if m is None:
        return None
    name = m.group("place").strip()
    if not (name.isupper() or m.group("agency")) or len(name) < 3:
        return None
    region = m.group("region")
    ctx: list[str] = []
    if region:
        rp = place_of(region, min_population=0)
        if rp is not None and rp.country:
            ctx.append(rp.country)
    p = place_of(name.title() if name.isupper() else name, ctx)
    if p is None:
        return None
    start = m.start("place")
    return Place(name=doc_text(doc)[start: start + len(name)], start=start, end=start + len(name),
                 geonames_id=p.geonames_id, country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon,
                 precision=p.precision, feature=p.feature, population=p.population)


def article_fallback(doc: Doc, places: Sequence[Place]) -> Place | None:
    """Where an article's events happen when their sentence names no place: the dateline's place,
    else the first place the article names as a location ("in X"), else its first town or
    province."""
    d = dateline_place(doc)
    if d is not None:
        return d
    for p in places:
        if p.locative:
            return p
    for p in places:
        if p.precision != "country":
            return p
    return None


def trigger_index(sent: Span, trigger: str | None) -> int | None:
    """The token of ``sent`` an event's trigger text starts with (its first word; a verb or noun
    preferred)."""
    words = (trigger or "").split()
    if not words:
        return None
    word = words[0]
    hits = [t for t in span_tokens(sent) if t.text == word]
    if not hits:
        return None
    for t in hits:
        if t.pos_ in ("VERB", "AUX", "NOUN"):
            return t.i
    return hits[0].i


def _in_subtree(tok: Token, head: Token) -> bool:
    return head.left_edge.i <= tok.i <= head.right_edge.i


def event_location(sent: Span, trigger_i: int | None, places: Sequence[Place],
                   actor_spans: Sequence[tuple[int, int]] = (), fallback: Place | None = None,
                   ) -> tuple[Place | None, str | None]:
    """The place the text gives an event whose sentence is ``sent`` and trigger token
    ``trigger_i``, and where it came from (``"sentence"``, ``"article"`` or None).

    In the sentence, best first: a place after a place preposition attached to the trigger or to
    its object ("shelled a theatre in Mariupol"); one inside the trigger's clause; any place
    named as a location in the sentence; a town or province named otherwise ("shelled Mariupol").
    A country that is the event's source or target (``actor_spans``) is an actor, not a place.
    Ties go to the place nearest the trigger. With nothing in the sentence: ``fallback`` (the
    dateline's place, else the article's first place; see ``article_fallback``)."""
    doc = sent.doc
    trig = doc[trigger_i] if trigger_i is not None else None
    best_p, best_key = None, None
    for p in places:
        if p.start < sent.start_char or p.end > sent.end_char or p.root is None:
            continue
        if p.precision == "country" and not p.locative and any(
                s < p.end and p.start < e for s, e in actor_spans):
            continue
        root = doc[p.root]
        score = 0
        if p.locative:
            score = 2
            t = root
            while t.dep_ in ("compound", "conj", "appos") and t.head is not t:
                t = t.head
            prep_head = t.head.head
            if trig is not None and (prep_head.i == trig.i or prep_head.head.i == trig.i
                                     or (prep_head in trig.children)):
                score = 4
            elif trig is not None and _in_subtree(root, trig):
                score = 3
        elif p.precision != "country":
            score = 1
        else:
            continue
        dist = abs(root.i - trig.i) if trig is not None else 0
        fine = {"city": 2, "province": 1}.get(p.precision, 0)
        key = (score, fine, -dist)
        if best_key is None or key > best_key:
            best_p, best_key = p, key
    if best_p is not None:
        return best_p, "sentence"
    if fallback is not None:
        return fallback, "article"
    return None, None
