"""CAMEO codes as detente reads them for scoring."""

from __future__ import annotations

import pytest

from detente.eval import cameo
from detente.eval.cameo import actor_for, parse_crosswalk_txt, plover_for


def ids(code: str, table=None):
    a = actor_for(code, table)
    return (a.id, a.country, a.sector)


@pytest.mark.parametrize(
    "code, expected",
    [
        ("RUSGOV", ("RUS", "RUS", "GOV")),  # a state's government is the state
        ("USA", ("USA", "USA", None)),
        ("FRAJUD", ("FRA", "FRA", "JUD")),
        ("IGOUNO", ("UN", None, "IGO")),
        ("IGOEUREEC", ("EU", None, "IGO")),  # region token EUR skipped
        ("IGONAT", ("NATO", None, "IGO")),
        ("GEOOPP", (None, "GEO", "OPP")),  # the opposition is not the state
        ("---LEG", (None, None, "LEG")),
        ("ROMGOV", ("ROU", "ROU", "GOV")),  # CAMEO's own state codes
        ("PSEREBHMS", ("HAMAS", "PSE", "REB")),
        ("IMGMUSISI", ("ISIS", None, "REL")),
    ],
)
def test_actor_codes(code, expected):
    assert ids(code) == expected


def test_unknown_actor_is_unspecified_and_empty_code_is_none():
    a = actor_for("---")
    assert (a.id, a.country, a.sector) == (None, None, None)
    assert actor_for("") is None


def test_user_cameo_map_extends_the_table(tmp_path):
    f = tmp_path / "fictional.yml"
    f.write_text("cameo:\n  FRD: FREEDONIA\n  SYLGOV: {id: SYLVANIA, country: SYL, sector: GOV}\n")
    table = cameo.actor_table((str(f),))
    assert ids("FRD", table) == ("FREEDONIA", None, None)
    assert ids("SYLGOV", table) == ("SYLVANIA", "SYL", "GOV")
    # a user code also heads chains: Freedonia's military is Freedonia
    assert ids("FRDMIL", table) == ("FREEDONIA", "FREEDONIA", "MIL")


def test_bad_user_cameo_map_is_one_clear_error(tmp_path):
    f = tmp_path / "bad.yml"
    f.write_text("cameo: [not, a, map]\n")
    with pytest.raises(cameo.CameoError, match="bad.yml"):
        cameo.actor_table((str(f),))


@pytest.mark.parametrize(
    "code, plover",
    [("042", "CONSULT"), ("0841", "RETREAT"), ("190", "ASSAULT"), ("1124", "ACCUSE"), ("021", "REQUEST")],
)
def test_event_codes_map_to_plover(code, plover):
    assert plover_for(code).type == plover


def test_public_statements_have_no_plover_type():
    assert plover_for("010") is None
    assert plover_for("015") is None


def test_unknown_subcode_falls_back_to_its_parent():
    assert plover_for("0849").type == plover_for("084").type


def test_crosswalk_text_reader():
    text = "# header\n04: CONSULT\n042: CONSULT, visit,   # Make a visit\n0312: AGREE,  ,   military # x\n"
    xw = parse_crosswalk_txt(text)
    assert xw["042"].mode == "visit"
    assert xw["0312"].context == ["military"] and xw["0312"].mode is None
    assert xw["04"].type == "CONSULT"
