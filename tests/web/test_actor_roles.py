"""The actor page's "Roles over time": dated roles with their sources (the ones ``detente actors
show`` prints, through ``ActorKB.roles_with_sources``), most recent first, a person's post held
today highlighted."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from detente.actors import load_kb
from detente.kb.index import packaged_path
from detente.web import backend, views

needs_index = pytest.mark.skipif(packaged_path() is None, reason="no compiled index (detente kb build)")


def roles_table(html: str) -> list[tuple[str, list[str]]]:
    """(class of the row, cell texts) of each row of the page's roles table."""
    body = html[html.index('id="roles"'):]
    body = body[body.index("<tbody>"):body.index("</tbody>")]
    rows = []
    for attrs, cells in re.findall(r"<tr([^>]*)>(.*?)</tr>", body, re.S):
        cls = re.search(r'class="([^"]*)"', attrs)
        texts = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)]
        rows.append((cls.group(1) if cls else "", texts))
    return rows


def test_person_page_lists_dated_roles_with_sources_most_recent_first(client):
    r = client.get("/actor/VLADIMIR_PUTIN")
    assert r.status_code == 200
    assert "<h2>Roles over time</h2>" in r.text
    rows = roles_table(r.text)
    hand = [cells for _, cells in rows if cells[5] == "hand-written"]
    # from, until, title (+ "now" tag), serves, sector, source — the hand-written roles of people.yml
    assert [c[:2] for c in hand] == [["2012-05-07", "…"], ["2008-05-08", "2012-05-07"],
                                     ["2000-05-07", "2008-05-07"], ["1999-08-16", "2000-05-07"]]
    assert hand[1][2:5] == ["prime minister", "RUS", "GOV"]
    starts = [cells[0] for _, cells in rows]
    assert starts == sorted(starts, reverse=True)
    assert 'href="/actor/RUS"' in r.text


def test_person_post_held_today_is_highlighted(client):
    rows = roles_table(client.get("/actor/VLADIMIR_PUTIN").text)
    current = [cells for cls, cells in rows if "current" in cls]
    assert len(current) == 1 and current[0][0] == "2012-05-07" and current[0][2].startswith("president")
    # nobody holds a post any more: nothing highlighted
    assert not [cls for cls, _ in roles_table(client.get("/actor/BARACK_OBAMA").text) if "current" in cls]
    # an organisation's roles are listed, not highlighted
    rows = roles_table(client.get("/actor/TALIBAN").text)
    assert [cells[:2] + cells[4:] for _, cells in rows][0] == ["2021-08-15", "…", "GOV", "hand-written"]
    assert not [cls for cls, _ in rows if "current" in cls]


def test_the_role_held_on_a_date_is_the_one_marked(client):
    store = client.app.state.store
    info = backend.actor(store, "VLADIMIR_PUTIN", on=dt.date(2010, 1, 1))
    assert [r["title"] for r in info["roles"] if r["current"]] == ["prime minister"]
    view = views.actor_view(info, "VLADIMIR_PUTIN")
    assert [(r["start"], r["title"]) for r in view["roles"] if r["current"]] == [("2008-05-08", "prime minister")]
    # the same roles and sources as `detente actors show`
    kb = load_kb()
    assert [(r["start"], r["source"]) for r in info["roles"]] == [
        (r.start.isoformat() if r.start else None, s) for r, s in kb.roles_with_sources(kb.get("VLADIMIR_PUTIN"))]
    # no date: nothing marked; and the API gives each role its source
    assert not any(r["current"] for r in backend.actor(store, "VLADIMIR_PUTIN")["roles"])
    api = client.get("/api/actors/VLADIMIR_PUTIN").json()
    assert {r["source"] for r in api["roles"]} >= {"hand-written"}


@needs_index
def test_imported_roles_show_their_source(client):
    # a hand-written person with an imported role before the hand-written ones
    rows = roles_table(client.get("/actor/SERGEY_LAVROV").text)
    assert ["1994-09-22", "2004-03-09", "Permanent Representative to the United Nations", "RUS", "GOV",
            "wikidata:russia-cabinet"] in [cells for _, cells in rows]
    assert rows[0][1][:2] == ["2004-03-09", "…"] and rows[0][1][5] == "hand-written"
    # an imported office holder (Wikidata), by id
    rows = roles_table(client.get("/actor/Q263166").text)
    assert ["2016-07-17", "2019-07-24", "Minister of State for Security", "GBR", "GOV",
            "wikidata:united-kingdom-cabinet"] in [cells for _, cells in rows]
