"""Schema version 4: where each event happens (``events.location_*``) and an index by its country.

Nullable columns ``location_name``, ``location_geonames_id``, ``location_country``,
``location_admin1``, ``location_lat``, ``location_lon``, ``location_precision``,
``location_start``, ``location_end`` (the ``location`` object of the extract JSON, from
``detente.places``), and ``ix_events_location_country`` (location_country, day_first, id) for
``detente events --country-of-location``. Events stored before stay without a location (re-ingest
gives them one). Like 0002 it only adds what is missing.
"""
from __future__ import annotations

import sqlalchemy as sa

from detente.store.migrations import steps

revision = '0003'
down_revision = '0002'

_COLUMNS = (
    ("location_name", sa.Text()), ("location_geonames_id", sa.Integer()),
    ("location_country", sa.String(length=8)), ("location_admin1", sa.Text()),
    ("location_lat", sa.Float()), ("location_lon", sa.Float()),
    ("location_precision", sa.String(length=8)), ("location_start", sa.Integer()),
    ("location_end", sa.Integer()),
)
_INDEX = ("ix_events_location_country", ["location_country", "day_first", "id"])


def upgrade() -> None:
    steps.add_missing("events", _COLUMNS, _INDEX)


def downgrade() -> None:
    steps.drop("events", _COLUMNS, _INDEX)
