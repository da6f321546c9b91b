"""Train the sentence-level PLOVER classifier (``make classifier``); fixed seed, reproducible.

    python scripts/train_classifier.py                 # cross-validate on dev, train, write weights
    python scripts/train_classifier.py --no-cv         # train and write only
    python scripts/train_classifier.py --bench 2000    # also time it on 2,000 wcep sentences

Training data (see docs/evaluation.md, "Sentence classifier"):
- NGEC synthetic PLOVER stories (../shared/data/training): the filled headline of each story and the
  first two sentences of its text, labelled with the story's type; the headline templates of
  synthetic_headlines.csv with their placeholders filled by random country and capital names;
- our own labelled sentences: tests/golden/sentences/*.yml (item → its event types, or NONE),
  the gold sentences of tests/golden/*.yml (the article sentence holding each fragment → its types),
  the case file tests/cases/events/*.yml (the expected types);
- the real-text DEV split tests/gold/wcep/dev.yml (item → its types, or NONE);
- more NONE: wcep-dev items of the quiet categories (disasters, sports, arts, science) that are in
  no gold file (tests/gold/wcep/** is excluded whole). test.yml is never read.

Honest scores: k-fold cross-validation over the dev items, each fold predicted by a model trained
on everything else (all other data and the other folds); item-level (max over its sentences).
Needs scikit-learn (the ``dev`` extra); the shipped model is used with numpy only.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import hashlib
import inspect
import io
import json
import pickle
import random
import re
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from detente.events import classifier as clf_module  # noqa: E402
from detente.events.classifier import FEATURE_VERSION, NONE, SentenceClassifier, features  # noqa: E402
from detente.events.engine import classifier_extra, matched_features, trigger_features  # noqa: E402
from detente.nlp import get_fast_nlp  # noqa: E402

SEED = 20261204
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "data").is_dir()), ROOT.parent / "shared")
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
CLASSES = TYPES + [NONE]
QUIET = {"disasters and accidents", "disaster and accidents", "disasters and incidents", "accidents and disasters",
         "sports", "sport", "arts and culture", "art and culture", "arts and cultures",
         "science and technology", "science & technology", "science"}
OUT = ROOT / "src" / "detente" / "data" / "classifier" / "plover_clf.npz"

# how much each source counts (real news text counts more than synthetic bodies)
WEIGHTS = {"ngec-headline": 1.0, "ngec-body": 0.25, "template": 1.0, "own": 3.0, "dev": 6.0, "quiet": 1.0}
C = 20.0
MIN_DF = 2
# the rule coder's candidate types (trigger words of the event patterns) among the features: off by
# default — on cross-fitted dev they add recall, but they echo the rules (a declined hand-written
# trigger, "executed a plan", then reads as its type: docs/evaluation.md, "Round 4 of the classifier")
TRIGGERS = False
# the types of the patterns that MATCHED (constraints met, arguments aside: engine.matched_features;
# docs/evaluation.md, "Round 5 of the classifier"): more type F1 in CV, not shipped (PETRARCH dev-gold fell)
MATCHED = False
CLASS_WEIGHT: str | None = None  # "balanced": each one-vs-rest model weighs its positives up
FOLDS = 5
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass
class Example:
    source: str                 # key of WEIGHTS
    text: str
    labels: frozenset[str]      # PLOVER types; empty = NONE
    group: str = ""             # dev item id (cross-validation unit)
    sentences: int = 0          # synthetic body: how many leading sentences to keep (0 = whole text)
    feats: list[list[str]] = field(default_factory=list)  # one list per sentence kept
    trig: list[list[str]] = field(default_factory=list)   # the rule coder's candidate types, per sentence
    match: list[list[str]] = field(default_factory=list)  # the types of the patterns that matched, per sentence

    def sentence_features(self) -> list[list[str]]:
        """Each kept sentence's features as the model sees them, in the order the engine passes
        them (``engine.classifier_extra``): the parse's, the trigger types, the matched types."""
        return [fs + (ts if TRIGGERS else []) + (ms if MATCHED else [])
                for fs, ts, ms in zip(self.feats, self.trig, self.match)]


# ----------------------------------------------------------------------------------- data


def _types(events) -> frozenset[str]:
    return frozenset(e["type"] for e in events or [] if e.get("type") in TYPES)


def _headline(prompt: str) -> str:
    head = prompt.split("\n")[0]
    return re.sub(r"\s*\(+[^()]*\)+\s*-+\s*$", "", head).strip()


def ngec(rng: random.Random) -> list[Example]:
    out: list[Example] = []
    d = SHARED / "data" / "training"
    seen: set[str] = set()
    with zipfile.ZipFile(d / "gpt_synthetic_events_2023-10-19_19.csv.zip") as z:
        rows = list(csv.DictReader(io.TextIOWrapper(z.open(z.namelist()[0]), encoding="utf-8")))
    stories = [(r["prompt"], r["text"], r["label"]) for r in rows]
    with zipfile.ZipFile(d / "gpt_synthetic_events_2023-04-06.jsonl.zip") as z:
        for line in io.TextIOWrapper(z.open(z.namelist()[0]), encoding="utf-8"):
            r = json.loads(line)
            stories.append((r["prompt"], r["text"], r["event"]))
    for prompt, text, label in stories:
        if label not in TYPES:
            continue
        head = _headline(prompt)
        if head and head not in seen:
            seen.add(head)
            out.append(Example("ngec-headline", head, frozenset([label])))
        body = re.sub(r"^#+[^#]*#+\s*", "", text).strip()
        if body:
            out.append(Example("ngec-body", body[:600], frozenset([label]), sentences=2))
    states = yaml.safe_load((ROOT / "src/detente/data/actors/states_extra.yml").read_text())["states"]
    countries = sorted({v["short_names"][0] for v in states.values() if v.get("short_names")})
    cities = sorted({c for v in states.values() for c in (v.get("capitals") or [])[:1]})
    with open(d / "synthetic_headlines.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["event"] not in TYPES:
                continue
            for _ in range(2):
                a, b, c = rng.sample(countries, 3)
                text = (r["title"].strip().replace("{country_1}", a).replace("{country_2}", b)
                        .replace("{country_3}", c).replace("{city}", rng.choice(cities)))
                out.append(Example("template", text, frozenset([r["event"]])))
    return out


def own() -> list[Example]:
    out: list[Example] = []
    for f in sorted((ROOT / "tests/golden/sentences").glob("*.yml")):
        for it in yaml.safe_load(f.read_text())["sentences"]["items"]:
            out.append(Example("own", it["text"], _types(it.get("events"))))
    for f in sorted((ROOT / "tests/cases/events").glob("*.yml")):
        for case in yaml.safe_load(f.read_text()).get("cases") or []:
            types = _types(case.get("expect"))
            if types:
                out.append(Example("own", case["text"], types))
    # article gold: the sentence holding each fragment, with the types of all its fragments
    nlp = get_fast_nlp()
    for f in sorted((ROOT / "tests/golden").glob("*.yml")):
        gold = yaml.safe_load(f.read_text())
        art = ROOT / "examples" / "corpus" / str(gold.get("article", ""))
        if not art.is_file():
            continue
        doc = nlp(art.read_text(encoding="utf-8"))
        sents = [s.text for s in doc.sents]
        by_sent: dict[int, set[str]] = {}
        for ev in gold.get("events") or []:
            frag = (ev.get("sentence") or "").strip()
            if not frag or ev.get("type") not in TYPES:
                continue
            for i, s in enumerate(sents):
                if frag in s:
                    by_sent.setdefault(i, set()).add(ev["type"])
                    break
        for i, types in sorted(by_sent.items()):
            out.append(Example("own", sents[i], frozenset(types)))
    return out


def gold_ids() -> set[str]:
    """Every wcep item id named anywhere under tests/gold/wcep (dev, test, batches)."""
    ids: set[str] = set()
    for f in (ROOT / "tests/gold/wcep").rglob("*"):
        if f.is_file():
            ids.update(re.findall(r"\b[0-9a-f]{16}\b", f.read_text(encoding="utf-8")))
    return ids


def dev() -> list[Example]:
    items = yaml.safe_load((ROOT / "tests/gold/wcep/dev.yml").read_text())["sentences"]["items"]
    return [Example("dev", it["text"], _types(it.get("events")), group=it["id"]) for it in items
            if it.get("split", "dev") == "dev"]


def quiet(rng: random.Random, n: int) -> list[Example]:
    exclude = gold_ids()
    pool = []
    with open(SHARED / "data/wcep-dev/wcep-2015-2020.jsonl", encoding="utf-8") as f:
        for line in f:
            it = json.loads(line)
            if it["id"] not in exclude and it.get("category", "").strip().lower() in QUIET:
                pool.append(it)
    pool.sort(key=lambda it: it["id"])
    return [Example("quiet", it["text"], frozenset()) for it in rng.sample(pool, min(n, len(pool)))]


def featurise(examples: list[Example]) -> None:
    nlp = get_fast_nlp()
    texts = [e.text for e in examples]
    t0 = time.time()
    for k, (e, doc) in enumerate(zip(examples, nlp.pipe(texts, batch_size=64))):
        sents = [s for s in doc.sents if len(s) >= 3] or [doc[:]]
        if e.sentences:
            sents = sents[: e.sentences]
        e.feats = [features(s) for s in sents]
        e.trig = [trigger_features(s) for s in sents]
        e.match = [matched_features(s) for s in sents]
        if k % 2000 == 0:
            print(f"  parsed {k}/{len(texts)} ({time.time() - t0:.0f} s)", file=sys.stderr)


def load_all(n_quiet: int, cache: Path | None) -> list[Example]:
    code = inspect.getsource(clf_module) + inspect.getsource(ngec) + inspect.getsource(own) + inspect.getsource(quiet)
    gold = (ROOT / "tests/gold/wcep/dev.yml").read_bytes()  # new labels invalidate the cache too
    # (and so do new patterns: the trigger and matched types are read from them)
    gold += b"".join(f.read_bytes() for f in sorted((ROOT / "src/detente/data/patterns").glob("*.yml")))
    code += inspect.getsource(matched_features) + inspect.getsource(trigger_features)
    key = hashlib.sha256(f"{FEATURE_VERSION}|{SEED}|{n_quiet}|{code}".encode() + gold).hexdigest()[:12]
    if cache and cache.is_file():
        with gzip.open(cache, "rb") as f:
            got = pickle.load(f)
        if got["key"] == key:
            return got["examples"]
    rng = random.Random(SEED)
    examples = ngec(rng) + own() + dev() + quiet(rng, n_quiet)
    featurise(examples)
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(cache, "wb") as f:
            pickle.dump({"key": key, "examples": examples}, f)
    return examples


# ----------------------------------------------------------------------------------- model


def rows_of(examples: list[Example]) -> tuple[list[list[str]], list[frozenset[str]], list[float]]:
    """Training rows: one per kept sentence for synthetic bodies, one per item otherwise (the
    union of its sentences' features, so an item's label is never put on a sentence alone)."""
    X, Y, W = [], [], []
    for e in examples:
        w = WEIGHTS[e.source]
        if e.source == "ngec-body":
            for fs in e.sentence_features():
                X.append(fs), Y.append(e.labels), W.append(w)
        else:
            merged = list(dict.fromkeys(f for fs in e.sentence_features() for f in fs))
            X.append(merged), Y.append(e.labels), W.append(w)
    return X, Y, W


def fit(examples: list[Example], c: float = C) -> SentenceClassifier:
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    X, Y, W = rows_of(examples)
    df: dict[str, int] = {}
    for fs in X:
        for f in fs:
            df[f] = df.get(f, 0) + 1
    vocab = sorted(f for f, n in df.items() if n >= MIN_DF)
    index = {f: i for i, f in enumerate(vocab)}
    indptr, indices, data = [0], [], []
    for fs in X:
        cols = sorted({index[f] for f in fs if f in index})
        indices.extend(cols)
        data.extend([1.0 / np.sqrt(len(fs))] * len(cols))
        indptr.append(len(indices))
    M = sparse.csr_matrix((data, indices, indptr), shape=(len(X), len(vocab)), dtype=np.float64)
    sw = np.asarray(W)
    coef = np.zeros((len(vocab), len(CLASSES)), dtype=np.float64)
    bias = np.zeros(len(CLASSES), dtype=np.float64)
    for k, cls in enumerate(CLASSES):
        y = np.array([(not ys) if cls == NONE else (cls in ys) for ys in Y], dtype=int)
        m = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=1000, class_weight=CLASS_WEIGHT)
        m.fit(M, y, sample_weight=sw)
        coef[:, k] = m.coef_[0]
        bias[k] = m.intercept_[0]
    keep = np.abs(coef).max(axis=1) >= 1e-3
    vocab = [f for f, ok in zip(vocab, keep) if ok]
    return SentenceClassifier(CLASSES, vocab, coef[keep].astype(np.float32), bias.astype(np.float32))


def item_probs(clf: SentenceClassifier, e: Example) -> dict[str, float]:
    """Item level: the most probable value of each type over the item's sentences; NONE is the
    least probable over them (an item holds an event if any of its sentences does)."""
    per = [clf.predict_features(fs) for fs in e.sentence_features()]
    out = {c: max(p[c] for p in per) for c in TYPES}
    out[NONE] = min(p[NONE] for p in per)
    return out


#: the cut-offs shipped with the model (``Thresholds``)
RECOMMENDED = {"propose": 0.8, "propose_extra": 0.5, "veto": 0.8, "veto_type": 0.05}


def folds_of(items: list[Example], k: int) -> list[int]:
    """Fold number per dev item: shuffled with the seed, stratified by event / no event."""
    rng = random.Random(SEED)
    fold = [0] * len(items)
    for has in (True, False):
        idx = [i for i, e in enumerate(items) if bool(e.labels) is has]
        rng.shuffle(idx)
        for n, i in enumerate(idx):
            fold[i] = n % k
    return fold


def _pr(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def score(items: list[Example], probs: list[dict[str, float]]) -> dict:
    res: dict = {"n_items": len(items), "n_event_items": sum(bool(e.labels) for e in items)}
    det = {}
    for thr in THRESHOLDS:
        for name, fn_score in (("1-none", lambda p: 1 - p[NONE]), ("max-type", lambda p: max(p[t] for t in TYPES))):
            tp = sum(1 for e, p in zip(items, probs) if e.labels and fn_score(p) >= thr)
            fp = sum(1 for e, p in zip(items, probs) if not e.labels and fn_score(p) >= thr)
            fn = sum(1 for e, p in zip(items, probs) if e.labels and fn_score(p) < thr)
            det.setdefault(name, {})[str(thr)] = _pr(tp, fp, fn)
    res["detection"] = det
    typ = {}
    for thr in THRESHOLDS:
        per = {}
        TP = FP = FN = 0
        for t in TYPES:
            tp = sum(1 for e, p in zip(items, probs) if t in e.labels and p[t] >= thr)
            fp = sum(1 for e, p in zip(items, probs) if t not in e.labels and p[t] >= thr)
            fn = sum(1 for e, p in zip(items, probs) if t in e.labels and p[t] < thr)
            TP, FP, FN = TP + tp, FP + fp, FN + fn
            per[t] = _pr(tp, fp, fn)
        typ[str(thr)] = {"micro": _pr(TP, FP, FN), "per_type": per}
    res["types"] = typ
    ev = [(e, p) for e, p in zip(items, probs) if e.labels]
    top1 = sum(1 for e, p in ev if max(TYPES, key=lambda t: p[t]) in e.labels)
    res["top1_type_accuracy_on_event_items"] = round(top1 / len(ev), 3) if ev else None
    return res


def cross_validate(examples: list[Example], k: int, c: float = C,
                   fold_dir: Path | None = None) -> tuple[dict, list[dict]]:
    """Out-of-fold scores over the dev items. With ``fold_dir``, each fold's model is written there
    (``fold<k>.npz``) with ``folds.json`` (dev item id → fold), so that the whole pipeline can be
    scored on dev with models that never saw the item (``scripts/eval_dev_crossfit.py``)."""
    items = [e for e in examples if e.source == "dev"]
    rest = [e for e in examples if e.source != "dev"]
    fold = folds_of(items, k)
    probs: list[dict] = [{}] * len(items)
    if fold_dir is not None:
        fold_dir.mkdir(parents=True, exist_ok=True)
        (fold_dir / "folds.json").write_text(json.dumps({e.group: g for e, g in zip(items, fold)}, indent=0))
    for f in range(k):
        t0 = time.time()
        train = rest + [e for e, g in zip(items, fold) if g != f]
        clf = fit(train, c)
        if fold_dir is not None:
            save(clf, {"feature_version": FEATURE_VERSION, "trigger_features": TRIGGERS, "matched_features": MATCHED,
                       "class_weight": CLASS_WEIGHT, "seed": SEED, "C": c,
                       "fold": f, "folds": k, "weights_by_source": WEIGHTS,
                       "recommended": RECOMMENDED, "note": "cross-fitting model: never ships"},
                 fold_dir / f"fold{f}.npz")
        for i, (e, g) in enumerate(zip(items, fold)):
            if g == f:
                probs[i] = item_probs(clf, e)
        print(f"  fold {f + 1}/{k}: {time.time() - t0:.0f} s", file=sys.stderr)
    oof = [{"id": e.group, "gold": sorted(e.labels), "probs": p} for e, p in zip(items, probs)]
    return score(items, probs), oof


def save(clf: SentenceClassifier, meta: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    vocab = np.array(sorted(clf.index, key=clf.index.get))
    buf = io.BytesIO()
    np.savez_compressed(buf, classes=np.array(clf.classes), vocab=vocab,
                        weights=clf.weights.astype(np.float16), bias=clf.bias.astype(np.float32),
                        meta=np.array(json.dumps(meta, sort_keys=True)))
    path.write_bytes(buf.getvalue())


# ----------------------------------------------------------------------------------- bench


def bench(n: int) -> dict:
    """µs per sentence of features + prediction, against the parse, on n wcep sentences."""
    from detente.clean import clean_text
    from detente.events.classifier import get_classifier

    get_classifier.cache_clear()
    clf = get_classifier()
    rng = random.Random(SEED)
    with open(SHARED / "data/wcep-dev/wcep-2015-2020.jsonl", encoding="utf-8") as f:
        items = [json.loads(line) for line in f]
    texts = [clean_text(it["text"]).text for it in rng.sample(items, n)]
    nlp = get_fast_nlp()
    list(nlp.pipe(texts[:50]))  # warm up
    t0 = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.process_time() - t0
    sents = [s for d in docs for s in d.sents]
    for s in sents[:200]:
        clf.predict(s, classifier_extra(s, clf.triggers, clf.matched))
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for s in sents:
            clf.predict(s, classifier_extra(s, clf.triggers, clf.matched))
        best = min(best, time.process_time() - t0)
    t0 = time.process_time()
    for s in sents:
        features(s)
    feat = time.process_time() - t0
    return {"items": n, "sentences": len(sents), "parse_ms_per_item": round(1000 * parse / n, 3),
            "parse_us_per_sentence": round(1e6 * parse / len(sents), 1),
            "classifier_us_per_sentence": round(1e6 * best / len(sents), 1),
            "features_us_per_sentence": round(1e6 * feat / len(sents), 1),
            "classifier_share_of_parse": round(best / parse, 4)}


# ----------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cache", type=Path, default=ROOT / "build" / "classifier-examples.pkl.gz",
                    help="parsed features are cached here (build/ is not committed)")
    ap.add_argument("--quiet-items", type=int, default=2500, help="NONE items from quiet wcep categories")
    ap.add_argument("--folds", type=int, default=FOLDS)
    ap.add_argument("--no-cv", action="store_true")
    ap.add_argument("--cv-only", action="store_true", help="cross-validate, write nothing")
    ap.add_argument("--C", type=float, default=C)
    ap.add_argument("--report", type=Path, default=ROOT / "build" / "classifier-cv.json")
    ap.add_argument("--fold-dir", type=Path, default=ROOT / "build" / "classifier-folds",
                    help="where the fold models go (for scripts/eval_dev_crossfit.py)")
    ap.add_argument("--bench", type=int, default=0, help="time on N wcep items after training")
    ap.add_argument("--weights", type=json.loads, default={}, help='JSON overrides of WEIGHTS, e.g. {"dev": 6}')
    ap.add_argument("--triggers", action="store_true", help="add the rule coder's candidate types to the features")
    ap.add_argument("--matched", action="store_true", help="add the types of the patterns that matched")
    ap.add_argument("--class-weight", choices=["balanced"], default=None)
    a = ap.parse_args(argv)
    WEIGHTS.update(a.weights)
    global TRIGGERS, MATCHED, CLASS_WEIGHT
    TRIGGERS, MATCHED, CLASS_WEIGHT = a.triggers, a.matched, a.class_weight

    examples = load_all(a.quiet_items, a.cache)
    sizes: dict[str, dict[str, int]] = {}
    for e in examples:
        s = sizes.setdefault(e.source, {"examples": 0, "none": 0, "sentences": 0})
        s["examples"] += 1
        s["none"] += not e.labels
        s["sentences"] += len(e.feats)
    print(json.dumps(sizes), file=sys.stderr)

    cv = None
    if not a.no_cv:
        cv, oof = cross_validate(examples, a.folds, a.C, a.fold_dir)
        a.report.parent.mkdir(parents=True, exist_ok=True)
        a.report.write_text(json.dumps({"cv": cv, "out_of_fold": oof}, indent=1))
        print(json.dumps({"detection": cv["detection"], "micro": {t: v["micro"] for t, v in cv["types"].items()},
                          "top1": cv["top1_type_accuracy_on_event_items"]}, indent=1))
    if a.cv_only:
        return 0
    clf = fit(examples, a.C)
    meta = {
        "model": "one-vs-rest logistic regression (liblinear, L2) over binary parse features, L2-normalised",
        "feature_version": FEATURE_VERSION, "trigger_features": TRIGGERS, "matched_features": MATCHED,
        "class_weight": CLASS_WEIGHT, "seed": SEED, "C": a.C, "min_df": MIN_DF,
        "date": dt.date.today().isoformat(), "classes": CLASSES, "vocab_size": len(clf.index),
        "weights_by_source": WEIGHTS, "training_data": sizes,
        "sources": {
            "ngec-headline/ngec-body": "../shared/data/training NGEC synthetic stories (filled headline; first two sentences)",
            "template": "../shared/data/training/synthetic_headlines.csv, two fillings per template",
            "own": "tests/golden/sentences/*.yml, tests/golden/*.yml sentences, tests/cases/events/*.yml",
            "dev": "tests/gold/wcep/dev.yml (real text, blind labels)",
            "quiet": "wcep-dev items of quiet categories, none under tests/gold/wcep",
        },
        "never_used": "tests/gold/wcep/test.yml",
        "recommended": RECOMMENDED,
    }
    if cv:
        meta["cv"] = {"folds": a.folds, "detection": cv["detection"]["1-none"],
                      "micro_type": {t: v["micro"] for t, v in cv["types"].items()},
                      "top1_type_accuracy_on_event_items": cv["top1_type_accuracy_on_event_items"]}
    save(clf, meta, a.out)
    print(f"wrote {a.out} ({a.out.stat().st_size:,} bytes, {len(clf.index):,} features)", file=sys.stderr)
    if a.bench:
        print(json.dumps(bench(a.bench), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
