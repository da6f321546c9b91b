"""How names are keyed and matched: folding, look-up keys, alias kinds, plurals.

Plain string functions and small records shared by the KB (``detente.actors.kb``), name
resolution (``detente.actors.resolve``), mention finding and the KB build; they import nothing
of detente but the word-list loader, so any of those can use them without importing each other.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from detente.wordlists import words

# how an alias names its actor, best first: the score of an exact match, and the mention kind
HOW: dict[str, tuple[float, str]] = {
    "name": (1.0, "name"),
    "alias": (1.0, "name"),
    "short": (1.0, "name"),
    "person": (0.97, "person"),
    "historic": (0.95, "name"),
    "demonym": (0.9, "demonym"),
    "institution": (0.9, "metonym"),
    "capital": (0.85, "metonym"),
    "variant": (0.9, "name"),
}
HOW_ORDER = {h: i for i, h in enumerate(HOW)}
# alias kinds the mention finder matches in running text (variants are look-up only)
MATCHED_HOWS = frozenset(HOW) - {"variant"}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-insensitive key: NFKD without combining marks, curly quotes straightened,
    whitespace folded, lower case (memoised: the same names recur across articles)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    if not text.isascii():  # (ASCII is its own NFKD, with no combining marks)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("\u0131", "i")  # dotless i (Yıldırım)
    return " ".join(text.casefold().split())


ARTICLES = tuple(f"{w} " for w in words("actors")["articles"])


def _drop_article(text: str) -> str:
    """``text`` without a leading "the", "a" or "an" (any case)."""
    low = text.lower()
    for art in ARTICLES:
        if low.startswith(art):
            return text[len(art):]
    return text


def key(text: str) -> str:
    """The look-up key of a name: ``fold`` plus a leading article and a trailing possessive removed."""
    k = _drop_article(fold(text).strip(" ,.;:\""))
    if k.endswith("'s"):
        k = k[:-2]
    elif k.endswith("s'"):
        k = k[:-1]
    return k.strip()


def core(text: str) -> str:
    """``text`` with its case kept but a leading article and a trailing possessive removed."""
    t = _drop_article(" ".join(text.replace("\u2019", "'").split()).strip(" ,.;:\""))
    if t.endswith("'s"):
        t = t[:-2]
    return t


def is_case_sensitive(alias: str) -> bool:
    """Acronyms written without lower-case letters ("US", "WHO", "OPEC+") only match as written."""
    return not any(c.islower() for c in alias) and any(c.isalpha() for c in alias)


def plural(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x", "z")):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}".strip()


def plural_people_noun(word: str) -> bool:
    """Whether a people noun as written is a plural ("Czechs", "Frenchmen"; not "Swiss")."""
    return word.endswith("men") or (word.endswith("s") and not word.endswith("ss"))


def demonym_plural(word: str) -> str | None:
    """"Russian" → "Russians"; none for "Chinese", "British", "French", "Swiss"."""
    if word.endswith(("ese", "sh", "ch", "ss", "s")):
        return None
    return word + "s"


@dataclass(frozen=True)
class AliasHit:
    actor: str
    how: str
    alias: str
    case_sensitive: bool


@dataclass(frozen=True)
class SectorNoun:
    phrase: str
    sector: str
    institution: bool
