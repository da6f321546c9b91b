"""Schema version 4: where each event happens (``events.location_*``) and an index by its country.

Nullable columns ``location_name``, ``location_geonames_id``, ``location_country``,
``location_admin1``, ``location_lat``, ``location_lon``, ``location_precision``,
``location_start``, ``location_end`` (the ``location`` object of the extract JSON, from
``detente.places``), and ``ix_events_location_country`` (location_country, day_first, id) for
``detente events --country-of-location``. Events stored before stay without a location (re-ingest
gives them one). Like 0002 it only adds what is missing.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 18:45:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_COLUMNS = (
    ("location_name", sa.Text()), ("location_geonames_id", sa.Integer()),
    ("location_country", sa.String(length=8)), ("location_admin1", sa.Text()),
    ("location_lat", sa.Float()), ("location_lon", sa.Float()),
    ("location_precision", sa.String(length=8)), ("location_start", sa.Integer()),
    ("location_end", sa.Integer()),
)
_INDEX = ("ix_events_location_country", ["location_country", "day_first", "id"])


def upgrade() -> None:
    insp = sa.inspect(op.get_bind())
    columns = {c["name"] for c in insp.get_columns("events")}
    indexes = {i["name"] for i in insp.get_indexes("events")}
    with op.batch_alter_table("events", schema=None) as batch_op:
        for name, type_ in _COLUMNS:
            if name not in columns:
                batch_op.add_column(sa.Column(name, type_, nullable=True))
    if _INDEX[0] not in indexes:
        with op.batch_alter_table("events", schema=None) as batch_op:
            batch_op.create_index(_INDEX[0], _INDEX[1], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(_INDEX[0])
        for name, _type in reversed(_COLUMNS):
            batch_op.drop_column(name)
