"""Places: the gazetteer index, ``country_of_place``, ``find_places`` and event locations end to
end (the case files are run by test_cases_places.py)."""

from __future__ import annotations

import pytest

from detente.gazetteer import best, fold, get_gazetteer, skeleton
from detente.places import country_of_place, find_places, place_of



def test_fold_and_skeleton():
    assert fold("Mariupol'") == fold("mariupol") == "mariupol"
    assert fold("Al-Anbār") == "al anbar"
    assert fold("The Hague") == "hague"
    assert skeleton("jawzjan") == skeleton("jowzjan")


def test_vowel_insensitive_lookup_needs_a_distinctive_name():
    # three consonants are shared by too many names: an unknown village is no other city
    assert get_gazetteer().lookup("Soumpi") == ()
    assert get_gazetteer().lookup("Jawzjan")  # five: still found


def test_main_name_beats_a_capital_known_by_it_as_an_alternate():
    assert best(get_gazetteer().lookup("Philadelphia"), name_is_main=fold("Philadelphia")).country == "USA"


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


# --------------------------------------------------------------------------- event locations, end to end

def _events(text: str):
    from detente.models import Article
    from detente.pipeline import extract_article

    return extract_article(Article.from_text(text))


@pytest.mark.slow
def test_event_takes_the_place_attached_to_its_trigger():
    text = ("Russia and Ukraine held talks in Istanbul on Tuesday. "
            "Russian forces shelled a theatre in Mariupol, the city council said.")
    res = _events(text)
    by_type = {e.type: e for e in res.events}
    assert by_type["ASSAULT"].location is not None
    loc = by_type["ASSAULT"].location
    assert (loc.name, loc.country, loc.precision, loc.geonames_id) == ("Mariupol", "UKR", "city", 701822)
    assert text[loc.start:loc.end] == "Mariupol" and by_type["ASSAULT"].detail["location_from"] == "sentence"
    assert by_type["CONSULT"].location.country == "TUR"
    dumped = res.model_dump(mode="json")["events"]
    assert all(set(e["location"]) == {"name", "geonames_id", "country", "admin1", "lat", "lon", "precision",
                                      "start", "end"} for e in dumped)
    # the article's places are kept (internal: for evaluation), in original offsets
    assert [(p.name, p.country) for p in res.places] == [
        ("Russia", "RUS"), ("Ukraine", "UKR"), ("Istanbul", "TUR"), ("Mariupol", "UKR")]
    assert all(text[p.start:p.end] == p.name for p in res.places)


@pytest.mark.slow
def test_a_country_that_acts_is_no_location_and_the_dateline_is_the_fallback():
    text = ("KABUL, Afghanistan (Reuters) - The Taliban attacked a police checkpoint, officials said. "
            "Russia condemned the Taliban.")
    res = _events(text)
    assert res.events, "no events"
    for ev in res.events:
        assert ev.location is not None and ev.location.name == "KABUL" and ev.location.country == "AFG", ev
    assert {ev.detail["location_from"] for ev in res.events} == {"article"}


@pytest.mark.slow
def test_no_place_no_location():
    res = _events("Russia condemned the Taliban.")
    assert res.events and all(ev.location is None for ev in res.events)
    assert res.model_dump(mode="json")["events"][0]["location"] is None
