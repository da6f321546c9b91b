"""The compiled actor index: start-up, peak memory and resolutions per second.

    python benchmarks/bench_kb.py            # 5 runs each; prints a table, writes benchmarks/results-kb.json

- start-up: ``detente extract`` on one sentence in a fresh process (wall and CPU seconds, peak RSS),
  without the index (``DETENTE_KB_INDEX=none``: the hand-written KB alone), with the packaged index,
  and with a scaled copy padded to >= 50,000 people and >= 20,000 organisations by synthetic
  entries (the look-up cost does not depend on the size; this shows it);
- resolutions per second: ``ActorKB.resolve`` over names drawn from the index (fixed seed), and
  ``find_mentions`` on short parsed sentences naming imported actors.
Never asserts: figures are information (the issue's budget: start-up <= 2.5 s, peak memory growth
<= 150 MiB over the hand-written KB).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SENTENCE = "Russian Foreign Minister Sergei Lavrov met Turkish officials and the head of the SVR in Ankara.\n"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def _run_extract(path: Path, index: str | None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    if index is not None:
        env["DETENTE_KB_INDEX"] = index
    code = ("import resource, sys, time, os\n"
            "t0 = time.perf_counter()\n"
            "sys.argv = ['detente', 'extract', sys.argv[1], '--published', '2024-05-01']\n"
            "from detente.cli import app\n"
            "import contextlib, io\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        app()\n    except SystemExit:\n        pass\n"
            "ru = resource.getrusage(resource.RUSAGE_SELF)\n"
            "print(time.perf_counter() - t0, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024)\n")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    inner, cpu, rss = (float(x) for x in out.stdout.split()[-3:])
    return {"wall_s": wall, "cpu_s": cpu, "peak_rss_mib": rss}


def _summary(rows: list[dict]) -> dict:
    return {k: round(statistics.median(r[k] for r in rows), 3) for k in rows[0]}


def scaled_copy(src: Path, dst: Path, people: int = 50_000, orgs: int = 20_000) -> dict:
    shutil.copy(src, dst)
    db = sqlite3.connect(dst)
    have = dict(db.execute("SELECT kind = 'person', COUNT(*) FROM actors GROUP BY kind = 'person'").fetchall())
    add_p, add_o = max(0, people - have.get(1, 0)), max(0, orgs - have.get(0, 0))
    rows, names = [], []
    for i in range(add_p):
        aid = f"SYNTH_P{i}"
        rows.append((aid, "person", f"Synthetic Person {i}", None, None, None, "synthetic",
                     json.dumps({"roles": [["USA", None, "GOV", "minister", "2000-01-01", None, "synthetic"]]})))
        names.append((f"synthetic person {i}", aid, "person", f"Synthetic Person {i}", 0))
    for i in range(add_o):
        aid = f"SYNTH_O{i}"
        rows.append((aid, "company", f"Synthetic Company {i}", "USA", "BUS", None, "synthetic", "{}"))
        names.append((f"synthetic company {i}", aid, "name", f"Synthetic Company {i}", 0))
    db.executemany("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO aliases VALUES (?,?,?,?,?)", names)
    db.commit()
    counts = dict(db.execute("SELECT kind = 'person', COUNT(*) FROM actors GROUP BY kind = 'person'").fetchall())
    db.close()
    return {"people": counts.get(1, 0), "organisations": counts.get(0, 0)}


def resolutions_per_second(n: int = 2000) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    import datetime as dt

    from detente.actors import find_mentions, load_kb
    from detente.nlp import get_fast_nlp

    kb = load_kb()
    rng = random.Random(7)
    names = [r[0] for r in kb.big.db.execute("SELECT alias FROM aliases WHERE cs = 0").fetchall()]
    sample = rng.sample(names, min(n, len(names)))
    on = dt.date(2015, 6, 1)
    t0 = time.perf_counter()
    ok = sum(1 for s in sample if kb.resolve(s, on) is not None)
    rate = len(sample) / (time.perf_counter() - t0)
    nlp = get_fast_nlp()
    people = [r[0] for r in kb.big.db.execute(
        "SELECT name FROM actors WHERE kind = 'person' ORDER BY id LIMIT 200").fetchall()]
    docs = list(nlp.pipe([f"{p} met officials of the SVR in Moscow on Monday." for p in people]))
    t0 = time.perf_counter()
    found = sum(len(find_mentions(d, kb, on)) for d in docs)
    mrate = len(docs) / (time.perf_counter() - t0)
    return {"resolve_per_s": round(rate), "resolved": ok, "names": len(sample),
            "find_mentions_sentences_per_s": round(mrate, 1), "mentions": found}


def main() -> int:
    from detente.kb.index import packaged_path  # noqa: E402 (after sys.path)

    index = packaged_path()
    res: dict = {"runs": RUNS}
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp) / "one.txt"
        t.write_text(SENTENCE, encoding="utf-8")
        _run_extract(t, "none")  # warm the file cache
        res["startup_without_index"] = _summary([_run_extract(t, "none") for _ in range(RUNS)])
        if index is not None:
            res["startup_with_index"] = _summary([_run_extract(t, str(index)) for _ in range(RUNS)])
            big = Path(tmp) / "scaled.sqlite"
            res["scaled_counts"] = scaled_copy(index, big)
            res["startup_scaled_index"] = _summary([_run_extract(t, str(big)) for _ in range(RUNS)])
    if index is not None:
        res.update(resolutions_per_second())
    print(f"{'':28} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}")
    for k in ("startup_without_index", "startup_with_index", "startup_scaled_index"):
        if k in res:
            r = res[k]
            print(f"{k:28} {r['wall_s']:8.2f} {r['cpu_s']:8.2f} {r['peak_rss_mib']:9.1f}")
    if "scaled_counts" in res:
        print(f"scaled index: {res['scaled_counts']}")
    for k in ("resolve_per_s", "find_mentions_sentences_per_s"):
        if k in res:
            print(f"{k}: {res[k]}")
    (HERE / "results-kb.json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
