"""Background acts told inside another act: the crime behind an arrest, charge, trial or sentence.

"Police arrested three men on suspicion of murdering two officers", "a court convicted him of
attacking police", "charged with the kidnapping of a businessman": the act after the frame's
preposition is an event of its own (the labelling guide codes background facts), its doer the
accused, its victim the gerund's object or the noun's "of" phrase. This module reads the frame from
the parse; the words are data (``data/patterns/background.yml``) and the act's type comes from the
event lexicon. The events engine builds the event (``engine._background_acts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from spacy.tokens import Token

from detente.events.patterns import Pattern, PatternSet
from detente.events.plover import cameo_to_plover
from detente.nlp import lemma_lower
from detente.wordlists import DataFile, WordList

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "patterns" / "background.yml"
MAX_STEPS = 8


class BackgroundWords(DataFile):
    """``data/patterns/background.yml``."""

    types: WordList
    extra_acts: dict[str, str] = Field(default_factory=dict)
    frame_verbs: WordList
    frame_nouns: WordList
    frame_preps: WordList
    frame_preps_own: WordList
    own_verbs: WordList
    link_nouns: WordList
    unrealised_gerunds: WordList
    link_preps: WordList
    alleging_nouns: WordList
    alleging_verbs: WordList
    reaction_verbs: WordList
    cause_preps: WordList
    answered_types: WordList
    reaction_nouns: WordList
    reaction_noun_preps: WordList
    patient_types: WordList
    patient_possessor_nouns: WordList
    adjunct_preps: WordList
    patient_pronouns: WordList
    relative_pronouns: WordList
    relative_types: WordList
    owner_skip_sectors: WordList
    accused_types: WordList = Field(default_factory=list)
    private_crimes: WordList = Field(default_factory=list)


def words() -> BackgroundWords:
    return BackgroundWords.read_once(DATA_FILE)


@dataclass
class Frame:
    """An act (``act``) hanging on a frame word (``head``) through the tokens of ``path``."""

    act: Token
    head: Token
    path: list[Token]

    @property
    def alleged(self) -> bool:
        w = words()
        return any((t.lemma_.lower() in w.alleging_nouns and t.pos_ == "NOUN")
                   or (t.lemma_.lower() in w.alleging_verbs and t.pos_ in ("VERB", "AUX"))
                   for t in [*self.path, self.head])


_lemma = lemma_lower


@lru_cache(maxsize=None)
def _extra_pattern(word: str, cameo: str) -> Pattern:
    entry = cameo_to_plover(cameo)
    return Pattern(id=f"background.{word}", nouns=[word], verbs=[word], type=entry.type if entry else "ASSAULT",
                   mode=entry.mode if entry else None, cameo=cameo)


def act_candidate(patterns: PatternSet, tok: Token) -> tuple[Pattern, bool] | None:
    """The lexicon's (first) pattern naming the act ``tok`` (a noun, or a gerund), and whether its
    type must be one asked for (an ``extra_acts`` word's act is taken whatever its type)."""
    w = words()
    lemma = _lemma(tok)
    if lemma in w.extra_acts:
        return _extra_pattern(lemma, w.extra_acts[lemma]), False
    # (a verb pattern read on its noun names the act only with its object: not the noun's own act)
    # (nor does a pattern of a phrase, "school closure", name a noun outside that phrase: "a closure of
    # embassies" is no school's)
    cands = [p for p in patterns.for_noun(lemma) if p.object_prep is None and _names_phrase(p, tok)] \
        if tok.pos_ in ("NOUN", "PROPN") else (
        patterns.for_verb(lemma) if tok.pos_ == "VERB" and tok.tag_ in ("VBG", "VBN") else [])
    return (cands[0], True) if cands else None


def _names_phrase(p: Pattern, tok: Token) -> bool:
    """Whether one of the noun pattern's nouns names ``tok``: a single word, or a phrase its own words
    end with ("school closure" on "the school closures", not on "a closure of embassies")."""
    phrase = " ".join(t.lower_ for t in tok.doc[tok.left_edge.i: tok.i + 1])
    return any(n in phrase if " " in n else n == _lemma(tok) for n in p.nouns)


def of_types(cand: tuple[Pattern, bool] | None, types: list[str] | None = None) -> Pattern | None:
    """The pattern of ``act_candidate`` if it is of one of ``types`` (default: the kept ``types``)."""
    if cand is None:
        return None
    first, typed = cand
    return first if not typed or first.type in (types or words().types) else None


def act_pattern(patterns: PatternSet, tok: Token, types: list[str] | None = None) -> Pattern | None:
    """The lexicon's (first) pattern naming the act ``tok`` (a noun, or a gerund), if it is of one of
    ``types`` (default: the kept ``types``)."""
    return of_types(act_candidate(patterns, tok), types)


def frame_of(act: Token) -> Frame | None:
    """The accusation frame ``act`` is told in, if any: up through coordination, a gerund it is the
    object of ("organizing the murder"), link nouns ("in connection with"), to a frame verb or noun
    governing the preposition ("charged with", "on suspicion of")."""
    w = words()
    cur, path, linked = act, [], False
    for _ in range(MAX_STEPS):
        if cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
        elif cur.dep_ == "dobj" and cur.head.pos_ == "VERB" and cur.head.dep_ == "pcomp":
            if _lemma(cur.head) in w.unrealised_gerunds:
                return None  # "arrested for planning the bombing of a church": not done
            cur = cur.head  # "on charges of organizing the murder of …"
        elif cur.dep_ in ("pobj", "pcomp"):
            prep, gov = cur.head, cur.head.head
            path.append(prep)
            word = prep.lower_
            own = word in w.frame_preps_own and _lemma(gov) in ("guilty", *w.own_verbs)
            if (word in w.frame_preps or own or (linked and word in w.link_preps)) and (
                    (_lemma(gov) in w.frame_verbs and gov.pos_ in ("VERB", "AUX", "ADJ"))
                    or (_lemma(gov) in w.frame_nouns and gov.pos_ == "NOUN")):
                return Frame(act, gov, path)
            if word in w.frame_preps and gov.dep_ in ("dobj", "nsubjpass") and _lemma(gov.head) in w.frame_verbs:
                return Frame(act, gov.head, path)  # the phrase hangs on the accused ("convicts a man of …")
            if word in w.link_preps and _lemma(gov) in w.link_nouns:
                path.append(gov)
                cur, linked = gov, True
                continue
            return None
        else:
            return None
    return None


def private_crime(act: Token) -> bool:
    """Whether the crime behind a legal act is a sexual crime of a person (``private_crimes``: "the
    rape of two women", "the sexual assault of two children", "sexually assaulting choirboys"): the
    real-text gold codes the legal act only, not such a crime as a political attack."""
    crimes = words().private_crimes
    return _lemma(act) in crimes or any(
        c.dep_ in ("amod", "compound", "advmod") and (_lemma(c) in crimes or c.lower_ in crimes) for c in act.children)


def answered(act: Token) -> bool:
    """``act`` is what a reaction answers: the object of a reaction verb, the cause after "over",
    what a retaliation is for or an anniversary of."""
    w = words()
    while act.dep_ == "conj" and act.head.i != act.i:
        act = act.head
    if act.dep_ == "dobj":
        return _lemma(act.head) in w.reaction_verbs
    if act.dep_ == "pobj":
        prep = act.head
        if prep.lower_ in w.cause_preps:
            return True
        return prep.lower_ in w.reaction_noun_preps and _lemma(prep.head) in w.reaction_nouns
    return False


def accused(frame: Frame, is_passive) -> Token | None:
    """The token naming the accused: the passive subject or object of the frame verb ("X was charged",
    "police arrested X"), the subject of an own verb ("X pleads guilty", "X faces charges"), the
    "for" phrase of a warrant; a frame noun is followed up to its verb."""
    w = words()
    head = frame.head
    if head.pos_ == "NOUN":
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "against"):
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.i < frame.act.i:
                    return obj
        for _ in range(3):  # "on suspicion of" → the verb "on" hangs on; "faces charges of" → faces
            if head.dep_ in ("pobj",) and head.head.dep_ == "prep":
                head = head.head.head
            elif head.dep_ in ("dobj", "nsubjpass", "attr") and head.head.pos_ in ("VERB", "AUX"):
                head = head.head
            else:
                break
        if head.pos_ not in ("VERB", "AUX"):
            return None
    if head.pos_ == "ADJ":  # "was found guilty of", "pleads guilty to"
        head = head.head
    if is_passive(head):
        return next((c for c in head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if _lemma(head) in w.own_verbs:
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    return obj


def victim(act: Token) -> Token | None:
    """Who suffered the act: the gerund's object ("murdering two officers"), the noun's "of" phrase
    ("the murder of a mayor")."""
    if act.pos_ == "VERB":
        return next((c for c in act.children if c.dep_ == "dobj"), None)
    for c in act.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "against"):
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return _patient_possessor(act)  # "charged with his murder", "over Nijjar's killing"


def patient_owner(act: Token, pattern: Pattern) -> Token | None:
    """The possessor who suffered a noun's act ("after his capture", "following her arrest"), where
    the noun names no victim nor doer of its own."""
    w = words()
    if act.pos_ != "NOUN" or pattern.type not in w.patient_types or _lemma(act) not in w.patient_possessor_nouns:
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("of", "by") for c in act.children):
        return None
    return _patient_possessor(act)


def _patient_possessor(act: Token) -> Token | None:
    """The possessor of an act noun that suffered it: a personal pronoun ("his arrest") or a person's
    name ("Nijjar's murder"), not a state's or a body's ("Canada's expulsions", "its arrests")."""
    w = words()
    if _lemma(act) not in w.patient_possessor_nouns:
        return None
    poss = next((c for c in act.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if poss.tag_ == "PRP$":
        return poss if poss.lower_ in w.patient_pronouns else None
    return poss if poss.ent_type_ == "PERSON" else None


def adjunct_patient(act: Token, pattern: Pattern) -> Token | None:
    """The subject of the clause a passive adjunct hangs on ("X resigned after being detained by
    police" → X): who suffered the act."""
    w = words()
    if pattern.type not in w.patient_types or act.tag_ != "VBN" or act.dep_ not in ("pcomp", "advcl"):
        return None
    if not any(c.dep_ == "auxpass" for c in act.children) or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in act.children):
        return None
    prep = act.head
    if act.dep_ == "pcomp" and prep.lower_ not in w.adjunct_preps:
        return None
    clause = prep.head if act.dep_ == "pcomp" else prep
    while clause.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        clause = clause.head
    return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)



def relative_patient(act: Token, pattern: Pattern) -> Token | None:
    """The noun a passive relative clause tells an act of ("the opposition leader, who was kidnapped
    in March", "the governor who was murdered in 2011"): who suffered it."""
    w = words()
    if pattern.type not in w.relative_types or act.tag_ != "VBN" or act.dep_ != "relcl":
        return None
    if not any(c.dep_ == "nsubjpass" and c.lower_ in w.relative_pronouns for c in act.children):
        return None
    return act.head
