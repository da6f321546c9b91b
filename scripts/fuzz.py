"""Fuzz the ingest readers and ``extract`` with hypothesis, for a given time.

    python scripts/fuzz.py --minutes 10                  # both targets, time split evenly
    python scripts/fuzz.py --target extract --minutes 5  # one target
    nice python scripts/fuzz.py --minutes 10 --seed 1    # reproducible

Targets:
- ``readers``: random and structured bytes through every reader (text, Markdown, HTML, JSON Lines,
  JSON, RSS/Atom) via ``read_file``: each input must give ``Article``/``IngestError`` items, never
  raise; an error is one line; a stored URL is http(s); stored text has no control characters and
  its id is its hash; a publication date lies in 1800–2100.
- ``extract``: texts built from corpus sentences, news furniture (bullets, datelines, quotes,
  headings, dates, far years) and random Unicode, through ``detente.pipeline.extract_articles``:
  never raises; every event, quote and sentence offset indexes the article text exactly.

Runs rounds of hypothesis examples (``database=None``, a new seed per round) until the time is up;
the first failure stops the run, prints the falsifying example and exits 1. Prints rounds and
examples per target. The command for the hardening run is in docs/hardening.md.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

EXTENSIONS = [".txt", ".md", ".html", ".jsonl", ".json", ".xml", ".rss", ".atom"]
FURNITURE = [
    "\n\n", "\n", "• ", "- ", "* ", "1. ", "# ", "## ", '"', "\u201c", "\u201d", "'", " \u2014 ", " - ", ": ",
    "KABUL, Oct 14 (Detente Wire) - ", "On Monday, ", "in 9999", "in 1066", "on 31 February 2025",
    "two weeks later", "the following day", "both countries", "the two sides", "the government",
    "\x1b[31m", "\x00", "\u202e", "\ufeff", "\t", "\r\n", "...", "!", "?", " ", "https://example.org/a",
    "President Xi Jinping", "the Taliban", "Russia", "Iran and Saudi Arabia", "the UN Security Council",
]


def _corpus_sentences() -> list[str]:
    out: list[str] = []
    for f in sorted((ROOT / "examples" / "corpus").glob("*")):
        text = f.read_text(encoding="utf-8", errors="replace")
        out += [s.strip() + "." for s in text.replace("\n", " ").split(". ") if s.strip()]
    return out or ["Russia met the Taliban."]


def texts(sentences: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(sentences), st.sampled_from(FURNITURE), st.text(max_size=40))
    return st.lists(piece, min_size=1, max_size=40).map("".join)


def _feed(title: str, link: str, pub: str, body: str) -> str:
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")  # noqa: E731
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{esc(title)}</title><item>'
            f"<title>{esc(title)}</title><link>{esc(link)}</link><pubDate>{esc(pub)}</pubDate>"
            f"<description>{esc(body)}</description></item></channel></rss>")


def reader_inputs(sentences: list[str]) -> st.SearchStrategy[tuple[str, bytes]]:
    import json

    link = st.one_of(st.sampled_from(["https://e.org/a", "javascript:alert(1)", "data:,x", " http://x", ""]),
                     st.text(max_size=20))
    date = st.one_of(st.sampled_from(["2025-04-25", "9999-12-31", "1799-01-01", "0001-01-01", "2025-02-31",
                                      "Fri, 25 Apr 2025 10:00:00 GMT", "Fri, 31 Dec 9999 10:00:00 GMT"]),
                     st.text(max_size=12))
    body = texts(sentences)
    structured = st.one_of(
        st.tuples(st.just(".jsonl"), st.lists(st.fixed_dictionaries(
            {"text": body}, optional={"url": link, "published": date, "title": st.text(max_size=20)}),
            max_size=4).map(lambda objs: "\n".join(json.dumps(o) for o in objs).encode())),
        st.tuples(st.just(".md"), st.tuples(link, date, body).map(
            lambda t: f"---\nurl: {json.dumps(t[0])}\npublished: {json.dumps(t[1])}\n---\n{t[2]}".encode())),
        st.tuples(st.just(".xml"), st.tuples(st.text(max_size=10), link, date, body).map(
            lambda t: _feed(*t).encode())),
        st.tuples(st.just(".html"), body.map(lambda b: f"<html><body><article><p>{b}</p></article></body></html>"
                                             .encode())),
    )
    raw = st.tuples(st.sampled_from(EXTENSIONS), st.one_of(st.binary(max_size=400), body.map(str.encode)))
    return st.one_of(structured, raw)


def check_reader(ext: str, data: bytes, folder: Path) -> None:
    from detente.ingest import read_file
    from detente.ingest.base import IngestError
    from detente.models import MAX_YEAR, MIN_YEAR, Article, article_id, http_url, strip_controls

    path = folder / f"input{ext}"
    path.write_bytes(data)
    for item in read_file(path):
        if isinstance(item, IngestError):
            assert "\n" not in str(item), str(item)
            continue
        assert isinstance(item, Article)
        assert item.text and item.text == strip_controls(item.text) and item.id == article_id(item.text)
        assert item.url is None or http_url(item.url) == item.url, item.url
        assert item.published is None or MIN_YEAR <= item.published.year <= MAX_YEAR
        for w in item.warnings:
            assert "\n" not in w


def check_extract(text: str) -> None:
    from detente.models import Article
    from detente.pipeline import extract_articles

    article = Article.from_text(text)
    (result,) = list(extract_articles([article]))
    for ev in result.events:
        assert text[ev.start:ev.end] == ev.sentence, (ev.start, ev.end, ev.sentence)
    for q in result.quotes:
        assert text[q.start:q.end] == q.text, (q.start, q.end, q.text)
    for s, e in result.sentences:
        assert 0 <= s <= e <= len(text)
    for m in result.mentions:
        assert 0 <= m.start <= m.end <= len(text)


def run(target: str, seconds: float, base_seed: int) -> tuple[int, int]:
    sentences = _corpus_sentences()
    rounds = examples = 0
    deadline = time.monotonic() + seconds
    rng = random.Random(base_seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        while time.monotonic() < deadline:
            counter = [0]
            opts = settings(max_examples=25 if target == "extract" else 200, deadline=None, database=None,
                            suppress_health_check=list(HealthCheck), derandomize=False)
            if target == "readers":
                @opts
                @seed(rng.getrandbits(64))
                @given(reader_inputs(sentences))
                def case(inp):
                    counter[0] += 1
                    check_reader(inp[0], inp[1], folder)
            else:
                @opts
                @seed(rng.getrandbits(64))
                @given(texts(sentences))
                def case(text):
                    counter[0] += 1
                    check_extract(text)
            case()
            rounds += 1
            examples += counter[0]
    return rounds, examples


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--target", choices=["readers", "extract", "all"], default="all")
    ap.add_argument("--minutes", type=float, default=10.0, help="total time (split evenly with --target all)")
    ap.add_argument("--seed", type=int, default=None, help="base seed (default: random, printed)")
    args = ap.parse_args(argv)
    base = args.seed if args.seed is not None else random.randrange(2**32)
    targets = ["readers", "extract"] if args.target == "all" else [args.target]
    print(f"fuzz: seed {base}, {args.minutes:g} minutes, targets {', '.join(targets)}", flush=True)
    failed = False
    for target in targets:
        t0 = time.monotonic()
        try:
            rounds, n = run(target, 60 * args.minutes / len(targets), base)
            print(f"fuzz {target}: {n} examples in {rounds} rounds, {time.monotonic() - t0:.0f} s, no failure",
                  flush=True)
        except Exception:  # noqa: BLE001 - report the falsifying example and go on to the next target
            failed = True
            print(f"fuzz {target}: FAILED after {time.monotonic() - t0:.0f} s", flush=True)
            traceback.print_exc()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
