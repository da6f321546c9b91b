"""Event status from the sentence: negated, planned, reported, ongoing or occurred.

Heuristics over the dependency parse (the word lists are in ``detente/data/patterns/status.yml``):

- **negated** — a ``neg`` child ("not", "never") on the trigger or on the verbs it depends on through
  ``xcomp``/``acomp`` ("did not recognise", "has not formally recognised"); a "no" determiner on the
  trigger noun, the subject or the object ("No country recognises", "no detentions"); a governing
  verb such as "refuse", "decline", "fail" ("refused to recognise"); "has yet to", "is yet to".
- **planned** — a modal auxiliary ("will", "could", "may"), a governing verb or adjective of intent or
  expectation ("plans to", "is expected to", "ready to", "proposed"), an enabling verb ("lets Russia
  sign": also flags *enabled*), or a date the dates stage marks as future ("next month").
- **reported** — "allegedly", "reportedly"; governed by "claim"/"allege"; "is said/reported to";
  "according to reports/sources" (a non-actor attribution).
- **ongoing** — a "since" date, "repeatedly", "regularly", "continues to", "regular talks",
  present progressive.

Precedence: negated > planned > reported > ongoing > occurred. A negated event is never coded as
having occurred.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from detente.nlp import span_tokens
from detente.wordlists import DataFile, WordList

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "patterns" / "status.yml"


# ``why`` of a denial by a "no" on the doer ("no EU member has recognised X"): nobody's act, no party
# (relations.derive makes no change of it; "signed no agreement" denies the doer's act)
NO_SUBJECT_WHY = "no-determiner on the subject"


class StatusWords(DataFile):
    negators: list[str]            # governing verbs that negate their complement
    negative_determiners: list[str]
    pending_heads: WordList    # "has yet to sign": with pending_adverbs, not happened
    pending_adverbs: WordList
    denying_copulas: WordList  # "X's recognition of Y is not on the table": negated …
    denying_predicates: WordList  # … with one of these predicates ("not surprising" denies nothing)
    # "the lack of evidence to convict", "failure to reach a deal": a noun that says its complement
    # did not happen; "without reaching a deal": a preposition whose gerund has not happened (an
    # *unrealised* act, no news of its own)
    negator_nouns: WordList
    unrealised_preps: WordList
    modals: list[str]
    intent: list[str]              # governing verbs/adjectives that make the complement planned
    enablers: list[str]            # "lets X sign": planned, agreement enabled
    hearsay_adverbs: list[str]
    hearsay_verbs: list[str]       # "claimed that ...", "allegedly"
    passive_hearsay: list[str]     # "is said to", "is reported to"
    according_nouns: list[str]     # "according to reports": reported
    ongoing_adverbs: list[str]
    ongoing_modifiers: list[str]
    ongoing_verbs: list[str]
    request_heads: WordList  # "asked X to help": what is asked for is not coded as an event
    threat_heads: WordList   # "threatened to expel": the event is the threat
    threat_nouns: WordList  # "the threat of X withdrawing": likewise
    threat_cameo: dict[str, str] = {}  # threatened act (mode or type) → CAMEO code of the threat
    # an act of these types that its doer says it will do ("will fight any peacekeepers") is a threat
    declared_threat_types: WordList
    future_auxes: WordList    # the auxiliaries that announce it ("will", "would")
    # a punitive act of these types its doer says it could take ("could withhold aid") is a threat
    hedged_threat_types: WordList
    hedge_auxes: WordList  # the auxiliaries that hedge it ("could", "might")
    hedged_threat_not: WordList  # modes and contexts of procedures that are no threat ("could sentence")
    hearsay_preps: WordList  # prepositions telling a statement as someone else's ("according to")
    # an act of these types told only inside an accusation ("amid accusations that he took part in the
    # murder", "suspects accused of plotting to kidnap the governor") is the accusation (ACCUSE)
    accused_act_types: WordList
    accusation_heads: WordList     # the nouns and verbs of accusation whose complement holds the act


def _denying_predicate(copula: Token, phrases: frozenset[str]) -> bool:
    """Whether a copula's complement ("on the table", "imminent") is one of ``phrases`` (whole words)."""
    words = [t.lower_ for c in copula.children if c.dep_ in ("acomp", "attr", "prep", "oprd", "advmod")
             for t in c.subtree]
    text = f" {' '.join(words)} "
    return any(f" {phrase} " in text for phrase in phrases)


def status_words() -> StatusWords:
    return StatusWords.read_once(DATA_FILE)


def _sets(w: StatusWords) -> dict[str, frozenset[str]]:
    """The word lists of ``w`` as sets, made once per settings object (``decide`` runs per event)."""
    got = _SETS.get(id(w))
    if got is None or got[0] is not w:
        got = _SETS[id(w)] = (w, {k: frozenset(v) for k, v in w if isinstance(v, list)})
    return got[1]


_SETS: dict[int, tuple[StatusWords, dict[str, frozenset[str]]]] = {}


@dataclass
class StatusInfo:
    status: str
    enabled: bool = False
    why: str = ""


def _xchain(tok: Token) -> list[Token]:
    """The trigger and the words it depends on through xcomp/acomp ("is ready to accept")."""
    chain = [tok]
    cur = tok
    for _ in range(5):
        if cur.dep_ in ("xcomp", "acomp", "auxpass") and cur.head.i != cur.i:
            cur = cur.head
            chain.append(cur)
        else:
            break
    return chain


def _governor(tok: Token) -> Token | None:
    """The verb a clause is the complement of ("lets Russia sign", "claimed that X attacked")."""
    top = _xchain(tok)[-1]
    if top.dep_ in ("ccomp", "xcomp", "advcl") and top.head.i != top.i:
        return top.head
    return None


def _has_child(tok: Token, deps: tuple[str, ...], lemmas: set[str] | None = None) -> bool:
    return any(c.dep_ in deps and (lemmas is None or c.lower_ in lemmas or c.lemma_.lower() in lemmas)
               for c in tok.children)


def _unrealised(top: Token, w: StatusWords) -> bool:
    """The act is the complement of a noun that denies it ("lack of evidence to convict", "the failure
    of efforts to reach a deal") or the active gerund of a preposition of what has not happened
    ("adjourned without reaching a deal", "left without being questioned" is another matter)."""
    head = top.head
    if top.dep_ == "pcomp" and head.lower_ in w.unrealised_preps and top.tag_ == "VBG" and not any(
            c.dep_ == "auxpass" for c in top.children):
        return True
    for _ in range(3):  # (acl of "evidence", itself the object of "lack of")
        if top.dep_ not in ("acl", "pobj", "prep", "xcomp") or head.i == top.i:
            return False
        if head.lemma_.lower() in w.negator_nouns and head.pos_ == "NOUN":
            return True
        top, head = head, head.head
    return False


def decide(
    trigger: Token,
    sent: Span,
    *,
    subject: Token | None = None,
    objects: list[Token] = (),
    time_kind: str | None = None,
    time_ongoing: bool = False,
    future: bool = False,
    source_is_actor: bool = True,
) -> StatusInfo:
    w = status_words()
    ws = _sets(w)
    chain = _xchain(trigger)
    gov = _governor(trigger)
    conj_heads = []
    cur = trigger
    while cur.dep_ == "conj" and cur.head.i != cur.i and len(conj_heads) < 3:
        cur = cur.head
        conj_heads.append(cur)

    # negated
    negdets = ws["negative_determiners"]
    if any(_has_child(t, ("neg",)) for t in chain):
        return StatusInfo("negated", why="neg")
    if any(t.lemma_.lower() in ws["negators"] for t in chain[1:]):
        return StatusInfo("negated", why="negator verb")
    if any(t.lemma_.lower() in ws["pending_heads"] and _has_child(t, ("advmod",), ws["pending_adverbs"])
           for t in chain[1:]):
        return StatusInfo("negated", why="not yet")
    if (trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in ws["denying_copulas"]
            and _has_child(trigger.head, ("neg",)) and _denying_predicate(trigger.head, ws["denying_predicates"])):
        return StatusInfo("negated", why="denying copula")
    for t in [trigger, subject, *objects]:
        if t is not None and _has_child(t, ("det", "neg"), negdets):
            return StatusInfo("negated", why=NO_SUBJECT_WHY if t is subject else "no-determiner")
    if _unrealised(chain[-1], w):
        return StatusInfo("negated", why="unrealised")

    # planned ("wanted to ease the crisis and support …": the conjoined verb shares the intent)
    modals = ws["modals"]
    intent = ws["intent"]
    governing = chain[1:] + [t for h in conj_heads for t in _xchain(h)[1:]]
    if any(_has_child(t, ("aux",), modals) for t in chain + conj_heads):
        return StatusInfo("planned", why="modal")
    if any(t.lemma_.lower() in intent or t.lower_ in intent for t in governing):
        return StatusInfo("planned", why="intent")
    top = chain[-1]
    if (gov is not None and top.dep_ == "advcl" and _has_child(top, ("aux",), {"to"})
            and any(_has_child(t, ("aux",), modals) for t in _xchain(gov))):
        # "would work with its partners to cut off the funding": the purpose of a plan
        return StatusInfo("planned", why="purpose of a plan")
    if _has_child(top, ("aux",), {"to"}) and (top.dep_ == "acl" or (
            top.dep_ == "advcl" and _has_child(top, ("mark",), {"for"}))):
        # "a deal for Ruritania to supply Borduria", "plans to capture Aleppo": what a noun
        # (a deal, a plan, a bid) is for has not happened yet
        return StatusInfo("planned", why="purpose of a noun")
    if gov is not None and gov.lemma_.lower() in ws["enablers"]:
        return StatusInfo("planned", enabled=True, why="enabler")
    if gov is not None and gov.lemma_.lower() in intent:
        return StatusInfo("planned", why="intent")
    if future:
        return StatusInfo("planned", why="future date")

    # reported
    hearsay = ws["hearsay_adverbs"]
    if any(_has_child(t, ("advmod",), hearsay) for t in chain):
        return StatusInfo("reported", why="hearsay adverb")
    if gov is not None and gov.lemma_.lower() in ws["hearsay_verbs"]:
        return StatusInfo("reported", why="hearsay verb")
    for t in chain[1:]:
        if t.lemma_.lower() in ws["passive_hearsay"] and _has_child(t, ("auxpass",)):
            return StatusInfo("reported", why="passive hearsay")
    for t in span_tokens(sent):
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            objs = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
            if objs and objs[0].lemma_.lower() in ws["according_nouns"]:
                return StatusInfo("reported", why="according to")
    if not source_is_actor:
        return StatusInfo("reported", why="no actor source")

    # ongoing
    if time_kind == "since" or time_ongoing:
        return StatusInfo("ongoing", why="since")
    if any(_has_child(t, ("advmod",), ws["ongoing_adverbs"]) for t in chain):
        return StatusInfo("ongoing", why="adverb")
    if any(_has_child(o, ("amod",), ws["ongoing_modifiers"]) for o in objects):
        return StatusInfo("ongoing", why="modifier")
    if any(t.lemma_.lower() in ws["ongoing_verbs"] for t in chain[1:]):
        return StatusInfo("ongoing", why="continue")
    if trigger.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in trigger.children):
        return StatusInfo("ongoing", why="progressive")
    return StatusInfo("occurred")
