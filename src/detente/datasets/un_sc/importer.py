"""UN Security Council Consolidated List (``consolidated.xml``) → :class:`ListEntry`.

Streams the file with ``lxml.etree.iterparse`` (one ``INDIVIDUAL``/``ENTITY`` element at a time,
cleared after use). ``list_date`` reads the root's ``dateGenerated``: the list is complete, so
its entries missing from a later file are delisted. A malformed or truncated file raises ``DatasetError`` with the line number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from detente.datasets.base import DatasetError, DatasetMetadata, ListEntry

_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_KINDS = {"INDIVIDUAL": "Person", "ENTITY": "Organization"}


def _text(el, tag: str) -> str | None:
    child = el.find(tag)
    if child is None or child.text is None:
        return None
    value = " ".join(child.text.split())
    return value or None


def _day(value: str | None) -> dt.date | None:
    """``2001-10-06`` (sometimes with a zone suffix, ``2015-04-07-04:00``) → date."""
    if not value:
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})", value)
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None


def _entry(el, meta: DatasetMetadata) -> ListEntry:
    kind = _KINDS[el.tag]
    name = " ".join(p for p in (_text(el, t) for t in _NAME_PARTS) if p)
    reference = _text(el, "REFERENCE_NUMBER")
    aliases = []
    for alias in el.iterfind(f"{el.tag}_ALIAS"):
        a = _text(alias, "ALIAS_NAME")
        if a and a not in aliases and a != name:
            aliases.append(a)
    original = _text(el, "NAME_ORIGINAL_SCRIPT")
    if original and original not in aliases:
        aliases.append(original)
    raw = {
        "dataid": _text(el, "DATAID"),
        "list_type": _text(el, "UN_LIST_TYPE"),
        "listed_on": _text(el, "LISTED_ON"),
        "comments": _text(el, "COMMENTS1"),
        "nationality": [v.text.strip() for v in el.iterfind("NATIONALITY/VALUE") if v.text and v.text.strip()],
        "last_updated": [v.text.strip() for v in el.iterfind("LAST_DAY_UPDATED/VALUE") if v.text and v.text.strip()],
    }
    return ListEntry(
        dataset=meta.name, entry_id=reference or f"DATAID:{raw['dataid']}", schema=kind,
        name=name or (reference or ""), aliases=aliases, program=_text(el, "UN_LIST_TYPE"),
        reference=reference, listed_on=_day(_text(el, "LISTED_ON")), authority=meta.authority,
        raw={k: v for k, v in raw.items() if v},
    )


def list_date(path: Path) -> dt.date | None:
    """The list's ``dateGenerated`` (the root's attribute), or None."""
    try:
        for _event, el in etree.iterparse(str(path), events=("start",), huge_tree=True):
            return _day(el.get("dateGenerated"))
    except (etree.XMLSyntaxError, OSError) as exc:
        raise DatasetError(f"{path}: cannot read the list's date: {exc}") from None
    return None


def parse(path: Path, meta: DatasetMetadata) -> Iterator[ListEntry]:
    if not path.is_file():
        raise DatasetError(f"{path}: file not found")
    root_seen = False
    try:
        for event, el in etree.iterparse(str(path), events=("start", "end"), huge_tree=True):
            if event == "start":
                if not root_seen:
                    root_seen = True
                    if el.tag != "CONSOLIDATED_LIST":
                        raise DatasetError(f"{path}: not a UN SC consolidated list (root <{el.tag}>)")
                continue
            if el.tag in _KINDS and el.getparent() is not None and el.getparent().tag in ("INDIVIDUALS", "ENTITIES"):
                yield _entry(el, meta)
                el.clear(keep_tail=True)
                parent = el.getparent()
                while el.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno is not None else (exc.position[0] if exc.position else "?")
        msg = str(exc.msg if hasattr(exc, "msg") and exc.msg else exc).split(", line")[0]
        raise DatasetError(f"{path}: malformed XML at line {line}: {msg}") from None
    except OSError as exc:
        raise DatasetError(f"{path}: cannot read: {exc}") from None
