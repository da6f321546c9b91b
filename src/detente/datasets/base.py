"""The shapes shared by dataset importers, and the one writer for all of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import and_, delete, select

from detente.store import schema


class DatasetError(Exception):
    """A dataset file that cannot be imported: one clear line."""


class DatasetMetadata(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    title: str
    publisher: str
    url: str | None = None
    format: str
    authority: str
    source_actor: str
    target_prefix: str
    regimes: dict[str, str] = Field(default_factory=dict)


class ListEntry(BaseModel):
    """One entry of a list, FtM-flavoured (``schema`` is Person / Organization / LegalEntity)."""

    dataset: str
    entry_id: str
    schema_: Literal["Person", "Organization", "LegalEntity"] = Field(alias="schema")
    name: str
    aliases: list[str] = Field(default_factory=list)
    program: str | None = None
    reference: str | None = None
    listed_on: dt.date | None = None
    delisted_on: dt.date | None = None
    authority: str | None = None
    actor_id: str | None = None
    raw: dict[str, Any] = Field(default_factory=dict)

    model_config = ConfigDict(populate_by_name=True)


MIN_RESOLVE_SCORE = 0.95


def default_resolver() -> Callable[[ListEntry], str | None]:
    """Resolve organisations (name, then aliases) against the actor KB; people are not resolved."""
    from detente.actors import load_kb

    kb = load_kb()

    def resolve(entry: ListEntry) -> str | None:
        if entry.schema_ == "Person":
            return None
        for name in [entry.name, *entry.aliases]:
            try:
                res = kb.resolve(name, read=False)  # names, not phrases: no parse per entry
            except Exception:  # a KB still being built must not break an import
                return None
            actor_id = getattr(res, "id", None) if res is not None else None
            score = getattr(res, "score", 1.0) if res is not None else 0.0
            # only confident matches: "Tehrik-e Taliban Pakistan" must not become TALIBAN
            if actor_id and (score is None or score >= MIN_RESOLVE_SCORE):
                return actor_id
        return None

    return resolve


def _sentence(meta: DatasetMetadata, e: ListEntry) -> str:
    when = f" on {e.listed_on.isoformat()}" if e.listed_on else ""
    prog = f" ({e.program})" if e.program else ""
    return f"{e.name} [{e.reference or e.entry_id}] listed{when} on the {meta.title}{prog}."


def write_entries(store, meta: DatasetMetadata, entries: Sequence[ListEntry],
                  resolve: Callable[[ListEntry], str | None] | None = None) -> dict:
    """Upsert ``entries`` (by dataset + entry id) and their designation changes, in one transaction."""
    resolve = resolve or default_resolver()
    le, rc = schema.list_entries, schema.relation_changes
    seen: set[str] = set()
    inserted = updated = 0
    with store.engine.begin() as conn:
        stored = {r.entry_id: dict(r._mapping) for r in conn.execute(select(le).where(le.c.dataset == meta.name))}
        existing = set(stored)
        for e in entries:
            if e.entry_id in seen:
                continue
            seen.add(e.entry_id)
            actor_id = e.actor_id or resolve(e)
            target = actor_id or f"{meta.target_prefix}{e.reference or e.entry_id}"
            row = {
                "dataset": meta.name, "entry_id": e.entry_id, "schema": e.schema_, "name": e.name,
                "aliases": e.aliases, "program": e.program, "reference": e.reference,
                "listed_on": e.listed_on, "delisted_on": e.delisted_on,
                "authority": e.authority or meta.authority, "actor_id": actor_id, "raw": e.raw,
            }
            if e.entry_id in existing:
                conn.execute(le.update().where(and_(le.c.dataset == meta.name, le.c.entry_id == e.entry_id))
                             .values(**row))
                conn.execute(delete(rc).where(and_(rc.c.dataset == meta.name, rc.c.external_id == e.entry_id,
                                                   rc.c.article_id.is_(None))))
                updated += stored[e.entry_id] != row  # "updated": entries whose values changed
            else:
                conn.execute(le.insert().values(**row))
                inserted += 1
            detail = {"program": e.program, "reference": e.reference,
                      "authority": e.authority or meta.authority, "schema": e.schema_}
            if e.program and e.program in meta.regimes:
                detail["regime"] = meta.regimes[e.program]
            changes = [("listed", e.listed_on)]
            if e.delisted_on:
                changes.append(("delisted", e.delisted_on))
            for idx, (value, day) in enumerate(changes):
                conn.execute(rc.insert().values(
                    article_id=None, dataset=meta.name, external_id=e.entry_id, idx=idx,
                    source=meta.source_actor, target=target, dimension="designation", value=value,
                    date=day.isoformat() if day else None, date_precision="day" if day else None,
                    day_first=day, detail=detail, sentence=_sentence(meta, e), start=None, end=None,
                    confidence=1.0, rule=f"dataset.{meta.name}",
                ))
    return {"dataset": meta.name, "entries": len(seen), "inserted": inserted, "updated": updated}
