"""Which rows of each table this tool created, so that it never updates or deletes anyone else's.

A single-id table's seeded rows are a list of id ranges, written down per table in
``seed_pipeline_ownership``; local id k of a generated frame is always the k-th of those ids, so
a seeded row keeps its key across reseeds (rows that users' rows point at stay the rows they
point at) and the table grows into ids after everything present. A composite-key table's
seeded rows are listed key by key in ``seed_pipeline_keys``: a user's own ``user_roles`` row for
a seeded user is not the tool's.
"""

import json
from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa

from seed_pipeline.schema import TABLES

_BOOKS = sa.MetaData()
OWNERSHIP = sa.Table(
    "seed_pipeline_ownership",
    _BOOKS,
    sa.Column("table_name", sa.String(64), primary_key=True),
    sa.Column("first_id", sa.BigInteger()),
    sa.Column("last_id", sa.BigInteger()),
    sa.Column("row_count", sa.BigInteger(), nullable=False),
    sa.Column("provenance", sa.Text()),
    sa.Column("id_ranges", sa.Text()),  # JSON [[first, last], ...]; first_id/last_id are their bounds
)
KEYS = sa.Table(
    "seed_pipeline_keys",
    _BOOKS,
    sa.Column("table_name", sa.String(64), primary_key=True),
    sa.Column("key_a", sa.String(64), primary_key=True),
    sa.Column("key_b", sa.String(64), primary_key=True),
)
BOOKKEEPING = (OWNERSHIP.name, KEYS.name)
# No load time: the same settings must give the same database byte for byte; Dagster's run history keeps when.


@dataclass(frozen=True)
class Owned:
    """The bookkeeping row of one table: its id ranges (none for composite keys), rows and settings."""

    ranges: tuple[tuple[int, int], ...]
    row_count: int
    provenance: dict

    def ids(self) -> np.ndarray:
        """Every owned id, ascending: local id k is ``ids()[k - 1]``."""
        if not self.ranges:
            return np.empty(0, dtype=np.int64)
        return np.concatenate([np.arange(a, b + 1, dtype=np.int64) for a, b in self.ranges])


def has_single_id(table: str) -> bool:
    return [c.name for c in TABLES[table].primary_key.columns] == ["id"]


def key_columns(table: str) -> list[str]:
    return [c.name for c in TABLES[table].primary_key.columns]


def ensure_table(conn: sa.Connection) -> bool:
    """Create the bookkeeping tables when missing (and add columns an older version lacked); True if created."""
    inspector = sa.inspect(conn)
    created = False
    for table in (OWNERSHIP, KEYS):
        if not inspector.has_table(table.name):
            table.create(conn)
            created = True
    if not created and "id_ranges" not in {c["name"] for c in inspector.get_columns(OWNERSHIP.name)}:
        conn.exec_driver_sql(f"ALTER TABLE {OWNERSHIP.name} ADD COLUMN id_ranges TEXT")
    return created


def ranges_of(ids: np.ndarray) -> tuple[tuple[int, int], ...]:
    """Ascending unique ids as maximal [first, last] runs."""
    if len(ids) == 0:
        return ()
    breaks = np.flatnonzero(np.diff(ids) != 1)
    starts = np.concatenate([[0], breaks + 1])
    ends = np.concatenate([breaks, [len(ids) - 1]])
    return tuple((int(ids[s]), int(ids[e])) for s, e in zip(starts, ends))


def record_of(conn: sa.Connection, table: str) -> Owned | None:
    row = conn.execute(sa.select(OWNERSHIP).where(OWNERSHIP.c.table_name == table)).first()
    return None if row is None else _owned(row)


def _owned(row) -> Owned:
    if row.id_ranges:
        ranges = tuple(tuple(r) for r in json.loads(row.id_ranges))
    else:  # written by an older version: one range
        ranges = () if row.first_id is None else ((int(row.first_id), int(row.last_id)),)
    return Owned(ranges, int(row.row_count), json.loads(row.provenance) if row.provenance else {})


def records(conn: sa.Connection) -> dict[str, Owned]:
    """Every table's record (tables never written are absent)."""
    if not sa.inspect(conn).has_table(OWNERSHIP.name):
        return {}
    return {row.table_name: _owned(row) for row in conn.execute(sa.select(OWNERSHIP))}


def ids_clause(column: sa.ColumnElement, ranges) -> sa.ColumnElement[bool]:
    if not ranges:
        return sa.false()
    return sa.or_(*(column.between(a, b) for a, b in ranges))


def owned_clause(conn: sa.Connection, table: str, owned: Owned | None = None) -> sa.ColumnElement[bool]:
    """A WHERE clause selecting exactly the rows of ``table`` this tool created (``owned``: its record, if read)."""
    t = TABLES[table]
    if has_single_id(table):
        owned = owned if owned is not None else record_of(conn, table)
        return ids_clause(t.c.id, owned.ranges if owned else ())
    a, b = key_columns(table)
    return sa.exists().where(
        KEYS.c.table_name == table,
        KEYS.c.key_a == sa.cast(t.c[a], sa.String(64)),
        KEYS.c.key_b == sa.cast(t.c[b], sa.String(64)),
    )


def assign_ids(conn: sa.Connection, table: str, owned: Owned | None, count: int) -> np.ndarray:
    """The final ids of local ids 1..count: the owned ids in order, then ids after every row present."""
    mine = owned.ids() if owned is not None else np.empty(0, dtype=np.int64)
    if count <= len(mine):
        return mine[:count]
    t = TABLES[table]
    top = conn.execute(sa.select(sa.func.max(t.c.id))).scalar()
    start = max(int(top or 0), int(mine[-1]) if len(mine) else 0) + 1
    return np.concatenate([mine, np.arange(start, start + count - len(mine), dtype=np.int64)])


def record(conn: sa.Connection, table: str, ids: np.ndarray | None, row_count: int, provenance: dict) -> None:
    """Write down what the tool now owns in ``table`` (``ids`` None for composite keys)."""
    ranges = ranges_of(np.sort(ids)) if ids is not None else ()
    conn.execute(OWNERSHIP.delete().where(OWNERSHIP.c.table_name == table))
    conn.execute(
        OWNERSHIP.insert().values(
            table_name=table,
            first_id=ranges[0][0] if ranges else None,
            last_id=ranges[-1][1] if ranges else None,
            row_count=int(row_count),
            provenance=json.dumps(provenance, sort_keys=True, default=str),
            id_ranges=json.dumps([list(r) for r in ranges]),
        )
    )


def record_keys(conn: sa.Connection, table: str, keys: list[tuple]) -> None:
    """Write down the composite keys the tool now owns in ``table``."""
    conn.execute(KEYS.delete().where(KEYS.c.table_name == table))
    if keys:
        conn.execute(KEYS.insert(), [{"table_name": table, "key_a": str(a), "key_b": str(b)} for a, b in keys])


def forget(conn: sa.Connection, table: str) -> None:
    conn.execute(OWNERSHIP.delete().where(OWNERSHIP.c.table_name == table))
    conn.execute(KEYS.delete().where(KEYS.c.table_name == table))


def settings_record(settings) -> dict:
    """A run's settings as recorded with each table it writes (and compared across tables)."""
    return {"scenario": settings.scenario, "seed": int(settings.seed), "scale": float(settings.scale),
            "end_date": settings.end_date.isoformat()}


def provenance_of(conn: sa.Connection) -> dict | None:
    """The settings of the last seed (scenario, seed, scale, end date), from the core orders' record."""
    if not sa.inspect(conn).has_table(OWNERSHIP.name):
        return None
    text = conn.execute(sa.select(OWNERSHIP.c.provenance).where(OWNERSHIP.c.table_name == "orders")).scalar()
    return json.loads(text) if text else None
