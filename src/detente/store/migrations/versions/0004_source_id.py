"""Schema version 5: the input's own id of each article (``articles.source_id``) and its index.

``source_id`` is the id the input gave the article (JSONL ``id``, front matter ``id``, RSS guid),
kept beside the content hash so that ``detente article SOURCE_ID`` finds it; nullable and not
unique (two feeds may reuse an id). Articles stored before have none (re-ingest gives it). Like
0002 and 0003 it only adds what is missing.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 21:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_INDEX = ("ix_articles_source_id", ["source_id"])


def upgrade() -> None:
    insp = sa.inspect(op.get_bind())
    columns = {c["name"] for c in insp.get_columns("articles")}
    indexes = {i["name"] for i in insp.get_indexes("articles")}
    if "source_id" not in columns:
        with op.batch_alter_table("articles", schema=None) as batch_op:
            batch_op.add_column(sa.Column("source_id", sa.Text(), nullable=True))
    if _INDEX[0] not in indexes:
        with op.batch_alter_table("articles", schema=None) as batch_op:
            batch_op.create_index(_INDEX[0], _INDEX[1], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(_INDEX[0])
        batch_op.drop_column("source_id")
