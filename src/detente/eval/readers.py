"""Gold readers: detente's YAML article gold and PETRARCH-style CAMEO XML → ``GoldItem``.

``detente.eval.gold.read_gold(paths, actor_files)`` takes files and folders (folders: their ``*.yml``/``*.yaml`` and
``*.xml`` files, sorted) and returns every unit of gold. An unreadable file raises ``GoldError``
with one line naming it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from detente.records import Record
from detente.eval import cameo
from detente.eval.types import EVENT_FIELDS, GoldActor, GoldChange, GoldEvent, GoldEventBase, GoldItem, GoldQuote
from detente.models import Precision, first_error

#: what CAMEO gold can score: it has no event dates, statuses, relation changes or quotes
XML_FIELDS = ("event", "type", "source", "target", "dyad")


class GoldError(Exception):
    """Gold that cannot be read: one line, naming the file (and record)."""


# ---------------------------------------------------------------------------------------------
# YAML (docs/gold-format.md)


def _date_to_str(v: Any) -> Any:
    """Unquoted YAML dates (``2025-04-17``, ``2003``) as the ISO strings the gold means."""
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v) if isinstance(v, int) else v


class _YDated(Record):
    """As written in a gold YAML file: unknown keys are errors; a YAML date is read as its ISO string."""

    @field_validator("date", "date_end", mode="before", check_fields=False)
    @classmethod
    def _date_str(cls, v: Any) -> Any:
        return _date_to_str(v)


class _YEvent(_YDated, GoldEventBase):
    source: str | dict[str, Any] | None = None
    target: str | dict[str, Any] | None = None


class _YChange(_YDated, GoldChange):
    """A relation change as written in a gold YAML file."""


class _YQuote(GoldQuote):
    """A quote as written in a gold YAML file (unknown keys are errors)."""

    model_config = ConfigDict(extra="forbid")


class _YAbsent(Record):
    sentence: str


class _YGold(Record):
    article: str
    published: dt.date | None = None
    events: list[_YEvent] = Field(default_factory=list)
    relation_changes: list[_YChange] = Field(default_factory=list)
    quotes: list[_YQuote] = Field(default_factory=list)
    absent: list[_YAbsent] = Field(default_factory=list)


def _yaml_actor(value: str | dict[str, Any] | None) -> GoldActor | None:
    if value is None:
        return None
    if isinstance(value, str):
        return GoldActor(id=value.strip().upper(), country=None, sector=None, code=value)
    return GoldActor(id=value.get("id"), country=value.get("country"), sector=value.get("sector"),
                     code=value.get("id"))


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """``---`` YAML front matter and the body after it (the body is the article text)."""
    if not text.startswith("---"):
        return {}, text
    m = re.match(r"^---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)", text, re.S)
    if not m:
        return {}, text
    meta = yaml.safe_load(m.group(1)) or {}
    return (meta if isinstance(meta, dict) else {}), text[m.end():]


def _find_article(gold_file: Path, name: str) -> Path | None:
    cands = [gold_file.parent / name, Path.cwd() / "examples" / "corpus" / name, Path.cwd() / name]
    for parent in gold_file.resolve().parents:
        cands.append(parent / "examples" / "corpus" / name)
    return next((c for c in cands if c.is_file()), None)


def _read_article(path: Path) -> tuple[str, dict[str, Any]]:
    """Article body and metadata; via ``detente.ingest.read_paths`` where it reads the file."""
    meta: dict[str, Any] = {}
    text: str | None = None
    try:
        from detente.ingest import IngestError, read_paths

        for got in read_paths([path]):
            if isinstance(got, IngestError):
                raise GoldError(f"{path}: {got.reason}")
            text = got.text
            meta = {"title": got.title, "published": got.published, "source": got.source}
            break
    except ImportError:  # pragma: no cover - ingest always importable in this package
        pass
    if text is None:
        text = path.read_text(encoding="utf-8")
    if text.startswith("---"):  # a reader that keeps front matter: strip it here
        fm, text = split_front_matter(text)
        meta = {k: fm.get(k, meta.get(k)) for k in ("title", "published", "source")}
    return text, meta


M = TypeVar("M", bound=BaseModel)


def validated(model: type[M], raw: Any, where: str) -> M:
    """``raw`` as ``model``, else ``GoldError`` naming the first bad field after ``where``."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise GoldError(f"{where}{first_error(exc)}") from exc


def read_yaml_gold(path: Path) -> GoldItem:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot read YAML: {str(exc).splitlines()[0]}") from exc
    gold = validated(_YGold, raw, f"{path}: ")
    art = _find_article(path, gold.article)
    if art is None:
        raise GoldError(f"{path}: article {gold.article!r} not found (looked in examples/corpus/)")
    text, meta = _read_article(art)
    published = gold.published or _as_date(meta.get("published"))
    events = [
        GoldEvent(type=e.type.upper(), mode=e.mode, source=_yaml_actor(e.source), target=_yaml_actor(e.target),
                  date=e.date, date_precision=e.date_precision or infer_precision(e.date), date_end=e.date_end,
                  status=e.status, sentence=e.sentence, cameo=e.cameo)
        for e in gold.events
    ]
    changes = [GoldChange(**c.model_dump()) for c in gold.relation_changes]
    for c in changes:
        if c.date and not c.date_precision:
            c.date_precision = infer_precision(c.date)
    quotes = [GoldQuote(**q.model_dump()) for q in gold.quotes]
    return GoldItem(
        id=path.stem, origin=str(path), kind="article", text=text, published=published,
        title=meta.get("title"), source_name=meta.get("source"), events=events,
        relation_changes=changes, quotes=quotes, absent=[a.sentence for a in gold.absent],
    )


def _as_date(v: Any) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v[:10])
        except ValueError:
            return None
    return None


def infer_precision(date: str | None) -> Precision | None:
    if not date:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(date))


# ---------------------------------------------------------------------------------------------
# PETRARCH-style XML
#
# The validation files are not well-formed XML: many <Sentence .../> start tags are self-closed and
# still followed by </Sentence>, and free text (# banners) sits between elements. They are read as
# a sequence of records instead: each <Sentence …> tag opens a record that runs to the next one.

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b([^>]*?)/?>")
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ATTR = re.compile(r"(\w+)\s*=\s*\"([^\"]*)\"")
_END = re.compile(r"</Sentences>")


def _attrs(s: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(s)}


def parse_cameo_date(value: str | None) -> dt.date | None:
    """``YYYYMMDD`` (or ``YYMMDD``, read as 20YY) → date; anything else → None."""
    if not value or not value.isdigit():
        return None
    try:
        if len(value) == 8:
            return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
        if len(value) == 6:
            return dt.date(2000 + int(value[:2]), int(value[2:4]), int(value[4:]))
    except ValueError:
        return None
    return None


def read_xml_gold(path: Path, actor_files: Sequence[str] = ()) -> list[GoldItem]:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from exc
    body = _COMMENT.sub("", raw)
    end = _END.search(body)
    if end:
        body = body[: end.start()]
    starts = list(_SENTENCE.finditer(body))
    if not starts:
        raise GoldError(f"{path}: no <Sentence> records: not PETRARCH-style gold")
    try:
        table = cameo.actor_table(tuple(actor_files))
    except cameo.CameoError as exc:
        raise GoldError(str(exc)) from exc
    items: list[GoldItem] = []
    for k, m in enumerate(starts):
        attrs = _attrs(m.group(1))
        rec = body[m.end(): starts[k + 1].start() if k + 1 < len(starts) else len(body)]
        sid = attrs.get("id") or f"record{k + 1}"
        if attrs.get("evaluate", "true").lower() == "false":
            continue
        t = _TEXT.search(rec)
        if t is None:
            raise GoldError(f"{path}: sentence {sid}: no <Text>")
        text = " ".join(html.unescape(t.group(1)).split())
        events: list[GoldEvent] = []
        unmapped: list[str] = []
        for c in _CODING.finditer(rec[: t.start()] + rec[t.end():]):
            ca = _attrs(c.group(1))
            if ca.get("noevents", "").lower() == "true" or "eventcode" not in ca:
                continue
            code = ca["eventcode"].strip()
            src, tgt = ca.get("sourcecode", ""), ca.get("targetcode", "")
            pl = cameo.plover_for(code)
            if pl is None:
                unmapped.append(f"{code} {src}→{tgt}")
                continue
            events.append(GoldEvent(
                type=pl.type, mode=pl.mode, source=cameo.actor_for(src, table),
                target=cameo.actor_for(tgt, table), cameo=code, sentence=None,
            ))
        items.append(GoldItem(
            id=f"{path.stem}#{sid}", origin=f"{path}#{sid}", kind="sentence", text=text,
            published=parse_cameo_date(attrs.get("date")), source_name=attrs.get("category"),
            events=events, fields=XML_FIELDS, unmapped=unmapped,
        ))
    return items


# ---------------------------------------------------------------------------------------------


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.iterdir() if f.suffix.lower() in (".yml", ".yaml", ".xml"))
            if not found:
                raise GoldError(f"{path}: no gold files (*.yml, *.yaml, *.xml)")
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            raise GoldError(f"{path}: no such file or folder")
    return out


__all__ = [
    "EVENT_FIELDS", "GoldError", "XML_FIELDS", "gold_files", "infer_precision", "parse_cameo_date",
    "read_xml_gold", "read_yaml_gold", "split_front_matter",
]
