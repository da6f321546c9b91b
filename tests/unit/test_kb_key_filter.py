"""The actor index's absent-key filter: a look-up of a key no alias has is answered without a
query, and every look-up gives what the query gives."""

from __future__ import annotations

import itertools

import pytest

from detente.kb.index import BigIndex, open_packaged
from detente.keyfilter import KeyFilter, stable_hash
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


def test_a_stored_filter_reads_back_the_same():
    keys = [f"place {i}" for i in range(5_000)]
    f = KeyFilter(keys, bits=16, hash_of=stable_hash)
    back = KeyFilter.from_bytes(f.table)
    assert all(k in back for k in keys)
    assert [k in back for k in map(str, range(3_000))] == [k in f for k in map(str, range(3_000))]


def test_the_stable_hash_is_the_same_in_every_process():
    assert stable_hash("kyiv") == 0x9B1AF826  # (CRC-32 of the UTF-8), whatever PYTHONHASHSEED is


def test_gazetteer_lookups_give_what_the_query_gives_and_absent_names_ask_none(monkeypatch):
    from detente.gazetteer import GazPlace, Gazetteer, get_gazetteer

    gaz = Gazetteer(get_gazetteer().path)  # a fresh one: nothing memoised
    con = gaz._con()
    assert sql.gaz_key_filter(con)  # the index stores its filter
    keys = list(itertools.islice(sql.gaz_keys(con), 0, 600_000, 300))
    for k in keys + [k + "q" for k in keys]:
        assert gaz._select(k) == tuple(GazPlace(*r) for r in sql.gaz_places(con, k)), k
    asked: list[str] = []
    real = sql.gaz_places
    monkeypatch.setattr(sql, "gaz_places", lambda c, k: asked.append(k) or real(c, k))
    assert all(gaz._select(f"zzq nowhere {i}") == () for i in range(200))
    assert len(asked) < 30  # (a few share a bucket with a key)
