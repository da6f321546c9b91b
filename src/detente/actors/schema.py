"""Pydantic models for the actor YAML files under ``detente/data/actors/`` (and user ``--actors`` files).

Every file carries a ``version:`` key. Loading validates each file on its own; ``kb.load_kb`` then
checks what spans files (role actors exist, sector codes are known).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field, field_validator, model_validator

from detente.records import Record

ID_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")

ActorKind = Literal[
    "state", "historic_state", "igo", "ngo", "armed_group", "party", "movement", "company", "media",
    "person", "institution", "other",
]

# sectors under which a state's institution stands for the state itself ("Russia's Supreme Court" is
# id RUS, sector JUD); any other sector names a part of society, not the state (id null)
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})

# the sector an actor has when its entry gives neither a sector nor a dated role
DEFAULT_SECTOR: dict[str, str | None] = {
    "igo": "IGO", "ngo": "NGO", "armed_group": "REB", "party": "PTY", "company": "BUS", "media": "JRN",
    "state": None, "historic_state": None, "movement": None, "person": None, "other": None, "institution": None,
}


def _check_id(value: str) -> str:
    if not ID_RE.match(value):
        raise ValueError(f"bad actor id {value!r}: upper-case letters, digits and _ only")
    return value


#: an actor id: upper-case letters, digits and ``_``
ActorId = Annotated[str, AfterValidator(_check_id)]


class _Strict(Record):
    """A model of actor-file data: a key it does not declare is an error."""


class RoleFields(BaseModel):
    """What a dated role says. For organisations: the sector and country they have between ``start``
    and ``end``. For people: the ``actor`` they serve, the ``sector`` of the post (``None`` = the
    served actor's own sector on that date) and its ``title``. ``end`` is exclusive; open ends are
    ``None``. Shared by the KB's roles (``Role``) and the importers' records (``kb.model.RoleRec``)."""

    sector: str | None = None
    country: str | None = None
    actor: str | None = None
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


class Role(RoleFields, _Strict):
    """A dated role of a KB actor, as the actor files and the KB hold it."""

    @model_validator(mode="after")
    def _order(self) -> "Role":
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"role ends ({self.end}) before it starts ({self.start})")
        return self

    def valid_on(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


def _with_actor(roles: list[Role], message: str) -> list[Role]:
    """``roles`` when each names its ``actor``; else ``message`` as the error."""
    if any(not r.actor for r in roles):
        raise ValueError(message)
    return roles


def _roles_naming_actor(message: str) -> Any:
    """The type of a list of roles each of which must name its ``actor`` (else ``message``)."""
    return Annotated[list[Role], AfterValidator(partial(_with_actor, message=message))]


GoverningRoles = _roles_naming_actor("a governed_by entry needs the governing `actor`")
ServedRoles = _roles_naming_actor("a person's role needs the `actor` it serves")
AuthorityRoles = _roles_naming_actor("a region's authority needs the `actor`")


class Actor(_Strict):
    """One KB entry: a state, an organisation or group, or a person."""

    id: ActorId
    kind: ActorKind
    name: str
    aliases: list[str] = Field(default_factory=list)
    variants: list[str] = Field(default_factory=list)  # exact look-up only, never matched in text
    demonyms: list[str] = Field(default_factory=list)
    capitals: list[str] = Field(default_factory=list)
    institutions: list[str] = Field(default_factory=list)
    historic_names: list[str] = Field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    parent: str | None = None
    # states and de facto states: the states that claim its territory (Kosovo: SRB; Taiwan: CHN;
    # Abkhazia: GEO and RUS, which recognises and holds it)
    claimants: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    # states: who governs de facto between dates when that is not the state's own recognised
    # government ("Kabul", "Afghan authorities" after 2021-08-15 are the Taliban); each role names
    # the governing ``actor`` with ``start``/``end``
    governed_by: list[Role] = Field(default_factory=list)
    alpha2: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    successor: str | None = None
    died: dt.date | None = None

    def all_names(self) -> list[str]:
        return [self.name, *self.aliases, *self.historic_names]


class StateExtra(_Strict):
    """Hand-written additions to a generated state (``states_extra.yml``)."""

    short_names: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    capitals: list[str] = Field(default_factory=list)
    institutions: list[str] = Field(default_factory=list)
    historic_names: list[str] = Field(default_factory=list)
    governed_by: GoverningRoles = Field(default_factory=list)


class HistoricState(_Strict):
    id: ActorId
    name: str
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    capitals: list[str] = Field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    successor: str | None = None

    def to_actor(self) -> Actor:
        return Actor(
            id=self.id, kind="historic_state" if self.end else "state", name=self.name,
            aliases=self.aliases, demonyms=self.demonyms, capitals=self.capitals, start=self.start,
            end=self.end, successor=self.successor,
        )


class Person(_Strict):
    id: ActorId
    name: str
    aliases: list[str] = Field(default_factory=list)
    roles: ServedRoles = Field(default_factory=list)
    died: dt.date | None = None

    @field_validator("roles")
    @classmethod
    def _by_start(cls, roles: list[Role]) -> list[Role]:
        return sorted(roles, key=lambda r: r.start or dt.date.min)

    def to_actor(self) -> Actor:
        return Actor(id=self.id, kind="person", name=self.name, aliases=self.aliases, roles=self.roles,
                     died=self.died)


class SectorNouns(_Strict):
    sector: str
    institution: bool = False
    words: list[str]


class Region(_Strict):
    """A region of a state ("Chechnya", "Donbas"): a place that stands for its ``state`` only as a
    location, never as the state acting. Named with a separatist word ("the separatist government
    of Chechnya", "Chechen separatists") it is the ``authorities`` actor valid on the date, if any
    (else a rebel part of the state: id null, country the state, sector REB)."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    state: str
    authorities: AuthorityRoles = Field(default_factory=list)


class ActorFile(_Strict):
    """Any actor YAML file: the packaged ones and user ``--actors`` files share this shape.

    - ``actors``: entries of any kind (states included, e.g. a fictional ``KRV``)
    - ``states``: additions to existing states by id (``states_extra.yml``)
    - ``historic``: historic states
    - ``people``: people with dated roles
    - ``sectors`` / ``nouns``: sector codes and the nouns that imply them
    - ``people_modifiers``: sector → adjectives that move a state's people (civilians) into that
      sector ("undocumented Afghans", "displaced Syrian families" → REF)
    - ``cameo``: CAMEO actor codes → detente ids, read by ``detente eval`` (ignored by the KB)
    """

    version: int
    generated_by: str | None = None
    sources: dict[str, str] = Field(default_factory=dict)
    actors: list[Actor] = Field(default_factory=list)
    states: dict[str, StateExtra] = Field(default_factory=dict)
    historic: list[HistoricState] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    sectors: dict[str, str] = Field(default_factory=dict)
    nouns: list[SectorNouns] = Field(default_factory=list)
    people_modifiers: dict[str, list[str]] = Field(default_factory=dict)
    regions: list[Region] = Field(default_factory=list)
    cameo: dict[str, str | dict[str, Any]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_sector_a_word(self) -> ActorFile:
        """A noun is under one sector only (else the last group would win silently)."""
        seen: dict[str, str] = {}
        for group in self.nouns:
            for w in group.words:
                k = w.lower()
                if seen.setdefault(k, group.sector) != group.sector:
                    raise ValueError(f"noun {w!r} listed under two sectors: {seen[k]} and {group.sector}")
        return self
