"""Schema version 5: the input's own id of each article (``articles.source_id``) and its index.

``source_id`` is the id the input gave the article (JSONL ``id``, front matter ``id``, RSS guid),
kept beside the content hash so that ``detente article SOURCE_ID`` finds it; nullable and not
unique (two feeds may reuse an id). Articles stored before have none (re-ingest gives it). Like
0002 and 0003 it only adds what is missing.
"""
from __future__ import annotations

import sqlalchemy as sa

from detente.store.migrations import steps

revision = '0004'
down_revision = '0003'

_COLUMNS = (("source_id", sa.Text()),)
_INDEX = ("ix_articles_source_id", ["source_id"])


def upgrade() -> None:
    steps.add_missing("articles", _COLUMNS, _INDEX)


def downgrade() -> None:
    steps.drop("articles", _COLUMNS, _INDEX)
