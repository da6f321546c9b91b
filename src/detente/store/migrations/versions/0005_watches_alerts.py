"""Schema version 6: watches, alerts and their evidence, webhook attempts; when a change was recorded.

New tables ``watches``, ``alerts``, ``alert_evidence``, ``webhook_deliveries`` (``detente.watch``)
and ``relation_changes.recorded_at`` with the index ``ix_relchg_recorded`` (recorded_at, id) for
``detente changes --recorded-since``. Changes stored before take their article's ``ingested_at``
(list changes stay null: when they were imported is not known). Like 0002 and 0003 it only adds
what is missing.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from detente.store.columns import columns
from detente.store.migrations import steps

revision = '0005'
down_revision = '0004'

_NEW_TABLES = ("watches", "alerts", "alert_evidence", "webhook_deliveries")  # in dependency order
_RECORDED = (("recorded_at", sa.Text()),)
_RECORDED_INDEX = ("ix_relchg_recorded", ["recorded_at", "id"])


def upgrade() -> None:
    bind = op.get_bind()
    insp = sa.inspect(bind)
    have = set(insp.get_table_names())
    # the tables as this revision defines them (a later schema may add columns in its own revision)
    meta = sa.MetaData()
    _tables(meta)
    for name in _NEW_TABLES:
        if name not in have:
            meta.tables[name].create(bind)
    if steps.add_missing("relation_changes", _RECORDED, _RECORDED_INDEX):
        op.execute(
            "UPDATE relation_changes SET recorded_at = "
            "(SELECT ingested_at FROM articles WHERE articles.id = relation_changes.article_id) "
            "WHERE recorded_at IS NULL AND article_id IS NOT NULL"
        )


def downgrade() -> None:
    steps.drop("relation_changes", _RECORDED, _RECORDED_INDEX)
    for name in reversed(_NEW_TABLES):
        op.drop_table(name)


def _tables(meta: sa.MetaData) -> None:
    C = sa.Column
    serial = ("id", sa.Integer())
    sa.Table(
        "watches", meta,
        C(*serial, primary_key=True, autoincrement=True),
        *columns("dimension:str16! source:str64! target:str64! value_in:json min_confidence:float min_reports:int"),
        *columns("webhook:text label:text created_at:text!"),
    )
    sa.Table(
        "alerts", meta,
        C(*serial, primary_key=True, autoincrement=True),
        C("watch_id", sa.Integer(), sa.ForeignKey("watches.id", ondelete="CASCADE"), nullable=False),
        *columns("source:str64! target:str64! dimension:str16! agreement:text! value_before:str32! value_after:str32!"),
        *columns("before:json after:json date:str10 date_precision:str8 day_first:date text:text!"),
        *columns("created_at:text! updated_at:text!"),
        sa.Index("ix_alerts_watch", "watch_id", "source", "target", "dimension"),
        sa.Index("ix_alerts_created", "created_at", "id"),
    )
    sa.Table(
        "alert_evidence", meta,
        C("alert_id", sa.Integer(), sa.ForeignKey("alerts.id", ondelete="CASCADE"), primary_key=True),
        C("origin", sa.String(256), primary_key=True),
        *columns("article_id:str16 dataset:str64 external_id:str128 sentence:text start:int end:int"),
        *columns("date:str10 confidence:float added_at:text!"),
    )
    sa.Table(
        "webhook_deliveries", meta,
        C(*serial, primary_key=True, autoincrement=True),
        C("alert_id", sa.Integer(), sa.ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
        *columns("url:text! attempt:int! status_code:int ok:int! error:text sent_at:text!"),
        sa.Index("ix_webhook_alert", "alert_id", "attempt"),
    )
