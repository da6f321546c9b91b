"""Extraction time against article length: one article of 10, 40, 160 and 400 KB.

    python benchmarks/bench_length.py                  # the table (time per KB)
    python benchmarks/bench_length.py --sizes 40,400   # chosen sizes, in KB
    python benchmarks/bench_length.py --profile 160    # cProfile of one 160 KB extraction

Each article is the example corpus (``examples/corpus``) concatenated, every copy lightly varied
(``bench_corpus.vary``), cut at a paragraph boundary near the size. Cost should grow linearly:
the acceptance is 400 KB ≤ 10 × the 40 KB time. Prints CPU seconds (less sensitive to a busy
machine than wall time) of the whole extraction and of spaCy alone on the same pieces (texts over
``pipeline.PIECE_CHARS`` are parsed in pieces). After one warm-up extraction. Never asserts.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SIZES_KB = (10, 40, 160, 400)


def _cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def long_article(kb: int):
    """One article of about ``kb`` KB (UTF-8), built from the varied example corpus."""
    from bench_corpus import base_articles, vary

    from detente.models import Article

    base = base_articles()
    target = kb * 1024
    parts: list[str] = []
    size = i = 0
    while size < target:
        text = vary(base[i % len(base)], i).text.strip()
        for para in text.split("\n\n"):
            if size >= target:
                break
            parts.append(para)
            size += len(para.encode("utf-8")) + 2
        i += 1
    return Article.from_text("\n\n".join(parts) + "\n", published=base[0].published, title=f"{kb} KB")


def warm_up() -> None:
    """Load the model and the KB and extract the whole corpus once: every size is then measured in
    the same steady state (the vocabulary and the parser's memos already hold the corpus's words)."""
    from detente.actors import load_kb
    from detente.pipeline import extract_article

    extract_article(long_article(40), load_kb())


def measure(kb: int) -> dict[str, float]:
    from detente.actors import load_kb
    from detente.clean import clean_text
    from detente.nlp import get_fast_nlp
    from detente.pipeline import PIECE_CHARS, extract_article, split_paragraphs

    kbase = load_kb()
    article = long_article(kb)
    c0 = _cpu()
    t0 = time.perf_counter()
    result = extract_article(article, kbase)
    total = _cpu() - c0
    wall = time.perf_counter() - t0
    nlp = get_fast_nlp()
    text = clean_text(article.text).text
    pieces = [text[s:e] for s, e in split_paragraphs(text, min(nlp.max_length, PIECE_CHARS))]
    c0 = _cpu()
    for _ in nlp.pipe(pieces, batch_size=1):  # spaCy alone, on the pieces ``extract`` parses
        pass
    parse = _cpu() - c0
    return {"kb": kb, "bytes": len(article.text.encode()), "parse_cpu_s": parse, "total_cpu_s": total,
            "wall_s": wall, "events": len(result.events)}


def table(rows: list[dict[str, float]]) -> str:
    lines = ["| size | parse CPU s | extract CPU s | ms per KB | × 40 KB |", "|---:|---:|---:|---:|---:|"]
    base = next((r["total_cpu_s"] for r in rows if r["kb"] == 40), None)
    for r in rows:
        ratio = f"{r['total_cpu_s'] / base:.1f}" if base else ""
        lines.append(f"| {r['kb']} KB | {r['parse_cpu_s']:.2f} | {r['total_cpu_s']:.2f} | "
                     f"{1000 * r['total_cpu_s'] / r['kb']:.0f} | {ratio} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=",".join(map(str, SIZES_KB)), help="sizes in KB, comma-separated")
    ap.add_argument("--profile", type=int, metavar="KB", help="cProfile one extraction of this size")
    args = ap.parse_args(argv)
    if args.profile:
        from detente.actors import load_kb
        from detente.nlp import get_fast_nlp
        from detente.pipeline import extract_article

        kbase = load_kb()
        get_fast_nlp()("Warm-up.")
        article = long_article(args.profile)
        prof = cProfile.Profile()
        prof.enable()
        extract_article(article, kbase)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        return 0
    warm_up()
    rows = []
    for kb in (int(s) for s in args.sizes.split(",")):
        rows.append(measure(kb))
        print(f"{kb} KB: {rows[-1]['total_cpu_s']:.2f} s CPU", file=sys.stderr, flush=True)
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
