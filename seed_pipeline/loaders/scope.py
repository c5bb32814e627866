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


STAGING = "seed_pipeline_shadow"  # a shadow's name while it is filled


def _create_empty_like(conn: sa.Connection, name: str, like: str) -> None:
    """An empty temporary table ``name`` with the columns (and where the engine copies them, keys) of ``like``."""
    quote = conn.dialect.identifier_preparer.quote
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            f"CREATE TEMP TABLE {quote(name)} (LIKE {quote(like)} INCLUDING DEFAULTS INCLUDING INDEXES)")
    elif conn.dialect.name == "mysql":
        conn.exec_driver_sql(f"CREATE TEMPORARY TABLE {quote(name)} LIKE {quote(like)}")
    else:
        conn.exec_driver_sql(f"CREATE TEMP TABLE {quote(name)} AS SELECT * FROM {quote(like)} WHERE 0")


def shadow_foreign_rows(conn: sa.Connection, foreign: list[str] | None = None) -> list[str]:
    """Hide, on ``conn``, the rows the tool did not create in ``foreign`` (default: every table that
    holds some); the tables shadowed.

    Each shadow is filled under another name and then renamed, so the query reading the tool's rows
    names the real table plainly: MariaDB resolves even ``db.table`` to a temporary table of that
    name, and no engine-specific qualified name is needed."""
    shadowed = tables_with_foreign_rows(conn) if foreign is None else foreign
    quote = conn.dialect.identifier_preparer.quote
    for name in shadowed:
        t = TABLES[name]
        _create_empty_like(conn, STAGING, name)
        staging = sa.table(STAGING, *(sa.column(c.name) for c in t.columns))
        # one statement built from the table object: a key table's EXISTS correlates to the row read
        tool_rows = sa.select(*t.columns).where(ownership.owned_clause(conn, name))
        conn.execute(staging.insert().from_select([c.name for c in t.columns], tool_rows))
        conn.exec_driver_sql(f"ALTER TABLE {quote(STAGING)} RENAME TO {quote(name)}")
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
