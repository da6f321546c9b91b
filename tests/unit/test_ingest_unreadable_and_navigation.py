"""An unreadable file or folder is one error line and the rest goes in; a page that is only
navigation and boilerplate is refused like an empty file."""

from __future__ import annotations

import os
from pathlib import Path

from detente.ingest import read_paths
from detente.ingest.base import IngestError
from detente.ingest.html import article_from_html
from detente.models import Article

NAV_ONLY = """<html><head><title>Example News - Home</title></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="menu"><a href="/login">Sign in</a> | <a href="/subscribe">Subscribe</a></div>
<footer><p>© 2025 Example News. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>"""

SHORT_ARTICLE = """<html><head><title>Envoy</title></head><body><article>
<p>Russia met the Taliban.</p></article><footer>© 2025 Example News. All rights reserved.</footer></body></html>"""


def test_a_navigation_only_page_is_refused_like_an_empty_file():
    item = article_from_html(NAV_ONLY, "home.html")
    assert isinstance(item, IngestError)
    assert str(item).startswith("home.html: no article text found")


def test_a_short_real_article_is_kept():
    item = article_from_html(SHORT_ARTICLE, "a.html")
    assert isinstance(item, Article) and "Russia met the Taliban." in item.text


def test_an_unreadable_subfolder_is_one_error_and_the_rest_goes_in(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text("Russia met the Taliban.\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("China met the Taliban.\n")
    real_walk = os.walk

    def walk(top, onerror=None, followlinks=False):  # as for a user without permission on "locked"
        for root, dirs, files in real_walk(top, followlinks=followlinks):
            if Path(root) == locked:
                if onerror is not None:
                    onerror(PermissionError(13, "Permission denied", str(locked)))
                dirs[:] = []
                continue
            yield root, dirs, files

    monkeypatch.setattr("detente.ingest.os.walk", walk)
    items = list(read_paths([tmp_path]))
    assert [type(i) for i in items].count(Article) == 1
    (err,) = [i for i in items if isinstance(i, IngestError)]
    assert str(err) == f"{locked}: permission denied"


def test_a_file_whose_folder_cannot_be_searched_is_one_error(tmp_path, monkeypatch):
    good = tmp_path / "ok.txt"
    good.write_text("Russia met the Taliban.\n")
    hidden = tmp_path / "noaccess" / "a.txt"
    real_is_dir = Path.is_dir

    def is_dir(self):
        if self == hidden:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    items = list(read_paths([hidden, good]))
    assert isinstance(items[0], IngestError) and str(items[0]) == f"{hidden}: permission denied"
    assert isinstance(items[1], Article)
