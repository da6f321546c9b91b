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
    sa.Table(
        "watches", meta,
        C("id", sa.Integer(), primary_key=True, autoincrement=True),
        C("dimension", sa.String(16), nullable=False),
        C("source", sa.String(64), nullable=False),
        C("target", sa.String(64), nullable=False),
        C("value_in", sa.JSON()),
        C("min_confidence", sa.Float()),
        C("min_reports", sa.Integer()),
        C("webhook", sa.Text()),
        C("label", sa.Text()),
        C("created_at", sa.Text(), nullable=False),
    )
    sa.Table(
        "alerts", meta,
        C("id", sa.Integer(), primary_key=True, autoincrement=True),
        C("watch_id", sa.Integer(), sa.ForeignKey("watches.id", ondelete="CASCADE"), nullable=False),
        C("source", sa.String(64), nullable=False),
        C("target", sa.String(64), nullable=False),
        C("dimension", sa.String(16), nullable=False),
        C("agreement", sa.Text(), nullable=False),
        C("value_before", sa.String(32), nullable=False),
        C("value_after", sa.String(32), nullable=False),
        C("before", sa.JSON()),
        C("after", sa.JSON()),
        C("date", sa.String(10)),
        C("date_precision", sa.String(8)),
        C("day_first", sa.Date()),
        C("text", sa.Text(), nullable=False),
        C("created_at", sa.Text(), nullable=False),
        C("updated_at", sa.Text(), nullable=False),
        sa.Index("ix_alerts_watch", "watch_id", "source", "target", "dimension"),
        sa.Index("ix_alerts_created", "created_at", "id"),
    )
    sa.Table(
        "alert_evidence", meta,
        C("alert_id", sa.Integer(), sa.ForeignKey("alerts.id", ondelete="CASCADE"), primary_key=True),
        C("origin", sa.String(256), primary_key=True),
        C("article_id", sa.String(16)),
        C("dataset", sa.String(64)),
        C("external_id", sa.String(128)),
        C("sentence", sa.Text()),
        C("start", sa.Integer()),
        C("end", sa.Integer()),
        C("date", sa.String(10)),
        C("confidence", sa.Float()),
        C("added_at", sa.Text(), nullable=False),
    )
    sa.Table(
        "webhook_deliveries", meta,
        C("id", sa.Integer(), primary_key=True, autoincrement=True),
        C("alert_id", sa.Integer(), sa.ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
        C("url", sa.Text(), nullable=False),
        C("attempt", sa.Integer(), nullable=False),
        C("status_code", sa.Integer()),
        C("ok", sa.Integer(), nullable=False),
        C("error", sa.Text()),
        C("sent_at", sa.Text(), nullable=False),
        sa.Index("ix_webhook_alert", "alert_id", "attempt"),
    )
