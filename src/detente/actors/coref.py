"""Rule-based coreference: definite descriptions and pronouns pointing back to an actor mention.

- "the group / movement / militants / insurgents / rebels" → the last non-state group
- "the country / government / kingdom / nation" → the last state
- "the bloc / alliance / union" → the last intergovernmental organisation; "the council" → the last
  council; "the court" → the last court, else the last state's judiciary
- "the foreign ministry", "the Supreme Court", "the army" (a state institution with no owner) →
  that institution of the last state
- "he / she / his / her" → the last person; "they / their" → the last group
- "both countries", "the two sides", "the two leaders" (a pair anaphor) → the last two distinct
  actors of the kind the noun asks for (states; people; any actor for "sides"/"parties"). Emitted as
  two adjacent coref mentions whose ``why`` starts "coref pair": the determiner ("both", "the two")
  points to the earlier actor, the noun ("countries") to the later one — the noun, as the head token,
  is what an events pattern picks up as the argument
- "its" → the subject of its own clause, when that subject is an actor
- "it" as a subject → the nearest earlier actor that was itself a subject, in this sentence or the
  one before ("China's foreign ministry said it opposed …")
Possessives ("the movement's status", "the country's Supreme Court") count; a possessive followed
by a state institution composes ("the country's Supreme Court" → RUS, JUD).
Precision first: the antecedent must lie within the previous ``WINDOW`` sentences, and "the" must
directly precede the noun ("the Western-backed government" is no anaphor).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span

from detente.actors.kb import ActorKB, SectorNoun
from detente.actors.schema import STATE_SECTORS
from detente.models import Mention
from detente.nlp import doc_text, doc_tokens
from detente.wordlists import DataFile, WordList

class CorefWords(DataFile):
    """``data/actors/coref.yml``: the words of the coreference rules."""

    window: int
    group_nouns: list[str]
    state_nouns: list[str]
    bloc_nouns: list[str]
    person_pronouns: list[str]
    plural_pronouns: list[str]
    expletive_verbs: list[str]
    it_heads: list[str]
    pair_determiners: list[str]
    pair_nouns: dict[str, str]
    owned_by_name: list[str]
    organisation_nouns: list[str]
    council_nouns: list[str]
    pair_joiners: list[str]
    # gendered pronouns and the title words that tell a person's gender ("Queen Elizabeth" is no "he")
    gender_pronouns: dict[str, list[str]] = {}
    gender_words: dict[str, list[str]] = {}
    # nouns naming a person, never what "it" stands for ("one U.S. officer wounded … al-Shabaab says it
    # killed U.S. personnel": "it" is not the officer)
    person_nouns: list[str] = []


def _words() -> CorefWords:
    return CorefWords.read(resources.files("detente").joinpath("data/actors/coref.yml"))


_W = _words()
WINDOW = _W.window
GROUP_NOUNS = frozenset(_W.group_nouns)
STATE_NOUNS = frozenset(_W.state_nouns)
BLOC_NOUNS = frozenset(_W.bloc_nouns)
PERSON_PRONOUNS = frozenset(_W.person_pronouns)
PLURAL_PRONOUNS = frozenset(_W.plural_pronouns)
EXPLETIVE_VERBS = frozenset(_W.expletive_verbs)
IT_HEADS = frozenset(_W.it_heads)
PERSON_NOUNS = frozenset(_W.person_nouns)
ORGANISATION_NOUNS = frozenset(_W.organisation_nouns)
COUNCIL_NOUNS = frozenset(_W.council_nouns)
GROUP_KINDS = frozenset({"armed_group", "movement", "party"})
PRONOUN_GENDER = {w: g for g, ws in _W.gender_pronouns.items() for w in ws}
WORD_GENDER = {w: g for g, ws in _W.gender_words.items() for w in ws}


def _gender(m: Mention) -> str | None:
    """A person's gender as its title words tell it ("Queen Elizabeth", "Mr Smith"), else None."""
    for w in re.findall(r"[a-z]+", m.text.lower()):
        if w in WORD_GENDER:
            return WORD_GENDER[w]
    return None
# the group kind of an actor the KB lacks (detente.actors.generic), by its sector
GENERIC_GROUP_SECTORS = {"REB": "armed_group", "UAF": "armed_group", "PRM": "armed_group", "CRM": "armed_group",
                         "PTY": "party", "OPP": "movement"}
PAIR_DETERMINERS = frozenset(_W.pair_determiners)
PAIR_NOUNS = dict(_W.pair_nouns)
# words the prefilter keeps a sentence for (see ``detente.prefilter``): anaphors that need no "the"
ANAPHOR_WORDS = PERSON_PRONOUNS | PLURAL_PRONOUNS | {"it", "its"} | PAIR_DETERMINERS
# nouns that are anaphors right after "the"
DEFINITE_ANAPHORS = STATE_NOUNS | GROUP_NOUNS | BLOC_NOUNS | {"council", "committee"}
STATE_KINDS = frozenset({"state", "historic_state"})


OWNED_BY_NAME = tuple(_W.owned_by_name)


def _kind(kb: ActorKB, m: Mention) -> str | None:
    if m.kind == "person":
        return "person"
    a = kb.get(m.id) if m.id else None
    if a is not None:
        return a.kind
    if m.kind in ("generic", "entity") and m.sector in GENERIC_GROUP_SECTORS:
        return GENERIC_GROUP_SECTORS[m.sector]  # "the rebels … designated them": a group the KB lacks
    if m.country and (c := kb.get(m.country)) is not None and c.kind in STATE_KINDS:
        return "state_part"  # "Russian officials": part of a state, not the state
    return None


def _acts(doc, m: Mention) -> bool:
    """Whether mention ``m`` is the subject of its clause ("India said no", "What India says")."""
    sp = doc.char_span(m.start, m.end, alignment_mode="expand")
    return sp is not None and sp.root.dep_ in ("nsubj", "nsubjpass")


def _state_of(kb: ActorKB, m: Mention) -> str | None:
    """The state a mention stands for or belongs to (RUS for "Russia", "Moscow", "Russian officials")."""
    k = _kind(kb, m)
    if k in STATE_KINDS:
        return m.id
    if k == "state_part":
        return m.country
    return None


def _first(pair: tuple[int, Any]) -> int:
    return pair[0]


def _upto(timeline: list[tuple[int, Any]], before: int) -> int:
    """How many entries of the token-sorted ``timeline`` lie before token ``before`` (bisection:
    a lookup must not walk the mentions of the whole document)."""
    return bisect_left(timeline, before, key=_first)


def _back(timeline: list[tuple[int, Any]], before: int) -> Iterator[tuple[int, Any]]:
    """The entries of the token-sorted ``timeline`` before token ``before``, nearest first."""
    for k in range(_upto(timeline, before) - 1, -1, -1):
        yield timeline[k]


def add_coref(doc: Doc, mentions: list[Mention], kb: ActorKB, nouns: dict[int, tuple[Span, SectorNoun]],
              on: dt.date | None = None, places: list[Mention] | None = None) -> list[Mention]:
    """``mentions`` plus coreferent mentions (kind ``coref``), sorted; ``antecedent`` indexes the list.

    ``places``: capitals the mention finder read as places ("a Moscow think tank", "in Kabul"); not
    mentions, but "the government" / "the country" after one is that state's (the coref mention then
    has ``antecedent`` null and the state as its id)."""
    if not mentions or not doc.has_annotation("SENT_START"):
        return mentions
    # token arrays read once (building a Token per word is the slow part of a pass over the doc)
    starts = doc.to_array("SENT_START").tolist()
    sent_of = list(itertools.accumulate((1 if v == 1 and i else 0) for i, v in enumerate(starts)))
    char_tok = {c: i for i, c in enumerate(doc.to_array("IDX").tolist())}
    # inside quotation marks? a mention quoted from someone is no antecedent for the narrative
    in_quote = [False] * len(doc)
    q = False
    text = doc_text(doc)
    words = [t.text for t in doc] if any(c in text for c in ('"', "\u201c", "\u201d")) else []
    for i, w in enumerate(words):
        if w in ('"', "\u201c", "\u201d"):
            q = (w != "\u201d") and not (q and w == '"')
        in_quote[i] = q

    def tok_of(m: Mention) -> int:
        i = char_tok.get(m.start)
        return doc.char_span(m.start, m.end, alignment_mode="expand").start if i is None else i

    covered: set[int] = set()
    for m in mentions:
        if m.kind in ("generic", "entity"):
            continue  # an actor the KB lacks ("the government"): coreference may still claim it
        sp = doc.char_span(m.start, m.end, alignment_mode="expand")
        if sp is not None:
            covered.update(range(sp.start, sp.end))

    # all mentions so far with their first token, in text order; coref mentions join as found
    timeline: list[tuple[int, Mention]] = sorted(((tok_of(m), m) for m in mentions), key=lambda p: p[0])
    added: list[tuple[Mention, Mention]] = []  # (coref mention, antecedent)
    longest = [max((m.end - m.start for m in mentions), default=0)]  # the longest mention, in characters

    def co_arguments(i: int) -> set[int]:
        """Tokens of the subject of the verb an object pronoun hangs on: "X designated them" — a
        pronoun object never stands for its own clause's subject."""
        t = doc[i]
        if t.dep_ == "det":
            t = t.head  # "the country's …": the noun the article belongs to
        if t.dep_ == "poss" and t.head.dep_ in ("dobj", "pobj"):
            t = t.head  # "Japan condemned the country's launch": the owner of the object, not Japan
        if t.dep_ not in ("dobj", "dative", "pobj"):
            return set()
        verb = t.head.head if t.dep_ == "pobj" else t.head
        return {k for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                for k in range(c.left_edge.i, c.right_edge.i + 1)}

    def find(before: int, ok, nearest: bool = False) -> Mention | None:
        """The last mention before token ``before`` that passes ``ok`` (``nearest``: only if the
        very last mention passes — the subject of the pronoun's own clause not counting), within
        the window, quoted text skipped from outside quotes."""
        skip = co_arguments(before) if before < len(doc) else set()
        for ti, m in _back(timeline, before):
            if ti in skip:
                continue
            if sent_of[ti] < sent_of[before] - WINDOW:
                return None
            if in_quote[ti] and not in_quote[before]:
                continue
            if ok(m):
                return m
            if nearest and m.kind not in ("generic", "entity"):
                return None  # (an actor the KB lacks that does not fit does not stop the search)
        return None

    root_score: dict[int, float] = {id(m): m.score for m in mentions}
    place_toks = sorted(((tok_of(p), p) for p in (places or []) if p.id), key=_first)
    root_score.update({id(p): p.score for _, p in place_toks})

    def nearer_place(before: int, ante: Mention | None) -> Mention | None:
        floor = tok_of(ante) if ante is not None else -1
        for ti, p in _back(place_toks, before):
            if ti <= floor or sent_of[ti] < sent_of[before] - 1:
                return None  # sorted: every earlier place is as far out
            if not (in_quote[ti] and not in_quote[before]):
                return p
        return None

    def add(span: Span, ante: Mention, country, sector, ident, why: str) -> None:
        cm = Mention(start=span.start_char, end=span.end_char, text=span.text, id=ident, country=country,
                     sector=sector, score=round(root_score[id(ante)] * 0.8, 3),
                     why=f"coref {why} -> {ante.text!r}", kind="coref")
        added.append((cm, ante))
        root_score[id(cm)] = root_score[id(ante)]
        covered.update(range(span.start, span.end))
        at = bisect_right(timeline, span.start, key=_first)
        timeline.insert(at, (span.start, cm))  # after equal keys, as append + stable sort
        longest[0] = max(longest[0], cm.end - cm.start)
        for key, named in list(kept.items()):
            if at < named.n:  # inserted among the entries it has counted: count again
                del kept[key]

    def possessed(i: int) -> tuple[Span, SectorNoun] | None:
        """The state institution after "<anaphor>'s" ("the country's Supreme Court")."""
        j = i + 1
        if j < len(doc) and doc[j].lower_ in ("'s", "\u2019s", "'"):
            j += 1
            for k in (j, j + 1):
                if k in nouns and (k == j or doc[j].pos_ == "ADJ"):
                    return nouns[k]
        return None

    wanted: dict[tuple[int, str, bool], bool] = {}  # (mention, pair noun's kind, "governments") → fits
    kept: dict[tuple[str, bool, bool], _Named] = {}  # counts for the main dyad, per kind of pair anaphor
    toks = doc_tokens(doc)
    lows = [t.lower_ for t in toks]
    for t in toks:
        i = t.i
        if i in covered:
            continue
        low = lows[i]
        prev = lows[i - 1] if i > 0 else ""
        nxt = lows[i + 1] if i + 1 < len(lows) else ""
        definite = prev == "the" and (i - 1) not in covered and nxt != "of"
        if not definite and low not in ANAPHOR_WORDS:
            continue  # (every case below is a definite noun or one of the anaphors needing no "the")
        span = doc[i - 1:i + 1] if definite else doc[i:i + 1]

        if low in PAIR_DETERMINERS and nxt in PAIR_NOUNS and (low == "both" or prev == "the") \
                and (i + 1) not in covered:
            want = PAIR_NOUNS[nxt]
            det = doc[i - 1:i + 1] if low == "two" else doc[i:i + 1]
            # the actor whose clause holds the anaphor is not one of the pair: "Kallas urged both
            # sides", "China, which has ties with both governments"
            acting = _acting_tokens(doc[i + 1])
            # the characters of the acting tokens: a mention outside them cannot have its root there
            a_lo = min((doc[k].idx for k in acting), default=0)
            a_hi = max((doc[k].idx + len(doc[k]) for k in acting), default=0)

            def fits(m: Mention, want=want, acting=acting, noun=nxt, a_lo=a_lo, a_hi=a_hi) -> bool:
                if m.start < a_hi and m.end > a_lo:
                    sp = doc.char_span(m.start, m.end, alignment_mode="expand")
                    if sp is not None and sp.root.i in acting:
                        return False
                # what kind of pair member a mention can be does not change: worked out once per
                # mention (pair anaphors look back over all mentions named so far)
                key = (id(m), want, noun == "governments")
                got = wanted.get(key)
                if got is None:
                    got = wanted[key] = _pair_member(kb, m, want, noun, on)
                return got

            pair: list[Mention] = []
            seen_ids: set[str] = set()
            for ti, m in _back(timeline, det.start):
                if sent_of[ti] < sent_of[i] - WINDOW or len(pair) == 2:
                    break
                if in_quote[ti] and not in_quote[i] or not fits(m):
                    continue
                ident = m.id or m.country or ""
                if ident in seen_ids:
                    continue
                seen_ids.add(ident)
                pair.append(m)
            joint = _coordinated_pair(doc, timeline, sent_of, det.start, sent_of[i] - WINDOW, fits,
                                      lambda ti: not (in_quote[ti] and not in_quote[i]))
            visible = lambda ti: not (in_quote[ti] and not in_quote[i])  # noqa: E731
            kind_fits = lambda m, want=want, noun=nxt: fits(m, want, frozenset(), noun, 0, 0)  # noqa: E731
            excluded = []  # mentions of the acting actor: only near the anaphor
            for ti, m in _back(timeline, det.start) if acting else ():
                if m.start + longest[0] <= a_lo:
                    break
                if visible(ti) and kind_fits(m) and not fits(m):
                    excluded.append(m)
            named = kept.setdefault((want, nxt == "governments", in_quote[i]), _Named())
            dyad, ok = _main_dyad_kept(named, timeline, det.start, kind_fits, visible, excluded)
            if not ok:
                dyad = _main_dyad(timeline, det.start, fits, visible)
            if joint is not None and dyad is not None and _passing(timeline, det.start, joint, dyad):
                joint = None  # "Iraq and Oman hosted talks …, diplomats from both countries": the topic pair
            if joint is not None:
                pair = [joint[1], joint[0]]
            elif dyad is not None:
                pair = [dyad[1], dyad[0]]
            if len(pair) == 2:
                later, earlier = pair
                phrase = f"{det.text} {doc[i + 1].text}"
                add(det, earlier, earlier.country, earlier.sector, earlier.id, f"pair {phrase!r} (1 of 2)")
                add(doc[i + 1:i + 2], later, later.country, later.sector, later.id, f"pair {phrase!r} (2 of 2)")
            continue
        if definite and low in STATE_NOUNS:
            ante = find(i - 1, lambda m: _state_of(kb, m) is not None and _kind(kb, m) in STATE_KINDS
                        or (m.kind == "coref" and _state_of(kb, m) is not None and m.id == m.country))
            ante = nearer_place(i - 1, ante) or ante
            if ante is None:
                continue
            state = _state_of(kb, ante)
            own = possessed(i)
            if own is not None:
                nspan, noun = own
                whole = doc[i - 1:nspan.end]
                inst = noun.institution and noun.sector in STATE_SECTORS
                add(whole, ante, state, noun.sector, state if inst else None, f"'the {low}'s {noun.phrase}'")
            else:
                gov = kb.governor(state, on) if low == "government" else None
                add(span, ante, state, "GOV" if low == "government" else None, gov or state,
                    f"'the {low}'" + (f" (de facto government {gov})" if gov else ""))
        elif definite and low in GROUP_NOUNS:
            kinds = GROUP_KINDS | ({"igo", "ngo"} if low in ORGANISATION_NOUNS else set())
            ante = find(i - 1, lambda m: _kind(kb, m) in kinds or (m.kind == "coref" and m.id and
                                                                  (a := kb.get(m.id)) is not None and a.kind in kinds))
            if ante is not None:
                add(span, ante, ante.country, ante.sector, ante.id, f"'the {low}'")
        elif definite and low in BLOC_NOUNS:
            ante = find(i - 1, lambda m: _kind(kb, m) == "igo")
            if ante is not None:
                add(span, ante, ante.country, ante.sector, ante.id, f"'the {low}'")
        elif definite and low in COUNCIL_NOUNS and (i + 1 >= len(doc) or doc[i + 1].pos_ != "PROPN"):
            # "the committee" after "the Security Council committee"/"the 1988 Committee": the
            # council whose committee it is (a committee must have been named as such)
            ante = find(i - 1, lambda m: _kind(kb, m) == "igo" and m.id is not None
                        and low in (m.text.lower() + " " + (kb.get(m.id).name.lower() if kb.get(m.id) else "")))
            if ante is not None:
                add(span, ante, ante.country, ante.sector, ante.id, f"'the {low}'")
        elif low in PERSON_PRONOUNS and t.pos_ == "PRON":
            want = PRONOUN_GENDER.get(low)
            ante = None
            if t.dep_ in ("nsubj", "nsubjpass"):
                # a pronoun subject continues the last person who was a subject ("Obama will lunch
                # with Prince Philip. He then holds talks …": Obama)
                ante = find(i, lambda m: m.kind == "person" and _gender(m) in (None, want) and _acts(doc, m))
            if ante is None:
                ante = find(i, lambda m: m.kind == "person" and _gender(m) in (None, want))
            if ante is not None:
                add(span, ante, ante.country, ante.sector, ante.id, f"{t.text!r}")
        elif low in PLURAL_PRONOUNS and t.pos_ == "PRON":
            ante = find(i, lambda m: _kind(kb, m) in GROUP_KINDS and m.kind != "person", nearest=True)
            if ante is None and t.is_sent_start:
                # "The Taliban have asked Moscow … Their spokesman said": the last actor that was a
                # subject, when it is a group (an object named since does not take "their")
                ante = find(i, lambda m: m.kind != "coref" and _acts(doc, m) and (m.id or m.country), nearest=False)
                if ante is not None and not (_kind(kb, ante) in GROUP_KINDS and ante.kind != "person"):
                    ante = None
            if ante is not None and sent_of[tok_of(ante)] >= sent_of[i] - 1:
                add(span, ante, ante.country, ante.sector, ante.id, f"{t.text!r}")
        elif (low == "it" and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PRON"
              and t.head.lemma_.lower() not in EXPLETIVE_VERBS):
            def subject_actor(m: Mention) -> bool:
                if not (m.id or m.country):
                    return False
                sp = doc.char_span(m.start, m.end, alignment_mode="expand")
                if sp is None:
                    return False
                root = sp.root
                if root.pos_ == "NOUN" and (root.tag_ == "NNS" or root.lemma_.lower() in PERSON_NOUNS):
                    return False  # people ("soldiers", "an officer") are not "it"
                if root.dep_ in ("nsubj", "nsubjpass"):  # the actor is the subject ("Russia said it …")
                    return m.kind != "person"
                # or names the subject's head: "the Biden administration said it …"
                return (root.dep_ in ("compound", "poss", "amod", "nmod") and root.head.dep_ in ("nsubj", "nsubjpass")
                        and root.head.lemma_.lower() in IT_HEADS)
            ante = find(i, lambda m: m.kind != "coref" and subject_actor(m))
            if ante is not None and sent_of[tok_of(ante)] >= sent_of[i] - 1:
                add(span, ante, ante.country, ante.sector, ante.id, "'it'")
        elif low == "its" and t.dep_ == "poss":
            subj = _clause_subject(t)
            for _ in range(2):
                if subj is None or not _plural_noun(subj):
                    break
                # "ISIL confirms that U.S. forces killed its leader": "its" is no plural noun's;
                # the subject of the clause above
                verb = subj.head
                subj = _clause_subject(verb.head) if verb.head is not verb else None
            if subj is None:
                continue
            ante = None
            for _, m in _back(timeline, subj.i + 1):
                if m.start + longest[0] <= subj.idx:
                    break  # this and every earlier mention end before the subject
                if m.start <= subj.idx < m.end and m.kind != "person":
                    ante = m
                    break
            if ante is not None and (ante.id or ante.country):
                add(span, ante, ante.country, ante.sector, ante.id, "'its'")
        elif definite and i in nouns:
            nspan, noun = nouns[i]
            if not (noun.institution and noun.sector in STATE_SECTORS):
                continue
            if nspan.end < len(doc) and doc[nspan.end].lower_ == "of":
                continue
            whole = doc[i - 1:nspan.end]
            if any(k in covered for k in range(whole.start, whole.end)):
                continue
            if noun.sector == "JUD" and nspan.root.lower_ == "court":
                # "the court" after "the International Court of Justice": that court
                court = find(i - 1, lambda m: m.id is not None and _kind(kb, m) in ("igo", "ngo")
                             and m.sector == "JUD")
                if court is not None:
                    add(whole, court, court.country, court.sector, court.id, "'the court' (the last court)")
                    continue
            if any(w in noun.phrase.lower() for w in OWNED_BY_NAME):
                # "the Treasury" is no organ of whichever state came last ("sanctions on Iran. The
                # Treasury said …"): only a state whose own Treasury was named before owns it
                word = next(w for w in OWNED_BY_NAME if w in noun.phrase.lower())
                ante = find(i - 1, lambda m: word in m.text.lower() and _state_of(kb, m) is not None)
                if ante is not None:
                    state = _state_of(kb, ante)
                    add(whole, ante, state, noun.sector, state, f"'the {noun.phrase}' (the last state's {word})")
                continue
            ante = find(i - 1, lambda m: m.sector == noun.sector and _state_of(kb, m) is not None
                        and m.id == _state_of(kb, m))
            # a state named later as the subject of a clause ("India said no. The foreign ministry
            # called …") owns the institution rather than an earlier one ("Ottawa expelled …")
            actor = find(i - 1, lambda m: _kind(kb, m) in STATE_KINDS and _acts(doc, m))
            if actor is not None and (ante is None or actor.start > ante.start):
                ante = actor
            if ante is None:
                ante = find(i - 1, lambda m: _kind(kb, m) in STATE_KINDS)
            if ante is None:
                continue
            state = _state_of(kb, ante)
            add(whole, ante, state, noun.sector, state, f"'the {noun.phrase}' (institution of the last state)")

    if not added:
        return mentions
    claimed = [(cm.start, cm.end) for cm, _ in added]
    mentions = [m for m in mentions if m.kind not in ("generic", "entity")
                or not any(a < m.end and m.start < b for a, b in claimed)]
    allm = sorted(mentions + [cm for cm, _ in added], key=lambda m: (m.start, -m.end))
    pos = {id(m): n for n, m in enumerate(allm)}
    for cm, ante in added:
        cm.antecedent = pos.get(id(ante))  # none for a place antecedent
    return allm


def _acting_tokens(tok) -> set[int]:
    """Tokens that name who acts on ``tok`` in the clauses above it: the heads it hangs from (a
    relative clause's noun: "China, which has ties with …") and the subject of the nearest verb
    ("Kallas urged both sides"). Climbing stops where the path is a subject itself ("Russia and
    Ukraine exchanged strikes, and both sides said …": the pair is the subject, its antecedents free)."""
    out: set[int] = set()
    cur = tok
    verb_seen = False
    for _ in range(12):
        if cur.dep_ in ("nsubj", "nsubjpass") or cur.head is cur:
            break
        a = cur.head
        out.add(a.i)
        if not verb_seen and a.pos_ in ("VERB", "AUX"):
            verb_seen = True  # only the subject of the nearest verb: a speaker higher up may be a party
            for c in a.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i != cur.i:
                    out.update(x.i for x in c.subtree)
        cur = a
    return out


def _plural_noun(tok) -> bool:
    """A plural common noun ("forces", "troops"), which "its" cannot stand for (a plural name —
    "the United States", "the Philippines" — can)."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NNS"


def _clause_subject(tok):
    """The subject of the clause a token belongs to (one step up through conjoined/adverbial verbs)."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            break
        t = t.head
    for _ in range(2):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
        if t.dep_ == "xcomp" and t.head is not t:
            # "ordered Iran to close its embassy": the object of the governing verb acts
            obj = [c for c in t.head.children if c.dep_ == "dobj" and c.i < t.i]
            if obj:
                return obj[0]
        if (t.dep_ in ("conj", "advcl", "xcomp") or (t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX"))) \
                and t.head is not t:
            # (a participle used as a preposition, "withdrew the bill following US pressure on its
            # government", is an adjunct of the main clause: its subject owns "its")
            t = t.head
        else:
            break
    return None


PAIR_JOINERS = frozenset(_W.pair_joiners)


class _Named:
    """Per actor: how often it was named, its first mention (the first non-coref one when there is
    one) and where it was first named — over the first ``n`` entries of a timeline."""

    def __init__(self) -> None:
        self.n = 0
        self.count: dict[str, int] = {}
        self.first: dict[str, Mention] = {}
        self.order: dict[str, int] = {}
        self.earliest: dict[str, Mention] = {}  # the mention counted first (whose position is ``order``)

    def add(self, ti: int, m: Mention) -> None:
        ident = m.id or m.country
        if not ident:
            return
        self.count[ident] = self.count.get(ident, 0) + 1
        if ident not in self.first or m.kind != "coref" and self.first[ident].kind == "coref":
            self.first[ident] = m
            if ident not in self.order:
                self.order[ident], self.earliest[ident] = ti, m

    def dyad(self, count: dict[str, int] | None = None) -> tuple[Mention, Mention] | None:
        """The two actors named most often (``count`` instead of this one's, when given), when they
        clearly lead (each named at least three times, the second more often than the third)."""
        count = self.count if count is None else count
        ranked = sorted(count, key=lambda k: -count[k])
        if len(ranked) < 2 or count[ranked[1]] < 3 or (len(ranked) > 2 and count[ranked[2]] >= count[ranked[1]]):
            return None
        a, b = sorted(ranked[:2], key=lambda k: self.order[k])
        return self.first[a], self.first[b]


def _main_dyad(timeline, before: int, fits, visible):
    """The article's main dyad so far: the two actors that pass ``fits`` named most often before
    token ``before``, when they clearly lead (each named at least three times, the second more often
    than the third). Text order of first mention: (earlier, later)."""
    named = _Named()
    for ti, m in timeline[:_upto(timeline, before)]:
        if visible(ti) and fits(m):
            named.add(ti, m)
    return named.dyad()


def _main_dyad_kept(named: _Named, timeline, before: int, kind_fits, visible, excluded):
    """``_main_dyad`` from counts kept as the text goes on: ``named`` counts the entries before it
    that are ``visible`` and ``kind_fits``; it is brought up to token ``before`` here (each entry is
    counted once over the whole document, not once per pair anaphor). ``excluded``: the mentions
    ``fits`` rejects beyond ``kind_fits`` (the acting actor's), taken out of the counts; ``None`` when
    taking one out would change a first mention: the caller then counts from scratch."""
    k = _upto(timeline, before)
    if k < named.n:  # counted past ``before`` already
        return None, False
    for ti, m in timeline[named.n:k]:
        if visible(ti) and kind_fits(m):
            named.add(ti, m)
    named.n = k
    if not excluded:
        return named.dyad(), True
    count = dict(named.count)
    for m in excluded:
        ident = m.id or m.country
        if not ident:
            continue
        if named.first.get(ident) is m or named.earliest.get(ident) is m:
            return None, False
        count[ident] -= 1
    return named.dyad(count), True


def _pair_member(kb: ActorKB, m: Mention, want: str, noun: str, on: dt.date | None) -> bool:
    """Whether ``m`` can be one of "both <noun>" (``want``: person, state or any actor)."""
    if want == "person":
        return m.kind == "person"
    if want == "state":
        if noun == "governments" and m.id and m.country and kb.governor(m.country, on) == m.id:
            return True  # "both governments" after "the Taliban": Afghanistan's de facto one
        return _state_of(kb, m) is not None and m.id == _state_of(kb, m) and m.id is not None
    return bool(m.id or m.country)


def _passing(timeline, before: int, joint, dyad) -> bool:
    """A coordinated pair named only in passing (each once so far, neither in the main dyad)."""
    ids = {m.id or m.country for m in joint}
    if ids & {m.id or m.country for m in dyad}:
        return False
    n = 0
    for _, m in timeline[:_upto(timeline, before)]:
        n += (m.id or m.country) in ids
        if n > 2:
            return False
    return True


def _coordinated_pair(doc: Doc, timeline, sent_of, before: int, first_sent: int, fits, visible):
    """The latest two actors named together, and only those two ("Iran and Saudi Arabia"), before
    token ``before`` and within the window: a pair anaphor most often takes up such a pair, even when
    a third actor (a broker, a host) was named since; a list of three is no pair. Text order:
    (earlier, later)."""
    run: list[tuple[int, Mention]] = []

    def close(run):
        ids = {m.id or m.country for _, m in run}
        return (run[-1][1], run[0][1]) if len(run) == 2 and len(ids) == 2 else None

    for ti, m in _back(timeline, before):
        if sent_of[ti] < first_sent:
            break
        if not visible(ti) or not fits(m):
            if run and (got := close(run)):
                return got
            run = []
            continue
        if run:
            pti, pm = run[-1]
            between = doc_text(doc)[m.end:pm.start].strip().lower()
            if sent_of[ti] == sent_of[pti] and between in PAIR_JOINERS and (m.id or m.country):
                run.append((ti, m))
                continue
            if (got := close(run)):
                return got
        run = [(ti, m)]
    return close(run) if run else None
