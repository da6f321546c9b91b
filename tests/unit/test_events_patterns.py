"""The pattern file, the PLOVER tables and the crosswalk builder (no spaCy needed)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from detente.events.patterns import DATA_FILE, PatternError, load_patterns, parse_patterns
from detente.events.plover import cameo_to_plover, crosswalk, goldstein, plover
from detente.models import PLOVER_TYPES

ROOT = Path(__file__).resolve().parents[2]


def test_patterns_cover_every_plover_type_with_many_triggers():
    ps = load_patterns()
    assert {p.type for p in ps.patterns} == set(PLOVER_TYPES)
    assert ps.trigger_count() >= 120


def test_every_pattern_cameo_code_has_a_goldstein_value_and_a_plover_mapping():
    for p in load_patterns().patterns:
        assert goldstein(p.cameo) is not None, p.id
        assert cameo_to_plover(p.cameo) is not None, p.id


def test_goldstein_values_follow_the_scale():
    assert goldstein("190") == -10.0       # use conventional military force
    assert goldstein("057") == 8.0         # sign formal agreement
    assert goldstein("040") == 1.0         # consult
    assert goldstein("1124") == -2.0       # accuse of war crimes
    assert goldstein("9999") is None


def test_crosswalk_maps_cameo_to_plover():
    assert cameo_to_plover("0871").type == "RETREAT"
    assert cameo_to_plover("0871").mode == "ceasefire"
    assert cameo_to_plover("173").type == "COERCE"
    assert cameo_to_plover("021").type == "REQUEST"  # 02 appeals merged into REQUEST
    assert len(crosswalk().codes) > 250


def test_crosswalk_convention_overrides_are_applied():
    """CAMEO 085 (ease economic sanctions) is CONCEDE by the convention override the crosswalk
    builder applies (data/plover/crosswalk_overrides.yml), as concede.ease_sanctions codes it."""
    assert cameo_to_plover("085").type == "CONCEDE"
    assert crosswalk().codes["085"].override
    mod = _crosswalk_module()
    out = mod.apply_overrides({"085": {"type": "RETREAT", "mode": "ease", "context": ["economic"], "label": "x"}},
                              {"085": {"type": "CONCEDE", "mode": None, "context": ["economic"], "why": "w"}})
    assert out["085"] == {"type": "CONCEDE", "mode": None, "context": ["economic"], "label": "x", "override": "w"}


def test_plover_types_have_modes_and_37_contexts():
    spec = plover()
    assert "phone" in spec.types["CONSULT"].modes
    assert len(spec.contexts) == 37


def test_verbs_index_most_specific_pattern_first():
    ps = load_patterns()
    ids = [p.id for p in ps.for_verb("suspend")]
    assert ids.index("designation.suspend") < ids.index("sanction.cut_aid") or "sanction.cut_aid" not in ids
    assert ps.for_verb("hold")[0].objects  # "hold talks" needs its object


def _write(tmp_path: Path, pattern: dict) -> Path:
    path = tmp_path / "events.yml"
    path.write_text(yaml.safe_dump({"version": 1, "patterns": [pattern]}))
    return path


BASE = {"id": "x.y", "verbs": ["condemn"], "type": "ACCUSE", "cameo": "111"}


@pytest.mark.parametrize("change, message", [
    ({"type": "SCOLD"}, "unknown PLOVER type"),
    ({"mode": "phone"}, "is not a mode of ACCUSE"),
    ({"context": ["weather"]}, "unknown context"),
    ({"target": ["somewhere"]}, "unknown target role"),
    ({"relation": {"dimension": "designation", "value": "blacklisted"}}, "unknown value"),
    ({"verbs": [], "nouns": []}, "needs verbs or nouns"),
    ({"needs_statement": True, "no_statement": True}, "contradict each other"),
    ({"cameo": "abc"}, "bad CAMEO code"),
])
def test_invalid_patterns_are_rejected_with_one_line(tmp_path, change, message):
    with pytest.raises(PatternError) as err:
        parse_patterns(_write(tmp_path, {**BASE, **change}))
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_a_user_pattern_file_loads(tmp_path):
    ps = parse_patterns(_write(tmp_path, BASE))
    assert [p.id for p in ps.for_verb("condemn")] == ["x.y"]


def test_packaged_file_is_versioned():
    assert yaml.safe_load(DATA_FILE.read_text())["version"] >= 1


def _crosswalk_module():
    spec = importlib.util.spec_from_file_location("build_crosswalk", ROOT / "scripts" / "build_crosswalk.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_crosswalk_builder_parses_table_lines():
    mod = _crosswalk_module()
    code, entry = mod.parse_line("0311: AGREE,  ,   economic # Express intent to cooperate economically")
    assert code == "0311" and entry["type"] == "AGREE" and entry["context"] == ["economic"]
    assert mod.parse_line("03: AGREE") is None
    _, e175 = mod.parse_line("175: ASSAULT, pro_autocracy , military # Use violent repression")
    assert e175["mode"] is None and e175["context"] == ["pro_autocracy", "military"]
    _, e092 = mod.parse_line("0333: AGREE,  , humanitarian # Express intent to provide humanitarian aid")
    assert e092["context"] == ["human_security"]


def test_the_recode_cameo_codes_in_engine_settings_are_in_the_crosswalk():
    """Riots of protesters and states' blockades are recoded by a CAMEO code read from engine.yml;
    a code the crosswalk lacks would fail at the first such act."""
    from detente.events import engine

    for code in (engine.RIOT_CAMEO, engine.BLOCKADE_CAMEO):
        assert engine.cameo_to_plover(code) is not None, code


@pytest.mark.parametrize("entry, says", [
    ({"relation": {"dimension": "agreements", "value": "signed", "value_by_word": {"pact": "signed"}}},
     "value_by_word is never read"),
    ({"relation": {"dimension": "recognition", "value": "formal", "reverse_if_target_role": ["poss"],
                   "also": [{"value": "withdrawn", "target": "prep:from"}]}}, "cannot be combined"),
    ({"governed": True, "governors_required": True}, "governors_required needs governors"),
    ({"governed": True, "governors": ["announce"], "reacting_governors": ["condemn"]},
     "reacting_governors only count"),
])
def test_pattern_rejects_relation_settings_the_engine_would_ignore(entry, says):
    from pydantic import ValidationError

    from detente.events.patterns import Pattern

    base = {"id": "x.noun", "nouns": ["recognition"], "type": "SUPPORT", "cameo": "054"}
    with pytest.raises(ValidationError, match=says):
        Pattern(**base, **entry)
