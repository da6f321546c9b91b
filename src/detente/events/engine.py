"""The PLOVER coding engine: patterns (``detente.events.patterns``) over the dependency parse.

For each verb (or event noun) of a sentence whose lemma is a trigger, the candidate patterns are tried
most specific first; the first whose constraints hold (object, preposition, complement) and whose
arguments resolve to actors gives the event. Arguments come from the parse:

- **source**: the subject (climbing ``xcomp``/``conj``/``advcl`` to the clause that has one; the
  object of the governing verb for object control, "urged Iran to stop"; the noun a relative
  pronoun stands for), or the ``by`` agent of a passive;
- **target**: the roles the pattern lists (see ``data/patterns/events.yml``).

An argument is the actor *mention* at the role's head token or at its compound / possessor /
adjective children ("Taliban delegations", "the movement's status", "Russian envoys"); coreferent
mentions ("the group") resolve through their ``antecedent`` at a confidence penalty. Events whose
source equals their target, or that lack an actor on a side the pattern needs, are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, field_validator
from spacy.tokens import Doc, Span, Token

from detente import dates
from detente.actors.resolve import OTHER_PARTICIPLES
from detente.events import argmodel
from detente.events import background as background_mod
from detente.events import roles
from detente.events import status as status_mod
from detente.events.patterns import Pattern, PatternSet, load_patterns, register_verb_fit
from detente.events.plover import cameo_to_plover, goldstein
from detente.models import ActorRef, DateValue, Event, Mention
from detente.nlp import lemma_lower, parse_memo, sent_of, sentences, span_text, span_tokens, token_bounds
from detente.wordlists import DataFile, WordList, word_sets, words


class EngineSettings(DataFile):
    """``data/patterns/engine.yml``."""

    sourceless_types: list[str]
    sourceless_certainty: float
    implied_source_sector: dict[str, str] = Field(default_factory=dict)
    target_optional_types: WordList
    # verbal types coded with no recipient when the verb's direct object is a thing, not an actor
    # ("Germany opposes the plan", "Mali rejected the results")
    thing_object_types: WordList = Field(default_factory=list)
    # types whose present participle on a noun describes a stance, not an act ("protesters opposing
    # the election", "militias supporting the government")
    stance_participle_types: WordList = Field(default_factory=list)
    relative_description_types: WordList = Field(default_factory=list)
    # types of an act between two parties whose roles found no recipient: the actor named nearest
    # the trigger is taken (``_nearest_party``)
    nearest_target_types: WordList = Field(default_factory=list)
    # sectors of armed men a state's forces attack who, placed nowhere, are of that state
    domestic_foe_sectors: WordList = Field(default_factory=list)
    # police and courts placed nowhere that act on someone of a known country are that country's
    local_organ_sectors: WordList = Field(default_factory=list)
    local_organ_types: WordList
    home_people_types: WordList = Field(default_factory=list)
    home_people_sectors: WordList = Field(default_factory=list)
    home_people_doer_sectors: WordList = Field(default_factory=list)
    accident_words: WordList
    accident_nouns_only: WordList = Field(default_factory=list)
    # verbs of asking whose mandative "that" clause tells what is asked for, not done (``_asked_clause``)
    mandative_heads: WordList = Field(default_factory=list)
    # meeting nouns a place name before them names by their venue ("the Singapore summit")
    venue_meeting_nouns: WordList = Field(default_factory=list)
    # per type, the word-list file whose ``modified_nouns`` tell when a noun of its patterns is something else
    modified_noun_files: dict[str, str] = Field(default_factory=dict)
    # a party's own counsel, of the courts' sector but never the state's court or prosecutor
    private_counsel_words: WordList = Field(default_factory=list)
    # prepositions of a circumstance, not a cause ("during heavy rain", "amid a storm"): an accident
    # word in their phrase is no cause of a participle's toll (``_toll_cause``)
    circumstance_preps: WordList = Field(default_factory=list)
    # types a private person (an actor of sector CVL and no id of its own) never does as a political
    # act: "a man from Germany arrived in Italy" is no visit
    official_only_types: WordList = Field(default_factory=list)
    # … except a concession of a private person by these rules: a defendant pleading guilty or
    # confessing yields to the court (not any legal concession: "the family dropped the case")
    private_yield_rules: WordList = Field(default_factory=list)
    # a sentence of at most this many words with no verb is a topic title ("Battle of Mosul",
    # "Western Iran clashes"), no report of an event (0: no such rule)
    title_max_words: int = 0
    classifier: bool = True
    classifier_proposals: Literal["trigger_less", "hand_written", "always"] = "always"
    # types the classifier proposes only through a pattern that matched (never from the main clause alone)
    classifier_matched_only_types: WordList = Field(default_factory=list)
    classifier_cameo: dict[str, str] = Field(default_factory=dict)
    # the CAMEO code of an event a rule reads off another one (``_derived``), by that rule's id
    derived_cameo: dict[str, str] = Field(default_factory=dict)
    classifier_confidence: float = 0.6
    # a pattern that matched but whose arguments the rules could not find is kept, with relaxed
    # arguments, when the classifier gives its type at least this probability (None: never)
    classifier_confirm: float | None = None
    # a proposal (no pattern matched) needs its type at least this probable
    classifier_propose_min: float = 0.0
    # the bar for sentences past an article's lead (``classifier_lead_sentences``; None: the same bar)
    classifier_propose_min_body: float | None = None
    classifier_lead_sentences: int = 2
    # a proposal of a type whose hand-written verb pattern declined the sentence needs this much
    classifier_declined_min: float = 0.0
    # a generated lexicon pattern's event is dropped when P(NONE) reaches ``classifier_veto`` and
    # P(its type) stays under ``classifier_veto_type`` (None: the model's recommended cut-offs)
    classifier_veto: float | None = None
    classifier_veto_type: float | None = None
    # a proposal whose main clause does not give its parties takes relaxed ones (``_relaxed_event``)
    # when its type is at least this probable (None: never)
    classifier_propose_relaxed: float | None = None
    classifier_one_party: float | None = None
    # the learned argument filler (``detente.events.argfill``): the probability its best candidate
    # needs to become an empty source / target (None: never)
    argfill_source: float | None = None
    argfill_target: float | None = None
    # the probability a relaxed event's missing party needs from it (None: never)
    argfill_relaxed: float | None = None
    # … and a relaxed event named by an event noun (None: never)
    argfill_relaxed_noun: float | None = None
    # coordinated parties of a joint act up to this many are each other's partners (None: the first
    # named with each only)
    joint_all_pairs_max: int | None = None
    # the learned candidate-event model (``detente.events.candidates``): the probability a trigger
    # whose event the rules did not code needs to be coded (None: never)
    candidate_min: float | None = None
    # a match without arguments the classifier's bars confirmed is dropped when that model gives it
    # less than this (None: never)
    candidate_veto: float | None = None
    # whether that model also decides the matches without arguments the classifier's confirmation
    # bars (``classifier_confirm``, ``classifier_confirm_more``) decide otherwise
    candidate_confirm: bool = False
    classifier_propose: float | None = None  # 1 - P(NONE) a proposal needs (None: the model's recommended cut-off)
    # the same where the rules coded an event of another type in the sentence (None: never)
    classifier_confirm_more: float | None = None
    # the bars above for a hand-written pattern's match (its verb, object and preposition
    # constraints met; None: the same bar as a generated lexicon pattern's)
    classifier_confirm_hand_written: float | None = None
    classifier_confirm_more_hand_written: float | None = None
    # the same for a hand-written match of these types (material acts told beside another act)
    classifier_confirm_more_material: float | None = None
    material_confirm_types: WordList = Field(default_factory=list)
    # a relaxed event that found no doer needs its type at least this probable (null: the common bar)
    classifier_confirm_no_doer: float | None = None
    # types whose relaxed event with no target takes the people of the place it happens in
    place_victim_types: WordList
    # sectors of an attack's or a coercion's victims that are of the country the event is located in
    # when the text gives them none (``pipeline``: not rebels, criminals or refugees)
    located_victim_sectors: WordList = Field(default_factory=list)
    # types whose relaxed event with no source is done by the people of the place it happens in
    place_protester_types: WordList
    # types whose act with no named doer takes the unidentified armed actors the sentence names
    unnamed_attacker_types: WordList
    # types whose act by a state with no one named is aimed at that state's own people
    own_people_types: WordList
    own_people_sectors: WordList = Field(default_factory=lambda: ["GOV", "LEG"])
    own_people_rules: WordList = Field(default_factory=list)
    # types whose act by people of a country with no one named is aimed at their own state
    home_target_types: WordList
    # types whose act aimed only at the people of a place is dropped where the sentence tells the same
    # kind of act with a target named otherwise (one attack told twice)
    told_twice_types: WordList = Field(default_factory=list)
    # types whose forces named as the only party are the doer's own (its source), of these sectors
    own_forces_types: WordList = Field(default_factory=list)
    own_forces_sectors: WordList = Field(default_factory=list)
    # types whose act with no named doer is done by the actor claiming it in a sentence soon after
    claimed_types: WordList = Field(default_factory=list)
    crowd_control_types: WordList = Field(default_factory=list)
    crowd_control_sectors: WordList = Field(default_factory=list)
    claim_reach: int = Field(default=2, ge=0)
    # types whose coordinated doers of one country the KB lacks are one crowd (one event)
    one_crowd_types: WordList
    # types whose target may be people named by a plain noun ("convicts six men")
    people_target_types: WordList
    # types whose act with no target found by its pattern's roles is aimed at the object of its
    # purpose infinitive ("scrambled jets to intercept Chinese bombers")
    purpose_target_types: WordList = Field(default_factory=list)
    matter_target_types: WordList = Field(default_factory=list)
    venue_body_preps: WordList = Field(default_factory=list)
    venue_body_sectors: WordList = Field(default_factory=list)
    # types whose noun, the subject of a verb of occurrence, is an event at its place with no actor
    placed_noun_types: WordList
    # types whose verb patterns are tried in a sentence naming no actor ("a man is arrested in Lyon":
    # people of the place, the implied doer of that place's country)
    mentionless_verb_types: WordList = Field(default_factory=list)
    # plain nouns naming an institution no actor stands for ("a court", "the jury") → the sector of
    # the doer they imply for an act with no named doer
    unnamed_doer_sectors: dict[str, str] = Field(default_factory=dict)
    # types whose event noun takes the doer of the support verb carrying it ("staged an ambush")
    support_verb_types: WordList
    # of these, types whose plain-noun people with no place are the doer's own ("police arrested 40 people")
    people_home_types: WordList
    # types whose relaxed event named by a noun stands with no actor at all ("despite protests")
    partyless_types: WordList
    # argument roles (``detente.events.roles``) a relaxed event tries after its pattern's own, for
    # each side ("an accord is signed between X and Y": the parties of any type's trigger)
    relaxed_source_roles: list[str] = Field(default_factory=list)
    relaxed_target_roles: list[str] = Field(default_factory=list)
    actorless_types: WordList
    # types a proposal may take from a sentence whose main verb only reports speech ("officials said …")
    spoken_types: WordList
    # word lists of the argument rules (see the YAML's comments)
    words: dict[str, list[str]] = Field(default_factory=dict)
    contest_words: WordList
    # how sure an argument is, by the role that found it (a name of detente.events.roles; checked
    # by a test, since the roles register after this file is read); other roles take the default
    role_certainty: dict[str, float]
    role_certainty_default: float = Field(default=0.9, gt=0, le=1)
    # sectors of a state's institutions: such an actor with no id acts for its state
    state_sectors: list[str] = Field(min_length=1)

    @field_validator("role_certainty")
    @classmethod
    def _certainties(cls, v: dict[str, float]) -> dict[str, float]:
        bad = {k: x for k, x in v.items() if not 0 < x <= 1}
        if bad:
            raise ValueError(f"role_certainty: values must be in (0, 1]: {bad}")
        return v


SETTINGS_FILE = Path(__file__).resolve().parent.parent / "data" / "patterns" / "engine.yml"


def settings() -> EngineSettings:
    return EngineSettings.read_once(SETTINGS_FILE)


_WORDS = settings().words
HISTORY_KEY = "detente.events.history"
# matches of a sentence whose arguments the rules could not find (read by the classifier step)
UNARGUED_KEY = "detente.events.unargued"
# the sector of an implied doer (police, courts) whose state the sentence did not tell: the pipeline
# gives it the country of the place the event is located in (``pipeline._implied_by_location``) and
# drops the key; where no place is known (or the events stage is used alone) it stays as provenance
IMPLIED_PENDING = "implied_sector"
# every verb pattern's match or ``None`` per (token, pattern), as the rules tried them
MATCHES_KEY = "detente.events.matches"
# the sentence classifier's probabilities per sentence start, computed once
PROBS_KEY = "detente.events.classifier_probs"
# steps run on a sentence's events after the classifier's, as ``step(sent, mentions, published, kb,
# events, unargued, probs_of) -> events`` (``unargued``: the matches the rules could not argue;
# ``probs_of()``: the classifier's probabilities). ``detente.events`` registers the learned
# candidate-event model's (``detente.events.candidates``), which reads this module.
SENTENCE_STEPS: list = []
# nouns an actor is "of" ("the Russian government's envoys", "a delegation of …")
CONTAINER_NOUNS = frozenset(_WORDS["container_nouns"])
REL_PRONOUNS = frozenset(_WORDS["relative_pronouns"])
CORE_DEPS = ("poss", "compound", "amod", "nmod", "nummod", "appos")
#: entity labels of place names: a meeting noun's place compound is its venue ("the Singapore summit")
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# the dependency of a relative clause below a word ("the shooting that killed X")
CLAUSE_DEPS = ("relcl",)
COREF_PENALTY = 0.9
# mentions of actors the KB lacks (detente.actors.generic): arguments even without a country
GENERIC_KINDS = ("generic", "entity")
GOVERNMENT_NOUNS = frozenset(_WORDS["government_nouns"])
_LEGISLATED = frozenset(_WORDS["legislated_things"])
INSTRUMENT_NOUNS = frozenset(_WORDS["instrument_nouns"])
LIST_NOUNS = frozenset(_WORDS["list_nouns"])
FRIENDLY_LIST_WORDS = frozenset(_WORDS.get("friendly_list_words", ()))
TIME_SPAN_NOUNS = frozenset(_WORDS.get("time_span_nouns", ()))
LEVEL_NOUNS = frozenset(_WORDS.get("level_nouns", ()))
MUTUAL_ADVERBS = frozenset(_WORDS["mutual_adverbs"])
RECIPROCAL_PHRASES = tuple(_WORDS.get("reciprocal_phrases", ()))
CONDITION_MARKS = frozenset(_WORDS.get("condition_marks", ()))
DEMAND_CONDITION_VERBS = frozenset(_WORDS.get("demand_condition_verbs", ()))
ULTIMATUM_ALTERNATIVES = frozenset(_WORDS.get("ultimatum_alternatives", ()))
# the subjects of a threatened harm that stand for the speaker, or name the harm (``_speaker_causes``)
SPEAKER_PRONOUNS = frozenset(_WORDS.get("speaker_pronouns", ()))
HARM_NOUNS = frozenset(_WORDS.get("harm_nouns", ()))
# "Kosovo and Serbia say they will …": the pronouns that stand for a coordination of the governing subject
PLURAL_SUBJECT_PRONOUNS = frozenset(_WORDS["plural_subject_pronouns"])
STATE_SECTORS = frozenset(settings().state_sectors)
# a state's organs apart from its government: its own act on them is no act on itself
STATE_ORGANS = STATE_SECTORS - {"GOV"}
ATTACK_NOUNS = frozenset(_WORDS["attack_nouns"])
FIGHT_NOUNS = frozenset(_WORDS.get("fight_nouns", ()))
COUNTING_NOUNS = frozenset(_WORDS.get("counting_nouns", ()))
# "in the wake of the bombings", "on the third day of protests": the noun stands as after "after" / "during"
FRAME_PREPS = {w: prep for prep in ("after", "during") for w in _WORDS.get(f"{prep}_frame_nouns", ())}
TIME_FRAME_PREPS = frozenset(_WORDS.get("time_frame_preps", ()))
ASKED_ACTS = frozenset(_WORDS.get("asked_acts", ()))
# nouns of asking: the act an infinitive on them tells is the addressee's, not the asker's
ASKING_NOUNS = frozenset(_WORDS.get("asking_nouns", ()))
UNREALISED_NOUNS = frozenset(_WORDS.get("unrealised_nouns", ()))
# nouns whose infinitive is not their owner's act (``_find_subject``)
NOT_OWNER_NOUNS = ASKING_NOUNS | UNREALISED_NOUNS
# modes of a weapons test that stands without anyone aimed at (``_thing_object_act``)
AIMED_THREAT_MODES = frozenset(_WORDS.get("aimed_threat_modes", ()))
# what tells an attack as the toll of one told before (``_toll_again``)
TOLL_AGAIN_SUBJECTS = frozenset(_WORDS.get("toll_again_subjects", ()))
TOLL_AGAIN_ADVERBS = frozenset(_WORDS.get("toll_again_adverbs", ()))
TOLL_AGAIN_WORDS = frozenset(_WORDS.get("toll_again_words", ()))
TOLL_PARTICIPLES = frozenset(_WORDS.get("toll_participles", ()))
# (type, mode) of protesters' acts that make a violent protest (``protester_riot_acts``)
PROTESTER_RIOT_ACTS = frozenset(tuple(x.split(":")) for x in _WORDS.get("protester_riot_acts", ()))
STATE_BLOCKADE_ACTS = frozenset(tuple(x.split(":")) for x in _WORDS.get("state_blockade_acts", ()))
# the CAMEO codes those two are coded as (``protester_riot_cameo``, ``state_blockade_cameo``)
RIOT_CAMEO = _WORDS["protester_riot_cameo"][0]
BLOCKADE_CAMEO = _WORDS["state_blockade_cameo"][0]
# nouns that tell an act only as feared ("fears of a Russian invasion", "the threat of a US strike")
FEARED_NOUNS = frozenset(_WORDS.get("feared_nouns", ()))
HOLDING_VERBS = frozenset(_WORDS.get("holding_verbs", ()))
# "even if": a concession, not the condition a statement puts to another party
CONCESSIVE_WORDS = frozenset(_WORDS.get("concessive_words", ()))
# sectors of armed sides: a fight between one of them and another sector of the same country is
# still a fight between two parties
ARMED_SECTORS = frozenset(_WORDS.get("armed_sectors", ()))
# verbs that carry an event noun ("launched an attack", "ordered a ceasefire"): their doer is its doer
SUPPORT_VERBS = frozenset(_WORDS["support_verbs"])
LIGHT_VERBS = frozenset(_WORDS["light_verbs"])
SUPPORT_NOUN_EXCLUDE = frozenset(_WORDS["support_noun_exclude"])
# weapons and attacks as the subject of a killing name no doer ("a car bomb kills five people")
WEAPON_SUBJECTS = frozenset(_WORDS["weapon_subjects"])
# verbs whose subject, an attack or protest noun, is the news itself ("riots erupt in Paris")
OCCURRENCE_VERBS = frozenset(_WORDS["occurrence_verbs"])
CHARGE_VERBS = frozenset(_WORDS["charge_verbs"])
CHARGE_PREPS = frozenset(_WORDS["charge_preps"])
CHARGE_GERUND_PREPS = frozenset(_WORDS["charge_gerund_preps"])
CHARGE_NOUN = frozenset(_WORDS["charge_noun"])
CHARGE_NOUN_PREPS = frozenset(_WORDS["charge_noun_preps"])
# plain nouns for people that no actor stands for ("six men"): targets of material acts
PEOPLE_NOUNS = frozenset(_WORDS["people_nouns"])
ATTACK_PREPS = tuple(_WORDS["attack_preps"])
CIRCUMSTANCE_PREPS = frozenset(_WORDS["circumstance_preps"])
WORKPLACE_SECTORS = frozenset(_WORDS["workplace_sectors"])
PROTESTER_NOUNS = frozenset(_WORDS["protester_nouns"])
AGREEMENT_PREPS = tuple(_WORDS["agreement_preps"])
DEFINITE_DETERMINERS = frozenset(_WORDS["definite_determiners"])
# verbs whose subject decided the agentless passive act they announce ("announces that the niqab
# will be banned")
ANNOUNCING_VERBS = frozenset(_WORDS["announcing_verbs"])
# "responded with an offensive that killed 40": the phrase of the means by which a clause's subject acted
MEANS_PREPS = frozenset(_WORDS["means_preps"])
# "issue a statement condemning X": the statement's issuer is the doer of the act it tells
STATEMENT_NOUNS = frozenset(_WORDS["statement_nouns"])
DOER_PARTICIPLES = frozenset(_WORDS.get("doer_participles", ()))
# "strike down": verb lemma → the particles that give it another sense than the bare verb's
OTHER_SENSE_DOERS = frozenset(_WORDS.get("other_sense_doers", ()))
OTHER_SENSE_OBJECTS = frozenset(_WORDS.get("other_sense_objects", ()))
OTHER_SENSE_PARTICLES: dict[str, frozenset[str]] = {}
for _phrase in _WORDS.get("other_sense_phrasals", ()):
    _verb, _prt = _phrase.split(" ", 1)
    OTHER_SENSE_PARTICLES[_verb] = OTHER_SENSE_PARTICLES.get(_verb, frozenset()) | {_prt}
FROM_DOER_TYPES = frozenset(_WORDS.get("from_doer_types", ()))
UNDERGOING_VERBS = frozenset(_WORDS.get("undergoing_verbs", ()))
ACCUSING_VERBS = frozenset(_WORDS.get("accusing_verbs", ()))
ACCUSING_PREPS = frozenset(_WORDS.get("accusing_preps", ()))
ANSWERED_TYPES = frozenset(_WORDS.get("answered_types", ()))
ANSWER_PREPS = frozenset(_WORDS.get("answer_preps", ()))
ANSWER_HEADS = frozenset(_WORDS.get("answer_heads", ()))
ISSUING_VERBS = frozenset(_WORDS["issuing_verbs"])
# prepositions whose object is what a verbal act acts on when it has no direct object ("agreed on a
# ceasefire", "agreed to the terms")
THING_OBJECT_PREPS = frozenset(_WORDS["thing_object_preps"])
REACTION_PREPS = frozenset(_WORDS["reaction_preps"])
KINDS_FILE = Path(__file__).resolve().parent.parent / "data" / "patterns" / "agreements.yml"
ANAPHORA_FILE = Path(__file__).resolve().parent.parent / "data" / "patterns" / "anaphora.yml"
PART_WORDS = frozenset(_WORDS["part_words"])
# prepositions that make a phrase the venue of an act ("a summit in Canada"), never a party
VENUE_PREPS = frozenset(_WORDS["venue_preps"])
DENYING_SUBJECT_WORDS = frozenset(_WORDS["denying_subject_words"])
# verbs whose statement is denied ("denied that its troops attacked …"): none of its parties is the denial's target
DENIAL_VERBS = frozenset(_WORDS.get("denial_verbs", ()))
TOPIC_PREPS = frozenset(_WORDS["topic_preps"])
SETTING_PREPS = frozenset(_WORDS["setting_preps"])
QUANTITY_WORDS = PART_WORDS | frozenset(_WORDS["quantity_words"])
# joint acts: "Iran and Saudi Arabia agreed ..." is one event, first-named actor as source
JOINT_TYPES = {"AGREE", "CONSULT", "COOPERATE"}
CONJ_PENALTY = 0.95


@lru_cache(maxsize=1)
def agreement_kinds() -> dict[str, set[str]]:
    raw = yaml.safe_load(KINDS_FILE.read_text(encoding="utf-8"))
    return {k: set(v) for k, v in raw["kinds"].items()}


class Anaphora(DataFile):
    window: int = Field(ge=0)
    determiners: list[str]
    event_nouns: dict[str, list[str]]
    bare_reaction_verbs: WordList


def anaphora() -> Anaphora:
    return Anaphora.read_once(ANAPHORA_FILE)


@dataclass
class Arg:
    ref: ActorRef
    role: str
    certainty: float
    token: Token | None = None
    mention: int | None = None


@dataclass
class Ctx:
    sent: Span
    mentions: list[Mention]
    published: dt.date | None
    tok2m: dict[int, int] = field(default_factory=dict)
    used_nouns: set[int] = field(default_factory=set)
    # objects a hand-written verb pattern matched (with or without an event): the verb's business
    claimed_nouns: set[int] = field(default_factory=set)
    found: list[Event] = field(default_factory=list)
    kb: object | None = None
    unargued: list["Match"] = field(default_factory=list)
    refused: bool = False  # the last match was refused on purpose (sport, accident, a listed person)


@lru_cache(maxsize=256)
def _certainty(role: str) -> float:
    """How sure an argument found by ``role`` is (``role_certainty`` in engine.yml; ``prep:with``
    counts as ``prep``)."""
    cfg = settings()
    return cfg.role_certainty.get(role.split(":")[0], cfg.role_certainty_default)


def _kb_less(m: Mention) -> bool:
    """A mention of an actor the KB lacks (an agent noun, a name; a person with no known post)."""
    return m.kind in GENERIC_KINDS or (m.kind == "person" and not m.id and not m.country)


def _verbal(t: Token) -> bool:
    """A verb, or a word the tagger took for a noun but the parse uses as one: a headline's
    "Lula hosts Xi" (root noun with a subject) or a noun tagged VB*."""
    if t.pos_ in ("VERB", "AUX"):
        return True
    if t.pos_ != "NOUN":
        return False
    return t.tag_.startswith("VB") or (t.dep_ == "ROOT" and any(c.dep_ in ("nsubj", "dobj") for c in t.children))


_lemma = lemma_lower


def _verb_forms(t: Token) -> list[str]:
    """The lemma of a verb, then base forms the lemmatizer may have missed ("staged" → "stag" by
    the rules, "stage" in fact; "staging" likewise), then the word itself."""
    low = t.lower_
    out = [_lemma(t)]
    if low.endswith("ed") and len(low) > 4:
        out += [low[:-1], low[:-2]]
    elif low.endswith("ing") and len(low) > 5:
        out += [low[:-3] + "e", low[:-3]]
    out.append(low)
    return list(dict.fromkeys(out))


def _support_verb(t: Token) -> bool:
    """A verb that carries an event noun as its object ("launched an attack", ``support_verbs``;
    "voiced criticism", ``light_verbs``)."""
    return _verbal(t) and any(f in SUPPORT_VERBS or f in LIGHT_VERBS for f in _verb_forms(t))


def _light_verb(t: Token) -> bool:
    """A verb whose subject does the act of any type its object noun names (``light_verbs``)."""
    return any(f in LIGHT_VERBS for f in _verb_forms(t))


def _verb_patterns(patterns: PatternSet, t: Token) -> tuple[str, list[Pattern]]:
    """The first form of a verb that some pattern triggers on, and those patterns."""
    for form in _verb_forms(t):
        cands = patterns.for_verb(form)
        if cands:
            return form, cands
    return _lemma(t), []


def _words(t: Token) -> set[str]:
    if t.tag_ in ("NNPS", "NNP") and t.lower_.endswith("s") and t.ent_type_ not in ("GPE", "NORP", "LOC"):
        # the plural in a name keeps its capital and its "s" in the parse ("the Artemis Accords",
        # "the Minsk Agreements"): the common noun it is made of counts too (not in a place's name:
        # "the United States" are no state)
        return {t.lower_, _lemma(t), _singular(t.lower_)}
    return {t.lower_, _lemma(t)}


def _singular(word: str) -> str:
    """The singular of a regular English plural ("accords", "treaties", "taxes"; as a verb's base
    form is read, :func:`_base_form`)."""
    return _base_form(word) or word


# ----------------------------------------------------------------------------- mentions and actors


_BY_START: list = [None]  # the last mention list seen: (list, length, starts, order, longest)


def _near(sent: Span, mentions: list[Mention]) -> list[int]:
    """Indices (ascending) of the mentions that may overlap ``sent``: found by bisection over the
    mentions sorted by start, indexed once per list, so that a sentence does not walk the mentions
    of the whole document (that made extraction quadratic in the article's length)."""
    got = _BY_START[0]
    if got is None or got[0] is not mentions or got[1] != len(mentions):
        order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
        starts = [mentions[k].start for k in order]
        longest = max((m.end - m.start for m in mentions), default=0)
        got = _BY_START[0] = (mentions, len(mentions), starts, order, longest)
    _, _, starts, order, longest = got
    lo = bisect_left(starts, sent.start_char - longest)
    hi = bisect_left(starts, sent.end_char)
    return sorted(order[lo:hi])


def _index_mentions(sent: Span, mentions: list[Mention]) -> dict[int, int]:
    """token index → index of the smallest mention covering it (within the sentence)."""
    out: dict[int, int] = {}
    size: dict[int, int] = {}
    near = [mi for mi in _near(sent, mentions)
            if mentions[mi].end > sent.start_char and mentions[mi].start < sent.end_char]
    if not near:
        return out
    first = sent.start
    doc_starts, doc_ends = token_bounds(sent.doc)
    starts, ends = doc_starts[first:sent.end], doc_ends[first:sent.end]
    for mi in near:
        m = mentions[mi]
        length = m.end - m.start
        # the tokens overlapping the mention: from the last one starting at or before its start
        for k in range(max(0, bisect_right(starts, m.start) - 1), len(starts)):
            if starts[k] >= m.end:
                break
            i = first + k
            if ends[k] > m.start and (i not in out or length < size[i]):
                out[i], size[i] = mi, length
    return out


def _resolve(mentions: list[Mention], mi: int) -> tuple[Mention, bool]:
    """The mention an index stands for, following coreference; and whether it was coref."""
    m = mentions[mi]
    if m.kind != "coref" or m.antecedent is None:
        return m, False
    seen = {mi}
    ante = m
    while ante.kind == "coref" and ante.antecedent is not None and ante.antecedent not in seen:
        if not 0 <= ante.antecedent < len(mentions):
            break
        seen.add(ante.antecedent)
        ante = mentions[ante.antecedent]
    return ante, True


def _described(ctx: Ctx, person: Mention) -> Mention | None:
    """The body a person the KB lacks is described as serving by an apposition ("Nicholas Haysom,
    the most senior United Nations diplomat in the country"), for a pronoun that stands for them."""
    span = ctx.sent.doc.char_span(person.start, person.end, alignment_mode="expand")
    if span is None:
        return None
    for c in span.root.children:
        if c.dep_ != "appos":
            continue
        for k in _near(c.sent, ctx.mentions):
            d = ctx.mentions[k]
            if d.start <= c.idx < d.end and d.id and d.kind != "person":
                return d
    return None


def _arg(ctx: Ctx, mi: int, role: str, tok: Token | None) -> Arg | None:
    m = ctx.mentions[mi]
    eff, coref = _resolve(ctx.mentions, mi)
    if coref and eff.kind == "person" and not eff.id:
        # "… expels Nicholas Haysom, the UN's envoy, after accusing him": the body he serves
        eff = _described(ctx, eff) or eff
        m = m.model_copy(update={"id": eff.id, "country": eff.country, "sector": eff.sector}) if eff.id else m
    ident = m.id or eff.id
    country = m.country or eff.country
    sector = m.sector or eff.sector
    if not ident and not country and not _kb_less(eff):
        return None
    promoted = False
    if not ident and sector in STATE_SECTORS:
        # a state institution acts for its state ("Russian envoys" → RUS, sector GOV)
        ident, promoted = country, True
    ref = ActorRef(id=ident, country=country, sector=sector, text=m.text, start=m.start, end=m.end)
    certainty = _certainty(role)
    if coref:
        certainty *= COREF_PENALTY
    if _kb_less(eff):
        certainty *= eff.score
    if promoted:
        certainty *= 0.95
    return Arg(ref=ref, role=role, certainty=certainty, token=tok, mention=mi)


def _core(ctx: Ctx, tok: Token | None, role: str, strict: bool = False) -> Arg | None:
    """The actor at a head token or its compound/possessor/adjective children."""
    if tok is None:
        return None
    if tok.lower_ in REL_PRONOUNS and tok.dep_ in ("nsubj", "dobj", "nsubjpass", "pobj"):
        head = _relcl_head(tok)
        # "restrictions on women, which X condemned": the clause may hang on the inner noun
        while head is not None:
            arg = _core(ctx, head, role, strict)
            if arg is not None:
                return arg
            head = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else None
        return None
    cands = [tok] + ([] if strict else [c for c in tok.children if c.dep_ in CORE_DEPS])
    own = ctx.tok2m.get(tok.i)
    if own is not None and not ctx.mentions[own].id and ctx.mentions[own].kind in (*GENERIC_KINDS, "person"):
        # "its field commander", "the group's spokesman", "Hamas commander X", "United Nations
        # Secretary-General X": a person or noun of people the KB lacks stands for the actor that
        # owns it or whose title it bears
        def owner_first(c: Token) -> int:
            if c is tok:
                return 2
            mi = ctx.tok2m.get(c.i)
            owner = _resolve(ctx.mentions, mi)[0] if mi is not None and mi != own else None
            named = owner is not None and bool(owner.id) and owner.sector not in WORKPLACE_SECTORS
            return 0 if c.dep_ == "poss" else 1 if named and c.dep_ == "compound" else 3

        cands.sort(key=owner_first)
    if strict:
        cands += [c for c in tok.children if c.dep_ == "compound"]
    prev = tok.nbor(-1) if tok.i > sent_of(tok).start else None
    if (prev is not None and tok.dep_ == "dobj" and prev.dep_ == "dobj" and prev.head.i == tok.head.i
            and prev.pos_ == "PROPN"):
        # "rejected Hamas demands" parsed with two objects: the first names the second's owner
        cands.append(prev)
    for c in cands:
        mi = ctx.tok2m.get(c.i)
        if mi is not None:
            arg = _arg(ctx, mi, role, c)
            if arg is not None:
                if c is not tok and _lemma(tok) in GOVERNMENT_NOUNS and not arg.ref.id and arg.ref.country:
                    # "the Biden administration": a leader's government acts for the state
                    arg.ref = arg.ref.model_copy(update={"id": arg.ref.country, "sector": "GOV"})
                    arg.certainty *= 0.95
                return arg
    if not strict and (_lemma(tok) in CONTAINER_NOUNS or tok.lower_ in QUANTITY_WORDS):
        # "the Russian government's envoys", "Thousands of Kenyan students", "tens of thousands of …"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return _core(ctx, p, role)
    return None


PLACE_HOWS = ("capital", "name", "short")


def _place(ctx: Ctx, tok: Token | None, role: str) -> Arg | None:
    """A state named by a place the actors stage left out ("its embassy in Tehran")."""
    if tok is None or ctx.kb is None or tok.pos_ != "PROPN" or ctx.tok2m.get(tok.i) is not None:
        return None
    from detente.actors.resolve import from_hit

    left = tok.i
    while left > tok.sent.start and tok.doc[left - 1].dep_ == "compound" and tok.doc[left - 1].head.i == tok.i:
        left -= 1
    text = tok.doc[left: tok.i + 1].text
    kb = ctx.kb
    hits = [h for h in kb.hits(text) if h.how in PLACE_HOWS]
    if not hits:
        # a region is a place of its state ("exercises in Alaska" → USA)
        from detente.actors.kb import fold

        rg = kb.regions.get(fold(text))
        if rg is None or not rg.state:
            return None
        ref = ActorRef(id=rg.state, country=rg.state, sector=None, text=text,
                       start=tok.doc[left].idx, end=tok.idx + len(tok))
        return Arg(ref=ref, role=role, certainty=0.8, token=tok)
    actor = kb.actors.get(hits[0].actor)
    if actor is None or actor.kind not in ("state", "historic_state"):
        return None
    res = from_hit(kb, hits[0], ctx.published, text)
    ref = ActorRef(id=res.id, country=res.country, sector=res.sector, text=text,
                   start=tok.doc[left].idx, end=tok.idx + len(tok))
    return Arg(ref=ref, role=role, certainty=0.85, token=tok)


def _region_authority(ctx: Ctx, objs: list[Token]) -> Arg | None:
    from detente.actors.kb import fold

    kb = ctx.kb
    for o in objs:
        for t in o.subtree:
            if t.pos_ != "PROPN" or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].dep_ == "compound"
                                     and t.doc[t.i + 1].head.i == t.head.i and t.doc[t.i + 1].pos_ == "PROPN"):
                continue
            left = t.i
            while left > t.sent.start and t.doc[left - 1].dep_ == "compound" and t.doc[left - 1].head.i == t.i:
                left -= 1
            span = t.doc[left:t.i + 1]
            region = kb.regions.get(fold(span.text))
            auth = kb.region_authority(region, ctx.published) if region is not None else None
            actor = kb.get(auth) if auth else None
            if actor is None:
                continue
            ref = ActorRef(id=actor.id, country=region.state, sector="PRE", text=span.text,
                           start=span.start_char, end=span.end_char)
            return Arg(ref=ref, role="region_authority", certainty=0.8, token=t)
    return None


def _relcl_head(tok: Token) -> Token | None:
    verb = tok.head
    while verb.dep_ not in ("relcl",) and verb.head.i != verb.i and verb.pos_ in ("VERB", "AUX", "ADP"):
        verb = verb.head
    return verb.head if verb.dep_ == "relcl" else None


def _tree(ctx: Ctx, tok: Token, role: str, exclude: set[int], skip_id: str | None = None) -> Arg | None:
    """The first actor inside a phrase, other than the excluded mentions and the actor ``skip_id``
    ("its sixteenth package of sanctions against Russia": not the possessor, the source)."""
    for t in tok.subtree:
        mi = ctx.tok2m.get(t.i)
        if mi is not None and mi not in exclude:
            arg = _arg(ctx, mi, role, t)
            if arg is not None and not (skip_id and arg.ref.id == skip_id):
                return arg
    return None


# ----------------------------------------------------------------------------- syntax helpers


def _is_passive(v: Token) -> bool:
    """A passive verb; a participle coordinated with one and with no subject or auxiliary of its
    own is passive too ("are shot and killed by soldiers": "killed" is passive)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
        return True
    if v.tag_ == "VBN" and any(c.dep_ == "agent" for c in v.children):
        return True  # a participle with its "by" agent ("stands accused by the authorities")
    if _shared_passive(v) is not None or _raised_passive(v) or _absolute_participle(v):
        return True
    return (v.dep_ == "conj" and v.tag_ == "VBN" and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("aux", "dobj") for c in v.children) and _is_passive(v.head))


def _gapped_passive(v: Token) -> bool:
    """"Three soldiers are killed and one officer wounded": a passive whose auxiliary is left out
    after a coordinated passive; its subject (parsed as an active one) is who suffered."""
    return v.dep_ == "conj" and any(c.dep_ == "nsubj" for c in v.children) and _is_passive(v)


def _shared_passives(v: Token) -> list[Token]:
    """``v`` and the passive verbs coordinated with it that share its subject ("is subdued and
    arrested by police": the agent of the last is the agent of both)."""
    out = [v]
    for c in v.conjuncts:
        if c.tag_ == "VBN" and not any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children) and _is_passive(c):
            out.append(c)
    if v.dep_ == "conj" and _is_passive(v.head):
        out.append(v.head)
    return out


def _shared_passive(v: Token) -> Token | None:
    """"A policeman is arrested and charged with murder": the passive subject a participle conjoined
    to a passive verb shares with it (the participle has no subject or auxiliary of its own)."""
    if v.dep_ != "conj" or v.tag_ != "VBN" or v.head.i == v.i or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    if any(c.dep_ in ("auxpass", "aux") for c in v.children):
        # "X appears in court and is released on bail": a passive with its own auxiliary and no
        # subject undergoes what the subject of the verb it is coordinated with names
        return next((c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")), None) if any(
            c.dep_ == "auxpass" for c in v.children) else None
    # ("the officer is under arrest and charged with murder": a participle after a copula is passive)
    deps = ("nsubjpass", "nsubj") if v.head.lemma_ == "be" else ("nsubjpass",)
    return next((c for c in v.head.children if c.dep_ in deps), None)


def _subject(v: Token) -> Token | None:
    """The active subject of the clause of ``v`` (None for a passive verb without one); asked for
    the same verb by many rules, so found once per parse (``nlp.parse_memo``)."""
    memo = parse_memo(v.doc, "subject")
    if v.i not in memo:
        memo[v.i] = _find_subject(v)
    return memo[v.i]


def _find_subject(v: Token) -> Token | None:
    if _gapped_passive(v) or _absolute_participle(v):
        return None  # (", with twelve villagers killed": the villagers suffered it)
    cur = v
    if (fronted := _fronted_list_subject(v)) is not None:
        return fronted
    for depth in range(5):
        deps = ("nsubj",) if depth == 0 else ("nsubj", "nsubjpass")
        subs = [c for c in cur.children if c.dep_ in deps]
        # "A bombing at a market in Kano, Nigeria kills twelve": a country after a comma that
        # closes a place phrase, parsed as a subject, is where, not who
        subs = [c for c in subs if not _place_tail(c)]
        # "Chile, Peru and Bolivia each blamed …": a floating "each" parsed as a second subject is not who
        subs = [c for c in subs if c.lower_ not in MUTUAL_ADVERBS] or subs
        if subs:  # the one nearest the verb ("MOSCOW, April 25 - Russia will accept")
            return min(subs, key=lambda c: abs(c.i - cur.i))
        if (orphan := _orphan_subject(cur)) is not None:
            return orphan
        if cur.dep_ == "ROOT" and (fronted_name := _fronted_name(cur)) is not None:
            return fronted_name
        if depth == 0 and (cur.pos_ == "NOUN" or cur.dep_ == "ROOT"):
            # headline "Ruto hosts Macron", "Turkey summons the envoy": subject parsed as compound
            lefts = [c for c in cur.children if c.dep_ == "compound" and c.i < cur.i]
            if lefts:
                return lefts[-1]
        if cur.dep_ == "acl" and depth == 0 and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            # "Israel's plans to annex the valley", "the move by the Solomon Islands to cut ties": the
            # owner of the noun an infinitive tells the content of (its possessor, its "by" phrase)
            # (not a noun of asking: "the request by the U.S. to seize a tanker" asks another to seize it;
            # nor one telling the act as not done: "Turkey's refusal to release the pastor")
            owner = None if _lemma(cur.head) in NOT_OWNER_NOUNS else next(
                (c for c in cur.head.children if c.dep_ == "poss"), None) or next(
                (p for c in cur.head.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children
                 if p.dep_ == "pobj"), None)
            if owner is not None:
                return owner
        if cur.dep_ == "acl" and depth == 0 and (
                cur.tag_ in ("VBD", "VBG", "VBZ", "VBP")
                or (cur.head.dep_ == "ROOT" and cur.head.pos_ in ("NOUN", "PROPN") and _agent(cur) is None
                    and not any(c.dep_ == "auxpass" for c in cur.children))):
            # "thousands of workers protesting …", or the main verb of a sentence the parser hung
            # on the noun before it ("Thousands of workers protested in …": no other verb): the
            # noun acts
            return cur.head
        if cur.dep_ == "relcl" and depth == 0:
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                # "the first state to recognise X": the noun acts; "Ruritania becomes the first
                # state to recognise X": the subject of the copula
                noun = cur.head
                if noun.dep_ == "attr" and noun.head.i != noun.i:
                    cur = noun.head
                    continue
                return noun
            return None
        if cur.dep_ == "xcomp":
            if depth == 0 and _raised_passive(v):
                return None  # "two militants are reported to have been killed": who suffered it
            objs = [c for c in cur.head.children if c.dep_ == "dobj"]
            if objs:
                return objs[0]
        if (cur.dep_ == "pcomp" and cur.head.lower_ in ("by", "after", "before") and cur.head.dep_ == "prep"
                and cur.head.head.pos_ in ("VERB", "AUX")):
            cur = cur.head.head  # "India answered by expelling ...": the subject of "answered"
            continue
        if cur.dep_ in ("xcomp", "conj", "advcl", "acomp") and cur.head.i != cur.i:
            if depth == 0 and _is_passive(v) and cur.dep_ != "xcomp":
                return None
            if cur.dep_ == "advcl" and _is_passive(cur.head):
                return None  # "were killed in Russian shelling": the victims did not shell
            cur = cur.head
            continue
        break
    return None


def _fronted_name(v: Token) -> Token | None:
    """"Nauru cut ties with Taiwan and recognised China": a name opening the sentence that the parser
    made an adverbial noun of its subjectless main verb (not a date: "Monday, …") is its subject."""
    if v.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in v.children):
        return None
    first = sent_of(v).start
    for c in v.children:
        if (c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i < v.i and c.left_edge.i == first
                and c.ent_type_ not in ("DATE", "TIME")):
            return c
    return None


def _orphan_subject(v: Token) -> Token | None:
    """"X announces its intervention in Yemen and Saudi Arabia begins airstrikes": a finite verb the
    parser left with no subject, right after a noun it coordinated with the object before — that
    noun opens a clause of its own and is its subject."""
    if v.tag_ not in ("VBZ", "VBD", "VBP") or v.dep_ not in ("ccomp", "conj") or v.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in v.children):
        return None
    prev = v.doc[v.i - 1]
    if prev.pos_ in ("PROPN", "NOUN") and prev.dep_ == "conj" and prev.head.pos_ in ("PROPN", "NOUN") \
            and prev.head.i < prev.i and prev.head.i != v.i:
        return prev
    return None


def _fronted_place(t: Token) -> bool:
    """The place of a phrase opening the sentence ("In Osaka, …"), never a party of its verb: the
    object of the opening preposition, or the noun right after it where the parser left the
    preposition without one (and took the place for the verb's subject)."""
    first = sent_of(t)[0]
    if first.dep_ != "prep" or first.i == t.i:
        return False
    if t.dep_ == "pobj" and t.head.i == first.i:
        return True
    return t.left_edge.i == first.i + 1 and not any(c.dep_ == "pobj" for c in first.children)


def _fronted_list_subject(v: Token) -> Token | None:
    """"In Osaka, Argentina, Brazil and Chile issue a statement": a verb whose fronted place phrase
    the parser coordinated with the list of doers after its comma; the first of the list after the
    comma (its partners follow as conjuncts)."""
    if v.pos_ not in ("VERB", "AUX"):
        return None
    places = [c for c in v.children if c.dep_ == "nsubj" and _fronted_place(c)]
    places += [o for c in v.children if c.dep_ == "prep" and c.i == sent_of(v).start
               for o in c.children if o.dep_ == "pobj"]
    for place in places:
        after = [t for t in place.conjuncts if t.i > place.i]
        if after and place.doc[after[0].i - 1].text == "," and after[-1].right_edge.i < v.i:
            return after[0]
    return None


def learned_skip(span: Span, trigger: Token) -> bool:
    """A mention the learned argument model never takes for a party: a venue ("in Maiduguri"), a
    place's tail the parser made a subject ("in Kano, Nigeria"), an actor of a circumstance the act
    is set in ("hosts a summit after an Iranian drone strike"), and the other way round, an actor of
    the main clause for an act told as its circumstance ("suspends visas following a shooting")."""
    root = span.root
    return (argmodel.venue(root, VENUE_PREPS) or _place_tail(root) or _in_circumstance(root, trigger)
            or _in_circumstance(trigger, root))


def learned_skip_source(span: Span, trigger: Token) -> bool:
    """What the learned argument model never takes for a doer: besides ``learned_skip``, the one
    who undergoes the act or an act below it ("a car bomb explodes, killing five guards")."""
    return learned_skip(span, trigger) or _patient_below(span.root, trigger) or _reports_passive(span.root, trigger)


def _reports_passive(t: Token, trig: Token) -> bool:
    """``t`` is the subject of a reporting verb ("officials say", "the ministry said") whose clause
    tells a done act in the passive with no agent ("… seven herders were killed"): the one who
    reports a doerless act is not its doer."""
    if t.dep_ != "nsubj" or _lemma(t.head) not in _REPORTING:
        return False
    clause = trig
    while clause.dep_ in ("conj", "xcomp", "advcl") and clause.head.i != clause.i and clause.head.i != t.head.i:
        clause = clause.head
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trig.children) or _gapped_passive(trig)
    agent = any(c.dep_ == "agent" for c in trig.children)
    # (an act announced for later is the announcer's own: "says the body will be handed over")
    announced = any(c.tag_ == "MD" for c in trig.children)
    return clause.dep_ == "ccomp" and clause.head.i == t.head.i and passive and not agent and not announced


def learned_skip_target(span: Span, trigger: Token) -> bool:
    """What the learned argument model never takes for the one an act is aimed at: besides
    ``learned_skip``, a doer of the trigger itself — its active subject or one coordinated with it
    ("Chile and Peru condemned the decision": neither condemned the other) — and a party of the
    statement a denial denies ("denied that its troops attacked Ukrainian positions": the denial
    rebuffs whoever made the claim, not the one the denied act was aimed at)."""
    return learned_skip(span, trigger) or _among_subjects(span.root, trigger) or _in_denied(span.root, trigger)


def _in_denied(t: Token, trig: Token) -> bool:
    """``t`` stands in the finite clause a denial verb (``denial_verbs``) takes as its statement."""
    if _lemma(trig) not in DENIAL_VERBS:
        return False
    return any(c.dep_ == "ccomp" and c.left_edge.i <= t.i <= c.right_edge.i for c in trig.children)


def _among_subjects(t: Token, trig: Token) -> bool:
    """``t`` is the trigger's active subject or a conjunct of it."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "nsubj" and t.head.i == trig.i


def _patient_below(t: Token, trig: Token) -> bool:
    """``t`` is the object or passive subject of the trigger or of a verb in the trigger's subtree
    (also as the head noun's "of" phrase: "injuring dozens of shoppers"), or the subject of such a
    verb that is a passive with its auxiliary left out ("… are killed and one officer wounded")."""
    while t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "NUM", "PRON"):
        t = t.head.head
    head = t.head
    suffered = t.dep_ in ("dobj", "nsubjpass") or (t.dep_ == "nsubj" and _gapped_passive(head))
    return (suffered and head.pos_ == "VERB"
            and (head.i == trig.i or any(a.i == trig.i for a in head.ancestors)))


def _learned(ctx: Ctx, m: Match, side: str, other: Arg) -> Arg | None:
    """The party a relaxed event lacks, from the learned argument model (``argfill_relaxed`` for a
    verb, ``argfill_relaxed_noun`` for an event noun, which also never takes a party for a noun
    inside an actor's name or a noun that is its clause's subject): the best-scored mention of the
    sentence, never the other party's actor nor a venue."""
    bar = settings().argfill_relaxed if _verbal(m.trigger) else settings().argfill_relaxed_noun
    # (an event noun names its parties mostly as the rules read them — "talks with Greece had
    # failed", "welcomed India's request for talks" —, so its bar is its own)
    if not _verbal(m.trigger) and (ctx.tok2m.get(m.trigger.i) is not None
                                   or m.trigger.dep_ in ("nsubj", "nsubjpass")):
        return None  # a noun inside an actor's name names the actor ("the opposition party"); a
        # noun its clause tells about names its parties in its own phrase if anywhere ("announced
        # that talks with Greece had failed": not the announcer's talks)
    if m.trigger.dep_ in ("xcomp", "ccomp") and (_asks(m.trigger.head) or _asked_clause(m.trigger)):
        return None  # what another actor expects or asks for ("expected France to recognise it")
    model = argmodel.get_model() if bar is not None else None
    if model is None:
        return None
    v = m.trigger

    def refused(span: Span, _trigger: Token) -> bool:
        # what a relaxed target never is: a topic ("responsible for the safety of the pilgrims"), a
        # predicate, a party of a clause below the trigger; a relaxed source never a document
        root = span.root
        if side == "target":
            return learned_skip_target(span, v) or root.dep_ in ("oprd", "attr", "acomp") or _topic_of_noun(root, v) \
                or _in_clause_below(root, v)
        return learned_skip_source(span, v) or _instrument(root)

    best = None
    for p, mi, span, _ in argmodel.scored(ctx.sent, ctx.mentions, argmodel.candidates(ctx.sent, ctx.mentions),
                                          v, side, m.pattern.type, other.ref, model, refused):
        if p is not None and p >= bar and (best is None or p > best[0]):
            best = (p, mi, span)
    if best is None:
        return None
    arg = _arg(ctx, best[1], "learned", best[2].root)
    if arg is None or (other.ref.id and arg.ref.id == other.ref.id):
        return None
    return arg


def _place_tail(t: Token) -> bool:
    """A name right after "<place>," where the place is the object of a preposition ("in Kano,
    Nigeria"): the rest of a place's name, whatever the parser hung it on."""
    doc = t.doc
    if t.i < 2 or t.pos_ != "PROPN" or doc[t.i - 1].text != ",":
        return False
    before = doc[t.i - 2]
    if not (before.pos_ == "PROPN" and before.dep_ == "pobj" and before.head.dep_ == "prep"):
        return False
    # not the end of an opening adverbial ("In Yemen, Iran has supported …", "At the same time in
    # London, Iran reopened …"): there the name after the comma is the subject
    first = t.sent[0]
    cur = before
    while cur.dep_ in ("pobj", "prep", "compound", "amod", "det") or (cur.pos_ in ("NOUN", "PROPN") and cur.dep_ != "nsubj"):
        if cur.i == first.i or cur.head.i == cur.i:
            break
        cur = cur.head
    return not (first.pos_ == "ADP" and cur.i == first.i)


def _agent(v: Token) -> Token | None:
    if not _is_passive(v):
        return None
    for verb in _shared_passives(v):
        for c in verb.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
    # ("is listed as a terrorist organisation by the Netherlands": the "by" phrase hung on the noun
    # of the verb's "as" phrase)
    as_nouns = [p for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    for o in [*_objects(v), *as_nouns]:
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
    return None


def _objects(v: Token) -> list[Token]:
    """Direct objects (and their conjuncts); the subject of a passive comes first. Found once per
    parse (``nlp.parse_memo``; a new list each call)."""
    memo = parse_memo(v.doc, "objects")
    got = memo.get(v.i)
    if got is None:
        got = memo[v.i] = _find_objects(v)
    return list(got)


def _find_objects(v: Token) -> list[Token]:
    out = [c for c in v.children if c.dep_ == "nsubjpass"]
    if not out and (undergoer := _absolute_noun(v)) is not None:
        out.append(undergoer)
    if not out and (shared := _shared_passive(v)) is not None:
        out.append(shared)
    if not out and _raised_passive(v):  # "Russia is said to have been attacked": Russia
        out.extend(c for c in v.head.children if c.dep_ in ("nsubjpass", "nsubj"))
    for c in v.children:
        if c.dep_ in ("dobj", "oprd", "attr"):
            out.append(c)
            out.extend(t for t in c.conjuncts if t.i > c.i)
    if not any(c.dep_ == "dobj" for c in v.children):
        # "A court strikes down a decree": the object the parser hung on the verb's particle
        out.extend(p for c in v.children if c.dep_ == "prt" for p in c.children if p.dep_ == "pobj")
        # "A court sentences Australian director James Ricketson to six years": a name after the
        # verb that the parser hung as an adverbial is its object
        out.extend(c for c in v.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > v.i)
        # "An Egyptian court sentences Al Jazeera journalists …": a noun phrase right after the
        # verb that the parser hung on it as an apposition is its object
        out.extend(c for c in v.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and c.i > v.i
                   and c.left_edge.i == v.i + 1)
    given = [c for c in v.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")]
    if given and any(c.dep_ in ("dobj", "npadvmod") and _lemma(c) in TIME_SPAN_NOUNS for c in v.children):
        # "gave the French ambassador 72 hours to leave": the one given the time is the object
        out = [o for o in out if _lemma(o) not in TIME_SPAN_NOUNS]
        out.extend(t for c in given for t in (c, *c.conjuncts) if t.i >= c.i)
    for c in list(out):
        if c.lower_ in PART_WORDS:  # "lifted most of the sanctions": the sanctions are the object
            out.extend(p for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"
                       for p in prep.children if p.dep_ == "pobj")
    return out


def _other_sense_told(v: Token, objs: list[Token]) -> bool:
    """Whether the phrasal verb's other sense is the one told: its subject is a court or a house
    (``other_sense_doers``) or its object a law or a claim (``other_sense_objects``): "the court
    strikes down the exemption", not "jets strike down a drone"."""
    return (any(c.dep_ in ("nsubj", "nsubjpass") and _lemma(c) in OTHER_SENSE_DOERS for c in v.children)
            or any(_lemma(o) in OTHER_SENSE_OBJECTS for o in objs))


def _excluded_prep(p: Pattern, tokens: list[Token]) -> bool:
    """Whether one of the pattern's ``exclude_preps`` stands on ``tokens`` with an object that is not
    a span of time (``time_span_nouns``): "held a call for two hours", "for the first time" tell how
    long or when, not what the call was for."""
    return any(_lemma(o) not in TIME_SPAN_NOUNS for word in p.exclude_preps for o in _preps(tokens, word))


def _preps(tokens: list[Token], word: str) -> list[Token]:
    """The objects of the ``word`` prepositions on ``tokens``, also where the parser hung the
    preposition on a particle read as an object-less preposition ("pulled out of the deal")."""
    out = []
    for t in tokens:
        for c in t.children:
            if c.dep_ not in ("prep", "agent", "dative") and not _object_particle(c):
                continue
            if c.lower_ == word:
                out.extend(p for p in c.children if p.dep_ in ("pobj", "pcomp"))
            elif _dangling_particle(c):
                out.extend(p for g in c.children if g.dep_ == "prep" and g.lower_ == word
                           for p in g.children if p.dep_ in ("pobj", "pcomp"))
    return out


def _dangling_particle(c: Token) -> bool:
    """A phrasal verb's particle the parser read as a preposition with no object of its own, a
    preposition hanging on it instead ("pulled out of the deal", "backed away from the accord"); not
    "according to", "within two miles of"."""
    return (c.dep_ == "prep" and c.lower_ in _phrasal_particles()
            and not any(p.dep_ in ("pobj", "pcomp") for p in c.children))


_NOT_NEAR = ("nsubj", "nsubjpass", "punct", "cc", "conj", "advcl")


def _object_particle(c: Token) -> bool:
    """A particle with an object of its own ("were struck off Kazakhstan's list": the parser's "off"
    particle holds the list): a preposition."""
    return c.dep_ == "prt" and any(p.dep_ == "pobj" for p in c.children)


def _near_words(v: Token) -> set[str]:
    """Words of the verb's non-subject children and grandchildren (lowercase and lemmas)."""
    words: set[str] = set()
    for c in v.children:
        if c.dep_ in _NOT_NEAR and not _span_clause(c):
            continue
        words |= _words(c)
        for g in c.children:
            words |= _words(g)
    return words


def _span_clause(c: Token) -> bool:
    """An infinitive the parser hung on the verb that is near it all the same: one right after a span
    of time (``time_span_nouns``) is that span's ("gave the envoy 72 hours to leave"), and one whose
    object is a level (``level_nouns``) is the verb's "to" phrase read as a verb ("upgraded ties to
    ambassador level", "to chargé d'affaires level")."""
    if c.dep_ != "advcl" or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
        return False
    before = c.left_edge.i - 1
    if before >= 0 and _lemma(c.doc[before]) in TIME_SPAN_NOUNS:
        return True
    return any(o.dep_ == "dobj" and _lemma(o) in LEVEL_NOUNS for o in c.children)


def _near_text(v: Token) -> str:
    """The text (lowercase) of the verb's non-subject children's phrases, " | " between them."""
    return " | ".join(" ".join(t.lower_ for t in c.subtree) for c in v.children
                      if c.dep_ not in _NOT_NEAR or _span_clause(c))


def _phrase(tok: Token) -> str:
    """The noun phrase of a head without determiners/possessors: "oil products"."""
    keep = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.i >= tok.left_edge.i]
    start = min([tok.i] + [k.left_edge.i if k.dep_ != "amod" else k.i for k in keep])
    words = [t for t in tok.doc[start: tok.i + 1] if t.dep_ not in ("det", "poss", "case", "punct")]
    return " ".join(t.text for t in words)


CONTAINERS = frozenset(_WORDS["containers"])


def _word_match(word: str, tok: Token) -> bool:
    if " " in word:
        return word in " ".join(t.lower_ for t in tok.subtree) or word in _phrase(tok).lower()
    if word in _words(tok) or any(word in _words(c) for c in tok.children if c.dep_ == "compound"):
        return True
    if _lemma(tok) in CONTAINERS:  # "a package of sanctions", "a wave of drones"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                if any(_word_match(word, p) for p in c.children if p.dep_ == "pobj"):
                    return True
    return False


# ----------------------------------------------------------------------------- pattern matching


@dataclass
class Match:
    pattern: Pattern
    trigger: Token
    obj: Token | None
    extra: list[str]
    objs: list[Token] | None = None  # the verb's objects (``_objects``), when already found


def _lists(v: Token, objs: list[Token]):
    """The lists the verb adds to or takes from: the objects of its list prepositions (``list_preps``)
    that are list nouns (``list_nouns``)."""
    return (p for word in _WORDS["list_preps"] for p in _preps([v, *objs], word) if _lemma(p) in LIST_NOUNS)


def _listed_on(v: Token, objs: list[Token]) -> bool:
    """Whether the verb adds to or takes from a list."""
    return next(_lists(v, objs), None) is not None


def _fought_thing(v: Token, objs: list[Token]) -> bool:
    """Whether a verb of fighting (``fight_verbs`` of data/words/attacks.yml) fights a thing, not a
    foe: its object, or the object of its with/against/in, is one of ``unfought_things`` ("battle a
    bushfire", "fight climate change", "battling in a tight race", "engaged in negotiations")."""
    sets = word_sets("attacks")
    if _lemma(v) not in sets.get("fight_verbs", ()):
        return False
    things = sets.get("unfought_things", frozenset())

    def pobjs(preps: frozenset[str]) -> list[Token]:
        return [c for p in v.children if p.dep_ == "prep" and p.lower_ in preps for c in p.children if c.dep_ == "pobj"]

    # (what the verb fights is its object or the object of with/against; only a verb that fights
    # neither is read by its "in" phrase: "battling in a tight race", but "fought militants in a
    # campaign to retake the city" fights the militants)
    direct = [*(o for o in objs if o.head.i == v.i and o.dep_ == "dobj"), *pobjs(sets.get("fight_foe_preps", frozenset()))]
    heads = direct or [*objs, *pobjs(sets.get("fight_arena_preps", frozenset()))]
    # (and the noun an "of" hangs on the object: "an out of control bushfire")
    heads += [c for t in objs for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
              for c in p.children if c.dep_ == "pobj"]
    return any(_lemma(t) in things or t.lower_ in things for t in heads)


def _friendly_list(v: Token, objs: list[Token]) -> bool:
    """Whether the list the verb adds to or takes from is one of friends ("struck X off its list of
    strategic partners"; ``friendly_list_words``): no designation list."""
    return any(_lemma(t) in FRIENDLY_LIST_WORDS or t.lower_ in FRIENDLY_LIST_WORDS
               for p in _lists(v, objs) for t in p.subtree if t.i != p.i)


def _prep_word_ok(t: Token, words: list[str]) -> bool:
    """The object of a preposition is one of ``words``; "@acronym" stands for a bare organisation
    acronym ("withdraw from ECOWAS")."""
    if _lemma(t) in words or t.lower_ in words:
        return True
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if t.pos_ in ("PROPN", "ADJ") and nxt is not None and nxt.lower_ in words and nxt.dep_ != "pobj":
        return True  # "in Russian shelling" misparsed as "in Russian" + a verb "shelling"
    return "@acronym" in words and t.pos_ in ("PROPN", "NOUN") and len(t.text) >= 3 and t.text.isupper()


@dataclass
class _VerbView:
    """What every pattern of a verb looks at, computed once per verb (a verb may have a hundred
    candidate patterns once the lexicon is loaded); the phrase texts only when a pattern asks."""

    verb: Token
    words: set[str]
    objs: list[Token]
    forms: list[str]           # the verb's lemma and base forms (``_verb_forms``)
    preps: set[str]            # prepositions on the verb or its objects (``_preps`` can find only these)
    obj_words: set[str]        # the words of every object (``quick``), for a first test of ``objects``
    any_slow: bool
    quick: list[set[str]]      # per object: its words and its compounds' words
    slow: list[bool]           # per object: a container ("a package of sanctions") needs _word_match
    _text: str | None = None
    _texts: dict[int, tuple[str, str]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """``_near_text`` of the verb."""
        if self._text is None:
            self._text = _near_text(self.verb)
        return self._text

    @property
    def object_text(self) -> str:
        """Every object's ``texts``, " | " between them (a phrase of one object is found in it)."""
        return " | ".join(w for k in range(len(self.objs)) for w in self.texts(k))

    def texts(self, k: int) -> tuple[str, str]:
        """Object ``k``'s subtree's words and its noun phrase, lower case."""
        got = self._texts.get(k)
        if got is None:
            o = self.objs[k]
            got = self._texts[k] = (" ".join(t.lower_ for t in o.subtree), _phrase(o).lower())
        return got


def _view(v: Token) -> _VerbView:
    objs = _objects(v)
    # (an apposition says what the object is: "expels Nicholas Haysom, the UN's most senior diplomat")
    quick = [_words(o).union(*(_words(c) for c in o.children if c.dep_ in ("compound", "appos"))) for o in objs]
    slow = [_lemma(o) in CONTAINERS for o in objs]
    preps = {c.lower_ for t in (v, *objs) for c in t.children if c.dep_ in ("prep", "agent", "dative") or _object_particle(c)}
    # ("pulled out of the deal": "of" hangs on the particle the parser read as a preposition)
    preps |= {g.lower_ for c in v.children if _dangling_particle(c) for g in c.children if g.dep_ == "prep"}
    return _VerbView(v, _near_words(v), objs, _verb_forms(v), preps, set().union(*quick), any(slow), quick, slow)


def _possible(patterns: PatternSet, form: str, view: _VerbView) -> list[Pattern]:
    """The candidate patterns of ``form`` that the verb of ``view`` may match, in order: the others
    fail one of :func:`_verb_matches`'s first tests (``PatternSet.verb_index``)."""
    return patterns.verb_index(form).possible(view)


def _obj_match(word: str, view: _VerbView, k: int) -> bool:
    """``_word_match(word, view.objs[k])``, with a set lookup for the common single-word case and
    the object's phrase texts read once for a phrase."""
    if " " in word:
        sub, phr = view.texts(k)
        return word in sub or word in phr
    if view.slow[k]:
        return _word_match(word, view.objs[k])
    return word in view.quick[k]


def _verb_match_kept(p: Pattern, v: Token, view: _VerbView | None = None) -> Match | None:
    """:func:`_verb_matches`, its answer kept on the document (``MATCHES_KEY``) for the classifier's
    features of the patterns that matched (:func:`matched_features`), which then cost no second pass."""
    if _reparsed(v.doc):
        return _verb_matches(p, v, view)
    kept = v.doc.user_data.setdefault(MATCHES_KEY, {})
    key = (v.i, id(p))
    if key not in kept:
        kept[key] = _verb_matches(p, v, view)
    return kept[key]


def pattern_fits(p: Pattern, v: Token) -> bool:
    """Whether the verb ``v`` meets the pattern ``p``'s tests of its words — the engine's own
    (:func:`_verb_matches`, and no relative clause where the pattern refuses one) — for other
    stages that ask whether a verb does a pattern's act (``actors.generic``: the acts only states do)."""
    if _verb_matches(p, v) is None:
        return False
    return not (p.no_relative and _verbal(v) and v.dep_ in ("relcl", "acl") and v.head.dep_ != "ROOT")


register_verb_fit(pattern_fits)


def _reparsed(doc: Doc) -> bool:
    """Whether ``doc`` is the working copy of a headline re-parse (:func:`_headline_reparse`): it
    shares the document's ``user_data`` but its words are parsed afresh for each sentence."""
    got = doc.user_data.get(_REPARSE_KEY)
    return got is not None and got[1] is doc


def _verb_matches(p: Pattern, v: Token, view: _VerbView | None = None) -> Match | None:
    view = view or _view(v)
    words, objs = view.words, view.objs
    # first tests of what the checks below need (a verb may have a hundred candidate patterns)
    if p.objects and (not objs or (not view.any_slow and not p.object_words[1]
                                   and view.obj_words.isdisjoint(p.object_words[0]))):
        return None  # the pattern names an object the verb has not
    if p.preps and view.preps.isdisjoint(p.preps):
        return None  # nor any of the prepositions it names
    if p.passive_only and not _is_passive(v):
        return None  # "is tried in absentia", not "tried to flee"
    heads = p.verb_heads
    for f in view.forms:  # (a loop, not a generator: called for every candidate pattern)
        entries = heads.get(f)
        if entries is not None:
            break
    else:
        return None
    extra_ok = None
    for rest in entries:
        if all(w in words for w in rest):
            extra_ok = rest
            break
    if extra_ok is None or (extra_ok and not _particles_placed(v, extra_ok)):
        return None
    if not extra_ok and f in OTHER_SENSE_PARTICLES and any(
            c.dep_ == "prt" and c.lower_ in OTHER_SENSE_PARTICLES[f] for c in v.children) and _other_sense_told(v, objs):
        return None  # "strikes down the law": the phrasal verb's sense, not the bare verb's
    if p.sole_object and sum(c.dep_ in ("dobj", "dative") for c in v.children) > 1:
        return None  # "denied it permission to land": a thing withheld from someone, no denial of "it"
    if p.exclude_objects and any(_obj_match(w, view, k) for k in range(len(objs)) for w in p.exclude_objects):
        return None
    if p.relation is not None and p.relation.dimension == "designation" and _friendly_list(v, objs):
        return None
    if p.type == "ASSAULT" and _listed_on(v, objs):
        return None  # "struck Russia off its list of partners": an act on a list is no attack
    if p.type == "ASSAULT" and _fought_thing(v, objs):
        return None  # "firefighters battle a bushfire", "fight climate change": a struggle with no foe
    obj = None
    if p.objects:
        single, phrases = p.object_words
        for k, o in enumerate(objs):
            if view.slow[k]:
                hit = next((w for w in p.objects if _obj_match(w, view, k)), None)
            else:  # the first of the pattern's object words the object has (set look-ups)
                found = [single[w] for w in view.quick[k] if w in single]
                if phrases:
                    sub, phr = view.texts(k)  # (_word_match of a phrase, read once per object)
                    found += [i for i, w in phrases if w in sub or w in phr]
                hit = p.objects[min(found)] if found else None
            if hit is None:
                continue
            quals = p.object_qualifiers.get(hit)
            if quals:
                scope = {(_lemma(t)) for t in o.subtree} | {t.lower_ for t in o.subtree}
                for c in v.children:
                    if c.dep_ == "prep" and c.lower_ == "as":
                        scope |= {_lemma(t) for t in c.subtree} | {t.lower_ for t in c.subtree}
                if not scope & set(quals):
                    continue
            obj = o
            break
        if obj is None:
            return None
    if p.preps:
        ok = False
        for word, lemmas in p.preps.items():
            pobjs = _preps([v, *objs], word)
            if pobjs and (not lemmas or any(_prep_word_ok(t, lemmas) for t in pobjs)):
                ok = True
                break
        if not ok:
            return None
    if p.exclude_preps and _excluded_prep(p, [v, *objs]):
        return None
    if p.needs_clause and not any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in v.children):
        return None
    if (p.needs_statement or p.no_statement) and p.needs_statement != any(
            c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") for c in v.children):
        return None
    if p.clause_marks and next(_marked_clauses(v, p.clause_marks), None) is None:
        return None
    if p.consequence_words and not _consequence_ok(p, v):
        return None
    if p.complements:
        # (a phrase as whole words: "has to" is not in "has told")
        if not any((" " in w and f" {w} " in f" {view.text} ") or (" " not in w and w in words) for w in p.complements):
            return None
    if p.exclude_complements and any(w in view.text for w in p.exclude_complements):
        return None
    if p.exclude_governed and _governed_words_in(v, p.exclude_governed):
        return None  # "bear responsibility for protecting civilians": a duty, no culprit
    if p.subjects and not _subject_is(p.subjects, v):
        return None
    if not _sentence_words_ok(p, v):
        return None
    if p.purpose_words and not _purpose_words_ok(p, v, objs):
        return None
    if obj is None and objs:
        obj = objs[0]
    if p.type == "ASSAULT" and (
            (obj is not None and _other_than_attack(obj))
            or any(_other_than_attack(t) for word in (*p.preps, "in", "by", "from") for t in _preps([v, *objs], word))):
        return None  # "hurt in a shark attack", "suffered a heart attack", "killed by lightning strikes"
    return Match(p, v, obj, extra_ok, objs)


def _governed_words_in(v: Token, governed: dict[str, list[str]]) -> bool:
    """Whether the verb's clause holds a preposition (by its word) or a verb (by its lemma) of
    ``governed`` whose object has one of its lemmas ("responsibility for protecting civilians", "for
    the safety of", "breached the fence")."""
    for t in v.subtree:
        if t.dep_ == "prep":
            words, deps = governed.get(t.lower_), ("pobj", "pcomp")
        elif t.pos_ == "VERB":
            words, deps = governed.get(_lemma(t)), ("dobj",)
        else:
            continue
        if words and any(c.dep_ in deps and (_lemma(c) in words or c.lower_ in words) for c in t.children):
            return True
    return False


@lru_cache(maxsize=1)
def _phrasal_particles() -> frozenset[str]:
    """The particles of phrasal verbs ("give in", "set off"), as the lexicon importer reads them."""
    from detente.lexicon.build import load_config

    return frozenset(load_config().particles)


@lru_cache(maxsize=1)
def _no_event_verbs() -> frozenset[str]:
    """Verbs the lexicon importer reads as no event (``recode`` … ``to: null``: acquit, exonerate)."""
    from detente.lexicon.build import load_config

    return frozenset(v for r in load_config().recode if r.to is None for v in r.verbs)


def _particles_placed(v: Token, extra: list[str]) -> bool:
    """A phrasal verb's particle is the verb's own: a particle child, a preposition right after the
    verb ("calls on Burundi", "agree on a plan") or one with no object of its own ("gave in"), not
    a preposition further on ("gives a speech ... in court" is no "give in"). Only the word after
    the verb is a particle: "crack down on protesters" has its preposition's object."""
    w = extra[0]
    if w in _phrasal_particles():
        if not any(c.lower_ == w and (c.dep_ == "prt" or (c.dep_ in ("prep", "advmod") and (
                c.i == v.i + 1 or not any(g.dep_ == "pobj" for g in c.children))))
                for c in v.children):
            return False
    return True


def _subject_is(words: list[str], v: Token) -> bool:
    """Whether the subject of ``v``'s clause is one of ``words`` (its head, a compound — "car bomb" —
    or an apposition the parser split off: "a roadside IED")."""
    subj = _subject(v)
    if subj is None:
        return False
    heads = [subj, *(c for c in subj.children if c.dep_ == "appos")]
    return any(_word_match(w, t) for t in heads for w in words)


# ----------------------------------------------------------------------------- arguments


def _instrument(tok: Token | None) -> bool:
    """"UN resolutions that ban X", "barred by UN resolutions": a document, not its author, acts."""
    if tok is None:
        return False
    if tok.lower_ in REL_PRONOUNS:
        tok = _relcl_head(tok) or tok
    return _lemma(tok) in INSTRUMENT_NOUNS


def _source(ctx: Ctx, m: Match) -> Arg | None:
    """The first actor the pattern's source roles find (``detente.events.roles``)."""
    for spec in m.pattern.source_roles:
        fn, word = roles.resolve("source", spec)
        arg = fn(ctx, m, word)
        if arg is not None:
            return arg
    return None


def _doer(ctx: Ctx, m: Match, find, role: str) -> Arg | None:
    """The actor at the token ``find`` gives for a verbal trigger, unless that is a document
    ("resolutions that ban X")."""
    if not _verbal(m.trigger):
        return None
    tok = find(m.trigger)
    if tok is None or _instrument(tok):
        return None
    arg = _core(ctx, tok, role)
    if arg is None and role == "subj" and (op := _operator(tok)) is not None:
        # "Shells fired by Houthi forces killed 18": who fired them did it
        arg = _core(ctx, op, role)
    if arg is None and role == "subj" and (gov := _object_participle_doer(m.trigger)) is not None:
        arg = _core(ctx, gov, role)
    if arg is None and role == "subj" and (group := _speaking_group(tok)) is not None:
        arg = _core(ctx, group, role)
    return arg


def _speaking_group(tok: Token) -> Token | None:
    """"Kosovo and Serbia announce that they will normalise relations": a plural pronoun subject of a
    clause that a verb governs whose subject is a coordination of parties stands for those parties
    (the first of them; its conjuncts follow)."""
    if tok.lower_ not in PLURAL_SUBJECT_PRONOUNS or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = tok.head
    while clause.dep_ in ("ccomp", "xcomp", "conj", "advcl") and clause.head.i != clause.i:
        clause = clause.head
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj if subj.conjuncts else None
    return None


def _object_participle_doer(v: Token) -> Token | None:
    """"The front declares war on Morocco, accusing Rabat of …", "the envoys deliver a letter
    demanding …": a present participle hung on the object of a clause, where that object names no
    doer, tells what the clause's subject did by it (the subject of the governing verb)."""
    noun = v.head
    if v.dep_ != "acl" or v.tag_ != "VBG" or noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX"):
        return None
    if noun.lemma_.lower() in PEOPLE_NOUNS or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return None  # "freed six men carrying arms": the people the noun names did it
    return _subject(noun.head)


def _operator(tok: Token) -> Token | None:
    """Who a thing named as the subject was used by: "rockets fired by Hamas", "a car driven by a
    militant" (a participle with a "by" agent on the noun, or on the verb the parser hung it on),
    "a Taliban-planted bomb" (the actor hyphened to a participle on the noun; not a maker or a
    backer, ``other_participles``: "a Russian-made missile")."""
    for c in tok.children:
        if c.dep_ == "amod" and c.tag_ == "VBN" and c.lower_ not in OTHER_PARTICIPLES and c.i >= 2 \
                and c.nbor(-1).text == "-" and c.nbor(-2).head.i == c.i:
            return c.nbor(-2)
    verbs = [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if tok.dep_ == "nsubj" and tok.head.tag_ == "VBN":
        verbs.append(tok.head)  # "Rockets fired by Hamas militants killed …" parsed with "fired" as the verb
    for v in verbs:
        for a in v.children:
            if a.dep_ == "agent":
                return next((p for p in a.children if p.dep_ == "pobj"), None)
    return None


@roles.role("source", "subj")
def _subj_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """The subject of the trigger's clause; for a gerund an accusing verb tells the act of ("accuses
    the Taliban of kidnapping 60 civilians"), the one accused."""
    return _doer(ctx, m, _accused, "subj") or _doer(ctx, m, _subject, "subj")


def _accused(v: Token) -> Token | None:
    """Who an accusing verb (``accusing_verbs``) says did the gerund under its preposition
    (``accusing_preps``, also a later gerund coordinated with it: "of assisting and sheltering
    militants"): its object ("accuses Russia of arming Armenia"); none for a passive or a participle
    ("eight men are accused of abducting a girl"), whose act is the charge itself."""
    while v.dep_ == "conj" and v.head.i != v.i and v.head.tag_ == "VBG":
        v = v.head
    prep = v.head
    if v.dep_ != "pcomp" or v.tag_ != "VBG" or prep.lower_ not in ACCUSING_PREPS or prep.dep_ != "prep":
        return None
    if any(c.dep_ == "neg" for c in v.children):
        return None  # "blame the government for not stopping the bloodshed": no act
    verb = prep.head
    if verb.dep_ == "dobj" and verb.pos_ in ("NOUN", "PROPN", "PRON") and _lemma(verb.head) in ACCUSING_VERBS:
        return verb  # ("accuses the supporters of assisting militants" parsed with "of" on the object)
    if verb.pos_ not in ("VERB", "AUX") or _lemma(verb) not in ACCUSING_VERBS:
        return None
    if verb.tag_ == "VBN" or _is_passive(verb):
        return None  # "Hezbollah was accused of attacking a patrol", "a man accused of killing …": the
        # act is told as the charge (``_accused_act`` codes it ACCUSE), its doer is no party of it
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


@roles.role("source", "obj_by")
def _obj_by_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """Who did the act the verb's object names: its "by" phrase ("repelled an attack by militants")."""
    if not _verbal(m.trigger):
        return None
    objs = [o for o in m.trigger.children if o.dep_ == "dobj"]
    return next((a for p in _preps(objs, "by") if (a := _core(ctx, p, "obj_by")) is not None), None)


@roles.role("source", "agent")
def _agent_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """The "by" agent of a passive."""
    return _doer(ctx, m, _agent, "agent")


def _announcer(v: Token) -> Token | None:
    """The subject of the verb that announces an agentless passive act ("the prime minister announces
    that the niqab will be banned": the one who decided it), for verbs in ``announcing_verbs``; not of
    a verb that only reports ("Amnesty says activists were arrested")."""
    if v.dep_ != "ccomp" or not _is_passive(v) or _agent(v) is not None or _lemma(v.head) not in ANNOUNCING_VERBS:
        return None
    return _subject(v.head)


@roles.role("source", "backer")
def _backer_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """The "by" phrase of a participle describing a noun ("rebels backed by Turkey": Turkey)."""
    v = m.trigger
    if not _verbal(v) or v.dep_ != "acl" or v.tag_ != "VBN":
        return None
    by = next((p for c in v.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
               for p in c.children if p.dep_ == "pobj"), None)
    return _core(ctx, by, "backer") if by is not None else None


@roles.role("source", "announcer")
def _announcer_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """Who announced an agentless passive act as their decision (:func:`_announcer`)."""
    return _doer(ctx, m, _announcer, "announcer")


def _issuer(v: Token) -> Token | None:
    """Who issued the statement a verbal act is told by ("four states issue a statement condemning
    the government", "the council adopted a resolution urging a truce"): the subject of the verb in
    ``issuing_verbs`` whose object is a noun in ``statement_nouns`` that the trigger describes."""
    doc_noun = v.head
    if v.dep_ != "acl" or _lemma(doc_noun) not in STATEMENT_NOUNS or doc_noun.dep_ != "dobj":
        return None
    verb = doc_noun.head
    return _subject(verb) if _lemma(verb) in ISSUING_VERBS else None


@roles.role("source", "issuer")
def _issuer_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """Who issued the statement that tells a verbal act (:func:`_issuer`)."""
    return _doer(ctx, m, _issuer, "issuer")


@roles.role("source", "poss")
def _poss_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """The possessor of an event noun ("Iran's demands"), unless the noun names its doer after "by"
    ("his father's murder by a bodyguard": the possessor suffered it; the bodyguard did it)."""
    v = m.trigger
    if not _verbal(v):
        for by in _preps([v], "by"):
            doer = _core(ctx, by, "agent")
            if doer is not None:
                return doer
    owner = next((c for c in v.children if c.dep_ == "poss"), None)
    if owner is None and m.pattern.governed:
        # "rejected the Hamas demands" / the two-object misparse "rejected Hamas demands"
        prev = v.nbor(-1) if v.i > v.sent.start else None
        owner = next((c for c in v.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None) or (
            prev if prev is not None and v.dep_ == "dobj" and prev.dep_ == "dobj"
            and prev.head.i == v.head.i and prev.pos_ == "PROPN" else None)
    return _core(ctx, owner, "poss")


def _between_objs(n: Token) -> list[Token]:
    """The "between" phrases of an event word, also those of the verb of occurrence it is the subject
    of, or on the verb that one completes ("fighting resumes between the army and the rebels",
    "clashes erupt between X and Y", "fighting continues to rage between X and Y")."""
    pobjs = _preps([n], "between")
    if not pobjs and not _verbal(n) and n.dep_ == "nsubj" and _lemma(n.head) in OCCURRENCE_VERBS:
        verb = n.head
        pobjs = _preps([verb, *(c for c in verb.children if c.dep_ == "xcomp")], "between")
    return pobjs


@roles.role("source", "list_owner")
def _list_owner_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """Who keeps the list the verb adds to or takes from (``list_preps``, ``list_nouns``): its
    possessor ("the Taliban were struck off Kazakhstan's list of banned organisations": Kazakhstan)."""
    v = m.trigger
    if not _verbal(v):
        return None
    for p in _lists(v, _objects(v)):
        owner = next((c for c in p.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        if owner is not None:
            return _core(ctx, owner, "list_owner")
    return None


@roles.role("source", "between")
def _between_source(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """The first party of "talks between X and Y"."""
    pobjs = _between_objs(m.trigger)
    return _core(ctx, pobjs[0], "between") if pobjs else None


@roles.role("source", "noun_agent")
def _noun_agent_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """The "by" phrase of an event noun ("an attack on a bus by two gunmen", "the trawler's
    detainment by the coast guard"), on the noun or on the object of its own preposition."""
    v = m.trigger
    if _verbal(v):
        return None
    inner = [p for p in _preps([v], "on") + _preps([v], "of") + _preps([v], "in")]
    for p in _preps([v], "by") + _preps(inner, "by") + _participle_agents(v):
        arg = _core(ctx, p, "noun_agent")
        if arg is not None:
            return arg
    return None


def _participle_agents(n: Token) -> list[Token]:
    """The "by" objects of a participle in ``doer_participles`` describing an event noun ("threats
    made by the minister", "an ultimatum issued on Monday by the army", "a march led by X")."""
    return [p for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN"
            and not DOER_PARTICIPLES.isdisjoint(_verb_forms(c))
            for a in c.children if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by")
            for p in a.children if p.dep_ == "pobj"]


@roles.role("source", "from_doer")
def _from_doer_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """The "from" phrase of an event noun of a type in ``from_doer_types``, as its doer ("requests
    from Italy", "under attack from rebel forces", "pressure from activist groups")."""
    v = m.trigger
    if _verbal(v) or m.pattern.type not in FROM_DOER_TYPES:
        return None
    pobjs = _preps([v], "from")
    return _core(ctx, pobjs[0], "from_doer") if pobjs else None


@roles.role("source", "governor_subj")
def _governor_subj_source(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """The doer of the verb among the pattern's ``governors`` that governs the event noun ("Abbas
    announced the end of the accords", "recognition of Palestine was announced by Norway")."""
    n = m.trigger
    gov = None if _verbal(n) or not m.pattern.governors else _answering_verb(m.pattern, n)
    outer = _governing_noun(n) if gov is None and not _verbal(n) else None
    if outer is not None and _lemma(outer) in m.pattern.governors:
        # "Spain's announcement of its recognition of Palestine": the governing noun's owner
        who = next((c for c in outer.children if c.dep_ == "poss"), None)
        return _core(ctx, who, "governor_subj") if who is not None and not _instrument(who) else None
    if gov is None:
        return None
    who = _agent(gov) if n.dep_ == "nsubjpass" else _subject(gov)
    return _core(ctx, who, "governor_subj") if who is not None and not _instrument(who) else None


@roles.role("source", "support_subj")
def _support_subj_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """The doer of a support verb whose object is the event noun: "the army launched an offensive",
    "X ordered a ceasefire", "a strike was called by the unions" (verbs: ``support_verbs``)."""
    v = m.trigger
    gov = v.head
    if _verbal(v) or gov.i == v.i or not _support_verb(gov) or _lemma(v) in SUPPORT_NOUN_EXCLUDE \
            or (m.pattern.type not in settings().support_verb_types and not _light_verb(gov)):
        return None
    if v.dep_ == "dobj":
        who = _subject(gov)
    elif v.dep_ == "nsubjpass":
        who = _agent(gov)
    else:
        return None
    return _core(ctx, who, "support_subj") if who is not None and not _instrument(who) else None


@roles.role("source", "prep", takes_word=True)
def _prep_source_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """The object of preposition ``word`` on an event noun: who voiced it ("criticism from Germany",
    "a denial by the ministry")."""
    v = m.trigger
    if _verbal(v):
        return None
    # "drew criticism from Germany": the phrase is often hung on the verb the noun is the object of
    pobjs = _preps([v, *([v.head] if v.dep_ == "dobj" else [])], word)
    return _core(ctx, pobjs[0], f"prep:{word}") if pobjs else None


@roles.role("source", "addressee")
def _addressee_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """"an appeal to the Court of Arbitration was rejected": whoever a request was addressed to is
    who answered it, when the passive names no one else."""
    v = m.trigger
    if not _verbal(v) or not _is_passive(v) or _agent(v) is not None:
        return None
    subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    pobjs = _preps([subj], "to") if subj is not None else []
    return _core(ctx, pobjs[0], "addressee") if pobjs else None


@roles.role("source", "clause_doer")
def _clause_doer_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """"After two days of talks with Ethiopia, Sudan agreed …", "during his visit to Kenya, the
    premier …": a meeting told as a noun in an adverbial phrase was held by the subject of the clause
    it modifies (the pattern's target roles name the partner)."""
    n = m.trigger
    if _verbal(n):
        return None
    tok = n
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head  # "two days of talks", "a round of talks"
    # (a pattern's own prepositions, where it names them: "resigns in protest of the lockdown")
    if (tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.lower_ not in (m.pattern.head_preps or SETTING_PREPS)
            or not _verbal(tok.head.head)):
        return None  # (not "agreed to a meeting with X": an argument, not the setting of the clause)
    subj = _subject(tok.head.head)
    return _core(ctx, subj, "clause_doer") if subj is not None and not _instrument(subj) else None


@roles.role("source", "clause_people")
def _clause_people_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """The people of the state whose actor is the subject of the clause an event noun hangs on as
    its circumstance ("Peru declares an emergency following violent protests", "the governor stays
    in office despite protests": the state's people protested), unless an earlier sentence told of
    an event of the type already (then the noun names that one again)."""
    v = m.trigger
    if _verbal(v) or v.dep_ not in ("pobj", "dobj") or any(e.type == m.pattern.type for e in _history(ctx)):
        return None
    # the clause the circumstance belongs to ("following" may be parsed as a verb on a noun)
    cur = v.head.head if v.dep_ == "pobj" else v.head
    while cur.head.i != cur.i and not (_verbal(cur) and cur.dep_ != "acl"):
        cur = cur.head
    country = None
    for _ in range(3):  # the clause's subject, else the subject of the clause reporting it
        subj = _subject(cur) if _verbal(cur) else None
        doer = _core(ctx, subj, "clause_people") if subj is not None and not _instrument(subj) else None
        country = doer.ref.country if doer is not None else None
        if country or cur.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or cur.head.i == cur.i:
            break
        cur = cur.head
    if not country:
        return None
    ref = ActorRef(id=None, country=country, sector="CVL", text="")
    return Arg(ref=ref, role="clause_people", certainty=_certainty("clause_people"))


@roles.role("source", "against_people")
def _against_people_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """"injured during protests against the Government of Venezuela": protesters no place names are
    the people of the state (or its government) the protest is against."""
    for p in _preps([m.trigger], "against"):
        arg = _core(ctx, p, "against_people")
        if arg is not None and arg.ref.country and arg.ref.sector in (None, "GOV"):
            ref = ActorRef(id=None, country=arg.ref.country, sector="CVL", text="")
            return Arg(ref=ref, role="against_people", certainty=_certainty("against_people"))
    return None


@roles.role("source", "attack_mod")
def _attack_mod_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """"were killed in Russian shelling", "died in an Israeli air strike": the attacker is the actor
    modifying the attack noun."""
    v = m.trigger
    if not (_verbal(v) and _agent_less(v)):
        return None
    for p in [*_preps([v], "in"), *_preps([v], "by")]:
        if not any(_prep_word_ok(p, words) for words in m.pattern.preps.values()):
            continue
        for c in [p, *p.children]:
            if (c.dep_ in ("amod", "compound", "nmod") or c is p) and ctx.tok2m.get(c.i) is not None:
                arg = _core(ctx, c, "attack_mod")
                if arg is not None:
                    return arg
    return None


@roles.role("source", "fight_partner")
def _fight_partner_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """"five guards were killed in clashes with Houthi militants": the side the victims fought
    (the "with" object of a fight noun, ``fight_nouns``, on the agentless verb's preposition that
    the pattern names)."""
    v = m.trigger
    if not (_verbal(v) and _agent_less(v)):
        return None
    fights = FIGHT_NOUNS
    for p in (p for pw in m.pattern.preps for p in _preps([v], pw)):
        if _lemma(p) not in fights and p.lower_ not in fights:
            continue
        for w in _preps([p], "with"):
            arg = _core(ctx, w, "fight_partner")
            if arg is not None:
                return arg
    return None


def _agent_less(v: Token) -> bool:
    """A verb whose doer is not named: a passive without "by <actor>", or an intransitive ("died")."""
    if any(c.dep_ == "dobj" for c in v.children):
        return False
    return not _is_passive(v) or _agent(v) is None or _attack_agent(v)


def _attack_agent(v: Token) -> bool:
    """"killed by Russian shelling": the "by" object is the attack itself, not an actor."""
    a = _agent(v)
    return a is not None and a.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") for c in a.children)


def _victims(v: Token) -> Token | None:
    """Who suffered an agentless act: the passive subject, or the subject of "died" (also raised to
    the verb it completes: "three soldiers are reported to have been killed")."""
    subs = [c for c in v.children if c.dep_ in ("nsubjpass", "nsubj")]
    if not subs and (undergoer := _absolute_noun(v)) is not None:
        subs = [undergoer]
    if not subs and _raised_passive(v):
        subs = [c for c in v.head.children if c.dep_ in ("nsubjpass", "nsubj")]
    return subs[0] if subs and _agent_less(v) else None


def _raised_passive(v: Token) -> bool:
    """A passive infinitive completing a verb whose subject is its patient ("are reported to have
    been killed", "is expected to be charged", "were confirmed to have been detained")."""
    if v.head.i == v.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return False
    if v.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in v.children):
        return True
    # "seven soldiers are also reported killed": a bare participle completing a passive verb
    return v.dep_ in ("xcomp", "oprd") and v.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in v.head.children)


def _history(ctx: Ctx) -> list[Event]:
    hist = ctx.sent.doc.user_data.get(HISTORY_KEY, {})
    return [e for start, evs in sorted(hist.items()) if start < ctx.sent.start for e in evs]


def _recent(ctx: Ctx) -> list[tuple[int, Event]]:
    """Earlier events of the article, nearest first, with their distance in (event-bearing)
    sentences: 0 for this sentence, 1 for the last sentence that had events, …"""
    hist = ctx.sent.doc.user_data.get(HISTORY_KEY, {})
    out = [(0, e) for e in reversed(ctx.found)]
    dist = 0
    for start, evs in sorted(hist.items(), reverse=True):
        if start >= ctx.sent.start or not evs:
            continue
        dist += 1
        out.extend((dist, e) for e in reversed(evs))
    return out


def _party(ref: ActorRef | None) -> tuple | None:
    """Who an actor is, for telling a reaction's author from the one it answers: a state's organ
    apart from the state and its government (its prosecutor indicts its prime minister, who
    rejects the charges), an actor the KB lacks by its country and sector; None for one with no
    country at all."""
    if ref is None:
        return None
    if ref.id:
        return (ref.id, ref.sector if ref.sector in STATE_ORGANS else None)
    return (None, ref.country, ref.sector) if ref.country else None


def _event_ref(ctx: Ctx, m: Match, source: Arg) -> Arg | None:
    """"X condemned the attack": the actor who did the attack, told earlier in the article."""
    spec = anaphora()
    obj = m.obj
    if obj is None:
        if _lemma(m.trigger) not in spec.bare_reaction_verbs or any(
                c.dep_ in ("xcomp", "ccomp", "dobj") for c in m.trigger.children):
            return None
    else:
        if _lemma(obj) not in spec.event_nouns:
            return None
        if not any(c.dep_ == "det" and c.lower_ in spec.determiners for c in obj.children):
            return None
        if ctx.tok2m.get(obj.i) is not None or any(ctx.tok2m.get(c.i) is not None for c in obj.subtree):
            return None  # "the attack on Iran" names its own actors
    me = _party(source.ref)
    if me is None:
        return None
    types = set(spec.event_nouns.get(_lemma(obj), [])) if obj is not None else {"REQUEST"}
    recent = [(d, ev) for d, ev in _recent(ctx)
              if (not types or ev.type in types) and ev.source is not None and ev.source.id
              and _party(ev.source) not in (None, me)]
    pick = None
    for _d, ev in recent:  # the reaction of the actor the event was aimed at
        if ev.target is not None and _party(ev.target) == me:
            pick = ev.source
            break
    if pick is None and obj is not None:
        for d, ev in recent:
            if d > spec.window:
                break
            pick = ev.source
            break
    if pick is None and obj is not None and types:
        # "India dismissed the claims" with no accusation coded: the last actor to act against India
        for d, ev in _recent(ctx):
            if d > spec.window:
                break
            if ev.target is not None and _party(ev.target) == me and ev.source is not None and ev.source.id \
                    and _party(ev.source) not in (None, me):
                pick = ev.source
                break
    if pick is None:
        return None
    return Arg(ref=pick.model_copy(update={"start": None, "end": None}), role="event_ref",
               certainty=_certainty("context"))


@dataclass
class Want:
    """What a target role sees: the match, the source found, the trigger's objects (those the
    pattern names, complements dropped), and the mentions the target may not be."""

    ctx: Ctx
    m: Match
    source: Arg
    objs: list[Token]
    exclude: set[int]

    def ok(self, arg: Arg | None) -> Arg | None:
        """``arg``, unless it is the source's mention or actor."""
        if arg is None or (arg.mention is not None and arg.mention in self.exclude):
            return None
        if _same_actor(self.source.ref, arg.ref):
            return None
        return arg

    def first(self, toks, role: str, strict: bool = False) -> Arg | None:
        """The first acceptable actor at one of ``toks`` (``_core``)."""
        for t in toks:
            arg = self.ok(_core(self.ctx, t, role, strict=strict))
            if arg:
                return arg
        return None


def _target(ctx: Ctx, m: Match, source: Arg) -> Arg | None:
    """The first actor the pattern's target roles find (``detente.events.roles``)."""
    v, obj = m.trigger, m.obj
    objs = [] if not _verbal(v) else (m.objs if m.objs is not None else _objects(v))
    if m.pattern.objects and obj is not None:
        objs = [obj]
    if m.pattern.complements:
        # "labelled him a terrorist": the complement names what the target is called, not who
        # (a complement that holds an actor stays: "calling the Taliban allies")
        objs = [o for o in objs if (_lemma(o) not in m.pattern.complements and o.lower_ not in m.pattern.complements)
                or any(ctx.tok2m.get(c.i) is not None for c in o.subtree if c is not o)]
    want = Want(ctx, m, source, objs, {source.mention} if source.mention is not None else set())
    for spec in m.pattern.target_roles:
        fn, word = roles.resolve("target", spec)
        arg = fn(want, word)
        if arg is not None and _venue_body(arg) and m.pattern.type in settings().matter_target_types:
            # "files a complaint with the WTO over Japanese export controls": the body is where it
            # is lodged; whose act it is over is the one accused
            arg = _matter_role(want, None) or arg
        if arg is not None:
            return arg
    if m.pattern.type in settings().purpose_target_types and (arg := _purpose_role(want, None)) is not None:
        return arg
    if m.pattern.type in settings().matter_target_types and (arg := _matter_role(want, None)) is not None:
        return arg
    return _plain_people(ctx, m, source, objs)


def _plain_people(ctx: Ctx, m: Match, source: Arg, objs: list[Token]) -> Arg | None:
    """Where the target is people named by a plain noun no actor stands for ("a court convicts six
    men", "police arrested 40 people", "gunmen killed three villagers"; ``people_nouns``), for types
    in ``people_target_types``: the civilians of the place the act is told to happen in, else (a
    legal act, ``people_home_types``) of the source's country."""
    if m.pattern.type not in settings().people_target_types or not _verbal(m.trigger):
        return None
    obj = next((o for o in objs if o.dep_ in ("dobj", "nsubjpass") and _lemma(o) in PEOPLE_NOUNS
                and ctx.tok2m.get(o.i) is None), None)
    if obj is None:
        return None
    place = _place_victims(ctx, m.trigger)
    if place is not None:
        return place
    country = source.ref.country
    if not country or m.pattern.type not in settings().people_home_types:
        return None  # (the victims of an attack are not known to be the attacker's people)
    ref = ActorRef(id=None, country=country, sector="CVL", text=_phrase(obj), start=obj.idx,
                   end=obj.idx + len(obj.text))
    return Arg(ref=ref, role="people", certainty=0.6, token=obj)


@roles.role("target", "acted_subj")
def _subj_target_role(w: Want, word: str | None) -> Arg | None:
    """The subject of the trigger's clause, as the one acted on ("X repelled an attack by Y": Y → X)."""
    subj = _subject(w.m.trigger) if _verbal(w.m.trigger) else None
    return w.first([subj], "subj") if subj is not None else None


@roles.role("target", "backed")
def _backed_role(w: Want, word: str | None) -> Arg | None:
    """The one a participle describes ("the Syrian Army, backed by Russian jets, …": the army), else
    the subject of the clause the described noun stands in ("announces an offensive, backed by the
    coalition": the announcer)."""
    v = w.m.trigger
    if not _verbal(v) or v.dep_ != "acl":
        return None
    arg = w.first([v.head], "backed")
    if arg is not None:
        return arg
    cur = v.head
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    subj = _subject(cur) if cur.pos_ in ("VERB", "AUX") else None
    return w.first([subj], "backed") if subj is not None else None


@roles.role("target", "obj")
def _obj_role(w: Want, word: str | None) -> Arg | None:
    """An actor at an object's head or its compounds."""
    return w.first(w.objs, "obj", strict=True)


@roles.role("target", "obj_core")
def _obj_core_role(w: Want, word: str | None) -> Arg | None:
    """An actor at an object's head, its compounds, possessor or adjectives."""
    return w.first(w.objs, "obj_core")


@roles.role("target", "obj_tree")
def _obj_tree_role(w: Want, word: str | None) -> Arg | None:
    """The first actor anywhere inside an object phrase (not the source)."""
    for o in w.objs:
        arg = w.ok(_tree(w.ctx, o, "obj_tree", w.exclude, w.source.ref.id))
        if arg:
            return arg
    return None


@roles.role("target", "legislature")
def _legislature_role(w: Want, word: str | None) -> Arg | None:
    """A bill, law or budget no actor is named with ("the governor vetoes a bill that would have
    …"): the legislature that passed it, of the doer's own state (``legislated_things``)."""
    country = w.source.ref.country
    obj = next((o for o in w.objs if _lemma(o) in _LEGISLATED), None)
    if not country or obj is None:
        return None
    ref = ActorRef(id=None, country=country, sector="LEG", text=_phrase(obj), start=obj.idx, end=obj.idx + len(obj.text))
    return Arg(ref=ref, role="legislature", certainty=_certainty("legislature"), token=obj)


@roles.role("target", "own_government")
def _own_government_role(w: Want, word: str | None) -> Arg | None:
    """A law, order or policy no actor is named with that a state's organ voids or halts ("a federal
    judge blocks a Missouri law"): whoever made it is the government of the organ's own state, as
    the real-text gold codes a court striking down a law (REJECT, the court to the government)."""
    src = w.source.ref
    obj = next(iter(w.objs), None)
    if not src.country or src.id not in (None, src.country) or src.sector not in STATE_ORGANS or obj is None:
        return None
    ref = ActorRef(id=None, country=src.country, sector="GOV", text=_phrase(obj), start=obj.idx, end=obj.idx + len(obj.text))
    return Arg(ref=ref, role="own_government", certainty=_certainty("own_government"), token=obj)


@roles.role("target", "victim")
def _victim_role(w: Want, word: str | None) -> Arg | None:
    """Who suffered an agentless act, when named with a country other than the attacker's."""
    v = w.m.trigger
    if not _verbal(v) or (who := _victims(v)) is None:
        return None
    cand = w.ok(_core(w.ctx, who, "victim"))
    if cand is not None and cand.ref.country and cand.ref.country != w.source.ref.country:
        return cand
    if cand is not None and not cand.ref.country and cand.ref.id and cand.ref.id != w.source.ref.id:
        return cand  # an organisation's men ("four UN peacekeepers are killed in an attack")
    src = w.source.ref
    if (cand is not None and src.sector and cand.ref.sector and cand.ref.sector != src.sector
            and _party(cand.ref) != _party(src) and {cand.ref.sector, src.sector} & ARMED_SECTORS):
        return cand  # two sides of one country ("soldiers killed in clashes with rebels")
    return None


@roles.role("target", "subj_pass")
def _subj_pass_role(w: Want, word: str | None) -> Arg | None:
    """"X is given a life sentence by a court": the passive subject of a verb whose object is the
    thing given (the pattern's object word), the one it is given to."""
    return w.first((c for c in w.m.trigger.children if c.dep_ == "nsubjpass"), "subj_pass")


@roles.role("target", "xobj")
def _xobj_role(w: Want, word: str | None) -> Arg | None:
    """"Finland applied to join NATO": the object of the infinitive complement."""
    xcomps = (c for c in w.m.trigger.children if c.dep_ == "xcomp")
    return w.first((o for x in xcomps for o in x.children if o.dep_ == "dobj"), "xobj")


@roles.role("target", "purpose")
def _purpose_role(w: Want, word: str | None) -> Arg | None:
    """"scrambled jets to intercept Chinese bombers", "fired tear gas to disperse the protesters":
    the object of the infinitive that tells what the act is for (an ``xcomp`` or ``advcl`` with
    "to", or "in order to") — the one the act is aimed at. Tried for the types of
    ``purpose_target_types`` when the pattern's own roles find no one."""
    v = w.m.trigger
    if not _verbal(v):
        return None
    clauses = [c for c in v.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and c.i > v.i
               and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)]
    objs = [o for x in clauses for o in x.children if o.dep_ == "dobj"]
    # the object itself, else a state's adjective on it ("to block an Iranian convoy"), never its
    # possessor ("to protect its citizens")
    return w.first(objs, "purpose", strict=True) or w.first(
        (a for o in objs for a in o.children if a.dep_ == "amod"), "purpose", strict=True)


def _venue_body(arg: Arg) -> bool:
    """Whether an argument is an international body or a court named as where an act is brought
    ("with the WTO", "to the UN", "before the court"; ``venue_body_preps``, ``venue_body_sectors``)."""
    t = arg.token
    return (t is not None and t.dep_ == "pobj" and t.head.lower_ in _word_set("venue_body_preps")
            and arg.ref.sector in _word_set("venue_body_sectors"))


@roles.role("target", "matter")
def _matter_role(w: Want, word: str | None) -> Arg | None:
    """"warns of retaliation over the deployment of US missiles", "protests over Chinese steel
    subsidies": the party whose act or thing a verbal act is over (the noun's adjective, possessor,
    "of" or "by" phrase). Tried for the types of ``matter_target_types`` when the pattern's own roles
    find no one."""
    v = w.m.trigger
    # (on the trigger, its objects, or the noun of one of their phrases: "warns of retaliation over …")
    inner = [p for h in (v, *w.objs) for c in h.children if c.dep_ == "prep" and c.lower_ != "over"
             for p in c.children if p.dep_ == "pobj"]
    for n in _preps([v, *w.objs, *inner], "over"):
        arg = w.first([n, *_preps([n], "by"), *_preps([n], "of")], "matter")
        if arg is not None:
            return arg
    return None


@roles.role("target", "asked_doer")
def _asked_doer_role(w: Want, word: str | None) -> Arg | None:
    """"called for the resignation of the government", "pressed for Russia's withdrawal": the one
    asked is who would do the act named after "for" (its "of" object or possessor), for acts only
    their doer can do (``asked_acts``: resigning, withdrawing, apologising)."""
    acts = ASKED_ACTS
    for n in _preps([w.m.trigger, *w.objs], "for"):
        if _lemma(n) not in acts and n.lower_ not in acts:
            continue
        doers = [c for c in n.children if c.dep_ == "poss"] + _preps([n], "of") + _preps([n], "by")
        arg = w.first(doers, "asked_doer")
        if arg is not None:
            return arg
    return None


@roles.role("target", "clause_agent")
def _clause_agent_role(w: Want, word: str | None) -> Arg | None:
    """"Jordan says its citizens are held illegally by Israel": the doer of a passive clause the verb
    governs, who the judgement is about (not the clause's passive subject, who suffered it)."""
    clauses = (c for c in w.m.trigger.children if c.dep_ in ("ccomp", "xcomp"))
    return w.first((a for x in clauses if (a := _agent(x)) is not None), "clause_agent", strict=True)


@roles.role("target", "clause_subj")
def _clause_subj_role(w: Want, word: str | None) -> Arg | None:
    """"wants to help Ukraine rebuild its grid": the helped party is the subject of the clause the
    verb governs."""
    clauses = (c for c in w.m.trigger.children if c.dep_ in ("ccomp", "xcomp") or (
        c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ == "for" for k in c.children)))
    return w.first((o for x in clauses for o in x.children if o.dep_ == "nsubj"), "clause_subj", strict=True)


def _marked_clauses(v: Token, marks: list[str]):
    """The adverbial clauses on ``v`` or inside what it states that one of ``marks`` opens ("says North
    Korea will halt its tests if the US ends its drills" → "ends", "calls for the sides to talk" →
    "talk"); not a concession ("even if")."""
    for c in v.children:
        if c.dep_ == "advcl":
            found = [c]
        elif c.dep_ in ("ccomp", "xcomp"):
            found = [t for t in c.subtree if t.dep_ == "advcl"]
        else:
            continue
        for t in found:
            mark = next((k for k in t.children if k.dep_ == "mark" and k.lower_ in marks), None)
            if mark is not None and not (mark.i > 0 and mark.nbor(-1).lower_ in CONCESSIVE_WORDS):
                yield t


def _consequence_ok(p: Pattern, v: Token) -> bool:
    """Whether what ``v`` states, outside its condition and its own subject, holds one of the
    pattern's ``consequence_words`` ("says Turkey might cut ties if the US recognises Jerusalem")."""
    skip = {t.i for c in _marked_clauses(v, p.clause_marks) for t in c.subtree}
    skip.update(t.i for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
    words = {w for t in v.subtree if t.i not in skip and t.i != v.i for w in (_lemma(t), t.lower_)}
    return not words.isdisjoint(p.consequence_words)


@roles.role("target", "marked_subj")
def _marked_subj_role(w: Want, word: str | None) -> Arg | None:
    """"says it will halt the tests if the US ends its drills": the one asked to act, the subject of
    the clause the pattern's ``clause_marks`` open (``_marked_clauses``)."""
    clauses = _marked_clauses(w.m.trigger, w.m.pattern.clause_marks)
    return w.first((o for x in clauses for o in x.children if o.dep_ == "nsubj"), "marked_subj", strict=True)


@roles.role("target", "held_on")
def _held_on_role(w: Want, word: str | None) -> Arg | None:
    """"is detained on charges of bribery", "arrested the mayor on fraud charges": the one held (the
    object, or the passive subject, of a verb in ``holding_verbs``) on the charge the event noun is."""
    n = w.m.trigger
    if _verbal(n) or n.dep_ != "pobj" or not _verbal(n.head.head) or _lemma(n.head.head) not in HOLDING_VERBS:
        return None
    return w.first((c for c in n.head.head.children if c.dep_ in ("dobj", "nsubjpass")), "held_on")


@roles.role("target", "under")
def _under_role(w: Want, word: str | None) -> Arg | None:
    """"the governor is under investigation", "placed the mayor under investigation": the one a state
    noun is on — the object of the verb its "under" hangs on, else that verb's subject."""
    n = w.m.trigger
    if _verbal(n) or n.dep_ != "pobj" or n.head.lower_ != "under" or not _verbal(n.head.head):
        return None
    v = n.head.head
    return (w.first((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), "under")
            or w.first((c for c in v.children if c.dep_ == "nsubj"), "under"))


@roles.role("target", "clause_subj_tree")
def _clause_subj_tree_role(w: Want, word: str | None) -> Arg | None:
    """"says Borduria's decision is illegal", "said the sanctions imposed by Ruritania were unjust":
    the first actor inside the subject phrase of the clause the verb governs (not the source)."""
    for x in w.m.trigger.children:
        if x.dep_ != "ccomp":
            continue
        for subj in (o for o in x.children if o.dep_ in ("nsubj", "nsubjpass")):
            arg = w.ok(_tree(w.ctx, subj, "clause_subj_tree", w.exclude, w.source.ref.id))
            if arg:
                return arg
    return None


@roles.role("target", "dative")
def _dative_role(w: Want, word: str | None) -> Arg | None:
    """The indirect object ("gave Ukraine weapons")."""
    return w.first((c for c in w.m.trigger.children if c.dep_ in ("dative", "iobj")), "dative")


@roles.role("target", "prep", takes_word=True)
def _prep_role(w: Want, word: str | None) -> Arg | None:
    """The object of preposition ``word`` on the trigger, its objects or its infinitive complement
    (an actor, or a state named by a place)."""
    ctx, v, role = w.ctx, w.m.trigger, f"prep:{word}"
    xcomps = [c for c in v.children if c.dep_ == "xcomp"]
    # "threatened to take military action against X": the complement's object counts too
    xobjs = [o for x in xcomps for o in x.children if o.dep_ == "dobj"]
    # "claimed responsibility for an attack against a wedding party": the event noun a pattern's
    # preposition asks for carries the phrase too, for acts aimed at someone physically (a request
    # "for information on the suspects" is not aimed at the suspects)
    # A relation's other party is named on the noun the pattern's preposition asks for too
    # ("withdrew from the grain deal with Ukraine")
    asked = [t for pw, words in w.m.pattern.preps.items() for t in _preps([v, *w.objs], pw)
             if _prep_word_ok(t, words)] if (w.m.pattern.type in settings().target_optional_types
                                             or w.m.pattern.relation is not None) else []
    # "delivered an apology to Togo": the phrase of an event noun is often hung on the light verb
    # that carries it
    carrier = [v.head] if not _verbal(v) and v.dep_ == "dobj" and _light_verb(v.head) else []
    for p in _preps([v, *w.objs, *xcomps, *xobjs, *asked, *carrier], word):
        # "protest against cheap imports and EU rules": a coordinated object counts too
        for q in (p, *(c for c in p.conjuncts if c.i > p.i)):
            arg = w.ok(_core(ctx, q, role)) or w.ok(_place(ctx, q, role)) or _across_frontier(w, q, role)
            if arg:
                return arg
    if word == "in":
        # "calls up reservists for a ground offensive in Gaza": a place on the purpose
        # noun of the verb is the theatre too (places only, not actors)
        inner = [o for c in v.children if c.dep_ == "prep" and c.lower_ in ("for", "ahead")
                 for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
        for p in _preps(inner, word):
            arg = w.ok(_place(ctx, p, role))
            if arg:
                return arg
    return None


def _across_frontier(w: Want, q: Token, role: str) -> Arg | None:
    """"moves troops to its border with India": a deployment to a frontier faces the state named
    across it (``frontier_nouns``, for ``frontier_types``)."""
    if w.m.pattern.type not in _WORDS["frontier_types"] or _lemma(q) not in _WORDS["frontier_nouns"]:
        return None
    for p in _preps([q], "with"):
        arg = w.ok(_core(w.ctx, p, role)) or w.ok(_place(w.ctx, p, role))
        if arg:
            return arg
    return None


@roles.role("target", "region_authority")
def _region_authority_role(w: Want, word: str | None) -> Arg | None:
    """"recognised the independence of Abkhazia": a breakaway region stands for its de facto
    authority on the date (a region alone is otherwise only a place)."""
    return _region_authority(w.ctx, w.objs) if w.ctx.kb is not None else None


@roles.role("target", "between")
def _between_target(w: Want, word: str | None) -> Arg | None:
    """The second party of "talks between X and Y" (the first "between" phrase whose conjunct is an
    actor other than the source)."""
    for p in _between_objs(w.m.trigger):
        if p.conjuncts:
            arg = w.first(p.conjuncts, "between")
            if arg is not None:
                return arg
    return None


@roles.role("target", "home")
def _home_role(w: Want, word: str | None) -> Arg | None:
    """Domestic protest without a named target: the protesters' own state ("Kenyan students
    marched in Nairobi" → KEN)."""
    ref = _home(w.source.ref)
    return None if ref is None else Arg(ref=ref, role="home", certainty=_certainty("home"))


def _rally_for(text: str) -> bool:
    """A gathering told as for something, not against anyone ("a million people rally to support
    the referendum", "government supporters demonstrate"): it is aimed at no one, not at the
    people's own state (``rally_for_words``)."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return not words.isdisjoint(_WORDS["rally_for_words"])


def _home(src: ActorRef | None) -> ActorRef | None:
    """The own state of people of a country who are not a state body (None for a state source)."""
    if src is None or not (src.country and src.sector not in STATE_SECTORS and src.id in (None, src.country)):
        return None
    return ActorRef(id=src.country, country=src.country, text=src.country)


@roles.role("target", "protesters")
def _protesters_role(w: Want, word: str | None) -> Arg | None:
    """"the president withdrew the bill after protesters stormed parliament": the concession answers
    the country's own protesters (civilians, PLOVER CVL)."""
    ctx, v, c = w.ctx, w.m.trigger, w.source.ref.country
    if not (c and _verbal(v)):
        return None
    clauses = [k for k in v.children if k.dep_ in ("advcl", "prep")]
    found = any(_lemma(t) in PROTESTER_NOUNS and t.pos_ == "NOUN"
                and (ctx.tok2m.get(t.i) is None or _kb_less(ctx.mentions[ctx.tok2m[t.i]]))
                for k in clauses for t in k.subtree)
    if not found:
        return None
    return Arg(ref=ActorRef(id=None, country=c, sector="CVL", text=c), role="protesters",
               certainty=_certainty("protesters"))


@roles.role("target", "attacker")
def _attacker_role(w: Want, word: str | None) -> Arg | None:
    """"rebels disarmed after a Russian offensive": who mounted the attack the act answers."""
    ctx, v = w.ctx, w.m.trigger
    if not _verbal(v):
        return None
    for prep in ATTACK_PREPS:
        for p in _preps([v], prep):
            if _lemma(p) in ATTACK_NOUNS and p.pos_ == "NOUN":
                arg = w.ok(_core(ctx, p, "attacker", strict=True)) or w.ok(
                    next((a for c in p.children if c.dep_ in ("amod", "poss")
                          if (a := _core(ctx, c, "attacker", strict=True))), None))
                if arg:
                    return arg
    return None


def _place_people(ctx: Ctx, v: Token, role: str) -> Arg | None:
    """The people of the place an act is told to happen in (``_place_victims``), looked for on the
    verb, then on its subject's phrase ("a bomb in a mosque in Quetta killed …"), then on its
    objects' ("rockets hit the airport in Erbil"); for an event noun, on its phrase, then on the
    clause it hangs on; a counted noun's place may hang on the counting one ("a pair of bombings in
    Nairobi")."""
    subj = _subject(v) if _verbal(v) else None
    objs = _objects(v) if _verbal(v) else []
    noun = v if _verbal(v) else _counted(v)
    # an event noun under a preposition: the clause it hangs on ("two were killed in Santa Cruz
    # during protests")
    governor = noun.head.head if not _verbal(v) and noun.dep_ == "pobj" and _verbal(noun.head.head) else None
    for tok in (v, noun if noun is not v else None, subj, *objs, governor):
        arg = _place_victims(ctx, tok) if tok is not None else None
        if arg is not None:
            # a place is no mention: nothing to coordinate it with
            return Arg(ref=arg.ref, role=role, certainty=_certainty(role))
    return None


@roles.role("target", "subj_prep", takes_word=True)
def _subj_prep_role(w: Want, word: str | None) -> Arg | None:
    """An actor in a prepositional phrase of the subject ("an airstrike on an ISIL cell killed
    seven": ``subj_prep:on``), the weapon or attack being the subject."""
    v = w.m.trigger
    subj = _subject(v) if _verbal(v) else None
    if subj is None:
        return None
    return w.first(_preps([subj], word), "subj_prep")


@roles.role("target", "adverbial_subj")
def _adverbial_subj_role(w: Want, word: str | None) -> Arg | None:
    """Who a reaction noun told in an adverbial phrase (``reaction_preps``: "amid", "over", "after")
    is aimed at: the subject of the clause it hangs on ("the minister quits over criticism", "X is
    sworn in amid condemnation")."""
    v = w.m.trigger
    phrase = v.head
    if (v.dep_ != "pobj" or _verbal(v) or phrase.dep_ != "prep" or phrase.lower_ not in REACTION_PREPS
            or not _verbal(phrase.head)):
        return None
    clause = phrase.head
    who = _subject(clause) or next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
    return w.ok(_core(w.ctx, who, "adverbial_subj")) if who is not None else None


@roles.role("target", "undergoer")
def _undergoer_role(w: Want, word: str | None) -> Arg | None:
    """Who suffers an event noun the clause tells as befalling its subject: the noun as the "by"
    agent of a passive ("Lebanon was hit by sanctions from the EU"), under "under" ("the army came
    under attack from rebels"), or as the object of a verb in ``undergoing_verbs`` ("Iran faces
    threats from Israel", "the plan drew criticism from Germany")."""
    v = w.m.trigger
    if _verbal(v):
        return None
    noun = v
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in CONTAINERS:
        noun = noun.head.head  # "a wave of attacks", "a string of threats"
    who = None
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent" and _is_passive(noun.head.head):
        who = next((c for c in noun.head.head.children if c.dep_ == "nsubjpass"), None)
    elif noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in ("VERB", "AUX"):
        who = _subject(noun.head.head) if noun.head.dep_ == "prep" else None
    elif noun.dep_ == "dobj" and _lemma(noun.head) in UNDERGOING_VERBS:
        who = _subject(noun.head)
    return w.ok(_core(w.ctx, who, "undergoer")) if who is not None and not _instrument(who) else None


@roles.role("target", "answerer")
def _answerer_role(w: Want, word: str | None) -> Arg | None:
    """Who a request told as a noun was made of, when the clause tells them answering it: the subject
    of the clause acting on it, after it, or in response to it ("Acting on requests from Italy, Swiss
    police arrested …", "In response to the government's plea, the Security Council …"; ``answer_preps``,
    ``answer_heads``), for the types of ``answered_types``."""
    v = w.m.trigger
    if _verbal(v) or w.m.pattern.type not in ANSWERED_TYPES or v.dep_ != "pobj":
        return None
    prep = v.head
    if prep.lower_ not in ANSWER_PREPS or not (prep.lower_ in SETTING_PREPS or _lemma(prep.head) in ANSWER_HEADS):
        return None
    clause = prep.head
    while not _verbal(clause) and clause.dep_ in ("pobj", "prep") and clause.head.i != clause.i:
        clause = clause.head  # "in response to the plea": the verb the phrase hangs on
    who = _subject(clause) if _verbal(clause) else None
    return w.ok(_core(w.ctx, who, "answerer")) if who is not None and not _instrument(who) else None


@roles.role("target", "place_victims")
def _place_victims_role(w: Want, word: str | None) -> Arg | None:
    """The civilians of the place an attack happens in, as PLOVER codes victims no actor names."""
    return w.ok(_place_people(w.ctx, w.m.trigger, "place_victims"))


@roles.role("source", "noun_core")
def _noun_core_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """The actor modifying an event noun ("an Israeli airstrike", "an Islamic State rocket strike"),
    not of one only feared or aimed at ("could withstand a Russian attack", "to deter Russian air
    strikes": the object of a modal or an infinitive)."""
    v = m.trigger
    if _verbal(v) or (v.dep_ == "dobj" and any(c.tag_ == "MD" or (c.dep_ == "aux" and c.lower_ == "to")
                                               for c in v.head.children)):
        return None
    if v.dep_ in ("nsubj", "nsubjpass") and any(e.type == m.pattern.type and e.detail.get("_trigger_i") == v.head.i
                                                for e in ctx.found):
        return None  # "an Israeli air strike kills X": the verb told the attack (one attack, not two)
    if v.dep_ == "attr" or (v.dep_ == "pobj" and v.head.lower_ in TOPIC_PREPS - {"of"} and v.head.head.pos_ == "NOUN"):
        return None  # "it was the second Iranian attack", "a meeting on the Iranian attack": told again, a topic
    if v.dep_ == "pobj" and v.head.lower_ == "of" and _lemma(v.head.head) in FEARED_NOUNS:
        return None  # "amid fears of a Russian invasion": only feared
    return _core(ctx, v, "noun_core")


@roles.role("source", "noun_party")
def _noun_party_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """``noun_core`` of a meeting noun: the party modifying it ("the EU summit with Turkey", "Chinese
    talks with Vietnam", "the US talks with Iran"), never a place name compound that is the venue: a
    city's ("the Geneva talks with Iran"), or any place's before a noun named by its venue
    (``venue_meeting_nouns``: "the Singapore summit with North Korea")."""
    arg = _noun_core_role(ctx, m, word)
    tok = arg.token if arg is not None else None
    if (tok is not None and tok.i != m.trigger.i and tok.dep_ in ("compound", "nmod")
            and tok.ent_type_ in PLACE_ENTS):
        state = bool(arg.ref.id) and arg.ref.id == arg.ref.country
        if not state or _lemma(m.trigger) in _word_set("venue_meeting_nouns"):
            return None
    return arg


@roles.role("source", "by")
def _by_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """Who an attack named by a noun was done by: "an attack by the Taliban" (the event noun, or the
    verb's subject: "a raid by Boko Haram militants killed five")."""
    v = m.trigger
    noun = _subject(v) if _verbal(v) else v
    if noun is None:
        return None
    return next((a for p in _preps([noun], "by") if (a := _core(ctx, p, "by")) is not None), None)


@roles.role("source", "place_people")
def _place_people_role(ctx: Ctx, m: Match, word: str | None) -> Arg | None:
    """The civilians of the place a protest happens in ("protests erupted in Lagos" → NGA, CVL)."""
    return _place_people(ctx, m.trigger, "place_people")


@roles.role("target", "event_ref")
def _event_ref_role(w: Want, word: str | None) -> Arg | None:
    """"X condemned the attack": the actor who did the attack, told earlier in the article."""
    return w.ok(_event_ref(w.ctx, w.m, w.source))


@roles.role("target", "governor_subj")
def _governor_subj_role(w: Want, word: str | None) -> Arg | None:
    """"Israel rejected Hamas's demands": who the demand was made of is who answers it."""
    v = w.m.trigger
    gov = _answering_verb(w.m.pattern, v)
    if gov is None:
        return None
    who = _agent(gov) if v.dep_ == "nsubjpass" else _subject(gov)
    return w.ok(_core(w.ctx, who, "governor_subj")) if who is not None and not _instrument(who) else None


@roles.role("target", "poss")
def _poss_target_role(w: Want, word: str | None) -> Arg | None:
    """The possessor of an event noun whose doer another role named: "the trawler's detainment by
    the coast guard", "his arrest by police" (the one it was done to)."""
    v = w.m.trigger
    if _verbal(v) or w.source.role == "poss":
        return None
    return w.first((c for c in v.children if c.dep_ == "poss"), "poss")


@roles.role("target", "context")
def _context_role(w: Want, word: str | None) -> Arg | None:
    """"the ban" with no owner: the target of the source's last event on the same relation."""
    obj, m, source = w.m.obj, w.m, w.source
    if obj is None or m.pattern.relation is None:
        return None
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in obj.children)
    has_poss = any(c.dep_ == "poss" for c in obj.children)
    if not (definite and not has_poss and source.ref.id):
        return None
    for ev in reversed(_history(w.ctx)):
        rel = ev.detail.get("relation") or {}
        if (rel.get("dimension") == m.pattern.relation.dimension and ev.source
                and ev.source.id == source.ref.id and ev.target and ev.target.id):
            return Arg(ref=ev.target.model_copy(update={"start": None, "end": None}),
                       role="context", certainty=_certainty("context"))
    return None


def _governing(noun: Token) -> tuple[Token, str | None] | None:
    """The verb an event noun is the object of, directly or through a preposition, and that
    preposition (None for a direct object or a passive subject)."""
    if noun.dep_ in ("dobj", "nsubjpass") and _verbal(noun.head):
        return noun.head, None
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and _verbal(noun.head.head):
        return noun.head.head, noun.head.lower_
    return None


def _governing_verb(noun: Token) -> Token | None:
    """The verb an event noun is the object of, directly or through a preposition."""
    found = _governing(noun)
    return found[0] if found is not None else None


def _governing_noun(noun: Token) -> Token | None:
    """The noun whose "of" phrase an event noun is ("the withdrawal of its recognition of X",
    "hopes of recognition"): the act is that noun's business, not told as done."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "of":
        outer = noun.head.head
        if outer.pos_ in ("NOUN", "PROPN") and outer.i != noun.i:
            return outer
    return None


def _answering_verb(p: Pattern, noun: Token, also: list[str] | None = None) -> Token | None:
    """The verb governing an event noun as its object ("rejected the demand", "the demand was
    turned down", "agreed to the request"), if it is one of the pattern's ``governors`` or of
    ``also`` (any verb when both are empty)."""
    found = _governing(noun)
    if found is None:
        return None
    gov, prep = found
    entries = [*p.governors, *(also or [])]
    if not entries:
        return gov
    particles = {c.lower_ for c in gov.children if c.dep_ == "prt"}
    for entry in entries:
        head, *rest = entry.split()
        if head not in (_lemma(gov), gov.lower_):
            continue
        needs = set(rest)
        if prep is not None and prep not in needs:
            continue  # "agreed on a request" is not "agreed to" it
        if needs - {prep} <= particles:
            return gov
    return None


def _reacted_to(m: Match) -> bool:
    """An event noun licensed only by a reacting verb ("Serbia condemned the recognition of
    Kosovo"): its doer is what its own phrase names, never a guess (the reacting subject is nearest)."""
    p, n = m.pattern, m.trigger
    return (bool(p.reacting_governors) and not _verbal(n) and _answering_verb(p, n) is None
            and _answering_verb(p, n, p.reacting_governors) is not None)


def _unlicensed(p: Pattern, noun: Token) -> bool:
    """A ``governors_required`` noun some word governs but no word the pattern allows: under another
    verb ("sought recognition of X") or in the "of" phrase of a noun not among its ``governors``
    ("the end of its recognition of X", "hopes of recognition"; not "the announcement of")."""
    if not p.governors_required:
        return False
    outer = _governing_noun(noun)
    if outer is not None:
        return _lemma(outer) not in p.governors  # "the announcement of its recognition" counts
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        # "sanctions over Iran's missile tests", "concern about its nuclear tests": a noun's matter
        return _lemma(noun.head.head) not in p.governors
    return _governing_verb(noun) is not None and _answering_verb(p, noun, p.reacting_governors) is None


# ----------------------------------------------------------------------------- details


def _scope_words(m: Match) -> tuple[set[str], str]:
    toks: list[Token] = [m.trigger]
    if m.obj is not None:
        toks.extend(m.obj.subtree)
    # (the matched preposition's object too: "went on a hunger strike" is a hunger strike)
    for word, lemmas in m.pattern.preps.items():
        for t in _preps([m.trigger], word):
            if lemmas and _prep_word_ok(t, lemmas):
                toks.extend(t.subtree)
    words = set()
    for t in toks:
        words |= _words(t)
    return words, " ".join(t.lower_ for t in toks)


def _by_word(table: dict[str, str], words: set[str], text: str) -> str | None:
    for w, val in table.items():
        if (" " in w and w in text) or w in words:
            return val
    return None


def _located_mission(m: Match, target: Arg) -> bool:
    """"India opened a consulate in Dubai": the target is the mission itself, placed by an "in" phrase
    in a place that is no actor (a city other than the capital); the country it stands in hosts it, as
    ``prep:in`` would say ("its embassy in Damascus"). Not a mission a nationality names ("closed the
    Iranian embassy in Paris": Iran's, hosted by the doer)."""
    p, o = m.pattern, m.obj
    if "prep:in" not in p.relation.reverse_if_target_role or o is None or target.token is None:
        return False
    if target.token.i != o.i or not _preps([m.trigger, o], "in"):
        return False
    return not any(c.dep_ in ("amod", "compound", "nmod", "poss") and c.pos_ in ("ADJ", "PROPN")
                   for c in o.children)


def _designation_detail(m: Match, source: Arg, target: Arg, labels: bool) -> dict:
    v = m.trigger
    detail: dict = {}
    for c in (v.children if labels else ()):
        if c.dep_ == "prep" and c.lower_ == "as":
            p = next((x for x in c.children if x.dep_ == "pobj"), None)
            if p is not None:
                detail["as"] = _phrase(p)
    objs = [o for o in _objects(v) if o.dep_ in ("dobj", "oprd")]
    target_i = target.token.i if target.token is not None else -1
    label_objs = [o for o in objs if o.i != target_i and not (o.left_edge.i <= target_i <= o.right_edge.i)]
    if "as" not in detail and labels and label_objs:
        detail["as"] = _phrase(label_objs[-1])
    for word in _WORDS["list_preps"]:
        for p in _preps([v, *objs], word):
            if _lemma(p) in LIST_NOUNS:
                detail["list"] = " ".join(t.text for t in p.subtree if t.dep_ not in ("det", "poss", "case"))
    if source.token is not None and source.token.pos_ in ("NOUN", "PROPN"):
        stok = source.token
        head = stok.head if stok.dep_ == "poss" else stok
        if (head.i != stok.i or head.ent_type_ not in ("GPE", "NORP")) and _lemma(head) not in LIST_NOUNS:
            phrase = _phrase(head)
            if phrase and phrase.lower() != source.ref.text.lower():
                detail["authority"] = phrase
    return detail


def _agreement_detail(m: Match, info: status_mod.StatusInfo, sent: Span) -> dict:
    subjects: list[str] = []
    heads = [m.trigger] + ([m.obj] if m.obj is not None else [])
    for word in AGREEMENT_PREPS:
        for p in _preps(heads, word):
            if p.pos_ not in ("NOUN", "PROPN"):
                continue
            for t in [p, *p.conjuncts]:
                ph = _phrase(t)
                if ph and ph not in subjects:
                    subjects.append(ph)
        if subjects:
            break
    if m.obj is not None:
        for c in m.obj.children:  # "a deal covering oil and gas"
            if c.dep_ == "acl" and _lemma(c) in ("cover", "involve", "include", "concern"):
                for o in _objects(c):
                    for t in [o, *o.conjuncts]:
                        if _phrase(t) not in subjects:
                            subjects.append(_phrase(t))
    words = {w.lower() for s in subjects for w in s.split()}
    if m.obj is not None:
        words |= {_lemma(t) for t in m.obj.subtree}
    kind = None
    kinds = agreement_kinds()
    for k, vocab in kinds.items():
        if words & vocab:
            kind = k
            break
    if kind is None:
        lemmas = {_lemma(t) for t in sent}
        kind = next((k for k, vocab in kinds.items() if lemmas & vocab), "general")
    # the status the act gives the agreement (the pattern's relation value: signed, suspended); a
    # signature only planned is a proposal, one a party lets happen is enabled
    done = m.pattern.relation.value if m.pattern.relation is not None else "signed"
    if done == "signed":
        status = "enabled" if info.enabled else "proposed" if info.status == "planned" else "signed"
    else:
        status = done
    return {"subjects": subjects, "kind": kind, "status": status}


def _also_relations(ctx: Ctx, m: Match, source: Arg, target: Arg) -> list[dict]:
    """The pattern's second changes (``relation.also``) with other parties its roles find, each
    ``{"value", "target"}`` (ids; the event's source keeps the change)."""
    out = []
    for extra in m.pattern.relation.also:
        fn, word = roles.resolve("target", extra.target)
        want = Want(ctx, m, source, [m.obj] if m.obj is not None else [],
                    {source.mention} if source.mention is not None else set())
        arg = fn(want, word)
        if arg is not None and arg.ref.id and arg.ref.id not in (source.ref.id, target.ref.id):
            out.append({"value": extra.value, "target": arg.ref.id})
    return out


# ----------------------------------------------------------------------------- the engine


def _date(sent: Span, trigger_i: int, published: dt.date | None):
    """The date of the event; a clause hanging on a date ("in 2003, when the movement was fighting")
    takes that date."""
    try:
        te = dates.date_for(sent, trigger_i, published)
        trig = sent.doc[trigger_i]
        if te is None and trig.dep_ in ("relcl", "advcl") and (trig.head.ent_type_ == "DATE" or trig.head.like_num):
            head = trig.head
            for expr in dates.find_time_expressions(sent.text, published):
                a, b = sent.start_char + expr.start, sent.start_char + expr.end
                if a <= head.idx < b and expr.date is not None:
                    return expr
        return te
    except Exception:  # the dates stage must never lose an event
        return None


#: target roles of fallbacks (an actor named near the trigger), no party of a relation change
FALLBACK_TARGET_ROLES = frozenset({"near"})


#: the status reasons of a denial made now ("does not", "refuses to"), for ``negated_as``
# what makes a closure a safety measure, no restriction (``Pattern.no_hazard``)
HAZARD_WORDS = frozenset(_WORDS.get("neighbour_disaster_words", ())) | frozenset(_WORDS.get("hazard_words", ()))
# verbs that tell the event noun they govern is yet to come ("prepares for the launch")
AWAITING_VERBS = frozenset(_WORDS.get("awaiting_verbs", ()))
DENIED_NOW_WHYS = frozenset({"neg", "negator verb"})
DENIED_NOW_AUXES = frozenset(_WORDS.get("denied_now_auxes", ()))


def _denied_now(trigger: Token, info: status_mod.StatusInfo) -> bool:
    """A denial of the act made now: negated by "not"/"never" or a refusal in the present or the
    future ("does not recognise", "will not recognise", "refuses to recognise"), not in the past or
    the perfect ("did not recognise", "refused to", "has not recognised": a state so far or a past
    non-event, told as such)."""
    if info.status != "negated" or info.why not in DENIED_NOW_WHYS:
        return False
    # only an auxiliary of the present or the future (``denied_now_auxes``: "does not", "will not")
    # or none keeps it now; "would not", "may not", "could not" stay a negated possibility
    return not any(t.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ != "TO" and (
                       c.tag_ == "VBD" or (c.lemma_.lower() not in DENIED_NOW_AUXES and c.lower_ not in DENIED_NOW_AUXES))
                                          for c in t.children)
                   for t in status_mod._xchain(trigger))


def _build(ctx: Ctx, m: Match, source: Arg, target: Arg | None) -> Event:
    p = m.pattern
    sent = ctx.sent
    words, text = _scope_words(m)
    te = _date(sent, m.trigger.i, ctx.published)
    detail: dict = {}
    date = date_end = None
    precision = None
    if te is not None and te.date is not None:
        date, precision = te.date.value, te.date.precision
        date_end = te.date_end.value if te.date_end is not None else None
    elif te is not None and te.kind == "since":
        pass  # "since Assad fell": an open span from an undated start; the publication day is not its date
    elif ctx.published is not None:
        dv = DateValue.from_date(ctx.published)
        date, precision = dv.value, dv.precision
        detail["date_from"] = "published"
    subj = _subject(m.trigger) if _verbal(m.trigger) else None
    # an event noun carried by a support verb has that verb's status ("would resume attacks")
    carrier = m.trigger.head if (not _verbal(m.trigger) and m.trigger.dep_ in ("dobj", "nsubjpass")
                                 and _support_verb(m.trigger.head)) else None
    info = status_mod.decide(
        carrier or m.trigger, sent, subject=subj,
        objects=[m.trigger] if carrier is not None else [m.obj] if m.obj is not None else [],
        time_kind=te.kind if te is not None else None, time_ongoing=bool(te and te.ongoing),
        future=bool(te is not None and te.date is not None and getattr(te, "future", False)),
    )
    if (info.status in ("occurred", "ongoing") and _verbal(m.trigger) and _lemma(m.trigger) != "be"
            and _accused(m.trigger) is not None):
        # "Iran accuses Israel of attacking a tanker": the accusation is the news; the act it names
        # is only alleged, a claim of one side (docs/gold-format.md, status ``reported``)
        info = status_mod.StatusInfo("reported", why="accused of")
    if info.status in ("occurred", "ongoing") and carrier is None and not _verbal(m.trigger):
        gov = _governing_verb(m.trigger)
        if gov is not None and _lemma(gov) in AWAITING_VERBS:
            # "Japan prepares for North Korea's launch of a missile": an act prepared for or expected
            # (``awaiting_verbs``) has not happened yet
            info = status_mod.StatusInfo("planned", why="intent governs the noun")
    if info.status == "ongoing" and te is not None and te.kind == "since":
        detail["since"] = date
    mode = _by_word(p.mode_by_word, words, text) or p.mode
    cameo = _by_word(p.cameo_by_word, words, text) or p.cameo
    context = list(p.context)
    extra_ctx = _by_word(p.context_by_word, words, text)
    if extra_ctx and extra_ctx not in context:
        context.append(extra_ctx)
    trigger_words = [m.trigger.text, *m.extra]
    if m.obj is not None and p.objects:
        trigger_words.append(m.obj.text)
    if m.obj is not None:
        detail["object"] = " ".join(t.text for t in m.obj.subtree)
    detail["status_why"] = info.why or None
    detail = {k: v for k, v in detail.items() if v is not None}

    if p.agreement:
        detail.update(_agreement_detail(m, info, sent))
    # (a relation only with a party the pattern's roles name, not one a fallback took from near the
    # trigger: "a critic of the decision to switch recognition from Taiwan to China")
    if p.relation is not None and target is not None and target.role not in FALLBACK_TARGET_ROLES:
        rel_value = _by_word(p.relation.value_by_word, words, text) or p.relation.value
        rel_detail = dict(p.relation.detail)
        if p.relation.dimension == "designation":
            rel_detail.update(_designation_detail(m, source, target, labels=rel_value == "listed"))
        if p.relation.dimension == "agreements":
            agreed = detail if p.agreement else _agreement_detail(m, info, sent)
            rel_detail.update({k: agreed[k] for k in ("subjects", "kind", "status")})
            rel_value = agreed["status"]
        reverse = target.role in p.relation.reverse_if_target_role or _located_mission(m, target)
        # a negated event keeps the value it denies: relations.derive maps it (formal → none)
        if rel_value is not None:
            detail["relation"] = {"dimension": p.relation.dimension, "value": rel_value, "detail": rel_detail}
            if reverse and source.ref.id and target.ref.id:
                # the relation runs the other way ("X closed its embassy in Y": Y hosts X's embassy)
                detail["relation"].update({"source": target.ref.id, "target": source.ref.id})
            also = _also_relations(ctx, m, source, target)
            if also:
                detail["relation"]["also"] = also

    confidence = p.confidence * source.certainty * (target.certainty if target is not None else 0.8)
    etype = p.type
    if p.planned_as and info.status == "planned":
        # "lets Russia sign deals": an agreement to come is an intent (AGREE), not yet a signature
        etype, cameo, mode = p.planned_as["type"], p.planned_as["cameo"], None
    if p.negated_as and _denied_now(m.trigger, info):
        # "Lithuania refuses to recognise him as president", "says it does not recognise the result":
        # the stance withheld is the news, a rejection that occurred; the relation keeps the denial
        etype, cameo, mode = p.negated_as["type"], p.negated_as["cameo"], None
        detail["denied"] = p.type
        if "relation" in detail:
            detail["relation"]["act_status"] = "negated"
        info = replace(info, status="occurred")
    threat = _threat_cameo(m, mode)
    if _accused_act(m, etype):
        # "amid accusations that he took part in the murder": what is alleged is the accusation
        detail["alleged"] = etype
        etype, cameo, mode = "ACCUSE", "112", "disapprove"
    declared = _declared(m, etype, mode, ctx) if threat is None and info.status == "planned" else None
    if declared is not None:
        # "Burundians will fight any peacekeepers sent in": force announced is a threat, made now
        entry = cameo_to_plover(declared)
        detail["threatened"] = etype
        etype, cameo, mode = "THREATEN", declared, entry.mode if entry is not None else None
        info = replace(info, status="occurred")
    if threat is not None:
        # "Russia threatened to expel Moldovan diplomats": what happened is the threat
        entry = cameo_to_plover(threat)
        etype, cameo, mode = "THREATEN", threat, entry.mode if entry is not None else None
        info = status_mod.decide(
            m.trigger.head, sent, subject=subj, objects=[],
            time_kind=te.kind if te is not None else None, time_ongoing=bool(te and te.ongoing),
            future=bool(te is not None and te.date is not None and getattr(te, "future", False)))
        detail["threatened"] = p.type
    if (etype == "ASSAULT" or (etype, mode) in PROTESTER_RIOT_ACTS) \
            and _protesters(source.ref):
        # protesters who storm, attack or clash, or occupy a building, are a violent protest (PLOVER
        # PROTEST, mode riot), not an attack or a seizure
        etype, mode, cameo = _recoded(detail, etype, mode, RIOT_CAMEO)
    elif (etype, mode) in STATE_BLOCKADE_ACTS and (source.ref.sector in STATE_SECTORS or (
            source.ref.id is not None and source.ref.id == source.ref.country)):
        # a state or its forces obstructing passage impose a blockade (COERCE 191), crowds protest
        etype, mode, cameo = _recoded(detail, etype, mode, BLOCKADE_CAMEO)
    if target is not None and target.role == "place_victims":
        detail["target_role"] = "place_victims"  # (the people of the place: told_twice reads it)
    return Event(
        type=etype, mode=mode, context=context, source=source.ref,
        target=target.ref if target is not None else None,
        date=date, date_precision=precision, date_end=date_end, status=info.status,
        cameo=cameo, goldstein=goldstein(cameo), sentence=span_text(sent),
        start=sent.start_char, end=sent.end_char, confidence=round(confidence, 3),
        rule=p.id, trigger=" ".join(trigger_words), detail=detail,
    )


def _protesters(ref: ActorRef | None) -> bool:
    """An actor that is a crowd of protesters ("protesters", "armed demonstrators")."""
    if ref is None or ref.id or not ref.text:
        return False
    words = {w.strip(".,").lower().rstrip("s") for w in ref.text.split()}
    return bool(words & PROTESTER_NOUNS)


def _accused_act(m: Match, etype: str) -> bool:
    """Whether an act of ``accused_act_types`` is told inside the complement of an accusation noun or
    verb (``accusation_heads``) on its way up the parse, not as the news itself."""
    words = status_mod.status_words()
    if etype not in words.accused_act_types:
        return False
    heads = set(words.accusation_heads)
    # (a noun, or a verb told of the accused: "accused of plotting", "is accused of"; not an accuser
    # speaking: "Iran accuses the US of the killing")
    return any(_lemma(a) in heads and (a.pos_ == "NOUN" or a.tag_ == "VBN") for a in m.trigger.ancestors)


def _declared(m: Match, etype: str, mode: str | None = None, ctx: Ctx | None = None) -> str | None:
    """The CAMEO code of the threat when an act of ``declared_threat_types`` is told with a future
    auxiliary on its verb ("will use artillery", "would fight"), or one of ``hedged_threat_types``
    with a hedging one ("could withhold aid"), else None."""
    words = status_mod.status_words()
    v = m.trigger
    if not _verbal(v):
        return None
    auxes = {c.lower_ for c in v.children if c.dep_ == "aux"}
    if not ((etype in words.declared_threat_types and not auxes.isdisjoint(words.future_auxes))
            or (etype in words.hedged_threat_types and not auxes.isdisjoint(words.hedge_auxes)
                and _own_hedge(m, mode, ctx))):
        return None
    table = words.threat_cameo
    return table.get(mode or "") or table.get(etype) or table.get("default", "130")


def _recoded(detail: dict, etype: str, mode: str | None, cameo: str) -> tuple[str, str | None, str]:
    """(type, mode, CAMEO) of ``cameo`` by the crosswalk, for an act its doer makes another act; the
    pattern's own type and mode stay in ``detail.recoded_from``."""
    entry = cameo_to_plover(cameo)
    detail["recoded_from"] = f"{etype}:{mode or ''}"
    return entry.type, entry.mode, cameo


# prepositions that tell a statement as someone else's ("according to diplomats"); the modes and
# contexts of procedures no hedge makes a threat ("the court could sentence him")
HEARSAY_PREPS = frozenset(status_mod.status_words().hearsay_preps)
HEDGED_NOT = frozenset(status_mod.status_words().hedged_threat_not)


def _own_hedge(m: Match, mode: str | None, ctx: Ctx | None = None) -> bool:
    """Whether a hedged act ("could withhold aid") is held over the other side by its doer: the verb
    has a subject of its own in the active voice, no other speaker tells it (a speaker of the doer's
    own state is the doer: "Trump suggests the US could withhold aid"), and it is no procedure
    (``hedged_threat_not``: a court's sentence, an impeachment)."""
    v = m.trigger
    if mode in HEDGED_NOT or not HEDGED_NOT.isdisjoint(m.pattern.context):
        return False
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if any(c.dep_ == "prep" and c.lower_ in HEARSAY_PREPS for c in v.children):
        return False  # "…, according to diplomats": another's view
    if v.dep_ in ("ccomp", "parataxis"):
        speaker = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
        if speaker is not None and subj.pos_ != "PRON" and speaker.lower_ != subj.lower_ \
                and not _same_state(ctx, speaker, subj):
            return False  # another's view of what the doer could do ("they said Canada could…")
    return True


def _same_state(ctx: Ctx | None, a: Token, b: Token) -> bool:
    """Whether the actor mentions at ``a`` and ``b`` are of one state (the parse's tokens)."""
    if ctx is None:
        return False
    ma, mb = ctx.tok2m.get(a.i), ctx.tok2m.get(b.i)
    if ma is None or mb is None:
        return False
    ca, cb = ctx.mentions[ma].country, ctx.mentions[mb].country
    return ca is not None and ca == cb


def _threat_cameo(m: Match, mode: str | None) -> str | None:
    """The CAMEO code of a threat when the trigger is what a "threaten" verb governs, else None."""
    v = m.trigger
    words = status_mod.status_words()
    if m.pattern.type == "THREATEN":
        return None
    # ("the threat of X withdrawing", "the threat of withdrawing": the act in a threat noun's "of" phrase)
    owner = v.head.head if v.dep_ == "acl" and v.head.dep_ == "pobj" else v.head if v.dep_ == "pcomp" else None
    noun = owner.head if owner is not None and owner.lower_ == "of" else None
    if noun is None or _lemma(noun) not in words.threat_nouns:
        if v.dep_ != "xcomp" or _lemma(v.head) not in words.threat_heads:
            return None
    table = words.threat_cameo
    return table.get(mode or "") or table.get(m.pattern.type) or table.get("default", "130")


def _coordinated(ctx: Ctx, arg: Arg | None) -> list[Arg]:
    """An argument and the actors coordinated with it, in text order: "The United States, Japan and
    South Korea", "the US, Russia, and Switzerland" (parsed as apposition), "Chinese and Philippine
    diplomats" (coordinated modifiers)."""
    if arg is None or arg.token is None:
        return [arg] if arg is not None else []
    partner = _pair_partner(ctx, arg)
    if partner is not None:
        return [partner, arg]
    tok = arg.token
    head = tok.head if tok.dep_ in ("compound", "amod", "poss", "nmod") and not tok.conjuncts else tok
    group: set[int] = {tok.i, *(c.i for c in tok.conjuncts if not _fronted_place(c))}
    if head is not tok and tok.dep_ != "poss":
        # "48 Syrian troops and 14 members of Hezbollah": the actor names a modifier of a noun that
        # is coordinated with other nouns of people, each of which may name a party of its own
        group |= {c.i for c in head.conjuncts if not _fronted_place(c) and c.i > head.i}
    if tok.i + 1 < len(tok.doc) and _orphan_subject(tok.doc[tok.i + 1]) == tok:
        group = {tok.i}  # (the noun it was coordinated with belongs to the clause before)
    phrase: set[int] = set()
    for p in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        # "the border guards of Bangladesh and India", "officials from Japan and South Korea": the
        # states coordinated inside the phrase
        phrase |= {k.i for o in p.children if o.dep_ == "pobj" and ctx.tok2m.get(o.i) == arg.mention
                   for k in o.conjuncts}
    group |= phrase
    for a in head.children:
        if a.dep_ == "appos" and head is not tok and tok.dep_ == "poss":
            continue  # "its leader, Abu X": the apposition names the leader, not another owner
        if (a.dep_ == "appos" and ctx.tok2m.get(a.i) is not None and arg.mention is not None
                and ctx.mentions[ctx.tok2m[a.i]].kind == "demonym" and ctx.mentions[arg.mention].kind == "person"):
            continue  # "Talat Xhaferi, an ethnic Albanian": the person's origin, not a second party
        if a.dep_ == "appos" and ctx.tok2m.get(a.i) is not None and _describes(ctx, arg, a):
            persons = ctx.mentions[ctx.tok2m[a.i]].kind == "person" or ctx.mentions[arg.mention].kind == "person"
            if persons and ctx.mentions[ctx.tok2m[a.i]].score > ctx.mentions[arg.mention].score:
                # the surer of the two names the actor ("the Governor of …, Urjit Patel": the KB's
                # person; "Dmitri Volkov, the Russian deputy foreign minister": the description)
                named = _core(ctx, a, arg.role)
                if named is not None:
                    return [named]
            continue
        if a.dep_ == "appos" and ctx.tok2m.get(a.i) is not None:
            group |= {a.i, *(c.i for c in a.conjuncts)}
        if a.dep_ in ("amod", "compound", "nmod") and a.conjuncts:
            group |= {a.i, *(c.i for c in a.conjuncts)}
            # "Chinese, Russian and Iranian warships": the parser may hang the first of the list
            # on the noun directly; a modifier actor followed by a comma belongs to the list
            for b in head.children:
                if (b.dep_ in ("amod", "compound", "nmod") and b.i < a.i
                        and b.i + 1 < len(b.doc) and b.doc[b.i + 1].text == ","
                        and ctx.tok2m.get(b.i) is not None):
                    group.add(b.i)
    if len(group) == 1:
        return [arg]
    out: list[Arg] = []
    seen: set[int | None] = set()
    for i in sorted(group):
        extra = arg if i == tok.i else _core(ctx, tok.doc[i], arg.role)
        if extra is not None and extra.mention is not None and extra.mention == arg.mention:
            extra = arg
        if extra is None or extra.mention in seen:
            continue
        if i in phrase and extra is not arg and arg.ref.sector and not arg.ref.id and extra.ref.country:
            # "students from China and Japan": Japan's students, not Japan's government
            extra = Arg(ref=arg.ref.model_copy(update={"country": extra.ref.country, "text": extra.ref.text}),
                        role=extra.role, certainty=extra.certainty, token=extra.token, mention=extra.mention)
        if extra.ref.id and any(extra.ref.id == a.ref.id for a in out):
            continue
        if extra is not arg:
            extra.certainty *= CONJ_PENALTY
        seen.add(extra.mention)
        out.append(extra)
    return out if arg in out else [arg, *out]


def _describes(ctx: Ctx, arg: Arg, appos: Token) -> bool:
    """Whether an apposition names the argument's own actor, not a partner: names after a noun of
    people ("journalists Peter Greste and …") or a title after a name ("Warren Truss, the Deputy
    Prime Minister of Australia")."""
    if arg.mention is None:
        return False
    kinds = {ctx.mentions[arg.mention].kind, ctx.mentions[ctx.tok2m[appos.i]].kind}
    described = {"generic", "compositional", "entity"}
    # a person and a description of them ("the Governor of …, Urjit Patel"), or a noun of people
    # and a name; two persons, or two states, are a list
    return (("person" in kinds and len(kinds) == 2 and bool(kinds & described))
            or (bool(kinds & {"generic", "compositional"}) and "entity" in kinds))


def _pair_partner(ctx: Ctx, arg: Arg) -> Arg | None:
    """"the two sides agreed", "both countries signed": the actors emits a pair anaphor as two coref
    mentions, the determiner (earlier actor) and the noun (later actor, the head token an argument
    lands on). The determiner's actor joins the noun's, first."""
    mi = arg.mention
    if mi is None or mi == 0 or arg.token is None or arg.token.dep_ not in ("nsubj", "nsubjpass", "pobj", "dobj"):
        return None
    if arg.token.dep_ == "dobj" and arg.role.startswith("subj"):
        return None  # "the treaty would commit both countries to …": object control, no joint act
    m, prev = ctx.mentions[mi], ctx.mentions[mi - 1]
    why, pwhy = m.why or "", prev.why or ""
    if not (why.startswith("coref pair") and pwhy.startswith("coref pair") and "(2 of 2)" in why
            and "(1 of 2)" in pwhy):
        return None
    first = _arg(ctx, mi - 1, arg.role, None)
    if first is None or (first.ref.id and first.ref.id == arg.ref.id):
        return None
    return first


def _each(v: Token, subj: Token | None) -> bool:
    """"India and Canada each expelled …", "… against each other": the act runs both ways."""
    if subj is not None and any(c.lower_ == "each" for c in subj.children):
        return True
    if any(c.lower_ in MUTUAL_ADVERBS for c in v.children):
        return True
    return _reciprocal_phrase(v)


def _reciprocal_phrase(v: Token) -> bool:
    """Whether a reciprocal phrase ("each other", "one another"; ``reciprocal_phrases``) stands in the
    verb's phrase."""
    text = f" {' '.join(t.lower_ for t in v.subtree)} "
    return any(f" {p} " in text for p in RECIPROCAL_PHRASES)


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    """Two references to one actor: the same id, unless both name a sector and the sectors differ
    (a state's court and the official it sentences, its police and the soldiers they arrest)."""
    if not a.id or a.id != b.id:
        return False
    return not (a.sector and b.sector and a.sector != b.sector)


def _valid(source: Arg, target: Arg | None) -> bool:
    if target is None:
        return True
    if _same_actor(source.ref, target.ref):
        return False
    if not source.ref.id and not target.ref.id and (
        (source.ref.country, source.ref.sector) == (target.ref.country, target.ref.sector)
    ):
        # two names the KB lacks are two actors unless written alike ("Arkansas executes Lee")
        return source.ref.sector in (None, "UNK") and source.ref.text.lower() != target.ref.text.lower()
    return True


def _guessed_own_country(ctx: Ctx, source: Arg, target: Arg | None) -> bool:
    """Whether ``target`` is a body with no id whose country, the source's own, is only a guess
    from the article's actors (:func:`detente.actors.generic.guessed_country`)."""
    if target is None or target.mention is None or target.ref.id or not target.ref.country:
        return False
    from detente.actors.generic import guessed_country

    return target.ref.country == source.ref.country and guessed_country(ctx.mentions[target.mention])


def _person(ctx: Ctx, arg: Arg | None) -> bool:
    if arg is None or arg.mention is None:
        return False
    m, _ = _resolve(ctx.mentions, arg.mention)
    return m.kind == "person" or ctx.mentions[arg.mention].kind == "person"


def _between_object(ctx: Ctx, m: Match) -> list[Arg]:
    """"held talks between Saudi and Iranian officials": the participants named in the object."""
    if m.obj is None or m.pattern.type not in JOINT_TYPES:
        return []
    heads = [m.obj]
    if _lemma(m.obj) in CONTAINERS:  # "several rounds of talks between …"
        heads += [p for c in m.obj.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
    for c in (c for h in heads for c in h.children):
        if c.dep_ == "prep" and c.lower_ == "between":
            for p in c.children:
                if p.dep_ == "pobj":
                    arg = _core(ctx, p, "between")
                    group = _coordinated(ctx, arg)
                    if len(group) >= 2:
                        return group
    return []


def _try(ctx: Ctx, m: Match) -> list[Event]:
    if m.pattern.alone and any(e.type == m.pattern.type for e in [*ctx.found, *_history(ctx)]):
        return []  # (told by another word of the sentence, or before). Protesters an act is aimed at
        # ("police fired on protesters", "21 protesters are arrested") still protested: the labelling
        # guide codes every collective action the item tells, and the real-text gold codes that protest
    evs = _try_args(ctx, m)
    if m.pattern.head_preps:
        for ev in evs:
            ev.detail["background"] = True  # the act the news follows from, not the news itself
    if not evs and not ctx.refused and m.pattern.relaxed and not _reacted_to(m) and not (
            m.pattern.type == "ASSAULT" and _verbal(m.trigger) and _accident_told(m.trigger)):
        ctx.unargued.append(m)  # (an accident's killing is no attack the classifier may confirm)
    ctx.refused = False
    return evs


def _actor_prep_object(ctx: Ctx, m: Match) -> bool:
    """Whether a phrase of the pattern's ``thing_preps`` on the trigger names an actor or a person
    rather than an act or a thing ("admitted to reporters", not "admitted to the bombing")."""
    for t in m.trigger.children:
        if t.dep_ == "prep" and t.lower_ in m.pattern.thing_preps:
            for o in t.children:
                if o.dep_ == "pobj" and (o.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
                                         or ctx.tok2m.get(o.i) is not None):
                    return True
    return False


def _no_act(m: Match) -> bool:
    """Sport, votes, accidents: a match that tells no attack (or no fight), whoever its parties."""
    return _contest(m) or (m.pattern.type == "ASSAULT" and _verbal(m.trigger) and (
        (m.pattern.id.startswith("lexicon.") and _accident(m.trigger)) or _accidental_cause(m.trigger)))


def _try_args(ctx: Ctx, m: Match) -> list[Event]:
    if _no_act(m):
        ctx.refused = True
        return []  # sport, votes, accidents: no attack
    v = m.trigger
    if (m.pattern.type in settings().stance_participle_types and v.dep_ == "acl" and v.tag_ == "VBG"
            and ctx.tok2m.get(v.head.i) is not None):  # (not "a vote condemning X": the vote is the act)
        ctx.refused = True
        return []  # "protesters opposing the election": who they are, not what they did
    if (m.pattern.type in settings().relative_description_types and v.dep_ == "relcl"
            and ctx.tok2m.get(v.head.i) is not None
            and any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in v.children)):
        ctx.refused = True
        return []  # "China, which had backed Russia's vetoes, abstains": what the actor is, not the news
    if m.pattern.no_relative and _verbal(v) and v.dep_ in ("relcl", "acl") and v.head.dep_ != "ROOT":
        # (a clause on a root noun is the sentence's own verb misread: "A suspect confessed to …")
        ctx.refused = True
        return []  # "the man who confessed to the bombing was executed": who he is, not the news
    if m.pattern.thing_preps and _actor_prep_object(ctx, m):
        ctx.refused = True
        return []  # "admitted to reporters that …": a listener, no act admitted
    pair = _between_object(ctx, m)
    if pair and _valid(pair[0], pair[1]):
        return [_build(ctx, m, pair[0], pair[1])]
    source = _source(ctx, m)
    if source is None and m.pattern.source_optional:
        return _doerless(ctx, m)
    if source is None:
        # (a pattern asking for a kind of doer, or for one of another state than the target's, has
        # no doer to check)
        return [] if m.pattern.source_sectors or m.pattern.foreign_target else _sourceless(ctx, m)
    if (m.pattern.source_sectors and source.ref.sector not in m.pattern.source_sectors) or (
            m.pattern.state_doer and not _state_actor(source.ref)):
        ctx.refused = True
        return []  # "gunmen raided a hotel": not the doer this pattern is about
    target = _target(ctx, m, source)
    if m.pattern.target_sectors and target is not None and target.ref.sector not in m.pattern.target_sectors:
        ctx.refused = True
        return []  # "withdraws from the DRC": no body left
    if m.pattern.foreign_target and (target is None or not target.ref.country or not source.ref.country
                                     or target.ref.country == source.ref.country):
        ctx.refused = True
        return []  # "Estonia bans its airlines from …": no foreign state's firms or goods
    if m.pattern.home_target_only and target is not None and target.ref.country and source.ref.country \
            and target.ref.country != source.ref.country:
        ctx.refused = True
        return []  # "curbs on Australian wine imports during the pandemic": a trade measure, no restriction at home
    if m.pattern.exclude_target_sectors and target is not None and target.ref.sector in m.pattern.exclude_target_sectors:
        ctx.refused = True
        return []  # "residents claim the militants killed 40": the news is the attack, not a charge
    rel = m.pattern.relation
    if rel is not None and rel.dimension == "designation" and _person(ctx, target):
        ctx.refused = True
        return []  # "India labelled him a terrorist": a person is listed, not his state
    if rel is not None and rel.dimension == "designation" and _guessed_own_country(ctx, source, target):
        # "Israel declares the Iliya Institute a terror group": a body the text places nowhere is
        # not of the listing state just because that state is the article's actor
        target = replace(target, ref=target.ref.model_copy(update={"country": None}))
    if rel is not None and rel.dimension == "recognition" and _person(ctx, target):
        # "recognised Guaido as interim president": support for a person, no recognition of a state
        return [ev.model_copy(update={"detail": {k: v for k, v in ev.detail.items() if k != "relation"}})
                for ev in _try_pairs(ctx, m, source, target)]
    return _try_pairs(ctx, m, source, target)


def _try_pairs(ctx: Ctx, m: Match, source: Arg, target: Arg | None) -> list[Event]:
    """The events of a match whose source (and target) are found: coordinated actors expanded."""
    sources = _coordinated(ctx, source)
    if m.pattern.type in settings().one_crowd_types:
        # "trade unions, businesses and schools in Catalonia hold a strike": one crowd of one
        # country, not one protest per kind of people in it
        sources = _one_crowd(sources)
    joint = m.pattern.type in JOINT_TYPES or m.pattern.agreement or m.pattern.joint
    if target is not None and len(sources) > 1 and (
            (not (target.ref.id or target.ref.country)
             and (joint or _each(m.trigger, _subject(m.trigger) if _verbal(m.trigger) else None)))
            or (joint and target.role not in ("prep:with", "between"))):
        # "Turkey and Syria each expelled diplomats": the partners, not the bare noun; "Qatar and
        # Egypt signed a deal to send fuel to Gaza": the deal is between the signers, about Gaza
        target = None
    if target is None and len(sources) > 1 and m.pattern.target_sectors:
        return []  # (coordinated doers are not the kind of target the pattern asks for: "joins" an IGO)
    if target is not None:
        targets = _distinct([t for t in _coordinated(ctx, target) if t.mention is None or t.mention != source.mention])
        pairs = [(s, t) for s in sources for t in targets]
    elif len(sources) > 1 and (joint or _each(m.trigger, _subject(m.trigger) if _verbal(m.trigger) else None)):
        # reciprocal subjects: the partner is the target
        first, second = sources[0], sources[1]
        pairs = [(first, second)]
        if not joint or (m.pattern.reciprocal and len(sources) == 2) or (
                m.pattern.relation is not None and _reciprocal_phrase(m.trigger)):
            # ("severed ties with each other": a relation act told of both runs both ways; a pattern
            # coded both ways, "A and B sign a pact", only between two: three signers are their pairs)
            pairs.append((second, first))
        # "The US, Russia and Switzerland met": the first-named actor with each partner, and in a
        # small group (``joint_all_pairs_max``) each partner with the others too (the real-text gold
        # codes a summit of three as its three pairs, a signing by eight as the first with each)
        pairs += [(first, other) for other in sources[2:]]
        small = len(sources) <= (settings().joint_all_pairs_max or 0)
        if joint and small:
            pairs += [(a, b) for k, a in enumerate(sources[1:], 1) for b in sources[k + 1:]]
        if small and not joint and len(sources) > 2 and _reciprocal_phrase(m.trigger):
            # "Japan, South Korea and the US accused each other": every one of them each of the others
            pairs = [(a, b) for a in sources for b in sources if a is not b]
    elif m.pattern.target_optional or (
            # a generated lexicon pattern takes its type's default; a hand-written one says itself
            m.pattern.id.startswith("lexicon.") and m.pattern.type in settings().target_optional_types
            and not _object_thing(ctx, m)) or _thing_object_act(ctx, m):
        # an attack with no actor as its target hits the people of the place it is told to happen in
        # (not for an act the subject undergoes: "two suspects remain in custody in Lyon")
        victims = _place_victims(ctx, m.trigger) if (m.pattern.type in settings().place_victim_types
                                                     and not m.pattern.reverse) else None
        pairs = [(s, victims if victims is not None and _valid(s, victims) else None) for s in sources]
    else:
        return []
    implied: list[Event] = []
    if m.pattern.reverse:
        if m.pattern.implied_source:
            # "the president faces corruption charges": no one named acts on the subject; the
            # pattern's implied doer of the subject's country does (its courts)
            nobody = Arg(ref=ActorRef(id=None, text=""), role="none", certainty=settings().sourceless_certainty)
            # (held people of no known country — "one suspect is in custody" — are held by the
            # implied doer of the state the sentence, else the nearest one before, names as a place)
            # (not beside a held person the text gives a country: "the suspect, a man from X")
            placed = any(s.ref.country for s, t in pairs if t is None)
            here = _implied_country(ctx, m.trigger, m.pattern.implied_source)
            for s, t in pairs:
                # (those of the place the act is told to happen in first: "a Rwandan officer goes on
                # trial in Paris" is tried by France's courts)
                country = (here or s.ref.country) if s.ref.country else (
                    (here or _place_state(ctx)) if t is None and not placed else None)
                if t is None and country:
                    implied.append(_implied_source(_build(ctx, m, nobody, s), m.pattern.implied_source,
                                                   country=country))
        # "Kazakhstan received assurances from Russia": the one named in the phrase acted on the subject
        pairs = [(t, s) for s, t in pairs if t is not None]
    return implied + [_build(ctx, m, s, t) for s, t in pairs if _valid(s, t) and _speaker_causes(ctx, m, s)]


def _speaker_causes(ctx: Ctx, m: Match, source: Arg) -> bool:
    """With ``consequence_words`` (or ``speaker_acts``): whether the harm (the act) a condition hangs on is the speaker's to cause —
    each conditioned clause has no subject of its own ("vows to strike … if"), the speaker as its
    subject or a passive's "by" doer (the same actor or one of its state, or a pronoun —
    ``speaker_pronouns`` — no other actor stands for), or a harm noun (``harm_nouns`` or the pattern's ``consequence_words``:
    "a response would follow if …") no other
    actor owns. "The IMF said Greece would lose market access if …" is a forecast, no threat."""
    if not (m.pattern.consequence_words or m.pattern.speaker_acts):
        return True
    for clause in _marked_clauses(m.trigger, m.pattern.clause_marks):
        head = clause.head
        if head == m.trigger or head.dep_ != "ccomp":
            continue  # (the statement's own clause only: not a relative clause inside it, "fire like the world has never seen")
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            # (a passive's subject suffers the harm; its doer is the "by" phrase, else unnamed: "talks
            # would be put at risk if …")
            subj = next((k for c in head.children if c.dep_ == "agent" for k in c.children if k.dep_ == "pobj"), None)
        if subj is None:
            continue
        # (the actor the subject is or that owns it, not one in a phrase of its: "fire like the world has seen")
        heads = (subj, *subj.conjuncts)
        core = [*heads, *(c for h in heads for c in h.children if c.dep_ in CORE_DEPS)]
        named = [ctx.mentions[k] for k in dict.fromkeys(ctx.tok2m[t.i] for t in core if t.i in ctx.tok2m)]
        if named:
            if not all(_same_actor(source.ref, n) or (n.country and n.country == source.ref.country) for n in named):
                return False
        elif not (subj.lower_ in SPEAKER_PRONOUNS or any(
                _lemma(t) in HARM_NOUNS or _lemma(t) in m.pattern.consequence_words for t in (subj, *subj.conjuncts))):
            return False
    return True


def _one_crowd(sources: list[Arg]) -> list[Arg]:
    """Coordinated doers: the actors the KB knows, and the first of those it lacks per country."""
    out: list[Arg] = []
    countries: set[str | None] = set()
    for s in sources:
        if not s.ref.id:
            if s.ref.country in countries:
                continue
            countries.add(s.ref.country)
        out.append(s)
    return out


def _distinct(args: list[Arg]) -> list[Arg]:
    """Coordinated arguments of one trigger, those the KB lacks counted once per country and sector
    ("blocked news websites and social media sites": one act against the press)."""
    seen: set[tuple] = set()
    out = []
    for a in args:
        k = (a.ref.id,) if a.ref.id else (None, a.ref.country, a.ref.sector)
        if k not in seen:
            seen.add(k)
            out.append(a)
    return out


def _object_thing(ctx: Ctx, m: Match) -> bool:
    """Whether a verb has a direct object that rules out a targetless event: a thing ("targeting an
    immune receptor": the verb is used in another sense) unless the pattern asks for that word
    ("open fire"), or an actor that was refused as the target ("Russia attacked Russia")."""
    if not _verbal(m.trigger):
        return False
    for o in _objects(m.trigger):
        if o.dep_ != "dobj":
            continue
        if ctx.tok2m.get(o.i) is not None:
            return True
        if m.obj is None and not any(ctx.tok2m.get(c.i) is not None for c in o.subtree):
            return True
    return False


def _thing_object_act(ctx: Ctx, m: Match) -> bool:
    """Whether a hand-written verbal act of a `thing_object_types` type stands with no recipient: what it acts on
    (the direct object, the infinitive's object, or a passive's subject) is a thing with no actor
    anywhere inside it ("Germany opposes the plan"; the act is coded, its recipient unknown)."""
    v = m.trigger
    if (m.pattern.type not in settings().thing_object_types or m.pattern.relation is not None or not _verbal(v)
            or m.pattern.id.startswith("lexicon.") or m.pattern.mode in AIMED_THREAT_MODES):
        return False  # the generated patterns' targets follow `target_optional_types`

    # the pattern's own object word under a light verb ("expressed anger over …") is the act, not
    # what it is at (unlike "rejected the plan"); what it is at hangs on that word as on the verb
    # ("expressed its willingness to hold the vote")
    own = m.obj if (m.pattern.objects and m.obj is not None and _light_verb(v)) else None
    own_i = own.i if own is not None else -1
    heads = [v] if own is None else [v, own]
    if _is_passive(v):
        # "the proposal was rejected by China": the passive subject is what was acted on
        objs = [c for c in v.children if c.dep_ == "nsubjpass" and c.i != own_i]
    else:
        # "Hungary threatens to block the budget": the object of the infinitive
        objs = [c for c in v.children if c.dep_ == "dobj" and c.i != own_i] or [
            o for h in heads for x in h.children if x.dep_ == "xcomp" or (h.i == own_i and x.dep_ == "acl")
            for o in x.children if o.dep_ == "dobj"] or [
            o for h in heads for x in h.children if x.dep_ == "prep" and x.lower_ in THING_OBJECT_PREPS
            for o in x.children if o.dep_ == "pobj"]
    return bool(objs) and all(
        o.pos_ == "NOUN" and not any(ctx.tok2m.get(c.i) is not None for c in o.subtree) for o in objs)


@lru_cache(maxsize=None)
def _word_set(name: str) -> frozenset[str]:
    """A word list of the engine settings as a set, built once."""
    return frozenset(getattr(settings(), name))


#: words that keep a killing an attack where an accident is named nearby (``_accident_told``)
ATTACK_KEEPING = frozenset(_WORDS["attacker_implying_words"]) | frozenset(_WORDS["accident_guard_words"])
#: disasters that make a killing told in the sentence before or after their toll
NEIGHBOUR_DISASTERS = frozenset(_WORDS["neighbour_disaster_words"])


def _accident(v: Token) -> bool:
    """Whether the clause of an agentless killing names an accident or a disaster as its cause, or
    the sentence before it tells of one ("A balloon crashes. A tourist is killed.")."""
    words = _word_set("accident_words")
    if any(t.lower_ in words or _lemma(t) in words for t in v.subtree):
        return True
    sent = sent_of(v)
    prev = sent_of(sent.doc[sent.start - 1]) if sent.start > 0 else None
    return prev is not None and any(t.lower_ in words or _lemma(t) in words for t in prev if t.pos_ in ("NOUN", "VERB"))


def _accident_told(v: Token) -> bool:
    """Whether an accident or a disaster is named (a noun) in the sentence of a killing, the one
    before or the one after ("… are injured in the derailment", "… are killed on the islands. Heavy
    rain hits the coast"), and the sentence names no weapon or attack (``attacker_implying_words``,
    ``accident_guard_words``); in the neighbouring sentences only ``neighbour_disaster_words`` count."""
    words, attack = _word_set("accident_words"), ATTACK_KEEPING
    sent = sent_of(v)
    if any(t.lower_ in attack or _lemma(t) in attack for t in sent):
        return False
    doc = sent.doc
    spans = ([(sent, words)] + ([(sent_of(doc[sent.start - 1]), NEIGHBOUR_DISASTERS)] if sent.start > 0 else [])
             + ([(sent_of(doc[sent.end]), NEIGHBOUR_DISASTERS)] if sent.end < len(doc) else []))
    return any(t.pos_ == "NOUN" and (t.lower_ in ws or _lemma(t) in ws) for sp, ws in spans for t in sp)


def _accidental_cause(v: Token) -> bool:
    """Whether a killing or wounding verb's cause is an accident or a disaster, told as the subject
    of its clause or of the clause it hangs on ("heavy rain pelts the coast, killing four", "a truck
    plunges into a river") or as a blast whose words say what blew up ("killed in a methane
    explosion in a coal mine"); an armed group or a weapon named there keeps it an attack."""
    acc = _word_set("accident_words")
    table = words("attacks")["ambiguous_nouns"]
    causes = word_sets("attacks")

    nouns_only = _word_set("accident_nouns_only")

    def accident(t: Token) -> bool:
        if t.pos_ in ("VERB", "AUX") and (_lemma(t) in nouns_only or t.lower_ in nouns_only):
            return False  # "gunmen stormed the embassy": people acting, no storm
        # (a plural the tagger left unlemmatised at the head of a sentence: "Wildfires in Siberia kill")
        return _lemma(t) in acc or t.lower_ in acc or (t.lower_.endswith("s") and t.lower_[:-1] in acc)

    if v.dep_ in ("acl", "relcl") and accident(v.head):
        return True  # "the second cyclone to hit the area"
    sent = sent_of(v)
    cur, clauses = v, [v]
    while cur.dep_ in ("advcl", "conj", "xcomp", "ccomp") and cur.head.i != cur.i and len(clauses) < 4:
        cur = cur.head
        clauses.append(cur)
    if (v.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
            and any(t.i != v.i and accident(t) for t in _toll_cause(v, clauses))
            and not any(w.lower_ in ATTACK_KEEPING or _lemma(w) in ATTACK_KEEPING for w in sent)):
        return True  # a participle's toll after a clause telling an accident and no attack, however
        # parsed: "a bus and a truck collide on the highway, killing two", "the plane crashed on
        # landing, killing four"; not an accident word of a circumstance ("troops raided a village
        # during heavy rain, killing 12": the rain killed no one)
    for k, t in enumerate(clauses):
        # (of the clauses it hangs on, what they cause too: "... causing floods, killing four"; of the
        # clause itself, a disaster fought or the agent of a passive: "battling the blazes", "the
        # country was struck by Cyclone Gita")
        args = [c for c in t.children if c.dep_ in ("nsubj", "dobj")]
        args += [o for c in t.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        if any(accident(a) or any(accident(c) for c in a.children if c.dep_ == "compound") for a in args):
            return True
        # (a clause it hangs on that is itself the accident, in a sentence naming no weapon or
        # attack: "a helicopter crashes on landing, killing two", "two buses collide, injuring 40")
        if k > 0 and t.pos_ == "VERB" and accident(t) and not any(
                w.lower_ in ATTACK_KEEPING or _lemma(w) in ATTACK_KEEPING for w in sent):
            return True
    weapons = WEAPON_SUBJECTS - causes["accident_causes"]
    for t in v.subtree:
        if t.pos_ == "NOUN" and _lemma(t) in table and table[_lemma(t)] == "accident_causes":
            phrase = list(t.subtree)
            if (any(w.lower_ in causes["accident_causes"] for w in phrase if w.i != t.i)
                    and not any(_lemma(w) in weapons for w in phrase)):
                return True
    return False


def _toll_cause(v: Token, clauses: list[Token]) -> list[Token]:
    """The words that can tell what caused a participle's toll (``_accidental_cause``): the clauses it
    hangs on, up through a preposition's clause ("crashed whilst attempting to land, killing two"),
    and its head word, each with its subjects, objects and "by" doers (a noun head with its phrases
    too), and the participle's own phrases; never a circumstance's phrase (``circumstance_preps``:
    "during heavy rain", "amid a storm")."""
    circ = _word_set("circumstance_preps")
    heads = clauses[1:] or [v.head]
    cur = heads[-1]
    while cur.dep_ in ("advcl", "conj", "xcomp", "ccomp", "pcomp", "prep") and cur.head.i != cur.i and len(heads) < 6:
        cur = cur.head  # ("crashed whilst attempting to land on a ship, killing two": the clause above)
        if cur.pos_ in ("VERB", "AUX") and cur not in heads:
            heads.append(cur)
    if v.head.i != v.i and v.head not in heads:
        heads.append(v.head)
    out: list[Token] = []
    own = {t.i for t in v.subtree}
    for h in heads:
        out.append(h)
        for c in h.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "compound", "amod") and c.i not in own:
                out.extend(c.subtree)
            elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ not in circ and c.i not in own
                                        and h.pos_ in ("NOUN", "PROPN")):
                out.extend(c.subtree)
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ not in circ:
            out.extend(c.subtree)
    return out


def _contest(m: Match) -> bool:
    """A generated pattern's attack or fight in a sentence about sport or a vote; a sport's sanction
    of its own people (``sport_free_patterns``: "the club sacks its coach")."""
    if m.pattern.id in _WORDS.get("sport_free_patterns", ()):
        sent = sent_of(m.trigger)
        low, lowers = span_text(sent).lower(), {t.lower_ for t in span_tokens(sent)}
        return any((" " in w and w in low) or w in lowers for w in _WORDS["sport_words"])
    if not m.pattern.id.startswith("lexicon.") or m.pattern.type != "ASSAULT":
        return False
    words = _word_set("contest_words")
    return any(t.lower_ in words for t in span_tokens(sent_of(m.trigger)))


def _sourceless(ctx: Ctx, m: Match) -> list[Event]:
    """An act whose doer the text does not name ("32 people are killed in Homs", "a bomb kills five
    people in Grishk"): coded with no source when its type allows it, the verb has no subject at all
    (an agentless passive) or, for an attack, a weapon or attack noun with no actor in it
    (``weapon_subjects``), and the target is an actor."""
    cfg = settings()
    v = m.trigger
    if not _verbal(v):
        if m.pattern.implied_source and not m.pattern.reverse:
            # "a corruption case against the former president": a legal act told as a noun with no
            # owner is the implied doer's (the courts) of its named target's country
            nobody = Arg(ref=ActorRef(id=None, text=""), role="none", certainty=cfg.sourceless_certainty)
            target = _target(ctx, m, nobody)
            if target is not None and target.ref.country:
                # (those of the place of the trial or probe, else of the target's country: "the trial
                # of a Rwandan officer opens in Paris" is France's courts')
                sector = m.pattern.implied_source
                return [_implied_source(_build(ctx, m, nobody, target), sector, ctx,
                                        _implied_country(ctx, v, sector))]
        return _placed_noun(ctx, m)
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if m.pattern.reverse and m.pattern.implied_source:
        return _held_people(ctx, m, subj)
    if (m.pattern.type not in cfg.sourceless_types and not m.pattern.implied_source) or m.pattern.reverse:
        return []
    # "a car bomb kills five people in Mogadishu": a weapon or an attack as the subject names no doer
    armed = (subj is not None and m.pattern.type in cfg.unnamed_attacker_types and _lemma(subj) in WEAPON_SUBJECTS
             and not any(ctx.tok2m.get(t.i) is not None for t in subj.subtree))
    # "was kidnapped by masked men": people no actor stands for name no doer either
    by = _agent(v) if _is_passive(v) else None
    # (a legal act "by hanging", "by decree": a means, no doer, whatever the noun)
    nameless = by is not None and (_lemma(by) in PEOPLE_NOUNS or m.pattern.type in cfg.people_home_types) \
        and not any(ctx.tok2m.get(t.i) is not None for t in by.subtree)
    deps = ("nsubj", "csubj", "expl") if nameless else ("nsubj", "csubj", "agent", "expl")
    # "a court sentences a Chinese official": an institution no actor stands for is the implied doer
    doer = subj if subj is not None else by
    institution = cfg.unnamed_doer_sectors.get(_lemma(doer)) if doer is not None and not any(
        ctx.tok2m.get(t.i) is not None for t in doer.subtree) else None
    if not armed and not institution and ((any(c.dep_ in deps for c in v.children) and not _absolute_participle(v))
                                          or not _is_passive(v)):
        return []
    # ("… be investigated and prosecuted"; "was found murdered", "are reported killed": the verb completed)
    embedded = ("xcomp", "ccomp", "relcl", "acl", "amod")
    clause = v.head if _shared_passive(v) is not None or _raised_passive(v) else v
    reported = (clause.dep_ == "ccomp" and _lemma(clause.head) in _REPORTING and not _denied(clause)
                and m.pattern.type in _WORDS.get("reported_passive_types", ()))
    if clause.dep_ in embedded and not _absolute_participle(clause) and not reported:
        return []  # inside another clause: its head says what happened (not a report: "police say X was shot")
    if ((reported or (_raised_passive(v) and v.dep_ in embedded))
            and any(e.type == m.pattern.type for e in _history(ctx))):
        return []  # "… Officials say six were killed": the toll of the act an earlier sentence told
    if _accident(v) or (m.pattern.type == "ASSAULT" and _accident_told(v)):
        return []
    if _absolute_participle(v) and any(e.type == m.pattern.type for e in ctx.found):
        return []  # "troops open fire on a convoy, with twelve people killed": that act's outcome
    nobody = Arg(ref=ActorRef(id=None, text=""), role="none", certainty=cfg.sourceless_certainty)
    target = _target(ctx, m, nobody)
    if target is None:
        return []
    attacker = _attack_noun_doer(ctx, v) if m.pattern.type in cfg.unnamed_attacker_types else None
    attacker = attacker or _unnamed_attacker(ctx, m, target)
    if attacker is not None:
        # "32 people are killed after gunmen opened fire": the gunmen, of no known side (UAF)
        return [_build(ctx, m, attacker, target)]
    if any(e.type == m.pattern.type and e.target is not None and (
            _same_actor(e.target, target.ref) or (e.target.country, e.target.sector) == (target.ref.country, target.ref.sector))
           for e in ctx.found):
        return []  # "a court sentences X after he was found guilty": the act told already, by its doer
    ev = _build(ctx, m, nobody, target)
    sector = institution or m.pattern.implied_source or cfg.implied_source_sector.get(ev.mode or "")
    return [_implied_source(ev, sector, ctx, _implied_country(ctx, v, sector))]


def _denied(v: Token) -> bool:
    """A clause said not to have happened ("the mosque was not hit", "no one was killed")."""
    return any(c.dep_ == "neg" for c in v.children) or any(
        t.lower_ in DENYING_SUBJECT_WORDS for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)


def _attack_noun_doer(ctx: Ctx, v: Token) -> Arg | None:
    """"are reported killed in Saudi-led coalition air strikes": the actor modifying the attack or
    weapon the agentless verb's "in"/"by" phrase names is its doer."""
    for p in [*_preps([v], "in"), *_preps([v], "by")]:
        if _lemma(p) not in WEAPON_SUBJECTS and _lemma(p) not in ATTACK_NOUNS:
            continue
        for c in p.children:
            if c.dep_ in ("amod", "compound", "nmod") and ctx.tok2m.get(c.i) is not None:
                arg = _core(ctx, c, "attack_mod")
                if arg is not None:
                    return arg
        # "killed in an attack on two villages by Dogon militia": a "by" phrase inside the attack's
        # noun phrase (whatever noun the parser hung it on) names the attacker
        for b in p.subtree:
            if b.dep_ == "prep" and b.lower_ == "by" and b.head.pos_ in ("NOUN", "PROPN"):
                for o in b.children:
                    if o.dep_ == "pobj" and ctx.tok2m.get(o.i) is not None:
                        arg = _core(ctx, o, "by")
                        if arg is not None:
                            return arg
    return None


def _absolute_noun(v: Token) -> Token | None:
    """The noun of an absolute "with" clause whose past participle is ``v`` (", with more than 2,000
    soldiers detained", ", with twelve villagers killed"): it underwent the act, told as an act of its
    own, not as who the noun is. The parser hangs the participle on the noun (acl) or the noun on the
    participle (its subject, the participle a pcomp of "with")."""
    if v.tag_ not in ("VBN", "VBD"):
        return None
    if v.dep_ == "acl" and v.head.dep_ == "pobj" and v.head.head.lower_ == "with" and v.head.head.dep_ == "prep":
        return v.head
    if v.dep_ == "pcomp" and v.head.lower_ == "with" and not any(c.dep_ in ("aux", "dobj") for c in v.children):
        return next((c for c in v.children if c.dep_ == "nsubj"), None)
    return None


def _absolute_participle(v: Token) -> bool:
    return _absolute_noun(v) is not None


def _held_people(ctx: Ctx, m: Match, subj: Token | None) -> list[Event]:
    """"A man is in custody in Harris County, Texas": plain people no actor stands for, the subject of
    a pattern whose subject undergoes the act (``reverse``), are the people of the place the act is
    told to happen in, acted on by the pattern's implied doer of that place's country."""
    if subj is None or _lemma(subj) not in PEOPLE_NOUNS or any(ctx.tok2m.get(t.i) is not None for t in subj.subtree):
        return []
    people = _place_victims(ctx, m.trigger)
    if people is None:
        return []
    nobody = Arg(ref=ActorRef(id=None, text=""), role="none", certainty=settings().sourceless_certainty)
    return [_implied_source(_build(ctx, m, nobody, people), m.pattern.implied_source)]


def _implied_country(ctx: Ctx, v: Token, sector: str | None) -> str | None:
    """The country of an agentless act's implied doer (police, courts): that of an actor of that
    sector the sentence names ("at an Israeli military court, X is indicted"), else of the place the
    act is told to happen in ("an Indonesian woman is charged in Kuala Lumpur"); None: the target's."""
    if not sector:
        return None
    private = _word_set("private_counsel_words")
    named = next((mn.country for mi in dict.fromkeys(ctx.tok2m.values())
                  if (mn := ctx.mentions[mi]).sector == sector and mn.country
                  and not private.intersection((mn.text or "").lower().split()[-1:])),
                 None)  # (not a party's own counsel: "his Belgian lawyer" is no Belgian court)
    if named:
        return named
    place = _place_victims(ctx, v, own_clause=True)
    if place is None and _shared_passive(v) is not None:
        place = _place_victims(ctx, v.head, own_clause=True)  # "were arrested in Canada and charged with murder"
    # "was arrested and charged in Canada": the place of a passive conjoined to it, sharing its subject
    for c in (_shared_passives(v)[1:] if place is None else ()):
        place = _place_victims(ctx, c, own_clause=True)
        if place is not None:
            break
    return place.ref.country if place is not None else None


def _placed_noun(ctx: Ctx, m: Match) -> list[Event]:
    """An attack or a protest named by a noun that is the news itself — the subject of a verb of
    occurrence (``occurrence_verbs``: "riots erupt in Paris", "an attack on a village leaves 49
    dead", "protests continue in Khabarovsk") or a headline's root — with no actor named and a place
    given: an unknown attacker against the people of that place, or that place's people protesting
    (PLOVER). An adverbial ("after protests in Islamabad") is no news of its own; nor is one an
    earlier sentence told of ("the attack" again)."""
    cfg = settings()
    v = m.trigger
    if m.pattern.type not in cfg.placed_noun_types or _blast_accident(v):
        return []  # (nor a general strike, a gas explosion: data/words/attacks.yml)
    head_forms = _verb_forms(v.head) if _verbal(v.head) else []
    # "protests continue in X", "demonstrations are held in X" (a support verb's passive subject)
    news = v.dep_ == "ROOT" or (v.dep_ == "nsubj" and any(f in OCCURRENCE_VERBS for f in head_forms)) or (
        v.dep_ == "nsubjpass" and any(f in SUPPORT_VERBS for f in head_forms))
    if not news or any(e.type == m.pattern.type for e in _history(ctx)) \
            or any(ctx.tok2m.get(t.i) is not None for t in v.subtree if t.i < v.i):
        return []  # (an actor in its modifiers, "a U.S. drone strike", is its doer: not unknown)
    people = _place_victims(ctx, v)
    if m.pattern.type in cfg.place_protester_types:
        return [_build(ctx, m, people, None)] if people is not None else []
    nobody = Arg(ref=ActorRef(id=None, text=""), role="none", certainty=cfg.sourceless_certainty)
    # whom the attack is aimed at ("an arson attack on a newspaper"), else the people of its place
    target = _target(ctx, m, nobody) or people
    return [_implied_source(_build(ctx, m, nobody, target))] if target is not None else []


def _doerless(ctx: Ctx, m: Match) -> list[Event]:
    """The event of a pattern whose doer may go unnamed (``source_optional``: "a roadside bomb killed
    two soldiers", "a car bomb exploded at a market in Kirkuk"): done by the unidentified armed
    actors the sentence names (UAF), else by no one named; its target as the pattern's roles find
    it. Refused where the sentence tells of an accident or an industrial blast, not an attack."""
    if _blast_accident(m.trigger):
        ctx.refused = True
        return []
    v = m.trigger
    if _verbal(v) and v.dep_ in ("xcomp", "acl", "amod", "pcomp", "csubj", "relcl"):
        return []  # "missiles able to target the south": a capacity or a description, not the news
    if any(ev.type == m.pattern.type for ev in ctx.found):
        return []  # "a bomb killed two and injured six", "a bomb exploded, killing two": one attack
    what = _subject(v) if _verbal(v) else v
    if (what is not None and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in what.children)
            and any(e.type == m.pattern.type for e in _history(ctx))):
        return []  # "the blast killed twelve" after the bombing was told: the same attack again
    nobody = Arg(ref=ActorRef(id=None, text=""), role="none", certainty=settings().sourceless_certainty)
    target = _target(ctx, m, nobody)
    if target is None and not m.pattern.target_optional:
        return []
    mi = None if target is None else target.mention if target.mention is not None else (
        ctx.tok2m.get(target.token.i) if target.token is not None else None)
    if target is not None and mi is not None and _names_a_place(ctx.mentions[mi], target.ref):
        # "a car bomb exploded in Mogadishu": the state named as the place is where its people were hit
        people = target.ref.model_copy(update={"id": None, "sector": "CVL"})
        target = Arg(ref=people, role=target.role, certainty=target.certainty * 0.8, token=None)
    attacker = _unnamed_attacker(ctx, m, target)
    if attacker is not None and _valid(attacker, target):
        ev = _build(ctx, m, attacker, target)
    else:
        ev = _implied_source(_build(ctx, m, nobody, target), m.pattern.implied_source)
    return [ev]


def _names_a_place(mention: Mention, ref: ActorRef) -> bool:
    """Whether an actor found for an act no one is named to have done is a state named only as the
    place it happened (a capital, "Turkey"), not an actor of its own (its police, its embassy)."""
    return bool(ref.country) and (mention.kind == "metonym" or (ref.id == ref.country and not ref.sector))


def _blast_accident(v: Token) -> bool:
    """An accident or a disaster (``_accident``), or a subject that names something other than an
    attack where its sentence or the next says so ("a gas explosion", "a heart attack", "a general
    strike": the ``ambiguous_nouns`` of ``data/words/attacks.yml`` and their cue lists)."""
    if _accident(v):
        return True
    table = words("attacks")["ambiguous_nouns"]
    subj = _subject(v) if _verbal(v) else v
    cues = {table[w] for w in table if subj is not None and _word_match(w, subj)}
    if not cues:
        return False
    lists = word_sets("attacks")
    sent, doc = v.sent, v.doc
    # the sentence, and the next one ("An explosion destroys a restaurant. A gas leak is suspected.")
    scope = [*sent, *(doc[sent.end].sent if sent.end < len(doc) else ())]
    return any(t.lower_ in lists[c] or _lemma(t) in lists[c] for c in cues for t in scope)


def _implied_source(ev: Event, sector: str | None = None, ctx: Ctx | None = None,
                    country: str | None = None) -> Event:
    """An event built with no source: the implied doer its pattern names, else that of its mode,
    else none. "21 protesters are arrested in Washington": the arrest is the police's of the
    place's country (``country``), else of the target's; "two suspects were arrested" with no
    country known for them: the police of the state the sentence (else the nearest sentence before
    it) names as a place."""
    sector = sector or settings().implied_source_sector.get(ev.mode or "")
    country = country or (ev.target.country if ev.target is not None else None)
    if sector and not country and ctx is not None:
        country = _place_state(ctx)
    if sector and country:
        implied = ActorRef(id=None, country=country, sector=sector, text="")
        return ev.model_copy(update={"source": implied, "detail": {**ev.detail, "source_implied": sector}})
    if sector:  # the organ of the state the act is located in, once places are read (pipeline)
        return ev.model_copy(update={"source": None, "detail": {**ev.detail, IMPLIED_PENDING: sector}})
    return ev.model_copy(update={"source": None})


def unidentified_doer(sent: Span, ev: Event) -> Event:
    """An attack still without a doer once the rules and the argument model are done, told with a
    weapon or an attack that implies someone used it (``attacker_implying_words``: "a car bomb kills
    six in Mogadishu", "four people are shot in a string of shootings"), is the unidentified armed
    actors' (PLOVER UAF, of no country), as the labelling guide codes an attack by unknown
    perpetrators; "eleven soldiers were killed near Gao" names no attack and keeps no doer."""
    if ev.source is not None or ev.type not in settings().unnamed_attacker_types:
        return ev
    implying = _WORDS["attacker_implying_words"]
    if not any(t.lower_ in implying or t.lemma_.lower() in implying for t in sent):
        return ev
    unknown = ActorRef(id=None, country=None, sector="UAF", text="")
    return ev.model_copy(update={"source": unknown, "detail": {**ev.detail, "source_implied": "UAF"}})


def _place_state(ctx: Ctx) -> str | None:
    """The state the sentence names as a place, else the nearest earlier sentence that names one
    (``detente.actors.generic``'s reading of places)."""
    if ctx.kb is None:
        return None
    from detente.actors.generic import _place_country

    doc = ctx.sent.doc
    before = [s for s in doc.sents if s.start < ctx.sent.start]
    for sent in [ctx.sent, *reversed(before)]:
        covered = ctx.tok2m if sent is ctx.sent else _index_mentions(sent, ctx.mentions)
        country = _place_country(sent, ctx.mentions, covered, ctx.kb)
        if country:
            return country
    return None


def _unnamed_attacker(ctx: Ctx, m: Match, target: Arg | None) -> Arg | None:
    """For an attack whose doer the clause does not name: the unidentified armed actors (PLOVER UAF:
    gunmen, attackers, suicide bombers) the sentence names, if any, and none of them the target."""
    if m.pattern.type not in settings().unnamed_attacker_types:
        return None
    for t in ctx.sent:
        mi = ctx.tok2m.get(t.i)
        if mi is None or (target is not None and mi == target.mention):
            continue
        eff, _ = _resolve(ctx.mentions, mi)
        if (eff.sector or ctx.mentions[mi].sector) == "UAF":
            arg = _arg(ctx, mi, "attacker_noun", t)
            if arg is not None:
                arg.certainty *= 0.8
                return arg
    # "13 are killed in a series of suicide bombings": an attack whose name implies its unidentified
    # doer (`attacker_implying_phrases`)
    low = ctx.sent.text.lower()
    phrase = next((p for p in _WORDS["attacker_implying_phrases"] if p in low), None)
    if phrase is not None:
        ref = ActorRef(id=None, country=None, sector="UAF", text=phrase)
        return Arg(ref=ref, role="attacker_noun", certainty=_certainty("attacker_noun") * 0.6)
    # "A tanker is hijacked … The hijackers are not known.": the unidentified attackers the next
    # sentence names, or the sentence before when it told of no such act (else this one tells it
    # again: "Gunmen attacked a post. Officials said the attack lasted an hour")
    doc, sent = ctx.sent.doc, ctx.sent
    told = any(e.type == m.pattern.type for e in _history(ctx))
    near = [doc[sent.start - 1].sent] if sent.start > 0 and not told else []
    if sent.end < len(doc):
        near.append(doc[sent.end].sent)
    for other in near:
        for mi in _near(other, ctx.mentions):
            m = ctx.mentions[mi]
            if not (other.start_char <= m.start and m.end <= other.end_char):
                continue
            if (_resolve(ctx.mentions, mi)[0].sector or m.sector) == "UAF":
                arg = _arg(ctx, mi, "attacker_noun", None)
                if arg is not None:
                    arg.certainty *= 0.6
                    return arg
    return None


def _counted(n: Token) -> Token:
    """The noun counting ``n`` ("a series of attacks" → series), else ``n``."""
    of = n.head
    if n.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in COUNTING_NOUNS:
        return of.head
    return n


def _governing_preps(n: Token) -> set[str]:
    """The preposition a noun is the object of, alone and with the word it completes ("to" and
    "due to"), read through a counting noun and a coordination ("due to a threat and a shooting")."""
    h = _counted(n)
    while h.dep_ == "conj" and h.head.i != h.i:
        h = h.head
    if h.dep_ not in ("pobj", "dobj"):
        return set()
    out = {h.head.lower_, f"{h.head.head.lower_} {h.head.lower_}"}
    frame = h.head.head
    if h.dep_ == "pobj" and h.head.lower_ in ("of", "to") and frame.dep_ == "pobj" and _lemma(frame) in FRAME_PREPS:
        # ("in light of the attacks", "in response to the shootings"; a span of time only as a time
        # phrase: "on the third day of protests", not "after two nights of protests")
        if FRAME_PREPS[_lemma(frame)] != "during" or frame.head.lower_ in TIME_FRAME_PREPS:
            out.add(FRAME_PREPS[_lemma(frame)])
    return out


def _sentence_words_ok(p: Pattern, t: Token) -> bool:
    """Whether ``t``'s sentence holds one of the pattern's ``sentence_words`` (as a lemma or a word),
    or the pattern names none; and, with ``no_hazard``, no disaster or hazard word."""
    if not p.sentence_words and not p.no_hazard:
        return True
    sent = sent_of(t)
    words = {_lemma(w) for w in sent}.union(w.lower_ for w in sent)
    if p.no_hazard and not words.isdisjoint(HAZARD_WORDS):
        return False
    return not p.sentence_words or not words.isdisjoint(p.sentence_words)


def _purpose_words_ok(p: Pattern, v: Token, objs: list[Token], skip: Token | None = None) -> bool:
    """Whether the trigger's own purpose holds one of the pattern's ``purpose_words``: an infinitive
    ("to train", "in order to help") or a prepositional phrase on the trigger or its objects — not a
    finite clause beside it ("as the US pledged to help Kyiv") nor a coordinated verb. ``skip``: a
    phrase that is no purpose (a noun's "of" phrase, which holds its object)."""
    words: set[str] = set()
    for head in (v, *objs):
        for c in head.children:
            if c == skip:
                continue
            infinitive = c.dep_ in ("xcomp", "advcl", "acl") and any(
                k.dep_ == "aux" and k.lower_ == "to" for k in c.children) and not any(
                k.dep_ in ("nsubj", "nsubjpass") for k in c.children)
            if infinitive or c.dep_ == "prep":
                words.update(w for t in c.subtree for w in (_lemma(t), t.lower_))
    return not words.isdisjoint(p.purpose_words)


def _state_actor(ref: ActorRef) -> bool:
    """A state itself (its id is its country) or one of its state sectors (police, army, government …)."""
    return ref.sector in STATE_SECTORS or (ref.sector is None and bool(ref.id) and ref.id == ref.country)


def _qualified(p: Pattern, word: str, o: Token) -> bool:
    """The object ``o`` (matched by the pattern's object ``word``) has one of the word's
    ``object_qualifiers`` in its phrase, where the pattern names any ("the restoration of diplomatic
    relations" as "restored diplomatic relations")."""
    quals = p.object_qualifiers.get(word)
    return not quals or bool(({_lemma(t) for t in o.subtree} | {t.lower_ for t in o.subtree}) & set(quals))


def _noun_match(p: Pattern, n: Token) -> Match | None:
    if p.head_preps and not _governing_preps(n) & set(p.head_preps):
        # (the parser takes "following" for a verb: "following the attack" hangs as its object)
        return None
    if p.preps and not any(
            not words or any(_prep_word_ok(o, words) for o in _preps([n], prep))
            for prep, words in p.preps.items() if _preps([n], prep)):
        return None  # "a call for calm": the noun's preposition the pattern asks for
    if not _sentence_words_ok(p, n):
        return None
    if p.exclude_participles and any(c.dep_ in ("acl", "relcl") and _lemma(c) in p.exclude_participles
                                     for c in n.children):
        return None  # "the threat posed by Iran": a danger, no act
    if p.object_prep is not None:
        # a verb pattern read on its noun: the object it names is the noun's "of" phrase
        obj = next((o for o in _preps([n], p.object_prep)
                    if any(_word_match(w, o) and _qualified(p, w, o) for w in p.objects)), None)
        if obj is None or _lemma(n) not in p.nouns:
            return None
        if any(_word_match(w, obj) for w in p.exclude_objects):
            return None  # the verb pattern's excluded objects hold for its noun
        if p.exclude_preps and _excluded_prep(p, [n, obj]):
            return None  # "the firing of missiles at a city": aimed, as its verb would be
        if p.purpose_words and not _purpose_words_ok(p, n, [obj], skip=obj.head):
            return None  # "the deployment of troops to the border": no purpose of aid named
        return Match(p, n, obj, [])
    if (file := settings().modified_noun_files.get(p.type)) and _other_than_attack(n, file):
        return None  # "a heart attack", "lightning strikes"
    for noun in p.nouns:
        if (" " in noun and noun in _phrase(n).lower()) or noun in _words(n):
            return Match(p, n, None, [])
    return None


def _other_than_attack(n: Token, file: str = "attacks") -> bool:
    """Whether an attack noun's own modifier makes it something else (``modified_nouns`` of
    ``data/words/attacks.yml``: "a heart attack", "a shark attack", "lightning strikes"); with
    ``file`` another type's nouns ("a clinical trial": ``data/words/legal.yml``)."""
    table = words(file)["modified_nouns"]
    name = table.get(_lemma(n)) or table.get(n.lower_)
    if name is None:
        return False
    mods = word_sets(file)[name]
    return any(c.dep_ in ("compound", "amod", "nmod") and (c.lower_ in mods or _lemma(c) in mods) for c in n.children)


def code_sentence(sent: Span, mentions: list[Mention], published: dt.date | None,
                  patterns: PatternSet | None = None, kb=None, _retry: bool = True) -> list[Event]:
    """All events of one sentence, one per (source, target, type). With ``kb``, a state named only
    as a place in a prepositional target ("its embassy in Tehran") is resolved too. A headline-style
    sentence whose verb the tagger took for a noun ("ECOWAS lifts sanctions on Niger") and that gives
    no event is coded once more over a re-parse (see :func:`_headline_reparse`)."""
    patterns = patterns or load_patterns()
    events = _code_sentence(sent, mentions, published, patterns, kb)
    if not events and _retry:
        alt = _headline_reparse(sent, mentions, patterns)
        if alt is not None:
            events = code_sentence(alt, mentions, published, patterns, kb, _retry=False)
            sent.doc.user_data.setdefault(HISTORY_KEY, {})[sent.start] = events
    if _retry and settings().classifier:
        # an act the news follows from ("after a bombing in Kano") leaves the main clause to the
        # classifier as if the rules had coded nothing there; what it proposes of the same type is
        # that act again
        aside = [ev for ev in events if ev.detail.get("background")]
        main = [ev for ev in events if not ev.detail.get("background")]
        pending = sent.doc.user_data.get(UNARGUED_KEY, {}).get(sent.start)
        events = [ev for ev in _with_classifier(sent, mentions, published, kb, main)
                  if not any(a.type == ev.type for a in aside) or ev in main] + aside
        for step in SENTENCE_STEPS:
            events = step(sent, mentions, published, kb, events, pending, lambda: _sentence_probs(sent))
    # an act the sentence says did not come about, in a phrase of its own ("adjourned without
    # reaching a deal", "a lack of evidence to charge him"), is no news
    if _topic_title(sent):
        return []
    events = [_at_home(_own_people(_own_forces(ev))) for ev in events
              if ev.detail.get("status_why") != "unrealised" and not _private_act(ev)]
    return [_local_organ(_domestic_foe(_nearest_party(sent, mentions, ev))) for ev in events]


def _local_organ(ev: Event) -> Event:
    """Police or courts the text places nowhere ("authorities charge X", "the jury sentences him";
    sectors ``local_organ_sectors``) that arrest, charge or sentence someone of a known country are
    that country's (the implied doers' rule, for a doer named without a state)."""
    src, tgt = ev.source, ev.target
    if src is None or tgt is None or src.id or src.country or not tgt.country:
        return ev
    if src.sector not in settings().local_organ_sectors or ev.type not in settings().local_organ_types:
        return ev
    return ev.model_copy(update={"source": src.model_copy(update={"country": tgt.country}),
                                 "detail": {**ev.detail, "source_country": "local organ"}})


def _domestic_foe(ev: Event) -> Event:
    """Armed men a state's forces fight that the text places nowhere ("Burundi's army kills 31
    suspected rebels"; sectors ``domestic_foe_sectors``) are of that state: the real-text gold codes
    a state's fight with unplaced rebels as a fight at home."""
    src, tgt = ev.source, ev.target
    if src is None or tgt is None or ev.type != "ASSAULT" or tgt.id or tgt.country:
        return ev
    if tgt.sector not in settings().domestic_foe_sectors or not src.country or src.id not in (None, src.country) \
            or src.sector not in (None, *STATE_SECTORS):
        return ev
    return ev.model_copy(update={"target": tgt.model_copy(update={"country": src.country}),
                                 "detail": {**ev.detail, "target_country": "domestic foe"}})


def _nearest_party(sent: Span, mentions: list[Mention], ev: Event) -> Event:
    """An act between two parties (``nearest_target_types``) whose roles found no recipient is aimed
    at the actor the sentence names nearest its trigger, after it first ("calls for calm ahead of
    talks with Israeli leaders" → ISR), then before it ("Pyongyang threatens tests as Washington
    warns …"): never the source itself, nor a place where it happened."""
    if ev.target is not None or ev.source is None or ev.type not in settings().nearest_target_types:
        return ev
    from detente.places import trigger_index

    i = trigger_index(sent, ev.trigger)
    if i is None:
        return ev
    trig = sent.doc[i]
    ctx = Ctx(sent=sent, mentions=mentions, published=None, kb=None)
    ctx.tok2m = _index_mentions(sent, mentions)
    skip = {mi for mi, m in enumerate(mentions) if (m.start, m.end) == (ev.source.start, ev.source.end)}
    # nor an actor of a circumstance the act is set in ("hosts a summit after an Israeli strike"),
    # nor the topic of a noun in its phrase ("calls for the release of two journalists"), nor a
    # doer named beside the source ("Kenya and Uganda rejected the proposal")
    skip |= {mi for i, mi in ctx.tok2m.items()
             if _in_circumstance(sent.doc[i], trig) or _topic_of_noun(sent.doc[i], trig)
             or _among_subjects(sent.doc[i], trig)}
    for after in (True, False):
        arg = _nearest_mention(ctx, trig, after, skip)
        if arg is not None and _key(arg.ref) != _key(ev.source):
            return ev.model_copy(update={"target": arg.ref, "detail": {**ev.detail, "target_from": "nearest"}})
    return ev


def _in_circumstance(t: Token, trig: Token) -> bool:
    """Whether ``t`` is inside a phrase of a circumstance preposition (``circumstance_preps``:
    "after", "amid" …) that does not hold ``trig``."""
    held = {a.i for a in trig.ancestors} | {trig.i}
    for a in t.ancestors:
        if a.i in held:
            return False
        if a.dep_ == "prep" and a.lower_ in CIRCUMSTANCE_PREPS:
            return True
    return False


def _topic_title(sent: Span) -> bool:
    """A short verbless line naming a topic ("Battle of Mosul", "U.S. national anthem protests")."""
    n = settings().title_max_words
    toks = span_tokens(sent)
    words = [t for t in toks if t.is_alpha]
    return 0 < len(words) <= n and not any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in toks)


def _private_act(ev: Event) -> bool:
    """A diplomatic or cooperative act done by a private person (``official_only_types``); a company
    taken over by another company (``merger_modes``)."""
    src = ev.source
    if (ev.type == "COERCE" and ev.mode in _WORDS.get("merger_modes", ()) and ev.target is not None
            and ev.target.sector == "BUS" and src is not None and src.sector in ("BUS", "UNK") and src.id != src.country):
        return True
    if ev.type == "CONCEDE" and ev.rule in _word_set("private_yield_rules"):
        return False  # ("a Latvian man pleads guilty in a U.S. court")
    return (src is not None and src.id is None and src.sector == "CVL" and ev.type in _word_set("official_only_types")
            and src.text.lower() not in _pronouns())  # ("He met the foreign minister": who he is, unknown)


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    from detente.actors.coref import PERSON_PRONOUNS, PLURAL_PRONOUNS

    return PERSON_PRONOUNS | PLURAL_PRONOUNS


def _own_forces(ev: Event) -> Event:
    """A deployment told with no one deploying ("200 members of the National Guard will be
    deployed"): the forces deployed are the doer's own, so they are its source, not its target
    (types in ``own_forces_types``, forces of the sectors in ``own_forces_sectors``)."""
    cfg = settings()
    if ev.source is not None or ev.target is None or ev.type not in cfg.own_forces_types:
        return ev
    if ev.target.sector not in cfg.own_forces_sectors:
        return ev
    return ev.model_copy(update={"source": ev.target, "target": None,
                                 "detail": {**ev.detail, "source_from": "deployed forces"}})


def _at_home(ev: Event) -> Event:
    """A protest by people of a country that names no one it is aimed at ("teachers join the
    anti-government protests", "protests against living costs break out in Jilma") is aimed at
    their own state (types in ``home_target_types``), as the hand-written protest patterns' role
    ``home`` says; one told as for something ("rally to support the referendum": ``_rally_for``) is
    aimed at no one."""
    if ev.type in settings().home_target_types and ev.target is not None and _rally_for(ev.sentence):
        home = _home(ev.source)
        if home is not None and ev.target.id == home.id and not ev.target.sector:
            # (the home state the role gave a gathering for something is no one it is aimed at)
            return ev.model_copy(update={"target": None})
        return ev
    if ev.target is not None or ev.type not in settings().home_target_types or _rally_for(ev.sentence):
        return ev
    home = _home(ev.source)
    if home is None:
        return ev
    return ev.model_copy(update={"target": home, "detail": {**ev.detail, "target_implied": "home"}})


def _own_people(ev: Event) -> Event:
    """A restriction a state or one of its organs imposes with no one named ("Tunisia bans the
    niqab in public institutions", "extends the state of emergency", "the army imposed a curfew",
    "the supreme court bans corporate donations") is aimed at its own people: civilians of that
    state (types in ``own_people_types``, doers of the sectors in ``own_people_sectors``); so is the
    end of such a restriction (the rules in ``own_people_rules``: "declares the end of the state of
    emergency")."""
    src = ev.source
    if ev.target is not None or src is None or (ev.type not in settings().own_people_types
                                                 and ev.rule not in settings().own_people_rules):
        return ev
    if not src.country or (src.id not in (None, src.country)) or (src.sector is not None
                                                                  and src.sector not in settings().own_people_sectors):
        return ev
    people = ActorRef(id=None, country=src.country, sector="CVL", text="")
    return ev.model_copy(update={"target": people, "detail": {**ev.detail, "target_implied": "CVL"}})


def _with_classifier(sent: Span, mentions: list[Mention], published: dt.date | None, kb,
                     events: list[Event]) -> list[Event]:
    """The learned signal (``detente.events.classifier``): an event a generated lexicon pattern coded
    is vetoed when the sentence classifier is sure there is no event of that type; a sentence in
    which no pattern has a trigger gets the type the classifier proposes, its arguments from the
    parse (where a trigger was there and the rules said no, their constraints stand)."""
    from detente.events.classifier import propose, vetoes

    if events and not any(ev.rule.startswith("lexicon.") for ev in events) and not _more_to_confirm(sent, events):
        # only lexicon events are vetoed, a sentence the rules coded gets no proposal, and no
        # other matched type waits for confirmation
        sent.doc.user_data.get(UNARGUED_KEY, {}).pop(sent.start, None)
        return events
    probs = _sentence_probs(sent)
    cfg = settings()
    kept = [ev for ev in events if not (ev.rule.startswith("lexicon.") and vetoes(
        probs, ev.type, cfg.classifier_veto, cfg.classifier_veto_type))]
    unargued = _unargued(sent, mentions, published, kb)
    gated = not cfg.candidate_confirm
    if not kept:
        kept = _confirmed(unargued, probs, cfg.classifier_confirm if gated else None)
    if kept:
        extra = cfg.classifier_confirm_more if gated else None
        if extra is not None:
            # a second act the rules matched but could not argue ("police arrested X and prosecutors
            # are seeking charges"): kept when the classifier is surer still
            have = {ev.type for ev in kept}
            told = {(_key(ev.source), _key(ev.target), ev.type) for ev in kept}
            # (a match the first pass confirmed under another type, "could impose" told as a threat,
            # is not confirmed a second time under its pattern's type)
            kept += [ev for ev in _confirmed(unargued, {t: p for t, p in probs.items() if t not in have}, extra, more=True)
                     if (_key(ev.source), _key(ev.target), ev.type) not in told]
        if kept != events:
            sent.doc.user_data.setdefault(HISTORY_KEY, {})[sent.start] = kept
        return kept
    mode = settings().classifier_proposals
    if mode != "always" and _has_trigger(sent, load_patterns(), hand_written_only=mode == "hand_written"):
        return kept  # the rules had a trigger here and said no: their constraints stand
    out = []
    for etype, p in propose(probs, threshold=settings().classifier_propose)[:1]:
        if p < _propose_bar(sent) or (p < settings().classifier_declined_min and _declined(sent, etype)):
            continue  # a weak guess of the type: no event from the main clause
        if _declined_main(sent, etype):
            continue  # the main clause's own verb is a pattern of the type that said no
        if _retold(sent, etype):
            continue  # "The attack continues": the act an earlier sentence told, named again
        # a pattern of the proposed type that matched gives the trigger and its arguments; else the
        # main clause does
        ev = next(iter(_confirmed(unargued, {etype: p}, 0.0)), None)
        if ev is not None and ev.source is None and p < (settings().classifier_confirm or 0.0):
            continue  # (below the confirmation bar a matched pattern's event needs a doer, as above)
        if ev is None and not _explained(unargued, etype, sent) and etype not in cfg.classifier_matched_only_types:
            ev = _proposed(sent, mentions, published, kb, etype, p)
        if ev is not None:
            out.append(ev)
    if out or len(kept) != len(events):
        sent.doc.user_data.setdefault(HISTORY_KEY, {})[sent.start] = out
    return out


def _sentence_probs(sent: Span) -> dict[str, float]:
    """The sentence classifier's probabilities for ``sent``, computed once per sentence."""
    from detente.events.classifier import get_classifier

    kept = sent.doc.user_data.setdefault(PROBS_KEY, {})
    if sent.start not in kept:
        clf = get_classifier()
        kept[sent.start] = clf.predict(sent, classifier_extra(sent, clf.triggers, clf.matched))
    return kept[sent.start]


def trigger_features(sent: Span) -> list[str]:
    """The PLOVER types the event patterns' trigger words in the sentence stand for — what the rule
    coder would consider, whether or not it found arguments — as features of a sentence classifier
    trained with them (``scripts/train_classifier.py --triggers``): ``t:TYPE`` for any trigger (a
    verb form or an event noun), ``th:TYPE`` for a hand-written pattern's verb, ``tr:TYPE`` for the
    root's. Read from the pattern files: such a model is retrained when they change."""
    patterns = load_patterns()
    out: dict[str, None] = {}
    for t in span_tokens(sent):
        if _verbal(t):
            form, cands = _verb_patterns(patterns, t)
            hand = patterns.hand_written_verb(form)
        elif t.pos_ == "NOUN":
            cands, hand = patterns.for_noun(_lemma(t)), False
        else:
            continue
        for pt in cands:
            out.setdefault("t:" + pt.type)
            if hand:
                out.setdefault("th:" + pt.type)
            if t.dep_ == "ROOT":
                out.setdefault("tr:" + pt.type)
    return list(out)


def matched_features(sent: Span) -> list[str]:
    """The PLOVER types of the event patterns that *match* in the sentence — a verb pattern whose
    object, preposition and nearby-word constraints are met, a noun pattern whose preposition is —
    whether or not the rules then found its arguments, as features of a sentence classifier trained
    with them (``scripts/train_classifier.py --matched``): ``m:TYPE`` for any match, ``mh:TYPE`` for
    a hand-written pattern's, ``mr:TYPE`` for the root's; ``m:0`` when nothing matched. Unlike
    :func:`trigger_features` a trigger word whose constraints the patterns declined ("executed a
    plan") says nothing. Read from the pattern files at run time: such a model is retrained when
    they change."""
    patterns = load_patterns()
    kept = {} if _reparsed(sent.doc) else sent.doc.user_data.get(MATCHES_KEY, {})
    out: dict[str, None] = {}
    for t in span_tokens(sent):
        if _verbal(t):
            cands, view = _verb_patterns(patterns, t)[1], None
        elif t.pos_ in ("NOUN", "PROPN"):
            cands = patterns.for_noun(_lemma(t))
        else:
            continue
        root = t.dep_ == "ROOT"
        for p in cands:
            names = ["m:" + p.type] + ([] if p.id.startswith("lexicon.") else ["mh:" + p.type]) + (
                ["mr:" + p.type] if root else [])
            if all(n in out for n in names):
                continue  # (nothing new to learn from this pattern: the costly match is skipped)
            if t.pos_ in ("NOUN", "PROPN") and not _verbal(t):
                m = _noun_match(p, t)
            elif (m := kept.get((t.i, id(p)), _UNTRIED)) is _UNTRIED:
                view = view or _view(t)
                m = _verb_matches(p, t, view)
            if m is not None and not _no_act(m):  # (sport, votes and accidents refused as the rules do)
                out.update(dict.fromkeys(names))
    return list(out) or ["m:0"]


_UNTRIED = object()


def classifier_extra(sent: Span, triggers: bool, matched: bool) -> list[str]:
    """The rule-derived features a classifier model was trained with (its metadata says which)."""
    return (trigger_features(sent) if triggers else []) + (matched_features(sent) if matched else [])


def _propose_bar(sent: Span) -> float:
    """How probable a proposed type must be: the lead sentences of a text take the lower bar (the
    classifier learnt from headlines and news summaries), an article's body the higher one."""
    cfg = settings()
    if cfg.classifier_propose_min_body is None:
        return cfg.classifier_propose_min
    # the sentences ending at or before this one's start: its number in the text
    lead = bisect_right(sentences(sent.doc).ends, sent.start) < cfg.classifier_lead_sentences
    return cfg.classifier_propose_min if lead else cfg.classifier_propose_min_body


def _more_to_confirm(sent: Span, events: list[Event]) -> bool:
    """Whether a pattern of a type the rules did not code matched here without arguments (a second
    act ``classifier_confirm_more`` may keep)."""
    got = sent.doc.user_data.get(UNARGUED_KEY, {}).get(sent.start)
    if settings().classifier_confirm_more is None or not got:
        return False
    have = {ev.type for ev in events}
    return any(m.pattern.type not in have for m in got[1])


def _unargued(sent: Span, mentions: list[Mention], published: dt.date | None,
              kb) -> tuple[Ctx, list[Match]] | None:
    """The matches of a sentence whose arguments the rules did not find, with a fresh context."""
    got = sent.doc.user_data.get(UNARGUED_KEY, {}).pop(sent.start, None)
    if not got or not got[1]:
        return None
    coded_sent, matches = got
    ctx = Ctx(sent=coded_sent, mentions=mentions, published=published, kb=kb)
    ctx.tok2m = _index_mentions(coded_sent, mentions)
    return ctx, matches


def _explained(unargued: tuple[Ctx, list[Match]] | None, etype: str, sent: Span) -> bool:
    """Whether a pattern of ``etype`` matched a word other than the main verb and found no actors:
    that word is what the classifier saw ("suspended flights after attacks on its airports"), so
    the main clause's parties are not the attack's or the protest's (one-party types only: the
    parties of "after a year of negotiations, X joined Y" are the talks')."""
    return unargued is not None and etype in settings().actorless_types and any(
        m.pattern.type == etype and m.trigger.i != sent.root.i for m in unargued[1])


def _bar(m: Match, threshold: float, more: bool) -> float:
    """The classifier probability a match needs to be confirmed: a hand-written pattern's
    (``classifier_confirm_hand_written``, ``…_more_hand_written``) or ``threshold``."""
    if m.pattern.id.startswith("lexicon.") or m.pattern.id.startswith("classifier."):
        return threshold
    cfg = settings()
    own = cfg.classifier_confirm_more_hand_written if more else cfg.classifier_confirm_hand_written
    if more and m.pattern.type in cfg.material_confirm_types and cfg.classifier_confirm_more_material is not None:
        own = cfg.classifier_confirm_more_material
    return threshold if own is None else min(threshold, own)


def _confirmed(unargued: tuple[Ctx, list[Match]] | None, probs: dict[str, float],
               threshold: float | None, more: bool = False) -> list[Event]:
    """Where the rules coded nothing but a pattern matched and only its arguments were missing:
    when the classifier gives the pattern's type at least ``threshold``, the pattern's event with
    relaxed arguments (:func:`_relaxed_event`), its confidence scaled by the classifier's
    probability. The most probable type wins; one event."""
    if threshold is None or unargued is None:
        return []
    ctx, matches = unargued
    cands = [m for m in matches if m.pattern.type in probs and probs[m.pattern.type] >= _bar(m, threshold, more)]
    # the most probable type first; within it the patterns in the order the rules tried them
    cands.sort(key=lambda m: -probs[m.pattern.type])
    no_doer = max(threshold, settings().classifier_confirm_no_doer or 0.0)
    for m in cands:
        ev = _relaxed_event(ctx, m, probs[m.pattern.type])
        if ev is not None and ev.source is None and probs[m.pattern.type] < no_doer:
            continue  # below the common bar a hand-written match needs a doer ("a fire kills fifteen")
        if ev is not None:
            return [ev]
    return []


def _nearest_mention(ctx: Ctx, tok: Token, after: bool, skip: set[int | None]) -> Arg | None:
    """The actor mention nearest ``tok`` on one side, within its clause's sentence."""
    idx = range(tok.i + 1, ctx.sent.end) if after else range(tok.i - 1, ctx.sent.start - 1, -1)
    skip = set(skip)
    for i in idx:
        mi = ctx.tok2m.get(i)
        t = ctx.sent.doc[i]
        if mi is not None and (_place_tail(t) or (t.dep_ == "pobj" and t.head.lower_ in VENUE_PREPS)):
            skip.add(mi)  # where it happened ("at a college in Roseburg, Oregon", "in Nigeria"), not who
        if mi is not None and mi not in skip:
            arg = _arg(ctx, mi, "near", t)
            if arg is not None:
                return arg
    return None


def _in_place_phrase(t: Token, v: Token) -> bool:
    """Whether ``t`` is the venue of ``v``: under a place preposition ("in", "at", "near" …) on ``v``
    or on a phrase of its objects and prepositions ("attend a summit in Canada", "meet at a summit
    in Brussels, Belgium")."""
    cur, venue = t, False
    while cur.i != v.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in VENUE_PREPS:
            venue = True
        elif cur.dep_ not in ("pobj", "prep", "dobj", "nsubjpass", "compound", "appos", "conj"):
            return False  # through a verb or a clause ("a group based in Russia"): not the venue
        cur = cur.head
    return venue and cur.i == v.i


def _in_clause_below(t: Token, v: Token) -> bool:
    """Whether ``t`` is inside a clause below ``v`` in its phrase (a relative or adverbial clause, a
    participle) whose verb is an event's trigger ("denied a role in the shooting that killed X"):
    the party of that event, not of ``v``'s."""
    cur = t.head
    while cur.i != v.i and cur.head.i != cur.i:
        if cur.dep_ in CLAUSE_DEPS and _verbal(cur) and _verb_patterns(load_patterns(), cur)[1]:
            return True
        cur = cur.head
    return False


def _article_countries(ctx: Ctx) -> tuple[str, ...]:
    """The countries of the article's actor mentions, in order (what a place name is read against)."""
    return tuple(dict.fromkeys(m.country for m in ctx.mentions if m.country))


def _place_victims(ctx: Ctx, v: Token, own_clause: bool = False) -> Arg | None:
    """The people of the place an act is told to happen in ("a mass shooting in Tel Aviv",
    "an explosive device is detonated in Cúcuta", "protests break out in Jilma"): civilians of that
    place's country (PLOVER codes the victims of an attack, or protesters, no actor names so). With
    ``own_clause``, not a place told of another act, in a clause a preposition hangs on the verb
    ("arrested after throwing stones near Ramallah": where the stones were thrown)."""
    from detente.places import PLACE_NOUNS, apposed_country, country_of_place, said_country

    # a verb's prepositional phrases; an event noun's own phrase, and the phrases of the verb it is
    # the subject of ("protests break out in Jilma")
    verb = v if _verbal(v) else (v.head if v.dep_ in ("nsubj", "nsubjpass") and _verbal(v.head) else None)
    # (and the phrases of a verb's direct objects: "claimed responsibility for the bombing of a
    # hotel in Mogadishu")
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")] if verb is not None else []

    def in_clause(t: Token, prep: Token) -> bool:
        """Whether ``t`` stands in a clause (a verb) inside the phrase of ``prep``."""
        while t.i != prep.i and t.head.i != t.i:
            if t.pos_ in ("VERB", "AUX"):
                return True
            t = t.head
        return False

    scope = [*(v.subtree if not _verbal(v) else ()),
             *(t for h in heads for c in h.children if c.dep_ == "prep" for t in c.subtree
               if not (own_clause and in_clause(t, c)))]
    def named_noun(t: Token) -> bool:
        """A place noun a name modifies ("in Helmand province"): tried after the names themselves."""
        return t.pos_ == "NOUN" and t.lemma_.lower() in PLACE_NOUNS and t.i > t.sent.start \
            and t.doc[t.i - 1].pos_ == "PROPN" and t.doc[t.i - 1].dep_ == "compound" and t.doc[t.i - 1].head.i == t.i

    for t in sorted(scope, key=named_noun):
        if (t.pos_ != "PROPN" and not named_noun(t)) or t.dep_ not in ("pobj", "appos") or t.ent_type_ in ("DATE", "TIME") or (
                t.i + 1 < len(t.doc) and t.doc[t.i + 1].dep_ == "compound" and t.doc[t.i + 1].head.i == t.i):
            continue
        left = t.i
        while left > t.sent.start and t.doc[left - 1].dep_ == "compound" and t.doc[left - 1].head.i == t.i \
                and t.doc[left - 1].pos_ == "PROPN":  # ("the provincial capital Ramadi": Ramadi)
            left -= 1
        owner = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "of" else None
        if owner is not None and owner.pos_ == "PROPN":
            # "the Gulf of Aden", "the Republic of the Congo": the whole name is the place or none is
            left = owner.left_edge.i if owner.left_edge.lower_ != "the" else owner.left_edge.i + 1
        mi = ctx.tok2m.get(t.i)
        if mi is not None and (ctx.mentions[mi].id and ctx.mentions[mi].id != ctx.mentions[mi].country
                               or ctx.mentions[mi].kind == "person"):
            # an actor's name ("attacks by the Taliban") or a person's ("the murder of journalist
            # Kim Wall") is no place, whatever a gazetteer says
            continue
        span = t.doc[left:t.i + 1]
        # a name the actors stage placed (with no id of its own) keeps the country it was given there;
        # else the countries the sentence's actors belong to, then the article's, decide an ambiguous
        # name ("Cancún, Mexico")
        placed = ctx.mentions[mi].country if mi is not None and not ctx.mentions[mi].id else None
        named = tuple(sorted({c for k in set(ctx.tok2m.values()) if (c := ctx.mentions[k].country)}))
        rest = tuple(c for c in _article_countries(ctx) if c not in named)
        country = placed or said_country(span, ctx.mentions) or apposed_country(span) \
            or country_of_place(span.text, named + rest)
        if country:
            ref = ActorRef(id=None, country=country, sector="CVL", text=span.text,
                           start=span.start_char, end=span.end_char)
            return Arg(ref=ref, role="place_victims", certainty=0.6, token=t)
    return None


def _topic_of_noun(tok: Token, trigger: Token) -> bool:
    """Whether ``tok`` is the topic of a noun inside the trigger's phrase, after a topic preposition
    (``topic_preps``: "responsible for the safety of the pilgrims", "an appeal for information on
    more suspects"): what the act is about, not whom it is aimed at."""
    while tok.dep_ in ("nummod", "amod", "compound", "det", "quantmod") and tok.head.i != tok.i:
        tok = tok.head  # ("five more suspects": the phrase's head noun)
    prep = tok.head
    return (prep.dep_ == "prep" and prep.lower_ in TOPIC_PREPS and prep.head.i != trigger.i
            and prep.head.pos_ == "NOUN")


def _one_party_enough(p: float) -> bool:
    """Whether the classifier is sure enough of a two-party act that the party the parse found
    stands alone (``classifier_one_party``; the other stays unknown rather than guessed). Never a
    verbal act (``spoken_types``): praise or a demand aimed at no one named is no event."""
    bar = settings().classifier_one_party
    return bar is not None and p >= bar


def _relaxed_event(ctx: Ctx, m: Match, p: float) -> Event | None:
    """A matched pattern's event whose arguments its roles did not find: the source is the
    pattern's source, else the main clause's subject, else the actor nearest before the trigger;
    the target is the pattern's target, else an actor inside the trigger's phrase. Types PLOVER
    codes with one party (``actorless_types``) need one of them, the others both."""
    cfg = settings()
    v = m.trigger
    if _verbal(v) and v.dep_ in ("pcomp", "csubj", "amod", "npadvmod"):
        return None  # a gerund under a preposition ("bar Iran from testing missiles", "jailed for
        # aiding …"), a clause as subject or a modifier: not the news itself
    if _verbal(v) and _instrument(_subject(v)):
        return None  # a document does not act ("Security Council resolutions bar Iran …")
    if v.dep_ in ("xcomp", "ccomp") and (_asks(v.head) or _asked_clause(v)):
        return None  # what is asked for has not happened ("demands that the officers be arrested")
    nobody = Arg(ref=ActorRef(id=None, text=""), role="none", certainty=cfg.sourceless_certainty)
    source = _source(ctx, m) or _fallback_source(ctx, m)
    if source is None and _verbal(v) and not _is_passive(v):
        root = ctx.sent.root
        own = _subject(v)
        subjects = [t for t in (own, _subject(root) if _verbal(root) else None) if t is not None]
        if own is not None and own.lower_ in REL_PRONOUNS and own.dep_ == "nsubj" and (
                _circumstance(own) or not _means(own)):
            # "suspends permits following a shooting that killed four", "rejects appeals over a riot
            # that killed 42": the clause's doer is the noun it describes (its doer, if it names
            # one), not the main clause's subject (who did "respond with an offensive that killed …")
            subjects = [own]
        for subj in subjects:
            source = _core(ctx, subj, "subj") if not _instrument(subj) else None
            if source is not None:
                break
        if source is None and not subjects:
            # (a subject the rules refused — a document, "resolutions bar Iran" — stays refused)
            source = _nearest_mention(ctx, v, after=False, skip=set())
    elif source is None and not _verbal(v) and v.dep_ == "dobj" and _verbal(v.head):
        # "teachers join the protests": the doer of the verb whose object the event noun is; an
        # event noun in an adverbial ("after the attacks in Jakarta") names no doer of its own
        subj = _subject(v.head)
        source = _core(ctx, subj, "subj") if subj is not None and not _instrument(subj) else None
    if source is not None:
        source.certainty *= 0.8
    target = _target(ctx, m, source or nobody) or _fallback_target(ctx, m, source or nobody)
    if target is None:
        skip = {source.mention} if source is not None else set()
        target = _tree(ctx, m.trigger, "near", skip, source.ref.id if source is not None else None)
        if target is not None and (target.token is None or target.token.i < m.trigger.i
                                   or (source is not None and not _valid(source, target))
                                   or _in_place_phrase(target.token, v) or _in_clause_below(target.token, v)):
            target = None  # ("attend a summit in Canada": a venue, not a party; "denied a role in
            # the shooting that killed X": the party of the clause, not of the denial)
        if target is not None:
            target.certainty *= 0.8
    if target is not None and target.token is not None and (
            target.token.dep_ in ("oprd", "attr", "acomp") or _topic_of_noun(target.token, v)):
        target = None
    if target is None and _verbal(v) and any(o.dep_ == "dobj" and ctx.tok2m.get(o.i) is not None for o in _objects(v)):
        return None  # the rules refused the actor the verb is aimed at ("Russia attacked Russia")
    if target is None and m.pattern.type in cfg.place_victim_types:
        target = _place_victims(ctx, v)
    if source is not None and target is not None and not _valid(source, target):
        return None
    if source is None:
        source = _unnamed_attacker(ctx, m, target)
    if source is None and m.pattern.type in cfg.place_protester_types:
        # "Protests break out in Jilma, Tunisia": the people of the place protest
        source = _place_victims(ctx, v)
    learned = None
    if m.pattern.type not in cfg.actorless_types and (source is None) != (target is None):
        # the one party the parse did not give, from the learned argument model
        learned = "source" if source is None else "target"
        if source is None:
            source = _learned(ctx, m, "source", target)
        else:
            target = _learned(ctx, m, "target", source)
        if source is not None and target is not None and not _valid(source, target):
            return None
        if (source if learned == "source" else target) is None:
            learned = None
    if m.pattern.type not in cfg.actorless_types and (source is None or target is None) and not (
            _one_party_enough(p) and m.pattern.type not in cfg.spoken_types and (source or target) is not None):
        return None
    if source is None and target is None and (
            _verbal(v) or m.pattern.type not in cfg.partyless_types
            or any(e.type == m.pattern.type for e in _history(ctx))):
        return None  # (an attack or a protest named by a noun is an event even when no one is
        # named, unless an earlier sentence told of one: "the attack" again)
    ev = _build(ctx, m, source or nobody, target)
    if source is None:
        ev = _implied_source(ev, ctx=ctx)
    return ev.model_copy(update={
        "confidence": round(ev.confidence * p, 3),
        "detail": {**ev.detail, "classifier_p": round(p, 3), "arguments": "relaxed",
                   **({f"{learned}_from": "argument model"} if learned else {})}})


def _fallback_source(ctx: Ctx, m: Match) -> Arg | None:
    """The first actor a relaxed source role (``relaxed_source_roles``) the pattern lacks finds."""
    for spec in settings().relaxed_source_roles:
        if spec not in m.pattern.source_roles:
            fn, word = roles.resolve("source", spec)
            if (arg := fn(ctx, m, word)) is not None:
                return arg
    return None


def _fallback_target(ctx: Ctx, m: Match, source: Arg) -> Arg | None:
    """The first actor a relaxed target role (``relaxed_target_roles``) the pattern lacks finds,
    never the source's."""
    objs = _objects(m.trigger) if _verbal(m.trigger) else []
    want = Want(ctx, m, source, objs, {source.mention} if source.mention is not None else set())
    for spec in settings().relaxed_target_roles:
        if spec not in m.pattern.target_roles:
            fn, word = roles.resolve("target", spec)
            if (arg := fn(want, word)) is not None:
                return arg
    return None


def _means(pron: Token) -> bool:
    """Whether the noun a relative pronoun stands for is what the main clause's subject did or did it
    with ("launched an offensive that killed 40", "responded with strikes that killed 40"), so its
    doer is that subject; not a noun told in another phrase ("rejects appeals over a riot that
    killed 42")."""
    noun = _relcl_head(pron)
    return noun is not None and (noun.dep_ == "dobj" or (
        noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in MEANS_PREPS
        and _verbal(noun.head.head)))


def _circumstance(pron: Token) -> bool:
    """Whether the noun a relative pronoun stands for is told as a circumstance of the main clause
    ("after/following/despite a shooting that …"), not as its means or object."""
    noun = _relcl_head(pron)
    # ("following" may be parsed as a verb whose object the noun is)
    return (noun is not None and noun.dep_ in ("pobj", "dobj") and noun.head.dep_ == "prep"
            and (noun.head.lower_ in CIRCUMSTANCE_PREPS or _lemma(noun.head) in CIRCUMSTANCE_PREPS))


def _retold(sent: Span, etype: str) -> bool:
    """Whether an earlier sentence coded an event of ``etype`` and this one names such an act with a
    definite determiner ("Gunmen attacked a post. The attack continues."): the same act again."""
    hist = sent.doc.user_data.get(HISTORY_KEY, {})
    if not any(e.type == etype for start, evs in hist.items() if start < sent.start for e in evs):
        return False
    patterns = load_patterns()
    return any(t.pos_ == "NOUN" and any(pt.type == etype for pt in patterns.for_noun(_lemma(t)))
               and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in t.children) for t in sent)


def _declined(sent: Span, etype: str) -> bool:
    """Whether a hand-written pattern of ``etype`` triggers on a verb of the sentence and found no
    event there ("the army executed a plan"), and no event noun of that type stands in it
    ("demonstrations are held in Leipzig"): the rules said no, and a weak guess of the classifier
    does not overrule them."""
    patterns = load_patterns()
    verb = any(_verbal(t) and any(pt.type == etype and not pt.id.startswith("lexicon.")
                                  for f in _verb_forms(t) for pt in patterns.for_verb(f)) for t in sent)
    return verb and not any(t.pos_ in ("NOUN", "PROPN") and any(pt.type == etype for pt in patterns.for_noun(_lemma(t)))
                            for t in sent)


def _main_verb(sent: Span) -> Token:
    """The verb a proposal takes its parties from: the sentence's root, or its first verb."""
    root = sent.root
    return root if _verbal(root) else next((t for t in sent if t.pos_ == "VERB"), root)


def _declined_main(sent: Span, etype: str) -> bool:
    """Whether the main clause's own verb triggers a hand-written pattern of ``etype`` that refused it
    by one of its exclusions: an object it names as no event ("the navy executed a plan": an execution
    needs no plan), a complement it rules out, or a marked clause it read and found no act of the
    speaker's in ("said Kenya would lose its rating if Uganda raises tariffs" is a forecast) — with no
    event noun of the type in the sentence. A proposal is that clause read again, so an explicit no
    stands however sure the classifier is (a pattern whose positive constraints merely failed leaves
    the classifier its say: "rejects a parole")."""
    v = _main_verb(sent)
    if not _verbal(v):
        return False
    patterns = load_patterns()
    view = None
    refused = False
    for f in _verb_forms(v):
        for pt in patterns.for_verb(f):
            if pt.type != etype or pt.id.startswith("lexicon."):
                continue
            view = view or _view(v)
            if ((pt.exclude_objects and any(_obj_match(w, view, k) for k in range(len(view.objs)) for w in pt.exclude_objects))
                    or (pt.exclude_complements and any(w in view.text for w in pt.exclude_complements))
                    or (pt.clause_marks and next(_marked_clauses(v, pt.clause_marks), None) is not None)):
                refused = True
                break
        if refused:
            break
    return refused and not any(t.pos_ in ("NOUN", "PROPN") and any(pt.type == etype for pt in patterns.for_noun(_lemma(t)))
                               for t in sent)


def _has_trigger(sent: Span, patterns: PatternSet, hand_written_only: bool = False) -> bool:
    """Whether some pattern triggers on a word of the sentence (a verb form or an event noun);
    ``hand_written_only``: a verb of the hand-written patterns (whose constraints say no on purpose)."""
    for t in sent:
        if hand_written_only:
            if _verbal(t) and any(patterns.hand_written_verb(f) for f in _verb_forms(t)):
                return True
            continue
        if _verbal(t) and _verb_patterns(patterns, t)[1]:
            return True
        if t.pos_ == "NOUN" and patterns.for_noun(_lemma(t)):
            return True
    return False


@lru_cache(maxsize=None)
def _proposal_pattern(etype: str) -> Pattern:
    """The pattern a proposed event of ``etype`` is coded with (built once per type, as a copy of
    the first type's with its own id, type and CAMEO code: pydantic's ``model_construct`` inspects
    every default factory on each call, ~1 ms)."""
    update = {"id": f"classifier.{etype.lower()}", "type": etype, "cameo": settings().classifier_cameo[etype]}
    return _proposal_base().model_copy(update=update)


@lru_cache(maxsize=1)
def _proposal_base() -> Pattern:
    """What the patterns of proposed events share (``_proposal_pattern``)."""
    return Pattern.model_construct(
        id="classifier", verbs=[], nouns=[], type="", cameo="", context=[], source=["subj", "agent"],
        target=["obj_core", "dative", "prep:with", "prep:against", "prep:on", "prep:to", "prep:at", "victim"])


def _proposed(sent: Span, mentions: list[Mention], published: dt.date | None, kb, etype: str,
              p: float) -> Event | None:
    """An event of a proposed type: the source is the main clause's subject (or passive agent),
    the target its object or prepositional object; types that PLOVER codes with one party
    (``settings().actorless_types``) need one of them, the others need both."""
    cfg = settings()
    ctx = Ctx(sent=sent, mentions=mentions, published=published, kb=kb)
    ctx.tok2m = _index_mentions(sent, mentions)
    root = sent.root
    if not _verbal(root):
        root = next((t for t in sent if t.pos_ == "VERB"), root)
    if root.is_space or root.is_punct:
        return None
    pattern = _proposal_pattern(etype).model_copy(update={"confidence": round(p * cfg.classifier_confidence, 3)})
    m = Match(pattern, root, next(iter(_objects(root)), None) if _verbal(root) else None, [])
    subj = _subject(root) if _verbal(root) else None
    if subj is not None and _instrument(subj):
        return None  # a document does not act ("Security Council resolutions bar Iran …")
    if etype not in cfg.spoken_types and root.lemma_.lower() in _REPORTING:
        return None  # the speakers of "officials said schools closed" did not do the material act
    if _lemma(root) in _no_event_verbs():
        return None  # "a court acquits X for ordering the murder": the clause's act is no event
    if _no_act(m):
        return None  # sport, votes, accidents, as the rules refuse them ("a blast at a fireworks plant kills …")
    source = _source(ctx, m)
    nobody = Arg(ref=ActorRef(id=None, text=""), role="none", certainty=cfg.sourceless_certainty)
    target = _target(ctx, m, source or nobody)
    if target is not None and target.token is not None and target.token.dep_ in ("oprd", "attr", "acomp"):
        target = None  # what someone is called is not whom the act is aimed at ("labelled him a terrorist")
    if (source is not None and target is not None and not _valid(source, target)) or (
            target is None and m.obj is not None and ctx.tok2m.get(m.obj.i) is not None):
        return None  # "Russia attacked Russia": the parse's parties are one actor (or refused)
    if (etype not in cfg.actorless_types and (source is None or target is None)) or (source is None and target is None):
        # a verbal act or a cooperation needs both its parties ("Syria condemned the attack"), any
        # proposal an actor the parse can name ("The weather was mild"); where the main clause's
        # subject and object do not give them, the parties a matched pattern would get when its
        # own roles fail (:func:`_relaxed_event`: an actor before the verb, one inside its phrase)
        if cfg.classifier_propose_relaxed is None or p < cfg.classifier_propose_relaxed or not _verbal(root):
            return None
        # (its confidence: the type's probability times classifier_confidence, as for any proposal)
        base = pattern.model_copy(update={"confidence": cfg.classifier_confidence})
        return _relaxed_event(ctx, Match(base, m.trigger, m.obj, []), p)
    ev = _build(ctx, m, source or nobody, target)
    return ev.model_copy(update={"source": source.ref if source is not None else None,
                                 "detail": {**ev.detail, "classifier_p": round(p, 3)}})


_REPORTING = frozenset(words("quotes")["reporting"])

HEADLINE_SUBJECT_POS = {"PROPN", "NOUN", "ADJ", "DET", "PUNCT", "NUM"}


def _base_form(word: str) -> str | None:
    """"lifts" → "lift", "reaches" → "reach", "fires" → "fire"; None for a word not ending in -s."""
    if not word.isalpha() or not word.islower() or len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zes", "sses")):
        return word[:-2]
    return word[:-1]


def _title_case(toks: list[Token]) -> bool:
    """A headline in Title Case: every longer word capitalised ("Rebels Fire Missiles at Ship")."""
    long = [t for t in toks if t.is_alpha and len(t) > 3]
    return len(long) >= 3 and all(t.text[0].isupper() for t in long)


def _may_trigger(t: Token, patterns: PatternSet) -> bool:
    """Whether ``t`` could be the verb of a re-parsed headline: some pattern triggers on a base
    form of it (as ``_headline_reparse`` reads it, title-case or not) or on the word itself."""
    return _word_may_trigger(patterns, t.text, t.lower_)


@lru_cache(maxsize=1 << 14)
def _word_may_trigger(patterns: PatternSet, text: str, lower: str) -> bool:
    """``_may_trigger`` of a word, memoised (a headline's first words recur across articles)."""
    for base in (_base_form(text.lower()) or lower, _base_form(text), text):
        if base is not None and patterns.for_verb(base):
            return True
    return False


# the longest actor name a headline's re-parse takes as its subject (words)
HEADLINE_ACTOR_WORDS = 12


def _reparse(nlp, words: list[str], spaces: list[bool]) -> Doc:
    """The words parsed anew, without the pipes whose output a re-parse never reads (its entities:
    the sentence keeps its own; ``_REPARSE_SKIP``)."""
    variant = Doc(nlp.vocab, words=words, spaces=spaces)
    for name, proc in nlp.pipeline:
        if name not in _REPARSE_SKIP:
            variant = proc(variant)
    return variant


def _headline_reparse(sent: Span, mentions: list[Mention], patterns: PatternSet) -> Span | None:
    """The sentence re-parsed as "They <verb> …": the leading subject phrase is replaced by "They"
    and the verb ("lifts", "test-fires") by a form the tagger reads as a verb. The parse of the variant
    is copied back onto the original words (a copy of the whole document, same text, same offsets),
    the subject phrase hanging on its last word, which takes the role "They" had. Only for a verb
    that some pattern triggers on, so the cost stays with the few sentences that need it."""
    toks = span_tokens(sent)
    if not any(_may_trigger(t, patterns) for t in toks[1:HEADLINE_ACTOR_WORDS + 3]):
        return None  # no word where the verb can stand (after the subject words and "x-") triggers
    # the subject phrase: capitalised / nominal words from the start of the sentence
    k = 0
    near = [mentions[mi] for mi in _near(sent, mentions)]
    covered = {t.i for t in toks for m in near if t.idx < m.end and m.start < t.idx + len(t)}
    while k < len(toks) and k < 6 and (toks[k].i in covered or (
            not toks[k].is_lower and toks[k].pos_ in HEADLINE_SUBJECT_POS)):
        k += 1  # an actor's words, lower-case ones too ("An Egyptian court sentences …")
    if k == 6 and all(t.i in covered for t in toks[1:k]):
        # one long actor name ("The Islamic State of Iraq and the Levant bans …"): all its words
        while k < len(toks) and k < HEADLINE_ACTOR_WORDS and toks[k].i in covered:
            k += 1
    titled = _title_case(toks)
    if titled:
        # "Houthi Rebels Fire Missiles at US Destroyer": the subject is the leading actor name only
        k = 0
        while k < len(toks) and k < 6 and toks[k].i in covered:
            k += 1
    if k == 0 or k >= len(toks) - 1:
        return None
    subj_end = k  # exclusive
    prefix: list[int] = []  # "test" "-" of "test-fires"
    j = k
    if j + 2 < len(toks) and toks[j].is_alpha and toks[j].is_lower and toks[j + 1].text == "-":
        prefix = [j, j + 1]
        j += 2
    verb = toks[j]
    base = _base_form(verb.text.lower()) or verb.lower_ if titled else _base_form(verb.text)
    if base is None and toks[subj_end - 1].tag_ in ("NNS", "NNPS") and verb.is_lower and verb.is_alpha:
        base = verb.text  # a plural subject takes the bare verb ("Thousands rally in …", "Protests erupt …")
    # a verb the parser hung as a modifier ("An Egyptian court sentences journalists …": a compound)
    misparsed_verb = verb.pos_ == "VERB" and verb.dep_ in ("compound", "amod", "nmod", "npadvmod")
    if base is None or (verb.pos_ == "VERB" and not misparsed_verb) \
            or not (patterns.for_verb(base) or patterns.for_verb(verb.text)):
        return None
    if not any(t.i in covered for t in toks[:subj_end]) and not toks[0].is_title:
        return None
    rest = toks[j:]
    words = ["They", verb.text] + [t.text for t in rest[1:]]
    if titled:  # lower-case the words of a title-case headline that name no actor
        words = ["They"] + [t.text if t.i in covered else t.text.lower() for t in rest]
    spaces = [True] + [bool(t.whitespace_) for t in rest]
    nlp = _reparser()
    variant = _reparse(nlp, words, spaces)
    if len(variant) == len(words) and variant[1].pos_ != "VERB" and base != words[1]:
        # "They demands that …" still read as a noun: the plain form agrees with "They"
        variant = _reparse(nlp, [words[0], base, *words[2:]], spaces)
    if len(variant) != len(words) or variant[1].pos_ != "VERB":
        return None
    doc = sent.doc
    subj_head = toks[subj_end - 1].i
    to_orig = [subj_head] + [t.i for t in rest]
    # only the sentence's words change: their attributes here, the rest of the doc copied as arrays
    # below (rebuilding every token of the document for each headline made long articles quadratic)
    heads = {t.i: t.head.i for t in toks}
    deps = {t.i: t.dep_ for t in toks}
    pos = {t.i: t.pos_ for t in toks}
    tags = {t.i: t.tag_ for t in toks}
    lemmas = {t.i: t.lemma_ for t in toks}
    for vi, vt in enumerate(variant):
        oi = to_orig[vi]
        heads[oi] = to_orig[vt.head.i]
        deps[oi] = vt.dep_
        if vi > 0:
            pos[oi], tags[oi], lemmas[oi] = vt.pos_, vt.tag_, vt.lemma_
    for t in toks[: subj_end - 1]:
        heads[t.i], deps[t.i] = subj_head, ("compound" if t.pos_ in ("PROPN", "NOUN") else deps[t.i])
        if heads[t.i] == t.i:
            deps[t.i] = "compound"
    for i in prefix:
        heads[toks[i].i], deps[toks[i].i] = verb.i, "compound" if toks[i].is_alpha else "punct"
    # every word of the sentence must still hang inside it
    if any(not (sent.start <= heads[t.i] < sent.end) for t in toks):
        return None
    new = _with_sentence_parse(doc, heads, deps, pos, tags, lemmas)
    if new is None:
        return None
    return new[sent.start: sent.end]


def _reparser():
    """The model that re-parses headlines: the fast one or the stock one, whichever is loaded (their
    parses are identical; loading a second model costs ~0.4 s and ~40 MiB), the fast one if none."""
    from detente.nlp import get_fast_nlp, get_nlp

    if get_nlp.cache_info().currsize and not get_fast_nlp.cache_info().currsize:
        return get_nlp()
    return get_fast_nlp()


_REPARSE_SKIP = ("ner",)  # pipes the re-parse of a headline needs not run
_REPARSE_ATTRS = ("HEAD", "DEP", "POS", "TAG", "LEMMA", "ENT_IOB", "ENT_TYPE")
_REPARSE_KEY = "detente.reparse_base"


def _with_sentence_parse(doc, heads: dict[int, int], deps: dict[int, str], pos: dict[int, str],
                         tags: dict[int, str], lemmas: dict[int, str]):
    """A document with ``doc``'s words, parse, entities and user data, where the tokens ``heads``
    indexes take these head, dependency, POS, tag and lemma values; ``None`` if that is no valid
    parse.

    The same document as ``Doc(words=…, spaces=…, heads=…, deps=…, pos=…, tags=…, lemmas=…,
    ents=…)`` from every token's values, but built once per ``doc`` (kept in its ``user_data``) and
    re-annotated from arrays for each headline: reading every token of the document again for each
    one made long articles quadratic. The document returned serves until the next call for ``doc``
    (a re-parsed sentence is coded before the next one is re-parsed)."""
    import numpy as np
    from spacy.attrs import IDS
    from spacy.parts_of_speech import IDS as POS_IDS

    from detente.nlp import parse_changed

    cols = [IDS[a] for a in _REPARSE_ATTRS]
    got = doc.user_data.get(_REPARSE_KEY)
    if got is None or got[0] is not doc:
        base = doc.to_array(cols)
        base[base[:, 5] == 0, 5] = 2  # no entity tag: outside any entity ("O"), as ``ents=`` writes it
        work = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        work.user_data = doc.user_data
        got = doc.user_data[_REPARSE_KEY] = (doc, work, base)
    _, work, base = got
    arr = base.copy()
    strings = doc.vocab.strings
    for i, h in heads.items():
        arr[i, 0] = np.uint64((h - i) % 2**64)  # relative, as ``to_array`` gives it
        arr[i, 1] = strings.add(deps[i]) if deps[i] else 0
        arr[i, 2] = POS_IDS.get(pos[i], 0)
        arr[i, 3] = strings.add(tags[i]) if tags[i] else 0
        arr[i, 4] = strings.add(lemmas[i]) if lemmas[i] else 0
    try:
        work.from_array(cols, arr)  # checks the heads before it writes anything
    except (ValueError, KeyError):
        return None
    finally:
        parse_changed(work)
    return work


def _code_sentence(sent: Span, mentions: list[Mention], published: dt.date | None,
                   patterns: PatternSet, kb) -> list[Event]:
    ctx = Ctx(sent=sent, mentions=mentions, published=published, kb=kb)
    ctx.tok2m = _index_mentions(sent, mentions)
    found: list[Event] = ctx.found
    toks = span_tokens(sent)
    # a sentence with no actor mention may still tell of an act whose subject is a thing ("a car bomb
    # exploded in Kirkuk", "protests erupted in Lagos": patterns with ``subjects``)
    if ctx.tok2m or any(_lemma(t) in patterns.subject_words for t in toks):
        for tok in toks:
            if _verbal(tok):
                form, cands = _verb_patterns(patterns, tok)
                view = _view(tok) if cands else None
                read: set[str] = set()  # types of the hand-written readings of the verb with its object
                for p in _possible(patterns, form, view) if cands else ():
                    if read and p.id.startswith("lexicon.") and not (p.objects or p.preps) and p.type not in read:
                        continue  # "strike a deal" read as an agreement: the verb's bare sense is no attack
                    m = _verb_match_kept(p, tok, view)
                    if m is None:
                        continue
                    if m.obj is not None and p.objects and not p.id.startswith("lexicon."):
                        ctx.claimed_nouns.add(m.obj.i)
                        read.add(p.type)
                    evs = _try(ctx, m)
                    if evs:
                        for ev in evs:
                            ev.detail["_trigger_i"] = tok.i
                        found.extend(evs)
                        if m.obj is not None:
                            ctx.used_nouns.add(m.obj.i)
                        break
        for tok in toks:
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            noun_patterns = patterns.for_noun(_lemma(tok))
            if not noun_patterns:
                continue
            # an object of a verb is the verb's business; only a nominal event is coded here
            verb_owned = tok.i in ctx.used_nouns or (
                tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB"
                and patterns.hand_written_verb(_lemma(tok.head))
                # a support verb carries the noun's event ("staged an ambush") unless one of its
                # patterns named that object ("launch joint patrols" is the verb's cooperation)
                and (not _support_verb(tok.head) or tok.i in ctx.claimed_nouns))
            if _charged_crime(tok):
                continue
            for p in noun_patterns:
                if verb_owned and not p.governed:
                    continue
                if _unlicensed(p, tok):
                    continue
                m = _noun_match(p, tok)
                if m is None:
                    continue
                evs = _try(ctx, m)
                if evs:
                    for ev in evs:
                        ev.detail["_trigger_i"] = tok.i
                    found.extend(evs)
                    break
        found.extend(_before_the_news(ev) for ev in _accused_doers(found, _background_acts(ctx, patterns)))
    else:
        # no actor at all: only an attack or a protest that is the news itself, at a place
        for tok in toks:
            if tok.pos_ == "NOUN":
                m = next((m for p in patterns.for_noun(_lemma(tok)) if (m := _noun_match(p, tok)) is not None), None)
                found.extend(_placed_noun(ctx, m) if m is not None else [])
        found.extend(_mentionless_acts(ctx, patterns))
    events = _dedupe(_drop_complements(found, sent.doc))
    hist = sent.doc.user_data.setdefault(HISTORY_KEY, {})
    hist[sent.start] = events
    sent.doc.user_data.setdefault(UNARGUED_KEY, {})[sent.start] = (sent, ctx.unargued)
    return events


def _charged_crime(tok: Token) -> bool:
    """"charged with attempted murder", "accused of espionage", "arrested on charges of assault": the
    crime alleged, named after a verb of accusation (``charge_verbs``), is no event of its own; so
    is the object of a gerund there ("acquitted for ordering the murder", "charged with planning
    the attack")."""
    cur = tok
    while cur.dep_ in ("pobj", "conj", "compound", "amod", "dobj") and cur.head.i != cur.i:
        if cur.dep_ == "dobj":
            gerund = cur.head
            if gerund.dep_ != "pcomp" or gerund.head.lower_ not in CHARGE_GERUND_PREPS:
                return False
            return _lemma(gerund.head.head) in CHARGE_VERBS
        if cur.dep_ == "pobj":
            prep = cur.head
            gov = prep.head
            if prep.lower_ in CHARGE_PREPS and _lemma(gov) in CHARGE_VERBS:
                return True
            if prep.lower_ in CHARGE_NOUN_PREPS and _lemma(gov) in CHARGE_NOUN:
                return True  # "arrested on charges of assault", "face charges of fraud"
            return False
        cur = cur.head
    return False



def _background_acts(ctx: Ctx, patterns: PatternSet) -> list[Event]:
    """The crime behind an arrest, charge, trial or sentence, as an event of its own
    (``events.background``): "arrested on suspicion of murdering two officers" → an attack by the
    arrested on the officers, reported. Only an act whose victim the text names as an actor; the
    accused is its doer (none where no actor stands for them)."""
    out: list[Event] = []
    bw = background_mod.words()
    for tok in span_tokens(ctx.sent):
        cand = background_mod.act_candidate(patterns, tok)
        if cand is None:
            continue  # a word that names no act
        p = background_mod.of_types(cand) if tok.tag_ != "VBN" else None
        frame = background_mod.frame_of(tok) if p is not None else None
        suffered = background_mod.of_types(cand, bw.patient_types)
        if frame is None and suffered is not None:
            patient = ((background_mod.adjunct_patient(tok, suffered) or background_mod.relative_patient(tok, suffered))
                       if tok.tag_ == "VBN" else background_mod.patient_owner(tok, suffered))
            if patient is not None:
                out.extend(_suffered_act(ctx, suffered, tok, patient))
                continue
        if frame is None:
            answered = background_mod.of_types(cand, bw.answered_types)
            if answered is not None and tok.pos_ == "NOUN" and background_mod.answered(tok):
                out.extend(_answered_act(ctx, answered, tok))
            continue
        if background_mod.private_crime(tok):
            continue  # "jailed for the sexual assault of two children": a crime of a person, no political act
        hit = background_mod.victim(tok)
        target = _core(ctx, hit, "obj") if hit is not None else None
        if target is None and hit is not None and _lemma(hit) in PEOPLE_NOUNS and ctx.tok2m.get(hit.i) is None:
            target = _place_victims(ctx, tok)
        if target is None:
            continue
        who = background_mod.accused(frame, _is_passive)
        source = _core(ctx, who, "obj") if who is not None else None
        if source is None:
            source = Arg(ref=ActorRef(id=None, text=""), role="none", certainty=settings().sourceless_certainty)
        elif _same_actor(source.ref, target.ref):
            continue
        if any(e.type == p.type and e.target is not None and _same_actor(e.target, target.ref) for e in ctx.found):
            continue  # the act coded already
        ev = _build(ctx, Match(p, tok, hit, []), source, target)
        if ev.source is not None and not ev.source.text:
            ev.source = None
        if frame.alleged and ev.status == "occurred":
            ev.status = "reported"
        ev.rule = f"background.{ev.type.lower()}"
        ev.detail["background"] = frame.head.text
        out.append(ev)
    return out


#: the rule prefix of an act a reaction answers (its target did not do it: ``_accused_doers``)
ANSWERED_RULE = "background.answered."


def _accused_doers(found: list[Event], acts: list[Event]) -> list[Event]:
    """A crime behind a legal act whose doer the frame did not name ("seek the death penalty against
    X for stabbing …", "charged with manslaughter in the shooting death of Y, who was shot") is done
    by the one the sentence's legal act (``accused_types`` in background.yml: a charge, an arrest, a
    sentence) is aimed at: crimes only (``types``), not what someone suffered at others' hands."""
    bw = background_mod.words()
    legal = [e for e in found if e.type in bw.accused_types and e.target is not None]
    out = []
    for ev in acts:
        if ev.source is None and ev.target is not None and ev.type in bw.types \
                and not ev.rule.startswith(ANSWERED_RULE):
            who = next((e.target for e in legal if not _same_actor(e.target, ev.target)), None)
            if who is not None:
                ev = ev.model_copy(update={"source": who, "detail": {**ev.detail, "source_from": "accused"}})
        out.append(ev)
    return out


def _before_the_news(ev: Event) -> Event:
    """A background act the text does not date happened before the news: the month of publication
    (the labelling guide's reading of a vague past)."""
    if ev.detail.get("date_from") == "published" and ev.date_precision == "day" and ev.date:
        return ev.model_copy(update={"date": ev.date[:7], "date_precision": "month"})
    return ev


def _suffered_act(ctx: Ctx, p: Pattern, tok: Token, patient: Token | None) -> list[Event]:
    """An act told as having happened to ``patient``: the possessor of an act noun ("after his
    capture in Bolivia"), the subject of the clause a passive adjunct hangs on ("resigned after being
    detained by police"); done by the "by" phrase, else the implied doer (police, courts) of the place."""
    if patient is None:
        return []
    target = _core(ctx, patient, "obj")
    if target is None and patient.tag_ == "PRP$":
        # "a court sentences a footballer … following his arrest": the nearest one acted on before it
        skip = {mi for mi in ctx.tok2m.values()
                if ctx.mentions[mi].sector in background_mod.words().owner_skip_sectors or (
                    ctx.mentions[mi].id and ctx.mentions[mi].id == ctx.mentions[mi].country
                    and ctx.mentions[mi].kind != "demonym")}
        target = _nearest_mention(ctx, patient, False, skip)
    if target is None:
        return []
    verbal = _verbal(tok)
    agent = _agent(tok) if verbal else None
    source = _core(ctx, agent, "agent") if agent is not None else None
    if source is not None and _same_actor(source.ref, target.ref):
        return []
    same = [e for e in ctx.found if e.type == p.type and (e.trigger or "").split(" ")[0] == tok.text]
    if any(e.target is not None and _same_actor(e.target, target.ref) for e in ctx.found if e.type == p.type):
        return []
    for e in same:  # the noun coded with its possessor as the doer: this reading replaces it
        ctx.found.remove(e)
    nobody = Arg(ref=ActorRef(id=None, text=""), role="none", certainty=settings().sourceless_certainty)
    ev = _build(ctx, Match(p, tok, patient, []), source or nobody, target)
    if source is None:
        sector = p.implied_source or settings().implied_source_sector.get(ev.mode or "")
        ev = _implied_source(ev, sector, ctx, _implied_country(ctx, tok, sector))
    ev.rule = f"background.suffered.{ev.type.lower()}"
    return [ev]


def _answered_act(ctx: Ctx, p: Pattern, tok: Token) -> list[Event]:
    """An attack a reaction answers ("condemned the bombing of a hospital by government forces"), by
    its "by" phrase or its own modifier ("the police shooting of …", "Turkish bombing"), against its
    victim; only where the text names the victim as an actor."""
    hit = background_mod.victim(tok)
    target = _core(ctx, hit, "obj") if hit is not None else None
    if target is None or any(e.type == p.type and e.target is not None and _same_actor(e.target, target.ref)
                             for e in (*ctx.found, *_history(ctx)[-3:])):
        return []
    # (a "by" phrase the parser hung on an active governing verb is the noun's: "condemned the
    # shelling of a school by government forces")
    gov = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
    holders = [tok] + ([gov] if gov is not None and _verbal(gov) and not _is_passive(gov) else [])
    agent = next((o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "by"
                  for o in c.children if o.dep_ == "pobj"), None)
    source = _core(ctx, agent, "agent") if agent is not None else _core(ctx, tok, "poss")
    if source is not None and _same_actor(source.ref, target.ref):
        source = None
    nobody = Arg(ref=ActorRef(id=None, text=""), role="none", certainty=settings().sourceless_certainty)
    ev = _build(ctx, Match(p, tok, hit, []), source or nobody, target)
    if source is None:
        ev.source = None
    ev.rule = f"{ANSWERED_RULE}{ev.type.lower()}"
    return [ev]


def _mentionless_acts(ctx: Ctx, patterns: PatternSet) -> list[Event]:
    """In a sentence naming no actor, the verb patterns of ``mentionless_verb_types``: an agentless
    legal act on people the text places ("two brothers are charged with murder in Nairobi") is the
    pattern's implied doer's of that place's country, against its people."""
    types = _word_set("mentionless_verb_types")
    out: list[Event] = []
    for tok in ctx.sent:
        if not _verbal(tok):
            continue
        _form, cands = _verb_patterns(patterns, tok)
        view = _view(tok) if cands else None
        for p in cands:
            m = _verb_matches(p, tok, view) if p.type in types else None
            # (a match with no arguments is not left for the classifier: it had no actor to find)
            evs = _try_args(ctx, m) if m is not None else []
            ctx.refused = False
            if evs:
                out.extend(evs)
                break
    return out


def trigger_token(sent: Span, ev: Event, want=None) -> Token | None:
    """The token of ``sent`` an event's trigger text opens with, by its first word among the tokens
    ``want`` accepts (all without it); where the word recurs ("two were also killed, and troops
    killed 20 rebels"), the one whose doer is named as the event's is, then the one whose phrase
    holds the trigger's other words ("held strike")."""
    words = (ev.trigger or "").split()
    if not words:
        return None
    hits = [t for t in sent if t.text == words[0] and (want is None or want(t))]
    if len(hits) > 1:
        doerless = ev.source is None or ev.detail.get("source_from") == "argument model"
        hits = [t for t in hits if _agent_less(t) == doerless] or hits
    if len(hits) > 1 and len(words) > 1:
        hits = [t for t in hits if set(words[1:]) <= {k.text for k in t.subtree}] or hits
    return hits[0] if hits else None


def tolls_dropped(sent: Span, events: list[Event]) -> list[Event]:
    """The events of a sentence without the attacks that are only the toll of one told before
    (:func:`_toll_again`), whichever step coded them (the trigger a verb, :func:`trigger_token`)."""
    return [ev for ev in events
            if not (ev.type == "ASSAULT" and (v := trigger_token(sent, ev, _verbal)) is not None
                    and _toll_again(v, ev))]


def tolls_told_with(sent: Span, events: list[Event]) -> list[Event]:
    """The events of a sentence without an attack told only as the toll of another attack its
    participle hangs on ("bombs a refugee camp, killing 90 people", "attack a convoy, wounding two
    civilians"; ``toll_participles``) when that attack is coded with whom it hit: one attack, one
    event (its victims' doer is that attack's doer, or none, or the attack's target taken for one).
    Where the attack's own target is only a place with no state ("attack a camp", "raid a village
    in …, killing four soldiers") or the doer's own civilians while the toll names another state's,
    the toll tells whom it hit better and the attack is the one dropped."""
    if sum(ev.type == "ASSAULT" for ev in events) < 2:
        return events
    hit = [(trigger_token(sent, ev, _verbal), ev) for ev in events if ev.type == "ASSAULT" and ev.target is not None]
    drop: set[int] = set()

    def subject_is(head: Token, ref: ActorRef | None) -> bool:
        return ref is not None and ref.start is not None and any(
            c.dep_ in ("nsubj", "nsubjpass") and ref.start <= c.idx < (ref.end or ref.start) for c in head.children)

    def named_group(ref: ActorRef | None) -> bool:
        # (an actor of the index that is no state: "Hamas", "Islamic Jihad")
        return ref is not None and bool(ref.id) and ref.id != ref.country

    def weaker(m: Event, ev: Event) -> bool:
        t, v = m.target, ev.target
        if t is None or v is None or not v.country or t.id:
            return False
        return not t.country or (t.sector == "CVL" and m.source is not None and t.country == m.source.country != v.country)

    for ev in events:
        if ev.type != "ASSAULT" or (v := trigger_token(sent, ev, _verbal)) is None:
            continue
        if v.tag_ != "VBG" or _lemma(v) not in TOLL_PARTICIPLES:
            continue
        while v.dep_ == "conj" and v.head.tag_ == "VBG" and _lemma(v.head) in TOLL_PARTICIPLES:
            v = v.head  # ("killing two and wounding five": the second participle too)
        if v.dep_ not in ("advcl", "xcomp", "acl"):
            continue
        head = v.head  # (a participle the parser hangs on the attack's object: "hit a hospital … killing 21")
        while head.dep_ in ("dobj", "pobj", "prep", "appos", "compound") and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        src = _key(ev.source)
        for t, m in hit:
            if t is None or t.i != head.i or m is ev or m.date != ev.date:
                continue
            if not (src is None or src == _key(m.source)
                    or (src == _key(m.target) and not subject_is(head, m.target))):
                continue  # (the one the attack was aimed at striking back: "foiled an incursion, killing eight")
            if named_group(ev.target) and _key(ev.target) != _key(m.target) and not named_group(m.target):
                break  # a group of its own the toll names, where the attack hit a state or a place ("struck
                # Gaza, killing a Hamas commander"): both who was hit, two events
            if weaker(m, ev):
                drop.add(id(m))
                if src != _key(m.source) and m.source is not None:
                    ev_i = events.index(ev)
                    events = [*events[:ev_i], ev.model_copy(update={"source": m.source}), *events[ev_i + 1:]]
            else:
                drop.add(id(ev))
            break
    return [ev for ev in events if id(ev) not in drop]


def named_foe_again(events: list[Event]) -> list[Event]:
    """An attack's object phrase read twice, once as a named group and once as its bare common noun
    with a state guessed for it ("kills a key Al-Shabaab leader and two other militants", "shoot dead
    two ISIL militants": Al-Shabaab, and "militants" of the state it happened in): one victim, the
    named one. Only where both readings come from the same trigger, doer and object and are of the
    same sector; a bare noun of another sector stays ("a Hamas commander and two civilians")."""
    named = [ev for ev in events if ev.type == "ASSAULT" and ev.target is not None and ev.target.id]
    if not named:
        return events

    def again(ev: Event) -> bool:
        t = ev.target
        if ev.type != "ASSAULT" or t is None or t.id or not t.sector or any(c.isupper() for c in t.text):
            return False
        return any(n is not ev and n.trigger == ev.trigger and _key(n.source) == _key(ev.source)
                   and n.detail.get("object") is not None and n.detail.get("object") == ev.detail.get("object")
                   and n.target.sector == t.sector for n in named)

    return [ev for ev in events if not again(ev)]


def _toll_again(v: Token, ev: Event) -> bool:
    """Whether an attack with no named doer is told by its victims with an adverb of addition
    ("guards were also injured", "five militants also died in the attack"; ``toll_again_adverbs``),
    a word pointing back ("in the ensuing clashes"; ``toll_again_words``), as a running count (status
    ongoing) or with a pronoun for the attack as doer ("It killed nine"; ``toll_again_subjects``)
    after an earlier sentence coded an attack: that act's toll, not another attack."""
    if ev.type != "ASSAULT" or not _verbal(v):
        return False
    # ("It killed nine people": a pronoun opening the sentence stands for the attack told before, no
    # doer of its own; not one after its antecedent, "the group says it killed …")
    pronoun = ev.source is None and any(c.dep_ == "nsubj" and c.i == v.sent.start
                                        and c.lower_ in TOLL_AGAIN_SUBJECTS for c in v.children)
    if not pronoun and not (_agent_less(v) and (
            ev.status == "ongoing"  # "have been killed since the war began": a running count
            or any(c.dep_ == "advmod" and c.lower_ in TOLL_AGAIN_ADVERBS for c in v.children)
            or any(t.lower_ in TOLL_AGAIN_WORDS for t in v.subtree))):
        return False
    hist = v.doc.user_data.get(HISTORY_KEY, {})
    return any(e.type == ev.type for start, evs in hist.items() if start < v.sent.start for e in evs)


def _copied_relation(ev: Event) -> dict:
    """The relation of a complement's act ("agreed to upgrade their missions") for the intent that
    carries it: with the act's status (``act_status``), rule and confidence, so the change tells
    which pattern read it (relations.derive)."""
    return {**ev.detail["relation"], "act_status": ev.status, "rule": ev.rule, "confidence": ev.confidence}


def _drop_complements(events: list[Event], doc) -> list[Event]:
    """"vowed to cooperate with China" is one intent (AGREE), not also a planned COOPERATE."""
    idx = [ev.detail.pop("_trigger_i", None) for ev in events]
    asked = {j for j, o in zip(idx, events) if j is not None and o.type == "REQUEST"}
    threatened = {j for j, o in zip(idx, events) if j is not None and o.type == "THREATEN"}
    out: list[Event] = []
    kept: list[int | None] = []  # (the trigger index of each event kept, in step with ``out``)
    for k, ev in enumerate(events):
        i = idx[k]
        # "urged Israel not to target Iran": what is asked for has not happened (nor been denied)
        if i is not None and doc[i].dep_ in ("xcomp", "ccomp", "advcl") and (
                doc[i].head.i in asked or (doc[i].dep_ != "advcl" and (_asks(doc[i].head) or _asked_clause(doc[i])))):
            continue  # (an advcl only under a coded demand: "called for Saudi Arabia to free …")
        if i is not None and doc[i].dep_ == "pobj" and doc[i].head.lower_ == "for" and (
                doc[i].head.head.i in asked or _lemma(doc[i].head.head) in status_mod.status_words().request_heads):
            continue  # "calls for an emergency meeting of the Council": what is asked for is not held
        if i is not None and (
                (ev.type != "THREATEN" and doc[i].dep_ in ("xcomp", "ccomp") and doc[i].head.i in threatened)
                or (_conditional(doc[i]) and any(a.i in threatened for a in doc[i].ancestors))):
            # "says it will impose tariffs if …", coded as the threat: what is threatened is not done,
            # nor is the act it is made to hang on ("… if Iran strikes any Americans")
            continue
        if i is not None and ev.status == "planned" and doc[i].dep_ == "xcomp":
            head_i = doc[i].head.i
            heads = [o for j, o in zip(idx, events) if o is not ev and j == head_i
                     and (_key(o.source), _key(o.target)) == (_key(ev.source), _key(ev.target))]
            if heads:
                # "agreed to upgrade their missions to ambassador level": the intent keeps the
                # relation change its content implies, as a planned one
                if ev.detail.get("relation") and not heads[0].detail.get("relation"):
                    heads[0].detail["relation"] = _copied_relation(ev)
                continue
        out.append(ev)
        kept.append(i)
    return out + _threat_demands(out, kept, doc) + _ultimatum_threats(out, kept, doc)


def _threat_demands(events: list[Event], idx: list[int | None], doc) -> list[Event]:
    """The demand a threat's condition makes of its target ("threatens to send refugees unless the EU
    recognises the government", "warns of consequences if the pastor is not freed"): a REQUEST from the
    threatener to the one threatened, besides the threat (docs/gold-format.md, conditional threats)."""
    out: list[Event] = []
    have = {(_key(ev.source), _key(ev.target)) for ev in events if ev.type == "REQUEST"}
    for ev, i in zip(events, idx):
        if ev.type != "THREATEN" or i is None or ev.target is None or (_key(ev.source), _key(ev.target)) in have:
            continue
        if any(_demanding(c) for c in _marked_clauses(doc[i], list(CONDITION_MARKS))):
            have.add((_key(ev.source), _key(ev.target)))
            out.append(_derived(ev, "request.threat_condition", {**ev.detail, "from_threat": ev.rule}))
    return out


def _derived(ev: Event, rule: str, detail: dict) -> Event:
    """``ev`` told as the act another rule reads off it, with that rule's CAMEO (engine.yml
    ``derived_cameo``) and the type, mode and Goldstein score of that CAMEO."""
    cameo = settings().derived_cameo[rule]
    entry = cameo_to_plover(cameo)
    return ev.model_copy(update={"type": entry.type, "mode": entry.mode, "cameo": cameo,
                                 "goldstein": goldstein(cameo), "rule": rule, "detail": detail})


def _ultimatum_threats(events: list[Event], idx: list[int | None], doc) -> list[Event]:
    """The threat a demand carries when it names the price of refusing ("demands that all countries
    stop buying the oil or face sanctions", "urges the army to abandon him or lose everything"): a
    THREATEN from the one demanding to the one asked, besides the REQUEST (CAMEO 139, ultimatum)."""
    out: list[Event] = []
    have = {(_key(ev.source), _key(ev.target)) for ev in events if ev.type == "THREATEN"}
    for ev, i in zip(events, idx):
        if ev.type != "REQUEST" or i is None or (_key(ev.source), _key(ev.target)) in have:
            continue
        if any(t.lower_ == "or" and _ultimatum_word(doc, t.i + 1, doc[i]) for t in doc[i].subtree):
            have.add((_key(ev.source), _key(ev.target)))
            out.append(_derived(ev, "threaten.ultimatum_alternative", {**ev.detail, "from_demand": ev.rule}))
    return out


def _ultimatum_word(doc, k: int, asking: Token) -> bool:
    """Whether the first word from ``k`` on, past quotation marks, names the price ("or \"lose …\""):
    "else" ("or else"), or a verb of ``ultimatum_alternatives`` conjoined to the act ``asking`` asks
    for ("urged Hungary to lift its veto or risk losing funds"), not a noun of a choice asked for
    ("demanded a call or face-to-face talks")."""
    while k < len(doc) and doc[k].is_punct:
        k += 1
    if k >= len(doc):
        return False
    w = doc[k]
    if w.lower_ == "else":
        return True
    if not (w.lower_ in ULTIMATUM_ALTERNATIVES or _lemma(w) in ULTIMATUM_ALTERNATIVES):
        return False
    # (the parser often tags the price a noun joined to the asked act's object, "stop buying the oil
    # or face sanctions", so the word need be a conjunct within the act asked for, below a verb of
    # its own, no modifier of a noun and not a conjunct of what the asking verb itself asks for)
    if w.dep_ != "conj" or w.head == asking:
        return False
    chain = []
    for a in w.ancestors:
        if a == asking:
            return any(c.pos_ in ("VERB", "AUX") for c in chain)
        chain.append(a)
    return False


def _demanding(clause: Token) -> bool:
    """A condition that asks for an act: "unless X does", "if X does not / fails to / refuses to"."""
    mark = next((k.lower_ for k in clause.children if k.dep_ == "mark"), None)
    return mark == "unless" or any(k.dep_ == "neg" for k in clause.children) or _lemma(clause) in DEMAND_CONDITION_VERBS


def _conditional(t: Token) -> bool:
    """Whether ``t`` heads a clause of condition ("if Iran strikes", "unless the army withdraws")."""
    return t.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in CONDITION_MARKS for k in t.children)


def _asks(v: Token) -> bool:
    """"asked Obama to help Iran", "wants Putin to act": a verb asking someone else to act."""
    heads = set(status_mod.status_words().request_heads)
    return _lemma(v) in heads and any(c.dep_ == "dobj" for c in v.children)


def _asked_clause(t: Token) -> bool:
    """"expected Russia to recognise …" parsed as a clause with its own subject: what another actor
    expects or asks for is not the subject's act (nor its plan)."""
    if t.dep_ != "ccomp":
        return False
    if (_lemma(t.head) in status_mod.status_words().request_heads and any(c.dep_ == "nsubj" for c in t.children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)):
        return True
    # a mandative "that" clause under a verb of asking (``mandative_heads``: "demands that the
    # officers be arrested", "insisted that Israel withdraw"): its verb in the bare form, with no
    # tense of its own, tells what is asked for; not under an order, which does the act ("the court
    # ordered that the journalist be released")
    return (_lemma(t.head) in _word_set("mandative_heads")
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            and not any(c.dep_ in ("aux", "auxpass") and c.tag_ != "VB" for c in t.children)
            and (t.tag_ == "VB" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VB" for c in t.children)))


def _key(ref: ActorRef | None) -> str | None:
    if ref is None:
        return None
    if not ref.id and ref.sector == "CVL" and ref.country:
        return ref.country  # "raided the camp, killing three Palestinians": one act against PSE
    return ref.id or f"{ref.country}/{ref.sector}/{ref.text.lower()}"


def told_twice(events: list[Event]) -> list[Event]:
    """One attack told twice in a sentence, once at whom it hit and once at the people of the place it
    happened ("an airstrike on a prison in Yemen kills 20 inmates"): the act at the people of the
    place adds nothing where its doer is none, the other telling's doer, or the other telling's
    victim taken for a doer (types in ``told_twice_types``). A second doer stays ("clashes between
    X and Y kill ten")."""
    types = settings().told_twice_types
    placed = [ev.detail.get("target_role") == "place_victims" for ev in events]
    # (an act the news follows from is an act of its own: "after the bombing in Kano" stays)
    def told(ev: Event) -> str:  # (an attack announced is told as the threat: "will use artillery")
        return ev.detail.get("threatened") or ev.type

    named = [ev for ev, p in zip(events, placed) if ev.target is not None and not p and told(ev) in types]

    def again(ev: Event) -> bool:
        src = _key(ev.source)
        # (an attack of another day is another attack: "fired rockets on Thursday, two days after a
        # strike killed …")
        return any(told(n) == ev.type and n.date == ev.date
                   and bool(n.detail.get("background")) == bool(ev.detail.get("background"))
                   and (src is None or src == _key(n.source) or (n.source is not None and src == _key(n.target)))
                   for n in named)

    return [ev for ev, p in zip(events, placed) if not (p and ev.type in types and again(ev))]


def _dedupe(events: list[Event]) -> list[Event]:
    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    for ev in events:
        k = (_key(ev.source), _key(ev.target), ev.type)
        if k not in best:
            order.append(k)
            best[k] = ev
        elif ev.confidence > best[k].confidence:
            best[k] = ev
    # a targetless event adds nothing where the same actor's act of that type has a target
    # ("Israel mobilised and called up reservists for an operation in Gaza")
    aimed = {(k[0], k[2]) for k in order if k[1] is not None}
    sourced = {(k[1], k[2]) for k in order if k[0] is not None}
    keys = [k for k in order
            if not (k[1] is None and (k[0], k[2]) in aimed) and not (k[0] is None and (k[1], k[2]) in sourced)]
    # a protest aimed at the protesters' own state only because it named no one adds nothing where the
    # same people's protest names whom it is against ("truckers rallied in Warsaw to protest against
    # EU rules": not also against Poland)
    named = {(k[0], k[2]) for k in keys if k[1] is not None and best[k].target is not None
             and best[k].target.start is not None}
    keys = [k for k in keys if not (k[2] in settings().home_target_types and (k[0], k[2]) in named
                                    and best[k].target is not None and best[k].target.start is None)]
    # one attack told twice in a sentence, once by its doer and once by its victims ("Ten civilians
    # are killed when a suicide bomber detonates his belt"): one event with both parties
    doers = [k for k in keys if k[1] is None and k[0] is not None]
    victims = [k for k in keys if k[0] is None and k[1] is not None]
    merged: dict[tuple, Event] = {}
    for d in doers:
        v = next((v for v in victims if v[2] == d[2] and v not in merged), None)
        if v is not None:
            doer, hit = best[d], best[v]
            merged[v] = hit.model_copy(update={"source": doer.source, "confidence": max(doer.confidence, hit.confidence),
                                               "detail": {**hit.detail, "source_from": doer.rule}})
            merged[d] = None  # type: ignore[assignment]
    return _one_per_trigger([merged.get(k, best[k]) for k in keys if merged.get(k, best[k]) is not None])


def _one_per_trigger(events: list[Event]) -> list[Event]:
    """One act told once: events of one trigger, type and source whose targets are of one country
    are one event ("arrest opposition leader and former prime minister X", "provides aid to Syria's
    government ... to the Syrian army"); the surest is kept, an actor of the knowledge base first."""
    def rank(ev: Event) -> tuple:
        return (ev.target is not None and ev.target.id is not None, ev.confidence)

    best: dict[tuple, Event] = {}
    for ev in events:
        t = ev.target
        if t is None or not t.country or not ev.trigger:
            continue
        k = (ev.trigger.lower(), ev.type, _key(ev.source), t.country)
        if k not in best or rank(ev) > rank(best[k]):
            best[k] = ev
    return [ev for ev in events if ev.target is None or not ev.target.country or not ev.trigger
            or best[(ev.trigger.lower(), ev.type, _key(ev.source), ev.target.country)] is ev]


# ---------------------------------------------------------------------------------------------
# an article's claims of responsibility


def _claimant(sent: Span, mentions: list[Mention]) -> ActorRef | None:
    """The actor a sentence says claims an attack ("The BLA claims responsibility", "the Taliban
    took responsibility for the attack"): a claim verb (``claim_verbs``) followed by a claim noun
    (``claim_objects``), read from the words, not the parse (a headline's "ISIS claims
    responsibility" parses as a noun phrase); the claimant is the nearest actor named before the
    verb with an id or a country (not "unidentified gunmen"), with no negation in between ("no group
    has claimed responsibility", "the Taliban did not claim responsibility")."""
    verbs, objects = set(_WORDS.get("claim_verbs", ())), set(_WORDS.get("claim_objects", ()))
    negations = set(_WORDS.get("claim_negations", ()))
    toks = span_tokens(sent)
    for k, v in enumerate(toks[:-1]):
        if _lemma(v) not in verbs or _lemma(toks[k + 1]) not in objects:
            continue
        tok2m = _index_mentions(sent, mentions)
        for t in reversed(toks[:k]):
            if t.lower_ in negations:
                break
            mi = tok2m.get(t.i)
            if mi is None:
                continue
            m = mentions[mi]
            eff, _ = _resolve(mentions, mi)
            ident, country, sector = m.id or eff.id, m.country or eff.country, m.sector or eff.sector
            if (ident or country) and sector != "UAF":
                return ActorRef(id=ident, country=country, sector=sector, text=m.text, start=m.start, end=m.end)
        return None
    return None


def _unattributed(ref: ActorRef | None) -> bool:
    """A doer not named as an actor the claimant could not be: none, unidentified attackers, or
    armed men the KB lacks ("masked militants", "gunmen": ``claim_replaces_sectors``)."""
    return ref is None or not (ref.id or ref.country) or (
        not ref.id and ref.sector in _WORDS.get("claim_replaces_sectors", ()))


def attribute_claims(doc, events: list[Event], mentions: list[Mention]) -> list[Event]:
    """An article's attacks told with no named doer take the actor that claims them in the same
    sentence or one of the next ``claim_reach`` sentences ("Six officials are killed in an attack in
    Balochistan. The BLA claims responsibility." → the BLA attacked); the claim's own targetless
    event is then that attack told again and is dropped. ``events`` are those of ``doc`` in order,
    their offsets those of ``doc.text``."""
    cfg = settings()
    if not cfg.claimed_types or not any(ev.type in cfg.claimed_types and _unattributed(ev.source) for ev in events):
        return events
    sents = sentences(doc).spans
    starts = [s.start_char for s in sents]
    at = [bisect_right(starts, ev.start) - 1 for ev in events]
    out: list[Event | None] = list(events)
    for k, sent in enumerate(sents):
        claimant = _claimant(sent, mentions)
        if claimant is None:
            continue
        filled = False
        for j, ev in enumerate(out):
            if (ev is None or ev.type not in cfg.claimed_types or not k - cfg.claim_reach <= at[j] <= k
                    or not _unattributed(ev.source)
                    or (ev.target is not None and _same_actor(claimant, ev.target))):
                continue
            out[j] = ev.model_copy(update={"source": claimant, "detail": {**ev.detail, "source_from": "claim"}})
            filled = True
        if filled:
            for j, ev in enumerate(out):
                if (ev is not None and at[j] == k and ev.type in cfg.claimed_types and ev.target is None
                        and ev.detail.get("source_from") != "claim" and _key(ev.source) == _key(claimant)):
                    out[j] = None  # the claim itself: the attack told again
    return [ev for ev in out if ev is not None]


def aim_at_crowds(doc, events: list[Event], mentions: list[Mention]) -> list[Event]:
    """Force used by the police with no one named ("Police use tear gas and water cannons") is aimed
    at the protesters the same sentence or the one before or after tells of: the source of a protest
    coded there, else a mention of protesters (``protester_nouns``) of the police's country or of
    none (types ``crowd_control_types``, doers of the sectors ``crowd_control_sectors``). ``events``
    are those of ``doc`` in order, their offsets those of ``doc.text``."""
    cfg = settings()
    if not any(ev.type in cfg.crowd_control_types and ev.target is None and ev.source is not None
               and ev.source.sector in cfg.crowd_control_sectors for ev in events):
        return events
    sents = sentences(doc).spans
    starts = [s.start_char for s in sents]

    def sent_of(char: int) -> int:
        return bisect_right(starts, char) - 1

    out = []
    for ev in events:
        src = ev.source
        if ev.type not in cfg.crowd_control_types or ev.target is not None or src is None \
                or src.sector not in cfg.crowd_control_sectors:
            out.append(ev)
            continue
        k = sent_of(ev.start)
        crowds = [(abs(sent_of(p.start) - k), p.source) for p in events
                  if p.type == "PROTEST" and p.source is not None and abs(sent_of(p.start) - k) <= 1]
        crowds += [(abs(sent_of(m.start) - k) + 0.5, m.ref()) for m in mentions
                   if not m.id and abs(sent_of(m.start) - k) <= 1 and m.text
                   and m.text.split()[-1].lower().rstrip("s") in PROTESTER_NOUNS]
        crowds = [(d, c) for d, c in crowds if c.country in (None, src.country) and not _same_actor(src, c)]
        if not crowds:
            out.append(ev)
            continue
        crowd = min(crowds, key=lambda p: p[0])[1]
        crowd = crowd.model_copy(update={"country": crowd.country or src.country, "start": None, "end": None})
        out.append(ev.model_copy(update={"target": crowd, "detail": {**ev.detail, "target_from": "crowd"}}))
    return out
