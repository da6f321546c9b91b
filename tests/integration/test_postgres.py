"""The store's schema works on a real PostgreSQL server, not just SQLite."""

from sqlalchemy import inspect, select

from detente.store import open_store, schema


def test_schema_is_created_on_postgres(pg_url):
    store = open_store(pg_url)
    names = set(inspect(store.engine).get_table_names())
    assert {"articles", "events", "relation_changes", "list_entries", "meta"} <= names
    with store.engine.connect() as conn:
        version = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).scalar()
    assert version == str(schema.SCHEMA_VERSION)
    # opening again is harmless (idempotent create, version checked)
    open_store(pg_url)
    store.engine.dispose()


def test_alembic_manages_the_schema_on_postgres_and_sqlite(pg_url, tmp_path):
    from detente.store import migrate

    for url in (pg_url, f"sqlite:///{tmp_path / 'm.db'}"):
        store = open_store(url)
        assert migrate.current(store.engine) == migrate.head()
        migrate.upgrade(store.engine)  # at head already: nothing to do, no error
        assert migrate.current(store.engine) == migrate.head()
        store.engine.dispose()
