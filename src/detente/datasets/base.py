"""The shapes shared by dataset importers, and the one writer for all of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from detente.records import Record
from detente.store import lists


class DatasetError(Exception):
    """A dataset file that cannot be imported: one clear line."""


class DatasetMetadata(Record):

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
    from detente.actors import KBError, load_kb

    kb = load_kb()

    def resolve(entry: ListEntry) -> str | None:
        if entry.schema_ == "Person":
            return None
        for name in [entry.name, *entry.aliases]:
            try:
                res = kb.resolve(name, read=False)  # names, not phrases: no parse per entry
            except (KBError, LookupError, ValueError):  # an alias the KB cannot read: the list's own id
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
                  resolve: Callable[[ListEntry], str | None] | None = None,
                  list_date: dt.date | None = None) -> dict:
    """Upsert ``entries`` (by dataset + entry id) and their designation changes, in one transaction.

    ``list_date``: the date of a complete list; stored entries it lacks are recorded as delisted on
    that date, and delisted entries it has again as relisted (unless a list of a later date was
    imported before). Watches get their alerts in the
    same transaction (``detente.watch``).
    """
    from detente import watch
    from detente.store import watches as watch_sql

    resolve = resolve or default_resolver()
    seen: set[str] = set()
    inserted = updated = 0
    delisted: list[str] = []
    with store.engine.begin() as conn:
        before = watch.dataset_snapshot(conn, meta.name)
        last = watch_sql.stored_list_date(conn, meta.name)
        newest = list_date is not None and (last is None or list_date >= last)  # a complete list, not older
        stored = lists.stored_entries(conn, meta.name)
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
            if e.entry_id in stored and stored[e.entry_id] == row:
                continue  # unchanged: its changes stay as they were recorded
            if e.entry_id in stored:
                updated += 1  # "updated": entries whose values changed
            else:
                inserted += 1
            detail = {"program": e.program, "reference": e.reference,
                      "authority": e.authority or meta.authority, "schema": e.schema_}
            if e.program and e.program in meta.regimes:
                detail["regime"] = meta.regimes[e.program]
            changes = [("listed", e.listed_on)]
            if e.delisted_on:
                changes.append(("delisted", e.delisted_on))
            elif newest and e.entry_id in stored and stored[e.entry_id]["delisted_on"]:
                # back on the list after it was delisted: the delisting stays, relisted on the list's date
                changes += [("delisted", stored[e.entry_id]["delisted_on"]), ("listed", list_date)]
            lists.write_entry(conn, row, e.entry_id in stored, [{
                "article_id": None, "dataset": meta.name, "external_id": e.entry_id, "idx": idx,
                "source": meta.source_actor, "target": target, "dimension": "designation", "value": value,
                "date": day.isoformat() if day else None, "date_precision": "day" if day else None,
                "day_first": day, "detail": detail, "sentence": _sentence(meta, e), "start": None, "end": None,
                "confidence": 1.0, "rule": f"dataset.{meta.name}",
            } for idx, (value, day) in enumerate(changes)])
        if newest:
            delisted = watch_sql.delist_missing(
                conn, meta.name, seen, list_date, f"dataset.{meta.name}.delisted",
                f"{{name}} [{{ref}}] removed from the {meta.title}: not on the list of {{day}}.")
            watch_sql.set_list_date(conn, meta.name, list_date)
        alerts = watch.record_for_dataset(conn, meta.name, before)
    if alerts:
        store.deliver(alerts)
    return {"dataset": meta.name, "entries": len(seen), "inserted": inserted, "updated": updated,
            "delisted": len(delisted)}
