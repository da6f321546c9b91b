"""The web app in headless Debian Chromium (Selenium): dyad dashboard, as-of date, evidence link.

Needs ``/usr/bin/chromium`` and ``/usr/bin/chromedriver`` (``scripts/browser-deps.sh``); skips
otherwise. Never downloads a browser. Saves screenshots of the dashboard and the article page to
``$DETENTE_SCREENSHOTS`` (``DETENTE_SCREENSHOTS=docs/screenshots make test`` refreshes the ones the README
shows) or, by default, to the test's temporary directory.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = Path(os.environ.get("DETENTE_SCREENSHOTS") or tempfile.mkdtemp(prefix="detente-shots-"))

if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
    pytest.skip("no /usr/bin/chromium or /usr/bin/chromedriver: run scripts/browser-deps.sh",
                allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (pip install -e '.[dev]')")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on a free loopback port, served by uvicorn in a thread, over the test store."""
    from .conftest import built, served

    with served(built(tmp_path_factory, "browser")) as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never fetch anything
    profile = tmp_path_factory.mktemp("chromium-profile")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", f"--user-data-dir={profile}", "--window-size=1280,1100"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console messages, for the CSP test
    driver = webdriver.Chrome(options=opts, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait(driver):
    return WebDriverWait(driver, 30)


def replaced(old):
    """``EC.staleness_of(old)``, also when chromedriver reports the old page's element by the error
    it raises while that page is being replaced ("Node with given id does not belong to the
    document") instead of as stale."""
    stale = EC.staleness_of(old)

    def check(driver):
        try:
            return stale(driver)
        except WebDriverException as e:
            if "does not belong to the document" in str(e):
                return True
            raise
    return check


def text_of(driver, css: str) -> str:
    return driver.find_element(By.CSS_SELECTOR, css).text.strip()


def test_dyad_dashboard_as_of_and_evidence(server, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.get(f"{server}/dyad/RUS/TALIBAN")
    wait(browser).until(EC.presence_of_element_located((By.ID, "designation-value")))
    assert text_of(browser, "#designation-value") == "suspended"
    assert text_of(browser, "#representation-value") == "ambassador"
    planned = browser.find_element(By.ID, "representation-planned").get_attribute("textContent")
    assert planned == "planned" and "announced 2025-04" in text_of(browser, "#representation-since")
    assert browser.execute_script("return typeof Chart !== 'undefined' && !!Chart.getChart('stance-chart')")
    assert browser.find_elements(By.CSS_SELECTOR, "#brief li")
    browser.save_screenshot(str(SHOTS / "dyad.png"))

    # a new as-of date recomputes the page: in 2010 the Taliban were still listed
    old = browser.find_element(By.ID, "designation-value")
    browser.execute_script(
        "const el = document.getElementById('as-of'); el.value = '2010-01-01';"
        "el.dispatchEvent(new Event('change', {bubbles: true}));")
    wait(browser).until(replaced(old))
    wait(browser).until(EC.presence_of_element_located((By.ID, "designation-value")))
    assert "as_of=2010-01-01" in browser.current_url
    assert text_of(browser, "#designation-value") == "listed"
    assert browser.find_element(By.ID, "as-of").get_attribute("value") == "2010-01-01"

    # an event in the timeline leads to its article with the sentence highlighted
    rows = browser.find_elements(By.CSS_SELECTOR, "#timeline tbody tr")
    dates = [r.find_element(By.CSS_SELECTOR, "td.date").text for r in rows]
    assert dates == sorted(dates, reverse=True), "newest first"
    link = browser.find_element(By.XPATH, "//table[@id='timeline']//a[@class='event-link'][contains(., '2003')]")
    sentence = link.text.strip()
    link.click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".sent.hl")))
    assert "/article/" in browser.current_url
    highlighted = browser.find_element(By.CSS_SELECTOR, ".sent.hl")
    assert sentence in highlighted.text
    assert sentence == "Russia designated the Taliban a terrorist organisation in 2003"
    browser.save_screenshot(str(SHOTS / "article.png"))

    # clicking a coded sentence shows its coding
    other = browser.find_element(By.CSS_SELECTOR, ".sent.has-event:not(.hl)")
    other.click()
    panel = browser.find_element(By.ID, "coding-panel")
    wait(browser).until(lambda d: panel.is_displayed())
    assert "RUS → TALIBAN" in panel.text and "rule test." in panel.text
    assert "hl" in other.get_attribute("class").split()
    assert len(browser.find_elements(By.CSS_SELECTOR, ".sent.hl")) == 1

    # the keyboard does the same: Tab to a coded sentence, Enter shows its coding
    from selenium.webdriver.common.keys import Keys

    target = browser.find_element(By.CSS_SELECTOR, ".sent.has-event:not(.hl)")
    browser.execute_script("arguments[0].focus()", target)
    target.send_keys(Keys.ENTER)
    assert "hl" in target.get_attribute("class").split()


def _chart_months(browser) -> list[str]:
    return browser.execute_script("return Chart.getChart('stance-chart').data.labels")


def _markers_overlap(browser) -> bool:
    boxes = browser.execute_script("return Chart.getChart('stance-chart').$markers")
    return any(a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
               for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_stance_chart_shows_the_last_three_years_and_widens_on_request(server, browser):
    browser.get(f"{server}/dyad/RUS/TALIBAN?as_of=2025-06-01")
    wait(browser).until(lambda d: d.execute_script("return !!window.Chart && !!Chart.getChart('stance-chart')"))
    months = _chart_months(browser)
    assert len(months) == 36 and months[-1] >= "2025-05"
    assert browser.find_element(By.ID, "chart-range").is_displayed()
    browser.find_element(By.CSS_SELECTOR, "#chart-range button[data-months='0']").click()
    wider = _chart_months(browser)
    assert wider[0] <= "2003-01" and wider[-1] == months[-1]
    assert browser.execute_script("return Chart.getChart('stance-chart').$markers.length") == 2
    assert not _markers_overlap(browser)
    chart = browser.find_element(By.CSS_SELECTOR, "#stance-chart").find_element(By.XPATH, "../..")
    chart.screenshot(str(SHOTS / "stance-all.png"))


def test_change_markers_of_close_months_never_overlap_and_stay_on_the_plot(server, browser):
    browser.get(f"{server}/dyad/RUS/TALIBAN")
    wait(browser).until(lambda d: d.execute_script("return !!(window.detente && window.detente.layoutMarkers)"))
    items = [{"x": x, "w": w} for x, w in ((45, 16), (100, 16), (104, 16), (108, 22), (111, 16), (400, 16), (505, 22))]
    boxes = browser.execute_script("return window.detente.layoutMarkers(arguments[0], 50, 500)", items)
    assert all(50 <= b["left"] and b["right"] <= 500 for b in boxes)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a["row"] != b["row"] or a["right"] <= b["left"] or b["right"] <= a["left"], (a, b)
    assert max(b["row"] for b in boxes) >= 3  # four markers within 11px: four rows


def test_timeline_filters_changes(server, browser):
    browser.get(f"{server}/dyad/RUS/TALIBAN?as_of=2025-12-31")
    wait(browser).until(EC.visibility_of_element_located((By.ID, "timeline-controls")))
    assert browser.title.startswith("Russia")
    browser.find_element(By.CSS_SELECTOR, "input[name='tl-kind'][value='change']").click()
    visible = [r for r in browser.find_elements(By.CSS_SELECTOR, "#timeline tbody tr") if r.is_displayed()]
    assert visible and all("change" in r.get_attribute("class").split() for r in visible)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#stance-changes li")) >= 2


def test_front_page_links_to_the_dashboard(server, browser):
    browser.get(server + "/")
    browser.find_element(By.CSS_SELECTOR, "#dyads a.dyad-link[href='/dyad/RUS/TALIBAN']").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "designation-value")))
    assert browser.current_url.startswith(f"{server}/dyad/RUS/TALIBAN")


def test_search_box_finds_actor_and_events(server, browser):
    browser.get(server + "/")
    box = browser.find_element(By.ID, "search-box")
    box.send_keys("TALIBAN")
    box.submit()
    wait(browser).until(EC.presence_of_element_located((By.ID, "actor-results")))
    assert "TALIBAN" in text_of(browser, "#actor-results")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#event-results tbody tr")) == 7


def csp_errors(driver) -> list[str]:
    """Console messages since the last call that report a Content-Security-Policy violation."""
    return [e["message"] for e in driver.get_log("browser")
            if "Content Security Policy" in e["message"] or "Refused to" in e["message"]]


def test_pages_work_under_the_content_security_policy(server, browser):
    import urllib.request

    with urllib.request.urlopen(server + "/dyad/RUS/TALIBAN") as r:
        csp = r.headers["Content-Security-Policy"] or ""
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp

    # the policy is enforced: a script written into the page does not run, and says so
    browser.get(server + "/")
    ran = browser.execute_script(
        "const s = document.createElement('script'); s.textContent = 'window.inlineRan = true';"
        "document.body.appendChild(s); return window.inlineRan === true;")
    assert ran is False
    assert csp_errors(browser), "an inline script was refused without a console message"

    for path in ("/", "/actor/RUS", "/search?q=taliban", "/paste", "/article/nope"):
        browser.get(server + path)
        wait(browser).until(EC.presence_of_element_located((By.TAG_NAME, "footer")))
        assert csp_errors(browser) == [], path

    # the dashboard's chart, timeline controls and as-of picker; the article's coding panel
    browser.get(f"{server}/dyad/RUS/TALIBAN")
    wait(browser).until(EC.presence_of_element_located((By.ID, "designation-value")))
    assert browser.execute_script("return typeof Chart !== 'undefined' && !!Chart.getChart('stance-chart')")
    assert browser.find_element(By.ID, "timeline-controls").is_displayed()
    old = browser.find_element(By.ID, "designation-value")
    browser.execute_script(
        "const el = document.getElementById('as-of'); el.value = '2010-01-01';"
        "el.dispatchEvent(new Event('change', {bubbles: true}));")
    wait(browser).until(replaced(old))
    assert text_of(browser, "#designation-value") == "listed"
    browser.find_element(By.XPATH, "//table[@id='timeline']//a[@class='event-link']").click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".sent.hl")))
    browser.find_element(By.CSS_SELECTOR, ".sent.has-event").click()
    wait(browser).until(lambda d: d.find_element(By.ID, "coding-panel").is_displayed())
    assert csp_errors(browser) == []
