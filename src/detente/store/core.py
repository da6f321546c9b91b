"""The store itself: ``Store``, ``open_store``, ``StoreError`` (the interface is described in
``detente.store``, which names them; this module is imported on first use of one of them)."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, inspect, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, Engine, make_url

from detente.store import schema

if TYPE_CHECKING:
    from detente.models import Article, ArticleResult


class StoreError(Exception):
    """A store that cannot be opened or used (locked, gone, wrong schema): one clear line."""


_DB_ERRORS = (sa_exc.OperationalError, sa_exc.DatabaseError, sa_exc.InterfaceError)


def describe_db_error(exc: BaseException) -> str:
    """The reason for a database error, in one line a user can act on."""
    orig = getattr(exc, "orig", None) or exc
    text = " ".join(str(orig).split()) or type(orig).__name__
    low = text.lower()
    if "database is locked" in low or "database is busy" in low or "database table is locked" in low:
        return "database is locked (another process is using it; try again when it has finished)"
    if "unable to open database" in low:
        return "cannot open the database file (does its folder exist, and may you write there?)"
    if "readonly database" in low or "read-only" in low or "read only" in low:
        return "database is read-only (check the file's permissions)"
    if "file is not a database" in low or "malformed" in low:
        return "not an SQLite database (or a damaged one)"
    if "disk i/o error" in low:
        return "disk I/O error (was the database file removed or its disk unmounted?)"
    if "no such table" in low or ("relation" in low and "does not exist" in low):
        return f"not a detente database, or an incomplete one ({text})"
    if "connection refused" in low or "could not connect" in low or "connection failed" in low:
        return f"cannot connect to the database server ({text})"
    return text


def _first(iterable: Iterable, n: int) -> list:
    out = []
    for item in iterable:
        out.append(item)
        if len(out) >= n:
            break
    return out


@dataclass
class Store:
    url: str
    engine: Engine
    cluster: bool = True  # keep event clusters up to date on every save (see detente.dedup)

    # -- connections ---------------------------------------------------------------------------
    @property
    def shown_url(self) -> str:
        """The URL for messages (password hidden)."""
        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except (sa_exc.ArgumentError, ValueError):  # a URL we could connect with is always renderable
            return self.url

    def error(self, exc: BaseException) -> StoreError:
        return StoreError(f"{self.shown_url}: {describe_db_error(exc)}")

    @contextlib.contextmanager
    def errors(self) -> Iterator[None]:
        """Turn database errors raised inside into one-line ``StoreError``s naming the URL."""
        try:
            yield
        except _DB_ERRORS as exc:
            raise self.error(exc) from exc

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for queries (one transaction, a consistent snapshot)."""
        with self.errors(), self.engine.connect() as conn:
            with conn.begin():
                yield conn

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction (``BEGIN IMMEDIATE`` on SQLite): committed on success, else rolled back."""
        with self.errors(), self.engine.connect() as conn:
            conn = conn.execution_options(detente_write=True)
            with conn.begin():
                yield conn

    def close(self) -> None:
        self.engine.dispose()

    # -- schema --------------------------------------------------------------------------------
    def _foreign_tables(self) -> set[str]:
        """Tables that are neither detente's nor Alembic's."""
        with self.read() as conn:
            names = set(inspect(conn).get_table_names())
        return names - set(schema.metadata.tables) - {"alembic_version"}

    def _schema_version(self) -> tuple[bool, str | None]:
        """(has a ``meta`` table, the schema version it records)."""
        with self.read() as conn:
            if not inspect(conn).has_table("meta"):
                return False, None
            row = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).first()
            return True, (row[0] if row else None)

    def init(self, create: bool = True, force: bool = False) -> None:
        """Create missing tables (``create``) and check the schema version.

        A database that holds another application's tables and none of detente's is refused
        (``StoreError``) unless ``force``: detente does not add its tables there by accident.
        An initialised store is only read here, so opening it never waits for a writer.
        """
        with self.errors():
            has_meta, version = self._schema_version()
            if create and not has_meta and not force:
                other = self._foreign_tables()
                if other:
                    shown = ", ".join(sorted(other)[:5]) + (", …" if len(other) > 5 else "")
                    raise StoreError(
                        f"{self.shown_url}: holds tables of another application ({shown}), not a detente "
                        "database; use another --db, or --force to add detente's tables to it")
            if create and (version is None or _older(version)):
                # Alembic creates or migrates the tables (under a PostgreSQL advisory lock, so
                # processes starting at once do not race), then the version is recorded.
                from detente.store import migrate

                migrate.upgrade(self.engine)
                with self.write() as conn:
                    row = conn.execute(
                        select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")
                    ).first()
                    if row is None:
                        conn.execute(schema.meta.insert().values(key="schema_version", value=str(schema.SCHEMA_VERSION)))
                    elif row[0] != str(schema.SCHEMA_VERSION):
                        conn.execute(schema.meta.update().where(schema.meta.c.key == "schema_version")
                                     .values(value=str(schema.SCHEMA_VERSION)))
                has_meta, version = self._schema_version()
        if not has_meta:
            raise StoreError(f"{self.shown_url}: not a detente database (no 'meta' table; run `detente ingest` first)")
        if version != str(schema.SCHEMA_VERSION):
            raise StoreError(
                f"{self.shown_url}: schema version {version or 'none'}, this detente needs {schema.SCHEMA_VERSION} "
                "(ingest into a new database)"
            )

    # -- writes --------------------------------------------------------------------------------
    def recluster(self, article_ids: Iterable[str] | None = None) -> int:
        """Update event clusters (``detente.dedup``) for the groups these articles touch (all if None)."""
        from detente.store.clusters import recluster

        with self.errors():
            return recluster(self, None if article_ids is None else list(article_ids))

    def deliver(self, alert_ids: list[int], article_ids: list[str] = ()) -> None:
        """After a commit: stance alerts of these articles, then every new alert to its watch's webhook
        (``detente.watch.after_save``); a failure is logged only, the data is stored."""
        from detente.watch import after_save

        try:
            after_save(self, list(article_ids), alert_ids)
        except Exception:  # noqa: BLE001 - `detente watch deliver` sends what is left
            logging.getLogger("detente.watch").exception("stance alerts or webhook delivery failed")

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored."""
        from detente.store.write import existing_ids

        with self.read() as conn:
            return existing_ids(conn, list(ids))

    def save(self, result: ArticleResult, article: Article) -> bool:
        """Store one article and its extraction atomically; ``False`` if it was already stored."""
        return self.save_many([(result, article)])[0]

    def save_many(self, pairs: Iterable[tuple[ArticleResult, Article]], batch: int = 50) -> list[bool]:
        """Store articles ``batch`` per transaction, each one atomic (a savepoint per article).

        Returns, per pair, whether it was written. If writing one article fails, nothing of it is
        kept, the articles before it in its batch are committed, and the error is raised.
        """
        from detente.store.write import existing_ids, insert_article
        from detente.watch import record_for_articles

        out: list[bool] = []
        it = iter(pairs)
        while chunk := _first(it, max(1, batch)):
            before = len(out)
            failure: BaseException | None = None
            with self.write() as conn:
                have = existing_ids(conn, [r.id for r, _ in chunk])
                for result, article in chunk:
                    if result.id != article.id:
                        failure = ValueError(f"result {result.id} is not the extraction of article {article.id}")
                        break
                    if result.id in have:
                        out.append(False)
                        continue
                    savepoint = conn.begin_nested()
                    try:
                        insert_article(conn, result, article)
                        savepoint.commit()
                    except sa_exc.IntegrityError as exc:
                        savepoint.rollback()
                        if existing_ids(conn, [result.id]):  # stored meanwhile by another writer
                            out.append(False)
                            continue
                        failure = exc
                        break
                    except BaseException as exc:  # noqa: BLE001 - re-raised below, after the commit
                        savepoint.rollback()
                        failure = exc
                        break
                    have.add(result.id)
                    out.append(True)
                written = [r.id for (r, _), ok in zip(chunk, out[before:]) if ok]
                alerts = record_for_articles(conn, written) if written else []  # with the articles
            if written and self.cluster:
                self.recluster(written)
            if written:
                self.deliver(alerts, written)
            if failure is not None:
                if isinstance(failure, _DB_ERRORS):
                    raise self.error(failure) from failure
                raise failure
        return out


_DEFAULT_TIMEOUT = 5.0


def _sqlite_setup(engine: Engine, timeout: float) -> None:
    busy_ms = int(timeout * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (see "begin" below)
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout={busy_ms}")
            cur.execute("PRAGMA foreign_keys=ON")
            # 64 MiB page cache per connection (SQLite's default is 2 MiB): timeline/status reads on
            # a store of 1M events stay in memory (docs/benchmarks.md)
            cur.execute("PRAGMA cache_size=-65536")
            try:
                cur.execute("PRAGMA journal_mode=WAL")
            except sqlite3.Error:  # read-only or locked file: keep its journal mode
                pass
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("detente_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _older(version: str) -> bool:
    """A stored schema version that Alembic can migrate (baseline revision and later)."""
    return version.isdigit() and 2 <= int(version) < schema.SCHEMA_VERSION


def _sqlite_path(url) -> Path | None:
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def open_store(url: str, create: bool = True, force: bool = False) -> Store:
    """Open (and with ``create``, initialise) the store at ``url``; ``StoreError`` if unusable.

    Without ``create`` the database must exist already (an SQLite file is never created then).
    ``force``: create detente's tables even in a database that holds another application's.
    """
    try:
        parsed = make_url(url)
    except (sa_exc.ArgumentError, ValueError, TypeError) as exc:
        raise StoreError(f"{url}: not a database URL ({exc})") from None
    connect_args: dict = {}
    timeout = _DEFAULT_TIMEOUT
    if parsed.get_backend_name() == "sqlite":
        if "timeout" in parsed.query:
            try:
                timeout = float(parsed.query["timeout"])
            except ValueError:
                raise StoreError(f"{url}: timeout must be a number of seconds") from None
            parsed = parsed.difference_update_query(["timeout"])
        connect_args["timeout"] = timeout
        path = _sqlite_path(parsed)
        if path is not None and not create and not path.exists():
            raise StoreError(f"{url}: no database there (run `detente ingest` first)")
        if path is not None and create and not path.parent.exists():
            raise StoreError(f"{url}: cannot create the database: folder {str(path.parent)!r} does not exist")
    try:
        engine = create_engine(parsed, future=True, connect_args=connect_args)
    except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError, ImportError, ValueError, TypeError) as exc:
        # no driver for the dialect, or URL parts the driver refuses
        raise StoreError(f"{url}: cannot use this database URL ({exc})") from None
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine, timeout)
    store = Store(url=url, engine=engine)
    store.init(create=create, force=force)
    return store
