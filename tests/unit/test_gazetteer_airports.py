"""Airports in the gazetteer's compiled index (detente.gazetteer: built with the places from the
``airportsdata`` package, read by name key)."""

from __future__ import annotations

from detente import gazetteer


def test_an_airport_is_found_by_its_name_with_or_without_its_airport_words():
    for name in ("Heathrow Airport", "London Heathrow Airport", "Heathrow"):
        hits = gazetteer.lookup_airport(name)
        assert hits and hits[0].kind == "airport" and hits[0].country == "GBR", name


def test_a_name_no_airport_bears_finds_none():
    assert gazetteer.lookup_airport("Narnia Cloud Harbour Airport") == ()


def test_the_index_holds_the_airports_the_package_gives_in_their_order():
    built = gazetteer._airport_index({"GB": "GBR", "US": "USA"})
    for key in ("heathrow", "london heathrow", "los angeles"):
        want = [p for p in built[key] if p.country in ("GBR", "USA")]
        got = [p for p in gazetteer.get_gazetteer().lookup_airport_key(key) if p.country in ("GBR", "USA")]
        assert want and got == want, key


def test_an_edited_list_of_airport_words_names_another_index(monkeypatch):
    before = gazetteer.index_path()
    monkeypatch.setattr(gazetteer, "_airport_words", lambda: (" airport ", " aerodrome "))
    assert gazetteer.index_path() != before
