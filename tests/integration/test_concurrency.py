"""Four processes ingest overlapping inputs into one PostgreSQL store: nothing lost, nothing twice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from detente.store import open_store, schema

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

DETENTE = [sys.executable, "-m", "detente.cli"]


def _count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_four_processes_with_overlapping_inputs(pg_url, tmp_path: Path):
    files = sorted(CORPUS.glob("*.txt"))[:8]
    assert len(files) >= 4, "needs the sample corpus"
    # process i takes files i, i+1, i+2 (wrapping): every file is read by three processes
    shares = [[files[(i + k) % len(files)] for k in range(3)] for i in range(4)]
    shares[0] = files  # and one process reads everything
    procs = [
        subprocess.Popen([*DETENTE, "ingest", *map(str, share), "--db", pg_url, "--quiet"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for share in shares
    ]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err

    # the same files ingested by one process into SQLite give the reference counts
    ref = open_store(f"sqlite:///{tmp_path / 'ref.db'}")
    done = subprocess.run([*DETENTE, "ingest", *map(str, files), "--db", ref.url, "--quiet"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr

    shared = open_store(pg_url)
    assert _count(shared, schema.articles) == len(files)
    for table in (schema.events, schema.quotes, schema.relation_changes, schema.mentions, schema.sentences):
        assert _count(shared, table) == _count(ref, table), table.name
    shared.engine.dispose()
