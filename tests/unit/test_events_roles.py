"""Argument roles are registered functions: pattern files may name only roles that exist."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from detente.events import roles
from detente.events.engine import Arg, settings
from detente.events.patterns import (
    DEFAULT_SOURCE, DEFAULT_TARGET, NOUN_SOURCE, NOUN_TARGET, PatternError, load_patterns, parse_patterns,
)
from detente.models import ActorRef
from events_helpers import make_mentions

BASE = {"id": "x.y", "verbs": ["condemn"], "type": "ACCUSE", "cameo": "111"}


def _write(tmp_path: Path, **change) -> Path:
    path = tmp_path / "events.yml"
    path.write_text(yaml.safe_dump({"version": 1, "patterns": [{**BASE, **change}]}))
    return path


@pytest.mark.parametrize("change, message", [
    ({"source": ["subject"]}, "unknown source role 'subject'"),
    ({"target": ["subj"]}, "unknown target role 'subj'"),  # a source role is not a target role
    ({"target": ["prep"]}, "needs a lower-case word"),
    ({"target": ["prep:With"]}, "needs a lower-case word"),
    ({"target": ["obj:with"]}, "takes no word"),
    ({"relation": {"dimension": "designation", "value": "listed", "reverse_if_target_role": ["nowhere"]}},
     "unknown target role 'nowhere'"),
])
def test_a_pattern_naming_an_unregistered_role_fails_to_load(tmp_path, change, message):
    with pytest.raises(PatternError) as err:
        parse_patterns(_write(tmp_path, **change))
    assert message in str(err.value)
    assert "x.y" in str(err.value) and "\n" not in str(err.value)


def test_the_load_error_lists_the_known_roles(tmp_path):
    with pytest.raises(PatternError) as err:
        parse_patterns(_write(tmp_path, source=["subject"]))
    assert ("known: addressee, against_people, agent, announcer, attack_mod, backer, between, by, clause_doer, clause_people, fight_partner, from_doer, governor_subj, issuer, list_owner, "
            "noun_agent, noun_core, noun_party, obj_by, place_people, "
            "poss, prep:WORD, subj, support_subj") in str(err.value)


def test_every_role_of_the_packaged_patterns_and_defaults_is_registered():
    for spec in DEFAULT_SOURCE + NOUN_SOURCE:
        roles.check("source", spec)
    for spec in DEFAULT_TARGET + NOUN_TARGET:
        roles.check("target", spec)
    used = {(side, spec) for p in load_patterns().patterns
            for side, specs in (("source", p.source_roles), ("target", p.target_roles)) for spec in specs}
    assert ("target", "prep:with") in used
    for side, spec in used:
        assert roles.problem(side, spec) is None


def test_role_certainties_in_the_settings_name_registered_roles():
    known = {n.split(":")[0] for side in roles.SIDES for n in roles.names(side)}
    assert set(settings().role_certainty) <= known


def test_relaxed_fallback_roles_in_the_settings_are_roles_of_their_side():
    cfg = settings()
    assert all(roles.problem("source", spec) is None for spec in cfg.relaxed_source_roles)
    assert all(roles.problem("target", spec) is None for spec in cfg.relaxed_target_roles)
    assert roles.problem("source", "betwen") is not None  # (the check can fail)


def test_a_registered_role_can_be_named_by_a_pattern_and_is_used(tmp_path, nlp):
    """A new role (here: always the last actor of the sentence) becomes valid in pattern files and
    the engine calls it."""
    from detente.events.engine import code_sentence

    @roles.role("target", "last_actor_for_test")
    def _last(want, word):
        mi = max(want.ctx.tok2m.values())
        m = want.ctx.mentions[mi]
        return Arg(ref=ActorRef(id=m.id, country=m.country, text=m.text), role="last_actor_for_test",
                   certainty=1.0, mention=mi)

    try:
        ps = parse_patterns(_write(tmp_path, target=["last_actor_for_test"]))
        text = "France condemned the decision, citing Russia."
        doc = nlp(text)
        events = code_sentence(next(doc.sents), make_mentions(text), dt.date(2025, 1, 1), patterns=ps)
        assert [(e.source.id, e.target.id) for e in events] == [("FRA", "RUS")]
    finally:
        roles._REGISTRY.pop(("target", "last_actor_for_test"))
        roles.resolve.cache_clear()


def test_a_role_registered_twice_under_one_name_is_refused():
    with pytest.raises(ValueError, match="registered twice"):
        roles.role("source", "subj")(lambda ctx, m, word: None)
