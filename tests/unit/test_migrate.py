"""Alembic migrations: new stores start at head; stores made before migrations are stamped."""

from sqlalchemy import create_engine, inspect

from detente.store import migrate, open_store, schema


def test_a_new_store_is_created_by_alembic_at_head(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'new.db'}")
    names = set(inspect(store.engine).get_table_names())
    assert {"alembic_version", "articles", "events", "relation_changes"} <= names
    assert migrate.current(store.engine) == migrate.head()


def test_the_baseline_revision_creates_exactly_the_schema_of_the_code(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate.upgrade(engine)
    insp = inspect(engine)
    for table in schema.metadata.sorted_tables:
        assert {c["name"] for c in insp.get_columns(table.name)} == {c.name for c in table.columns}, table.name


def test_a_store_made_without_alembic_is_stamped_not_recreated(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    schema.metadata.create_all(engine)  # how stores were made before migrations
    migrate.upgrade(engine)  # stamped at the baseline, then later revisions add only what is missing
    assert migrate.current(engine) == migrate.head()
