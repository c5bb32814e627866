"""The Dagster resource every asset writes through: one transaction per call, one-line errors.

Writes only ever touch rows this tool created (see ownership.py); a failed call leaves the
database exactly as it was.
"""

import copy
import json
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import numpy as np
import pandas as pd
import sqlalchemy as sa
from pydantic import PrivateAttr

from seed_pipeline.contract import JSON_COLUMNS
from seed_pipeline.contract.model import renumber_at
from seed_pipeline.loaders import bulk, handover, lock, ownership, referrers, rows, schema_state, scope, sync, teardown
from seed_pipeline.loaders.engines import display, engine_for, normalise_url, user_of
from seed_pipeline.loaders.errors import SeedDatabaseError, connection_error, describe
from seed_pipeline.schema import TABLES, references_from

PARALLEL_JOB = "seed_all_parallel"  # its steps run in other processes than the one holding the run lock
DEFAULT_URL = "sqlite:///terp_seed.sqlite"  # the embedded default: a file in the working directory
TERP_SCHEMA = "the model's complete schema"  # what the run lock's holder remembers after ``check``
BOOKKEEPING_READY = "the bookkeeping tables, every column of them"  # remembered after the first write


def driver_errors() -> tuple[type[Exception], ...]:
    """The errors a database driver raises. Called only while an error is matched (``except`` evaluates
    its expression then), so a run on one engine never imports the other engines' drivers at start-up."""
    import psycopg
    import pymysql

    return (sa.exc.SQLAlchemyError, psycopg.Error, pymysql.Error, sqlite3.Error)


@dataclass(frozen=True)
class WriteResult:
    frame: pd.DataFrame  # the frame as written: ids (and self-references) mapped to their final ids
    rows: int
    seconds: float
    id_offset: int  # final id of local id 1, minus one


def _known(table: str) -> sa.Table:
    if table not in TABLES:
        raise SeedDatabaseError(f"{table!r} is not one of TERP's tables")
    return TABLES[table]


def _map_ids(frame: pd.DataFrame, table: str, final: np.ndarray) -> pd.DataFrame:
    """``frame`` with its local ids and self-references replaced by final ids (``final[k - 1]`` for k),
    the ids of its own rows inside its JSON included (a write-off's ``originalTransactionId``)."""
    if len(final) == 0 or np.array_equal(final, np.arange(1, len(final) + 1)):
        return frame  # an empty database, or a table owned from id 1: local ids are final
    mapped = frame.copy()
    columns = {"id"} | {r.column for r in references_from(table) if r.is_self and r.target_column == "id"}
    lookup = pd.Series(final, index=np.arange(1, len(final) + 1))
    for column in columns & set(mapped.columns):
        values = pd.to_numeric(mapped[column]).astype("Int64").map(lookup).astype("Int64")
        mapped[column] = values.astype("int64") if column == "id" else values
    for (owner, column), spec in JSON_COLUMNS.items():
        paths = [path for path, target in spec.references if target == table]
        if owner == table and paths and column in mapped.columns:
            mapped[column] = [_renumbered(v, paths, lookup) for v in mapped[column]]
    return mapped


def _forward_self_references(wire: pd.DataFrame, table: str) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """``wire`` with the self-references that point at a later row set NULL, and those values per column
    (``id``, column) to set once every row is in (a sale names the quote it was converted from, which
    comes after the sales; MySQL and SQLite check each inserted row at once)."""
    forward = {}
    for column in {r.column for r in references_from(table) if r.is_self and r.target_column == "id"} & set(wire.columns):
        values = pd.to_numeric(wire[column])
        later = (values > wire["id"]).fillna(False).to_numpy(dtype=bool)
        if later.any():
            forward[column] = wire.loc[later, ["id", column]].reset_index(drop=True)
            wire = wire.copy()
            wire.loc[later, column] = None
    return wire, forward


def _renumbered(value, paths, lookup: pd.Series):
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return value
    data = json.loads(value) if isinstance(value, str) else copy.deepcopy(value)
    for path in paths:
        renumber_at(data, path, lambda local: int(lookup[int(local)]))
    return rows.dump_json(data) if isinstance(value, str) else data


def _interrupted(exc: BaseException) -> bool:
    seen = exc
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt) or "KeyboardInterrupt" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class SeedDatabase(dg.ConfigurableResource):
    """The target database: ``url`` as given with --db (PostgreSQL, MariaDB/MySQL or SQLite)."""

    url: str = DEFAULT_URL
    keep_referenced_rows: bool = False  # a reseed keeps the seeded rows users' rows point at (handover.py) instead of refusing
    _locked: bool = PrivateAttr(default=False)  # this resource took the run lock at setup

    def engine(self) -> sa.Engine:
        return engine_for(self.url)

    def exists(self) -> bool:
        """False only for a SQLite file that is not there (connecting would create it)."""
        url = normalise_url(self.url)
        return url.get_backend_name() != "sqlite" or url.database == ":memory:" or Path(url.database).exists()

    def display_url(self) -> str:
        """The URL as the user gave it, without its password."""
        normalise_url(self.url)  # a malformed URL fails here with its own message
        return display(self.url)

    @contextmanager
    def _connection(self, table: str | None = None, action: str = "write", transaction: bool = True):
        """A connection (in a transaction for writes); every failure becomes one SeedDatabaseError line."""
        engine = self.engine()
        target = self.display_url()
        try:
            conn = engine.connect()
        except driver_errors() as exc:
            raise connection_error(exc, target) from None
        try:
            with conn:
                if not transaction:
                    yield conn
                    return
                with conn.execution_options(sqlite_immediate=True).begin():
                    yield conn
        except SeedDatabaseError:
            raise
        except driver_errors() as exc:
            if _interrupted(exc):  # a driver turns Ctrl-C during a read into its own error: it is still Ctrl-C
                raise KeyboardInterrupt from None
            raise describe(exc, user=user_of(engine.url), target=target, table=table, action=action) from None

    # --- schema -------------------------------------------------------------------------------

    def check(self) -> str:
        """"empty" (none of TERP's tables) or "terp" (all of them, with the model's columns).

        Once found (or created) complete, the answer holds while this process keeps the run lock: a
        seed asked up to three times (the command line, then the run's resource), each reflecting
        every table."""
        if lock.remembered(self.url, TERP_SCHEMA):
            return schema_state.TERP
        with self._connection(action="inspect", transaction=False) as conn:
            found = schema_state.state(conn, self.display_url())
        if found == schema_state.TERP:
            lock.remember(self.url, TERP_SCHEMA)
        return found

    def schema_differences(self) -> list:
        """Every difference between this database's tables and the model (``schema/drift.py``)."""
        from seed_pipeline.model import current
        from seed_pipeline.schema import drift

        live, enums = self.live_schema()
        return drift.differences(current().metadata, live, enums)

    def live_schema(self) -> tuple[sa.MetaData, bool]:
        """The database's tables as reflected, and whether its engine keeps enum values (SQLite does not)."""
        with self._connection(action="inspect", transaction=False) as conn:
            return schema_state.live_metadata(conn), schema_state.keeps_enums(conn)

    def provenance(self) -> dict | None:
        """The settings the database was seeded with, or None when this tool never seeded it."""
        with self._connection(action="read", transaction=False) as conn:
            return ownership.provenance_of(conn)

    def records(self) -> dict[str, ownership.Owned]:
        """What the tool owns in each table it wrote, with the settings it wrote it with."""
        with self._connection(action="read", transaction=False) as conn:
            return ownership.records(conn)

    def _create(self) -> None:
        with self._connection(action="inspect", transaction=False) as conn:
            standing = schema_state.present(conn)
        try:
            with self._connection(action="create tables in") as conn:
                schema_state.create_all(conn)
        except SeedDatabaseError:
            if self.engine().dialect.name == "mysql":  # its DDL commits as it goes
                try:
                    schema_state.drop_partial(self.engine(), standing)
                except driver_errors():
                    pass  # the first error is the one to report
            raise

    def ensure_schema(self) -> bool:
        """Create TERP's schema in an empty database (True); accept a complete one (False)."""
        if self.check() == schema_state.EMPTY:
            self._create()
            lock.remember(self.url, TERP_SCHEMA)  # the model's own tables, just created
            return True
        with self._connection(action="create tables in") as conn:
            ownership.ensure_table(conn)
        return False

    @contextmanager
    def run_lock(self):
        """Hold the database's run lock (see lock.py) for the block; one line naming the holder if taken."""
        try:
            lock.acquire(self.url)
        except driver_errors() as exc:
            raise connection_error(exc, self.display_url()) from None
        try:
            yield
        finally:
            lock.release(self.url)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        """A run from the UI or a schedule takes the run lock and checks (or creates) the schema first.

        The lock is per process: steps of the multiprocess job would lock each other out, so in
        that job the run's own process holds it (defs/run_lock_executor.py) and a step checks that.
        """
        run = getattr(context, "run", None)
        self._locked = run is None or run.job_name != PARALLEL_JOB
        if self._locked:
            lock.acquire(self.url)
        elif not lock.held_by_run(self.url, run.run_id):
            raise SeedDatabaseError(
                f"{PARALLEL_JOB} run {run.run_id} does not hold the run lock of {self.display_url()}: "
                f"its executor takes it before the first step; launch the job as defined, or run seed_all"
            )
        try:
            self.ensure_schema()
        except BaseException:
            self.teardown_after_execution(context)
            raise

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._locked:
            self._locked = False
            lock.release(self.url)

    def create_schema(self) -> None:
        """`seed-pipeline schema create`: only ever into a database without TERP's tables."""
        if self.check() != schema_state.EMPTY:
            raise SeedDatabaseError(
                f"{self.display_url()} already has TERP's tables: `schema create` needs an empty database; run `seed` to fill it or use another --db"
            )
        self._create()

    # --- writes -------------------------------------------------------------------------------

    def _ensure_bookkeeping(self, table: str) -> None:
        """Before the write's transaction: MySQL would commit it at a CREATE TABLE. Once a run holding the
        lock has them, they stay (nothing drops them): asking again cost every table three catalogue queries."""
        if lock.remembered(self.url, BOOKKEEPING_READY):
            return
        with self._connection(table, action="create tables in") as conn:
            ownership.ensure_table(conn)
        lock.remember(self.url, BOOKKEEPING_READY)

    def write_table(self, table: str, frame: pd.DataFrame, provenance: dict) -> WriteResult:
        """Make the rows this tool owns in ``table`` exactly ``frame`` (local ids 1..n, mapped to owned ids)."""
        started = time.perf_counter()
        _known(table)
        wire = rows.prepare(table, frame)
        single = ownership.has_single_id(table)
        if single and wire["id"].duplicated().any():
            raise SeedDatabaseError(f"column {table}.id repeats ids; fix its generator")
        if single and len(wire) and wire["id"].min() < 1:  # MySQL would turn an id of 0 into a new one
            raise SeedDatabaseError(f"column {table}.id must hold local ids from 1 up; fix its generator")
        self._ensure_bookkeeping(table)
        with self._connection(table) as conn:
            owned = ownership.record_of(conn, table)
            if single:
                span = int(wire["id"].max()) if len(wire) else 0
                final = ownership.assign_ids(conn, table, owned, span)
                wire = _map_ids(wire, table, final).sort_values("id")
                wire, forward = _forward_self_references(wire, table)  # written once the rows they name exist
                sync.sync_single(conn, table, wire, owned.ids() if owned else np.empty(0, dtype=np.int64))
                bulk.advance_sequence(conn, table)
                ownership.record(conn, table, wire["id"].to_numpy(dtype="int64"), len(wire), provenance)
                for column, later in forward.items():
                    bulk.stage(conn, table, later)
                    bulk.update_from_stage(conn, table, [column], ownership.record_of(conn, table).ranges)
                    bulk.drop_stage(conn)
            else:
                final = None
                keys = sync.sync_composite(conn, table, wire)
                ownership.record_keys(conn, table, keys)
                ownership.record(conn, table, None, len(keys), provenance)
        mapped = _map_ids(frame, table, final) if final is not None else frame
        offset = int(final[0]) - 1 if final is not None and len(final) else 0
        return WriteResult(mapped, len(frame), time.perf_counter() - started, offset)

    def users_point_at_seeded_rows(self) -> bool:
        """Whether any row this tool did not create points at a seeded row (any reference)."""
        with self._connection(action="read", transaction=False) as conn:
            return bool(ownership.records(conn)) and bool(teardown.users_rows_in_the_way(conn))

    def give_up(self, counts: dict[str, int]) -> dict[str, int]:
        """Before a reseed writing ``counts`` rows per table writes anything: refuse in one line when
        seeded rows it gives up are pointed at by users' rows, or (``keep_referenced_rows``) hand
        those over to the users' side (handover.py); the rows handed over per table."""
        with self._connection(action="write") as conn:
            gone = handover.given_up(ownership.records(conn), counts)
            if self.keep_referenced_rows:
                return handover.hand_over(conn, gone)
            broken, count = handover.in_the_way(conn, gone)
            if broken:
                raise SeedDatabaseError(referrers.refusal(
                    self.display_url(), broken, "the new settings make fewer rows; removing the others", count=count,
                    otherwise=", keep the previous settings, or pass --keep-referenced-rows to keep those seeded rows as the users'"))
        return {}

    def fill_column(self, table: str, column: str, values: pd.Series) -> int:
        """Set ``column`` of owned rows from ``values`` (indexed by final id; NaN/None -> NULL)."""
        t = _known(table)
        if not ownership.has_single_id(table) or column not in t.c or column == "id":
            raise SeedDatabaseError(f"cannot fill {table}.{column}: no such non-key column of a table keyed by id")
        if values.index.duplicated().any():
            raise SeedDatabaseError(f"values for {table}.{column} repeat row ids")
        frame = pd.DataFrame({"id": values.index.to_numpy(), column: values.reset_index(drop=True)})
        wire = rows.prepare(table, frame)
        self._ensure_bookkeeping(table)
        with self._connection(table) as conn:
            owned = ownership.record_of(conn, table)
            if owned is None or not owned.ranges or wire.empty:
                return 0
            bulk.stage(conn, table, wire)
            updated = bulk.update_from_stage(conn, table, [column], owned.ranges)
            bulk.drop_stage(conn)
        return updated

    def foreign_tables(self) -> list[str]:
        """Tables holding rows this tool did not create. Once the tool has written a table, its own
        writes and removals never change this list, so a run asks once (see ``tool_rows``)."""
        with self._connection(action="read", transaction=False) as conn:
            return scope.tables_with_foreign_rows(conn)

    @contextmanager
    def tool_rows(self, foreign: list[str] | None = None):
        """A read connection on which every table reads as the rows this tool created (see scope.py);
        ``foreign`` is ``foreign_tables()`` when the caller already knows it."""
        with self._connection(action="read", transaction=False) as conn:
            shadowed = scope.shadow_foreign_rows(conn, foreign)
            try:
                yield conn
            finally:
                if conn.in_transaction():
                    conn.rollback()
                scope.drop_shadows(conn, shadowed)

    def teardown(self, backup_to: Path | None = None) -> dict[str, int]:
        """Remove exactly the rows this tool created (after a CSV backup of the tables touched); rows per table."""
        with self._connection(action="write") as conn:
            records = ownership.records(conn)
            in_the_way = teardown.users_rows_in_the_way(conn) if records else []
            if in_the_way:
                raise SeedDatabaseError(referrers.refusal(self.display_url(), in_the_way, "removing the seeded rows"))
            if backup_to is not None:
                teardown.backup(conn, sorted(records), backup_to)
            return teardown.remove_seeded_rows(conn)

    def backup(self, folder: Path, tables: list[str]) -> None:
        """Every row of ``tables`` (whoever made them) and the bookkeeping as CSV in ``folder``; writes nothing here."""
        with self._connection(action="read", transaction=False) as conn:
            teardown.backup(conn, sorted(tables), folder)

    # --- reads --------------------------------------------------------------------------------

    def read_table(self, table: str) -> pd.DataFrame:
        """The rows this tool seeded in ``table``, by primary key, in the generators' conventions."""
        t = _known(table)
        with self._connection(table, action="read", transaction=False) as conn:
            if not sa.inspect(conn).has_table(ownership.OWNERSHIP.name):
                found = []
            else:
                query = sa.select(*rows.read_columns(table)).where(ownership.owned_clause(conn, table))
                found = conn.execute(query.order_by(*t.primary_key.columns)).all()
        return rows.to_frame(table, found)

    def row_counts(self, tables=None) -> dict[str, int]:
        """All rows per table, whoever created them; 0 for a table the database lacks."""
        names = list(tables) if tables is not None else sorted(TABLES)
        for name in names:
            _known(name)
        with self._connection(action="read", transaction=False) as conn:
            present = set(sa.inspect(conn).get_table_names())
            counted = [sa.select(sa.literal(n).label("t"), sa.func.count().label("n")).select_from(TABLES[n]) for n in names if n in present]
            found = dict(conn.execute(sa.union_all(*counted)).all()) if counted else {}
        return {n: int(found.get(n, 0)) for n in names}
