"""Before a reseed writes anything: the seeded rows it would give up that users' rows point at.

A reseed gives up, in each table it rewrites, the owned ids past the table's new row count (local
id k is always the k-th owned id), and with them the tool's rows that need them
(``referrers.plan_removal``). Where a row the tool did not create points at any of those, the run
either refuses, listing them, or (asked to keep them) hands those seeded rows over to the users'
side: they are no longer recorded as the tool's, so no reseed or teardown touches them again. A
handed-over row is then a users' row like any other, so the seeded rows it points at are kept by
the same rule, round after round, until nothing users point at is given up. Only ids past the new
counts are handed over, so every kept seeded row keeps its key.
"""

import numpy as np
import sqlalchemy as sa

from seed_pipeline.loaders import ownership, referrers
from seed_pipeline.loaders.errors import SeedDatabaseError
from seed_pipeline.schema import TABLES, references


def given_up(records: dict[str, ownership.Owned], counts: dict[str, int]) -> dict[str, np.ndarray]:
    """Per table keyed by id, the owned ids a run writing ``counts`` rows gives up."""
    gone = {}
    for table, count in counts.items():
        owned = records.get(table)
        if owned is not None and ownership.has_single_id(table) and len(owned.ids()) > count:
            gone[table] = owned.ids()[count:]
    return gone


def _removals(conn: sa.Connection, gone: dict[str, np.ndarray]) -> list[referrers.Removal]:
    return [referrers.plan_removal(conn, t, ownership.ids_clause(TABLES[t].c.id, ownership.ranges_of(ids)))
            for t, ids in gone.items()]


def in_the_way(conn: sa.Connection, gone: dict[str, np.ndarray]) -> tuple[list[str], int]:
    """The users' rows giving up ``gone`` would break: the first few described, and how many."""
    removals = _removals(conn, gone)
    return list(dict.fromkeys(b for r in removals for b in r.broken)), len(set().union(*(r.users for r in removals)))


def _roots(conn: sa.Connection, table: str, row_id: int, gone: dict[str, np.ndarray], seen: set) -> set[tuple[str, int]]:
    """The given-up rows whose removal would take the seeded row ``table`` ``row_id`` along with it."""
    if (table, row_id) in seen:
        return set()
    seen.add((table, row_id))
    if table in gone and row_id in gone[table]:
        return {(table, row_id)}
    found, t = set(), TABLES[table]
    for ref in references():
        if ref.table != table or ref.kind != "declared" or ref.is_self or referrers.on_delete(ref) not in referrers.TAKEN_ALONG:
            continue
        value = conn.execute(sa.select(t.c[ref.column]).where(t.c.id == row_id)).scalar()
        if value is None:
            continue
        parent = TABLES[ref.target]
        query = sa.select(parent.c.id).where(parent.c[ref.target_column] == value, ownership.owned_clause(conn, ref.target))
        for parent_id in conn.execute(query).scalars():
            found |= _roots(conn, ref.target, int(parent_id), gone, seen)
    return found


def _release(conn: sa.Connection, table: str, ids: set[int]) -> None:
    """Record ``ids`` of ``table`` as no longer the tool's."""
    owned = ownership.record_of(conn, table)
    kept = np.setdiff1d(owned.ids(), np.fromiter(ids, dtype=np.int64))
    ownership.record(conn, table, kept, len(kept), owned.provenance)


def hand_over(conn: sa.Connection, gone: dict[str, np.ndarray]) -> dict[str, int]:
    """Hand the given-up seeded rows users' rows need over to the users' side; rows per table."""
    gone, handed = {t: ids.copy() for t, ids in gone.items()}, {}
    while True:
        pointed = [p for r in _removals(conn, gone) for p in r.pointed]
        if not pointed:
            return {t: len(ids) for t, ids in sorted(handed.items())}
        roots, seen = set(), set()
        for table, column, values in pointed:
            t = TABLES[table]
            query = sa.select(t.c.id).where(referrers.among(t.c[column], values), ownership.owned_clause(conn, table))
            for row_id in conn.execute(query).scalars():
                roots |= _roots(conn, table, int(row_id), gone, seen)
        if not roots:  # cannot happen while plan_removal only follows declared references: never loop
            raise SeedDatabaseError(f"cannot tell which seeded rows keep {', '.join(sorted({p[0] for p in pointed}))} "
                                    "valid; point the users' rows elsewhere first")
        for table in sorted({t for t, _ in roots}):
            ids = {i for t, i in roots if t == table}
            gone[table] = gone[table][~np.isin(gone[table], list(ids))]
            handed.setdefault(table, set()).update(ids)
            _release(conn, table, ids)
