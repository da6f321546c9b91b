"""The verb index of the pattern set (``PatternSet.verb_index``): a speed-up that must never change
which pattern matches a verb."""

from __future__ import annotations

from detente.events.engine import _possible, _verb_matches, _verb_patterns, _verbal, _view
from detente.events.patterns import load_patterns

SENTENCES = [
    "The council called on both sides to hold back and lifted the sanctions on the northern province.",
    "Police arrested three men and charged them with planning an attack on the embassy.",
    "The minister gave in to the strikers and set up a commission to look into their pay.",
    "Rebels took over the town after they fired rockets at an army base.",
    "The two leaders signed a trade deal and agreed on a plan to reopen the border.",
    "Protesters were dispersed by riot police, who fired tear gas at the crowd.",
    "The court sentenced the journalist to five years in prison for spreading false news.",
    # object and complement phrases: found in the objects' and the nearby words' text
    "The premier held a phone call with her counterpart and expelled the high commissioner.",
    "The militia vowed to hit back, and the army was ordered on high alert.",
    "The ministry called the vote null and void and declared the group a terrorist organisation.",
]


def _verbs(nlp):
    patterns = load_patterns()
    for doc in nlp.pipe(SENTENCES):
        for tok in doc:
            if _verbal(tok):
                form, cands = _verb_patterns(patterns, tok)
                if cands:
                    yield patterns, tok, form, cands


def test_the_index_keeps_every_pattern_the_matcher_matches_in_candidate_order(nlp):
    seen = matched = 0
    for patterns, tok, form, cands in _verbs(nlp):
        view = _view(tok)
        possible = _possible(patterns, form, view)
        assert possible == [p for p in cands if p in possible], tok.text  # candidate order kept
        for p in cands:
            seen += 1
            if _verb_matches(p, tok, view) is not None:
                matched += 1
                assert p in possible, (tok.text, p.id)
    assert matched > 5 and seen > matched


def test_the_index_leaves_out_patterns_naming_an_object_or_particle_the_verb_has_not(nlp):
    skipped = 0
    for patterns, tok, form, cands in _verbs(nlp):
        possible = _possible(patterns, form, _view(tok))
        skipped += len(cands) - len(possible)
        for p in cands:
            if p not in possible:
                assert _verb_matches(p, tok) is None, (tok.text, p.id)
    assert skipped > 0
