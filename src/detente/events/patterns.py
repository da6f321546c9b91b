"""Event patterns as data: ``detente/data/patterns/events.yml``, validated by pydantic.

``load_patterns()`` returns the (cached) :class:`PatternSet`; ``PatternSet.for_verb(lemma)`` and
``PatternSet.for_noun(lemma)`` give the candidate patterns of a token, most specific first.
See the YAML header for the meaning of each field.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from detente.events.plover import plover
from detente.models import DIMENSION_VALUES

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "patterns" / "events.yml"

SOURCE_ROLES = ("subj", "agent", "poss", "between", "attack_mod")
TARGET_ROLE = re.compile(r"^(obj|obj_core|obj_tree|xobj|victim|dative|between|context|event_ref|home|protesters|attacker|governor_subj|clause_subj|prep:[a-z]+)$")

DEFAULT_SOURCE = ["subj", "agent"]
DEFAULT_TARGET = ["obj_core", "dative", "prep:with", "prep:against", "prep:on", "prep:to", "obj_tree"]
NOUN_SOURCE = ["poss", "between"]
NOUN_TARGET = ["prep:with", "prep:against", "prep:on", "prep:of", "between"]


def _norm(words: list[str]) -> list[str]:
    return [w.strip().lower() for w in words if w and w.strip()]


class RelationSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    dimension: Literal["designation", "representation", "recognition", "agreements"]
    value: str
    value_by_word: dict[str, str] = Field(default_factory=dict)
    detail: dict = Field(default_factory=dict)
    reverse_if_target_role: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known_values(self) -> "RelationSpec":
        allowed = DIMENSION_VALUES[self.dimension]
        for v in [self.value, *self.value_by_word.values()]:
            if v not in allowed:
                raise ValueError(f"{self.dimension}: unknown value {v!r} (allowed: {allowed})")
        return self


class Pattern(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    verbs: list[str] = Field(default_factory=list)
    nouns: list[str] = Field(default_factory=list)
    objects: list[str] = Field(default_factory=list)
    object_qualifiers: dict[str, list[str]] = Field(default_factory=dict)
    exclude_objects: list[str] = Field(default_factory=list)
    preps: dict[str, list[str]] = Field(default_factory=dict)
    complements: list[str] = Field(default_factory=list)
    # lemmas of which one must occur somewhere in the sentence ("resigned after protests")
    sentence_words: list[str] = Field(default_factory=list)
    needs_clause: bool = False  # an infinitive complement ("promised to protect")
    planned_as: dict[str, str] = Field(default_factory=dict)  # {type, cameo} when the act is only planned
    type: str
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str
    confidence: float = Field(default=0.8, gt=0, le=1)
    source: list[str] | None = None
    target: list[str] | None = None
    target_optional: bool = False
    # the event runs from the target to the subject ("received assurances from X": X → subject)
    reverse: bool = False
    agreement: bool = False
    # a noun pattern that also fires on the object of a matched verb ("X rejected Y's demands": Y's
    # demand is an event of its own, besides X's rejection)
    governed: bool = False
    # with ``governed``: the verbs (lemmas, "turn down", "agree to") that answer the noun; any other
    # governing verb ("Canada welcomed India's request") gives no event from this pattern
    governors: list[str] = Field(default_factory=list)
    relation: RelationSpec | None = None
    context_by_word: dict[str, str] = Field(default_factory=dict)
    cameo_by_word: dict[str, str] = Field(default_factory=dict)
    mode_by_word: dict[str, str] = Field(default_factory=dict)

    @field_validator("verbs", "nouns", "objects", "exclude_objects", "complements", "governors", "sentence_words")
    @classmethod
    def _lower(cls, v: list[str]) -> list[str]:
        return _norm(v)

    @model_validator(mode="after")
    def _check(self) -> "Pattern":
        if not self.verbs and not self.nouns:
            raise ValueError(f"{self.id}: needs verbs or nouns")
        spec = plover()
        if self.type not in spec.types:
            raise ValueError(f"{self.id}: unknown PLOVER type {self.type!r}")
        modes = set(spec.types[self.type].modes)
        for m in [self.mode, *self.mode_by_word.values()]:
            if m is not None and m not in modes:
                raise ValueError(f"{self.id}: mode {m!r} is not a mode of {self.type}")
        for c in [*self.context, *self.context_by_word.values()]:
            if c not in spec.contexts:
                raise ValueError(f"{self.id}: unknown context {c!r}")
        for role in self.source or []:
            if role not in SOURCE_ROLES:
                raise ValueError(f"{self.id}: unknown source role {role!r}")
        for role in self.target or []:
            if not TARGET_ROLE.match(role):
                raise ValueError(f"{self.id}: unknown target role {role!r}")
        if self.planned_as and (set(self.planned_as) != {"type", "cameo"}
                                or self.planned_as["type"] not in spec.types
                                or not re.fullmatch(r"\d{3,4}", self.planned_as["cameo"])):
            raise ValueError(f"{self.id}: planned_as needs a PLOVER type and a CAMEO code")
        if not re.fullmatch(r"\d{3,4}", self.cameo):
            raise ValueError(f"{self.id}: bad CAMEO code {self.cameo!r}")
        return self

    @property
    def source_roles(self) -> list[str]:
        return self.source or (NOUN_SOURCE if self.nouns and not self.verbs else DEFAULT_SOURCE)

    @property
    def target_roles(self) -> list[str]:
        return self.target or (NOUN_TARGET if self.nouns and not self.verbs else DEFAULT_TARGET)

    @property
    def specificity(self) -> int:
        """Patterns with more constraints are tried first."""
        return (2 * bool(self.objects) + 2 * bool(self.preps) + 2 * bool(self.complements) + bool(self.relation)
                + self.needs_clause + bool(self.sentence_words))

    @cached_property
    def verb_heads(self) -> dict[str, list[list[str]]]:
        """verb lemma → the extra words each multiword entry needs ("list as" → {"list": [["as"]]})."""
        out: dict[str, list[list[str]]] = {}
        for entry in self.verbs:
            head, *rest = entry.split()
            out.setdefault(head, []).append(rest)
        return out


class PatternFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    defaults: dict = Field(default_factory=dict)
    patterns: list[Pattern]

    @model_validator(mode="after")
    def _unique(self) -> "PatternFile":
        seen: set[str] = set()
        for p in self.patterns:
            if p.id in seen:
                raise ValueError(f"duplicate pattern id {p.id!r}")
            seen.add(p.id)
        return self


class PatternSet:
    """Patterns indexed by trigger lemma."""

    def __init__(self, spec: PatternFile):
        self.spec = spec
        self.version = spec.version
        self._verbs: dict[str, list[Pattern]] = {}
        self._nouns: dict[str, list[Pattern]] = {}
        for p in spec.patterns:
            for head in p.verb_heads:
                self._verbs.setdefault(head, []).append(p)
            for noun in p.nouns:
                self._nouns.setdefault(noun.split()[-1], []).append(p)
        for table in (self._verbs, self._nouns):
            for key in table:
                table[key].sort(key=lambda p: -p.specificity)

    @property
    def patterns(self) -> list[Pattern]:
        return self.spec.patterns

    def for_verb(self, lemma: str) -> list[Pattern]:
        return self._verbs.get(lemma, [])

    def for_noun(self, lemma: str) -> list[Pattern]:
        return self._nouns.get(lemma, [])

    def trigger_count(self) -> int:
        return sum(len(p.verbs) + len(p.nouns) for p in self.spec.patterns)


class PatternError(Exception):
    """The pattern file is missing or invalid: one clear line."""


def parse_patterns(path: Path) -> PatternSet:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return PatternSet(PatternFile.model_validate(raw))
    except (OSError, yaml.YAMLError) as exc:
        raise PatternError(f"{path}: cannot read: {exc}") from exc
    except ValueError as exc:
        lines = str(exc).splitlines()
        raise PatternError(f"{path}: invalid: {' '.join(lines[:3])}") from exc


@lru_cache(maxsize=1)
def load_patterns() -> PatternSet:
    """The packaged patterns (cached)."""
    return parse_patterns(DATA_FILE)
