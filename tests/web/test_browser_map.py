"""The event map in headless Chromium: markers on an offline world outline, under the CSP.

The store is the web tests' store with places given to some of its events (the hand-coded
corpus has none); nothing is fetched but this app's own files. Saves ``map-dyad.png`` and
``map-article.png`` to ``$DETENTE_SCREENSHOTS`` (docs/screenshots/ holds the ones the docs show).
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from .test_browser import SHOTS, By, EC, browser, csp_errors, wait  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

PLACES = {  # sentence start → location columns
    "Moscow first opened": ("Moscow", 524901, "RUS", "Moscow", 55.75222, 37.61556, "city"),
    "Russia designated": ("Moscow", 524901, "RUS", "Moscow", 55.75222, 37.61556, "city"),
    "On 17 April 2025": ("Kabul", 1138958, "AFG", "Kabul", 34.52813, 69.17233, "city"),
    "Russia will accept": ("Kandahar Province", 1138335, "AFG", "Kandahar", 31.0, 65.5, "province"),
}


@pytest.fixture(scope="module")
def map_server(tmp_path_factory):
    from detente.web import backend

    from .conftest import build_store, served

    url = f"sqlite:///{tmp_path_factory.mktemp('map') / 'map.db'}"
    build_store(url)
    store = backend.open_store(url)
    with store.engine.begin() as conn:
        for head, (name, gid, country, admin1, lat, lon, precision) in PLACES.items():
            conn.execute(text(
                "UPDATE events SET location_name = :n, location_geonames_id = :g, location_country = :c, "
                "location_admin1 = :a, location_lat = :lat, location_lon = :lon, location_precision = :p, "
                "location_start = 0, location_end = 1 WHERE sentence LIKE :head"),
                {"n": name, "g": gid, "c": country, "a": admin1, "lat": lat, "lon": lon, "p": precision,
                 "head": head + "%"})
    store.engine.dispose()
    with served(url) as base:
        yield base


def _map_ready(driver):
    el = driver.find_element(By.ID, "event-map")
    return el.get_attribute("data-markers") and el.get_attribute("data-outline") == "loaded"


def test_dyad_page_maps_the_places_of_its_events(map_server, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.get(f"{map_server}/dyad/RUS/TALIBAN")
    wait(browser).until(_map_ready)
    # one marker per place: Moscow (2 events), Kabul, Kandahar Province
    assert browser.find_element(By.ID, "event-map").get_attribute("data-markers") == "3"
    markers = browser.find_elements(By.CSS_SELECTOR, "#event-map path.event-marker")
    assert len(markers) == 3 and all(m.is_displayed() for m in markers)
    # the world outline is drawn (177 Natural Earth countries), with no tile layer
    assert len(browser.find_elements(By.CSS_SELECTOR, "#event-map path:not(.event-marker)")) >= 100
    assert browser.find_elements(By.CSS_SELECTOR, "#event-map img.leaflet-tile") == []
    places = browser.find_element(By.ID, "map-places").text
    assert "Moscow" in places and "2 events" in places and "Kabul" in places
    browser.execute_script("document.getElementById('event-map').scrollIntoView({block: 'center'})")
    browser.save_screenshot(str(SHOTS / "map-dyad.png"))
    markers[0].click()
    # the popup's element exists before Leaflet fills it: wait for its text
    wait(browser).until(lambda d: "event" in " ".join(
        e.text for e in d.find_elements(By.CSS_SELECTOR, ".leaflet-popup-content")))
    assert csp_errors(browser) == []


def test_article_page_maps_its_events_and_a_page_without_places_has_no_map(map_server, browser):
    browser.get(f"{map_server}/dyad/RUS/TALIBAN")
    wait(browser).until(_map_ready)
    href = browser.find_element(By.CSS_SELECTOR, "#map-places a").get_attribute("href")
    browser.get(href)
    wait(browser).until(_map_ready)
    assert "/article/" in browser.current_url
    assert browser.find_element(By.ID, "event-map").get_attribute("data-markers") == "3"
    assert csp_errors(browser) == []
    browser.save_screenshot(str(SHOTS / "map-article.png"))

    browser.get(f"{map_server}/dyad/CHN/TALIBAN")
    wait(browser).until(EC.presence_of_element_located((By.ID, "no-map")))
    assert browser.find_elements(By.ID, "event-map") == []
    assert csp_errors(browser) == []
