"""One renderer per format: tables keep ids whole when piped, CSV keeps values whole, Markdown
escapes, and stored text is never read as markup."""

from __future__ import annotations

import csv
import io

from detente import render

LONG_ID = "UNSC:QDe.004-a-very-long-list-entry-id-that-would-not-fit-in-eighty-columns"


def test_a_piped_table_keeps_every_id_whole_on_one_line(capsys):
    render.print_table(["id", "sentence"], [[LONG_ID, "word " * 60]], title="ids")
    out = capsys.readouterr().out
    assert any(LONG_ID in line for line in out.splitlines())
    assert "…" not in out


def test_csv_keeps_numbers_whole_and_strips_control_characters():
    text = render.csv_text(["a", "b"], [[0.123456789, "x\x1b[31my"], {"a": None, "b": "z"}])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["a", "b"], ["0.123456789", "x[31my"], ["", "z"]]


def test_markdown_cells_escape_pipes_and_newlines():
    assert render.md_table(["t"], [["a|b\nc"]]).splitlines()[-1] == "| a\\|b c |"


def test_stored_brackets_are_not_rich_markup(capsys):
    render.print_table(["text"], [["[bold]kept[/bold]"]])
    assert "[bold]kept[/bold]" in capsys.readouterr().out


def test_citations_name_outlet_date_and_title_not_the_hash():
    item = {"evidence": {"article": "abc123", "outlet": "Reuters", "published": "2025-04-25", "title": "T"},
            "also": [{"dataset": "un-sc", "external_id": "TAi.004"}, {"article": "def456"}]}
    assert render.citations(item) == "Reuters, 2025-04-25, “T”; un-sc TAi.004; article def456"
