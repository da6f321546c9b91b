"""Delistings from the UN SC list: an entry missing from a newer list is delisted on that list's date,
its designation state changes, and a watch on it fires (Must show of issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from detente import datasets, watch
from detente.cli import app
from detente.relations import state
from detente.store import open_store

XML = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "un-sc" / "consolidated.xml"
needs_xml = pytest.mark.skipif(not XML.is_file(), reason=f"{XML} not present")

GONE = "CDi.001"  # the first individual of the list (ERIC BADEGE, listed 2012-12-31)


def _version(tmp_path: Path, name: str, generated: str, drop: str | None = None, src: Path = XML) -> Path:
    """A copy of the list dated ``generated``, without the entry whose reference is ``drop``."""
    tree = etree.parse(str(src))
    root = tree.getroot()
    root.set("dateGenerated", f"{generated}T00:00:09.554Z")
    if drop:
        (el,) = root.xpath(f"//*[REFERENCE_NUMBER='{drop}']")
        el.getparent().remove(el)
    path = tmp_path / name
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return path


@pytest.fixture
def store(tmp_path):
    return open_store(f"sqlite:///{tmp_path / 'un.db'}")


def _import(store, path):
    return datasets.import_file(store, "un-sc", path, resolve=lambda e: None)


@needs_xml
def test_an_entry_missing_from_a_newer_list_is_delisted_and_its_watch_fires(store, tmp_path):
    old = _version(tmp_path, "old.xml", "2026-01-30")
    new = _version(tmp_path, "new.xml", "2026-02-27", drop=GONE)
    target = f"UNSC:{GONE}"
    mine = watch.add_watch(store, "designation", source="UN", target=target, values=["delisted"])
    anyone = watch.add_watch(store, "designation", source="UN", values=["delisted"])
    listings = watch.add_watch(store, "designation", target=target)

    first = _import(store, old)
    assert (first["inserted"], first["delisted"]) == (1003, 0)
    assert watch.alerts(store, watch=mine["id"]) == [] and watch.alerts(store, watch=anyone["id"]) == []
    (listed,) = watch.alerts(store, watch=listings["id"])  # the watch on any value saw the listing
    assert (listed["value_before"], listed["value_after"], listed["date"]) == ("none", "listed", "2012-12-31")

    second = _import(store, new)
    assert (second["entries"], second["inserted"], second["updated"], second["delisted"]) == (1002, 0, 0, 1)
    st = state.status(store, "UN", target, as_of="2026-03-01")["designation"]
    assert (st["value"], st["since"]) == ("delisted", "2026-02-27")
    assert state.status(store, "UN", target, as_of="2026-02-26")["designation"]["value"] == "listed"

    for w in (mine, anyone):
        (alert,) = watch.alerts(store, watch=w["id"])
        assert (alert["source"], alert["target"]) == ("UN", target)
        assert (alert["value_before"], alert["value_after"], alert["date"]) == ("listed", "delisted", "2026-02-27")
        (ev,) = alert["evidence"]
        assert ev["dataset"] == "un-sc" and ev["external_id"] == GONE
        assert "ERIC BADEGE [CDi.001] removed from the UN Security Council Consolidated List" in ev["sentence"]

    again = _import(store, new)  # the same list again: nothing new
    assert again["delisted"] == 0
    assert len(watch.alerts(store, watch=anyone["id"])) == 1
    assert len(watch.alerts(store, watch=listings["id"])) == 2


SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>ABDUL</FIRST_NAME><SECOND_NAME>EXAMPLE</SECOND_NAME>
      <UN_LIST_TYPE>Taliban</UN_LIST_TYPE><REFERENCE_NUMBER>TAi.900</REFERENCE_NUMBER>
      <LISTED_ON>2001-01-25</LISTED_ON></INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY><DATAID>2</DATAID><FIRST_NAME>EXAMPLE TRUST</FIRST_NAME><UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <REFERENCE_NUMBER>QDe.900</REFERENCE_NUMBER><LISTED_ON>2015-04-07</LISTED_ON></ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""


def test_an_older_list_imported_after_a_newer_one_delists_nothing(store, tmp_path):
    small = tmp_path / "small.xml"
    small.write_text(SMALL, encoding="utf-8")
    newer = _version(tmp_path, "newer.xml", "2026-03-31", src=small)
    older = _version(tmp_path, "older.xml", "2026-01-31", drop="QDe.900", src=small)
    _import(store, newer)
    assert _import(store, older)["delisted"] == 0
    assert state.status(store, "UN", "UNSC:QDe.900", as_of="2026-04-01")["designation"]["value"] == "listed"


def test_the_import_command_counts_delisted_entries(tmp_path):
    small = tmp_path / "small.xml"
    small.write_text(SMALL, encoding="utf-8")
    later = _version(tmp_path, "later.xml", "2026-03-31", drop="TAi.900", src=small)
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    out = runner.invoke(app, ["import", "un-sc", str(small), "--db", db])
    assert out.exit_code == 0 and out.stdout.strip() == "un-sc: 2 entries (2 new, 0 changed, 0 delisted)"
    out = runner.invoke(app, ["import", "un-sc", str(later), "--db", db])
    assert out.exit_code == 0 and out.stdout.strip() == "un-sc: 1 entries (0 new, 0 changed, 1 delisted)"


def test_an_entry_back_on_a_later_list_is_relisted_and_keeps_its_delisting(store, tmp_path):
    small = tmp_path / "small.xml"
    small.write_text(SMALL, encoding="utf-8")
    w = watch.add_watch(store, "designation", target="UNSC:QDe.900")
    _import(store, _version(tmp_path, "jan.xml", "2026-01-31", src=small))
    _import(store, _version(tmp_path, "feb.xml", "2026-02-27", drop="QDe.900", src=small))
    back = _import(store, _version(tmp_path, "mar.xml", "2026-03-31", src=small))
    assert (back["updated"], back["delisted"]) == (1, 0)
    day = {d: state.status(store, "UN", "UNSC:QDe.900", as_of=d)["designation"]["value"]
           for d in ("2026-02-01", "2026-03-01", "2026-04-01")}
    assert day == {"2026-02-01": "listed", "2026-03-01": "delisted", "2026-04-01": "listed"}
    assert [(a["value_before"], a["value_after"], a["date"]) for a in watch.alerts(store, watch=w["id"])] == [
        ("delisted", "listed", "2026-03-31"), ("listed", "delisted", "2026-02-27"), ("none", "listed", "2015-04-07")]
    assert _import(store, _version(tmp_path, "mar.xml", "2026-03-31", src=small))["updated"] == 0
    assert len(watch.alerts(store, watch=w["id"])) == 3
