"""Build the lexicon pattern files from PETRARCH's CAMEO verb dictionary and PropBank's aliases.

Inputs (``/work/shared/data/lexicon`` by default, or any folder holding the same files):

- ``CAMEO.2.0.txt`` (MIT, Open Event Data Alliance): verb blocks with CAMEO codes and verb + object
  patterns (read by :mod:`detente.lexicon.cameo`);
- ``propbank-aliases.tsv`` (CC BY-SA 4.0, derived from the PropBank frame files): which nouns name
  the event of which verb roleset.

Settings (stop lists, confidences, particles) come from ``data/lexicon/importer.yml``; CAMEO codes
become PLOVER type/mode/context through the crosswalk ``data/plover/cameo2plover.yml``.

Outputs, in the schema of ``data/patterns/events.yml`` (validated with the same pydantic model):

- ``data/patterns/lexicon_verbs.yml`` — one bare-verb pattern per CAMEO code
  (``lexicon.verb.<code>``) and one pattern per distinct object / preposition constraint
  (``lexicon.verb.<code>.<slug>``);
- ``data/patterns/lexicon_nouns.yml`` — one event-noun pattern per CAMEO code
  (``lexicon.noun.<code>``).

Everything is sorted, so the same inputs give byte-identical files (:func:`build` is pure; the
header records the inputs' sha256).
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field

from detente.records import Record
from detente.events.patterns import Pattern
from detente.events.plover import cameo_to_plover, goldstein
from detente.lexicon import cameo as cameo_mod
from detente.wordlists import DataFile, WordList

DATA = Path(__file__).resolve().parent.parent / "data"
CONFIG_FILE = DATA / "lexicon" / "importer.yml"
VERBS_FILE = DATA / "patterns" / "lexicon_verbs.yml"
NOUNS_FILE = DATA / "patterns" / "lexicon_nouns.yml"
DEFAULT_SOURCE = Path("/work/shared/data/lexicon")
CAMEO_NAME = "CAMEO.2.0.txt"
PROPBANK_NAME = "propbank-aliases.tsv"
FORMAT_VERSION = 1

TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
MARKERS = {"$", "+", "^", "%"}


class Confidence(Record):
    verb: float
    verb_object: float
    noun: float


class Recode(Record):
    """A CAMEO code read otherwise where the verb or a word of its object is one of these; ``to:
    null`` reads it as no event at all (a verb gets no pattern, a verb + object pattern becomes an
    exclusion, as CAMEO's ``[---]``)."""

    cameo: str
    to: str | None
    verbs: WordList
    words: WordList


class ImporterConfig(DataFile):
    confidence: Confidence
    needs_object: list[str]
    junk_verb_words: WordList
    particles: WordList
    determiners: WordList
    keep_plural: WordList
    max_object_words: int = 60
    support_verbs: WordList
    noun_stoplist: WordList
    # endings of the nouns listed as naming their verb's act (``nominalisations``: "suspension",
    # "deployment", "closure"), read with the verb's object patterns ("the suspension of talks" as
    # "suspend talks"); a bare verb stem ("a push", "a file") mostly names something else
    nominal_endings: WordList
    target_by_type: dict[str, list[str]] = Field(default_factory=dict)
    recode: list[Recode] = Field(default_factory=list)
    # PLOVER type of a CAMEO code where the labelling guide departs from the crosswalk (the mode,
    # the crosswalk's mode of the other type, is dropped)
    plover_types: dict[str, str] = Field(default_factory=dict)


def load_config(path: Path = CONFIG_FILE) -> ImporterConfig:
    return ImporterConfig.read(path)


# ----------------------------------------------------------------------------- interpreting patterns


class Skip(Exception):
    """A CAMEO pattern the schema cannot express; the message is the reason (counted)."""


@dataclass(frozen=True)
class Constraint:
    particle: str | None
    objects: tuple[str, ...]
    preps: tuple[tuple[str, tuple[str, ...]], ...]   # ((prep, (words…)), …) — any one prep suffices

    @property
    def empty(self) -> bool:
        return not (self.particle or self.objects or self.preps)

    @property
    def names_a_word(self) -> bool:
        return bool(self.objects) or any(words for _, words in self.preps)


@dataclass
class Item:
    kind: str                  # star, word, phrase, prep, marker
    words: list[str] = field(default_factory=list)
    inner: list["Item"] = field(default_factory=list)


def _items(text: str) -> list[Item]:
    toks = TOKEN.findall(text)
    out: list[Item] = []
    stack: list[list[Item]] = [out]
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == "{":
            j = toks.index("}", i) if "}" in toks[i:] else len(toks)
            stack[-1].append(Item("phrase", words=[w for w in toks[i + 1:j] if w not in MARKERS]))
            i = j + 1
            continue
        if t == "(":
            item = Item("prep")
            stack[-1].append(item)
            stack.append(item.inner)
        elif t == ")":
            if len(stack) > 1:
                stack.pop()
        elif t == "*":
            stack[-1].append(Item("star"))
        elif t in MARKERS:
            stack[-1].append(Item("marker", words=[t]))
        else:
            stack[-1].append(Item("word", words=[t]))
        i += 1
    return out


class Interpreter:
    def __init__(self, cfg: ImporterConfig, synsets: dict[str, list[str]]):
        self.cfg = cfg
        self.synsets = synsets
        self.determiners = set(cfg.determiners)
        self.particles = set(cfg.particles)
        self.keep_plural = set(cfg.keep_plural)

    # words
    def _forms(self, word: str) -> list[str]:
        """One dictionary word → the lemma strings a pattern lists (upper case in, lower case out)."""
        w = word.lower().rstrip("_").replace("_", " ")
        w = re.sub(r"\s*-\s*", " - ", w).strip() if "-" in w and len(w) > 1 else w
        out = [w]
        if " " not in w and w not in self.keep_plural and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            out.append(w[:-3] + "y" if w.endswith("ies") else w[:-1])
        return out

    def _expand(self, word: str) -> list[list[str]]:
        """A pattern word, or every member of a synonym set, as alternative word lists."""
        if word.startswith("&"):
            name = word[1:].rstrip("_").upper()
            if name not in self.synsets:
                raise Skip("unknown synonym set")
            return [[m] for m in self.synsets[name]]
        return [[word]]

    def _phrases(self, words: list[str]) -> list[str]:
        words = [w for w in words if w.lower() not in self.determiners]
        if not words:
            return []
        if words[0].lower() == "to" and len(words) > 1:
            raise Skip("infinitive after the verb")
        options = [self._expand(w) for w in words]
        out: list[str] = []
        for combo in itertools.product(*options):
            flat = [w for part in combo for w in part]
            if len(flat) == 1:
                out.extend(self._forms(flat[0]))
            else:
                out.append(" ".join(self._forms(w)[0] for w in flat))
        if len(out) > self.cfg.max_object_words:
            raise Skip("synonym set too large")
        return sorted(set(out))

    def constraint(self, text: str) -> Constraint:
        items = _items(text)
        star = next((k for k, it in enumerate(items) if it.kind == "star"), None)
        if star is None:
            raise Skip("no verb position")
        if any(it.kind != "marker" for it in items[:star]):
            raise Skip("words before the verb")
        post = [it for it in items[star + 1:]]
        particle = None
        if post and post[0].kind == "word" and post[0].words[0].lower() in self.particles:
            particle = post[0].words[0].lower()
            post = post[1:]
        obj_words: list[str] = []
        k = 0
        while k < len(post) and post[k].kind in ("word", "phrase"):
            obj_words.extend(post[k].words)
            k += 1
        rest = post[k:]
        if any(it.kind in ("word", "phrase", "star") for it in rest):
            raise Skip("words after a gap or a prepositional phrase")
        groups = [it for it in rest if it.kind == "prep"]
        if len(groups) > 1:
            raise Skip("two prepositional phrases")
        preps: list[tuple[str, tuple[str, ...]]] = []
        for g in groups:
            inner = [it for it in g.inner if it.kind != "marker"]
            if not inner or inner[0].kind != "word":
                raise Skip("prepositional phrase without a preposition")
            if any(it.kind != "word" for it in inner[1:]):
                raise Skip("phrase after a preposition")
            words = [w for it in inner[1:] for w in it.words if w.lower() not in self.determiners]
            if len(words) > 1:
                raise Skip("phrase after a preposition")
            lemmas = tuple(self._phrases(words)) if words else ()
            for prep in inner[0].words[0].lower().split("/"):
                preps.append((prep, lemmas))
        objects = tuple(self._phrases(obj_words)) if obj_words else ()
        return Constraint(particle=particle, objects=objects, preps=tuple(sorted(preps)))


# ----------------------------------------------------------------------------- building


@dataclass
class Stats:
    blocks: int = 0
    verb_entries: int = 0
    verbs_coded: int = 0
    verbs_need_object: int = 0
    cameo_patterns: int = 0
    patterns_used: int = 0
    skipped: Counter = field(default_factory=Counter)
    nouns_considered: int = 0
    nouns: int = 0
    noun_skipped: Counter = field(default_factory=Counter)
    verb_patterns: int = 0
    noun_patterns: int = 0
    verb_lemmas: int = 0
    nominalisations: dict = field(default_factory=dict)


def _plover(code: str) -> dict | None:
    if not re.fullmatch(r"\d{3,4}", code or ""):
        return None
    entry = cameo_to_plover(code)
    if entry is None or goldstein(code) is None:
        return None
    retyped = load_config().plover_types.get(code)
    out = {"type": retyped or entry.type}
    if entry.mode and not retyped:
        out["mode"] = entry.mode
    if entry.context:
        out["context"] = list(entry.context)
    out["cameo"] = code
    return out


def _recoded(cfg: ImporterConfig, code: str | None, verb: str, c: Constraint | None = None) -> str | None:
    """The code after the importer's ``recode`` rules (the first that applies): "press charges",
    "indict" are a legal accusation (PLOVER ACCUSE), not the arrest CAMEO 173 files them under."""
    words = set(c.objects) | {w for _, ws in c.preps for w in ws} if c is not None else set()
    for r in cfg.recode:
        if code == r.cameo and (verb in r.verbs or words & set(r.words)):
            return r.to
    return code


def _code_of(code: cameo_mod.Code) -> tuple[str | None, bool]:
    """(CAMEO code, reverse): ``[a:b]`` codes the actor's act a; ``[:b]`` only the recipient's act."""
    if code.forward:
        return code.forward, False
    if code.backward:
        return code.backward, True
    return None, False


def _slug(c: Constraint) -> str:
    words = list(c.objects[:1]) or [w for _, ws in c.preps for w in ws[:1]] or [p for p, _ in c.preps[:1]] or [c.particle or "x"]
    s = re.sub(r"[^a-z0-9]+", "-", words[0].lower()).strip("-") or "x"
    return s


def _valid(pattern: dict) -> dict | None:
    try:
        Pattern.model_validate(pattern)
        return pattern
    except ValueError:
        if "mode" in pattern:
            pattern = {k: v for k, v in pattern.items() if k != "mode"}
            return _valid(pattern)
        return None


def build_verbs(dic: cameo_mod.Dictionary, cfg: ImporterConfig, stats: Stats) -> tuple[list[dict], dict]:
    """The verb patterns, and per-noun CAMEO evidence from support-verb patterns ("hold talks")."""
    interp = Interpreter(cfg, dic.synsets)
    general = set(cfg.needs_object)
    junk = set(cfg.junk_verb_words)
    support = set(cfg.support_verbs)
    defaults: dict[str, set[str]] = defaultdict(set)          # code -> verbs
    excludes: dict[str, set[str]] = defaultdict(set)          # verb -> objects coded [---]
    constrained: dict[tuple, str] = {}                        # (verb, constraint, reverse) -> code (first wins)
    verb_code: dict[str, str] = {}                            # single verbs with a default code (for nouns)
    noun_evidence: dict[str, Counter] = defaultdict(Counter)
    stats.blocks = len(dic.blocks)
    for block in dic.blocks:
        verbs = []
        for v in block.verbs:
            stats.verb_entries += 1
            if junk & set(v.words):
                stats.skipped["verb entry: parse artefact"] += 1
                continue
            verbs.append(v)
        names = {" ".join(v.words) for v in verbs}
        for v in verbs:
            name = " ".join(v.words)
            code, reverse = _code_of(v.code or block.code)
            if code is not None and _recoded(cfg, code, name) is None:
                stats.skipped["verb default: recoded as no event"] += 1
                continue
            code = _recoded(cfg, code, name)
            if code is None:
                continue
            if name in general:
                stats.verbs_need_object += 1
                continue
            if _plover(code) is None:
                stats.skipped["verb default: CAMEO code without PLOVER type"] += 1
                continue
            if reverse:
                stats.skipped["verb default: reverse-only code"] += 1
                continue
            stats.verbs_coded += 1
            defaults[code].add(name)
            if " " not in name:
                verb_code.setdefault(name, code)
        for pl in block.patterns:
            stats.cameo_patterns += 1
            # the verb the pattern was written for (its note); a note naming no verb of the block
            # leaves the pattern to the whole block, as PETRARCH reads it
            note = " ".join(pl.note.split(",")[0].lower().replace("_", " ").split())
            scope = [note] if note in names else sorted(names)
            try:
                c = interp.constraint(pl.text)
            except Skip as why:
                stats.skipped[f"pattern: {why}"] += 1
                continue
            if c.empty:
                stats.skipped["pattern: no constraint beyond the verb"] += 1
                continue
            if pl.code.null:
                if c.objects and not c.preps and not c.particle:
                    for n in scope:
                        excludes[n].update(c.objects)
                    stats.patterns_used += 1
                else:
                    stats.skipped["pattern: [---] with a preposition"] += 1
                continue
            code, reverse = _code_of(pl.code)
            if _plover(code) is None:
                stats.skipped["pattern: CAMEO code without PLOVER type"] += 1
                continue
            used = False
            for n in scope:
                if n in general and not (c.names_a_word or c.particle):
                    continue
                key = (n, c, reverse)
                if key in constrained:
                    continue
                used = True
                if _recoded(cfg, code, n, c) is None:
                    # read as no event: the object excludes the verb's bare pattern, as [---]
                    if c.objects and not c.preps and not c.particle:
                        excludes[n].update(c.objects)
                    continue
                constrained[key] = _recoded(cfg, code, n, c)
                if n in support and len(c.objects) and not c.preps and not c.particle and not reverse:
                    for o in c.objects:
                        if " " not in o:
                            noun_evidence[o][code] += 1
            if used:
                stats.patterns_used += 1
            else:
                stats.skipped["pattern: general verb without an object word"] += 1

    patterns: list[dict] = []
    for code in sorted(defaults, key=lambda c: (c.ljust(4, "0"), c)):
        # verbs with objects coded [---] ("fight crime") get a pattern of their own that excludes them
        by_ex: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for v in sorted(defaults[code]):
            by_ex[tuple(sorted(excludes.get(v, ())))].append(v)
        for ex, vs in sorted(by_ex.items(), key=lambda kv: (bool(kv[0]), kv[1])):
            p = {"id": f"lexicon.verb.{code}" + (f".{re.sub(r'[^a-z0-9]+', '-', vs[0])}" if ex else ""), "verbs": vs}
            if ex:
                p["exclude_objects"] = list(ex)
            p.update(_plover(code))
            p["confidence"] = cfg.confidence.verb
            patterns.append(p)

    # group the constrained patterns: same code/constraint → one pattern with all its verbs
    groups: dict[tuple, set[str]] = defaultdict(set)
    for (n, c, reverse), code in constrained.items():
        verb = f"{n} {c.particle}" if c.particle else n
        groups[(code, reverse, c.objects, c.preps)].add(verb)
    # then merge those with the same verbs and preps: their objects are alternatives
    merged: dict[tuple, set[str]] = defaultdict(set)
    for (code, reverse, objects, preps), verbs in groups.items():
        merged[(code, reverse, tuple(sorted(verbs)), preps, bool(objects))].update(objects)
    rows = sorted(merged.items(), key=lambda kv: (kv[0][0].ljust(4, "0"), kv[0][0], kv[0][1], kv[0][2], kv[0][3],
                                                  sorted(kv[1])))
    for (code, reverse, verbs, preps, _), objects in rows:
        c = Constraint(None, tuple(sorted(objects)), preps)
        p: dict = {"id": f"lexicon.verb.{code}.{_slug(c)}", "verbs": list(verbs)}
        if objects:
            p["objects"] = sorted(objects)
        if preps:
            p["preps"] = {prep: list(words) for prep, words in preps}
        p.update(_plover(code))
        p["confidence"] = cfg.confidence.verb_object
        if reverse:
            p["reverse"] = True
        patterns.append(p)
    for p in patterns:
        if p["type"] in cfg.target_by_type:
            p["target"] = list(cfg.target_by_type[p["type"]])
    seen_ids: Counter = Counter()
    for p in patterns:  # ids stay unique: the second "lexicon.verb.190.attack" is "…attack-2"
        seen_ids[p["id"]] += 1
        if seen_ids[p["id"]] > 1:
            p["id"] = f"{p['id']}-{seen_ids[p['id']]}"
    out = []
    for p in patterns:
        v = _valid(p)
        if v is None:
            stats.skipped["pattern: invalid in detente's schema"] += 1
            continue
        out.append(v)
    stats.verb_patterns = len(out)
    stats.verb_lemmas = len({v.split()[0] for p in out for v in p["verbs"]})
    return out, {"verb_code": verb_code, "noun_evidence": noun_evidence}


def _nominalisations(rolesets: dict, stop: set[str], cfg: ImporterConfig) -> dict[str, list[str]]:
    """verb → the PropBank noun aliases of its rolesets that name its act (``nominal_endings``; not
    the stop list): "suspend" → ["suspension"]."""
    out: dict[str, set[str]] = defaultdict(set)
    ends = tuple(cfg.nominal_endings)
    for rid, r in rolesets.items():
        nouns = {n for n in r["n"] if n.endswith(ends) and n not in stop and re.fullmatch(r"[a-z]+", n)}
        if not nouns:
            continue
        lemma = rid.rpartition(".")[0].replace("_", " ").lower()
        for verb in {lemma, *r["v"]}:
            if re.fullmatch(r"[a-z]+", verb):
                out[verb] |= nouns
    return {v: sorted(ns) for v, ns in sorted(out.items())}


def _roleset_key(rid: str) -> tuple[int, str]:
    lemma, _, num = rid.rpartition(".")
    return (int(num) if num.isdigit() else 99, lemma)


def build_nouns(tsv: str, evidence: dict, cfg: ImporterConfig, stats: Stats) -> list[dict]:
    verb_code: dict[str, str] = evidence["verb_code"]
    noun_evidence: dict[str, Counter] = evidence["noun_evidence"]
    stop = set(cfg.noun_stoplist)
    rolesets: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"v": [], "n": []})
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t"):
        if row["pos"] in ("v", "n"):
            rolesets[row["roleset_id"]][row["pos"]].append(row["alias"].replace("_", " ").lower())
    by_noun: dict[str, list[str]] = defaultdict(list)
    for rid, r in rolesets.items():
        for n in r["n"]:
            by_noun[n].append(rid)
    codes: dict[str, set[str]] = defaultdict(set)
    stats.nominalisations = _nominalisations(rolesets, stop, cfg)
    for noun in sorted(by_noun):
        stats.nouns_considered += 1
        if noun in stop:
            stats.noun_skipped["stop list"] += 1
            continue
        if not re.fullmatch(r"[a-z][a-z -]*[a-z]", noun):
            stats.noun_skipped["not a word"] += 1
            continue
        # the code of the verb of its most common (lowest-numbered) coded roleset; a noun whose
        # rolesets have no verb at all ("ceasefire") takes the code CAMEO gives it as the object
        # of a support verb ("declare a ceasefire")
        code = None
        for rid in sorted(by_noun[noun], key=_roleset_key):
            lemma = rid.rpartition(".")[0].replace("_", " ").lower()
            for verb in [lemma, *rolesets[rid]["v"]]:
                if verb in verb_code:
                    code = verb_code[verb]
                    break
            if code:
                break
        ev = noun_evidence.get(noun)
        if code is None and ev and not any(rolesets[rid]["v"] for rid in by_noun[noun]):
            code = sorted(ev.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if code is None:
            stats.noun_skipped["no coded verb"] += 1
            continue
        if _plover(code) is None:
            stats.noun_skipped["CAMEO code without PLOVER type"] += 1
            continue
        codes[code].add(noun)
    out = []
    for code in sorted(codes, key=lambda c: (c.ljust(4, "0"), c)):
        p = {"id": f"lexicon.noun.{code}", "nouns": sorted(codes[code])}
        p.update(_plover(code))
        p["confidence"] = cfg.confidence.noun
        v = _valid(p)
        if v is None:
            stats.noun_skipped["invalid in detente's schema"] += len(codes[code])
            continue
        out.append(v)
        stats.nouns += len(codes[code])
    stats.noun_patterns = len(out)
    return out


# ----------------------------------------------------------------------------- writing

VERBS_HEADER = """\
# GENERATED by `detente lexicon build` (detente.lexicon.build) - do not edit by hand; edit
# data/lexicon/importer.yml (stop lists, confidences) and rebuild with `make lexicon`.
#
# Lexicon verb patterns, in the schema of events.yml (see its header for every field). Loaded after
# the hand-written patterns, which take precedence (detente.events.patterns.load_patterns).
#
# Source: CAMEO.2.0.txt, PETRARCH 2 verb dictionary (openeventdata/petrarch2, commit 676801cd),
#   Copyright (c) 2014 Open Event Data / (c) 2015 Open Event Data Alliance, MIT licence (see
#   LICENSE-petrarch2 in this folder). CAMEO codes mapped to PLOVER with cameo2plover.yml (PLOVER
#   manual, CC BY-SA 4.0).
# This file: MIT, like its source.
"""

NOUNS_HEADER = """\
# GENERATED by `detente lexicon build` (detente.lexicon.build) - do not edit by hand; edit
# data/lexicon/importer.yml (stop lists, confidences) and rebuild with `make lexicon`.
#
# Lexicon event-noun patterns, in the schema of events.yml (see its header for every field). Loaded
# after the hand-written patterns, which take precedence.
#
# LICENCE: this file is a derived work of the PropBank frame files and is distributed under the
# Creative Commons Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0; legal code in
# LICENSE-propbank-frames in this folder, https://creativecommons.org/licenses/by-sa/4.0/).
# Attribution: PropBank frame files, propbank/propbank-frames (commit c66e0ccf), noun aliases of
#   rolesets, via propbank-aliases.tsv. Changes: nouns selected and grouped by the CAMEO code of
#   their roleset's verb (CAMEO.2.0.txt, MIT, Open Event Data Alliance) mapped to PLOVER.
#
# `nominalisations` (verb → the nouns of its rolesets that name its act): a noun no pattern lists is
# read as its verb, its "of" phrase as the verb's object (detente.events.patterns, nominal patterns).
"""


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _dump(header: str, provenance: dict, defaults: dict, patterns: list[dict], nominal: dict | None = None) -> str:
    """The file: the header, then a JSON object (YAML's flow subset, so still a YAML pattern file;
    the loader reads it with ``json``), one pattern per line. Fields equal to ``defaults`` are left
    out of each pattern."""
    slim = [{k: v for k, v in p.items() if k == "id" or defaults.get(k, object()) != v} for p in patterns]
    lines = [f'{{"version": {FORMAT_VERSION},', f' "provenance": {_json(provenance)},',
             f' "defaults": {_json(defaults)},', ' "patterns": [']
    lines += [f"  {_json(p)}," for p in slim]
    if slim:
        lines[-1] = lines[-1][:-1]
    lines.append(" ]" + ("," if nominal else "}"))
    if nominal:
        lines.append(' "nominalisations": {')
        lines += [f"  {_json(v)}: {_json(ns)}," for v, ns in nominal.items()]
        lines[-1] = lines[-1][:-1]
        lines.append(" }}")
    return header + "#\n# Format: a JSON object (valid YAML flow style), one pattern per line.\n" + "\n".join(lines) + "\n"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build(source: Path = DEFAULT_SOURCE, config: Path = CONFIG_FILE) -> tuple[str, str, Stats]:
    """The two files' text and the counts. Pure: same inputs → same bytes."""
    cfg = load_config(config)
    cameo_bytes = (source / CAMEO_NAME).read_bytes()
    pb_bytes = (source / PROPBANK_NAME).read_bytes()
    stats = Stats()
    dic = cameo_mod.parse(cameo_bytes.decode("utf-8"))
    verbs, evidence = build_verbs(dic, cfg, stats)
    nouns = build_nouns(pb_bytes.decode("utf-8"), evidence, cfg, stats)
    common = {"importer_config_version": cfg.version, "tier": "lexicon"}
    vprov = {"source": CAMEO_NAME, "source_sha256": _sha(cameo_bytes), "licence": "MIT",
             "attribution": "Open Event Data Alliance, PETRARCH 2 CAMEO verb dictionary", **common,
             "counts": {"verb_lemmas": stats.verb_lemmas, "patterns": len(verbs),
                        "cameo_patterns_read": stats.cameo_patterns, "cameo_patterns_used": stats.patterns_used,
                        "cameo_patterns_skipped": sum(v for k, v in stats.skipped.items() if k.startswith("pattern"))}}
    nprov = {"source": f"{PROPBANK_NAME}, {CAMEO_NAME}", "source_sha256": _sha(pb_bytes),
             "cameo_sha256": _sha(cameo_bytes), "licence": "CC BY-SA 4.0",
             "attribution": "PropBank frame files (propbank/propbank-frames)", **common,
             "counts": {"nouns": stats.nouns, "patterns": len(nouns), "noun_aliases_read": stats.nouns_considered,
                        "nominalised_verbs": len(stats.nominalisations)}}
    vdefaults = {"confidence": cfg.confidence.verb}
    ndefaults = {"confidence": cfg.confidence.noun}
    return (_dump(VERBS_HEADER, vprov, vdefaults, verbs),
            _dump(NOUNS_HEADER, nprov, ndefaults, nouns, stats.nominalisations), stats)


def write(source: Path = DEFAULT_SOURCE, out_dir: Path | None = None, config: Path = CONFIG_FILE) -> Stats:
    vtext, ntext, stats = build(source, config)
    vpath = (out_dir / VERBS_FILE.name) if out_dir else VERBS_FILE
    npath = (out_dir / NOUNS_FILE.name) if out_dir else NOUNS_FILE
    vpath.write_text(vtext, encoding="utf-8")
    npath.write_text(ntext, encoding="utf-8")
    return stats
