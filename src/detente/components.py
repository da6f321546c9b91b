"""detente's stages after parsing as spaCy pipeline components (``Language.factory``).

Each component reads what the earlier ones wrote on the ``Doc`` and writes one extension:

=================  ===============================  =========================================
factory            reads                            writes
=================  ===============================  =========================================
``detente_actors`` ``doc._.detente_published``      ``doc._.detente_mentions``: ``Mention`` s
``detente_dates``  ``doc._.detente_published``      ``doc._.detente_dates``: ``TimeExpr`` s (lazy)
``detente_events`` mentions, published (dates via   ``doc._.detente_events``: ``Event`` s
                   ``dates.date_for``)
=================  ===============================  =========================================

Offsets are those of ``doc.text`` (the cleaned text); ``pipeline.process`` maps them back to the
article. The actors and events components need the actor KB: ``component.kb`` (``load_kb()`` when
unset). ``stages(kb)`` is the pipeline of all three that ``pipeline.process`` runs on each parsed
doc (a bare ``Language``: they run on docs parsed already); a test may build its own (``spacy.blank("en")`` and ``add_pipe("detente_dates")``) and run one
component alone. The stages stay pure functions too: ``find_mentions``, ``dates.date_for``,
``events.extract_events``.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections import OrderedDict
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from detente import dates
from detente.actors import ActorKB, find_mentions, load_kb
from detente.events import aim_at_crowds, attribute_claims, extract_events
from detente.events.reports import (armed_strikes, attack_modes, counted_victims, merge_tolls, protest_purposes,
                                    report_days, riot_modes)
from detente.events import preload as preload_events
from detente.models import Event, Mention

#: the components of ``stages()``, in order
STAGES = ("detente_actors", "detente_dates", "detente_events")
EXTENSIONS = ("detente_published", "detente_mentions", "detente_dates", "detente_events")

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def published(doc: Doc) -> dt.date | None:
    """The publication date the components resolve dates against (``doc._.detente_published``)."""
    return doc._.detente_published


class _KBComponent:
    def __init__(self, name: str, kb: ActorKB | None = None):
        self.name = name
        self.kb = kb

    def _kb(self) -> ActorKB:
        if self.kb is None:
            self.kb = load_kb()
        return self.kb


class ActorsComponent(_KBComponent):
    """Actor mentions (KB, generic actors, coreference): ``doc._.detente_mentions``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.detente_mentions = find_mentions(doc, self._kb(), published(doc))
        return doc


class DocDates(Sequence[dates.TimeExpr]):
    """The temporal expressions of a doc, sentence by sentence, resolved against the publication
    date (offsets in ``doc.text``); found on first read, since the pipeline itself does not read
    them (the events component dates each event with ``dates.date_for``, from the same memoised
    expressions of the event's sentence)."""

    def __init__(self, doc: Doc, on: dt.date | None):
        self._doc, self._on = weakref.ref(doc), on  # no reference cycle through doc.user_data
        self._found: list[dates.TimeExpr] | None = None

    def _all(self) -> list[dates.TimeExpr]:
        if self._found is None:
            doc = self._doc()
            if doc is None:
                raise ReferenceError("detente_dates: read after its doc was freed")
            found: list[dates.TimeExpr] = []
            for sent in doc.sents:
                base = sent.start_char
                found.extend(e.model_copy(update={"start": base + e.start, "end": base + e.end})
                             for e in dates.find_time_expressions(sent.text, self._on))
            self._found = found
        return self._found

    def __getitem__(self, k):
        return self._all()[k]

    def __len__(self) -> int:
        return len(self._all())

    def __repr__(self) -> str:
        return f"DocDates({self._all()!r})"


class DatesComponent:
    """The doc's temporal expressions (``DocDates``): ``doc._.detente_dates``."""

    def __init__(self, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.detente_dates = DocDates(doc, published(doc))
        return doc


class EventsComponent(_KBComponent):
    """PLOVER events of each sentence, in order (``events.extract_events``): ``doc._.detente_events``,
    then the passes over the whole doc (claims, crowds, and the short reports' tolls, modes and days:
    ``events.reports``). Needs ``doc._.detente_mentions`` (the actors component)."""

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[Mention] | None = doc._.detente_mentions
        if mentions is None:
            raise ValueError(f"{self.name}: doc._.detente_mentions is not set (run detente_actors first)")
        kb, pub = self._kb(), published(doc)
        found: list[Event] = []
        for sent in doc.sents:
            found.extend(extract_events(sent, mentions, kb, pub))
        found = aim_at_crowds(doc, attribute_claims(doc, found, mentions), mentions)
        found = merge_tolls(doc, counted_victims(doc, armed_strikes(doc, found)), mentions)
        doc._.detente_events = report_days(doc, riot_modes(doc, protest_purposes(attack_modes(doc, found))))
        return doc


@Language.factory("detente_actors")
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(name)


@Language.factory("detente_dates")
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(name)


@Language.factory("detente_events")
def make_events(nlp: Language, name: str) -> EventsComponent:
    preload_events()  # what the stage reads on first use, read when it is built
    return EventsComponent(name)


_STAGES: OrderedDict[int, tuple[ActorKB, Language]] = OrderedDict()


def stages(kb: ActorKB) -> Language:
    """The pipeline of detente's components for ``kb`` (built once per KB, the last few kept)."""
    got = _STAGES.get(id(kb))
    if got is not None and got[0] is kb:
        _STAGES.move_to_end(id(kb))
        return got[1]
    nlp = Language()  # no tokenizer rules needed: the components run on parsed docs
    for name in STAGES:
        nlp.add_pipe(name)
        comp = nlp.get_pipe(name)
        if isinstance(comp, _KBComponent):
            comp.kb = kb
    kb.preload()
    _STAGES[id(kb)] = (kb, nlp)
    while len(_STAGES) > 4:
        _STAGES.popitem(last=False)
    return nlp


def run(nlp: Language, doc: Doc, on: dt.date | None) -> Doc:
    """Run the components of ``nlp`` on a parsed ``doc`` published ``on``."""
    doc._.detente_published = on
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
