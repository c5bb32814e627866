"""Checks judge the tool's rows: a connection on which each table holding rows this tool did not
create reads as the tool's rows only.

Every check is SQL over TERP's unqualified table names, so a temporary table of the same name,
holding the seeded rows, stands in for the real one on that connection (PostgreSQL searches
pg_temp first, MariaDB/MySQL and SQLite let a temporary table hide the base table). Tables
holding only seeded rows are read as they are; a database with no seed record is judged whole.
"""

import sqlalchemy as sa

from seed_pipeline.loaders import ownership
from seed_pipeline.schema import TABLES


def tables_with_foreign_rows(conn: sa.Connection) -> list[str]:
    """Tables holding rows the tool did not create (none when the tool never seeded this database)."""
    records = ownership.records(conn)
    if not records:
        return []
    counts = [
        sa.select(sa.literal(name).label("t"), sa.func.count().label("n"))
        .select_from(TABLES[name])
        .where(sa.not_(ownership.owned_clause(conn, name, owned=records.get(name))))
        for name in sorted(TABLES)
    ]
    return [name for name, n in conn.execute(sa.union_all(*counts)).all() if n]


def _source(conn: sa.Connection, name: str) -> str:
    quote = conn.dialect.identifier_preparer.quote
    if conn.dialect.name == "postgresql":
        return f"{quote(conn.exec_driver_sql('SELECT current_schema()').scalar())}.{quote(name)}"
    if conn.dialect.name == "mysql":
        return f"{quote(conn.exec_driver_sql('SELECT DATABASE()').scalar())}.{quote(name)}"
    return f"main.{quote(name)}"


def shadow_foreign_rows(conn: sa.Connection, foreign: list[str] | None = None) -> list[str]:
    """Hide, on ``conn``, the rows the tool did not create in ``foreign`` (default: every table that
    holds some); the tables shadowed."""
    shadowed = tables_with_foreign_rows(conn) if foreign is None else foreign
    for name in shadowed:
        t, quote = TABLES[name], conn.dialect.identifier_preparer.quote
        source = _source(conn, name)
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"CREATE TEMP TABLE {quote(name)} (LIKE {source} INCLUDING DEFAULTS INCLUDING INDEXES)")
        elif conn.dialect.name == "mysql":
            conn.exec_driver_sql(f"CREATE TEMPORARY TABLE {quote(name)} LIKE {source}")
        else:
            conn.exec_driver_sql(f"CREATE TEMP TABLE {quote(name)} AS SELECT * FROM {source} WHERE 0")
        columns = ", ".join(quote(c.name) for c in t.columns)
        # compiled as a whole query, so a key table's EXISTS correlates to the row read, not to the shadow
        query = str(sa.select(*t.columns).where(ownership.owned_clause(conn, name))
                    .compile(conn, compile_kwargs={"literal_binds": True}))
        query = query.replace(f"\nFROM {quote(name)}", f"\nFROM {source} AS {quote(name)}", 1)
        conn.exec_driver_sql(f"INSERT INTO {quote(name)} ({columns}) {query}")
    return shadowed


def drop_shadows(conn: sa.Connection, shadowed: list[str]) -> None:
    """Pooled connections outlive the check: leave them reading the real tables again."""
    quote = conn.dialect.identifier_preparer.quote
    for name in shadowed:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS pg_temp.{quote(name)}")
        elif conn.dialect.name == "mysql":
            conn.exec_driver_sql(f"DROP TEMPORARY TABLE IF EXISTS {quote(name)}")
        else:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{quote(name)}")
