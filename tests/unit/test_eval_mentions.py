"""Scoring actor mentions of real-text gold (detente.eval.mentions)."""

from __future__ import annotations

from types import SimpleNamespace

from detente.eval.mentions import mention_scores
from detente.eval.types import GoldMention
from detente.models import ArticleResult, Mention

TEXT = "Argentina opened talks with the International Monetary Fund and Chile on Monday."


def _unit(mentions: list[Mention], gold: list[GoldMention]):
    item = SimpleNamespace(text=TEXT, mentions=gold)
    return SimpleNamespace(item=item, result=ArticleResult(id="a", mentions=mentions))


def _at(text: str, **kw) -> Mention:
    start = TEXT.index(text)
    return Mention(start=start, end=start + len(text), text=text, **kw)


def test_an_organisations_three_letter_id_is_no_country():
    imf = _at("International Monetary Fund", id="IMF", sector="IGO")
    scores = mention_scores([_unit([imf], [GoldMention(text="International Monetary Fund", country=None, sector="IGO")])])
    assert scores["country"]["correct"] == 1


def test_an_international_courts_three_letter_id_is_no_country():
    court = _at("International Monetary Fund", id="ICJ", sector="JUD")
    scores = mention_scores([_unit([court], [GoldMention(text="International Monetary Fund", country=None, sector="IGO")])])
    assert scores["country"]["correct"] == 1


def test_a_states_own_mention_gives_its_id_as_country():
    chile = _at("Chile", id="CHL")
    scores = mention_scores([_unit([chile], [GoldMention(text="Chile", country="CHL", sector="GOV")])])
    assert scores["country"]["correct"] == 1
