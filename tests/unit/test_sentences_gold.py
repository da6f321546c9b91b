"""The sentence-level gold set (``tests/golden/sentences/``) parses and names only known actors.

Also: the sentence-list shape is read by ``detente eval``'s reader dispatch, next to article gold.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from detente.actors import load_kb
from detente.eval.gold import GoldError, read_gold
from detente.eval.sentences import is_sentence_file, read_sentence_gold
from detente.models import PLOVER_TYPES

SENTENCES = Path(__file__).resolve().parents[1] / "golden" / "sentences"
ITEMS = read_gold([SENTENCES])


def test_the_set_is_large_and_covers_every_plover_type():
    assert len(ITEMS) >= 200
    types = Counter(e.type for it in ITEMS for e in it.events)
    assert set(types) == set(PLOVER_TYPES)
    statuses = {e.status for it in ITEMS for e in it.events}
    assert {"occurred", "planned", "negated", "ongoing", "reported"} <= statuses
    assert any(not it.events for it in ITEMS), "some sentences must expect no event"


@pytest.mark.parametrize("item", ITEMS, ids=[it.id for it in ITEMS])
def test_item_is_a_dated_sentence_with_known_actors(item):
    kb = load_kb()
    assert item.kind == "sentence" and item.published is not None
    assert len(item.text) < 400
    for e in item.events:
        for actor in (e.source, e.target):
            if actor is None:
                continue
            if actor.id:
                assert kb.get(actor.id) is not None, f"unknown actor id {actor.id}"
            else:
                assert actor.country and kb.get(actor.country) is not None, f"unknown country {actor.country}"
                assert actor.sector in kb.sectors, f"unknown sector {actor.sector}"
        if e.date:
            assert e.date_precision is not None
            assert e.date[:4].isdigit()
            if e.status != "planned":
                assert dt.date.fromisoformat(e.date[:4] + "-01-01") <= item.published


def test_present_tense_summaries_are_dated_to_publication():
    """The convention the summaries encode: "imposes", "launches" report the day's news."""
    summaries = [it for it in ITEMS if "summaries" in it.origin]
    dated = [(it, e) for it in summaries for e in it.events if e.status == "occurred"]
    assert dated and all(e.date == it.published.isoformat() for it, e in dated)


LIST = textwrap.dedent("""\
    sentences:
      published: 2024-05-15
      items:
        - id: a
          text: "Ruritania expels two Freedonian diplomats."
          events:
            - {type: sanction, source: RUS, target: {country: UKR, sector: GOV}, date: 2024-05-15}
        - id: b
          published: 2024-05-16
          text: "Nothing happened."
    """)


def test_a_sentence_list_is_read_into_one_sentence_unit_per_item(tmp_path):
    f = tmp_path / "list.yml"
    f.write_text(LIST, encoding="utf-8")
    a, b = read_gold([tmp_path])
    assert (a.id, a.kind, a.published) == ("list#a", "sentence", dt.date(2024, 5, 15))
    assert a.events[0].type == "SANCTION" and a.events[0].date_precision == "day"
    assert a.events[0].target.country == "UKR" and a.events[0].target.id is None
    assert "relation_change" not in a.fields and "date" in a.fields
    assert b.published == dt.date(2024, 5, 16) and b.events == []


def test_article_gold_is_not_taken_for_a_sentence_list():
    assert not is_sentence_file({"article": "x.txt", "events": []})
    assert is_sentence_file({"sentences": {"items": []}})


@pytest.mark.parametrize("bad, message", [
    ("sentences:\n  items:\n    - {id: a, text: 'One.'}\n    - {id: a, text: 'Two.'}\n", "duplicate id"),
    ("sentences:\n  items:\n    - {id: a, text: 'One.', events: [{type: X, colour: red}]}\n", "events.0.colour"),
    ("sentences:\n  items:\n    - {id: a}\n", "items.0.text"),
])
def test_malformed_sentence_lists_name_the_file_and_the_item(tmp_path, bad, message):
    f = tmp_path / "bad.yml"
    f.write_text(bad, encoding="utf-8")
    with pytest.raises(GoldError, match=message) as exc:
        read_sentence_gold(f)
    assert "bad.yml" in str(exc.value)
