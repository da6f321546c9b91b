"""The actor page's "Roles over time" in headless Chromium, under the Content-Security-Policy."""

from __future__ import annotations

import pytest

from .test_browser import SHOTS, By, EC, browser, csp_errors, server, wait  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def test_roles_over_time_renders_without_csp_errors(server, browser):  # noqa: F811
    browser.get(server + "/actor/VLADIMIR_PUTIN")
    wait(browser).until(EC.presence_of_element_located((By.ID, "roles")))
    section = browser.find_element(By.ID, "roles-over-time")
    assert section.is_displayed() and "Roles over time" in section.text
    rows = browser.find_elements(By.CSS_SELECTOR, "#roles tbody tr")
    assert len(rows) >= 4 and rows[0].find_elements(By.TAG_NAME, "td")[0].text == "2012-05-07"
    current = browser.find_elements(By.CSS_SELECTOR, "#roles tbody tr.current")
    assert len(current) == 1 and "president" in current[0].text
    # the highlight comes from the static stylesheet: the current row's cells are shaded, others not
    shade = browser.execute_script(
        "return [document.querySelector('#roles tr.current td'), document.querySelector('#roles tbody tr:not(.current) td')]"
        ".map(td => getComputedStyle(td).backgroundColor);")
    assert shade[0] != shade[1]
    SHOTS.mkdir(parents=True, exist_ok=True)
    section.screenshot(str(SHOTS / "actor-roles.png"))
    assert csp_errors(browser) == []
