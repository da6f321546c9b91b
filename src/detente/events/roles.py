"""Argument roles: one registered function per role, so that a pattern file names only roles that exist.

A pattern lists, for each side of its event, the roles tried in order (``source: [subj, agent]``,
``target: [obj_core, "prep:with"]``); the first role whose function finds an actor gives the
argument. Each role is a function registered under its name and side::

    @role("source", "subj")
    def _subj(ctx, m, word): ...          # source roles: (context, match, word) -> Arg | None

    @role("target", "prep", takes_word=True)
    def _prep(want, word): ...            # target roles: (what the target sees, word) -> Arg | None

A role that takes a word is named ``name:word`` in pattern files (``prep:with``: the object of
"with"). The built-in roles are registered by :mod:`detente.events.engine` (imported on first
look-up); other code may register more before the patterns are loaded. ``check`` is what the
pattern loader calls: an unknown role is a load error naming the role and the known ones.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal

Side = Literal["source", "target"]
SIDES: tuple[Side, ...] = ("source", "target")
#: the module whose import registers the built-in roles
BUILTIN_MODULE = "detente.events.engine"
_WORD = re.compile(r"^[a-z]+$")


@dataclass(frozen=True)
class Role:
    side: Side
    name: str
    fn: Callable
    takes_word: bool = False


_REGISTRY: dict[tuple[str, str], Role] = {}


def role(side: Side, name: str, *, takes_word: bool = False) -> Callable[[Callable], Callable]:
    """Register the decorated function as role ``name`` of ``side`` ("source" or "target")."""
    if side not in SIDES:
        raise ValueError(f"role {name!r}: side must be one of {SIDES}, not {side!r}")

    def register(fn: Callable) -> Callable:
        old = _REGISTRY.get((side, name))
        if old is not None and old.fn.__qualname__ != fn.__qualname__:
            raise ValueError(f"{side} role {name!r} is registered twice ({old.fn.__qualname__}, {fn.__qualname__})")
        _REGISTRY[(side, name)] = Role(side, name, fn, takes_word)
        resolve.cache_clear()
        return fn

    return register


def _ensure_builtin() -> None:
    importlib.import_module(BUILTIN_MODULE)


def split(spec: str) -> tuple[str, str | None]:
    """``"prep:with"`` → ``("prep", "with")``; ``"subj"`` → ``("subj", None)``."""
    name, sep, word = spec.partition(":")
    return name, (word if sep else None)


def names(side: Side) -> list[str]:
    """The registered roles of one side, as a pattern file writes them (``prep:WORD``)."""
    _ensure_builtin()
    return sorted(r.name + (":WORD" if r.takes_word else "") for (s, _), r in _REGISTRY.items() if s == side)


def problem(side: Side, spec: str) -> str | None:
    """Why ``spec`` is not a role of ``side`` (None when it is one)."""
    _ensure_builtin()
    name, word = split(spec)
    got = _REGISTRY.get((side, name))
    if got is None:
        return f"unknown {side} role {spec!r} (known: {', '.join(names(side))})"
    if got.takes_word and (word is None or not _WORD.match(word)):
        return f"{side} role {spec!r} needs a lower-case word: {name}:WORD"
    if not got.takes_word and word is not None:
        return f"{side} role {name!r} takes no word ({spec!r})"
    return None


def check(side: Side, spec: str) -> None:
    """Raise ``ValueError`` when ``spec`` is not a role of ``side``."""
    why = problem(side, spec)
    if why is not None:
        raise ValueError(why)


@cache
def resolve(side: Side, spec: str) -> tuple[Callable, str | None]:
    """The function of role ``spec`` and its word (``prep:with`` → the ``prep`` function, "with")."""
    check(side, spec)
    name, word = split(spec)
    return _REGISTRY[(side, name)].fn, word
