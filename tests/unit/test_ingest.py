"""Ingest: every reader turns a file into Articles, and every bad input into one clear error line."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from detente.ingest import IngestError, read_file, read_paths, read_stdin, walk
from detente.ingest.base import Defaults
from detente.models import Article, article_id

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"


def read(*paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def only_article(items) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


# -- plain text and front matter ---------------------------------------------------------------

FRONT = """---
title: Russia to accept Taliban ambassador
published: 2025-04-25
source: Detente Wire
url: https://example.org/a
---
MOSCOW - Russia will accept an ambassador appointed by the Taliban.
"""


def test_front_matter_gives_metadata_and_the_text_after_it(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FRONT, encoding="utf-8")
    art = only_article(read(path))
    assert art.title == "Russia to accept Taliban ambassador"
    assert art.published == dt.date(2025, 4, 25)
    assert art.source == "Detente Wire"
    assert art.url == "https://example.org/a"
    assert art.text == "MOSCOW - Russia will accept an ambassador appointed by the Taliban."
    assert art.id == article_id(art.text)
    assert art.origin == str(path)
    # offsets refer to the text after the front matter
    start = art.text.index("Taliban")
    assert art.text[start:start + 7] == "Taliban"


def test_text_without_front_matter_takes_the_command_line_defaults(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("China accepted the credentials of a Taliban envoy.\n", encoding="utf-8")
    art = only_article(read(path, published=dt.date(2024, 1, 30), source="Pacific Rim Dispatch"))
    assert (art.published, art.source, art.title) == (dt.date(2024, 1, 30), "Pacific Rim Dispatch", None)


def test_the_inputs_own_metadata_wins_over_the_defaults(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FRONT, encoding="utf-8")
    art = only_article(read(path, published=dt.date(2000, 1, 1), source="Other"))
    assert (art.published, art.source) == (dt.date(2025, 4, 25), "Detente Wire")


def test_markdown_title_from_its_heading(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Canada expels Indian diplomats\n\nCanada expelled six Indian diplomats.\n", encoding="utf-8")
    assert only_article(read(path)).title == "Canada expels Indian diplomats"


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfRussia accepted the envoy.")
    assert only_article(read(path)).text == "Russia accepted the envoy."


def test_stdin_is_read_as_one_text_article():
    items = list(read_stdin(Defaults(source="pasted"), stream=io.BytesIO(FRONT.encode())))
    art = only_article(items)
    assert art.source == "Detente Wire" and art.origin == "<stdin>"


def test_dash_reads_stdin(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO(b"Iran and Saudi Arabia agreed to restore ties.")

    monkeypatch.setattr("sys.stdin", FakeStdin())
    assert only_article(read("-")).text == "Iran and Saudi Arabia agreed to restore ties."


# -- HTML --------------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head>
<title>Site | Canada expels diplomats</title>
<meta property="og:title" content="Canada expels India's top diplomat">
<meta property="article:published_time" content="2024-10-14T18:02:00Z">
<link rel="canonical" href="https://example.org/canada-india">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Canada expels India's top diplomat</h1>
<p>OTTAWA - Canada expelled six Indian diplomats on Monday, including the high commissioner, after
police linked agents of the Indian government to a campaign of violence against Sikh activists.</p>
<p>New Delhi said it was expelling six Canadian diplomats in response and called the accusations
preposterous, in a further sharp deterioration of relations between the two countries.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>
"""


def test_html_text_by_trafilatura_and_metadata_from_the_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    art = only_article(read(path))
    assert "Canada expelled six Indian diplomats" in art.text
    assert "preposterous" in art.text
    assert "Home" not in art.text and "Copyright" not in art.text
    assert art.title == "Canada expels India's top diplomat"
    assert art.published == dt.date(2024, 10, 14)
    assert art.url == "https://example.org/canada-india"


def test_html_that_declares_its_charset_is_decoded_with_it(tmp_path):
    path = tmp_path / "latin.htm"
    page = PAGE.replace("<head>", '<head><meta charset="iso-8859-1">').replace("Monday", "lundi, à Ottawa,")
    path.write_bytes(page.encode("latin-1"))
    assert "lundi, à Ottawa," in only_article(read(path)).text


def test_html_without_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body><img src=a.png></body></html>", encoding="utf-8")
    (err,) = read(path)
    assert isinstance(err, IngestError) and str(err) == f"{path}: no article text found in the HTML"


# -- JSON Lines and JSON -----------------------------------------------------------------------

def test_jsonl_reads_good_lines_and_names_each_bad_line():
    items = read(BAD / "bad.jsonl")
    good = [i for i in items if isinstance(i, Article)]
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    assert [a.text for a in good] == ["Russia accepted a Taliban envoy.", "Kazakhstan removed the Taliban from its list."]
    where = str(BAD / "bad.jsonl")
    assert errors == [
        f"{where}:2: malformed JSON: Unterminated string starting at (column 23)",
        f"{where}:3: expected a JSON object, got list",
        f"{where}:4: JSON object has no 'text' field",
        f"{where}:5: bad published date '30/01/2024': expected YYYY-MM-DD",
    ]


def test_jsonl_id_is_the_content_hash_and_the_given_id_is_the_origin():
    first = next(i for i in read(BAD / "bad.jsonl") if isinstance(i, Article))
    assert first.id == article_id("Russia accepted a Taliban envoy.")
    assert first.origin == "w-1"
    assert (first.title, first.source, first.published) == ("Good", "Wire", dt.date(2025, 4, 25))


def test_jsonl_line_without_id_has_file_and_line_as_origin():
    last = [i for i in read(BAD / "bad.jsonl") if isinstance(i, Article)][-1]
    assert last.origin == f"{BAD / 'bad.jsonl'}:6"


def test_json_array_of_articles(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": "One.", "title": "a"}, 3, {"text": "Two."}]), encoding="utf-8")
    items = read(path)
    assert [getattr(i, "text", None) for i in items] == ["One.", None, "Two."]
    assert str(items[1]) == f"{path}[1]: expected a JSON object, got int"


# -- RSS and Atom ------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Detente Wire</title><link>https://example.org</link>
<item><title>Russia to accept Taliban envoy</title><link>https://example.org/1</link>
<guid>wire-1</guid><pubDate>Fri, 25 Apr 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Russia will accept an &lt;b&gt;ambassador&lt;/b&gt; appointed by the Taliban.&lt;/p&gt;
&lt;p&gt;The foreign ministry said so on Friday.&lt;/p&gt;</description></item>
<item><title>No date</title><description>Plain summary text.</description></item>
<item><title>No text</title></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title><id>urn:ledger</id>
<updated>2025-05-02T08:00:00Z</updated>
<entry><title>From enemy to partner</title><id>urn:ledger:1</id>
<link href="https://example.org/ledger/1"/><updated>2025-05-02T08:00:00Z</updated>
<content type="html">&lt;p&gt;Two weeks after the court ruling, Moscow hosted a Taliban delegation.&lt;/p&gt;</content>
</entry></feed>
"""


def test_rss_entries_become_articles(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    items = read(path, source="fallback")
    first, second, third = items
    assert isinstance(first, Article)
    assert [line for line in first.text.splitlines() if line] == [
        "Russia will accept an ambassador appointed by the Taliban.", "The foreign ministry said so on Friday.",
    ]
    assert (first.title, first.url, first.origin) == ("Russia to accept Taliban envoy", "https://example.org/1", "wire-1")
    assert (first.published, first.source) == (dt.date(2025, 4, 25), "Detente Wire")
    assert second.text == "Plain summary text." and second.published is None
    assert str(third) == f"{path}#entry3: entry has no text (no content or summary)"


def test_atom_entry_content(tmp_path):
    path = tmp_path / "ledger.atom"
    path.write_text(ATOM, encoding="utf-8")
    art = only_article(read(path))
    assert art.text == "Two weeks after the court ruling, Moscow hosted a Taliban delegation."
    assert (art.source, art.published, art.origin) == ("Ledger", dt.date(2025, 5, 2), "urn:ledger:1")


def test_xml_that_is_not_a_feed(tmp_path):
    path = tmp_path / "list.xml"
    path.write_text("<?xml version='1.0'?><CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>", encoding="utf-8")
    assert [str(i) for i in read(path)] == [f"{path}: not an RSS or Atom feed"]


# -- folders -----------------------------------------------------------------------------------

def test_folders_are_walked_recursively_sorted_by_extension(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.md").write_text("First.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "Third."}\n', encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Git.", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in walk(tmp_path)] == ["a.md", "b/2.txt", "c.jsonl"]
    assert [a.text for a in read(tmp_path)] == ["First.", "Second.", "Third."]


def test_a_folder_without_readable_files_is_an_error(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    (err,) = read(tmp_path)
    assert str(err).startswith(f"{tmp_path}: no readable files (.txt .md")


def test_reading_goes_on_after_a_bad_input(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Russia accepted the envoy.", encoding="utf-8")
    items = read(BAD / "empty.txt", tmp_path / "missing.txt", good)
    assert [type(i).__name__ for i in items] == ["IngestError", "IngestError", "Article"]


# -- bad inputs: one line, naming the file -----------------------------------------------------

@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("binary.bin", "binary file (contains NUL bytes), not text"),
        ("latin1.txt", "not UTF-8 (byte 0xe8 at offset 9; looks like latin-1?); convert it to UTF-8 first"),
        ("utf16.txt", "not UTF-8 (UTF-16 byte-order mark at offset 0)"),
        ("broken.rss", "malformed feed (line 4, column 2: mismatched tag)"),
        ("bad-date.txt", "bad published date '2025-02-31': expected YYYY-MM-DD"),
        ("unclosed-front-matter.md", "front matter opened with '---' is never closed"),
    ],
)
def test_bad_input_is_one_error_line_naming_the_file(name, reason):
    items = read(BAD / name)
    assert len(items) == 1 and isinstance(items[0], IngestError)
    line = str(items[0])
    assert line == f"{BAD / name}: {reason}"
    assert "\n" not in line


def test_missing_file():
    assert [str(i) for i in read("/nonexistent/a.txt")] == ["/nonexistent/a.txt: no such file or directory"]


def test_bad_yaml_front_matter(tmp_path):
    path = tmp_path / "y.txt"
    path.write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    (err,) = read(path)
    assert isinstance(err, IngestError) and str(err).startswith(f"{path}: bad front matter")


def test_read_file_never_raises_on_an_unreadable_file(tmp_path):
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    (err,) = list(read_file(folder))
    assert isinstance(err, IngestError) and str(err) == f"{folder}: is a directory"


def test_error_line_folds_newlines():
    assert str(IngestError("f.txt", "two\nlines")) == "f.txt: two lines"
