"""A generated store for query latency: N events (and relation changes) over a few hundred actors.

Rows are bulk-inserted with ``executemany`` straight into the SQLite file created by
``detente.store.open_store`` (so the schema and its indexes are the real ones). The file is cached
under ``benchmarks/.cache/`` by size, seed and schema version.

Shape: 300 actors; the dyad RUS ↔ TALIBAN holds 0.5 % of all events (the "busy pair" that the
queries ask about), the rest fall on random pairs; dates spread over 2000-2025; one article per 10
events; one relation change per 50 events. Rows carry the actor keys (``source_key``/``target_key``)
that ``detente.store.write`` fills.

``python benchmarks/bench_store.py [--events N] [--reps R] [--db PATH]`` prints p50/p95 wall and CPU
milliseconds of ``queries()`` (``measure``); ``benchmarks/run.py`` measures the same first four.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

from detente.models import PLOVER_TYPES
from detente.store import open_store, schema

CACHE = Path(__file__).resolve().parent / ".cache"
BUSY = ("RUS", "TALIBAN")
STATUSES = ("occurred", "occurred", "occurred", "ongoing", "planned", "reported", "negated")
DIMENSIONS = {
    "designation": ("listed", "suspended", "delisted"),
    "representation": ("liaison", "charge_d_affaires", "ambassador", "expelled"),
    "recognition": ("de_facto", "indirect", "formal", "withdrawn"),
}


def cache_path(n_events: int, seed: int = 7) -> Path:
    return CACHE / f"query-{n_events}-s{seed}-v{schema.SCHEMA_VERSION}.db"


def _actors(rng: random.Random) -> list[str]:
    import pycountry

    states = sorted(c.alpha_3 for c in pycountry.countries)[:260]
    orgs = ["UN", "UNSC", "EU", "NATO", "SCO", "ASEAN", "AU", "TALIBAN", "ISIS", "AL_QAIDA", "HAMAS",
            "HEZBOLLAH", "HOUTHIS", "OPEC", "IAEA", "WHO", "ICC", "INTERPOL", "GCC", "ARAB_LEAGUE"]
    out = states + [f"GROUP_{i:02d}" for i in range(300 - len(states) - len(orgs))] + orgs
    return sorted(set(out))


def generate(path: Path, n_events: int, seed: int = 7, progress: Callable[[int], None] | None = None) -> None:
    """Write a store of ``n_events`` events to ``path`` (replaced if present)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    store = open_store(f"sqlite:///{tmp}")
    store.engine.dispose()
    rng = random.Random(seed)
    actors = _actors(rng)
    start = dt.date(2000, 1, 1).toordinal()
    span = dt.date(2025, 12, 31).toordinal() - start
    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    ev_cols = ("article_id", "idx", "type", "source_id", "source_country", "source_sector", "source_text",
               "target_id", "target_country", "target_sector", "target_text", "source_key", "target_key",
               "date", "date_precision",
               "day_first", "day_last", "status", "cameo", "goldstein", "sentence", "start", "end",
               "confidence", "rule")
    rc_cols = ("article_id", "idx", "source", "target", "dimension", "value", "date", "date_precision",
               "day_first", "sentence", "start", "end", "confidence", "rule")
    ev_sql = f"INSERT INTO events ({', '.join(map(_q, ev_cols))}) VALUES ({', '.join('?' * len(ev_cols))})"
    rc_sql = (f"INSERT INTO relation_changes ({', '.join(map(_q, rc_cols))}) "
              f"VALUES ({', '.join('?' * len(rc_cols))})")
    art_sql = "INSERT INTO articles (id, title, published, source, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?)"
    chunk = 50_000
    done = 0
    while done < n_events:
        m = min(chunk, n_events - done)
        arts, evs, rcs = [], [], []
        for k in range(done, done + m):
            aid = f"{k // 10:016x}"
            day = dt.date.fromordinal(start + rng.randrange(span))
            if k % 10 == 0:
                arts.append((aid, f"Generated article {k // 10}", day.isoformat(), "bench", "Generated.", now))
            if rng.random() < 0.005:
                s, t = BUSY if rng.random() < 0.7 else BUSY[::-1]
            else:
                s, t = rng.sample(actors, 2)
            sent = f"{s} and {t} did something on {day.isoformat()}."
            evs.append((aid, k % 10, rng.choice(PLOVER_TYPES), s, s if len(s) == 3 else None, "GOV", s,
                        t, t if len(t) == 3 else None, "GOV", t, s, t, day.isoformat(), "day", day.isoformat(),
                        day.isoformat(), rng.choice(STATUSES), "040", 1.0, sent, 0, len(sent), 0.8, "bench"))
            if k % 50 == 0:
                dim = rng.choice(list(DIMENSIONS))
                rcs.append((aid, k % 10, s, t, dim, rng.choice(DIMENSIONS[dim]), day.isoformat(), "day",
                            day.isoformat(), sent, 0, len(sent), 0.8, "bench"))
        conn.executemany(art_sql, arts)
        conn.executemany(ev_sql, evs)
        conn.executemany(rc_sql, rcs)
        conn.commit()
        done += m
        if progress:
            progress(m)
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
    tmp.replace(path)


def _q(col: str) -> str:
    return f'"{col}"'


# ----------------------------------------------------------------------------------------------
# latency


def queries(store, a: str = BUSY[0], b: str = BUSY[1]) -> dict[str, Callable[[], object]]:
    """The measured queries (the same as ``benchmarks/run.py``'s), by name."""
    from detente.relations.stance import stance_series
    from detente.relations.state import status, timeline
    from detente.store.query import events

    return {
        f"status {a} {b}": lambda: status(store, a, b, "2025-06-30"),
        f"timeline {a} {b}": lambda: timeline(store, a, b),
        f"events --dyad {a} {b}": lambda: events(store, dyad=(a, b)),
        f"events --dyad {a} {b} --limit 50": lambda: events(store, dyad=(a, b), limit=50),
        f"events --actor {a} --limit 50": lambda: events(store, actor=a, limit=50),
        f"stance series {a} {b}": lambda: stance_series(store, a, b),
    }


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(path: Path, reps: int = 20) -> dict[str, dict]:
    """p50/p95 wall and CPU milliseconds of every query on the store at ``path`` (after a warm-up)."""
    import time

    from detente.store import open_store

    store = open_store(f"sqlite:///{path}", create=False)
    out = {}
    try:
        for name, fn in queries(store).items():
            fn()  # warm-up: page cache, statement cache, YAML configs
            wall, cpu = [], []
            rows = None
            for _ in range(reps):
                t, c = time.perf_counter(), time.process_time()
                res = fn()
                wall.append(1000 * (time.perf_counter() - t))
                cpu.append(1000 * (time.process_time() - c))
                rows = len(res) if isinstance(res, list) else None
            out[name] = {"p50_ms": round(_pct(wall, 0.5), 1), "p95_ms": round(_pct(wall, 0.95), 1),
                         "cpu_p50_ms": round(_pct(cpu, 0.5), 1), "cpu_p95_ms": round(_pct(cpu, 0.95), 1),
                         "rows": rows, "reps": reps}
    finally:
        store.close()
    return out


def main(argv: list[str] | None = None) -> None:
    """``python benchmarks/bench_store.py [--events N] [--reps R] [--db PATH]``: print a latency table."""
    import argparse
    import json

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--db", type=Path, help="measure this store instead of the generated one")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    path = args.db or cache_path(args.events)
    if not path.exists():
        print(f"generating {args.events:,} events into {path} …", flush=True)
        generate(path, args.events)
    res = measure(path, args.reps)
    if args.json:
        print(json.dumps(res, indent=2))
        return
    print(f"{'query':44s} {'p50':>7s} {'p95':>7s} {'cpu p50':>8s} {'cpu p95':>8s} {'rows':>6s}")
    for name, r in res.items():
        print(f"{name:44s} {r['p50_ms']:7.1f} {r['p95_ms']:7.1f} {r['cpu_p50_ms']:8.1f} {r['cpu_p95_ms']:8.1f} "
              f"{r['rows'] if r['rows'] is not None else '–':>6}")


if __name__ == "__main__":
    main()
