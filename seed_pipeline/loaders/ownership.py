"""Which rows of each table this tool created, so that it never updates or deletes anyone else's.

A single-id table's seeded rows are one id range, written down per table in
``seed_pipeline_ownership``. A composite-key table's seeded rows are those whose first key
column points at a seeded row of its parent (role_permissions -> roles, user_roles -> users).
"""

import json
from dataclasses import dataclass

import sqlalchemy as sa

from seed_pipeline.schema import TABLES, references_from

OWNERSHIP = sa.Table(
    "seed_pipeline_ownership",
    sa.MetaData(),
    sa.Column("table_name", sa.String(64), primary_key=True),
    sa.Column("first_id", sa.BigInteger()),
    sa.Column("last_id", sa.BigInteger()),
    sa.Column("row_count", sa.BigInteger(), nullable=False),
    sa.Column("provenance", sa.Text()),
)
# No load time: the same settings must give the same database byte for byte; Dagster's run history keeps when.


@dataclass(frozen=True)
class Owned:
    """The bookkeeping row of one table; ``first_id``/``last_id`` are None for composite keys or no rows."""

    first_id: int | None
    last_id: int | None
    row_count: int


def has_single_id(table: str) -> bool:
    return [c.name for c in TABLES[table].primary_key.columns] == ["id"]


def ensure_table(conn: sa.Connection) -> bool:
    """Create the bookkeeping table when missing; True if it was created."""
    if sa.inspect(conn).has_table(OWNERSHIP.name):
        return False
    OWNERSHIP.create(conn)
    return True


def record_of(conn: sa.Connection, table: str) -> Owned | None:
    row = conn.execute(
        sa.select(OWNERSHIP.c.first_id, OWNERSHIP.c.last_id, OWNERSHIP.c.row_count).where(
            OWNERSHIP.c.table_name == table
        )
    ).first()
    return None if row is None else Owned(row.first_id, row.last_id, row.row_count)


def _range_clause(table: sa.Table, owned: Owned | None) -> sa.ColumnElement[bool]:
    if owned is None or owned.first_id is None:
        return sa.false()
    return table.c.id.between(owned.first_id, owned.last_id)


def owned_clause(conn: sa.Connection, table: str) -> sa.ColumnElement[bool]:
    """A WHERE clause selecting exactly the rows of ``table`` this tool created."""
    t = TABLES[table]
    if has_single_id(table):
        return _range_clause(t, record_of(conn, table))
    first_key = next(iter(t.primary_key.columns)).name
    ref = next(r for r in references_from(table) if r.column == first_key and r.kind != "polymorphic")
    parent = TABLES[ref.target]
    parent_rows = sa.select(parent.c[ref.target_column]).where(_range_clause(parent, record_of(conn, ref.target)))
    return t.c[first_key].in_(parent_rows)


def id_offset(conn: sa.Connection, table: str, owned: Owned | None, span: int) -> int:
    """How far local ids 1..span move so that they land on no row this tool did not create."""
    t = TABLES[table]
    mine = _range_clause(t, owned)
    foreign = sa.not_(mine)
    if span <= 0 or conn.execute(sa.select(t.c.id).where(foreign).limit(1)).first() is None:
        return 0  # nobody else's rows: ids 1..n, as in an empty database
    if owned is not None and owned.first_id is not None:
        reused = t.c.id.between(owned.first_id, owned.first_id + span - 1)
        if conn.execute(sa.select(t.c.id).where(reused, foreign).limit(1)).first() is None:
            return owned.first_id - 1
    return int(conn.execute(sa.select(sa.func.max(t.c.id))).scalar_one())


def record(conn: sa.Connection, table: str, first_id, last_id, row_count: int, provenance: dict) -> None:
    conn.execute(OWNERSHIP.delete().where(OWNERSHIP.c.table_name == table))
    conn.execute(
        OWNERSHIP.insert().values(
            table_name=table,
            first_id=None if first_id is None else int(first_id),
            last_id=None if last_id is None else int(last_id),
            row_count=int(row_count),
            provenance=json.dumps(provenance, sort_keys=True, default=str),
        )
    )


def provenance_of(conn: sa.Connection) -> dict | None:
    """The settings of the last seed (scenario, seed, scale, end date), from the core orders' record."""
    if not sa.inspect(conn).has_table(OWNERSHIP.name):
        return None
    text = conn.execute(sa.select(OWNERSHIP.c.provenance).where(OWNERSHIP.c.table_name == "orders")).scalar()
    return json.loads(text) if text else None
