"""Actor mentions in a parsed document.

1. Two PhraseMatchers over every name form of the KB — ``LOWER`` for names, ``ORTH`` for acronyms
   ("US", "WHO") — and one over the sector nouns; built once per KB and vocabulary (cached).
   A name must be capitalised in the text (proper nouns only: "turkey" is not Turkey).
2. Longest match wins; overlapping shorter matches are dropped.
3. Context: "<actor>-backed …" is not the actor (dropped); "<actor>-appointed ambassador" stays the
   actor; capital metonyms used as places ("in Kabul", "a Moscow lawyer", datelines) are dropped.
4. Composition with a sector noun the name modifies: "Russia's Supreme Court", "the Russian
   foreign ministry", "Chile's Ministry of Mines", "the president of Afghanistan"; titles before a
   person ("Russian President Vladimir Putin") join the person.
5. Coreference (``detente.actors.coref``).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from detente.actors.kb import MATCHED_HOWS, ActorKB, AliasHit, SectorNoun, core, demonym_plural, fold
from detente.actors.keys import plural_people_noun
from detente.actors.resolve import (AGENT_PARTICIPLES, DEFAULT_COUNTRY, GUESSED_COUNTRY, OTHER_PARTICIPLES,
                                    PHRASE_READERS, STANCE_HOWS, Resolution, compose, from_hit, guessed_by,
                                    located_by, stance_prefixed)
from detente.actors.schema import STATE_SECTORS
from detente.models import Mention
from detente.nlp import doc_ents, doc_text, doc_tokens
from detente.wordlists import word_sets, words

_AW = words("actors")
_S = word_sets("actors")

# a capital after these is a place ("in Kabul", "flights from Moscow"); after "on", "against", "with",
# "toward", "between" it is the government ("an attack on Kyiv", "called on Islamabad", "talks with
# Beijing", "talks between Moscow and Kyiv")
LOCATIVE_PREPS = frozenset(_AW["locative_preps"])
# words that make a region its separatist authority: "the separatist government of Chechnya",
# "Chechen separatists", "rebels in Donbas", "the breakaway region's leaders"
SEPARATIST_WORDS = frozenset(_AW["separatist_words"])


@dataclass
class _Matchers:
    vocab: object
    names: PhraseMatcher
    acronyms: PhraseMatcher
    nouns: PhraseMatcher
    regions: PhraseMatcher


def _build(kb: ActorKB, vocab) -> _Matchers:
    import spacy

    tokenizer = spacy.blank("en", vocab=vocab).tokenizer
    names = PhraseMatcher(vocab, attr="LOWER")
    acronyms = PhraseMatcher(vocab, attr="ORTH")
    lower: dict[str, set[str]] = {}
    orth: dict[str, set[str]] = {}
    for k, hits in kb.index.items():
        for h in hits:
            if h.how not in MATCHED_HOWS:
                continue
            text = core(h.alias)
            if not text:
                continue
            (orth if h.case_sensitive else lower).setdefault(k, set()).add(text if h.case_sensitive else text.lower())
            if not h.case_sensitive and not text.isascii():
                lower[k].add(fold(text))  # matched in a text folded of its accents too (``_names``)
            if h.case_sensitive and h.alias.rstrip().endswith(".") and core(h.alias) != h.alias.strip():
                # "U.S." is one token with its final dot; ``core`` strips that dot
                orth[k].add(h.alias.strip())
    for table, matcher in ((lower, names), (orth, acronyms)):
        for k, texts in table.items():
            matcher.add(k, list(tokenizer.pipe(sorted(texts))))
    nouns = PhraseMatcher(vocab, attr="LOWER")
    for k in kb.nouns:
        nouns.add(k, [tokenizer(k)])
    regions = PhraseMatcher(vocab, attr="LOWER")
    for k in kb.regions:
        regions.add(k, [tokenizer(k)])
    return _Matchers(vocab, names, acronyms, nouns, regions)


def matchers(kb: ActorKB, vocab) -> _Matchers:
    """The matchers of ``kb`` for ``vocab``, built on first use and cached on the KB."""
    m = kb._matchers.get(id(vocab))
    if m is None or m.vocab is not vocab:
        m = kb._matchers[id(vocab)] = _build(kb, vocab)
    return m


@dataclass
class _Found:
    span: Span
    hit: AliasHit
    res: Resolution
    kind: str
    drop: bool = False


_MONTH_NAME = re.compile(r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
                         r"sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?", re.I)
# a year or a month's name anywhere in a text, looser than the test of an expression's words below
# (no word boundary asked before them): where the text has none, no expression can pass that test
_CALENDAR_WORDS = re.compile(r"(?<!\d)(1[89]|20)\d\d(?!\d)|" + _MONTH_NAME.pattern.removeprefix(r"\b"), re.I)


def _said_on(span: Span, on: dt.date | None) -> dt.date | None:
    """The date a person's role is read on: the sentence's own date when it names one to the month
    or day before publication ("In December 2024, al-Sharaa met …" is the HTS leader, not the later
    president); else ``on``."""
    if on is None or not _CALENDAR_WORDS.search(doc_text(span.doc)):
        return on
    from detente.dates import date_for

    verb = span.root
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    try:
        te = date_for(span.sent, verb.i, on)
    except Exception:  # dating is a refinement here; a failure must not lose the mention
        return on
    # only a calendar date ("in December 2024", "in December", "on January 3"): relative ones
    # ("on Monday", "last month") hang on sentence boundaries, which the fast path may draw differently
    if te is None or te.date is None or te.future or te.kind not in ("point", "span") \
            or te.date.precision not in ("month", "day") \
            or not (re.search(r"\b(1[89]|20)\d\d\b", te.text) or _MONTH_NAME.search(te.text)):
        return on
    d = te.date.last_day()  # "in December 2024": as things stood by then
    return d if d < on else on


class _ByStart:
    """Positions (in list order) of items by their start token: which start in ``[lo, hi)``, by
    bisection instead of a walk over every mention of the document for each one."""

    def __init__(self, starts: list[int]) -> None:
        self.order = sorted(range(len(starts)), key=lambda k: starts[k])
        self.keys = [starts[k] for k in self.order]

    def between(self, lo: int, hi: int) -> list[int]:
        return sorted(self.order[bisect_left(self.keys, lo):bisect_left(self.keys, hi)])


def _merge_same_actor(kb: ActorKB, matches: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Overlapping matches of one person join into one span: "President Xi" and "Xi Jinping" in
    "President Xi Jinping" are one mention, not two halves of which only one survives."""
    def person(k: str, cs: bool) -> str | None:
        hs = [h for h in kb.index.get(k, []) if h.how == "person" and h.case_sensitive == cs]
        return hs[0].actor if hs else None

    out = list(matches)
    by_start = _ByStart([m[0] for m in matches])
    for a in matches:
        pa = person(a[2], a[3])
        if pa is None:
            continue
        for k in by_start.between(a[0] + 1, a[1]):  # the matches that start inside ``a``
            b = matches[k]
            if b is a or not (a[0] < b[0] < a[1] < b[1]) or person(b[2], b[3]) != pa:
                continue
            out.append((a[0], b[1], b[2], b[3]))
    return out


def _longest(matches: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    taken: set[int] = set()
    out = []
    for s, e, k, cs in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0])):
        if any(i in taken for i in range(s, e)):
            continue
        taken.update(range(s, e))
        out.append((s, e, k, cs))
    return sorted(out)


def noun_spans(doc: Doc, kb: ActorKB) -> dict[int, tuple[Span, SectorNoun]]:
    """Sector-noun phrases of the doc by start token (longest first; only nouns, not verbs)."""
    m = matchers(kb, doc.vocab)
    found = []
    for mid, s, e in m.nouns(doc):
        span = doc[s:e]
        if span[-1].pos_ not in ("NOUN", "PROPN") and span.root.pos_ not in ("NOUN", "PROPN"):
            continue
        found.append((s, e, doc.vocab.strings[mid], False))
    return {s: (doc[s:e], kb.nouns[k]) for s, e, k, _ in _longest(found)}


def _is_place(span: Span) -> bool:
    """A capital used as a place, not as its government: "in Kabul", "a Moscow lawyer", datelines."""
    root = span.root
    first = span[0]
    if span.text.isupper() and len(span.text) > 3 and (first.is_sent_start or first.i == 0
                                                      or (span.end < len(span.doc) and span.doc[span.end].text in ",/")):
        return True
    if root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i > root.i:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return True
    return False


def _attached(a: Span, b: Span) -> bool:
    """Whether span ``a`` modifies (is a dependent inside) the phrase ``b``."""
    h = a.root.head
    for _ in range(3):
        if b.start <= h.i < b.end:
            return True
        if h.head is h:
            break
        h = h.head
    return False


def _plural_people(kb: ActorKB, hit) -> bool:
    """A state's demonym in the plural ("Israelis", "Russians") names its people; so does a plural
    noun listed as a demonym as it is ("Czechs", "Poles", "Frenchmen")."""
    actor = kb.actors.get(hit.actor)
    if actor is None or actor.kind not in ("state", "historic_state"):
        return False
    listed_plural = hit.alias in actor.demonyms and plural_people_noun(hit.alias)
    return listed_plural or any(demonym_plural(d) == hit.alias for d in actor.demonyms)


def _people_modified(kb: ActorKB, span, res):
    """"undocumented Afghans", "displaced Syrian families": an adjective on a state's people that
    puts them in another sector (``people_modifiers`` in sectors.yml)."""
    for t in span.root.children:
        if t.dep_ == "amod":
            sector = kb.people_modifiers.get(t.lower_)
            if sector:
                return res.model_copy(update={"sector": sector, "why": f"{res.why} ({t.lower_!r}: {sector})"})
    return res


def _part_of_other_state(span: Span, hit: AliasHit) -> bool:
    """"Northern Ireland", "New Mexico": a state's name after a capitalised direction word, or after
    a word of the same name, that with it names a place of another state is no mention of the state."""
    from detente.places import DIRECTIONS, place_of

    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    direction = prev.lower_ in DIRECTIONS
    if not prev.is_title or not (direction or (span[0].ent_iob_ == "I" and prev.pos_ == "PROPN")):
        return False
    p = place_of(span.doc[span.start - 1:span.end].text, fuzzy=direction)
    return p is not None and p.country is not None and p.country != hit.actor


def _end_of_place_name(span: Span) -> bool:
    """"in Dera Ismail Khan": a person's name ending a longer name after a place preposition that the
    gazetteer knows as a town is no mention of the person."""
    from detente.places import PLACE_PREPS, place_of

    doc, left = span.doc, span.start
    while left > 0 and doc[left - 1].pos_ == "PROPN" and doc[left - 1].dep_ == "compound" \
            and doc[left - 1].head.i >= span.start:
        left -= 1
    root = span.root
    if left == span.start or root.dep_ != "pobj" or root.head.lower_ not in PLACE_PREPS:
        return False
    return place_of(doc[left:span.end].text, fuzzy=False) is not None


def _of_a_region(span: Span) -> bool:
    """"South American", "West African", "Central Asian": a demonym after a capitalised direction
    word (no demonym of its own: "South Korean" is matched whole) names a region's people, not the
    state's."""
    from detente.places import DIRECTIONS

    doc = span.doc
    prev = doc[span.start - 1] if span.start else None
    named = span.end < len(doc) and doc[span.end].is_title  # "the West Philippine Sea": a name's word
    return prev is not None and prev.is_title and prev.lower_ in DIRECTIONS and not named


def _other_given_name(kb: ActorKB, span: Span, hit: AliasHit) -> bool:
    """A surname inside a longer personal name whose other words are not the actor's: another
    person ("Warren Truss" is not Liz Truss, "Ludovic Orban" not Viktor Orbán, "Cameron Selmon" not
    David Cameron)."""
    a = kb.get(hit.actor)
    names = fold(" ".join(a.all_names()) if a is not None else "").split()
    doc = span.doc
    if span.end < len(doc) and doc[span.end].ent_iob_ == "I" and doc[span.end].ent_type_ == "PERSON" \
            and doc[span.end].pos_ == "PROPN" and doc[span.end].is_title and fold(doc[span.end].text) not in names:
        return True  # the name is another's given name ("Cameron Selmon" is not David Cameron)
    first = span[0]
    if first.ent_iob_ != "I" or first.ent_type_ != "PERSON" or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.pos_ != "PROPN" or not prev.is_title:
        return False
    return fold(prev.text) not in names


def _namesake_elsewhere(kb: ActorKB, span: Span, state: str) -> bool:
    """A capital's name followed by a comma and the place it lies in, elsewhere ("Moscow, Idaho",
    "Paris, Texas"): a namesake town of another state, not the capital nor its government. A capital
    after the comma makes it a list ("Washington, London and Paris condemned …"), not a container."""
    from detente.gazetteer import get_gazetteer
    from detente.places import country_of_place

    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    for n in (3, 2, 1):
        after = doc[span.end + 1: span.end + 1 + n]
        if len(after) == n and all(t.pos_ == "PROPN" for t in after):
            country = country_of_place(after.text)
            if country is not None:
                if any(h.how == "capital" for h in kb.hits(after.text)):
                    return False
                return country != state and any(p.country == country for p in get_gazetteer().lookup_exact(span.text))
    return False


def _state_as_given_name(kb: ActorKB, span: Span, hit: AliasHit) -> bool:
    """A state's name, or a demonym of the noun form ("Finn", "Dane", not the adjective "Chilean"),
    that opens a personal name the parser read as one person ("Israel Folau", "Jordan Henderson",
    "Finn Nørgaard"): the person's given name, not the state. The rest of the name is capitalised
    proper nouns (one after a demonym: "Chilean Marisol Quenteva" is a Chilean), none a title or a
    noun of people ("Pakistan Prime Minister Imran Khan" keeps its state), and the state is not the
    object of "of" ("President of Bolivia Evo Morales")."""
    doc = span.doc
    if span[0].ent_type_ != "PERSON" or span[0].ent_iob_ != "B":
        return False
    if span.start > 0 and doc[span.start - 1].lower_ in _AW["origin_preps"] + _AW["body_preps"]:
        return False  # "President of Chad Hissène Habré": the state of a title, the parser's person after it
    most = 2
    if hit.how == "demonym":
        a = kb.get(hit.actor)
        demonyms = getattr(a, "demonyms", None) or []
        if not demonyms or fold(hit.alias) == fold(demonyms[0]):
            return False
        most = 1
    rest = []
    j = span.end
    while j < len(doc) and doc[j].ent_iob_ == "I" and doc[j].ent_type_ == "PERSON":
        rest.append(doc[j])
        j += 1
    return 0 < len(rest) <= most and all(t.pos_ == "PROPN" and t.is_title and kb.noun(t.lower_) is None for t in rest)


def _ship_prefixed(prev) -> bool:
    """A navy's ship prefix (``ship_prefixes`` in generic.yml) right before a name."""
    from detente.actors.generic import spec

    return prev.text in spec().ship_prefixes


def _first_conjunct(tok):
    """The first of coordinated words ("Syrian and Russian": "Syrian" for both)."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _military_thing(noun) -> bool:
    """A noun (with the compound before it) that names what only a military has or does
    (``military_things``: "air strikes", "military base", "peacekeeping convoy", "personnel")."""
    # the modifier right before the noun, or before a hyphen ("air-strikes")
    before = noun.i - 2 if noun.i >= 2 and noun.doc[noun.i - 1].text == "-" else noun.i - 1
    first = next((c for c in noun.children if c.dep_ in ("compound", "amod") and c.i == before), None)
    # (any modifier of the noun with it: "a military Bell 412 model helicopter")
    mods = [first] if first is not None else []
    mods += [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i and c is not first]
    pair = {f"{c.lower_} {f}" for c in mods for f in (noun.lemma_.lower(), noun.lower_)}
    if pair & _S["military_things"]:
        return True
    # a one-word entry counts only with no noun compound of another thing before it ("a think tank",
    # "an oil tank" are no armour); the state's own name as a compound ("U.S. helicopters") is no such
    if any(c.dep_ == "compound" and c.i < noun.i and c.pos_ != "PROPN" for c in noun.children):
        return False
    return bool({noun.lemma_.lower(), noun.lower_} & _S["military_things"])


def _names(m: _Matchers, doc: Doc) -> list[tuple[int, int, int]]:
    """The name matches of ``doc``; where its text has accented letters, also those of the same
    tokens folded of their accents, so an accent the KB's spelling lacks or has ("Burkinabé",
    "Sinn Fein") never hides a name. Token indices are the same in both."""
    found = m.names(doc)
    text = doc_text(doc)
    if text.isascii() or not any(c.isalpha() and not c.isascii() for c in text):
        return found  # (no accented letter: dashes and curly quotes alone change no name)
    folded = Doc(doc.vocab, words=[fold(t.text) or t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    return sorted(set(found) | set(m.names(folded)), key=lambda x: (x[1], x[2]))


def find_mentions(doc: Doc, kb: ActorKB, on: dt.date | None = None) -> list[Mention]:
    """Actor mentions of ``doc`` (offsets into ``doc.text``), resolved on ``on``, coreference included."""
    if len(doc) == 0:
        return []
    m = matchers(kb, doc.vocab)
    raw: list[tuple[int, int, str, bool]] = []
    for mid, s, e in _names(m, doc):
        k = doc.vocab.strings[mid]
        first = doc[s].text[:1]
        if not (first.isupper() or first.isdigit()) and not any(h.alias[:1].islower() for h in kb.index.get(k, [])):
            continue
        raw.append((s, e, k, False))
    for mid, s, e in m.acronyms(doc):
        raw.append((s, e, doc.vocab.strings[mid], True))

    found: list[_Found] = []
    matched = []
    for s, e, k, cs in _longest(_merge_same_actor(kb, raw)):
        hits = [h for h in kb.index.get(k, []) if h.how in MATCHED_HOWS and h.case_sensitive == cs]
        if hits:
            matched.append((doc[s:e], k, hits[0]))
    # a surname the article gives another person ("Ludovic Orban") is that person's alone too
    # ("Orban will stay on"), not the known namesake's
    others = {k for span, k, hit in matched if hit.how == "person" and _other_given_name(kb, span, hit)}
    for span, k, hit in matched:
        if hit.how == "person" and k in others and (len(span) == 1 or _other_given_name(kb, span, hit)):
            continue
        if hit.how in ("name", "short") and _part_of_other_state(span, hit):
            continue
        if hit.how == "demonym" and _of_a_region(span):
            continue
        if hit.how in ("name", "short", "demonym") and _state_as_given_name(kb, span, hit):
            continue
        if hit.how == "capital" and _namesake_elsewhere(kb, span, hit.actor):
            continue
        when = _said_on(span, on) if hit.how == "person" else on
        if hit.how == "person" and (coming := _coming_office_day(kb, span, hit, when)) is not None:
            res = from_hit(kb, hit, coming, span.text)
            res = res.model_copy(update={"why": f"{res.why} (named by the office taken then)"})
            found.append(_Found(span, hit, res, res.kind))
            continue
        res = from_hit(kb, hit, when, span.text)
        if when != on:
            res = res.model_copy(update={"why": f"{res.why} (the sentence's date)"})
        found.append(_Found(span, hit, res, res.kind))

    if kb.big is not None:
        big = _big_found(doc, kb, found, on)
        # a state's name inside a longer name of the index gives way to it ("Sweden Democrats")
        spans = [(f.span.start, f.span.end) for f in big]
        found = [f for f in found if not any(a <= f.span.start and f.span.end <= b for a, b in spans)] + big
        found.sort(key=lambda f: f.span.start)

    found = [f for f in found if not (f.hit.how == "person" and _end_of_place_name(f.span))]
    found = _owned_institutions(doc, kb, found)
    nouns = noun_spans(doc, kb)
    noun_ends = {sp.end: (sp, n) for sp, n in nouns.values()}
    out: list[tuple[int, int, Resolution]] = []
    used: set[int] = set()  # token indices already inside a composed mention
    places: list[Mention] = []  # capitals used as places: no mentions, but they make a state salient
    for f in found:
        span, hit, res = f.span, f.hit, f.res
        nxt = doc[span.end] if span.end < len(doc) else None
        # "<actor>-backed rebels" is not the actor; "<actor>-appointed ambassador" is
        if nxt is not None and nxt.text == "-" and span.end + 1 < len(doc):
            part = doc[span.end + 1]
            if part.lower_ in OTHER_PARTICIPLES:
                # "<actor>-backed rebels" are not the actor, but the backer is named: a mention of
                # its own, composed with nothing
                out.append((span.start, span.end, res.model_copy(update={"why": f"{res.why} (the {part.lower_!r} side)"})))
                continue
            if part.lower_ in AGENT_PARTICIPLES and part.head.i > part.i:
                span = doc[span.start:part.head.i + 1]
                out.append((span.start, span.end, _led(kb, res, hit, part.lower_, part.head, span)))
                continue
        if span.start > 0 and _ship_prefixed(doc[span.start - 1]):
            continue  # "the USS Ronald Reagan": a warship named after the person (generic.py: its navy's)
        if hit.how in STANCE_HOWS and stance_prefixed(span.doc, span.start):
            # "pro-Russian parties", "anti-U.S. activists": the state is the side they favour or
            # oppose, not theirs; a mention of its own, composed with nothing (not a leader or a
            # capital: "anti-Lukashenko protesters" are mostly his own people)
            out.append((span.start, span.end, res.model_copy(update={"why": f"{res.why} (a stance, not a home)"})))
            continue
        # "Syria's capital": the possessive between the name and "capital"
        cap_end = span.end + 1 if nxt is not None and nxt.lower_ == "capital" else (
            span.end + 2 if nxt is not None and hit.how in ("name", "short") and nxt.lower_ in ("'s", "\u2019s")
            and span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "capital" else None)
        if hit.how in ("demonym", "name", "short") and cap_end is not None \
                and kb.actors[hit.actor].kind in ("state", "historic_state"):
            # "the Afghan capital", "Syria's capital": the capital, so the (de facto) government
            span = doc[span.start:cap_end]
            hit = AliasHit(actor=hit.actor, how="capital", alias=span.text, case_sensitive=False)
            res = from_hit(kb, hit, on, span.text)
        if hit.how == "capital" and _is_place(span):
            places.append(Mention(start=span.start_char, end=span.end_char, text=span.text, id=res.id,
                                  country=res.country, sector=res.sector, score=res.score,
                                  why=res.why + " (as a place)", kind="metonym"))
            continue
        composed = None
        if hit.how != "person":
            composed = _compose_after(doc, kb, span, hit, nouns, on) or _compose_before(doc, kb, span, hit, noun_ends, on)
        else:
            composed = _title_before(doc, kb, span, hit, res, noun_ends, found, nouns, on)
        if composed is not None:
            span, res = composed
            if hit.how != "person" and res.sector in STATE_SECTORS and _former(span):
                # "two former Peruvian soldiers": the state's people of the past, elites (ELI)
                res = res.model_copy(update={"id": None, "sector": "ELI", "why": res.why + "; former → ELI"})
        elif hit.how in ("demonym", "name", "short") and (mod := _first_conjunct(span.root)).dep_ in ("amod", "compound") \
                and mod.head.pos_ == "NOUN" and _military_thing(mod.head) \
                and kb.actors[hit.actor].kind in ("state", "historic_state"):
            # "Russian air strikes", "Syrian and Russian air strikes", "U.S. personnel": its military
            res = res.model_copy(update={"sector": "MIL", "why": res.why + f" (of {mod.head.text!r}: its military)"})
        elif hit.how == "demonym" and span.root.dep_ in ("amod", "compound") and span.root.head.pos_ in ("NOUN", "PROPN"):
            res = res.model_copy(update={"score": round(res.score * 0.7, 3), "why": res.why + " (modifier only)"})
        elif hit.how == "demonym" and _plural_people(kb, hit) and res.country:
            # "three Israelis", "Palestinians": the state's people, not the state
            res = res.model_copy(update={"id": None, "sector": "CVL", "why": res.why + " (plural: civilians)"})
        if res.sector == "CVL" and res.id is None:
            res = _people_modified(kb, span, res)
        out.append((span.start, span.end, res))

    out.extend(_joined_participles(doc, kb, on))
    regional, region_places = _regions(doc, kb, m, found, on)
    out.extend(regional)
    places.extend(region_places)
    out.extend(_placed(doc, kb, found, nouns, noun_ends, on))
    out.extend(_domestic(doc, kb, nouns, noun_ends, out, on))
    out.extend(_rebels_placed(doc, kb, nouns, noun_ends, out, places, on))
    # composed spans swallow the plain mentions inside them ("Russian" in "Russian President Putin")
    out.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    mentions: list[Mention] = []
    for s, e, res in out:
        if any(i in used for i in range(s, e)):
            continue
        used.update(range(s, e))
        span = doc[s:e]
        mentions.append(Mention(
            start=span.start_char, end=span.end_char, text=span.text, id=res.id, country=res.country,
            sector=res.sector, score=res.score, why=res.why, kind=res.kind,  # type: ignore[arg-type]
        ))
    from detente.actors.coref import add_coref
    from detente.actors.generic import by_deed, generic_mentions, of_possessor, regions_acting

    mentions = by_deed(doc, _kb_surnames(kb, _surnames(generic_mentions(doc, mentions, kb, on)), on))
    return regions_acting(doc, of_possessor(doc, add_coref(doc, mentions, kb, nouns, on, places=places)))


LED_NOUN_SECTORS: dict[str, str] = _AW["led_noun_sectors"]


def _led(kb: ActorKB, res: Resolution, hit: AliasHit, participle: str, noun, span: Span) -> Resolution:
    """"<state>-led coalition": the state, in the sector of what it leads (the noun's own sector,
    else ``led_noun_sectors``), a state's own mention staying its government otherwise."""
    got = kb.nouns.get(fold(noun.lower_)) or kb.nouns.get(fold(noun.lemma_))
    sector = got.sector if got is not None else LED_NOUN_SECTORS.get(noun.lower_, LED_NOUN_SECTORS.get(noun.lemma_.lower()))
    update = {"text": span.text, "why": f"{hit.alias!r}-{participle} {noun.lower_!r}; {res.why}"}
    if sector is not None and kb.actors[hit.actor].kind in ("state", "historic_state"):
        update |= {"sector": sector, "why": update["why"] + f" → {sector}"}
    return res.model_copy(update=update)


def _joined_participles(doc: Doc, kb: ActorKB, on: dt.date | None) -> list[tuple[int, int, Resolution]]:
    """A state and its participle written as one token ("U.S.-led", "U.S.-backed", which the
    tokenizer does not split after a full stop) before the noun they describe."""
    out = []
    if "-" not in doc_text(doc):
        return out
    for tok in doc_tokens(doc):
        if "-" not in tok.text or tok.head.i <= tok.i:
            continue
        name, _, part = tok.text.rpartition("-")
        other = part.lower() in OTHER_PARTICIPLES
        if not (other or part.lower() in AGENT_PARTICIPLES) or not name:
            continue
        hit = next((h for h in kb.hits(name) if h.how in ("name", "short", "alias", "demonym")
                    and kb.actors[h.actor].kind in ("state", "historic_state")), None)
        if hit is None:
            continue
        res = from_hit(kb, hit, on, name)
        if other:  # "U.S.-backed forces": the backer is named, the forces are not its own
            out.append((tok.i, tok.i + 1, res.model_copy(update={"why": f"{res.why} (the {part.lower()!r} side)"})))
            continue
        span = doc[tok.i:tok.head.i + 1]
        out.append((span.start, span.end, _led(kb, res, hit, part.lower(), tok.head, span)))
    return out


def _owned_institutions(doc: Doc, kb: ActorKB, found: list[_Found]) -> list[_Found]:
    """An organ the KB has for one state, whose name no state word is part of, named as another
    state's ("Jordan's General Intelligence Directorate", "the Jordanian General Intelligence
    Directorate"): many states have an organ of that name, so it is the named state's."""
    by_end = {f.span.end: f for f in found}
    out = []
    for f in found:
        a = kb.actors.get(f.hit.actor)
        if a is not None and a.kind == "institution" and f.res.country:
            i = f.span.start - (f.span.start > 0 and doc[f.span.start - 1].lower_ == "the")
            owner = by_end.get(i - 1) if i > 0 and doc[i - 1].lower_ in ("'s", "\u2019s") else by_end.get(i)
            o = kb.actors.get(owner.hit.actor) if owner is not None else None
            if o is not None and o.kind in ("state", "historic_state") and owner.hit.how in ("name", "short", "demonym") \
                    and o.id != f.res.country:
                res = f.res.model_copy(update={
                    "id": o.id if f.res.id == f.res.country else f.res.id, "country": o.id,
                    "why": f"{f.res.why}; named as {owner.span.text!r}'s: an organ of that name of {o.id}"})
                f = _Found(f.span, f.hit, res, f.kind)
        out.append(f)
    return out


def _kb_surnames(kb: ActorKB, mentions: list[Mention], on: dt.date | None) -> list[Mention]:
    """A lone capitalised name nothing else resolved ("Puigdemont calls for …") is the one person
    of the KB with that surname who is of a state on the day — of a state the article names, when
    it names any (``ActorKB.person_by_surname``)."""
    countries = frozenset(m.country for m in mentions if m.country and m.id is not None)
    out = []
    for m in mentions:
        # (a name of no role — a private person, an unknown body — has at most a country guessed
        # from the article, which the KB's person outranks: "Tsai" in a story about China and Taiwan)
        if m.kind in ("person", "entity") and m.id is None and (m.country is None or m.sector in ("CVL", "UNK")) \
                and " " not in m.text \
                and m.text[:1].isupper() and m.text[1:].islower() and m.text.isalpha() \
                and (got := kb.person_by_surname(m.text, on, countries)) is not None:
            person, st = got
            m = m.model_copy(update={"id": st.id, "country": st.country, "sector": st.sector, "kind": "person",
                                     "why": f"the one person of the KB surnamed {m.text!r} of a state on the day: "
                                            f"{person.name} ({st.note})"})
        out.append(m)
    return out


def _surnames(mentions: list[Mention]) -> list[Mention]:
    """A lone surname the KB does not resolve ("Truss has led …", "Orban will stay on") is the
    person named in full earlier in the article ("Deputy Prime Minister Warren Truss")."""
    full: dict[str, Mention] = {}
    out = []
    for m in mentions:
        words_ = m.text.split()
        if len(words_) > 1 and words_[-1][:1].isupper() and (
                m.kind == "person" or m.kind == "entity" and all(w[:1].isupper() for w in words_)):
            # (a name the parser took for a body, "Cesare Battisti", is named again by its last word too)
            full.setdefault(words_[-1], m)
            if _given_name_last(words_[-1]):
                full.setdefault(words_[-2], m)  # "Ri Yong-ho" … "Ri": the family name comes first
        elif len(words_) == 1 and m.id is None and m.kind in ("person", "entity") and (p := full.get(m.text)):
            m = m.model_copy(update={"id": p.id, "country": p.country, "sector": p.sector, "kind": "person",
                                     "why": f"the surname of {p.text!r} earlier: {p.why}"})
        out.append(m)
    return out


def _given_name_last(word: str) -> bool:
    """Whether a name's last word is a hyphenated given name written after the family name, as
    Korean names are ("Ri Yong-ho", "Moon Jae-in")."""
    first, sep, rest = word.partition("-")
    return bool(sep) and first[:1].isupper() and rest[:1].islower() and rest.isalpha() and first.isalpha()


# spaCy entity labels whose spans may name an actor of the compiled index
BIG_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART"})
MAX_CANDIDATE_TOKENS = 8


def _candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    """Where names of the compiled index may be: spaCy's named entities and runs of proper nouns
    (with "of", "for", "and" between them: "Ministry of State Security"), and all-capital tokens."""
    out = {(e.start, e.end) for e in doc_ents(doc) if e.label_ in BIG_LABELS}
    toks = doc_tokens(doc)
    i = 0
    n = len(doc)
    while i < n:
        t = toks[i]
        if t.pos_ == "PROPN" or (t.is_upper and len(t.text) >= 2 and t.is_alpha):
            j = i + 1
            while j < n:
                u = toks[j]
                if u.pos_ == "PROPN" or (u.is_upper and len(u.text) >= 2 and u.is_alpha):
                    j += 1
                elif u.lower_ in _S["name_joiners"] and j + 1 < n and toks[j + 1].pos_ == "PROPN" and u.lower_ != "'s":
                    j += 2
                else:
                    break
            out.add((i, j))
            i = j
        else:
            i += 1
    return sorted(out)


def _cited(span: Span) -> bool:
    """A name in brackets, as news summaries cite their sources: "(The New York Times)"."""
    i = span.start - 1
    if i >= 0 and span.doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and span.doc[i].text == "("


def _article_countries(kb: ActorKB, found: list[_Found]) -> tuple[str, ...]:
    from collections import Counter

    # (a news outlet cited in brackets, "(The New York Times)", says nothing of what the story is about)
    c = Counter(f.res.country for f in found if f.res.country and not (
        kb.actors[f.hit.actor].kind == "media" and _cited(f.span)))
    return tuple(k for k, _ in c.most_common())


def _place_countries(doc: Doc) -> frozenset[str]:
    """The countries of the places the NER finds in ``doc`` (gazetteer; memoised on the doc)."""
    got = doc.user_data.get("detente_place_countries")
    if got is None:
        from detente.places import country_of_place

        got = frozenset(c for e in doc_ents(doc) if e.label_ in ("GPE", "LOC")
                        if (c := country_of_place(e.text)) is not None)
        doc.user_data["detente_place_countries"] = got
    return got


def _name_bounds(ent: Span) -> tuple[int, int]:
    """A named entity's tokens without a leading article, a trailing possessive, or what follows a
    bracket ("The Federal Bureau of Investigation (FBI" is the bureau's name, then its acronym)."""
    start = ent.start + (ent[0].lower_ in _S["articles"])
    end = next((t.i for t in ent if t.text in ("(", ")") and t.i > start), ent.end)
    return start, end - (end == ent.end and ent[-1].lower_ in ("'s", "\u2019s"))


def _big_found(doc: Doc, kb: ActorKB, found: list[_Found], on: dt.date | None) -> list[_Found]:
    """Mentions of the compiled index (``detente kb build``): candidate spans (named entities,
    proper-noun runs) looked up by key — the whole span, then its sub-spans longest first — in
    the index, never where the hand-written KB already found a name. Namesakes are decided by
    the countries the article is about and by who held a post on the date (``ActorKB.choose``)."""
    taken = {i for f in found for i in range(f.span.start, f.span.end)}
    # a state's name may open a longer name of the index ("Sweden Democrats", "Cambodia National
    # Rescue Party"): those tokens stay open to a longer organisation's name
    state_found = [f for f in found if f.hit.how in ("name", "short", "alias")
                   and kb.actors[f.hit.actor].kind in ("state", "historic_state")]
    soft = {i for f in state_found for i in range(f.span.start, f.span.end)}
    blocked = taken - soft  # the tokens a sub-span may not touch
    # the countries the article is about: its actors' (most mentioned first), then those of the
    # places it names ("talks in Belfast" is about GBR); read at the first hit (most articles have
    # none, and the places' countries cost gazetteer look-ups)
    countries: tuple[str, ...] | None = None
    ents = [_name_bounds(x) for x in doc_ents(doc) if x.label_ in BIG_LABELS]
    out: list[_Found] = []
    cands = [(s0, e0) for s0, e0 in _candidate_spans(doc) if e0 - s0 <= MAX_CANDIDATE_TOKENS]
    # the words of the candidates read once: a sub-span's text is joined from them, and a Span is
    # made only for a hit (most of the sub-spans name nothing)
    words: dict[int, tuple[str, str, str, bool, bool]] = {}
    toks = doc_tokens(doc)
    for s0, e0 in cands:
        for t in toks[s0:e0]:
            if t.i not in words:
                words[t.i] = (t.text, t.whitespace_, t.lower_, t.pos_ == "PROPN", t.is_upper)
    joiners = _S["name_joiners"]
    for s0, e0 in cands:
        for length in range(e0 - s0, 0, -1):
            for s in range(s0, e0 - length + 1):
                e = s + length
                # the word tests first (they need no set or list built), then the tokens taken
                first = words[s][0][:1]
                if words[s][2] in joiners or words[e - 1][2] in joiners or \
                        (length == 1 and not (words[s][3] or words[s][4])) or \
                        not (first.isupper() or first.isdigit()) or not blocked.isdisjoint(range(s, e)):
                    continue
                over = [f for f in state_found if f.span.start < e and s < f.span.end] if state_found else []
                if over and not all(s <= f.span.start and f.span.end <= e and e - s > len(f.span) for f in over):
                    continue
                text = "".join(words[i][0] + words[i][1] for i in range(s, e - 1)) + words[e - 1][0]
                hits = [h for h in kb.big_hits(text) if h.how in MATCHED_HOWS or h.how == "alias"]
                if not hits:
                    continue
                span = doc[s:e]
                if countries is None:
                    countries = _article_countries(kb, found)
                    countries = (*countries, *sorted(_place_countries(doc) - set(countries)))
                hit, why = kb.choose(hits, on, countries)
                if hit is None:
                    continue
                if over and kb.actors[hit.actor].kind not in ("party", "company", "ngo", "other"):
                    continue  # (a party's or a company's name outranks the state's; a person's, an organ's not)
                if hit.how != "person" and any(a <= s and e <= b and (a, b) != (s, e) for a, b in ents):
                    continue  # part of a longer name ("Central Bureau of Investigation")
                if hit.case_sensitive and len(core(hit.alias)) <= 2 and \
                        kb.standing(hit.actor, on).country not in countries:
                    continue  # "GB", "PP": two letters name a party only in its country's article
                if kb.actors[hit.actor].kind == "party" and kb.standing(hit.actor, on).country not in countries \
                        and (countries or length < 2 or len({h.actor for h in hits}) > 1):
                    # a party only in an article about its country ("New Horizons", "TPP"), or in one
                    # about no country at all when the name is its own ("Sinn Féin": one party, 2+ words)
                    continue
                if length == 1 and not hit.case_sensitive:
                    # one capitalised word ("Energy", "River", "Senate", a bare surname) names an
                    # imported actor only as the whole candidate and when the article is about its
                    # country; acronyms ("SVR", "AKP") as written are enough
                    st = kb.standing(hit.actor, on)
                    if (s, e) != (s0, e0) or st.country not in countries:
                        continue
                when = _said_on(span, on) if hit.how == "person" else on
                res = from_hit(kb, hit, when, span.text)
                extra = [why] if why else []
                if when != on:
                    extra.append("the sentence's date")
                score = res.score * (0.8 if "nothing in the article decides" in why else 1.0) * 0.97
                res = res.model_copy(update={"why": "; ".join([res.why, *extra]), "score": round(score, 3)})
                out.append(_Found(span, hit, res, res.kind))
                blocked.update(range(s, e))
                state_found = [f for f in state_found if not (s <= f.span.start and f.span.end <= e)]
                if res.country and res.country not in countries:
                    countries = (*countries, res.country)
    return out


def _regions(doc: Doc, kb: ActorKB, m: _Matchers, found: list[_Found], on) -> tuple[list, list[Mention]]:
    """Regions (``regions.yml``): "the separatist government of Chechnya", "Chechen separatists",
    "Chechnya's separatist leaders" are the region's separatist authority on the date (else a rebel
    part of the state); any other region mention is only a place of its state."""
    taken = {i for f in found for i in range(f.span.start, f.span.end)}
    out, places = [], []
    for s, e, mid, _ in _longest([(s, e, doc.vocab.strings[mid], False) for mid, s, e in m.regions(doc)]):
        if not doc[s].text[:1].isupper() or any(i in taken for i in range(s, e)):
            continue
        rg = kb.regions[mid]
        start, end = s, e
        # after: "Chechen separatists", "Chechnya's separatist government"
        j = e + (1 if e < len(doc) and doc[e].lower_ in ("'s", "\u2019s") else 0)
        k = j
        while k < len(doc) and k < j + 3 and doc[k].lower_ not in SEPARATIST_WORDS and doc[k].pos_ in ("ADJ",):
            k += 1
        sep = k < len(doc) and doc[k].lower_ in SEPARATIST_WORDS
        if sep:
            end = k + 1
            while end < len(doc) and doc[end].pos_ in ("NOUN",) and doc[end].head.i >= end:
                end += 1
            if end < len(doc) and doc[end].pos_ == "NOUN" and doc[end - 1].head.i == end:
                end += 1
        else:
            # before: "the separatist government of Chechnya", "rebels in Donbas"
            i = s - 1
            if i >= 0 and doc[i].lower_ == "the":
                i -= 1
            if i >= 1 and doc[i].lower_ in _S["separatist_preps"]:
                b = i - 1
                while b >= 0 and b >= i - 4 and doc[b].lower_ not in SEPARATIST_WORDS and doc[b].pos_ in ("NOUN", "ADJ"):
                    b -= 1
                if b >= 0 and b >= i - 4 and doc[b].lower_ in SEPARATIST_WORDS:
                    sep, start = True, b
        span = doc[start:end]
        if not sep:
            places.append(Mention(start=span.start_char, end=span.end_char, text=span.text, id=rg.state,
                                  country=rg.state, sector=None, score=0.8,
                                  why=f"region {rg.name!r} of {rg.state} (as a place)", kind="metonym"))
            continue
        auth = kb.region_authority(rg, on)
        if auth is None:
            # a history told later: "in January 2000, … the separatist government of Chechnya"
            years = [int(t.text) for t in span.sent if t.text.isdigit() and len(t.text) == 4
                     and 1800 < int(t.text) < 2200]
            auth = next((r.actor for y in years for r in rg.authorities
                         if (r.start is None or r.start.year <= y) and (r.end is None or r.end.year > y)), None)
        if auth is not None:
            st = kb.standing(auth, on)
            r = Resolution(text=span.text, id=st.id, country=st.country or rg.state, sector=st.sector or "REB",
                           score=0.85, why=f"separatists of region {rg.name!r}: {auth} on {on.isoformat() if on else 'today'}",
                           kind="compositional", actor=auth)
        else:
            r = Resolution(text=span.text, id=None, country=rg.state, sector="REB", score=0.75,
                           why=f"separatists of region {rg.name!r} of {rg.state}", kind="compositional")
        out.append((span.start, span.end, r))
    return out, places


def _placed(doc: Doc, kb: ActorKB, found: list[_Found], nouns, noun_ends, on) -> list[tuple[int, int, Resolution]]:
    """"protesters in Tbilisi", "opposition activists in Moscow", "police in Kabul": a sector noun
    placed in a state (name or capital) is that state's sector; id only for its institutions."""
    by_start = {f.span.start: f for f in found}
    out = []
    for nspan, noun in nouns.values():
        e = nspan.end
        if e + 1 >= len(doc) or doc[e].lower_ not in _S["placed_preps"]:
            continue
        if noun.sector == "UAF" or noun.sector == "REF" and doc[e].lower_ != "from":
            # "gunmen in Mali": unidentified attackers belong to no state by being there, nor do
            # refugees where they fled to ("Rohingya refugees in Bangladesh"; "from" is their origin)
            continue
        f = by_start.get(e + 1)
        if f is None or f.hit.how not in ("name", "alias", "short", "capital") \
                or kb.actors[f.hit.actor].kind not in ("state", "historic_state"):
            continue
        # "in Tbilisi" modifies the noun; for people (not institutions) also the verb they are the
        # object of ("detained activists in Moscow"), never for troops ("deployed troops in Syria")
        head = doc[e].head
        if head.i not in range(nspan.start, nspan.end) and (
                noun.institution or head.i not in [a.i for a in list(nspan.root.ancestors)[:3]]
                or doc[e].lower_ == "from"):
            continue  # (a verb's "from" is where they are moved from: "evacuates its citizens from Yemen")
        start = nspan.start
        while start in noun_ends and noun_ends[start][0].start < start:  # "opposition activists"
            start = noun_ends[start][0].start
        whole = doc[start:f.span.end]
        r = compose(kb, f.hit, noun, on, whole.text, base=0.8)
        r = r.model_copy(update={"why": f"{r.why}; {located_by(doc[e:f.span.end].text)}"})
        out.append((whole.start, whole.end, r))
    return out


STATE_HANDS = ("COP", "JUD", "LEG")  # state organs acting on their own people


def _domestic(doc: Doc, kb: ActorKB, nouns, noun_ends, out, on) -> list[tuple[int, int, Resolution]]:
    """"Pakistani police detain opposition supporters", "activists detained by Belarusian security
    forces": a people noun with no country of its own, in a sentence that names exactly one state,
    is that state's when it is the opposition (domestic by definition) or when the state acts on it through
    its police, courts or parliament. Anything else (protesters, pupils, migrants) stays unresolved."""
    taken = {i for s, e, _ in out for i in range(s, e)}
    by_start = _ByStart([s for s, _, _ in out])
    res_out = []
    for nspan, noun in nouns.values():
        if noun.institution or noun.sector in ("CVL", "REF", "UAF") or any(i in taken for i in range(nspan.start, nspan.end)):
            continue  # (refugees and migrants a state acts on are mostly not its own; unidentified
            # attackers who strike a state's police are not known to be its own either)
        sent = nspan.sent
        inside = [out[k][2] for k in by_start.between(sent.start, sent.end) if out[k][2].country]
        countries = {r.country for r in inside}
        if len(countries) != 1:
            continue
        country = next(iter(countries))
        if kb.actors.get(country) is None or kb.actors[country].kind != "state":
            continue
        if "opposition" not in noun.phrase.lower() and not any(r.sector in STATE_HANDS for r in inside):
            continue
        res_out.append(_of_country(doc, kb, nspan, noun, noun_ends, country, on,
                                   f"the sentence's only state ({country})"))
    return res_out


def _of_country(doc: Doc, kb: ActorKB, nspan, noun, noun_ends, country: str, on,
                reason: str) -> tuple[int, int, Resolution]:
    """The noun phrase ending at ``nspan`` (widened to its modifiers) as ``country``'s actor of the
    noun's sector, with ``reason`` added to its ``why``."""
    start = nspan.start
    while start in noun_ends and noun_ends[start][0].start < start:
        start = noun_ends[start][0].start
    whole = doc[start:nspan.end]
    hit = AliasHit(actor=country, how="name", alias=country, case_sensitive=True)
    r = compose(kb, hit, noun, on, whole.text, base=0.6)
    return whole.start, whole.end, r.model_copy(update={"why": f"{r.why}; {reason}"})


# "Russia-backed rebels", "Iran's proxies": rebels of someone else, never of the place they fight in
SPONSOR_WORDS = frozenset(_AW["sponsor_words"])


def _rebels_placed(doc: Doc, kb: ActorKB, nouns, noun_ends, out, places, on) -> list[tuple[int, int, Resolution]]:
    """"Rebel fighters seized Goma, the largest city in eastern Congo", "rebels attacked villages in
    Darfur": rebels with no owner of their own, in a sentence whose only state is named as a place
    (a region, a city, "in <state>"), are that state's rebels. A state acting in the sentence
    ("U.S. forces killed militants") is no place; sponsors ("Russia-backed") block the rule."""
    taken = {i for s, e, _ in out for i in range(s, e)}
    by_start = _ByStart([s for s, _, _ in out])
    res_out = []
    for nspan, noun in nouns.values():
        if noun.sector != "REB" or any(i in taken for i in range(nspan.start, nspan.end)):
            continue
        sent = nspan.sent
        if any(t.lower_ in SPONSOR_WORDS or t.lower_.endswith("-backed") for t in sent):
            continue
        lo, hi = doc[sent.start].idx, doc[sent.end - 1].idx + len(doc[sent.end - 1])
        inside = [(doc[s:e], r.country) for s, e, r in (out[k] for k in by_start.between(sent.start, sent.end))
                  if r.country]
        here = [p.country for p in places if lo <= p.start < hi and p.country]
        countries = {c for _, c in inside} | set(here)
        if len(countries) != 1:
            continue
        country = next(iter(countries))
        if kb.actors.get(country) is None or kb.actors[country].kind != "state":
            continue
        # every state mention must be a bare place: "in Sudan", "eastern Congo", not an actor
        if any(r_span.root.dep_ != "pobj" and not r_span.text.lower().startswith("eastern ")
               for r_span, _ in inside):
            continue
        if not here and not inside:
            continue
        res_out.append(_of_country(doc, kb, nspan, noun, noun_ends, country, on,
                                   f"rebels in the sentence's only place ({country})"))
    return res_out


def _compose_after(doc: Doc, kb: ActorKB, span: Span, hit: AliasHit, nouns, on) -> tuple[Span, Resolution] | None:
    """"Russia's Supreme Court", "the Russian foreign ministry", "Russia's top court"."""
    j = span.end
    if j < len(doc) and doc[j].lower_ in ("'s", "'", "\u2019s"):
        j += 1
    for skip in range(0, 3):
        k = j + skip
        if k in nouns:
            if any(doc[t].pos_ not in ("ADJ", "PROPN", "NOUN", "ADV") or doc[t].is_punct for t in range(j, k)):
                return None
            nspan, noun = nouns[k]
            # "a Philippine coast guard ship": the name and the institution both modify the vessel
            shared = (noun.institution and skip == 0 and nspan.root.dep_ == "compound"
                      and nspan.root.head.i == span.root.head.i and nspan.root.head.i >= nspan.end)
            if not _attached(span, nspan) and not shared:
                return None
            end = nspan.end
            if noun.phrase.split()[-1] in _S["extendable_heads"] and end + 1 < len(doc) \
                    and doc[end].lower_ in _S["body_preps"]:
                e = end + 1
                while e < len(doc) and (doc[e].text[:1].isupper() or doc[e].lower_ == "and"):
                    e += 1
                if e > end + 1 and doc[e - 1].lower_ != "and":
                    end = e
            whole = doc[span.start:end]
            return whole, compose(kb, hit, noun, on, whole.text)
    return None


def _compose_before(doc: Doc, kb: ActorKB, span: Span, hit: AliasHit, noun_ends, on) -> tuple[Span, Resolution] | None:
    """"the president of Afghanistan", "the Ministry of Foreign Affairs of Russia"."""
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ != "of" or i not in noun_ends:
        return None
    nspan, noun = noun_ends[i]
    if not (span.root.head.i == i and nspan.start <= doc[i].head.i < nspan.end):
        return None
    whole = doc[nspan.start:span.end]
    return whole, compose(kb, hit, noun, on, whole.text)


_ENDS_KEY: list = [None]  # the last ``found`` list indexed: (list, length, {end token: positions})


def _ending_near(found: list[_Found], start: int) -> list[_Found]:
    """The items of ``found`` whose span ends 0 to 2 tokens before ``start``, in list order (looked
    up by end token; ``found`` is indexed once, not walked for every person)."""
    got = _ENDS_KEY[0]
    if got is None or got[0] is not found or got[1] != len(found):
        ends: dict[int, list[int]] = {}
        for k, f in enumerate(found):
            ends.setdefault(f.span.end, []).append(k)
        got = _ENDS_KEY[0] = (found, len(found), ends)
    ends = got[2]
    return [found[k] for k in sorted(k for e in (start - 2, start - 1, start) for k in ends.get(e, ()))]


def _title_before(doc: Doc, kb: ActorKB, span: Span, hit: AliasHit, res: Resolution, noun_ends,
                  found: list[_Found], nouns=None, on: dt.date | None = None) -> tuple[Span, Resolution] | None:
    """"President Vladimir Putin", "Russian Foreign Minister Sergey Lavrov": the title joins the person
    (also when the person's own alias begins with the title: "Chinese President Xi Jinping")."""
    if span.start in noun_ends:
        start = noun_ends[span.start][0].start
    elif nouns and span.start in nouns and nouns[span.start][0].end < span.end:
        start = span.start
    else:
        return None
    title = noun_ends.get(span.start)
    org = None
    for f in _ending_near(found, start):
        # "Hamas political leader Ismail Haniyeh", "Guyana's President Irfaan Ali": adjectives or a
        # possessive may sit between the actor and the title
        gap = range(f.span.end, start)
        if 0 <= start - f.span.end <= 2 and f.hit.how in ("demonym", "name", "alias", "short", "institution") \
                and all(doc[t].pos_ == "ADJ" or doc[t].lower_ in ("'s", "\u2019s") for t in gap):
            start = f.span.start
            if kb.actors[f.hit.actor].kind not in ("state", "historic_state", "person"):
                org = f
            break
    if start == span.start:
        return None
    whole = doc[start:span.end]
    if org is not None and title is not None:
        # "<org> leader/spokesman <Name>" is the organisation, whatever the person's own record says
        # (alive, dead, or unknown roles): the title names whom they speak or act for
        r = compose(kb, org.hit, title[1], on, whole.text)
        return whole, r.model_copy(update={"why": f"{r.why}; titled person {res.text!r}"})
    if res.sector in ("ELI", "PTY") and title is not None and title[1].sector in STATE_SECTORS and res.country \
            and not _past_title(doc, start, span.start):
        # the text names a post held now that the KB has as ended or never knew ("Deputy Prime
        # Minister Warren Truss" after the last dated record, "Ambassador X" before the dated
        # record of a later posting): the text wins
        sector = title[1].sector
        return whole, res.model_copy(update={
            "text": whole.text, "sector": sector, "id": res.id or res.country,
            "why": f"title + {res.why}; the text's title {title[0].text!r} is held now → {sector}"})
    return whole, res.model_copy(update={"text": whole.text, "why": f"title + {res.why}"})


def _former(span: Span) -> bool:
    """A "former" (``past_title_words``) modifying the phrase's head ("former Peruvian soldiers")."""
    return any(c.dep_ == "amod" and c.lower_ in PAST_TITLE_WORDS for c in span.root.children)


#: words after a title that name the office about to be taken ("President-elect X")
COMING_TITLE_WORDS = frozenset(words("actors")["coming_title_words"])


def _coming_office_day(kb: ActorKB, span: Span, hit: AliasHit, when: dt.date | None) -> dt.date | None:
    """"President-elect X", "Prime Minister-designate X": the day X's next known office starts
    (None when the text says no such thing or the KB knows no later office)."""
    if when is None or span.start < 2 or doc_word(span, -1) not in COMING_TITLE_WORDS or doc_word(span, -2) != "-":
        return None
    roles = getattr(kb.actors[hit.actor], "roles", None) or []
    later = [r.start for r in roles if r.start is not None and r.start > when]
    return min(later) if later else None


def doc_word(span: Span, offset: int) -> str:
    """The lower-case text of the token ``offset`` tokens before the span (-1: right before it)."""
    return span.doc[span.start + offset].lower_


#: words that put a title in the past ("former President X", "ex-minister X")
PAST_TITLE_WORDS = frozenset(words("actors")["past_title_words"])


def _past_title(doc: Doc, start: int, end: int) -> bool:
    """A past word in the title or in the capitalised words right before it ("Former Deputy Prime
    Minister X", "ex-President X")."""
    if any(t.lower_ in PAST_TITLE_WORDS for t in doc[start:end]):
        return True
    k = start - 1
    while k >= 0 and start - k <= 4 and (doc[k].is_title or doc[k].lower_ in PAST_TITLE_WORDS or doc[k].text == "-"):
        if doc[k].lower_ in PAST_TITLE_WORDS:
            return True
        k -= 1
    return False

#: how much of a phrase the mention read from it must cover to answer for the whole phrase
READ_COVER = 0.5


def read_as_text(kb: ActorKB, text: str, on: dt.date | None) -> Resolution | None:
    """A phrase no alias and no composition names, read as a sentence by the mention finder:
    "Odesa police", "Lahore High Court", "Defence Minister Ahmad Mustafa", "two Chinese warplanes"
    get what the article pipeline would give them (the longest mention covering most of it)."""
    from detente.nlp import parse

    doc = parse(text.strip())
    # (a country guessed from where a sentence is or from other actors is no answer for a bare phrase)
    # a person the KB lacks answers with the sector of a role the phrase gives ("Judge X")
    found = [m for m in find_mentions(doc, kb, on) if m.kind != "coref"
             and (m.id or m.country and DEFAULT_COUNTRY not in m.why or m.kind == "person" and "; role '" in m.why)]
    found = [m if not guessed_by(m.why, GUESSED_COUNTRY) else m.model_copy(update={"country": None})
             for m in found]
    found = [m for m in found if m.id or m.country or m.kind == "person"]
    if not found:
        return None
    best = max(found, key=lambda m: (m.end - m.start, m.score))
    if best.end - best.start < READ_COVER * len(doc_text(doc)):
        return None
    kind = best.kind if best.kind in ("name", "demonym", "metonym", "person", "compositional") else "compositional"
    return Resolution(text=text, id=best.id, country=best.country, sector=best.sector,
                      score=round(best.score * 0.9, 3), why=f"read as a phrase: {best.why}", kind=kind)


PHRASE_READERS.append(read_as_text)
