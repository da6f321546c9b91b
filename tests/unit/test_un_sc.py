"""The UN Security Council Consolidated List importer and the dataset registry."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from detente import datasets
from detente.relations import state
from detente.store import open_store, schema

XML = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "un-sc" / "consolidated.xml"
needs_xml = pytest.mark.skipif(not XML.is_file(), reason=f"{XML} not present")

SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID>
      <FIRST_NAME>ABDUL</FIRST_NAME><SECOND_NAME>EXAMPLE</SECOND_NAME>
      <UN_LIST_TYPE>Taliban</UN_LIST_TYPE>
      <REFERENCE_NUMBER>TAi.900</REFERENCE_NUMBER>
      <LISTED_ON>2001-01-25</LISTED_ON>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>ABDUL EXAMPLE KHAN</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>2</DATAID>
      <FIRST_NAME>EXAMPLE TRUST</FIRST_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <REFERENCE_NUMBER>QDe.900</REFERENCE_NUMBER>
      <LISTED_ON>2015-04-07-04:00</LISTED_ON>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Example Foundation</ALIAS_NAME></ENTITY_ALIAS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.xml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def _count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_the_registry_knows_un_sc():
    imp = datasets.get("un-sc")
    assert imp.metadata.source_actor == "UN"
    assert imp.metadata.authority == "UN Security Council"
    assert "un-sc" in datasets.names()
    with pytest.raises(datasets.DatasetError, match="unknown dataset 'ofac'"):
        datasets.get("ofac")


def test_parse_reads_people_and_organisations(small):
    person, org = datasets.get("un-sc").parse(small)
    assert (person.entry_id, person.schema_, person.name, person.program) == (
        "TAi.900", "Person", "ABDUL EXAMPLE", "Taliban")
    assert person.aliases == ["ABDUL EXAMPLE KHAN"]
    assert str(person.listed_on) == "2001-01-25"
    assert (org.schema_, org.name, org.aliases) == ("Organization", "EXAMPLE TRUST", ["Example Foundation"])
    assert str(org.listed_on) == "2015-04-07"  # the zone suffix is dropped


def test_import_writes_entries_and_designations(store, small):
    resolved = {"EXAMPLE TRUST": "EXAMPLE_TRUST"}
    counts = datasets.import_file(store, "un-sc", small, resolve=lambda e: resolved.get(e.name))
    assert counts == {"dataset": "un-sc", "entries": 2, "inserted": 2, "updated": 0, "delisted": 0}
    st = state.status(store, "UN", "UNSC:TAi.900", as_of="2025-04-25")
    assert st["designation"]["value"] == "listed"
    assert st["designation"]["since"] == "2001-01-25"
    assert st["designation"]["detail"] == {"program": "Taliban", "authority": "UN Security Council",
                                           "reference": "TAi.900"}
    assert st["designation"]["evidence"][0]["dataset"] == "un-sc"
    assert state.status(store, "UN", "EXAMPLE_TRUST", as_of="2025-04-25")["designation"]["value"] == "listed"
    rows = state.who(store, designated_by="UN", program="taliban", as_of="2025-04-25")
    assert [(r["target"], r["name"]) for r in rows] == [("UNSC:TAi.900", "ABDUL EXAMPLE")]


def test_reimport_is_idempotent(store, small):
    datasets.import_file(store, "un-sc", small, resolve=lambda e: None)
    again = datasets.import_file(store, "un-sc", small, resolve=lambda e: None)
    assert (again["inserted"], again["updated"]) == (0, 0)  # the same list: nothing changed
    assert _count(store, schema.list_entries) == 2
    assert _count(store, schema.relation_changes) == 2


@pytest.mark.parametrize("cut", [200, 700, len(SMALL) - 30])
def test_a_truncated_file_is_one_error_and_writes_nothing(store, tmp_path, cut):
    bad = tmp_path / "truncated.xml"
    bad.write_text(SMALL[:cut], encoding="utf-8")
    with pytest.raises(datasets.DatasetError) as err:
        datasets.import_file(store, "un-sc", bad, resolve=lambda e: None)
    message = str(err.value)
    assert message.startswith(f"{bad}: malformed XML at line ")
    assert "\n" not in message
    assert _count(store, schema.list_entries) == 0
    assert _count(store, schema.relation_changes) == 0


def test_another_xml_file_is_refused(store, tmp_path):
    other = tmp_path / "other.xml"
    other.write_text("<rss><channel/></rss>", encoding="utf-8")
    with pytest.raises(datasets.DatasetError, match="not a UN SC consolidated list"):
        datasets.import_file(store, "un-sc", other)


@needs_xml
def test_the_real_list_has_1003_entries_140_on_the_taliban_list():
    entries = list(datasets.get("un-sc").parse(XML))
    assert len(entries) == 1003
    assert len({e.entry_id for e in entries}) == 1003
    programs = Counter(e.program for e in entries)
    assert programs["Taliban"] == 140
    assert Counter(e.schema_ for e in entries) == {"Person": 730, "Organization": 273}
    assert all(e.listed_on is not None for e in entries)
    assert all(e.reference.startswith("TA") for e in entries if e.program == "Taliban")


@needs_xml
def test_importing_the_real_list_twice(store):
    first = datasets.import_file(store, "un-sc", XML, resolve=lambda e: None)
    second = datasets.import_file(store, "un-sc", XML, resolve=lambda e: None)
    assert (first["inserted"], second["inserted"], second["updated"]) == (1003, 0, 0)
    assert _count(store, schema.list_entries) == 1003
    assert _count(store, schema.relation_changes) == 1003
    assert len(state.who(store, designated_by="UN", program="Taliban", as_of="2026-01-01")) == 140


@pytest.mark.postgres
def test_import_and_status_on_postgresql(pg_url, small):
    pg = open_store(pg_url)
    try:
        datasets.import_file(pg, "un-sc", small, resolve=lambda e: None)
        datasets.import_file(pg, "un-sc", small, resolve=lambda e: None)
        assert _count(pg, schema.relation_changes) == 2
        st = state.status(pg, "UN", "UNSC:TAi.900", as_of="2025-04-25")
        assert (st["designation"]["value"], st["designation"]["since"]) == ("listed", "2001-01-25")
    finally:
        pg.engine.dispose()


def test_reimporting_a_changed_entry_counts_only_that_entry(store, small, tmp_path):
    datasets.import_file(store, "un-sc", small, resolve=lambda e: None)
    text = small.read_text(encoding="utf-8")
    assert "ABDUL EXAMPLE" in text
    changed = tmp_path / "changed.xml"
    changed.write_text(text.replace("ABDUL EXAMPLE", "ABDUL EXAMPLED", 1), encoding="utf-8")
    again = datasets.import_file(store, "un-sc", changed, resolve=lambda e: None)
    assert (again["inserted"], again["updated"]) == (0, 1)
