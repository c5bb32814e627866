"""Dagster's SQLite storage with one engine per database file instead of one per event.

Stock ``SqliteEventLogStorage`` and ``SqliteRunStorage`` build a fresh SQLAlchemy engine (and
with it an empty statement cache) for every event and every run lookup; a seed writes about a
thousand events, so that alone was 40% of a light seed. These subclasses keep the engines, in
WAL mode with ``synchronous=NORMAL`` (a crash can lose the last events, never corrupt a file).
The files stay stock Dagster SQLite, so ``dagster dev`` and older tools read them unchanged.
Used through ``storage: custom:`` in dagster.yaml.

Storing one event took three or four transactions (the run's shard, the cross-run index, the
asset-check row) and a fresh engine to ask whether a table exists: the event log was a fifth of a
light seed. Here an event, or a batch of them (the run's planned events), is one transaction per
shard, and the schema answers are remembered once they are yes (a migration only ever adds).

A step's own chatter (each output, materialisation and check evaluation: 900 of a light seed's
1,400 events) waits in memory and is written in one transaction when anything reads the event
log, when any other event comes (the step's end among them) or when the storage is disposed:
a transaction per event was a third of the event log's cost. Readers in this process always see
every event; another process (the UI) sees a step's events at most one table late, and a step
killed outright loses those since its last write, as it loses its end event.
"""

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager

import sqlalchemy as sa
from dagster._core.events import ASSET_CHECK_EVENTS, DagsterEventType
from dagster._core.storage.event_log import SqliteEventLogStorage
from dagster._core.storage.event_log.schema import SqlEventLogStorageTable
from dagster._core.storage.event_log.sqlite.sqlite_event_log import ASSET_EVENTS
from dagster._core.storage.base_storage import DagsterStorage
from dagster._core.storage.runs import SqliteRunStorage
from dagster._core.storage.schedules import SqliteScheduleStorage
from dagster._core.storage.sqlalchemy_compat import db_result
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from dagster._core.storage.sqlite_storage import (
    DagsterSqliteStorage,
    _event_logs_directory,
    _runs_directory,
    _schedule_directory,
)

OPEN_SHARDS = 8  # run shards a long-lived webserver keeps open; older ones are closed
# what a step emits many of while it runs; every other event is written at once, after these
DEFERRED = {DagsterEventType.STEP_OUTPUT, DagsterEventType.ASSET_MATERIALIZATION, DagsterEventType.ASSET_CHECK_EVALUATION}


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
        self._batch = threading.local()  # the shards' open connections while this thread stores events
        self._present: set[tuple[str, str]] = set()  # schema questions answered yes
        self._deferred: list = []  # events stored but not yet written
        self._deferred_lock = threading.Lock()
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
        batch = getattr(self._batch, "open", None)
        if batch is None:
            self._write_deferred()  # every read and write outside a batch sees every event stored before it
            with self._db_lock, self._shard_engine(shard).connect() as conn, conn.begin():
                yield conn
            return
        connections, stack = batch
        if shard not in connections:
            conn = connections[shard] = stack.enter_context(self._shard_engine(shard).connect())
            stack.enter_context(conn.begin())
        yield connections[shard]

    @contextmanager
    def _one_transaction_per_shard(self) -> Iterator[None]:
        """Every connection opened inside shares its shard's transaction, committed at the end."""
        if getattr(self._batch, "open", None) is not None:
            yield
            return
        with self._db_lock, ExitStack() as stack:
            self._batch.open = ({}, stack)
            try:
                yield
            finally:
                self._batch.open = None

    def store_event(self, event) -> None:
        if event.is_dagster_event and event.dagster_event_type in DEFERRED:
            with self._deferred_lock:
                self._deferred.append(event)
            return
        self.store_event_batch([event])

    def store_event_batch(self, events: Sequence) -> None:
        with self._one_transaction_per_shard():
            self._write_deferred()
            for event in events:
                super().store_event(event)

    def _write_deferred(self) -> None:
        """The deferred events, in the order they came: the run shards' rows in one statement each, then
        the cross-run index as ``SqliteEventLogStorage.store_event`` writes it. Taken under the write lock,
        so no other thread's event is written between their taking and their writing."""
        if not self._deferred:
            return
        with self._one_transaction_per_shard():
            with self._deferred_lock:
                events, self._deferred = self._deferred, []
            rows = [(event, self._event_to_row(event)) for event in events]
            by_run = defaultdict(list)
            for event, row in rows:
                by_run[event.run_id].append(row)
            for run_id, run_rows in by_run.items():
                with self.run_connection(run_id) as conn:
                    conn.execute(SqlEventLogStorageTable.insert(), run_rows)
            for event, row in rows:
                self._index(event, row)

    def _index(self, event, row: dict) -> None:
        """The index rows of a deferred event (an asset or check event), as the stock storage writes them."""
        kind = event.dagster_event_type
        if kind in ASSET_EVENTS:
            with self.index_transaction() as conn:
                with db_result(conn, SqlEventLogStorageTable.insert().values(**row)) as result:
                    event_id = result.inserted_primary_key[0]
                self._store_asset_event_tags(conn, [event], [event_id])
                self._store_asset_event(conn, event, event_id)
        if kind in ASSET_CHECK_EVENTS:
            with self.index_connection() as conn, db_result(conn, SqlEventLogStorageTable.insert().values(**row)) as result:
                event_id = result.inserted_primary_key[0]
            self.store_asset_check_event(event, event_id)

    def _remembered(self, question: tuple[str, str], ask) -> bool:
        if question not in self._present and ask():
            self._present.add(question)
        return question in self._present

    def has_table(self, table_name: str) -> bool:
        return self._remembered(("table", table_name), lambda: super(PooledSqliteEventLogStorage, self).has_table(table_name))

    def _has_asset_key_col_on_connection(self, conn: sa.Connection, column_name: str) -> bool:
        ask = super()._has_asset_key_col_on_connection
        return self._remembered(("asset_key column", column_name), lambda: ask(conn, column_name))

    def has_secondary_index(self, name: str) -> bool:
        return self._remembered(("secondary index", name), lambda: super(PooledSqliteEventLogStorage, self).has_secondary_index(name))

    def wipe(self) -> None:
        self._present.clear()
        self._deferred = []
        super().wipe()

    def dispose(self) -> None:
        self._write_deferred()
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
