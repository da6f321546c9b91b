"""No import cycles between detente's modules, and SQL only in the store.

The graph is grimp's (the engine of import-linter), built from the source: a module imported
inside a function counts as imported; imports only made for type checkers do not (they never
run). A package's ``__init__`` importing its own submodules is not a cycle.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

grimp = pytest.importorskip("grimp", reason="grimp not installed (pip install -e '.[dev]')")

SRC = Path(__file__).resolve().parents[2] / "src" / "detente"


def _cycles() -> list[list[str]]:
    graph = grimp.build_graph("detente", exclude_type_checking_imports=True)
    edges = {m: {n for n in graph.find_modules_directly_imported_by(m)
                 if not n.startswith(m + ".") and not m.startswith(n + ".")} for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_module_imports_itself_back_through_others():
    assert _cycles() == []


# SQL: a statement builder or connection of SQLAlchemy (its error classes are fine anywhere), or a
# DB-API ``execute``, ``executemany`` or ``executescript``
SQL = re.compile(r"^\s*(from sqlalchemy(?!\.exc)\b|import sqlalchemy\b)|\.execute(many|script)?\(|exec_driver_sql\(")


def test_store_sql_lives_under_store():
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("store/"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SQL.search(line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert offenders == []


def test_coding_with_the_compiled_indexes_does_not_load_sqlalchemy():
    # their SQL lives in detente.store.indexes; the store's own SQLAlchemy loads on first use only
    code = ("import sys, detente.kb.index, detente.kb.build, detente.gazetteer, detente.pipeline; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
