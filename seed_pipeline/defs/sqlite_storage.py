"""Dagster's SQLite storage with one engine per database file instead of one per event.

Stock ``SqliteEventLogStorage`` and ``SqliteRunStorage`` build a fresh SQLAlchemy engine (and
with it an empty statement cache) for every event and every run lookup; a seed writes about a
thousand events, so that alone was 40% of a light seed. These subclasses keep the engines, in
WAL mode with ``synchronous=NORMAL`` (a crash can lose the last events, never corrupt a file).
The files stay stock Dagster SQLite, so ``dagster dev`` and older tools read them unchanged.
Used through ``storage: custom:`` in dagster.yaml.
"""

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from dagster._core.storage.event_log import SqliteEventLogStorage
from dagster._core.storage.base_storage import DagsterStorage
from dagster._core.storage.runs import SqliteRunStorage
from dagster._core.storage.schedules import SqliteScheduleStorage
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from dagster._core.storage.sqlite_storage import (
    DagsterSqliteStorage,
    _event_logs_directory,
    _runs_directory,
    _schedule_directory,
)

OPEN_SHARDS = 8  # run shards a long-lived webserver keeps open; older ones are closed


def _engine(conn_string: str) -> sa.Engine:
    engine = sa.create_engine(conn_string, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS})

    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


class PooledSqliteEventLogStorage(SqliteEventLogStorage):
    def __init__(self, base_dir: str, inst_data=None):
        self._engines: OrderedDict[str, sa.Engine] = OrderedDict()
        super().__init__(base_dir, inst_data)

    def _shard_engine(self, shard: str) -> sa.Engine:
        engine = self._engines.get(shard)
        if engine is None:
            engine = self._engines[shard] = _engine(self.conn_string_for_shard(shard))
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            while len(self._engines) > OPEN_SHARDS:
                self._engines.popitem(last=False)[1].dispose()
        self._engines.move_to_end(shard)
        return engine

    @contextmanager
    def _connect(self, shard: str) -> Iterator[sa.Connection]:
        with self._db_lock, self._shard_engine(shard).connect() as conn, conn.begin():
            yield conn

    def dispose(self) -> None:
        for engine in self._engines.values():
            engine.dispose()
        self._engines.clear()
        super().dispose()


class PooledSqliteRunStorage(SqliteRunStorage):
    _lock = threading.Lock()
    _pooled: sa.Engine | None = None

    @contextmanager
    def connect(self) -> Iterator[sa.Connection]:
        with self._lock:
            if self._pooled is None:
                self._pooled = _engine(self._conn_string)
        with self._pooled.connect() as conn, conn.begin():
            yield conn

    def dispose(self) -> None:
        if self._pooled is not None:
            self._pooled.dispose()
        super().dispose()


class PooledSqliteStorage(DagsterSqliteStorage):
    """``storage: sqlite`` with the pooled run and event log storages."""

    def __init__(self, base_dir: str, inst_data=None):  # the parent's, with the pooled classes
        self.base_dir = base_dir
        self._run_storage = PooledSqliteRunStorage.from_local(_runs_directory(base_dir))
        self._event_log_storage = PooledSqliteEventLogStorage(_event_logs_directory(base_dir))
        self._schedule_storage = SqliteScheduleStorage.from_local(_schedule_directory(base_dir))
        self._inst_data = inst_data
        DagsterStorage.__init__(self)

    @classmethod
    def from_config_value(cls, inst_data, config_value) -> "PooledSqliteStorage":
        return cls.from_local(inst_data=inst_data, **config_value)
