"""CLI tables print stored text as text: no terminal escape sequences, no rich markup, whatever an
older store (or another writer) holds."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.models import ActorRef, Article, ArticleResult, Event, Quote
from detente.store import open_store

HOSTILE = "Envoy \x1b[31mRED\x1b[0m \x1b]0;pwned\x07 [bold]x[/bold] [/] \x9b2J end"


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'esc.db'}"
    store = open_store(url)
    text = f"Russia met the Taliban. {HOSTILE}"
    art = Article.from_text(text, title=HOSTILE, source=HOSTILE, published=dt.date(2025, 4, 25))
    ev = Event(type="CONSULT", source=ActorRef(id="RUS", country="RUS", text="Russia"),
               target=ActorRef(id="TALIBAN", country="AFG", text="the Taliban"), date="2025-04-25",
               date_precision="day", sentence=text, start=0, end=len(text), confidence=0.9, rule="t",
               cameo="040", goldstein=1.0)
    store.save(ArticleResult(id=art.id, title=art.title, published=art.published, source=art.source, events=[ev],
                             quotes=[Quote(speaker=HOSTILE, text=HOSTILE, start=0, end=5)]), art)
    return url, art.id


@pytest.mark.parametrize("args", [["articles"], ["events"], ["article", "{id}"], ["timeline", "RUS", "TALIBAN"],
                                  ["events", "--format", "md"], ["articles", "--format", "md"],
                                  ["events", "--format", "csv"], ["brief", "RUS", "TALIBAN"],
                                  ["brief", "RUS", "TALIBAN", "--format", "table"]])
def test_tables_never_print_escape_sequences_or_markup_from_stored_text(db, args):
    url, aid = db
    r = CliRunner().invoke(app, [a.format(id=aid) for a in args] + ["--db", url])
    assert r.exit_code == 0, r.output
    assert not any(ord(c) < 32 and c not in "\n\t" or 0x7f <= ord(c) <= 0x9f for c in r.output), repr(r.output)
