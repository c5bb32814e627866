"""Getting a wire frame into a table fast, per engine, inside the caller's transaction.

PostgreSQL gets COPY fed with CSV text rendered by pandas; MariaDB/MySQL gets LOAD DATA LOCAL
INFILE from a temporary CSV file (multi-row INSERTs when the server refuses local files);
SQLite gets executemany. Replacing seeded rows goes through a temporary staging table so that
rows keep their ids: children pointing at them (TERP cascades deletes) stay intact.
The order of a replacement lives in ``loaders/sync.py``.
"""

import os
import secrets
import tempfile

import pandas as pd
import sqlalchemy as sa

from seed_pipeline.loaders.errors import SeedDatabaseError
from seed_pipeline.loaders.rows import records
from seed_pipeline.schema import TABLES, references_from

CHUNK = 200_000  # rows rendered (or bound) at a time: bounded memory, few round trips
STAGE = "seed_pipeline_stage"
CHUNK_IDS = 5000  # ids per IN list
_LOCAL_INFILE: dict[str, bool] = {}  # engine URL -> server accepts LOAD DATA LOCAL


def _q(conn: sa.Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _columns(conn: sa.Connection, wire: pd.DataFrame) -> str:
    return ", ".join(_q(conn, c) for c in wire.columns)


def _text_columns(wire: pd.DataFrame) -> list[str]:
    return [c for c in wire.columns if pd.api.types.is_string_dtype(wire[c])]


def _csv(chunk: pd.DataFrame, null: str) -> str:
    return chunk.to_csv(header=False, index=False, na_rep=null, lineterminator="\n")


def _chunks(wire: pd.DataFrame):
    for start in range(0, len(wire), CHUNK):
        yield wire.iloc[start : start + CHUNK]


def _collides(wire: pd.DataFrame, marker: str) -> bool:
    return any((wire[c] == marker).any() for c in _text_columns(wire))


def copy_postgres(conn: sa.Connection, target: str, wire: pd.DataFrame) -> None:
    null = "\\N"
    while _collides(wire, null):  # a text value equal to the marker would read back as NULL
        null = f"\\N{secrets.token_hex(4)}"
    sql = f"COPY {_q(conn, target)} ({_columns(conn, wire)}) FROM STDIN (FORMAT csv, NULL '{null}')"
    with conn.connection.driver_connection.cursor() as cursor, cursor.copy(sql) as copy:
        for chunk in _chunks(wire):
            copy.write(_csv(chunk, null))


def local_infile_allowed(conn: sa.Connection) -> bool:
    key = str(conn.engine.url)
    if key not in _LOCAL_INFILE:
        _LOCAL_INFILE[key] = bool(conn.exec_driver_sql("SELECT @@GLOBAL.local_infile").scalar())
    return _LOCAL_INFILE[key]


def _raise_on_warnings(cursor, target: str, expected: int, loaded: int) -> None:
    """LOAD DATA LOCAL turns errors into warnings (the server cannot stop the upload): make them errors again."""
    cursor.execute("SHOW WARNINGS")  # notes (e.g. rounding) come first sometimes: look at all
    import pymysql  # the MySQL path only

    for level, code, message in cursor.fetchall():
        if level in ("Warning", "Error"):
            raise pymysql.err.IntegrityError(code, message)
    if loaded != expected:
        raise SeedDatabaseError(f"table {target}: loaded {loaded} of {expected} rows; check the generated data")


def load_data_mysql(conn: sa.Connection, target: str, wire: pd.DataFrame) -> None:
    wire = wire.copy(deep=False)
    for c in _text_columns(wire):
        if wire[c].str.contains("\\", regex=False).any():
            wire[c] = wire[c].str.replace("\\", "\\\\", regex=False)
    handle, path = tempfile.mkstemp(prefix="seed_pipeline_", suffix=".csv")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            for chunk in _chunks(wire):
                file.write(_csv(chunk, "\\N"))
        sql = (
            f"LOAD DATA LOCAL INFILE %s INTO TABLE {_q(conn, target)} CHARACTER SET utf8mb4 "
            "FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' ESCAPED BY '\\\\' "
            f"LINES TERMINATED BY '\\n' ({_columns(conn, wire)})"
        )
        with conn.connection.driver_connection.cursor() as cursor:
            loaded = cursor.execute(sql, (path,))
            _raise_on_warnings(cursor, target, len(wire), loaded)
    finally:
        os.unlink(path)


def insert_many(conn: sa.Connection, target: str, wire: pd.DataFrame) -> None:
    """DB-API executemany; PyMySQL turns it into multi-row INSERTs under max_allowed_packet."""
    mark = "?" if conn.dialect.name == "sqlite" else "%s"
    sql = f"INSERT INTO {_q(conn, target)} ({_columns(conn, wire)}) VALUES ({', '.join([mark] * len(wire.columns))})"
    cursor = conn.connection.driver_connection.cursor()
    try:
        for chunk in _chunks(wire):
            cursor.executemany(sql, records(chunk))
    finally:
        cursor.close()


def load(conn: sa.Connection, target: str, wire: pd.DataFrame) -> None:
    """Insert every row of ``wire`` into ``target`` (a TERP table or the staging table)."""
    if wire.empty:
        return
    engine = conn.dialect.name
    if engine == "postgresql":
        copy_postgres(conn, target, wire)
    elif engine == "mysql" and local_infile_allowed(conn) and not _collides(wire, "NULL"):
        load_data_mysql(conn, target, wire)  # an unquoted NULL would load as NULL: such frames take INSERTs
    else:
        insert_many(conn, target, wire)


def create_stage(conn: sa.Connection, table: str, columns: list[str]) -> str:
    """An empty temporary table with ``table``'s types for ``columns``, keyed by id."""
    q, stage, cols = _q(conn, table), _q(conn, STAGE), ", ".join(_q(conn, c) for c in columns)
    engine = conn.dialect.name
    if engine == "postgresql":
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS pg_temp.{stage}")
        conn.exec_driver_sql(f"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {cols} FROM {q} WITH NO DATA")
        conn.exec_driver_sql(f"CREATE UNIQUE INDEX ON {stage} (id)")
    elif engine == "mysql":  # TEMPORARY: no implicit commit
        conn.exec_driver_sql(f"DROP TEMPORARY TABLE IF EXISTS {stage}")
        conn.exec_driver_sql(f"CREATE TEMPORARY TABLE {stage} (PRIMARY KEY (id)) SELECT {cols} FROM {q} LIMIT 0")
    else:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{stage}")
        conn.exec_driver_sql(f"CREATE TEMP TABLE {stage} AS SELECT {cols} FROM {q} WHERE 0")
        conn.exec_driver_sql(f"CREATE UNIQUE INDEX temp.{_q(conn, STAGE + '_id')} ON {stage} (id)")
    return STAGE


def fill_stage(conn: sa.Connection, wire: pd.DataFrame) -> None:
    load(conn, STAGE, wire)
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"ANALYZE {_q(conn, STAGE)}")  # temp tables get no autovacuum statistics


def drop_stage(conn: sa.Connection) -> None:
    stage = _q(conn, STAGE)
    if conn.dialect.name == "mysql":
        conn.exec_driver_sql(f"DROP TEMPORARY TABLE IF EXISTS {stage}")
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{stage}")
    # PostgreSQL: ON COMMIT DROP


def _changed(conn: sa.Connection, table: str, columns: list[str]) -> str:
    """SQL true when any of ``columns`` differs between the row and its stage row (NULL-safe, case-sensitive)."""
    q, tests = _q(conn, table), []
    for name in columns:
        c = _q(conn, name)
        text = isinstance(TABLES[table].c[name].type, (sa.String, sa.JSON))
        if conn.dialect.name == "postgresql":
            cast = "::text" if isinstance(TABLES[table].c[name].type, sa.JSON) else ""  # json has no =
            tests.append(f"{q}.{c}{cast} IS DISTINCT FROM s.{c}{cast}")
        elif conn.dialect.name == "mysql":
            binary = "BINARY " if text else ""  # default collations ignore case and trailing spaces
            tests.append(f"NOT ({binary}{q}.{c} <=> {binary}s.{c})")
        else:
            tests.append(f"{q}.{c} IS NOT s.{c}")
    return "(" + " OR ".join(tests) + ")"


def _range_sql(conn: sa.Connection, table: str, ranges) -> str:
    """SQL true for the rows of ``table`` whose id lies in ``ranges``."""
    q = _q(conn, table)
    if not ranges:
        return "1 = 0"
    return "(" + " OR ".join(f"{q}.id BETWEEN {int(a)} AND {int(b)}" for a, b in ranges) + ")"


def update_from_stage(conn: sa.Connection, table: str, columns: list[str], ranges, only_changed: bool = False) -> int:
    """Set ``columns`` of the rows whose id lies in ``ranges`` from the stage row with the same id.

    ``only_changed`` skips rows already equal to their stage row: re-seeding the same data
    then writes nothing (PostgreSQL would otherwise rewrite every row).
    """
    sets = {c: f"s.{_q(conn, c)}" for c in columns}
    guard = _range_sql(conn, table, ranges)
    if only_changed:
        guard += f" AND {_changed(conn, table, columns)}"
    return _update_joined(conn, table, sets, guard)


def _update_joined(conn: sa.Connection, table: str, sets: dict[str, str], guard: str) -> int:
    """UPDATE ``table`` joined with the stage on id, setting column -> SQL expression where ``guard``."""
    q, s = _q(conn, table), _q(conn, STAGE)
    if conn.dialect.name == "mysql":
        assigned = [f"{q}.{_q(conn, c)} = {v}" for c, v in sets.items()]
        # ON UPDATE CURRENT_TIMESTAMP would stamp the wall clock into generated rows:
        # assigning such a column its own value keeps it (and matches the other engines).
        auto = [c.name for c in TABLES[table].columns if c.info.get("on_update_now") and c.name not in sets]
        assigned += [f"{q}.{_q(conn, c)} = {q}.{_q(conn, c)}" for c in auto]
        sql = f"UPDATE {q} JOIN {s} AS s ON {q}.id = s.id AND {guard} SET {', '.join(assigned)}"
    else:  # PostgreSQL, SQLite >= 3.33
        assigned = ", ".join(f"{_q(conn, c)} = {v}" for c, v in sets.items())
        sql = f"UPDATE {q} SET {assigned} FROM {s} AS s WHERE {q}.id = s.id AND {guard}"
    return conn.exec_driver_sql(sql).rowcount


def _parked(conn: sa.Connection, table: str, column: str) -> str:
    """A text no real value has, unique per row: the row's id behind a control character."""
    ident = f"{_q(conn, table)}.id"
    if conn.dialect.name == "mysql":
        return f"CONCAT(CHAR(31 USING utf8mb4), {ident})"
    if conn.dialect.name == "postgresql":
        return f"chr(31) || {ident}::text"
    return f"char(31) || {ident}"


def park_unique_values(conn: sa.Connection, table: str, columns: list[str], ranges) -> sa.ColumnElement | None:
    """Free the unique values that staged rows take from each other before updating them.

    Every engine checks a unique key row by row, so two seeded rows swapping a value (a strain
    name moving from id 14 to id 10) collide halfway. Rows whose key changes get a parked text
    value, or NULL; where the key is all NOT NULL numbers, the rows are returned (as a clause)
    for the caller to delete and insert again.
    """
    t, removed = TABLES[table], []
    guard = _range_sql(conn, table, ranges)
    for key in unique_keys(table):
        if not set(key) <= set(columns):
            continue
        changed = f"{guard} AND {_changed(conn, table, list(key))}"
        text = [c for c in key if isinstance(t.c[c].type, sa.String) and not isinstance(t.c[c].type, sa.Enum)]
        nullable = [c for c in key if t.c[c].nullable]
        if text:
            _update_joined(conn, table, {text[0]: _parked(conn, table, text[0])}, changed)
        elif nullable:
            _update_joined(conn, table, {nullable[0]: "NULL"}, changed)
        else:
            staged = sa.table(STAGE, *(sa.column(c) for c in ("id", *key)))
            differs = sa.or_(*(sa.not_(t.c[c].is_not_distinct_from(staged.c[c])) for c in key))
            removed.append(sa.exists().where(staged.c.id == t.c.id, differs))
    return sa.or_(*removed) if removed else None


def unique_keys(table: str) -> list[tuple[str, ...]]:
    """The table's unique keys other than its primary key, as column names."""
    t = TABLES[table]
    keys = [c for c in t.constraints if isinstance(c, sa.UniqueConstraint)] + [i for i in t.indexes if i.unique]
    return [tuple(c.name for c in k.columns) for k in keys if k.columns]


def set_null(conn: sa.Connection, table: str, column: str, where: sa.ColumnElement[bool]) -> None:
    """Unlink a reference; MariaDB's ON UPDATE CURRENT_TIMESTAMP columns keep their value (no wall clock)."""
    t = TABLES[table]
    keep = {c.name: t.c[c.name] for c in t.columns if c.info.get("on_update_now") and c.name != column}
    conn.execute(t.update().where(where).values({column: None, **keep}))


def delete_rows(conn: sa.Connection, table: str, where: sa.ColumnElement[bool]) -> None:
    """Delete rows of ``table``; rows pointing at them in the same table are unlinked first (InnoDB checks each at once)."""
    t = TABLES[table]
    self_refs = [r.column for r in references_from(table) if r.is_self and r.kind == "declared"]
    if self_refs:
        ids = conn.execute(sa.select(t.c.id).where(where)).scalars().all()
        for start in range(0, len(ids), CHUNK_IDS):
            chunk = ids[start : start + CHUNK_IDS]
            for column in self_refs:
                set_null(conn, table, column, t.c[column].in_(chunk))
    conn.execute(t.delete().where(where))


def stage(conn: sa.Connection, table: str, wire: pd.DataFrame) -> None:
    create_stage(conn, table, list(wire.columns))
    fill_stage(conn, wire)


def insert_missing_from_stage(conn: sa.Connection, table: str, columns: list[str]) -> None:
    """Insert the staged rows whose id the table does not hold (new rows, rows deleted meanwhile)."""
    q, s = _q(conn, table), _q(conn, STAGE)
    cols = ", ".join(_q(conn, c) for c in columns)
    staged_cols = ", ".join(f"s.{_q(conn, c)}" for c in columns)
    missing = f"NOT EXISTS (SELECT 1 FROM {q} AS x WHERE x.id = s.id)"
    conn.exec_driver_sql(f"INSERT INTO {q} ({cols}) SELECT {staged_cols} FROM {s} AS s WHERE {missing} ORDER BY s.id")


def advance_sequence(conn: sa.Connection, table: str) -> None:
    """PostgreSQL does not move a serial's sequence past explicit ids: TERP's next insert would collide."""
    if conn.dialect.name != "postgresql":
        return
    q = _q(conn, table)
    conn.execute(
        sa.text(
            f"SELECT setval(pg_get_serial_sequence(:name, 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {q}"
        ),
        {"name": q},
    )
