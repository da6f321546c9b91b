"""Dask scale-out benchmark: N articles through a LocalCluster vs one process, same results?

    .venv/bin/python benchmarks/bench_dask.py             # N = 2000, local:2
    .venv/bin/python benchmarks/bench_dask.py --n 200 --workers 2

Extracts the benchmark corpus (``bench_corpus.corpus``) once in this process and once on a Dask
``LocalCluster``, each into its own SQLite store, prints wall time and articles/s for both and
whether the stored events are identical. Writes ``benchmarks/results-dask.json``. Never asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from rich.progress import Progress
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import corpus  # noqa: E402

from detente.pipeline import extract_articles  # noqa: E402
from detente.scale import dask_client, extract_distributed  # noqa: E402
from detente.store import open_store, schema  # noqa: E402


def _events(store) -> list[tuple]:
    e = schema.events
    cols = (e.c.article_id, e.c.idx, e.c.type, e.c.source_id, e.c.target_id, e.c.date, e.c.status, e.c.start, e.c.end)
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(select(*cols)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=16)
    ap.add_argument("--out", default=str(Path(__file__).with_name("results-dask.json")))
    args = ap.parse_args(argv)

    articles = corpus(args.n)
    tmp = Path(tempfile.mkdtemp(prefix="detente-bench-dask-"))
    res: dict = {"n": args.n, "workers": args.workers, "cpus": os.cpu_count()}

    with Progress(transient=True) as bar:
        single = open_store(f"sqlite:///{tmp / 'single.db'}")
        task = bar.add_task("single process", total=args.n)
        t0 = time.perf_counter()
        batch = []
        for result, article in zip(extract_articles(iter(articles)), articles):
            batch.append((result, article))
            if len(batch) >= 50:
                single.save_many(batch)
                bar.advance(task, len(batch))
                batch = []
        single.save_many(batch)
        res["single_s"] = round(time.perf_counter() - t0, 2)

        dist = open_store(f"sqlite:///{tmp / 'dask.db'}")
        task = bar.add_task(f"dask local:{args.workers}", total=args.n)
        t0 = time.perf_counter()
        with dask_client(f"local:{args.workers}") as client:
            t_start = time.perf_counter()
            batch = []
            for pair in extract_distributed(client, iter(articles), chunk_size=args.chunk):
                batch.append(pair)
                if len(batch) >= 50:
                    dist.save_many(batch)
                    bar.advance(task, len(batch))
                    batch = []
            dist.save_many(batch)
            res["dask_cluster_start_s"] = round(t_start - t0, 2)
        res["dask_s"] = round(time.perf_counter() - t0, 2)

    res["single_articles_per_s"] = round(args.n / res["single_s"], 2)
    res["dask_articles_per_s"] = round(args.n / res["dask_s"], 2)
    ev_single, ev_dask = _events(single), _events(dist)
    res["events"] = len(ev_single)
    res["identical"] = ev_single == ev_dask
    print(f"{args.n} articles: single process {res['single_s']} s ({res['single_articles_per_s']} articles/s); "
          f"dask local:{args.workers} {res['dask_s']} s ({res['dask_articles_per_s']} articles/s, "
          f"cluster start {res['dask_cluster_start_s']} s); {res['events']} events; identical: {res['identical']}")
    Path(args.out).write_text(json.dumps(res, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
