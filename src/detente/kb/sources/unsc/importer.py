"""UN Security Council Consolidated List → listed people and organisations as KB actors.

The list (``../un-sc/consolidated.xml`` next to the actor data; the ``un-sc`` dataset reads the same
file for designations) names each listed individual with nationality and sanctions programme
(``UN_LIST_TYPE``), and each entity with its addresses. Every individual becomes a person with one
open role: whom they work for and in which sector, by programme (``programmes.yml``, validated);
every entity an organisation of the programme's kind and sector, of its first address's country
(else the programme's state). Names in capitals are title-cased; aliases of quality "Good",
"a.k.a." and "f.k.a." are kept ("Low" ones — bare kunyas, partial names — are not), and names of
four characters or fewer are dropped (an acronym such as "ADF" names other bodies too).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from detente.kb.model import Entity, RoleRec, titlecase
from detente.records import Record
from detente.wordlists import DataFile

SOURCE = "unsc"
FILE = Path("..") / "un-sc" / "consolidated.xml"
KEPT_QUALITIES = frozenset({"good", "a.k.a.", "f.k.a.", ""})
MIN_NAME = 5
_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


class Programme(Record):
    """How one sanctions programme's listed people and entities are read (``programmes.yml``)."""

    actor: str | None = None
    state: str | None = None
    sector: str | None = None
    org: tuple[str, str]


class ProgrammesFile(DataFile):
    programmes: dict[str, Programme]


def programmes() -> dict[str, Programme]:
    return ProgrammesFile.read(Path(__file__).parent / "programmes.yml").programmes


def _text(el, tag: str) -> str:
    child = el.find(tag)
    return " ".join((child.text or "").split()) if child is not None else ""


def _name(raw: str) -> str:
    return titlecase(raw) if raw.isupper() else raw


def _country(value: str) -> str | None:
    import countrynames

    return countrynames.to_code_3(value) if value else None


def _names(el, tag: str) -> tuple[str, list[str]]:
    name = _name(" ".join(p for p in (_text(el, t) for t in _PARTS) if p))
    aliases = []
    for a in el.iterfind(f"{tag}_ALIAS"):
        n = _name(_text(a, "ALIAS_NAME"))
        if n and _text(a, "QUALITY").lower() in KEPT_QUALITIES and n != name and n not in aliases:
            aliases.append(n)
    names = [n for n in [name, *aliases] if len(n) >= MIN_NAME]
    return (names[0], names[1:]) if names else ("", [])


def load(folder: Path) -> Iterator[Entity]:
    path = folder / FILE
    progs = programmes()
    root = etree.parse(str(path)).getroot()
    for el in root.iterfind("INDIVIDUALS/INDIVIDUAL"):
        prog = progs.get(_text(el, "UN_LIST_TYPE"))
        name, aliases = _names(el, "INDIVIDUAL")
        if prog is None or not name:
            continue
        nationality = next((c for c in (_country(v.text or "") for v in el.iterfind("NATIONALITY/VALUE")) if c), None)
        served = prog.actor or nationality or prog.state
        if served is None:
            continue
        title = f"listed by the UN Security Council ({_text(el, 'UN_LIST_TYPE')})"
        yield Entity(SOURCE, _text(el, "REFERENCE_NUMBER") or _text(el, "DATAID"), "person", name, aliases,
                     country=nationality or prog.state,
                     roles=[RoleRec(actor=served, sector=prog.sector, title=title, source=SOURCE)])
    for el in root.iterfind("ENTITIES/ENTITY"):
        prog = progs.get(_text(el, "UN_LIST_TYPE"))
        name, aliases = _names(el, "ENTITY")
        if prog is None or not name:
            continue
        country = next((c for c in (_country(_text(a, "COUNTRY")) for a in el.iterfind("ENTITY_ADDRESS")) if c),
                       None) or prog.state
        kind, sector = prog.org
        yield Entity(SOURCE, _text(el, "REFERENCE_NUMBER") or _text(el, "DATAID"), kind, name, aliases,
                     country=country, sector=sector)
