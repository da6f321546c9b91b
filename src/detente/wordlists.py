"""One loader for the word lists stages keep as data (``detente/data/**/words*.yml``).

A word-list file is YAML: ``version`` and named lists of words (or a mapping word → label), validated
on load, read once per process::

    from detente.wordlists import words
    QUOTE_VERBS = frozenset(words("quotes")["speech_verbs"])
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Annotated, Self

import yaml
from pydantic import Field, RootModel
from detente.records import Record

class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe YAML loader (libyaml's where installed) that refuses a key given twice in one mapping:
    plain YAML keeps the last, so a setting written twice would change behaviour without a word."""

    def construct_mapping(self, node, deep=False):  # noqa: ANN001, ANN201 - PyYAML's signature
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping", node.start_mark, f"key {key!r} given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_yaml(text: str):  # noqa: ANN201 - YAML data of any shape
    """The data of a package data file's YAML ``text``; a key given twice in a mapping is an error."""
    return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a safe loader


#: a list of words in a data file, empty where the file leaves it out
WordList = Annotated[list[str], Field(default_factory=list)]


class DataFile(Record):
    """A stage's settings file under ``detente/data``: an integer ``version`` and the stage's own keys
    (an unknown key is an error). Subclasses declare the keys; :meth:`read` loads and validates."""

    version: int

    @classmethod
    def read(cls, source: Path | Traversable) -> Self:
        """The validated settings in file ``source``."""
        return cls.model_validate(load_yaml(source.read_text(encoding="utf-8")))

    @classmethod
    def read_once(cls, source: Path | Traversable) -> Self:
        """:meth:`read`, once per process: later calls give the same object. (The stages ask for
        their settings in hot loops: the same ``source`` object is found by its identity, without
        hashing the path again.)"""
        got = _ONCE.get(id(source))
        if got is not None and got[0] is source and got[1] is cls:
            return got[2]
        value = _read_once(cls, source)
        _ONCE[id(source)] = (source, cls, value)
        return value


#: id(source) → (source, class, what ``read_once`` gave for them)
_ONCE: dict[int, tuple[object, type, object]] = {}


@lru_cache(maxsize=None)
def _read_once(cls: type[DataFile], source: Path | Traversable) -> DataFile:
    return cls.read(source)

#: list name → file under ``detente/data``
FILES = {
    "places": "places/words.yml",
    "quotes": "words/quotes.yml",
    "actors": "words/actors.yml",
    "dates": "words/dates.yml",
    "kb": "words/kb.yml",
    "classifier": "words/classifier.yml",
    "attacks": "words/attacks.yml",
    "legal": "words/legal.yml",
}


class WordFile(RootModel[dict[str, int | list[str] | dict[str, str]]]):
    """A word-list file: ``version`` and named lists (or word → label mappings)."""


@lru_cache(maxsize=None)
def words(name: str) -> dict[str, list[str] | dict[str, str]]:
    """The named lists of word-list file ``name`` (a key of :data:`FILES`)."""
    text = resources.files("detente").joinpath("data", FILES[name]).read_text(encoding="utf-8")
    data = WordFile.model_validate(load_yaml(text)).root
    if not isinstance(data.get("version"), int):
        raise ValueError(f"data/{FILES[name]}: a word-list file needs an integer `version`")
    return {k: v for k, v in data.items() if k != "version"}


@lru_cache(maxsize=None)
def word_sets(name: str) -> dict[str, frozenset[str]]:
    """The named lists of word-list file ``name`` as sets, for membership tests
    (``word in word_sets("dates")["perfect_auxes"]``)."""
    return {k: frozenset(v) for k, v in words(name).items() if isinstance(v, list)}
