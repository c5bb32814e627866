"""Is the target empty, a complete TERP schema, or something the tool must not touch?

The tool only ever creates the schema in a database that has none of TERP's tables, and only
writes into one that has exactly the model's tables, columns, types, keys and foreign keys;
anything else is refused with one line that lists every difference (``schema/drift.py``).
"""

import sqlalchemy as sa
from sqlalchemy.schema import CreateIndex, CreateTable

from seed_pipeline.loaders import mysql_ddl, ownership
from seed_pipeline.loaders.errors import SeedDatabaseError
from seed_pipeline.model import current
from seed_pipeline.schema import TABLES, drift

EMPTY, TERP = "empty", "terp"
TOOL_TABLES = "seed_pipeline_"  # bookkeeping and bulk staging: never TERP's


def live_metadata(conn: sa.Connection) -> sa.MetaData:
    """The database's tables as SQLAlchemy reflects them, without the tool's own."""
    live = sa.MetaData()
    live.reflect(conn, only=lambda name, _meta: not name.startswith(TOOL_TABLES))
    return live


def keeps_enums(conn: sa.Connection) -> bool:
    """SQLite stores an enum as text: its values cannot be compared."""
    return conn.dialect.name != "sqlite"


def state(conn: sa.Connection, target: str) -> str:
    """EMPTY or TERP; a SeedDatabaseError for a partial schema or one that differs from the model."""
    present = set(sa.inspect(conn).get_table_names()) & set(TABLES)
    if not present:
        return EMPTY
    if len(present) * 2 < len(TABLES):
        missing = ", ".join(sorted(set(TABLES) - present))
        raise SeedDatabaseError(
            f"{target} has {len(present)} of TERP's {len(TABLES)} tables (missing: {missing}): "
            "point --db at an empty database or at a complete TERP schema"
        )
    if _sqlite_schema_is_the_models(conn, current().metadata):
        return TERP
    found = drift.terp_differences(current().metadata, live_metadata(conn), keeps_enums(conn))
    if found:
        raise SeedDatabaseError(
            f"{target} differs from the model: {drift.summary(found)}: "
            "`seed-pipeline schema diff --db URL` lists them one per line; --follow-live-schema seeds a newer TERP as it is"
        )
    return TERP


def _model_ddl(metadata: sa.MetaData, dialect: sa.Dialect) -> list[str]:
    """Every CREATE TABLE and CREATE INDEX statement ``create_all`` issues for the model, sorted."""
    statements = []
    for table in metadata.tables.values():  # any order: sorted below (a followed schema may hold cycles)
        statements.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        statements += [str(CreateIndex(index).compile(dialect=dialect)).strip() for index in table.indexes]
    return sorted(statements)


def _sqlite_schema_is_the_models(conn: sa.Connection, metadata: sa.MetaData) -> bool:
    """SQLite keeps the text of each CREATE statement: when every one of them (the tool's own tables
    aside) is the text the model's ``create_all`` issues, the schema is the model's, with no need to
    reflect it (0.05 s against 0.4 s a seed and a ``verify``). Any other text, a view or a trigger
    included, leaves the answer to the full comparison."""
    if conn.dialect.name != "sqlite":
        return False
    live = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE ? ESCAPE '!' ORDER BY sql",
        (TOOL_TABLES.replace("_", "!_") + "%",),
    ).scalars().all()
    return live == _model_ddl(metadata, conn.dialect)


def create_all(conn: sa.Connection) -> None:
    """All 120 tables plus the bookkeeping table, in one transaction where the engine allows DDL in one.
    Into an empty target only, so nothing is skipped: a view holding a table's name fails the create."""
    if conn.dialect.name == "mysql":
        mysql_ddl.create_all(conn, current().metadata)
    else:
        current().metadata.create_all(conn, checkfirst=False)
    ownership.ensure_table(conn)


def present(conn: sa.Connection) -> set[str]:
    """Every table and view name in the target: what a failed create must leave standing."""
    inspector = sa.inspect(conn)
    return set(inspector.get_table_names()) | set(inspector.get_view_names())


def drop_partial(engine: sa.Engine, standing: set[str]) -> None:
    """MySQL commits each CREATE TABLE: after a failed create, remove the tables this call made,
    and only those (``standing``: the names present before it)."""
    with engine.begin() as conn:
        made = present(conn) - standing
        for tables in (ownership.OWNERSHIP.metadata, current().metadata):
            tables.drop_all(conn, tables=[t for t in tables.sorted_tables if t.name in made], checkfirst=False)
