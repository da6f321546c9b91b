"""The alerts page in headless Chromium: alerts listed with before → after, filters, evidence links."""

from __future__ import annotations

import pytest

from .test_browser import SHOTS, By, EC, browser, csp_errors, replaced, text_of, wait  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def alerts_server(tmp_path_factory):
    from .conftest import built, served
    from .test_alerts_web import build_watched_store

    with served(built(tmp_path_factory, "browser-alerts", build_watched_store)) as base:
        yield base


def test_the_alerts_page_lists_alerts_filters_them_and_links_the_evidence(alerts_server, browser):  # noqa: F811
    browser.get(alerts_server + "/")
    browser.find_element(By.CSS_SELECTOR, "header nav a[href='/alerts']").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "alerts")))
    rows = browser.find_elements(By.CSS_SELECTOR, "#alerts tbody tr.alert")
    assert [r.find_element(By.CSS_SELECTOR, "td.date").text for r in rows] == ["2025-04-17", "2025-04", "2023-12", "2003"]
    top = rows[0]
    assert top.find_element(By.CSS_SELECTOR, ".before").text == "listed"
    assert top.find_element(By.CSS_SELECTOR, ".after").text == "suspended"
    assert "1 report" in top.text
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "alerts.png"))

    # the date filter keeps the alerts of changes since that day
    browser.execute_script("document.querySelector('#alert-filters input[name=since]').value = '2024-01-01'")
    old = rows[0]
    browser.find_element(By.CSS_SELECTOR, "#alert-filters button").click()
    wait(browser).until(replaced(old))
    assert "since=2024-01-01" in browser.current_url
    assert len(browser.find_elements(By.CSS_SELECTOR, "#alerts tbody tr.alert")) == 2

    # an alert's evidence opens its article with the sentence highlighted
    link = browser.find_element(By.CSS_SELECTOR, "#alerts tr.alert a.evidence-link")
    sentence = link.text.strip()
    link.click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".sent.hl")))
    assert "/article/" in browser.current_url
    assert sentence in text_of(browser, ".sent.hl")
    assert csp_errors(browser) == []
