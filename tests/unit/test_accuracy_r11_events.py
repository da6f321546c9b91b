"""Round 11 regressions for the events engine (own sentences): event TYPES follow the CAMEO→PLOVER
crosswalk (charges and jailings are COERCE 173, ship seizures are ASSAULT 181, expelled intelligence
officers are a diplomatic SANCTION 166) and bans "as a terrorist group" are designations (SANCTION)."""

from __future__ import annotations

import pytest

from events_helpers import coded

pytestmark = pytest.mark.slow


def _typed(nlp, text):
    return [(e.type, e.source.id or e.source.country, (e.target.id or e.target.country) if e.target else None)
            for e in coded(nlp, text, full=True)]


@pytest.mark.parametrize("text, expected", [
    # a ban "as a terrorist group" is a designation, not an administrative ban
    ("Russia banned the Taliban as a terrorist group in 2003.", ("SANCTION", "RUS", "TALIBAN")),
    # an intelligence officer expelled by a state: diplomatic expulsion (CAMEO 166)
    ("Russia expelled a Ukrainian intelligence officer on Monday.", ("SANCTION", "RUS", "UKR")),
    # charging someone is legal action (CAMEO 173), not a verbal accusation
    ("Canada charged Indian diplomats with plotting a murder.", ("COERCE", "CAN", "IND")),
    # jailing is detention (CAMEO 173)
    ("Russia jailed a Ukrainian journalist for six years.", ("COERCE", "RUS", "UKR")),
])
def test_round11_types(nlp, text, expected):
    assert expected in _typed(nlp, text)


def test_seizing_a_ship_is_a_hijacking_but_seizing_assets_is_not(nlp):
    ship = [e for e in coded(nlp, "Iran seized a tanker bound for Israel on Friday.", full=True)]
    assert ship and ship[0].type == "ASSAULT" and ship[0].cameo == "181"
    assets = [e for e in coded(nlp, "Russia seized Ukrainian assets on Friday.", full=True)]
    assert assets and assets[0].type == "COERCE" and assets[0].cameo == "1711"


def test_accusing_stays_an_accusation(nlp):
    assert ("ACCUSE", "CHN", "RUS") in _typed(nlp, "China accused Russia of lying about the talks.")
