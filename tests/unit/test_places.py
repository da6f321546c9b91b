"""Places: the gazetteer index, ``country_of_place``, ``find_places`` on the case files
(tests/cases/places/*.yml), and event locations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from detente.gazetteer import best, fold, get_gazetteer, skeleton
from detente.places import country_of_place, find_places, place_of

CASES = Path(__file__).resolve().parents[1] / "cases" / "places"


def test_fold_and_skeleton():
    assert fold("Mariupol'") == fold("mariupol") == "mariupol"
    assert fold("Al-Anbār") == "al anbar"
    assert fold("The Hague") == "hague"
    assert skeleton("jawzjan") == skeleton("jowzjan")


@pytest.mark.parametrize("name, country, kind", [
    ("Mariupol", "UKR", "city"), ("Kiev", "UKR", "capital"), ("Odessa", "UKR", "city"),
    ("Jowzjan", "AFG", "adm1"), ("Jawzjan", "AFG", "adm1"), ("Anbar", "IRQ", "adm1"),
    ("Syria", "SYR", "country"), ("Kosovo", "XKX", "country"), ("Hong Kong", "HKG", "country"),
    ("Tripoli", "LBY", "capital"), ("Washington", "USA", "capital"), ("Catalonia", "ESP", "adm1"),
])
def test_gazetteer_lookup(name, country, kind):
    p = best(get_gazetteer().lookup(name))
    assert p is not None and (p.country, p.kind) == (country, kind), p
    assert p.geonames_id and p.lat is not None and p.lon is not None


def test_ambiguous_names_prefer_article_countries():
    g = get_gazetteer()
    assert best(g.lookup("Tripoli")).country == "LBY"
    assert best(g.lookup("Tripoli"), frozenset({"LBN"})).country == "LBN"
    assert best(g.lookup("Georgia")).country == "GEO"
    assert best(g.lookup("Georgia"), frozenset({"USA"})).country == "USA"


@pytest.mark.parametrize("text, country", [
    ("Mariupol", "UKR"), ("Jawzjan province", "AFG"), ("northern Iraq", "IRQ"), ("the Gaza Strip", "PSE"),
    ("Lahore", "PAK"), ("Republic of Karelia", "RUS"), ("Xinjiang", "CHN"), ("Nowhere-in-particular", None),
    ("", None),
])
def test_country_of_place(text, country):
    assert country_of_place(text) == country


def test_country_of_place_context():
    assert country_of_place("Tripoli", ["LBN"]) == "LBN"
    p = place_of("Jawzjan province")
    assert p is not None and p.precision == "province"


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("stage") == "places", path
        for case in data["cases"]:
            out.append(pytest.param(case, id=f"{path.stem}:{case['id']}"))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("case", _cases())
def test_place_case(case, nlp):
    from detente.actors import find_mentions, load_kb

    doc = nlp(case["text"])
    places = find_places(doc, find_mentions(doc, load_kb()))
    got = {p.name: p for p in places}
    shown = [(p.name, p.country, p.precision) for p in places]
    for want in case.get("places", []):
        p = got.get(want["name"])
        assert p is not None, f"{want['name']!r} not found; found {shown}"
        for key in ("country", "admin1", "precision"):
            if key in want:
                assert getattr(p, key) == want[key], f"{want['name']}: {key} {getattr(p, key)!r}; found {shown}"
        assert doc.text[p.start:p.end] == p.name
    for name in case.get("absent", []):
        assert not any(name in p.name for p in places), shown
