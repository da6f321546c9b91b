"""Short attack reports told in two steps ("On 14 March, Russian forces shelled the town of X.
3 civilians were killed."), read over a whole doc's events after the sentences are coded:

- ``merge_tolls(doc, events, mentions)`` — a sentence that tells only victims with no doer right
  after a sentence that coded an attack is that attack's toll: the victims become the attack's
  target where it had none or only the people of the place, and the doerless attack is dropped.
- ``armed_strikes(doc, events)`` — a "strike" a weapon word qualifies ("a missile strike on
  Kharkiv", ``armed_strike_words``) is an attack, not a labour strike.
- ``counted_victims(doc, events)`` — "3 police officers killed." (a headline's passive without its
  auxiliary, a count for subject, no object) tells victims, not attackers.
- ``attack_modes(doc, events)`` — an attack the rules gave no mode takes the mode its sentence's
  weapon or means words name (``attack_mode_words`` in ``data/words/attacks.yml``: shelling →
  heavy-weapons, a suicide bomber → suicide-attack), the first of ``attack_mode_order`` found.
- ``protest_purposes(events)`` — "students staged a sit-in to protest tuition fees": the
  condemnation the protest is held for (``protest_purpose_words``) is that protest, no accusation.
- ``riot_modes(doc, events)`` — a protest by rioters (``rioter_nouns``) is a riot whatever its verb, a
  riot of armed men their attack on property, a protest with no mode a demonstration.
- ``report_days(doc, events)`` — in a report that opens on its day ("On 5 July 2023, protesters
  clashed with police. Police fired tear gas."), the later undated incidents (``report_day_types``)
  are of that day, not only of its month nor of the publication day.

The words are data (``data/words/attacks.yml``); ``events`` are those of ``doc`` in order, their
offsets those of ``doc.text``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from detente.actors.resolve import ACTORS_COUNTRY_WHY, guessed_by
from detente.events.engine import ARMED_SECTORS, RIOT_CAMEO, _recoded, trigger_token
from detente.events.plover import goldstein
from detente.models import ActorRef, Event, Mention
from detente.nlp import sentences
from detente.wordlists import words

ASSAULT = "ASSAULT"
PLACE_VICTIMS = "place_victims"


@lru_cache(maxsize=None)
def _lists() -> dict:
    return words("attacks")


@lru_cache(maxsize=None)
def _mode_phrases(key: str = "attack_mode_words") -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """(words, mode) for every phrase of the table ``key``, by the phrase's first word."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for p, m in _lists()[key].items():
        words_ = tuple(p.split())
        by_first.setdefault(words_[0], []).append((words_, m))
    return {w: tuple(v) for w, v in by_first.items()}


def _sent_index(doc: Doc):
    """The doc's sentences and the index of the one holding a character (``nlp.Sentences``)."""
    sents = sentences(doc)
    return sents.spans, sents.index_at


def _words(span) -> set[str]:
    return {t.lower_ for t in span} | {t.lemma_.lower() for t in span}


def merge_tolls(doc: Doc, events: list[Event], mentions: list[Mention]) -> list[Event]:
    """Victims told with no doer in the sentence right after one that coded an attack are its toll
    ("JNIM attacked a post in Djibo. 12 soldiers were killed." is one attack on the soldiers, of
    Burkina Faso where the post is): the later sentence codes only doerless attacks and names no
    other time, names no actor but the victims, and no word of ``toll_break_words`` ("separately",
    "elsewhere") sets it apart. The
    attack takes the victims as its target where it had none or only the people of its place (the
    victims' country being the place's where the actors stage only guessed it from the article's
    other actors); where it names another target of its own, the victims are left as they are."""
    if len(events) < 2 or not any(_toll_like(ev) for ev in events):
        return events
    spans, at = _sent_index(doc)
    k_of = [at(ev.start) for ev in events]
    breaks = frozenset(_lists().get("toll_break_words", ()))
    out: list[Event | None] = list(events)
    for j, toll in enumerate(events):
        k = k_of[j]
        if not _toll_like(toll) or k == 0 or toll.status not in ("occurred", "negated"):
            continue
        same = [ev for i, ev in enumerate(events) if k_of[i] == k]
        if not all(_toll_like(ev) for ev in same) or _words(spans[k]) & breaks:
            continue
        sent = spans[k]
        if any(sent.start_char <= m.start < sent.end_char and not _is_ref(m, toll.target)
               and not _is_ref(m, toll.source) for m in mentions):
            continue  # (another actor named: "Hamas says militants were killed" is its word)
        before = [i for i in range(j) if out[i] is not None and k_of[i] == k - 1 and out[i].type == ASSAULT]
        if not before:
            continue
        i = before[-1]
        attack = out[i]
        if toll.detail.get("date_from") != "published" and not (attack.date or "").startswith(toll.date or "-"):
            continue  # (a time of its own, not the attack's day or the month it lends: another act)
        # (a proposal's party is no victim, nor are those a note says were not hit: "No casualties")
        told = toll if toll.source is None and toll.status == "occurred" else None
        merged = _with_victims(attack, told, mentions)
        if merged is not None:
            out[i], out[j] = merged, None
    return [ev for ev in out if ev is not None]


def _toll_like(ev: Event) -> bool:
    """An attack with no doer, or one the sentence classifier proposed with no target (its party
    read from a casualty note: "No casualties were reported")."""
    return ev.type == ASSAULT and (ev.source is None or (ev.target is None and ev.rule.startswith("classifier.")))


def _with_victims(attack: Event, toll: Event | None, mentions: list[Mention]) -> Event | None:
    """The attack with the toll's victims as its target (``toll`` None: no victims to add);
    None where the attack already names another target (the victims may be another act's: "police
    shot a man who had driven into pedestrians. One pedestrian died.")."""
    victims, target = (toll.target if toll else None), attack.target
    detail = {**attack.detail, "toll_merged": toll.trigger if toll else "note"}
    if target is not None and attack.detail.get("target_role") != PLACE_VICTIMS:
        # (civilians of one country may be another act's victims: "police shot a man who had driven
        # into pedestrians. A man was killed.")
        # (victims whose country was only guessed are the named target's people of their kind:
        # "ambushed a Kenyan army patrol. 3 soldiers were killed.")
        same = victims is None or victims.sector != "CVL" and (
            _key(victims) == _key(target) or (victims.sector == target.sector and _guessed(victims, mentions)))
        return attack.model_copy(update={"detail": detail}) if same else None
    if victims is None:
        return attack.model_copy(update={"detail": detail})
    if target is not None and target.country and _guessed(victims, mentions):
        moved = {"country": target.country}
        if victims.id == victims.country:  # (a state's soldiers stand for the state)
            moved["id"] = target.country if victims.sector not in ("CVL", None) else None
        victims = victims.model_copy(update=moved)
    detail["target_role"] = "toll"
    return attack.model_copy(update={"target": victims, "detail": detail})


def _is_ref(m: Mention, ref: ActorRef | None) -> bool:
    return ref is not None and m.start == ref.start and m.end == ref.end


def _key(ref: ActorRef) -> tuple:
    return (ref.id, ref.country) if ref.id else (None, ref.country, ref.sector)


def _guessed(ref: ActorRef, mentions: list[Mention]) -> bool:
    """Whether the actors stage gave the victims no country or only one guessed from the article's
    other actors (not a name, not a stated demonym)."""
    m = next((m for m in mentions if _is_ref(m, ref)), None)
    if m is None or m.id:
        return False
    return not m.country or guessed_by(m.why, (ACTORS_COUNTRY_WHY,))


def attack_modes(doc: Doc, events: list[Event]) -> list[Event]:
    """Attacks with no mode take the one their sentence's weapon words name (the first of
    ``attack_mode_order`` that a phrase of ``attack_mode_words`` gives)."""
    if not any(ev.type == ASSAULT and ev.mode is None for ev in events):
        return events
    spans, at = _sent_index(doc)
    order = _lists()["attack_mode_order"]
    out = []
    for ev in events:
        if ev.type == ASSAULT and ev.mode is None:
            found = _modes_in(spans[at(ev.start)])
            mode = next((m for m in order if m in found), None)
            if mode is not None:
                ev = ev.model_copy(update={"mode": mode, "detail": {**ev.detail, "mode_from": "words"}})
        out.append(ev)
    return out


def _modes_in(span, key: str = "attack_mode_words") -> set[str]:
    """The modes of the phrases of ``key`` that the span's words or lemmas spell (looked up by each
    word, so the cost is one dict hit a word, not one scan a phrase)."""
    by_first = _mode_phrases(key)
    found: set[str] = set()
    for seq in ([t.lower_ for t in span], [t.lemma_.lower() for t in span]):
        for i, w in enumerate(seq):
            for phrase, mode in by_first.get(w, ()):
                if tuple(seq[i:i + len(phrase)]) == phrase:
                    found.add(mode)
    return found


def riot_modes(doc: Doc, events: list[Event]) -> list[Event]:
    """A protest whose protesters are named as rioters is a riot (PROTEST riot, engine.yml's
    ``protester_riot_cameo``); a protest with no mode takes the one its sentence's words name
    (``protest_mode_words``: protesters who block a road obstruct; its code from
    ``protest_mode_cameo``), else it is a demonstration (``unmoded_modes``), the mode most protests
    have; a riot of armed men so found (``armed_sectors`` of ``engine.yml``: "RSF fighters looted a
    hospital") is no protest but their attack on property (``armed_protest_cameo``,
    ``armed_riot_mode``)."""
    lists = _lists()
    rioters = frozenset(lists.get("rioter_nouns", ()))
    plain = lists.get("unmoded_modes", {}).get("PROTEST")
    codes = {**lists.get("protest_mode_cameo", {}), "riot": RIOT_CAMEO}
    spans, at = _sent_index(doc)
    out = []
    for ev in events:
        if ev.type == "PROTEST":
            src = ev.source
            if ev.mode != "riot" and src is not None and set((src.text or "").lower().split()) & rioters:
                ev = _protest_mode(ev, "riot", codes["riot"], "rioters")
            elif ev.mode is None:
                found = _modes_in(spans[at(ev.start)], "protest_mode_words")
                mode = next((m for m in lists["protest_mode_order"] if m in found), plain)
                if mode is not None:
                    ev = _protest_mode(ev, mode, codes.get(mode), "words")
            if ev.mode == "riot" and src is not None and src.sector in ARMED_SECTORS:
                ev = _armed_act(ev, lists["armed_riot_mode"][0])
        out.append(ev)
    return out


def _protest_mode(ev: Event, mode: str, cameo: str | None, why: str) -> Event:
    """``ev`` with ``mode`` and, where the mode has one, its CAMEO code and Goldstein score."""
    update = {"mode": mode, "detail": {**ev.detail, "mode_from": why}}
    if cameo is not None:
        update.update(cameo=cameo, goldstein=goldstein(cameo))
    return ev.model_copy(update=update)


def _armed_act(ev: Event, mode: str | None = None) -> Event:
    """A "protest" that is armed men's attack, recoded by ``armed_protest_cameo`` (the engine's
    recoding: the old type and mode in ``detail.recoded_from``)."""
    detail = dict(ev.detail)
    etype, cw_mode, cameo = _recoded(detail, ev.type, ev.mode, _lists()["armed_protest_cameo"][0])
    return ev.model_copy(update={"type": etype, "mode": mode or cw_mode, "cameo": cameo,
                                 "goldstein": goldstein(cameo), "detail": detail})


def report_days(doc: Doc, events: list[Event]) -> list[Event]:
    """Incidents (``report_day_types``) told after a first sentence that opens on a day ("On 5 July
    2023, …") and dated only by its month or by the publication day are of that day."""
    if not events:
        return events
    spans, at = _sent_index(doc)
    first = spans[0]
    opener = next((ev for ev in events if at(ev.start) == 0 and ev.date_precision == "day"
                   and "date_from" not in ev.detail), None)
    words = [t for t in first if not t.is_space]
    if opener is None or len(words) < 2 or words[0].lower_ != "on" or not (
            words[1].like_num or words[1].ent_type_ == "DATE"):
        return events
    kinds = frozenset(_lists().get("report_day_types", ()))
    out = []
    for ev in events:
        if at(ev.start) > 0 and ev.type in kinds and (
                ev.detail.get("date_from") == "published"
                or (ev.date_precision == "month" and opener.date.startswith(ev.date or "-"))):
            ev = ev.model_copy(update={"date": opener.date, "date_precision": "day",
                                       "detail": {**ev.detail, "date_from": "report opening"}})
        out.append(ev)
    return out


def counted_victims(doc: Doc, events: list[Event]) -> list[Event]:
    """An attack whose verb (``toll_verbs``) has no object and a counted subject ("3 police officers
    killed (as reported)", "Two soldiers wounded in Gao.") is a passive without its auxiliary: the
    subject was hit, by no one named (not the people of the place)."""
    verbs = frozenset(_lists().get("toll_verbs", ()))
    out = []
    for ev in events:
        ref = ev.source
        if ev.type == ASSAULT and (ev.target is None or ev.detail.get("target_role") == PLACE_VICTIMS) \
                and ref is not None and ref.start is not None and ref.id in (None, ref.country):
            subj = _counted_subject(doc, ev, verbs)
            if subj is not None and subj.left_edge.idx <= ref.start <= subj.idx:
                ev = ev.model_copy(update={"source": None, "target": ref,
                                           "detail": {**ev.detail, "target_role": "counted_victims"}})
        out.append(ev)
    return out


def _counted_subject(doc: Doc, ev: Event, verbs: frozenset[str]):
    """The counted subject of the event's objectless verb of ``verbs`` told in the past, if any."""
    sent = doc.char_span(ev.start, ev.end, alignment_mode="expand")
    tok = trigger_token(sent, ev, lambda t: t.lemma_.lower() in verbs) if sent is not None else None
    if tok is None or tok.lemma_.lower() not in verbs or tok.tag_ not in ("VBD", "VBN") or any(
            c.dep_ in ("dobj", "obj", "dative", "auxpass") for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None and tok.dep_ == "acl" and tok.head.dep_ == "ROOT":
        subj = tok.head  # "Two soldiers wounded in Gao.": the headline's noun and its participle
    return subj if subj is not None and any(c.dep_ == "nummod" for c in subj.children) else None


def protest_purposes(events: list[Event]) -> list[Event]:
    """An accusation told by a word of ``protest_purpose_words`` ("to protest", "to denounce") in a
    sentence where its doer's protest is coded is what the protest is for, not another act."""
    if not any(ev.type == "PROTEST" for ev in events):
        return events
    words_ = frozenset(_lists().get("protest_purpose_words", ()))
    protests = {(ev.start, _key(ev.source)) for ev in events if ev.type == "PROTEST" and ev.source is not None}
    return [ev for ev in events if not (
        ev.type == "ACCUSE" and ev.source is not None and (ev.start, _key(ev.source)) in protests
        and (ev.trigger or "").split(" ")[0].lower() in words_)]


def armed_strikes(doc: Doc, events: list[Event]) -> list[Event]:
    """A protest told by the noun "strike" (or "strikes") that a word of ``armed_strike_words``
    qualifies ("launched a missile strike on Kharkiv", "carried out drone strikes") is an attack
    (ASSAULT, CAMEO 190), its target the actor or the people of the place of its "on" phrase left
    to the later passes."""
    armed = frozenset(_lists().get("armed_strike_words", ()))
    nouns = frozenset(_lists().get("armed_strike_nouns", ()))
    out = []
    for ev in events:
        if ev.type == "PROTEST" and ev.mode == "strike":
            sent = doc.char_span(ev.start, ev.end, alignment_mode="expand")
            trig = trigger_token(sent, ev) if sent is not None else None
            if any(c.dep_ in ("compound", "amod") and (c.lower_ in armed or c.lemma_.lower() in armed)
                   for t in _own_strikes(trig, nouns) for c in t.children):
                ev = _armed_act(ev)
        out.append(ev)
    return out


def _own_strikes(trig, nouns: frozenset[str]) -> list:
    """The nouns of ``nouns`` ("strike") of an event's own trigger: the trigger itself, its object
    or the object of its preposition ("held a strike", "went on strike"), not one of a clause beside
    it ("after a missile strike hit the factory")."""
    if trig is None:
        return []
    near = [trig, *trig.children, *(k for c in trig.children if c.dep_ == "prep" for k in c.children)]
    return [t for t in near if t.lemma_.lower() in nouns and t.pos_ == "NOUN"]
