"""Steps the revisions share: add what a table lacks, drop it again.

A revision may run on a store whose tables already have its columns or indexes (created from the
current ``schema.metadata``, then stamped at an older revision), so it adds only what is missing.
Keep these signatures: the revisions in ``versions/`` call them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

Columns = Sequence[tuple[str, sa.types.TypeEngine]]
IndexSpec = tuple[str, list[str]]


def add_missing(table: str, columns: Columns, index: IndexSpec | None = None) -> set[str]:
    """Add the nullable ``columns`` and the ``index`` (name, columns) that ``table`` lacks; the
    names of the columns added."""
    insp = sa.inspect(op.get_bind())
    have = {c["name"] for c in insp.get_columns(table)}
    indexes = {i["name"] for i in insp.get_indexes(table)}
    added = {name for name, _type in columns if name not in have}
    if added:
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, type_ in columns:
                if name in added:
                    batch_op.add_column(sa.Column(name, type_, nullable=True))
    if index is not None and index[0] not in indexes:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(index[0], index[1], unique=False)
    return added


def drop(table: str, columns: Columns, index: IndexSpec | None = None) -> None:
    """Drop the ``index`` and the ``columns`` again (the downgrade of ``add_missing``)."""
    with op.batch_alter_table(table, schema=None) as batch_op:
        if index is not None:
            batch_op.drop_index(index[0])
        for name, _type in reversed(columns):
            batch_op.drop_column(name)


def create_indexes(table: str, indexes: dict[str, list[str]]) -> None:
    """Create the (non-unique) ``indexes`` (name → columns) of ``table``."""
    with op.batch_alter_table(table, schema=None) as batch_op:
        for name, columns in indexes.items():
            batch_op.create_index(name, columns, unique=False)


def drop_indexes(table: str, names: Sequence[str]) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for name in names:
            batch_op.drop_index(name)


def dating_columns() -> list[sa.Column]:
    """A row's date as coded (``date``, ``date_precision``, ``date_end``) and the first and last day
    it can mean (``day_first``, ``day_last``)."""
    return [sa.Column("date", sa.String(length=10), nullable=True),
            sa.Column("date_precision", sa.String(length=8), nullable=True),
            sa.Column("date_end", sa.String(length=10), nullable=True),
            sa.Column("day_first", sa.Date(), nullable=True),
            sa.Column("day_last", sa.Date(), nullable=True)]


def side_columns(side: str) -> list[sa.Column]:
    """An event's source or target as coded: actor id, country, sector, the text naming it."""
    return [sa.Column(f"{side}_id", sa.String(length=64), nullable=True),
            sa.Column(f"{side}_country", sa.String(length=8), nullable=True),
            sa.Column(f"{side}_sector", sa.String(length=8), nullable=True),
            sa.Column(f"{side}_text", sa.Text(), nullable=True)]


def article_rows(*columns: sa.Column) -> list[sa.SchemaItem]:
    """A table of rows numbered within an article (``article_id``, ``idx``), with ``columns``."""
    return [sa.Column("article_id", sa.String(length=16), nullable=False),
            sa.Column("idx", sa.Integer(), nullable=False),
            *columns,
            sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("article_id", "idx")]
