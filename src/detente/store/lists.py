"""Imported lists (sanctions and terrorist lists) in the store: entries and their designation changes.

The import itself (what a list says, relisting, delisting of entries a complete list lacks, watch
alerts) is ``detente.datasets.base.write_entries``; these are its statements, run in its transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, delete, select
from sqlalchemy.engine import Connection

from detente.store import schema


def stored_entries(conn: Connection, dataset: str) -> dict[str, dict[str, Any]]:
    """``{entry id: list_entries row}`` of a dataset."""
    le = schema.list_entries
    return {r.entry_id: dict(r._mapping) for r in conn.execute(select(le).where(le.c.dataset == dataset))}


def write_entry(conn: Connection, row: dict[str, Any], stored: bool, changes: list[dict[str, Any]]) -> None:
    """Insert a list entry, or (``stored``) update it and replace the changes the list made for it;
    then insert its ``relation_changes`` rows."""
    le, rc = schema.list_entries, schema.relation_changes
    if stored:
        conn.execute(le.update().where(and_(le.c.dataset == row["dataset"], le.c.entry_id == row["entry_id"]))
                     .values(**row))
        conn.execute(delete(rc).where(and_(rc.c.dataset == row["dataset"], rc.c.external_id == row["entry_id"],
                                           rc.c.article_id.is_(None))))
    else:
        conn.execute(le.insert().values(**row))
    for change in changes:
        conn.execute(rc.insert().values(**change))
