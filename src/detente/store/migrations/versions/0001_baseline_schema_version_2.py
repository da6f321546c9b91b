"""Baseline: the store as of schema version 2 (articles, sentences, mentions, events, quotes,
relation changes, list entries, meta).

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26 15:24:15.785053
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from detente.store.columns import columns
from detente.store.migrations import steps


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('id', sa.String(length=16), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('ingested_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    steps.create_indexes('articles', {
        'ix_articles_ingested': ['ingested_at'],
        'ix_articles_published': ['published']})

    op.create_table('list_entries',
    sa.Column('dataset', sa.String(length=64), nullable=False),
    sa.Column('entry_id', sa.String(length=128), nullable=False),
    sa.Column('schema', sa.String(length=32), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=True),
    sa.Column('program', sa.String(length=128), nullable=True),
    sa.Column('reference', sa.String(length=64), nullable=True),
    sa.Column('listed_on', sa.Date(), nullable=True),
    sa.Column('delisted_on', sa.Date(), nullable=True),
    sa.Column('authority', sa.Text(), nullable=True),
    sa.Column('actor_id', sa.String(length=64), nullable=True),
    sa.Column('raw', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('dataset', 'entry_id')
    )
    steps.create_indexes('list_entries', {
        'ix_list_entries_actor': ['actor_id'],
        'ix_list_entries_program': ['dataset', 'program']})

    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=16), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('mode', sa.String(length=32), nullable=True),
    sa.Column('context', sa.JSON(), nullable=True),
    *steps.side_columns('source'),
    *steps.side_columns('target'),
    *steps.dating_columns(),
    *columns('status:str12! cameo:str8 goldstein:float sentence:text! start:int! end:int! confidence:float!'),
    *columns('rule:str128! trigger:text detail:json cluster_id:int'),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'idx', name='uq_events_article_idx')
    )
    steps.create_indexes('events', {
        'ix_events_day': ['day_first'],
        'ix_events_dyad_day': ['source_id', 'target_id', 'day_first'],
        'ix_events_target': ['target_id', 'day_first'],
        'ix_events_type': ['type']})

    op.create_table('mentions', *steps.article_rows(
    *columns('start:int! end:int! text:text! actor_id:str64 country:str8 sector:str8 kind:str16 score:float why:text')
    ))
    steps.create_indexes('mentions', {'ix_mentions_actor': ['actor_id']})

    op.create_table('quotes', *steps.article_rows(
    *columns('speaker:text speaker_id:str64 text:text! start:int! end:int! rule:str128 confidence:float')
    ))
    steps.create_indexes('quotes', {'ix_quotes_speaker': ['speaker_id']})

    op.create_table('relation_changes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=16), nullable=True),
    *columns('dataset:str64 external_id:str128 idx:int! source:str64! target:str64! dimension:str16! value:str32!'),
    *steps.dating_columns(),
    *columns('detail:json sentence:text start:int end:int confidence:float! rule:str128'),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'dataset', 'external_id', 'idx', name='uq_relation_changes_origin')
    )
    steps.create_indexes('relation_changes', {
        'ix_relchg_day': ['day_first'],
        'ix_relchg_dyad': ['source', 'target', 'dimension'],
        'ix_relchg_target': ['target', 'dimension']})

    op.create_table('sentences', *steps.article_rows(
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False)
    ))


def downgrade() -> None:
    op.drop_table('sentences')
    steps.drop_indexes('relation_changes', ['ix_relchg_target', 'ix_relchg_dyad', 'ix_relchg_day'])
    op.drop_table('relation_changes')
    steps.drop_indexes('quotes', ['ix_quotes_speaker'])
    op.drop_table('quotes')
    steps.drop_indexes('mentions', ['ix_mentions_actor'])
    op.drop_table('mentions')
    steps.drop_indexes('events', ['ix_events_type', 'ix_events_target', 'ix_events_dyad_day', 'ix_events_day'])
    op.drop_table('events')
    op.drop_table('meta')
    steps.drop_indexes('list_entries', ['ix_list_entries_program', 'ix_list_entries_actor'])
    op.drop_table('list_entries')
    steps.drop_indexes('articles', ['ix_articles_published', 'ix_articles_ingested'])
    op.drop_table('articles')
