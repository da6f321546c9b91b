"""The sample corpus and its golden expectations are well-formed and agree with each other.

Each article in ``examples/corpus/`` carries YAML front matter and 300-1,200 words of text; each
golden file in ``tests/golden/`` (format: ``docs/gold-format.md``) names an existing article, and
every sentence substring and quote fragment it cites occurs verbatim in that article.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
GOLDEN = ROOT / "tests" / "golden"
DIMENSIONS = ROOT / "src" / "detente" / "data" / "relations" / "dimensions.yml"

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
STATUSES = {"occurred", "ongoing", "planned", "negated", "reported"}
DATE_FORMS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"),
    "year": re.compile(r"^\d{4}$"),
    "decade": re.compile(r"^\d{3}0$"),
}
ACTOR_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")
ARTICLE_NAME = re.compile(r"^\d{2}-[a-z0-9-]+\.txt$")

ARTICLES = sorted(CORPUS.glob("*.txt"))
GOLDS = sorted(GOLDEN.glob("*.yml"))
#: articles reporting the same event (Canada and India expel each other's diplomats, 2024-10-14)
DEDUP_SET = ("14-", "15-", "16-", "17-", "18-")


def split_article(path: Path) -> tuple[dict, str]:
    """Front matter (parsed) and body text of a corpus file."""
    text = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    assert m, f"{path.name}: no '---' front matter block at the top"
    meta = yaml.safe_load(m.group(1))
    assert isinstance(meta, dict), f"{path.name}: front matter is not a mapping"
    return meta, m.group(2)


def load_gold(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    return data


def check_date(where: str, date, precision) -> None:
    if date is None:
        assert precision is None, f"{where}: precision {precision!r} without a date"
        return
    assert isinstance(date, str), f"{where}: date must be a quoted string, got {date!r}"
    assert precision in DATE_FORMS, f"{where}: bad date_precision {precision!r}"
    assert DATE_FORMS[precision].match(date), f"{where}: {date!r} is not a {precision} date"
    if precision == "day":
        dt.date.fromisoformat(date)


def test_the_corpus_has_the_expected_articles():
    names = [p.name for p in ARTICLES]
    assert len(names) == 27
    assert [n[:2] for n in names] == [f"{i:02d}" for i in range(1, 28)]
    assert all(ARTICLE_NAME.match(n) for n in names), names


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_article_has_front_matter_and_a_news_sized_body(path):
    meta, body = split_article(path)
    assert set(meta) >= {"title", "published", "source", "url"}
    assert isinstance(meta["title"], str) and meta["title"].strip()
    assert isinstance(meta["published"], dt.date), "published must be YYYY-MM-DD"
    assert isinstance(meta["source"], str) and meta["source"].strip()
    assert meta["url"] is None or str(meta["url"]).startswith("http")
    words = len(body.split())
    assert 300 <= words <= 1200, f"{path.name}: {words} words"


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_article_has_a_golden_file(path):
    assert (GOLDEN / f"{path.stem}.yml").exists()


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_golden_file_names_its_article(path):
    gold = load_gold(path)
    assert gold["article"] == f"{path.stem}.txt"
    assert (CORPUS / gold["article"]).exists()
    if "published" in gold:
        assert isinstance(gold["published"], dt.date)


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_golden_sentences_and_quotes_occur_verbatim_in_the_article(path):
    gold = load_gold(path)
    _, body = split_article(CORPUS / gold["article"])
    cited = [
        (section, item["sentence"])
        for section in ("events", "relation_changes", "absent")
        for item in gold.get(section) or []
        if item.get("sentence")
    ]
    cited += [("quotes", q["text_contains"]) for q in gold.get("quotes") or []]
    missing = [(section, text) for section, text in cited if text not in body]
    assert not missing


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_golden_events_use_plover_types_ids_statuses_and_dates(path):
    gold = load_gold(path)
    events = gold.get("events") or []
    assert events, "an article with no events is not a useful golden"
    for i, ev in enumerate(events):
        where = f"{path.name} event {i} ({ev.get('sentence')!r})"
        assert ev["type"] in PLOVER_TYPES, where
        assert ev.get("status", "occurred") in STATUSES, where
        assert ev.get("sentence"), f"{where}: every event cites its sentence"
        for role in ("source", "target"):
            actor = ev.get(role)
            assert actor is None or ACTOR_ID.match(actor), f"{where}: bad {role} {actor!r}"
        assert ev.get("source") or ev.get("target"), f"{where}: no actor at all"
        check_date(where, ev.get("date"), ev.get("date_precision"))
        if ev.get("date_end") is not None:
            assert ev.get("date") is not None and str(ev["date_end"]) > ev["date"], where


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_golden_relation_changes_use_known_dimensions_and_values(path):
    dims = yaml.safe_load(DIMENSIONS.read_text(encoding="utf-8"))["dimensions"]
    for i, rc in enumerate(load_gold(path).get("relation_changes") or []):
        where = f"{path.name} relation change {i}"
        assert rc["dimension"] in {"designation", "representation", "recognition", "agreements"}, where
        assert rc["value"] in dims[rc["dimension"]]["values"], where
        assert ACTOR_ID.match(rc["source"]) and ACTOR_ID.match(rc["target"]), where
        assert rc["source"] != rc["target"], where
        check_date(where, rc.get("date"), rc.get("date_precision"))
        if rc["dimension"] == "agreements":
            assert rc.get("subjects"), f"{where}: an agreement names its subjects"


def test_the_corpus_covers_every_plover_type_and_status():
    types, statuses = set(), set()
    for path in GOLDS:
        for ev in load_gold(path).get("events") or []:
            types.add(ev["type"])
            statuses.add(ev.get("status", "occurred"))
    assert types == PLOVER_TYPES
    assert statuses == STATUSES


def test_negations_are_listed_as_absent_somewhere():
    absent = [a["sentence"] for p in GOLDS for a in load_gold(p).get("absent") or []]
    assert any("has not recognised" in s or "has not formally recognised" in s for s in absent)
    assert any("no casualties were reported" in s for s in absent)


@pytest.mark.parametrize("prefix", DEDUP_SET)
def test_dedup_set_articles_report_both_expulsions(prefix):
    (path,) = [p for p in GOLDS if p.name.startswith(prefix)]
    gold = load_gold(path)
    meta, _ = split_article(CORPUS / gold["article"])
    assert meta["published"] in (dt.date(2024, 10, 14), dt.date(2024, 10, 15))
    expulsions = {
        (ev["source"], ev["target"])
        for ev in gold["events"]
        if ev["type"] == "SANCTION" and ev.get("mode") == "expel" and ev.get("date") == "2024-10-14"
    }
    assert expulsions == {("CAN", "IND"), ("IND", "CAN")}
