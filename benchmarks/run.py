"""detente benchmarks: throughput, memory, spaCy overhead, scaling, query latency.

    python benchmarks/run.py                 # --quick: N = 100, 1000, 2000; queries on 100,000 events
    python benchmarks/run.py --full          # N = 100, 1000, 2000, 10000; queries on 1,000,000 events
    python benchmarks/run.py --n 100,500 --query-events 200000

Every measurement runs in its own subprocess (``--worker``), so peak RSS figures do not mix.
Prints a table, writes ``benchmarks/results.json``. Never asserts: figures are information.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

QUICK_N = (100, 1000, 2000)
FULL_N = (100, 1000, 2000, 10_000)
QUICK_EVENTS = 100_000
FULL_EVENTS = 1_000_000
# parse: spaCy's model as shipped, parse only (the reference of every ratio); parse_own: the parse
# only, by the model extraction runs (``get_fast_nlp``: compiled ruler and lemmatizer, BLAS products),
# so that extract / parse_own is the cost of detente's own stages
KINDS = ("parse", "parse_own", "extract", "extract_store")


# ----------------------------------------------------------------------------------------------
# workers (one measurement per process)


def _cpu() -> float:
    """CPU seconds of this process (user + system): less sensitive to a busy machine than wall time."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _bar(total: int, label: str):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=console, transient=True, disable=not console.is_terminal)


def worker_throughput(kind: str, n: int, batch_size: int, source: str = "articles") -> dict[str, Any]:
    from bench_corpus import corpus, wcep

    from detente.clean import clean_text
    from detente.nlp import get_nlp

    articles = wcep(n) if source == "wcep" else corpus(n)
    t = time.perf_counter()
    if kind in ("parse", "parse_own"):
        from detente.nlp import get_fast_nlp

        nlp = get_nlp() if kind == "parse" else get_fast_nlp()
        nlp("Warm-up.")
    else:
        # the extract kinds load what they use, as parse does: the fast model (not the stock one,
        # which extraction never runs), the KB, and one warm-up article, which builds what stages
        # set up on first use (actor matchers, patterns, classifier, gazetteer): load time, not
        # cost per item
        from detente.actors import load_kb
        from detente.models import Article
        from detente.pipeline import extract_articles

        kb = load_kb()
        list(extract_articles([Article.from_text("Warm-up: Russia and Ukraine held talks in Kyiv on Monday.")], kb))
    load_s = time.perf_counter() - t
    sentences = events = 0
    with _bar(n, f"{kind} N={n}") as bar:
        task = bar.add_task(kind, total=n)
        if kind in ("parse", "parse_own"):
            texts = [clean_text(a.text).text for a in articles]
            c0 = _cpu()
            t0 = time.perf_counter()
            for doc in nlp.pipe(texts, batch_size=batch_size, n_process=1):
                sentences += sum(1 for _ in doc.sents)
                bar.advance(task)
            secs = time.perf_counter() - t0
            cpu = _cpu() - c0
        else:
            store = None
            if kind == "extract_store":
                from detente.store import open_store

                tmpdir = tempfile.mkdtemp(prefix="detente-bench-")
                store = open_store(f"sqlite:///{tmpdir}/bench.db")
            c0 = _cpu()
            t0 = time.perf_counter()

            def results():
                nonlocal sentences, events
                for r, a in zip(extract_articles(articles, kb, batch_size=batch_size), articles):
                    sentences += len(r.sentences)
                    events += len(r.events)
                    bar.advance(task)
                    yield r, a

            if store is None:
                for _ in results():
                    pass
            else:
                store.save_many(results(), batch=50)
            secs = time.perf_counter() - t0
    cpu = _cpu() - c0
    return {
        "kind": kind, "corpus": source, "n": n, "batch_size": batch_size, "seconds": round(secs, 3), "cpu_seconds": round(cpu, 3),
        "load_seconds": round(load_s, 2), "cpu_ms_per_article": round(1000 * cpu / n, 2),
        "articles_per_s": round(n / secs, 2), "sentences": sentences, "sentences_per_s": round(sentences / secs, 1),
        "ms_per_article": round(1000 * secs / n, 2), "events": events, "peak_rss_mib": round(_peak_rss_mib(), 1),
    }


def _latency(fn, reps: int) -> dict[str, Any]:
    fn()  # warm-up (page cache, statement cache)
    times = []
    rows: int | None = None
    for _ in range(reps):
        t = time.perf_counter()
        out = fn()
        times.append(1000 * (time.perf_counter() - t))
        rows = len(out) if isinstance(out, list) else None
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(p95, 2), "reps": reps, "rows": rows}


def worker_queries(n_events: int, reps: int) -> dict[str, Any]:
    import bench_store

    from detente.store import open_store

    path = bench_store.cache_path(n_events)
    gen_s = None
    if not path.exists():
        t = time.perf_counter()
        with _bar(n_events, f"generating {n_events:,} events") as bar:
            task = bar.add_task("gen", total=n_events)
            bench_store.generate(path, n_events, progress=lambda m: bar.advance(task, m))
        gen_s = round(time.perf_counter() - t, 1)
    store = open_store(f"sqlite:///{path}", create=False)
    a, b = bench_store.BUSY
    notes = []
    try:
        from detente.relations.state import status, timeline
    except ImportError:  # pragma: no cover - measured as plain SQL then
        status = timeline = None
        notes.append("detente.relations.state missing: status/timeline measured as equivalent SQL")
    try:
        from detente.store.query import events as q_events
    except ImportError:  # pragma: no cover
        q_events = None
        notes.append("detente.store.query.events missing: measured as equivalent SQL")
    sql = _sql_queries(store, a, b)
    queries = {
        f"status {a} {b}": (lambda: status(store, a, b, "2025-06-30")) if status else sql["status"],
        f"timeline {a} {b}": (lambda: timeline(store, a, b)) if timeline else sql["timeline"],
        f"events --dyad {a} {b}": (lambda: q_events(store, dyad=(a, b))) if q_events else sql["events"],
        f"events --dyad {a} {b} --limit 50": (lambda: q_events(store, dyad=(a, b), limit=50))
        if q_events else sql["events50"],
    }
    out = {name: _latency(fn, reps) for name, fn in queries.items()}
    return {"kind": "queries", "events": n_events, "db_mib": round(path.stat().st_size / 2**20, 1),
            "generated_seconds": gen_s, "queries": out, "notes": notes,
            "peak_rss_mib": round(_peak_rss_mib(), 1)}


def _sql_queries(store, a: str, b: str):
    from sqlalchemy import text

    def run(q: str):
        def f():
            with store.engine.connect() as c:
                return c.execute(text(q), {"a": a, "b": b}).fetchall()
        return f

    both = "(source_id=:a AND target_id=:b) OR (source_id=:b AND target_id=:a)"
    return {
        "status": run("SELECT * FROM relation_changes WHERE source=:a AND target=:b"),
        "timeline": run(f"SELECT * FROM events WHERE {both} ORDER BY day_first"),
        "events": run(f"SELECT * FROM events WHERE {both} ORDER BY day_first, id"),
        "events50": run(f"SELECT * FROM events WHERE {both} ORDER BY day_first, id LIMIT 50"),
    }


# ----------------------------------------------------------------------------------------------
# orchestration


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    import spacy

    from detente import __version__

    return {"cpu": cpu, "cores": os.cpu_count(), "mem_gib": mem, "python": platform.python_version(),
            "platform": platform.platform(), "spacy": spacy.__version__, "detente": __version__,
            "load_1min": round(os.getloadavg()[0], 2)}


def git_rev() -> str | None:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
        return rev + ("+dirty" if dirty.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return None


def run_worker(args: list[str]) -> dict[str, Any] | None:
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], stdout=subprocess.PIPE, text=True)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        print(f"  worker {' '.join(args)} failed (exit {proc.returncode})", file=sys.stderr)
        return None
    return json.loads(lines[-1])


def print_tables(res: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console()
    if not con.is_terminal:
        con = Console(width=120)
    t = Table(title="Throughput (one process, n_process=1)", title_justify="left")
    for c in ("N", "measure", "articles/s", "sentences/s", "ms/article", "CPU ms/article", "peak RSS MiB",
              "events", "× parse (CPU)"):
        t.add_column(c, justify="right" if c != "measure" else "left")
    for r in res["throughput"]:
        ratio = res["ratio_to_parse"].get(f"{r['kind']}@{r['n']}")
        t.add_row(str(r["n"]), r["kind"], f"{r['articles_per_s']:.1f}", f"{r['sentences_per_s']:.0f}",
                  f"{r['ms_per_article']:.1f}", f"{r['cpu_ms_per_article']:.1f}", f"{r['peak_rss_mib']:.0f}",
                  str(r["events"]),
                  "" if ratio is None else f"{ratio:.2f}")
    con.print(t)
    for key, ratio in res.get("ratio_to_own_parse", {}).items():
        con.print(f"{key}: {ratio:.2f} × parse_own (the product's own parse: detente's stages and cleaning on top of it)")
    q = res.get("queries")
    if q:
        t = Table(title=f"Query latency on {q['events']:,} generated events ({q['db_mib']} MiB SQLite)",
                  title_justify="left")
        for c in ("query", "p50 ms", "p95 ms", "rows"):
            t.add_column(c, justify="left" if c == "query" else "right")
        for name, d in q["queries"].items():
            t.add_row(name, f"{d['p50_ms']:.1f}", f"{d['p95_ms']:.1f}", "–" if d["rows"] is None else str(d["rows"]))
        con.print(t)
        for note in q.get("notes", []):
            con.print(f"note: {note}")


def _save(out: str, res: dict[str, Any]) -> None:
    Path(out).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="N = 100,1000,2000; 100,000 query events (default)")
    mode.add_argument("--full", action="store_true", help="N = 100,1000,2000,10000; 1,000,000 query events")
    ap.add_argument("--n", help="comma-separated article counts (overrides the mode)")
    ap.add_argument("--kinds", default=",".join(KINDS), help=f"subset of {','.join(KINDS)}")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--query-events", type=int, help="size of the generated store (overrides the mode)")
    ap.add_argument("--reps", type=int, default=20, help="repetitions per query")
    ap.add_argument("--no-queries", action="store_true")
    ap.add_argument("--no-throughput", action="store_true")
    ap.add_argument("--out", default=str(HERE / "results.json"))
    ap.add_argument("--corpus", choices=("articles", "wcep"), default="articles",
                    help="the example articles, repeated and varied, or short real items of wcep-dev")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        if args.worker == "queries":
            out = worker_queries(args.query_events, args.reps)
        else:
            out = worker_throughput(args.worker, int(args.n), args.batch_size, args.corpus)
        print(json.dumps(out))
        return 0

    sizes = [int(x) for x in args.n.split(",")] if args.n else list(FULL_N if args.full else QUICK_N)
    n_events = args.query_events or (FULL_EVENTS if args.full else QUICK_EVENTS)
    kinds = [k for k in args.kinds.split(",") if k in KINDS]
    res: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "git": git_rev(), "mode": "full" if args.full else "quick",
        "corpus": args.corpus,
        "machine": machine(), "note": "shared machine (2 cores, up to 9 concurrent agents): figures are indicative",
        "throughput": [], "ratio_to_parse": {}, "scaling": {},
    }
    if not args.no_throughput:
        for n in sizes:
            for kind in kinds:
                print(f"• {kind} N={n} …", file=sys.stderr)
                r = run_worker(["--worker", kind, "--n", str(n), "--batch-size", str(args.batch_size),
                                "--corpus", args.corpus])
                if r:
                    res["throughput"].append(r)
                    _save(args.out, res)  # partial results survive an interrupted run
        parse = {r["n"]: r for r in res["throughput"] if r["kind"] == "parse"}
        for r in res["throughput"]:
            if r["kind"] != "parse" and r["n"] in parse:
                res["ratio_to_parse"][f"{r['kind']}@{r['n']}"] = round(r["cpu_seconds"] / parse[r["n"]]["cpu_seconds"], 2)
        own = {r["n"]: r for r in res["throughput"] if r["kind"] == "parse_own"}
        res["ratio_to_own_parse"] = {f"{r['kind']}@{r['n']}": round(r["cpu_seconds"] / own[r["n"]]["cpu_seconds"], 2)
                                     for r in res["throughput"] if r["kind"].startswith("extract") and r["n"] in own}
        for kind in kinds:
            per = {r["n"]: r["cpu_ms_per_article"] for r in res["throughput"] if r["kind"] == kind}
            if per:
                smallest = per[min(per)]
                res["scaling"][kind] = {str(n): {"cpu_ms_per_article": v, "vs_smallest_n": round(v / smallest, 2)}
                                        for n, v in sorted(per.items())}
    if not args.no_queries:
        print(f"• queries on {n_events:,} events …", file=sys.stderr)
        res["queries"] = run_worker(["--worker", "queries", "--query-events", str(n_events), "--reps", str(args.reps)])
    _save(args.out, res)
    print_tables(res)
    print(f"written {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
