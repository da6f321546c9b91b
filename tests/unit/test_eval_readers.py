"""Gold readers: detente YAML article gold and PETRARCH-style CAMEO XML (own fixtures)."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from detente.eval.gold import read_gold
from detente.eval.readers import GoldError, parse_cameo_date, split_front_matter

ARTICLE = textwrap.dedent("""\
    ---
    title: "Ruritania opens an embassy in Freedonia"
    published: 2024-03-05
    source: Test Wire
    ---
    Ruritania opened an embassy in Freedonia on Monday.

    "It is a new chapter," said Foreign Minister Anna Berg.
    """)

GOLD = textwrap.dedent("""\
    article: 99-test.txt
    events:
      - type: cooperate
        source: RUR
        target: {id: null, country: FRE, sector: GOV}
        date: 2024-03-04
        sentence: "opened an embassy"
    relation_changes:
      - {source: RUR, target: FRE, dimension: representation, value: ambassador, date: 2024-03}
    quotes:
      - {speaker: Anna Berg, text_contains: "new chapter"}
    absent:
      - sentence: "said Foreign Minister"
    """)

# Not well-formed on purpose, as PETRARCH validation files are: self-closed <Sentence/> followed by
# </Sentence>, free text between records, comments, a record with children inside the tag.
XML = textwrap.dedent("""\
    <?xml version='1.0' encoding='utf-8'?>
    <Validation>
    ###### banner text & notes <EventCoding...> ######
    <Sentences>
    <Sentence category="TEST" date="20190312" id="T1" evaluate="true"/>
    <EventCoding eventcode="042" sourcecode="RURGOV" targetcode="IGOUNO" />
    <Text>
    The Ruritanian foreign minister visited the
    United Nations &amp; met officials.
    </Text>
    <Parse>1	The	the	DET</Parse>
    </Sentence>
    <Sentence category="TEST" date="190313" id="T2" evaluate="true">
    <!-- <EventCoding eventcode="190" sourcecode="A" targetcode="B" /> -->
    <EventCoding noevents="True" />
    <Text>Nothing happened in Ruritania.</Text>
    </Sentence>
    <Sentence category="TEST" date="20190314" id="T3" evaluate="true"/>
    <EventCoding eventcode="010" sourcecode="RUR" targetcode="---" />
    <EventCoding eventcode="111" sourcecode="---OPP" targetcode="RURGOV" />
    <Text>The opposition criticised the government, a spokesman said.</Text>
    </Sentence>
    <Sentence category="TEST" date="20190315" id="T4" evaluate="false"/>
    <Text>Skipped.</Text>
    </Sentence>
    </Sentences>
    </Validation>
    """)


@pytest.fixture
def yaml_gold(tmp_path):
    corpus = tmp_path / "examples" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "99-test.txt").write_text(ARTICLE, encoding="utf-8")
    golden = tmp_path / "golden"
    golden.mkdir()
    (golden / "99-test.yml").write_text(GOLD, encoding="utf-8")
    return golden


def test_yaml_gold_reads_article_and_expectations(yaml_gold):
    (item,) = read_gold([yaml_gold])
    assert item.kind == "article" and item.id == "99-test"
    assert item.text.startswith("Ruritania opened")  # front matter stripped
    assert item.published == dt.date(2024, 3, 5) and item.title.startswith("Ruritania")
    (ev,) = item.events
    assert ev.type == "COOPERATE" and ev.source.id == "RUR"
    assert (ev.target.id, ev.target.country, ev.target.sector) == (None, "FRE", "GOV")
    assert (ev.date, ev.date_precision, ev.status) == ("2024-03-04", "day", "occurred")
    assert item.relation_changes[0].date_precision == "month"
    assert item.quotes[0].speaker == "Anna Berg"
    assert item.absent == ["said Foreign Minister"]


def test_yaml_published_overrides_front_matter(yaml_gold):
    f = yaml_gold / "99-test.yml"
    f.write_text("published: 2024-03-06\n" + f.read_text())
    assert read_gold([f])[0].published == dt.date(2024, 3, 6)


@pytest.mark.parametrize(
    "content, message",
    [
        ("article: missing.txt\n", "not found"),
        ("article: 99-test.txt\nevents:\n  - {type: AGREE, status: maybe}\n", "events.0.status"),
        ("article: 99-test.txt\nbogus: 1\n", "bogus"),
        ("article: [unclosed\n", "cannot read YAML"),
    ],
)
def test_bad_yaml_gold_is_one_line_naming_the_file(yaml_gold, content, message):
    f = yaml_gold / "99-test.yml"
    f.write_text(content)
    with pytest.raises(GoldError, match=message) as err:
        read_gold([f])
    assert "99-test.yml" in str(err.value) and "\n" not in str(err.value)


def test_xml_gold_records(tmp_path):
    f = tmp_path / "mini.xml"
    f.write_text(XML, encoding="utf-8")
    items = read_gold([f])
    assert [i.id for i in items] == ["mini#T1", "mini#T2", "mini#T3"]  # evaluate="false" skipped
    t1, t2, t3 = items
    assert t1.kind == "sentence" and t1.published == dt.date(2019, 3, 12)
    assert t1.text == "The Ruritanian foreign minister visited the United Nations & met officials."
    (ev,) = t1.events
    assert (ev.type, ev.mode, ev.cameo) == ("CONSULT", "visit", "042")
    assert (ev.source.id, ev.source.sector, ev.target.id) == ("RUR", "GOV", "UN")
    assert t2.events == [] and t2.published == dt.date(2019, 3, 13)  # commented coding ignored
    assert [e.type for e in t3.events] == ["ACCUSE"]
    assert t3.unmapped == ["010 RUR→---"]  # public statement: no PLOVER type
    assert "date" not in t1.fields and "dyad" in t1.fields


def test_xml_without_sentences_is_an_error(tmp_path):
    f = tmp_path / "empty.xml"
    f.write_text("<Validation></Validation>")
    with pytest.raises(GoldError, match="no <Sentence>"):
        read_gold([f])


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(GoldError, match="no such file"):
        read_gold([tmp_path / "nope.yml"])


def test_cameo_dates():
    assert parse_cameo_date("20080806") == dt.date(2008, 8, 6)
    assert parse_cameo_date("150609") == dt.date(2015, 6, 9)
    assert parse_cameo_date("2008") is None and parse_cameo_date("20081399") is None


def test_front_matter_split():
    meta, body = split_front_matter("---\ntitle: X\n---\nBody.\n")
    assert meta == {"title": "X"} and body == "Body.\n"
    assert split_front_matter("No front matter.") == ({}, "No front matter.")
