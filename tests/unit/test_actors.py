"""The actor KB and resolver: exact names, demonyms, metonyms, dated roles, people, composition, fuzzy."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.actors import KBError, load_kb
from detente.actors.kb import fold, key, plural

D = dt.date


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def res(kb, text, on=None):
    r = kb.resolve(text, on)
    assert r is not None, f"{text!r} did not resolve"
    return r


# --- the data ---------------------------------------------------------------------------------------

def test_every_iso_state_is_in_the_kb(kb):
    import pycountry

    missing = [c.alpha_3 for c in pycountry.countries if kb.get(c.alpha_3) is None]
    assert missing == []
    assert kb.get("SUN").name == "Soviet Union"


def test_g20_states_have_demonyms_and_capitals(kb):
    g20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS",
           "SAU", "ZAF", "TUR", "GBR", "USA"]
    for sid in g20:
        a = kb.get(sid)
        assert a.demonyms and a.capitals, sid


def test_generated_variants_are_spellings_not_regions(kb):
    gbr = kb.get("GBR")
    assert "Britain" in gbr.variants + gbr.aliases
    assert "Northamptonshire" not in gbr.variants
    assert "Confederate States of America" not in kb.get("USA").variants


def test_people_cover_focus_states(kb):
    people = [a for a in kb.actors.values() if a.kind == "person"]
    served = {r.actor for p in people for r in p.roles}
    for sid in ("AFG", "IRN", "PAK", "UKR", "ISR", "PRK", "RUS", "USA", "CHN", "TALIBAN"):
        assert sid in served, sid


# --- exact names, demonyms, metonyms ------------------------------------------------------------------

@pytest.mark.parametrize("text,actor,sector,kind", [
    ("Russia", "RUS", None, "name"),
    ("the Russian Federation", "RUS", None, "name"),
    ("Russian", "RUS", None, "demonym"),
    ("Russians", "RUS", None, "demonym"),
    ("Moscow", "RUS", "GOV", "metonym"),
    ("the Kremlin", "RUS", "GOV", "metonym"),
    ("Downing Street", "GBR", "GOV", "metonym"),
    ("Quai d'Orsay", "FRA", "GOV", "metonym"),
    ("Afghan", "AFG", None, "demonym"),
    ("American", "USA", None, "demonym"),
    ("Beijing", "CHN", "GOV", "metonym"),
    ("the USSR", "SUN", None, "name"),
    ("Daesh", "ISIS", "REB", "name"),
    ("Ansar Allah", "HOUTHIS", "REB", "name"),
    ("the UN Security Council", "UNSC", "IGO", "name"),
])
def test_exact(kb, text, actor, sector, kind):
    r = res(kb, text)
    assert (r.id, r.sector, r.kind) == (actor, sector, kind)
    assert r.score >= 0.85


def test_acronyms_only_as_written(kb):
    assert res(kb, "US").id == "USA"
    assert res(kb, "the U.S.").id == "USA"
    assert kb.resolve("us") is None
    assert res(kb, "WHO").id == "WHO"
    assert kb.resolve("who") is None


def test_curly_apostrophes_and_accents_fold(kb):
    assert res(kb, "Russia\u2019s Supreme Court").sector == "JUD"
    assert res(kb, "Recep Tayyip Erdogan").country == "TUR"
    assert res(kb, "Erdoğan").country == "TUR"


# --- dated roles ----------------------------------------------------------------------------------------

def test_taliban_by_date(kb):
    before = res(kb, "Taliban", D(2010, 1, 1))
    after = res(kb, "the Taliban", D(2022, 5, 1))
    assert (before.id, before.country, before.sector) == ("TALIBAN", "AFG", "REB")
    assert (after.id, after.country, after.sector) == ("TALIBAN", "AFG", "GOV")
    assert after.why == "alias 'Taliban'; role on 2022-05-01"


def test_taliban_alias_islamic_emirate(kb):
    assert res(kb, "Islamic Emirate of Afghanistan", D(2023, 1, 1)).id == "TALIBAN"


def test_person_resolves_to_the_actor_they_serve(kb):
    r = res(kb, "Vladimir Putin", D(2025, 4, 25))
    assert (r.id, r.country, r.sector, r.kind) == ("RUS", "RUS", "GOV", "person")
    assert "VLADIMIR_PUTIN" in r.why and r.actor == "VLADIMIR_PUTIN"
    assert res(kb, "Sergey Lavrov", D(2020, 1, 1)).id == "RUS"


def test_taliban_people_follow_the_movement(kb):
    omar = res(kb, "Mullah Omar", D(2005, 6, 1))
    assert (omar.id, omar.sector) == ("TALIBAN", "REB")
    muttaqi = res(kb, "Amir Khan Muttaqi", D(2024, 3, 1))
    assert (muttaqi.id, muttaqi.country, muttaqi.sector) == ("TALIBAN", "AFG", "GOV")
    assert "foreign minister" in muttaqi.why


def test_former_head_of_government_is_elite(kb):
    r = res(kb, "Boris Johnson", D(2023, 6, 1))
    assert (r.id, r.country, r.sector) == (None, "GBR", "ELI")
    assert res(kb, "Boris Johnson", D(2020, 6, 1)).id == "GBR"


def test_dead_people_resolve_to_no_actor(kb):
    r = res(kb, "Ebrahim Raisi", D(2025, 1, 1))
    assert r.id is None and "died" in r.why


def test_person_role_switches_sector(kb):
    assert res(kb, "Mike Pompeo", D(2017, 6, 1)).sector == "SPY"
    assert res(kb, "Mike Pompeo", D(2019, 6, 1)).sector == "GOV"


# --- compositional -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,actor,country,sector", [
    ("Armenian Prime Minister", None, "ARM", "GOV"),
    ("Syrian mercenaries", None, "SYR", "PRM"),
    ("Chile's Ministry of Mines", "CHL", "CHL", "GOV"),
    ("a US destroyer", "USA", "USA", "MIL"),
    ("Russia's Supreme Court", "RUS", "RUS", "JUD"),
    ("the Russian foreign ministry", "RUS", "RUS", "GOV"),
    ("Russian officials", None, "RUS", "GOV"),
    ("the foreign minister of Russia", None, "RUS", "GOV"),
    ("the Ministry of Foreign Affairs of Russia", "RUS", "RUS", "GOV"),
    ("Russia's top court", "RUS", "RUS", "JUD"),
    ("Afghan civilians", None, "AFG", "CVL"),
])
def test_compositional(kb, text, actor, country, sector):
    r = res(kb, text)
    assert (r.id, r.country, r.sector) == (actor, country, sector)
    assert r.kind == "compositional" and r.why.startswith("compositional")


def test_taliban_appointed_ambassador_stays_taliban(kb):
    r = res(kb, "Taliban-appointed ambassador", D(2024, 1, 1))
    assert (r.id, r.sector) == ("TALIBAN", "GOV")


def test_backed_is_not_the_backer(kb):
    assert kb.resolve("Iran-backed militias") is None


def test_title_and_person(kb):
    r = res(kb, "Russian President Vladimir Putin", D(2020, 1, 1))
    assert (r.id, r.sector, r.actor) == ("RUS", "GOV", "VLADIMIR_PUTIN")


def test_organisation_with_sector_noun_stays_the_organisation(kb):
    r = res(kb, "the Taliban's foreign ministry", D(2025, 4, 25))
    assert (r.id, r.country, r.sector) == ("TALIBAN", "AFG", "GOV")


# --- fuzzy and search --------------------------------------------------------------------------------

def test_fuzzy_near_miss_scores_below_one(kb):
    r = res(kb, "Vladimir Puttin", D(2025, 1, 1))
    assert r.id == "RUS" and r.score < 1 and r.why.startswith("fuzzy")


def test_fuzzy_has_a_high_threshold(kb):
    assert kb.resolve("Xyzzy Republic of Nowhere") is None
    assert kb.resolve("Ruritania") is None


def test_search_ranks_candidates(kb):
    ids = [h[0] for h in kb.search("Talibn")]
    assert ids[0] == "TALIBAN"
    assert kb.search("Lavrov")[0][0] == "SERGEY_LAVROV"


def test_ids_and_get(kb):
    assert "TALIBAN" in kb.ids() and "RUS" in kb.ids()
    assert kb.get("taliban").id == "TALIBAN"
    assert kb.get("NOPE") is None


# --- user extension files -------------------------------------------------------------------------------

KARVONIA = textwrap.dedent("""\
    version: 1
    actors:
      - id: KRV
        kind: state
        name: Republic of Karvonia
        aliases: [Karvonia]
        demonyms: [Karvonian]
        capitals: [Vorgrad]
      - id: KARVONIAN_LIBERATION_FRONT
        kind: armed_group
        name: Karvonian Liberation Front
        aliases: [KLF]
        country: KRV
        roles:
          - {sector: REB, country: KRV, end: 2024-01-01}
          - {sector: GOV, country: KRV, start: 2024-01-01}
    people:
      - {id: ANNA_KARV, name: Anna Karv, roles: [{actor: KRV, sector: GOV, title: president, start: 2020-01-01}]}
    """)


@pytest.fixture
def karvonia(tmp_path):
    p = tmp_path / "karvonia.yml"
    p.write_text(KARVONIA, encoding="utf-8")
    return p


def test_extension_file_adds_a_fictional_state(karvonia):
    kb = load_kb([karvonia])
    assert res(kb, "Republic of Karvonia").id == "KRV"
    assert (res(kb, "Karvonian").id, res(kb, "Karvonian").kind) == ("KRV", "demonym")
    assert res(kb, "Karvonian Prime Minister").country == "KRV"
    assert res(kb, "KLF", D(2023, 1, 1)).sector == "REB"
    assert res(kb, "Karvonian Liberation Front", D(2025, 1, 1)).sector == "GOV"
    assert res(kb, "Anna Karv", D(2022, 1, 1)).id == "KRV"
    # the packaged KB is untouched
    assert load_kb().resolve("Karvonia") is None


def test_load_kb_is_cached():
    assert load_kb() is load_kb()


def test_bad_extension_file_names_the_problem(tmp_path):
    p = tmp_path / "bad.yml"
    p.write_text("version: 1\nactors:\n  - {id: bad id, kind: state, name: X}\n", encoding="utf-8")
    with pytest.raises(KBError, match="bad.yml"):
        load_kb([p])
    p2 = tmp_path / "bad2.yml"
    p2.write_text("version: 1\npeople:\n  - {id: X_Y, name: X Y, roles: [{actor: NOWHERE, start: 2020-01-01}]}\n",
                  encoding="utf-8")
    with pytest.raises(KBError, match="NOWHERE"):
        load_kb([p2])


# --- keys -------------------------------------------------------------------------------------------

def test_key_strips_articles_and_possessives():
    assert key("the Taliban's") == "taliban"
    assert key("  The   Kremlin ") == "kremlin"
    assert fold("Élysée") == "elysee"
    assert plural("militia") == "militias" and plural("authority") == "authorities"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_resolve_never_crashes_and_scores_in_range(text):
    r = load_kb().resolve(text)
    assert r is None or 0 < r.score <= 1
