"""Making the tool's rows of one table exactly a new frame, inside the caller's transaction.

The seeded rows keep their ids (local id k is always the k-th owned id), so rows that point
at them, the tool's or the users', keep pointing at the same keys. The order is what makes any
change of settings converge in one statement list: remove the owned rows the frame no longer
has (refusing when a user's row points at one), park the unique values that move between rows,
update the rows both share, insert the rest.
"""

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.loaders import bulk, ownership, referrers
from seed_pipeline.loaders.errors import SeedDatabaseError
from seed_pipeline.schema import TABLES


def _remove(conn: sa.Connection, table: str, doomed: sa.ColumnElement[bool], action: str) -> None:
    """Delete seeded rows and the tool's rows that need them; refuse if a user's row points at any."""
    removal = referrers.plan_removal(conn, table, doomed)
    if removal.broken:
        raise SeedDatabaseError(referrers.refusal(f"table {table}", removal.broken, action, ", or keep the previous settings",
                                                  len(removal.users)))
    referrers.apply(conn, removal)


def sync_single(conn: sa.Connection, table: str, wire: pd.DataFrame, old_ids: np.ndarray) -> None:
    """Make the owned rows ``old_ids`` of a single-id table exactly ``wire`` (final ids, ascending)."""
    t = TABLES[table]
    new_ids = wire["id"].to_numpy(dtype="int64")
    if len(old_ids) == 0:
        bulk.load(conn, table, wire)
        return
    gone = ownership.ids_clause(t.c.id, ownership.ranges_of(np.setdiff1d(old_ids, new_ids)))
    if not isinstance(gone, sa.sql.elements.False_):
        _remove(conn, table, gone, "removing seeded rows the new settings no longer make")
    if wire.empty:
        return
    shared = ownership.ranges_of(np.intersect1d(old_ids, new_ids))
    columns = [c for c in wire.columns if c != "id"]
    bulk.stage(conn, table, wire)
    if columns and shared:
        renewed = bulk.park_unique_values(conn, table, columns, shared)
        if renewed is not None:  # their unique key is all numbers: delete them, insert them again below
            doomed = sa.and_(ownership.ids_clause(t.c.id, shared), renewed)
            _remove(conn, table, doomed, "re-creating seeded rows whose unique key changes")
        bulk.update_from_stage(conn, table, columns, shared, only_changed=True)
    bulk.insert_missing_from_stage(conn, table, list(wire.columns))
    bulk.drop_stage(conn)


def sync_composite(conn: sa.Connection, table: str, wire: pd.DataFrame) -> list[tuple]:
    """Replace the owned rows of a composite-key table by ``wire``; the keys now owned.

    Nothing references a composite-key row, so delete and insert is exact. A key a user's row
    already holds stays the user's row.
    """
    t = TABLES[table]
    a, b = ownership.key_columns(table)
    conn.execute(t.delete().where(ownership.owned_clause(conn, table)))
    held = {(str(x), str(y)) for x, y in conn.execute(sa.select(t.c[a], t.c[b])).all()}
    keys = list(zip(wire[a].astype(str), wire[b].astype(str)))
    free = np.array([k not in held for k in keys], dtype=bool)
    bulk.load(conn, table, wire[free])
    return [k for k, f in zip(keys, free) if f]
