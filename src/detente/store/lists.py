"""Imported lists (sanctions and terrorist lists) in the store: entries and their designation changes."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, delete, select

from detente.store import schema


def write_list_entries(store, dataset: str, items: Sequence[tuple[dict, list[dict]]]) -> tuple[int, int]:
    """Upsert list entries (by dataset + entry id) with their ``relation_changes`` rows, in one
    transaction: an entry already stored is updated and its list-made changes replaced.

    ``items``: (``list_entries`` row, its ``relation_changes`` rows). Returns (inserted, updated),
    where "updated" counts the stored entries whose values changed.
    """
    le, rc = schema.list_entries, schema.relation_changes
    inserted = updated = 0
    with store.engine.begin() as conn:
        stored = {r.entry_id: dict(r._mapping) for r in conn.execute(select(le).where(le.c.dataset == dataset))}
        for row, changes in items:
            entry_id = row["entry_id"]
            if entry_id in stored:
                conn.execute(le.update().where(and_(le.c.dataset == dataset, le.c.entry_id == entry_id))
                             .values(**row))
                conn.execute(delete(rc).where(and_(rc.c.dataset == dataset, rc.c.external_id == entry_id,
                                                   rc.c.article_id.is_(None))))
                updated += stored[entry_id] != row
            else:
                conn.execute(le.insert().values(**row))
                inserted += 1
            for change in changes:
                conn.execute(rc.insert().values(**change))
    return inserted, updated
