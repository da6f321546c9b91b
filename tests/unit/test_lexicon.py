"""The lexicon importer (CAMEO verb dictionary + PropBank aliases → pattern files) and its loading
at lower precedence than the hand-written patterns. No spaCy needed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from detente.events.patterns import DATA_FILE, LEXICON_FILES, load_patterns, parse_patterns
from detente.lexicon import build as b
from detente.lexicon.cameo import Code, parse

SHARED = b.DEFAULT_SOURCE
needs_shared = pytest.mark.skipif(not (SHARED / b.CAMEO_NAME).is_file(), reason="no shared lexicon sources")

MINI = """\
&CEASEFIRE
+TRUCE
+CEASE-FIRE

####### VERB PATTERNS #######

---  ARRANGE   [---]  ---
ARRANGE
PUT {PUTS PUTTING }  # HUX 11/26/97
STAGE
- * &CEASEFIRE                                        [0356]        # ARRANGE
- * (ON TRIAL)                                        [173]         # PUT
- * (TO)                                              [042:043]     # PUT
- * PROTEST                                           [141]         # STAGE
- &MILITARY * EXERCISES                               [062]         # STAGE

---  ATTACK   [190]  ---
ATTACK
+KILLED_AND_WOUNDED
- * CRIME                                             [---]         # ATTACK
- * (BEFORE COURT)                                    [:173]        # ATTACK

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""


def _cfg(**change) -> b.ImporterConfig:
    cfg = b.load_config()
    return cfg.model_copy(update=change)


def test_codes_read_forward_reverse_and_null():
    assert Code.parse("042:043") == Code("042", "043")
    assert Code.parse(":173") == Code(None, "173")
    assert Code.parse("---").null


def test_the_dictionary_reader_keeps_synsets_blocks_verbs_and_patterns():
    d = parse(MINI)
    assert d.synsets["CEASEFIRE"] == ["TRUCE", "CEASE-FIRE"]
    assert [blk.name for blk in d.blocks] == ["ARRANGE", "ATTACK"]
    assert [v.words for v in d.blocks[0].verbs] == [("arrange",), ("put",), ("stage",)]
    assert d.blocks[1].code == Code("190", None)
    assert len(d.blocks[0].patterns) == 5


@pytest.mark.parametrize("text, objects, preps, particle", [
    ("* &CEASEFIRE", ("cease - fire", "truce"), (), None),
    ("* (ON TRIAL)", (), (("on", ("trial",)),), None),
    ("* OFF (FROM ^)", (), (("from", ()),), "off"),
    ("* RALLIES", ("rallies", "rally"), (), None),
    ("* (TO/FOR PROTEST)", (), (("for", ("protest",)), ("to", ("protest",))), None),
    ("* {MOCK ATTACK}", ("mock attack",), (), None),
])
def test_patterns_become_object_and_preposition_constraints(text, objects, preps, particle):
    c = b.Interpreter(_cfg(), parse(MINI).synsets).constraint(text)
    assert (c.objects, c.preps, c.particle) == (objects, preps, particle)


@pytest.mark.parametrize("text, reason", [
    ("&MILITARY * EXERCISES", "words before the verb"),
    ("* (FOR HELP) (IN &SECURITY)", "two prepositional phrases"),
    ("* TO CONGRATULATE", "infinitive"),
])
def test_patterns_the_schema_cannot_express_are_skipped_with_a_reason(text, reason):
    with pytest.raises(b.Skip, match=reason):
        b.Interpreter(_cfg(), {"SECURITY": ["SECURITY"]}).constraint(text)


def test_general_verbs_need_an_object_and_null_patterns_exclude_objects():
    stats = b.Stats()
    patterns, _ = b.build_verbs(parse(MINI), _cfg(needs_object=["put"]), stats)
    by_id = {p["id"]: p for p in patterns}
    bare = [p for p in patterns if "objects" not in p and "preps" not in p]
    assert all("put" not in p["verbs"] for p in bare)
    attack = next(p for p in bare if "attack" in p["verbs"])
    assert attack["exclude_objects"] == ["crime"] and attack["type"] == "ASSAULT"
    assert "killed and wounded" not in str(patterns)                 # parse artefact
    trial = next(p for p in patterns if p.get("preps") == {"on": ["trial"]})
    assert trial["verbs"] == ["put"] and trial["cameo"] == "173"     # the note's verb only
    assert not any(p.get("preps") == {"to": []} for p in patterns)  # "put (TO)": no word, general verb
    court = next(p for p in patterns if p.get("preps") == {"before": ["court"]})
    assert court["reverse"] is True                                  # [:173]: the court acts
    assert by_id["lexicon.verb.0356.cease-fire"]["type"] == "AGREE"
    assert stats.skipped["pattern: words before the verb"] == 1


RECODE_MINI = """\
####### VERB PATTERNS #######

---  ARREST   [173]  ---
ARREST
INDICT
PRESS
- * CHARGES                                           [173]         # PRESS
- * (IN CUSTODY)                                      [173]         # PRESS
"""


def test_legal_charges_are_recoded_as_accusations_arrests_stay_coercion():
    patterns, _ = b.build_verbs(parse(RECODE_MINI), _cfg(needs_object=["press"]), b.Stats())
    by_id = {p["id"]: p for p in patterns}
    assert by_id["lexicon.verb.1121"]["verbs"] == ["indict"] and by_id["lexicon.verb.1121"]["type"] == "ACCUSE"
    assert by_id["lexicon.verb.173"]["verbs"] == ["arrest"] and by_id["lexicon.verb.173"]["type"] == "COERCE"
    assert by_id["lexicon.verb.1121.charge"]["verbs"] == ["press"]
    assert by_id["lexicon.verb.1121.charge"]["type"] == "ACCUSE"
    assert by_id["lexicon.verb.173.custody"]["type"] == "COERCE"


@needs_shared
def test_the_build_is_deterministic_and_the_packaged_files_are_current():
    first = b.build(SHARED)
    second = b.build(SHARED)
    assert first[:2] == second[:2]
    assert first[0] == b.VERBS_FILE.read_text(encoding="utf-8"), "run `make lexicon`"
    assert first[1] == b.NOUNS_FILE.read_text(encoding="utf-8"), "run `make lexicon`"


def test_generated_files_name_sources_and_licences():
    verbs = b.VERBS_FILE.read_text(encoding="utf-8")
    nouns = b.NOUNS_FILE.read_text(encoding="utf-8")
    assert "MIT" in verbs and "Open Event Data Alliance" in verbs
    assert "CC BY-SA 4.0" in nouns and "PropBank" in nouns
    for name in ("LICENSE-petrarch2", "LICENSE-propbank-frames"):
        assert (b.VERBS_FILE.parent / name).is_file()
    assert yaml.safe_load(nouns)["provenance"]["licence"] == "CC BY-SA 4.0"


def test_hand_written_patterns_come_first_and_lexicon_ids_are_distinct():
    ps = load_patterns()
    hand = {p.id for p in load_patterns(lexicon=False).patterns}
    assert all(not i.startswith("lexicon.") for i in hand)
    for lemma in ("attack", "condemn", "expel"):
        ids = [p.id for p in ps.for_verb(lemma)]
        lex = [k for k, i in enumerate(ids) if i.startswith("lexicon.")]
        own = [k for k, i in enumerate(ids) if not i.startswith("lexicon.")]
        assert own and lex and max(own) < min(lex), (lemma, ids)
    assert ps.hand_written_verb("attack") and not ps.hand_written_verb("ransack")
    assert any(p.id.startswith("lexicon.verb.") for p in ps.for_verb("ransack"))
    assert len(ps.patterns) > len(hand) + 1000


def test_lexicon_nouns_and_stop_lists():
    ps = load_patterns()
    ceasefire = [p for p in ps.for_noun("ceasefire") if p.id.startswith("lexicon.")]
    assert ceasefire and ceasefire[0].type == "RETREAT" and ceasefire[0].confidence < 0.8
    assert not any(p.id.startswith("lexicon.") for p in ps.for_noun("statement"))
    say = [p for p in ps.for_verb("say") if not (p.objects or p.preps or p.complements or p.clause_marks)]
    assert not say                                                   # a general verb never fires alone
    assert all(p.confidence <= 0.65 for p in ps.patterns if p.id.startswith("lexicon."))


def test_extra_files_load_at_lower_precedence_and_ids_must_not_clash(tmp_path: Path):
    main = tmp_path / "events.yml"
    extra = tmp_path / "extra.yml"
    main.write_text(yaml.safe_dump({"version": 1, "patterns": [
        {"id": "x.y", "verbs": ["condemn"], "type": "ACCUSE", "cameo": "111"}]}))
    extra.write_text(yaml.safe_dump({"version": 1, "provenance": {"licence": "MIT"}, "patterns": [
        {"id": "lexicon.verb.111.z", "verbs": ["condemn"], "objects": ["attack"], "type": "ACCUSE", "cameo": "111"}]}))
    ps = parse_patterns(main, extra)
    assert [p.id for p in ps.for_verb("condemn")] == ["x.y", "lexicon.verb.111.z"]  # despite its object
    extra.write_text(main.read_text())
    with pytest.raises(Exception, match="duplicate pattern id"):
        parse_patterns(main, extra)


def test_lexicon_files_are_registered_next_to_the_hand_written_file():
    assert all(p.parent == DATA_FILE.parent for p in LEXICON_FILES)


def test_file_defaults_fill_what_a_pattern_leaves_out(tmp_path: Path):
    path = tmp_path / "x.yml"
    path.write_text(yaml.safe_dump({"version": 1, "defaults": {"confidence": 0.6, "target": ["obj_core"]},
                                    "patterns": [{"id": "a", "verbs": ["condemn"], "type": "ACCUSE", "cameo": "111"},
                                                 {"id": "b", "verbs": ["praise"], "type": "SUPPORT", "cameo": "051",
                                                  "confidence": 0.7}]}))
    a, b_ = parse_patterns(path).patterns
    assert (a.confidence, a.target, b_.confidence) == (0.6, ["obj_core"], 0.7)
    path.write_text(yaml.safe_dump({"version": 1, "defaults": {"colour": "red"}, "patterns": []}))
    with pytest.raises(Exception, match="unknown fields"):
        parse_patterns(path)


def test_consult_patterns_of_the_lexicon_take_direct_partners_only():
    visit = next(p for p in load_patterns().patterns if p.id == "lexicon.verb.042")
    assert "obj_tree" not in visit.target_roles


def test_generated_files_are_yaml_and_read_fast_as_json():
    from detente.events.patterns import _read_yaml

    for path in LEXICON_FILES:
        text = path.read_text(encoding="utf-8")
        assert yaml.safe_load(text) == _read_yaml(text)
    assert _read_yaml("# header\nversion: 1\npatterns: []\n") == {"version": 1, "patterns": []}
