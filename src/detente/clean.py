"""Text clean-up before parsing, with an offset map back to the original text.

News text arrives with bullet lists, headings with no full stop, "At a Glance" fragments, curly
quotes and dashes. The parser wants sentences. ``clean_text`` returns the cleaned text and, for
every character of it, the offset of the original character it came from, so every claim can be
reported with offsets into the article *as given*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# one-character replacements: offsets stay in step with the original
_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u00a0": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u2007": " ",
    "\u200b": " ", "\ufeff": " ", "\u2026": ".", "\t": " ", "\r": " ",
}
_CHAR_TABLE = str.maketrans(_CHAR_MAP)
_BULLET = re.compile(r"^[ \t]*(?:[\u2022\u25aa\u25cf\u25e6\u2023\u2043\u2219*+\-]|\d{1,2}[.)])[ \t]+")
_HEADING_MARK = re.compile(r"^[ \t]*#{1,6}[ \t]+")
_END_PUNCT = ('.', '!', '?', ':', ';', '"', "'", ')')
# a wire dateline at the start of a paragraph: "OTTAWA, Oct 14 (Detente Wire) - Canada expelled ..."
_DATELINE = re.compile(
    r"^[ ]*[A-Z][A-Z'.\- ]*[A-Z]{2}[A-Z'.\- ]*(?:/[A-Z][A-Z'.\- ]+)*"
    r"(?:,[ ]+[A-Z][A-Za-z'.\-]+(?:[ ][A-Z][A-Za-z'.\-]+){0,3}(?=,))*"  # ", Saint Vincent"
    r"(?:,[ ]+[A-Z][a-z]{2,8}\.?[ ]+\d{1,2})?(?:[ ]*\([^)\n]{1,60}\))?[ ]+([-\u2013\u2014])[ ]+(?=[A-Z\"\u201c])"
)


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text plus ``offsets[i]`` = original offset of cleaned character ``i``.

    ``offsets`` has one extra entry at the end (the original length) so that an exclusive end
    offset maps too.
    """

    text: str
    offsets: tuple[int, ...]

    def orig(self, i: int) -> int:
        """Original offset of cleaned offset ``i`` (an exclusive end maps to just after its char)."""
        if i <= 0:
            return self.offsets[0] if self.offsets else 0
        if i >= len(self.text):
            return self.offsets[-1]
        return self.offsets[i]

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.orig(start)
            return s, s
        return self.orig(start), self.offsets[end - 1] + 1


def clean_text(text: str) -> Cleaned:
    """Normalise quotes, dashes and spaces; turn bullets and headings into sentences.

    - curly quotes, dashes and odd spaces are replaced one character for one;
    - a bullet marker (``•``, ``-``, ``*``, ``1.``) at the start of a line is blanked;
    - a line that ends without sentence punctuation and is followed by a line break (a heading,
      a bullet, an "At a Glance" fragment) gets a full stop, so the parser does not run it into
      the next line;
    - a colon ending a line over a bullet list, or a bullet glyph inside a line ("Key facts: •
      Canada expelled … • India expelled …"), becomes a full stop (a glyph after sentence
      punctuation a space), so each item is its own sentence;
    - the dash after a wire dateline ("OTTAWA, Oct 14 (Reuters) - ") becomes a full stop, so the
      dateline does not become the subject of the first sentence.
    """
    out: list[str] = []
    offs: list[int] = []
    pos = 0
    lines = text.split("\n")
    for n, line in enumerate(lines):
        m = _BULLET.match(line) or _HEADING_MARK.match(line)
        cut = m.end() if m else 0
        dl = _DATELINE.match(line) if not m else None
        dash = dl.start(1) if dl else -1
        chars = list(line.translate(_CHAR_TABLE))  # one character for one: offsets stay aligned
        if dash >= cut:
            chars[dash] = "."
        chars[:cut] = " " * cut
        out.extend(chars)
        offs.extend(range(pos, pos + len(line)))
        stripped = line.rstrip()
        last_line = n == len(lines) - 1
        body = stripped[cut:].strip()
        if body.endswith(":") and not last_line and _starts_list(lines[n + 1]):
            # "Key facts:" over a bullet list: the lead-in is its own sentence
            out[len(out) - (len(line) - len(stripped)) - 1] = "."
        needs_stop = bool(body) and not body.endswith(_END_PUNCT)
        if needs_stop and not last_line:
            # insert a full stop right after the last visible character; it maps to that character
            k = len(out) - (len(line) - len(stripped))
            out.insert(k, ".")
            offs.insert(k, pos + len(stripped) - 1)
        elif needs_stop and last_line and m is not None:
            out.append(".")
            offs.append(pos + len(stripped) - 1)
        if not last_line:
            out.append("\n")
            offs.append(pos + len(line))
        pos += len(line) + 1
    offs.append(len(text))
    _split_inline_bullets(out)
    return Cleaned("".join(out), tuple(offs))


def _starts_list(line: str) -> bool:
    m = _BULLET.match(line)
    return bool(m and line[m.end():].strip())


_GLYPHS = "\u2022\u25aa\u25cf\u25e6\u2023\u2043\u2219"
_INLINE_BULLET = re.compile(r"(?P<prev>\S)(?P<sp>[ ]+)(?P<g>[" + _GLYPHS + r"])(?=[ ]+\S)")


def _split_inline_bullets(out: list[str]) -> None:
    """"Key facts: • Canada expelled … • India expelled …": a bullet glyph inside a line starts a new
    sentence. Replaced in place, one character for one: the glyph becomes a full stop (or a space
    after sentence punctuation; a colon before it becomes the full stop)."""
    text = "".join(out)
    if not any(g in text for g in _GLYPHS):
        return
    for m in _INLINE_BULLET.finditer(text):
        prev = m["prev"]
        if prev in ".!?;":
            out[m.start("g")] = " "
        elif prev == ":":
            out[m.start("prev")] = "."
            out[m.start("g")] = " "
        else:
            out[m.start("g")] = "."
