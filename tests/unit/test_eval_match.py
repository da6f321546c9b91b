"""Matching rules and scorer maths on toy cases."""

from __future__ import annotations

import pytest

from detente.eval.match import (
    Unit, actor_equal, date_exact, date_within, fold, greedy, locate, match_events, match_quotes,
)
from detente.eval.score import PRF, aggregate, score_unit
from detente.eval.types import GoldActor, GoldEvent, GoldItem, GoldQuote
from detente.models import ActorRef, ArticleResult, Event, Quote

TEXT = ("Ruritania expelled two Freedonian diplomats on Monday. "
        "Later, Freedonia condemned the move and recalled its ambassador.")
S1 = (0, TEXT.index("Later"))
S2 = (TEXT.index("Later"), len(TEXT))


def ref(id=None, country=None, sector=None):
    return ActorRef(id=id, country=country, sector=sector, text=id or country or "x")


def ga(id=None, country=None, sector=None):
    return GoldActor(id=id, country=country, sector=sector)


def pred(type, src, tgt, span=S1, date=None, prec=None, status="occurred"):
    return Event(type=type, source=ref(src), target=ref(tgt), sentence=TEXT[span[0]:span[1]],
                 start=span[0], end=span[1], confidence=0.9, rule="t", date=date, date_precision=prec,
                 status=status)


def gold(type, src, tgt, sentence=None, date=None, prec=None, status="occurred"):
    return GoldEvent(type=type, source=ga(src) if src else None, target=ga(tgt) if tgt else None,
                     sentence=sentence, date=date, date_precision=prec, status=status)


ARTICLE = Unit(text=TEXT, is_sentence=False)


def test_fold_and_locate_ignore_case_quotes_and_spacing():
    assert fold("  The  \u201cMove\u201d\n") == 'the "move"'
    s, e = locate("freedonia   CONDEMNED", TEXT)
    assert TEXT[s:e] == "Freedonia condemned"
    assert locate("not there", TEXT) is None


@pytest.mark.parametrize(
    "g, p, equal",
    [
        (ga("RUS"), ref("RUS", "RUS", "GOV"), True),
        (ga("USA"), ref(None, "USA", "GOV"), True),  # "US officials"
        (ga("USA"), ref("CAN"), False),
        (ga(None, "GEO", "OPP"), ref(None, "GEO", "OPP"), True),
        (ga(None, "GEO", "OPP"), ref(None, "GEO", "GOV"), False),
        (ga(None, "GEO", "OPP"), ref("TALIBAN", "GEO", "OPP"), False),
        (None, None, True),  # the text names no actor, and none was predicted
        (ga(), ref("RUS"), False),  # unspecified gold ("---") never equals
    ],
)
def test_actor_equality(g, p, equal):
    assert actor_equal(g, p) is equal


def test_dates_exact_and_within_period():
    assert date_exact("2025-04", "month", "2025-04", "month")
    assert not date_exact("2025-04", "month", "2025-04-17", "day")
    assert date_within("2025-04", "month", "2025-04-17", "day")
    assert date_within("2003", None, "2003-11", None)
    assert not date_within("2025-04-17", "day", "2025-04", "month")  # coarser is not within
    assert not date_within("2025-04", "month", "2025-05-01", "day")
    assert date_within("1990", "decade", "1994", "year")


def test_same_sentence_is_required_for_article_gold():
    g = [gold("COERCE", "RUR", "FRE", sentence="expelled two Freedonian diplomats")]
    assert match_events(g, [pred("COERCE", "RUR", "FRE", span=S2)], ARTICLE) == []
    assert match_events(g, [pred("COERCE", "RUR", "FRE", span=S1)], ARTICLE) == [(0, 0)]


def test_sentence_gold_accepts_any_prediction_of_the_unit():
    unit = Unit(text=TEXT, is_sentence=True)
    g = [gold("COERCE", "RUR", "FRE")]
    assert match_events(g, [pred("COERCE", "RUR", "FRE", span=S2)], unit) == [(0, 0)]


def test_candidate_needs_a_shared_actor_or_the_same_type():
    g = [gold("COERCE", "RUR", "FRE")]
    assert match_events(g, [pred("ACCUSE", "FRE", "RUR")], ARTICLE) == [(0, 0)]  # actors, reversed
    assert match_events(g, [pred("COERCE", "XXX", "YYY")], ARTICLE) == [(0, 0)]  # same type
    assert match_events(g, [pred("ACCUSE", "XXX", "YYY")], ARTICLE) == []


def test_best_scoring_prediction_wins_and_matching_is_one_to_one():
    g = [gold("ACCUSE", "FRE", "RUR"), gold("RETREAT", "FRE", "RUR")]
    p = [pred("RETREAT", "FRE", "RUR", span=S2), pred("ACCUSE", "FRE", "RUR", span=S2)]
    assert match_events(g, p, Unit(TEXT, True)) == [(0, 1), (1, 0)]
    assert greedy({(0, 0): 3, (1, 0): 4, (0, 1): 2}) == [(0, 1), (1, 0)]
    assert greedy({(0, 0): 2, (0, 1): 2}) == [(0, 0)]  # tie: earlier prediction


def test_quotes_match_on_words_speaker_breaks_ties():
    g = [GoldQuote(speaker="Anna Berg", text_contains="new chapter")]
    p = [Quote(speaker="Tom", text="A new   chapter.", start=0, end=1),
         Quote(speaker="Foreign Minister Anna Berg", text="a NEW chapter", start=2, end=3)]
    assert match_quotes(g, p) == [(0, 1)]


def test_prf_maths():
    m = PRF(tp=3, fp=1, fn=2)
    assert m.precision == pytest.approx(0.75) and m.recall == pytest.approx(0.6)
    assert m.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert (PRF().precision, PRF().recall, PRF().f1) == (1.0, 1.0, 1.0)  # correctly silent
    assert (PRF(fn=2).precision, PRF(fn=2).f1) == (0.0, 0.0)


def _item(events, kind="article", **kw):
    return GoldItem(id="u", origin="g.yml", kind=kind, text=TEXT, events=events, **kw)


def _result(events, **kw):
    return ArticleResult(id="u", events=events, **kw)


def test_unit_scores_fields_end_to_end():
    g = [gold("COERCE", "RUR", "FRE", sentence="expelled", date="2025-04", prec="month"),
         gold("ACCUSE", "FRE", "RUR", sentence="condemned", date="2025-04-15", prec="day", status="ongoing")]
    p = [pred("COERCE", "RUR", "FRE", date="2025-04-14", prec="day"),  # type, dyad ok; date within
         pred("ACCUSE", "RUR", "FRE", span=S2, date="2025-04-15", prec="day"),  # reversed, wrong status
         pred("AID", "XXX", "YYY", span=S2)]  # spurious
    u = score_unit(_item(g), _result(p))
    assert u.pairs == [(0, 0), (1, 1)]
    assert (u.fields["event"].tp, u.fields["event"].fp, u.fields["event"].fn) == (2, 1, 0)
    assert u.fields["type"].tp == 2
    assert u.fields["dyad"].tp == 1 and u.fields["source"].tp == 1
    assert u.fields["date"].tp == 1 and u.fields["date_within"].tp == 2
    assert u.fields["status"].tp == 1
    agg = aggregate([u])
    assert agg["micro"]["event"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert agg["micro"]["dyad"]["accuracy"] == 0.5
    conf = agg["confusion"]["matrix"]
    assert conf["COERCE"] == {"COERCE": 1} and conf["NONE"] == {"AID": 1}


def test_micro_pools_counts_macro_averages_units():
    a = score_unit(_item([gold("COERCE", "RUR", "FRE")], kind="sentence"),
                   _result([pred("COERCE", "RUR", "FRE")]))
    b = score_unit(_item([gold("AID", "RUR", "FRE"), gold("ACCUSE", "FRE", "RUR")], kind="sentence"),
                   _result([]))
    agg = aggregate([a, b])
    assert agg["micro"]["event"]["recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert agg["macro"]["event"]["recall"] == pytest.approx(0.5)
    assert agg["confusion"]["matrix"]["AID"] == {"NONE": 1}


def test_unspecified_gold_actor_is_not_scored():
    g = [GoldEvent(type="COERCE", source=ga(), target=ga("FRE"))]
    u = score_unit(_item(g, kind="sentence", fields=("event", "type", "source", "target", "dyad")),
                   _result([pred("COERCE", "ANY", "FRE")]))
    assert u.field_counts["source"].scored == 0 and u.fields["source"].fn == 0
    assert u.fields["target"].tp == 1
    assert "date" not in u.fields


def test_occurred_event_in_an_absent_sentence_is_reported():
    item = _item([], absent=["Freedonia condemned the move"])
    u = score_unit(item, _result([pred("ACCUSE", "FRE", "RUR", span=S2),
                                  pred("ACCUSE", "FRE", "RUR", span=S2, status="negated")]))
    assert len(u.absent_violations) == 1


def test_locate_prefers_a_whole_word_occurrence():
    text = "A unilateral truce backs UN efforts, as Europe waits on the EU."
    s, e = locate("UN", text)
    assert text[s:e] == "UN" and s == text.index("UN ")
    s, e = locate("EU", text)
    assert text[s:e] == "EU" and s == text.rindex("EU")
    # with no whole-word occurrence, the first inside a word still counts
    assert locate("nilat", text) == (text.index("nilat"), text.index("nilat") + 5)
