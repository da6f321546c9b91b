"""The relation dimensions as data: ``detente/data/relations/dimensions.yml``, validated by pydantic.

``load_dimensions()`` returns the (cached) :class:`DimensionsConfig`. Its values agree with
``detente.models.DIMENSION_VALUES`` (checked on load), so the data file cannot drift from the model.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, model_validator

from detente.records import Record
from detente.models import DIMENSION_VALUES

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "relations" / "dimensions.yml"


class ValueSpec(Record):
    rank: int = 0
    label: str


class Fallback(Record):
    """An event type/mode (and optional context) that implies a transition when no pattern said so."""

    type: str
    mode: str | None = None
    context: str | None = None
    value: str
    rule: str


class DimensionSpec(Record):
    default: str
    values: dict[str, ValueSpec]
    negation: dict[str, str] = Field(default_factory=dict)
    fallback: list[Fallback] = Field(default_factory=list)
    wording: dict[str, str] = Field(default_factory=dict)
    change_wording: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check_values(self) -> "DimensionSpec":
        known = set(self.values) | {self.default}
        for src, dst in self.negation.items():
            if src not in known or dst not in known:
                raise ValueError(f"negation {src} -> {dst}: unknown value")
        for fb in self.fallback:
            if fb.value not in known:
                raise ValueError(f"fallback {fb.rule}: unknown value {fb.value!r}")
        for key in list(self.wording) + list(self.change_wording):
            if key not in known:
                raise ValueError(f"wording for unknown value {key!r}")
        return self


class StanceLabel(BaseModel):
    min: float
    label: str


class StanceSpec(Record):
    window_months: int = 12
    statuses: list[str]
    precisions: list[str]
    clamp: tuple[float, float] = (-10.0, 10.0)
    labels: list[StanceLabel]

    def label(self, value: float | None) -> str:
        if value is None:
            return "no events"
        for lab in self.labels:
            if value >= lab.min:
                return lab.label
        return self.labels[-1].label


class DimensionsConfig(Record):
    version: int
    precision_rank: dict[str, int]
    effective_statuses: list[str]
    dimensions: dict[str, DimensionSpec]
    stance: StanceSpec
    ftm: dict[str, dict]

    @model_validator(mode="after")
    def _agree_with_model(self) -> "DimensionsConfig":
        for dim, values in DIMENSION_VALUES.items():
            spec = self.dimensions.get(dim)
            if spec is None:
                raise ValueError(f"dimension {dim!r} missing")
            if set(spec.values) != set(values):
                raise ValueError(f"dimension {dim!r}: values {sorted(spec.values)} != model {sorted(values)}")
        return self

    def rank_of_precision(self, precision: str | None) -> int:
        """Higher is more precise; an undated claim ranks below every dated one."""
        return -1 if precision is None else self.precision_rank.get(precision, -1)

    def negate(self, dimension: str, value: str) -> str | None:
        """The value a negated statement supports ("has not recognised" → ``none``), or None."""
        spec = self.dimensions.get(dimension)
        return spec.negation.get(value) if spec else None


class DimensionsError(Exception):
    """The dimensions file is missing or invalid: one clear line."""


def parse_dimensions(path: Path) -> DimensionsConfig:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return DimensionsConfig.model_validate(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise DimensionsError(f"{path}: cannot read: {exc}") from exc
    except ValueError as exc:  # pydantic ValidationError is a ValueError
        first = str(exc).splitlines()
        raise DimensionsError(f"{path}: invalid: {' '.join(first[:3])}") from exc


@lru_cache(maxsize=1)
def load_dimensions() -> DimensionsConfig:
    """The packaged dimensions file (cached)."""
    return parse_dimensions(DATA_FILE)
