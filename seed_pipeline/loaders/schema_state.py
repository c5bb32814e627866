"""Is the target empty, a complete TERP schema, or something the tool must not touch?

The tool only ever creates the schema in a database that has none of TERP's tables, and only
writes into one whose 120 tables all have the model's columns; anything in between is refused
with a message that says which tables or columns are off.
"""

import sqlalchemy as sa

from seed_pipeline.loaders import ownership
from seed_pipeline.loaders.errors import SeedDatabaseError
from seed_pipeline.schema import TABLES, metadata

EMPTY, TERP = "empty", "terp"
SHOWN = 5  # names listed in a message before "and N more"


def _listing(names) -> str:
    names = sorted(names)
    shown = ", ".join(names[:SHOWN])
    return shown + (f" and {len(names) - SHOWN} more" if len(names) > SHOWN else "")


def _column_differences(table: str, found: list[str]) -> str | None:
    wanted = [c.name for c in TABLES[table].columns]
    missing = [c for c in wanted if c not in found]
    extra = [c for c in found if c not in wanted]
    if not missing and not extra:
        return None
    parts = []
    if missing:
        parts.append(f"missing columns {', '.join(missing)}")
    if extra:
        parts.append(f"extra columns {', '.join(extra)}")
    return f"{table} ({'; '.join(parts)})"


def _family(kind) -> str:
    """What a column's type holds, coarsely enough that every engine's reflection agrees."""
    if isinstance(kind, sa.Enum):
        return "enum"
    if isinstance(kind, (sa.Boolean, sa.Integer)):
        return "integer"
    if isinstance(kind, sa.Numeric):
        return "decimal" if not isinstance(kind, sa.Float) and (kind.scale or 0) > 0 else "number"
    if isinstance(kind, (sa.Date, sa.DateTime)):
        return "time"
    return "text"


INCOMPATIBLE = {("decimal", "integer"), ("integer", "text"), ("integer", "time"), ("text", "integer"),
                ("text", "decimal"), ("time", "integer"), ("time", "decimal"), ("decimal", "text")}


def _type_differences(table: str, found: list[dict]) -> list[str]:
    """Columns whose type cannot hold what the model writes (orders.total as INTEGER would round every total)."""
    out = []
    for reflected in found:
        column = TABLES[table].c.get(reflected["name"])
        if column is None:
            continue
        model, there = column.type, reflected["type"]
        if (_family(model), _family(there)) in INCOMPATIBLE:
            out.append(f"{table}.{column.name} is {there} where TERP has {model}")
        elif isinstance(model, sa.Enum) and isinstance(there, sa.Enum) and set(model.enums) - set(there.enums):
            out.append(f"{table}.{column.name} lacks the values {', '.join(sorted(set(model.enums) - set(there.enums)))}")
    return out


def state(conn: sa.Connection, target: str) -> str:
    """EMPTY or TERP; a SeedDatabaseError for a partial or different schema."""
    inspector = sa.inspect(conn)
    present = set(inspector.get_table_names()) & set(TABLES)
    if not present:
        return EMPTY
    if present != set(TABLES):
        raise SeedDatabaseError(
            f"{target} has {len(present)} of TERP's {len(TABLES)} tables (missing: {_listing(set(TABLES) - present)}): "
            "point --db at an empty database or at a complete TERP schema"
        )
    columns = inspector.get_multi_columns(filter_names=sorted(TABLES))
    found = {name: [c["name"] for c in cols] for (_schema, name), cols in columns.items()}
    differences = [d for t in sorted(TABLES) if (d := _column_differences(t, found.get(t, [])))]
    typed = [d for (_schema, name), cols in sorted(columns.items()) for d in _type_differences(name, cols)]
    if typed:
        shown = "; ".join(typed[:3]) + (f"; and {len(typed) - 3} more" if len(typed) > 3 else "")
        raise SeedDatabaseError(f"{target} has TERP's tables with other column types: {shown}: migrate it to TERP's current schema or use another --db")
    if differences:
        shown = "; ".join(differences[:3]) + (f"; and {len(differences) - 3} more tables" if len(differences) > 3 else "")
        raise SeedDatabaseError(
            f"{target} has TERP's tables but not TERP's columns: {shown}: migrate it to TERP's current schema or use another --db"
        )
    return TERP


def create_all(conn: sa.Connection) -> None:
    """All 120 tables plus the bookkeeping table, in one transaction where the engine allows DDL in one.
    Into an empty target only, so nothing is skipped: a view holding a table's name fails the create."""
    metadata.create_all(conn, checkfirst=False)
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
        for tables in (ownership.OWNERSHIP.metadata, metadata):
            tables.drop_all(conn, tables=[t for t in tables.sorted_tables if t.name in made], checkfirst=False)
