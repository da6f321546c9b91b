"""The actor index's absent-key filter: a look-up of a key no alias has is answered without a
query, and every look-up gives what the query gives."""

from __future__ import annotations

import itertools

import pytest

from detente.kb.index import BigIndex, KeyFilter, open_packaged
from detente.store import indexes as sql


def test_key_filter_holds_every_key_and_turns_away_most_other_strings():
    keys = [f"name {i}" for i in range(20_000)]
    f = KeyFilter(keys, bits=20)
    assert all(k in f for k in keys)
    others = [f"other {i}" for i in range(20_000)]
    assert sum(k in f for k in others) < 0.05 * len(others)


def test_an_empty_filter_holds_nothing():
    assert "anything" not in KeyFilter([])


@pytest.fixture(scope="module")
def packaged() -> BigIndex:
    idx = open_packaged()
    if idx is None:
        pytest.skip("no packaged actor index")
    return BigIndex(idx.path)  # a fresh one: its filter not built yet


def test_lookup_gives_what_the_query_gives_for_keys_and_near_misses(packaged):
    keys = list(itertools.islice(sql.kb_keys(packaged.db), 0, 80_000, 40))
    assert keys
    for k in keys + [k + "x" for k in keys] + ["", "no such actor name at all"]:
        want = tuple((a, h, n, bool(cs)) for a, h, n, cs in sql.kb_aliases(packaged.db, k))
        assert packaged.lookup(k) == want, k


def test_a_key_no_alias_has_asks_no_query(packaged, monkeypatch):
    asked: list[str] = []
    real = sql.kb_aliases
    monkeypatch.setattr(sql, "kb_aliases", lambda db, k: asked.append(k) or real(db, k))
    misses = [f"zzq nobody {i}" for i in range(200)]
    assert all(packaged.lookup(k) == () for k in misses)
    assert len(asked) < 20  # (a few may share a bucket with a key)
