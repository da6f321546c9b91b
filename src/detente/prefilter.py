"""Pre-filter: which sentences of an article need the full spaCy model.

Every later stage looks only at sentences that hold an actor mention or a quotation: events need an
actor mention in their sentence, coreference needs a mention in one of the previous
``coref.WINDOW`` sentences, quotes need the sentences their quotation marks touch. A fast pass —
the tokenizer, a rule sentencizer and the actor matchers of the KB (``actors.mentions.matchers``,
the very PhraseMatchers ``find_mentions`` uses, so no name can be missed) — marks those sentences;
the rest of the text is not parsed.

A sentence is **kept** when it has

- a KB name, alias, demonym, capital or acronym form (a superset of what ``find_mentions``
  keeps: it filters further by case and context);
- a quotation (``quotes.QUOTE_RE`` over the whole text; every sentence the quote touches);
- a possible actor the KB lacks (``actors.generic``): an agent noun ("protesters", "gunmen") or a
  capitalised word inside the sentence (a name);
- an anaphor the coreference rules resolve ("the group", "the country", "the foreign ministry",
  "he", "they", "it", "its" …) with a kept mention at most ``coref.WINDOW + 1`` sentences before it.

``plan(text)`` returns :class:`Plan`: the tokenised text (``doc``) and its runs of sentences,
each kept or skipped, cut only where whitespace separates them so that each run tokenises on
its own exactly as in the whole text. ``pipeline`` parses the kept runs with the full model and
stitches all runs back into one ``Doc`` of the whole text (:func:`stitch`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, IDX, IS_SPACE, LOWER, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from detente.actors import ActorKB
from detente.actors.coref import ANAPHOR_WORDS as PRONOUN_ANAPHORS, DEFINITE_ANAPHORS, WINDOW
from detente.actors.generic import agent_nouns, spec as generic_spec
from detente.actors.mentions import matchers
from detente.quotes import QUOTE_RE

OPENING = frozenset({'"', "(", "["})
MARGIN = 1  # the rule sentencizer may split a sentence the parser keeps whole


@dataclass
class Run:
    """Consecutive sentences, all kept or all skipped: characters ``[start, end)`` of the text."""

    start: int
    end: int
    keep: bool
    sentences: int
    tok_start: int = 0
    tok_end: int = 0


@dataclass
class Plan:
    doc: Doc  # tokenizer + sentencizer only
    runs: list[Run] = field(default_factory=list)
    kept_sentences: int = 0
    sentences: int = 0

    @property
    def kept_runs(self) -> list[Run]:
        return [r for r in self.runs if r.keep]

    @property
    def skips(self) -> bool:
        return any(not r.keep for r in self.runs)


class Prefilter:
    """The fast pass of one model vocabulary and one actor KB (build once, reuse)."""

    def __init__(self, nlp: Language, kb: ActorKB):
        self.vocab = nlp.vocab
        self.tokenizer = nlp.tokenizer
        self.sentencizer = Sentencizer()
        self.matchers = matchers(kb, nlp.vocab)
        strings = nlp.vocab.strings
        self._the = strings.add("the")
        self._pronouns = np.array([strings.add(w) for w in sorted(PRONOUN_ANAPHORS)], dtype=np.uint64)
        self._definites = np.array([strings.add(w) for w in sorted(DEFINITE_ANAPHORS)], dtype=np.uint64)
        skip = set(generic_spec().skip_nouns)
        heads = {p.split()[-1] for p in agent_nouns()} | {k.split()[-1] for k in kb.nouns}
        heads = {h for h in heads if h not in skip and h.isalpha() and len(h) > 2 and not nlp.vocab[h].is_stop}
        heads |= {h + "s" for h in heads} | {h + "es" for h in heads} | {h[:-1] + "ies" for h in heads if h.endswith("y")}
        self._agents = np.array([strings.add(w) for w in sorted(heads)], dtype=np.uint64)

    def keep_flags(self, doc: Doc) -> tuple[list[tuple[int, int]], list[bool]]:
        """Sentences (token ranges) of a sentencized doc and whether each is kept."""
        sents = [(s.start, s.end) for s in doc.sents]
        sent_of = np.zeros(len(doc), dtype=np.int32)
        for k, (a, b) in enumerate(sents):
            sent_of[a:b] = k
        mention = [False] * len(sents)
        for matcher in (self.matchers.names, self.matchers.acronyms):
            for _, s, _e in matcher(doc):
                mention[sent_of[s]] = True
        quote = [False] * len(sents)
        text = doc.text
        for m in QUOTE_RE.finditer(text):
            first = doc.char_span(m.start(1), m.start(1) + 1, alignment_mode="expand")
            last = doc.char_span(m.end() - 1, m.end(), alignment_mode="expand")
            if first is None or last is None:
                continue
            for k in range(sent_of[first.start], sent_of[last.end - 1] + 1):
                quote[k] = True
        anaphor = [False] * len(sents)
        lowers = doc.to_array(LOWER)
        after_the = np.zeros(len(doc), dtype=bool)
        after_the[1:] = lowers[:-1] == self._the
        hits = np.isin(lowers, self._pronouns) | (np.isin(lowers, self._definites) & after_the)
        for i in np.flatnonzero(hits):
            anaphor[sent_of[i]] = True
        for _, s, _e in self.matchers.nouns(doc):
            if after_the[s]:
                anaphor[sent_of[s]] = True
        # actors the KB lacks: an agent noun, or a capitalised word that does not open its sentence
        starts = doc.to_array(SENT_START) == 1
        titled = np.array([t.is_title or (t.is_upper and len(t) > 1) for t in doc], dtype=bool) & ~starts
        titled[0] = bool(len(doc) and doc[0].is_upper and len(doc[0]) > 1)  # a heading ("ANALYSIS")
        for i in np.flatnonzero(np.isin(lowers, self._agents) | titled):
            mention[sent_of[i]] = True
        keep = [m or q for m, q in zip(mention, quote)]
        last_mention = -10**9
        for k in range(len(sents)):
            if anaphor[k] and not keep[k] and k - last_mention <= WINDOW + MARGIN:
                keep[k] = True
            if mention[k] or (anaphor[k] and keep[k]):
                last_mention = k
        return sents, keep

    def plan(self, text: str) -> Plan:
        doc = self.sentencizer(self.tokenizer(text))
        plan = Plan(doc=doc)
        if len(doc) == 0:
            return plan
        sents, keep = self.keep_flags(doc)
        plan.sentences, plan.kept_sentences = len(sents), sum(keep)
        # cut points: the first non-space token of each sentence, where whitespace precedes it
        text = doc.text
        spaces = doc.to_array(IS_SPACE)
        idx = doc.to_array(IDX)
        # (token, char offset where the unit starts, keep, sentences); a unit starts at the first
        # non-space token of a sentence, and only where whitespace precedes it
        cuts: list[list] = []
        for (a, b), k in zip(sents, keep):
            i = a
            while i < b and spaces[i]:
                i += 1
            # an opening mark the sentencizer left at the end of the previous sentence
            while i - 1 > (cuts[-1][0] if cuts else 0) and doc[i - 1].text in OPENING and text[idx[i - 1] - 1].isspace():
                i -= 1
            start = int(idx[i]) if i < b else int(idx[a])
            if cuts and (start == 0 or not text[start - 1].isspace() or i == b):
                cuts[-1][2] = cuts[-1][2] or k
                cuts[-1][3] += 1
                continue
            cuts.append([0 if not cuts else i, 0 if not cuts else start, k, 1])
        for n, (tok, start, k, count) in enumerate(cuts):
            end, tok_end = (cuts[n + 1][1], cuts[n + 1][0]) if n + 1 < len(cuts) else (len(text), len(doc))
            if plan.runs and plan.runs[-1].keep == k:
                plan.runs[-1].end, plan.runs[-1].tok_end = end, tok_end
                plan.runs[-1].sentences += count
            else:
                plan.runs.append(Run(start=start, end=end, keep=k, sentences=count, tok_start=tok, tok_end=tok_end))
        return plan


STITCHED = [TAG, POS, MORPH, LEMMA, ENT_IOB, ENT_TYPE, ENT_KB_ID, HEAD, DEP, SENT_START]


def stitch(plan: Plan, parsed: list[Doc]) -> Doc:
    """The plan's tokenised doc with the annotations of the parsed kept runs (in order) copied in.

    A skipped run gets one flat tree per sentence of the rule sentencizer (first token the root,
    the others ``dep`` on it) and nothing else, so sentence boundaries survive and no later stage
    finds a tag, lemma or entity there. Returns ``None`` when a parsed run does not line up with
    the plan's tokens (the caller then parses the whole text).
    """
    doc = plan.doc
    out = np.zeros((len(doc), len(STITCHED)), dtype=np.uint64)
    head_col, dep_col, ss_col = STITCHED.index(HEAD), STITCHED.index(DEP), STITCHED.index(SENT_START)
    dep, root_dep = doc.vocab.strings.add("dep"), doc.vocab.strings.add("ROOT")
    starts = doc.to_array(SENT_START)
    it = iter(parsed)
    for run in plan.runs:
        a, b = run.tok_start, run.tok_end
        if run.keep:
            part = next(it, None)
            if part is None or len(part) != b - a:
                return None
            out[a:b] = part.to_array(STITCHED)
            continue
        pos = np.arange(a, b, dtype=np.int64)
        is_root = starts[a:b].astype(np.int64) == 1
        is_root[0] = True
        roots = np.maximum.accumulate(np.where(is_root, pos, 0))
        out[a:b, head_col] = (roots - pos).astype(np.uint64)
        out[a:b, dep_col] = np.where(is_root, root_dep, dep).astype(np.uint64)
        out[a:b, ss_col] = np.where(is_root, 1, -1).astype(np.int64).astype(np.uint64)
    doc.from_array(STITCHED, out)
    return doc
