"""Getting a wire frame into a table fast, per engine, inside the caller's transaction.

PostgreSQL gets COPY fed with CSV text rendered by pandas; MariaDB/MySQL gets LOAD DATA LOCAL
INFILE from a temporary CSV file (multi-row INSERTs when the server refuses local files);
SQLite gets executemany. Replacing seeded rows goes through a temporary staging table so that
rows keep their ids: children pointing at them (TERP cascades deletes) stay intact.
"""

import os
import secrets
import tempfile

import pandas as pd
import pymysql
import sqlalchemy as sa

from seed_pipeline.loaders.errors import SeedDatabaseError
from seed_pipeline.loaders.rows import records
from seed_pipeline.schema import TABLES, references_from

CHUNK = 200_000  # rows rendered (or bound) at a time: bounded memory, few round trips
STAGE = "seed_pipeline_stage"
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


def update_from_stage(
    conn: sa.Connection, table: str, columns: list[str], first_id: int, last_id: int, only_changed: bool = False
) -> int:
    """Set ``columns`` of the rows in [first_id, last_id] from the stage row with the same id.

    ``only_changed`` skips rows already equal to their stage row: re-seeding the same data
    then writes nothing (PostgreSQL would otherwise rewrite every row).
    """
    q, s = _q(conn, table), _q(conn, STAGE)
    guard = f"{q}.id = s.id AND {q}.id BETWEEN {int(first_id)} AND {int(last_id)}"
    if only_changed:
        guard += f" AND {_changed(conn, table, columns)}"
    if conn.dialect.name == "mysql":
        sets = [f"{q}.{_q(conn, c)} = s.{_q(conn, c)}" for c in columns]
        # ON UPDATE CURRENT_TIMESTAMP would stamp the wall clock into generated rows:
        # assigning such a column its own value keeps it (and matches the other engines).
        auto = [c.name for c in TABLES[table].columns if c.info.get("on_update_now") and c.name not in columns]
        sets += [f"{q}.{_q(conn, c)} = {q}.{_q(conn, c)}" for c in auto]
        sql = f"UPDATE {q} JOIN {s} AS s ON {guard} SET {', '.join(sets)}"
    else:  # PostgreSQL, SQLite >= 3.33
        sets = ", ".join(f"{_q(conn, c)} = s.{_q(conn, c)}" for c in columns)
        sql = f"UPDATE {q} SET {sets} FROM {s} AS s WHERE {guard}"
    return conn.exec_driver_sql(sql).rowcount


def replace_owned(conn: sa.Connection, table: str, wire: pd.DataFrame, first_id: int, last_id: int) -> None:
    """Make the owned rows [first_id, last_id] of ``table`` exactly ``wire``, keeping the ids both share.

    Order matters: delete owned rows the frame no longer has (freeing their unique values),
    update the rows both share, insert the new ones. The usual re-seed covers the whole owned
    range, so the anti-joins over the stage are skipped when plain id ranges say the same.
    """
    t, q, s = TABLES[table], _q(conn, table), _q(conn, STAGE)
    create_stage(conn, table, list(wire.columns))
    fill_stage(conn, wire)
    ids = wire["id"].to_numpy(dtype="int64")
    shared = int(((ids >= first_id) & (ids <= last_id)).sum())  # ids are unique
    owned = t.c.id.between(first_id, last_id)
    if shared < last_id - first_id + 1:  # some owned ids are not in the frame: those rows go
        staged = sa.table(STAGE, sa.column("id"))
        gone = sa.and_(owned, ~sa.exists().where(staged.c.id == t.c.id))
        self_refs = [r.column for r in references_from(table) if r.is_self and r.kind == "declared"]
        if self_refs:  # InnoDB checks each deleted row at once: unlink rows being removed from each other first
            conn.execute(t.update().where(gone).values({c: None for c in self_refs}))
        conn.execute(t.delete().where(gone))
    columns = [c for c in wire.columns if c != "id"]
    if columns:
        update_from_stage(conn, table, columns, first_id, last_id, only_changed=True)
    present = conn.execute(sa.select(sa.func.count()).select_from(t).where(owned)).scalar_one()
    if present == shared:  # every shared id exists: the new rows are the ones outside the range
        new_rows = f"s.id NOT BETWEEN {int(first_id)} AND {int(last_id)}"
    else:  # someone deleted some of our rows meanwhile
        new_rows = f"NOT EXISTS (SELECT 1 FROM {q} AS x WHERE x.id = s.id)"
    cols = _columns(conn, wire)
    staged_cols = ", ".join(f"s.{_q(conn, c)}" for c in wire.columns)
    conn.exec_driver_sql(f"INSERT INTO {q} ({cols}) SELECT {staged_cols} FROM {s} AS s WHERE {new_rows} ORDER BY s.id")
    drop_stage(conn)


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
