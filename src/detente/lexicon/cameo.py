"""Reader for PETRARCH's CAMEO verb dictionary (``CAMEO.2.0.txt``, MIT, Open Event Data Alliance).

The file has three parts:

- synonym sets: ``&NAME`` (or ``&NAME_``) then one ``+MEMBER`` per line;
- verb blocks: ``---  NAME   [code]  ---``, then the block's verbs (``VERB {forms} [code] # note``;
  ``+CALL_OFF`` is a verb with a particle), then its patterns ``- <words> [code] # note`` where ``*``
  stands for the verb;
- transformations (``~ …``), which are not read.

:func:`parse` returns a :class:`Dictionary`; it interprets nothing beyond the syntax (what a pattern
means for detente is decided in :mod:`detente.lexicon.build`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True)
class Code:
    """A CAMEO code cell: ``[190]``, ``[042:043]`` (actor → recipient : recipient → actor),
    ``[:173]`` (only the reverse direction), ``[---]`` (explicitly no event)."""

    forward: str | None
    backward: str | None

    @classmethod
    def parse(cls, cell: str) -> "Code":
        cell = cell.strip()
        if cell in ("---", ""):
            return cls(None, None)
        fwd, _, back = cell.partition(":")
        return cls(fwd.strip() or None, back.strip() or None)

    @property
    def null(self) -> bool:
        return self.forward is None and self.backward is None


@dataclass
class Verb:
    words: tuple[str, ...]     # lower case: ("call", "off")
    code: Code | None          # the verb's own code, or None (the block's applies)
    line: int


@dataclass
class PatternLine:
    text: str                  # between "- " and the code cell
    code: Code
    note: str                  # the comment after '#': the verb the pattern was written for
    line: int


@dataclass
class Block:
    name: str
    code: Code
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[PatternLine] = field(default_factory=list)


@dataclass
class Dictionary:
    synsets: dict[str, list[str]]  # name without '&' or trailing '_' → members (upper case)
    blocks: list[Block]


def _strip_comment(line: str) -> tuple[str, str]:
    body, _, note = line.partition("#")
    return body.rstrip(), note.strip()


def _verb_words(token: str) -> tuple[str, ...]:
    token = token.lstrip("+").rstrip("_")
    return tuple(w for w in token.lower().split("_") if w)


def parse(text: str) -> Dictionary:
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    block: Block | None = None
    for no, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if line.startswith("########") and "TRANSFORMATIONS" in line:
            break
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("~"):
            continue
        if line.startswith("&") and block is None:
            current_set = line[1:].strip().rstrip("_").upper()
            synsets[current_set] = []
            continue
        if line.startswith("+") and block is None and current_set is not None:
            member, _ = _strip_comment(line[1:])
            if member.strip():
                synsets[current_set].append(member.strip())
            continue
        m = BLOCK.match(line)
        if m:
            block = Block(name=m.group(1), code=Code.parse(m.group(2)), line=no)
            blocks.append(block)
            current_set = None
            continue
        if block is None:
            continue
        body, note = _strip_comment(line)
        if body.startswith("-"):
            cm = CODE.search(body)
            if cm is None:
                continue
            block.patterns.append(PatternLine(text=body[1:cm.start()].strip(), code=Code.parse(cm.group(1)),
                                              note=note, line=no))
            continue
        # a verb line: VERB {FORMS} [code]
        cm = CODE.search(body)
        code = Code.parse(cm.group(1)) if cm else None
        head = re.sub(r"\{[^}]*\}", " ", CODE.sub(" ", body)).split()
        if not head:
            continue
        words = _verb_words(head[0])
        if words:
            block.verbs.append(Verb(words=words, code=code, line=no))
    return Dictionary(synsets=synsets, blocks=blocks)
