"""The regions file (data/places/regions.yml): places the GeoNames packages lack, with a country."""

from __future__ import annotations

from detente.gazetteer import RegionsFile, _regions, get_gazetteer
from detente.places import country_of_place, place_of
from importlib import resources


def test_the_regions_file_validates_and_counts_its_names():
    data = RegionsFile.read(resources.files("detente") / "data" / "places" / "regions.yml")
    assert data.count == sum(len(v) for v in data.regions.values()) > 1000
    assert all(len(code) == 3 and code.isupper() for code in data.regions)


def test_a_region_resolves_to_its_country_as_a_province_without_geonames_id():
    p = place_of("Darfur")
    assert (p.country, p.precision, p.geonames_id, p.feature) == ("SDN", "province", None, "RGN")
    assert p.lat is not None  # the country's centre


def test_a_region_is_only_a_fallback_for_names_geonames_places():
    assert country_of_place("Mariupol") == "UKR"
    assert get_gazetteer().lookup_region("Mariupol") == ()


def test_no_demonym_is_listed_as_a_region():
    assert "egyptian" not in _regions() and "malawian" not in _regions()
