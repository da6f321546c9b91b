"""One loader for the word lists stages keep as data (``detente/data/**/words*.yml``).

A word-list file is YAML: ``version`` and named lists of words (or a mapping word → label), validated
on load, read once per process::

    from detente.wordlists import words
    QUOTE_VERBS = frozenset(words("quotes")["speech_verbs"])
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from pydantic import RootModel

#: list name → file under ``detente/data``
FILES = {
    "places": "places/words.yml",
    "quotes": "words/quotes.yml",
    "actors": "words/actors.yml",
    "dates": "words/dates.yml",
    "kb": "words/kb.yml",
    "classifier": "words/classifier.yml",
}


class WordFile(RootModel[dict[str, int | list[str] | dict[str, str]]]):
    """A word-list file: ``version`` and named lists (or word → label mappings)."""


@lru_cache(maxsize=None)
def words(name: str) -> dict[str, list[str] | dict[str, str]]:
    """The named lists of word-list file ``name`` (a key of :data:`FILES`)."""
    text = resources.files("detente").joinpath("data", FILES[name]).read_text(encoding="utf-8")
    data = WordFile.model_validate(yaml.safe_load(text)).root
    if not isinstance(data.get("version"), int):
        raise ValueError(f"data/{FILES[name]}: a word-list file needs an integer `version`")
    return {k: v for k, v in data.items() if k != "version"}


@lru_cache(maxsize=None)
def word_sets(name: str) -> dict[str, frozenset[str]]:
    """The named lists of word-list file ``name`` as sets, for membership tests
    (``word in word_sets("dates")["perfect_auxes"]``)."""
    return {k: frozenset(v) for k, v in words(name).items() if isinstance(v, list)}
