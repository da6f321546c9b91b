"""``extract``: article → events, relation changes, quotes. No database.

The stages, each a module with a narrow interface::

    clean → nlp → [components: detente_actors → detente_dates → detente_events]
          → places → relations.derive.changes_from_events → quotes.extract_quotes

The components (``detente.components``, spaCy ``Language.factory``) wrap the pure stage functions
``actors.find_mentions``, ``dates.find_time_expressions`` / ``date_for`` and
``events.extract_events``, each writing one ``Doc`` extension.

All stages work on the cleaned text; this module maps every offset back to the original text.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from spacy.tokens import Doc

from detente import __version__, components
from detente.actors import ActorKB, load_kb
from detente.actors.resolve import PLACE_GUESSES
from detente.clean import Cleaned, clean_text
from detente.events.engine import IMPLIED_PENDING
from detente.events.engine import settings as engine_settings
from detente.models import ActorRef, Article, ArticleResult, Event, Extraction
from detente.nlp import doc_text, get_fast_nlp, parsed_from
from detente.places import Place, article_fallback, event_location, find_places, trigger_index
from detente.prefilter import Plan, Prefilter, stitch
from detente.quotes import extract_quotes
from detente.relations.derive import changes_from_events

_T = TypeVar("_T")


def _remap(cleaned: Cleaned, original: str, start: int, end: int) -> tuple[int, int, str]:
    """Original offsets and text of a cleaned span, trimmed of surrounding whitespace (trimmed in
    the cleaned text first: a blanked bullet glyph is a space there but "•" in the original)."""
    ctext = cleaned.text
    while start < end and ctext[start].isspace():
        start += 1
    # a closing quote the parser left at the start of the next sentence ('" The Taliban ...')
    if end - start > 2 and ctext[start] in "\"'" and ctext[start + 1].isspace():
        start += 1
        while start < end and ctext[start].isspace():
            start += 1
    while end > start and ctext[end - 1].isspace():
        end -= 1
    s, e = cleaned.orig_span(start, end)
    while s < e and original[s].isspace():
        s += 1
    while e > s and original[e - 1].isspace():
        e -= 1
    return s, e, original[s:e]


def process(article: Article, doc: Doc, kb: ActorKB, cleaned: Cleaned | None = None,
            all_places: bool = False) -> ArticleResult:
    """Run the stages after parsing on one article whose cleaned text was parsed into ``doc``
    (``cleaned``: ``clean_text(article.text)``, when the caller has it already): the spaCy
    components of ``detente.components`` (actors, dates, events), then places, relation changes
    and quotes, every offset mapped back to the article's text. Places (``ArticleResult.places``)
    are looked up only in an article with events, where they locate them (``all_places``: in every
    article, as the evaluation of places needs)."""
    cleaned = cleaned or clean_text(article.text)
    assert doc_text(doc) == cleaned.text, "doc must be the parse of the cleaned text"
    original = article.text
    doc = components.run(components.stages(kb), doc, article.published)
    mentions = doc._.detente_mentions
    coded = doc._.detente_events  # in sentence order
    places = find_places(doc, mentions) if coded or all_places else []
    fallback = article_fallback(doc, places) if coded else None

    events = []
    sentences = []
    k = 0
    for sent in doc.sents:
        s, e, text = _remap(cleaned, original, sent.start_char, sent.end_char)
        if text:
            sentences.append((s, e))
        while k < len(coded) and coded[k].start < sent.end_char:
            ev = coded[k]
            k += 1
            _locate(ev, sent, places, fallback, cleaned)
            _target_placed_by_location(ev, mentions)
            _implied_by_location(ev)
            _home_people(ev)
            _state_of_region(ev)
            ev.start, ev.end, ev.sentence = _remap(cleaned, original, ev.start, ev.end)
            for ref in (ev.source, ev.target):
                if ref is not None and ref.start is not None and ref.end is not None:
                    ref.start, ref.end = cleaned.orig_span(ref.start, ref.end)
            events.append(ev)

    changes = changes_from_events(events)
    quotes = extract_quotes(doc, mentions)
    for q in quotes:  # offsets and text as the article gives them (curly quotes, dashes kept)
        q.start, q.end, q.text = _remap(cleaned, original, q.start, q.end)
    for m in mentions:
        m.start, m.end = cleaned.orig_span(m.start, m.end)
    return ArticleResult(
        id=article.id, source_id=article.source_id, title=article.title, published=article.published, source=article.source,
        url=article.url, events=events, relation_changes=changes, quotes=quotes,
        sentences=sentences, mentions=mentions,
        places=[p.location(*cleaned.orig_span(p.start, p.end)) for p in places],
    )


def _locate(ev: Event, sent, places: list[Place], fallback: Place | None, cleaned: Cleaned) -> None:
    """Give an event the place the text gives it (``places.event_location``), in original offsets;
    ``detail.location_from`` says whether it came from its sentence or the article."""
    spans = [(r.start, r.end) for r in (ev.source, ev.target)
             if r is not None and r.start is not None and r.end is not None]
    place, how = event_location(sent, trigger_index(sent, ev.trigger), places, spans, fallback)
    if place is not None:
        ev.location = place.location(*cleaned.orig_span(place.start, place.end))
        ev.detail["location_from"] = how


def _target_placed_by_location(ev: Event, mentions: list) -> None:
    """The target of an attack or a coercion (``place_victim_types``: acts on people where they are) that the
    actors stage gave a country only from the first place its sentence names
    ("five people" of "a shooting at the office of a weekly in Annapolis, Maryland, United States")
    is of the country of the place the event itself is located in, where the sentence gives one:
    the trigger's own place phrase says where the victims were, not another clause's place. Victims
    of an attack or a coercion given no country at all (civilians, journalists, workers: "13 minority
    Hazara men" in a province; "the police chief of Aden's Tawahi district") are of the country the
    event is located in, by its sentence or its article (``located_victim_sectors``: not rebels,
    unidentified armed men, criminals or refugees, whose country is not where they are)."""
    ref = ev.target
    cfg = engine_settings()
    if (ev.detail.get("target_role") == "place_victims" and ref is not None and not ref.id and ev.location is not None
            and ev.location.country and ref.text == ev.location.name and ref.country != ev.location.country):
        # the people of the very place the event is located in are of the state the gazetteer reads
        # it in, in its context ("a shooting in Moscow, Idaho": not Russia's capital)
        ev.target = ref.model_copy(update={"country": ev.location.country})
        ev.detail["target_country_from"] = "location"
        return
    if ev.type not in cfg.place_victim_types or ev.location is None or not ev.location.country or ref is None or ref.id \
            or ref.start is None or ref.country == ev.location.country \
            or (ref.country and ev.detail.get("location_from") != "sentence"):
        return
    m = next((m for m in mentions if m.start == ref.start and m.end == ref.end), None)
    if m is not None and not m.id and (any(w in m.why for w in PLACE_GUESSES) if ref.country else
                                       ref.sector in cfg.located_victim_sectors):
        ev.target = ref.model_copy(update={"country": ev.location.country})
        ev.detail["target_country_from"] = "location"


def _implied_by_location(ev: Event) -> None:
    """An arrest, charge or sentence whose implied doer (the pattern's police or courts) found no
    state in its sentence or the ones before ("the suspect is arrested", "X is recaptured in Delhi")
    is that organ of the state the event is located in, by its sentence or its article; left with
    no doer where no place is known (``detail.implied_sector`` then stays, as what the pattern implied)."""
    sector = ev.detail.get(IMPLIED_PENDING)
    if sector is None or ev.source is not None or ev.location is None or not ev.location.country:
        return
    if ev.target is not None and ev.target.id == ev.location.country:
        return  # the state itself is the one acted on ("expelled from the country"): no doer of its own
    del ev.detail[IMPLIED_PENDING]
    ev.source = ActorRef(id=None, country=ev.location.country, sector=sector, text="")
    ev.detail["source_implied"] = sector
    ev.detail["source_country_from"] = "location"


def _home_people(ev: Event) -> None:
    """People of no known country (sectors ``home_people_sectors``: "a former official is
    sentenced", "two men are charged with murder") whom a state or one of its organs at home
    (``home_people_doer_sectors``: not its troops, who also act abroad) charges,
    sentences, holds or pardons (types ``home_people_types``) are that state's own: its courts and
    police act at home (the labelling guide codes them so; not rebels, gunmen or refugees, whose
    country is not where they are held)."""
    cfg = engine_settings()
    src, ref = ev.source, ev.target
    if ev.type not in cfg.home_people_types or src is None or ref is None or ref.id or ref.country \
            or ref.sector not in cfg.home_people_sectors:
        return
    if not src.country or src.id not in (None, src.country) or src.sector not in (None, *cfg.home_people_doer_sectors):
        return
    ev.target = ref.model_copy(update={"country": src.country})
    ev.detail["target_country_from"] = "doer's state"


def _state_of_region(ev: Event) -> None:
    """An event's party that is a territory or a region of a state with a code of its own
    (``territory_of_state``: Puerto Rico, Guam, Hong Kong) is that state, in its sector ("Hong Kong
    police": China's police; "Guam" acting: the USA)."""
    from detente.actors.generic import spec

    sp = spec()
    for side in ("source", "target"):
        ref = getattr(ev, side)
        state = sp.territory_of_state.get(ref.country or "") if ref is not None else None
        if ref is None or state is None:
            continue
        # (a body of its own, "Apple Daily", keeps its id)
        setattr(ev, side, ref.model_copy(update={"id": state if ref.id == ref.country else ref.id, "country": state}))
        ev.detail[f"{side}_country_from"] = f"state of {ref.country}"


def extract_article(article: Article, kb: ActorKB | None = None, prefilter: bool = False) -> ArticleResult:
    return next(extract_articles([article], kb, prefilter=prefilter))


@dataclass
class _Pending:
    """An article waiting for the parses of its kept runs."""

    key: int
    article: Article
    cleaned: Cleaned
    plan: Plan | None
    wanted: int
    docs: list[Doc] = field(default_factory=list)


def _needs_full_parse(result: ArticleResult, plan: Plan) -> bool:
    """Whether a skipped sentence could have changed a quote's speaker: ``quotes`` widens a
    surname to the last full PERSON name of the whole article, so a speaker whose last word occurs
    in skipped text is re-done on the full parse (rare; exact)."""
    names = {q.speaker.split()[-1] for q in result.quotes if q.speaker and q.speaker.split()}
    if not names:
        return False
    doc = plan.doc
    for run in plan.runs:
        if run.keep:
            continue
        span = doc.char_span(run.start, run.end, alignment_mode="expand")
        if span is not None and any(t.text in names for t in span):
            return True
    return False


# Texts longer than this are parsed in pieces cut at paragraph breaks, one piece per batch (and
# always those over the model's ``max_length``): spaCy's tok2vec and NER cost more per token in a
# very large batch (a 400 KB text in one: ~13x a 40 KB one instead of 10x), while a paragraph
# break ends a sentence anyway.
PIECE_CHARS = 40_000


def split_paragraphs(text: str, limit: int) -> list[tuple[int, int]]:
    """``(start, end)`` pieces covering ``text``, each at most ``limit`` characters, cut after a
    paragraph break where there is one (else after a line break, a sentence's full stop, a space;
    a piece with none of these is cut at the limit)."""
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for sep in ("\n\n", "\n", ". ", " "):
            k = text.rfind(sep, start + 1, end)
            if k > start:
                end = k + len(sep)
                break
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def _join(docs: list[Doc], text: str) -> Doc:
    """One ``Doc`` of ``text`` from the parses of its consecutive pieces (offsets as in ``text``)."""
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - the pieces are consecutive slices of the text
        raise ValueError("the parsed pieces do not make up the article text")
    return doc


def _process_once(article: Article, doc: Doc, kb: ActorKB, cleaned: Cleaned, all_places: bool) -> ArticleResult:
    """``process`` on a doc no one reads afterwards: what the stages kept in its user data (token
    lists, spans, a re-parsed copy: all referring back to the doc) is dropped after, so the doc is
    freed at once by reference counting, not left to the cyclic garbage collector."""
    try:
        return process(article, doc, kb, cleaned, all_places)
    finally:
        doc.user_data.clear()


def _finish(p: _Pending, kb: ActorKB, nlp, all_places: bool = False) -> ArticleResult:
    if p.plan is None:
        doc = parsed_from(p.docs[0], p.cleaned.text) if len(p.docs) == 1 else _join(p.docs, p.cleaned.text)
        return _process_once(p.article, doc, kb, p.cleaned, all_places)
    doc = stitch(p.plan, p.docs)
    if doc is None:  # pragma: no cover - a run that tokenised differently on its own
        return _process_once(p.article, nlp(p.cleaned.text), kb, p.cleaned, all_places)
    result = _process_once(p.article, doc, kb, p.cleaned, all_places)
    if _needs_full_parse(result, p.plan):
        result = _process_once(p.article, nlp(p.cleaned.text), kb, p.cleaned, all_places)
    return result


_FROZEN: list[bool] = []


def _freeze_loaded() -> None:
    """Once per process, with the model, the KB and the stages' data loaded: every object alive is
    moved out of the cyclic garbage collector's reach (``gc.freeze``). They live as long as the
    process, and each full collection would walk them all again (~190,000 objects: a few per cent
    of the extraction time of short texts). Garbage pending then is collected first, so that none
    is frozen; objects frozen are still freed by reference counting."""
    if not _FROZEN:
        _FROZEN.append(True)
        gc.collect()
        gc.freeze()


def extract_articles(
    articles: Iterable[Article],
    kb: ActorKB | None = None,
    batch_size: int = 16,
    n_process: int = 1,
    prefilter: bool = False,
    on_error: Callable[[Article, Exception], None] | None = None,
    all_places: bool = False,
) -> Iterator[ArticleResult]:
    """Stream articles through the pipeline (``nlp.pipe`` batches; nothing held beyond a batch).

    The model is ``nlp.get_fast_nlp()`` (output identical to the stock model). With ``prefilter``
    only the sentences that can hold an actor mention or a quote are parsed
    (``detente.prefilter``); the other sentences are tokenised only, and the pieces are stitched
    back into one ``Doc`` of the whole cleaned text. Off by default: on the example corpus it skips
    only ~8% of tokens, gains nothing measurable, and a run parsed on its own can move a sentence
    boundary (see docs/benchmarks.md, "Speed work"). ``n_process`` > 1 parses in that many
    processes (``nlp.pipe``).

    ``on_error``: an exception while cleaning or extracting one article is passed to it with the
    article, which is left out, and the stream goes on (without it, the exception propagates).
    ``all_places``: ``ArticleResult.places`` for every article, not only those with events (see
    ``process``).
    """
    kb = kb or load_kb()
    nlp = get_fast_nlp()
    components.stages(kb)  # (built once per KB, with the data its stages read)
    _freeze_loaded()
    pf = Prefilter(nlp, kb) if prefilter else None
    pending: deque[_Pending] = deque()

    def guarded(article: Article, step: Callable[[], _T]) -> _T | None:
        if on_error is None:
            return step()
        try:
            return step()
        except Exception as exc:  # noqa: BLE001 - the per-article boundary: one bad article (any
            # failure inside a stage) must not stop a batch; the caller reports it, naming the article
            on_error(article, exc)
            return None

    def finish(p: _Pending) -> Iterator[ArticleResult]:
        result = guarded(p.article, lambda: _finish(p, kb, nlp, all_places))
        if result is not None:
            yield result

    def texts() -> Iterator[tuple[str, int]]:
        for key, article in enumerate(articles):
            cleaned = guarded(article, lambda: clean_text(article.text))
            if cleaned is None:
                continue
            limit = min(nlp.max_length, PIECE_CHARS)
            if len(cleaned.text) > limit:
                # a long text: parsed here in pieces cut at paragraph breaks, one piece per batch
                # (joined in ``_finish``), not in the shared batches where it would make one huge one
                docs = guarded(article, lambda: list(nlp.pipe(
                    (cleaned.text[s:e] for s, e in split_paragraphs(cleaned.text, limit)), batch_size=1)))
                if docs is not None:
                    pending.append(_Pending(key, article, cleaned, None, 0, docs))
                continue
            if pf is None:
                pending.append(_Pending(key, article, cleaned, None, 1))
                yield cleaned.text, key
                continue
            plan = guarded(article, lambda: pf.plan(cleaned.text))
            if plan is None:
                continue
            kept = plan.kept_runs
            pending.append(_Pending(key, article, cleaned, plan, len(kept)))
            for run in kept:
                yield cleaned.text[run.start:run.end], key

    for doc, key in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        while pending[0].key != key:  # articles parsed already (long ones) or with nothing to parse
            yield from finish(pending.popleft())
        head = pending[0]
        head.docs.append(doc)
        if len(head.docs) == head.wanted:
            yield from finish(pending.popleft())
    while pending:
        yield from finish(pending.popleft())


def extract(articles: Iterable[Article], actor_files: Sequence[str | Path] = ()) -> Extraction:
    """The whole pipeline on a set of articles, as the JSON contract of DESIGN.md."""
    kb = load_kb(actor_files)
    return Extraction(detente_version=__version__, articles=list(extract_articles(articles, kb)))
