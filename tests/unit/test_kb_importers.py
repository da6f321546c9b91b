"""Each KB importer on a small slice of its source (tests/data/kb/, copied from ../shared/data/actors),
and the merge into the compiled SQLite index."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from detente.kb.index import BigIndex
from detente.kb.model import titlecase

DATA = Path(__file__).resolve().parents[1] / "data" / "kb"
D = dt.date


def by_name(entities):
    out = {}
    for e in entities:
        out.setdefault(e.name, []).append(e)
    return out


def test_titlecase_of_dictionary_heads():
    assert titlecase("VLADIMIR_PUTIN_") == "Vladimir Putin"
    assert titlecase("MINISTRY_OF_STATE_SECURITY") == "Ministry of State Security"
    assert titlecase("US_SENATE_") == "US Senate" and titlecase("U.N._SECRETARY_GENERAL") == "U.N. Secretary General"


def test_wikidata_office_holders_exact_dates_states_igos_and_defacto():
    from detente.kb.sources.wikidata.importer import load, sector_of

    es = by_name(load(DATA, known={"RUS", "GBR", "UN", "ABKHAZIA_AUTH", "SOMALILAND"}))
    lavrov = [r for e in es["Sergey Lavrov"] for r in e.roles]
    assert {(r.actor, r.sector, r.start, r.end) for r in lavrov} >= {("RUS", "GOV", D(2004, 3, 9), None)}
    assert all(e.qid == "Q58217" for e in es["Sergey Lavrov"])
    # a de facto state's cabinet takes the de facto state's own sector
    (ardzinba,) = es["Vladislav Ardzinba"]
    assert (ardzinba.roles[0].actor, ardzinba.roles[0].sector) == ("ABKHAZIA_AUTH", None)
    # sub-national units are not the state
    assert "Nicola Sturgeon" not in es and "Donald Dewar" not in es
    # the world repository: UN offices to the hand-written UN
    assert [(r.actor, r.sector) for e in es["Kofi Annan"] for r in e.roles] == [("UN", None)]
    assert sector_of("Chief of the General Staff") == "MIL"
    assert sector_of("Minister of Justice") == "GOV"
    assert sector_of("Justice of the Supreme Court") == "JUD"
    assert sector_of("Speaker of the State Duma") == "LEG"


def test_world_leaders_are_year_precision_heads():
    from detente.kb.sources.wikidata.importer import load

    leaders = [e for e in load(DATA, known={"RUS", "GBR"}) if e.source == "wikidata-leaders"]
    assert leaders and all(r.sector == "GOV" and r.start and r.start.month == 1 for e in leaders for r in e.roles)


def test_countryinfo_leaders_and_cia_government_lines():
    from detente.kb.sources.countryinfo.importer import GOV_LAST, load

    es = by_name(load(DATA))
    putin_roles = sorted((r.title, r.start, r.end) for e in es["Vladimir Putin"] for r in e.roles)
    assert ("president", D(1999, 12, 31), D(2008, 5, 7)) in putin_roles
    assert "Vladimir Vladimirovich Putin" in es["Vladimir Putin"][0].aliases
    (yeltsin,) = es["Boris Yeltsin"]
    assert yeltsin.died == D(2007, 4, 23)
    (bortnikov,) = es["Aleksandr Bortnikov"]
    r = bortnikov.roles[0]
    # [RUSGOVMIL >20080601]: the first sector token; open at the last CIA snapshot
    assert (r.actor, r.sector, r.start, r.end) == ("RUS", "GOV", D(2008, 6, 1), GOV_LAST)
    assert "FSB" in r.title


def test_phoenix_people_institutions_igos_companies_armed_groups():
    from detente.kb.sources.phoenix.importer import load

    es = by_name(load(DATA))
    assert "Afghanistan" not in es  # a bare state code: the hand-written state
    (ansf,) = es["Afghan National Security Forces"]
    assert (ansf.kind, ansf.country, ansf.sector) == ("institution", "AFG", "MIL")
    assert "ANSF" in ansf.acronyms
    (putin,) = es["Vladimir Putin"]
    assert putin.kind == "person" and {r.actor for r in putin.roles} == {"RUS"}
    assert any(r.sector == "GOV" and r.start == D(1999, 12, 31) for r in putin.roles)
    (annan,) = es["Kofi Annan"]
    assert [(r.actor, r.start, r.end) for r in annan.roles] == [("UN", D(1997, 1, 1), D(2006, 12, 31))]
    (unsg,) = es["UN Secretary General"]
    assert (unsg.kind, unsg.same_as) == ("igo", "UN")
    assert es["Exxon"][0].kind == "company" and es["Exxon"][0].country == "USA"
    assert es["International Bar Association"][0].kind == "ngo"
    assert es["Abu Nidal Organization"][0].kind == "armed_group"
    assert es["Al-Intiqami Al-Pakistani"][0].sector == "REB"


def test_partyfacts_parties_acronyms_years_and_no_technical_rows():
    from detente.kb.sources.partyfacts.importer import load

    es = list(load(DATA))
    akp = [e for e in es if "AKP" in e.acronyms]
    assert {e.country for e in akp} == {"TUR", "AZE"}
    tur = next(e for e in akp if e.country == "TUR")
    assert (tur.name, tur.sector, tur.qid, tur.roles[0].start) == ("Justice and Development Party", "PTY", "Q19077",
                                                                     D(2001, 1, 1))
    assert not any(e.name in ("unknown", "technical", "alliance") for e in es)
    assert any("Morena" in e.aliases for e in es if e.country == "MEX")
    assert not any("(19" in n for e in es for n in e.names())


def test_misp_agencies_with_acronyms_and_country():
    from detente.kb.sources.misp.importer import load

    es = by_name(load(DATA))
    (svr,) = es["Foreign Intelligence Service"]
    assert (svr.kind, svr.country, svr.sector, svr.acronyms) == ("institution", "RUS", "SPY", ["SVR"])
    assert es["National Intelligence Service"][0].country == "ALB"  # "(Albania)" qualifier dropped


def test_universities_once_per_name_and_country():
    from detente.kb.sources.universities.importer import load

    es = list(load(DATA))
    assert [(e.name, e.country, e.sector) for e in es if e.name == "Stanford University"] == \
        [("Stanford University", "USA", "EDU")]


def test_unsc_listed_people_and_entities_become_actors():
    from detente.kb.sources.unsc.importer import load

    es = by_name(load(DATA))
    (p,) = es["Orvan Kettlebay"]  # title-cased; the Good alias kept, the Low one not
    assert (p.kind, p.country, p.aliases) == ("person", "TUN", ["Orvan Ketlebai"])
    assert [(r.actor, r.sector) for r in p.roles] == [("TUN", "REB")]
    # a Taliban-list person serves the Taliban (its own sector on the date); no nationality: the
    # programme's state
    assert [(r.actor, r.sector) for r in es["Mohibullah Zarvandi"][0].roles] == [("TALIBAN", None)]
    assert [(r.actor, r.sector) for r in es["Pak Song-Chol"][0].roles] == [("PRK", "GOV")]
    (g,) = es["Brigades of the Northern Dunes"]  # the short acronym dropped
    assert (g.kind, g.country, g.sector, g.aliases) == ("armed_group", "LBY", "REB", [])
    assert (es["Koryo Starlight Trading"][0].kind, es["Koryo Starlight Trading"][0].country) == ("company", "PRK")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from detente.kb.build import build

    d = tmp_path_factory.mktemp("kb")
    out, conflicts = d / "kb.sqlite", d / "conflicts.tsv"
    build(DATA, out, conflicts, log=lambda m: None, write_metadata=False)
    return out, conflicts


def test_build_merges_sources_and_the_overlay_wins(built):
    out, conflicts = built
    idx = BigIndex(out)
    db = sqlite3.connect(out)
    # Putin is hand-written: the imported records add names to VLADIMIR_PUTIN, no second actor
    assert not db.execute("SELECT id FROM actors WHERE name = 'Vladimir Putin'").fetchall()
    assert ("VLADIMIR_PUTIN", "person") in {(a, h) for a, h, _, _ in idx.lookup("president vladimir putin")}
    # Lavrov's Wikidata rows are one actor with both roles
    lavrov = idx.actor("Q58217")
    assert lavrov is None or len(lavrov.roles) >= 1
    svr = [a for a, *_ in idx.lookup("svr")]
    assert svr and idx.actor(svr[0]).kind == "institution"
    text = conflicts.read_text(encoding="utf-8")
    assert text.startswith("kind\tsource") and "overlay" in text


def test_build_keeps_every_role_with_its_source(built):
    out, _ = built
    idx = BigIndex(out)
    (aid,) = {a for a, *_ in idx.lookup("aleksandr bortnikov")}
    sources, qid, role_sources = idx.sources_of(aid)
    assert "countryinfo" in sources and role_sources == ["countryinfo"]


def test_build_is_reproducible(built, tmp_path):
    from detente.kb.build import build

    out, _ = built
    again = tmp_path / "again.sqlite"
    build(DATA, again, tmp_path / "c.tsv", log=lambda m: None, write_metadata=False)
    assert again.read_bytes() == out.read_bytes()


def test_wikidata_dates_end_snapshot_roles():
    from detente.kb.build import _wikidata_ends
    from detente.kb.model import RoleRec

    a = {"roles": [RoleRec(actor="USA", sector="GOV", start=D(2011, 9, 6), end=D(2012, 11, 9), source="wikidata:us"),
                   RoleRec(actor="USA", sector="SPY", start=D(2011, 9, 6), end=None, source="countryinfo"),
                   RoleRec(actor="USA", sector="ELI", start=D(1970, 1, 1), end=D(2000, 1, 1), source="phoenix")]}
    _wikidata_ends(a)
    assert [r.end for r in a["roles"]] == [D(2012, 11, 9), D(2012, 11, 9), D(2000, 1, 1)]


@pytest.mark.parametrize("position, state, want", [
    ("Governor of Puerto Rico", "USA", "PRI"),
    ("Governor of Guam", "USA", "GUM"),
    ("Governor of Georgia", "USA", None),          # a US state, not the country Georgia
    ("Governor of the Falkland Islands", "GBR", None),
    ("Prime Minister of Spain", "ESP", None),
])
def test_a_dependent_territorys_head_serves_the_territory(position, state, want):
    from detente.kb.sources.wikidata.importer import territory_of

    assert territory_of(position, state) == want
