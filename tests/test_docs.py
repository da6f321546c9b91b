"""The examples of ``docs/python-api.md`` and ``docs/extending.md`` run, and print what the pages say.

Each page is run from top to bottom in a fresh folder, with one namespace for the page:

- a ```` ```python ```` block is executed (it must not fail);
- a ```` ```pycon ```` block is a doctest: each ``>>>`` line runs and its output is compared with
  the lines under it (``...`` matches anything, runs of whitespace are equal);
- a block whose info string says ``file=NAME`` (```` ```yaml file=my_actors.yml ````) is written
  to ``NAME`` first, so the examples after it can read it.

Also, like sqlite-utils' ``tests/test_docs.py``: every public name of ``detente`` and every public
method of ``detente.Store`` and ``detente.Coder`` is documented on the API page.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import detente

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = ["python-api.md", "extending.md"]
FENCE = re.compile(r"^```(?P<lang>[\w-]*)(?P<info>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
FILE = re.compile(r"\bfile=(\S+)")
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def blocks(page: Path) -> list[tuple[str, str, str, int]]:
    """``(lang, info, body, line)`` of every fenced block of ``page``."""
    text = page.read_text(encoding="utf-8")
    return [(m["lang"], m["info"].strip(), m["body"], text.count("\n", 0, m.start()) + 2)
            for m in FENCE.finditer(text)]


def run_page(page: Path) -> list[str]:
    """Run the page's examples (see the module docstring); the failures, one report each."""
    globs: dict = {"__name__": "__docs__"}
    failures: list[str] = []
    for lang, info, body, line in blocks(page):
        where = f"{page.name}:{line}"
        target = FILE.search(info)
        if target:
            Path(target.group(1)).write_text(body, encoding="utf-8")
        elif lang == "python":
            exec(compile(body, where, "exec"), globs)  # noqa: S102 - the page's own example
        elif lang == "pycon":
            test = doctest.DocTestParser().get_doctest(body, globs, where, str(page), line - 1)
            report: list[str] = []
            runner = doctest.DocTestRunner(optionflags=FLAGS)
            runner.run(test, out=report.append, clear_globs=False)
            globs.update(test.globs)  # a DocTest runs in a copy: what it defined is for the blocks after it
            failures.extend(report)
    return failures


@pytest.mark.slow
@pytest.mark.parametrize("name", PAGES)
def test_every_example_of_the_page_runs_and_prints_what_it_shows(name, tmp_path, monkeypatch):
    page = DOCS / name
    monkeypatch.chdir(tmp_path)
    assert any(lang == "pycon" for lang, *_ in blocks(page)), f"{name} has no examples"
    failures = run_page(page)
    assert not failures, "\n".join(failures)


def test_every_public_name_and_method_is_documented():
    text = (DOCS / "python-api.md").read_text(encoding="utf-8")
    names = [n for n in detente.__all__ if n != "__version__"]
    methods = [f".{m}(" for cls in (detente.Store, detente.Coder) for m in vars(cls)
               if not m.startswith("_") and callable(getattr(cls, m))]
    missing = [n for n in names if f"`{n}`" not in text and f"detente.{n}" not in text]
    missing += [m for m in methods if m not in text]
    assert not missing, f"not documented in docs/python-api.md: {missing}"


def test_a_failing_example_is_reported(tmp_path, monkeypatch):
    page = tmp_path / "page.md"
    page.write_text("```pycon\n>>> 1 + 1\n3\n```\n\n```text file=note.txt\nhello\n```\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [report] = run_page(page)
    assert "page.md" in report and "Expected:\n    3\nGot:\n    2" in report
    assert (tmp_path / "note.txt").read_text() == "hello\n"
