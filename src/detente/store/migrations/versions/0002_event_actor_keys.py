"""Schema version 3: one resolved actor key per event side, and indexes for actor/dyad queries.

``events.source_key`` / ``events.target_key`` hold ``coalesce(<side>_id, <side>_country)`` — the
actor the side stands for — so that "events of actor A" is one equality an index can serve instead
of ``id = A OR (id IS NULL AND country = A)``. Existing rows are filled here; new rows by
``detente.store.write`` (and the column default in ``detente.store.schema``).

Written so that it can run on a store whose tables already have these columns or indexes (a store
created from the current ``schema.metadata`` and then stamped at the baseline): it only adds what
is missing.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'

_INDEXES = {
    "ix_events_key_dyad": ["source_key", "target_key", "day_first", "id"],
    "ix_events_key_source": ["source_key", "day_first", "id"],
    "ix_events_key_target": ["target_key", "day_first", "id"],
}


def upgrade() -> None:
    insp = sa.inspect(op.get_bind())
    columns = {c["name"] for c in insp.get_columns("events")}
    indexes = {i["name"] for i in insp.get_indexes("events")}
    with op.batch_alter_table("events", schema=None) as batch_op:
        for name in ("source_key", "target_key"):
            if name not in columns:
                batch_op.add_column(sa.Column(name, sa.String(length=64), nullable=True))
    op.execute(
        "UPDATE events SET source_key = coalesce(source_id, source_country), "
        "target_key = coalesce(target_id, target_country) "
        "WHERE source_key IS NULL OR target_key IS NULL"
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        for name, cols in _INDEXES.items():
            if name not in indexes:
                batch_op.create_index(name, cols, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        for name in _INDEXES:
            batch_op.drop_index(name)
        batch_op.drop_column("target_key")
        batch_op.drop_column("source_key")
