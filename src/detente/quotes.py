"""Quotes: direct quotations and "according to X" attributions, with their speaker.

A quote is the text between a pair of quotation marks (straight after cleaning, curly accepted) of at
least a few words. Its speaker comes from a reporting verb ("said", "told", "added", "wrote",
"stated"…) outside the marks in the sentences the quote touches, whose subject is a person ("…,"
said Dmitri Volkov, an analyst; Morozova said), or from "according to X" in those sentences. A
surname alone is widened to the full name used earlier in the article ("Morozova" → "Anna
Morozova"); "he"/"she" and a quote with no cue of its own take the speaker of the previous quote in
the same paragraph. ``speaker_id`` is the actor id of the speaker's mention when the actors stage
resolved it (a person resolves to the actor they serve). Offsets are those of the quoted text
without its marks, in ``doc.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from detente.models import Mention, Quote
from detente.nlp import doc_ents, doc_text, sentences
from detente.wordlists import words

_QW = words("quotes")

QUOTE_RE = re.compile(r"[\"\u201c\u201e]([^\"\u201c\u201d\u201e\n]{3,}?)[\"\u201d]")
REPORTING = frozenset(_QW["reporting"])
PRONOUNS = frozenset(_QW["speaker_pronouns"])
MIN_WORDS = 3


def _person_span(tok: Token) -> Span | None:
    """The PERSON entity at ``tok`` (or the proper-noun chain ending at it)."""
    doc = tok.doc
    if tok.ent_iob_ in ("B", "I") and tok.ent_type_ == "PERSON":
        # the entity around the token, from its IOB tags (``doc.ents`` walks the whole document)
        start, end = tok.i, tok.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return Span(doc, start, end, label="PERSON")
    if tok.pos_ == "PROPN":
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        return doc[start: tok.i + 1]
    return None


def _speaker_from_sentence(sent: Span, q_start: int, q_end: int) -> tuple[Token | None, str]:
    """(speaker head token, cue) from a reporting verb or "according to" outside the quote."""
    best: tuple[int, Token, str] | None = None
    for t in sent:
        inside = q_start <= t.idx < q_end
        if inside:
            continue
        cand: Token | None = None
        cue = ""
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in REPORTING:
            subj = [c for c in t.children if c.dep_ in ("nsubj",)]
            if subj:
                cand, cue = subj[0], t.lemma_.lower()
        elif t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            pobj = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
            if pobj:
                cand, cue = pobj[0], "according to"
        if cand is None:
            continue
        dist = min(abs(t.idx - q_end), abs(t.idx - q_start))
        if best is None or dist < best[0]:
            best = (dist, cand, cue)
    return (best[1], best[2]) if best else (None, "")


class _MentionIndex:
    """The mentions by start offset, for overlap look-ups by bisection (in list order)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
        self.starts = [mentions[k].start for k in self.order]
        self.longest = max((m.end - m.start for m in mentions), default=0)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        lo, hi = bisect_left(self.starts, start - self.longest), bisect_left(self.starts, end)
        return [self.mentions[k] for k in sorted(self.order[lo:hi])]


def _mention_at(mentions: _MentionIndex, start: int, end: int) -> Mention | None:
    for m in mentions.overlapping(start, end):
        if m.start < end and start < m.end and (m.kind == "person" or m.id):
            return m
    return None


def extract_quotes(doc: Doc, mentions: list[Mention]) -> list[Quote]:
    """Quotes of a parsed doc (offsets in ``doc.text``)."""
    text = doc_text(doc)
    index = _MentionIndex(mentions)
    persons: list[str] = [e.text for e in doc_ents(doc) if e.label_ == "PERSON" and " " in e.text.strip()]
    out: list[Quote] = []
    last: tuple[str | None, str | None, int] | None = None  # speaker, id, paragraph start
    for m in QUOTE_RE.finditer(text):
        inner_start, inner_end = m.start(1), m.end(1)
        raw = m.group(1)
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip().rstrip(",;:").rstrip())
        inner_start, inner_end = inner_start + lead, inner_end - trail
        if len(text[inner_start:inner_end].split()) < MIN_WORDS:
            continue
        para_start = text.rfind("\n\n", 0, m.start()) + 1
        sents = sentences(doc).overlapping(m.start(), m.end())
        head: Token | None = None
        cue = ""
        for s in sents:
            # the sentence holding the closing mark first: "…," said X. / X said: "…"
            head, cue = _speaker_from_sentence(s, m.start(), m.end())
            if head is not None:
                break
        speaker = speaker_id = None
        confidence = 0.85
        if head is not None and head.lower_ not in PRONOUNS:
            span = _person_span(head)
            if span is not None:
                speaker = span.text
                if " " not in speaker:
                    full = [p for p in persons if p.split()[-1] == speaker]
                    if full:
                        speaker = full[-1]
                ment = _mention_at(index, span.start_char, span.end_char)
                speaker_id = ment.id if ment is not None else None
            else:  # a non-person source ("the ministry said"): keep its words
                ment = _mention_at(index, head.idx, head.idx + len(head))
                if ment is not None:
                    speaker, speaker_id = ment.text, ment.id
        if speaker is None and last is not None and last[2] == para_start and (head is None or head.lower_ in PRONOUNS):
            speaker, speaker_id = last[0], last[1]
            cue = cue or "continued"
            confidence = 0.7
        if speaker is not None:
            last = (speaker, speaker_id, para_start)
        out.append(Quote(
            speaker=speaker, speaker_id=speaker_id, text=text[inner_start:inner_end],
            start=inner_start, end=inner_end, rule=f"quote.{cue.replace(' ', '_') or 'unattributed'}",
            confidence=confidence if speaker else 0.5,
        ))
    return out
