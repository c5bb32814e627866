"""What removing seeded rows takes with it, and which users' rows it would break.

Removing a seeded row removes the tool's rows that need it (a declared foreign key that
cascades or restricts; rows in their turn), children first, so that no engine refuses and no
cascade reaches further than planned. Every reference of the model counts when looking for the
users' rows in the way (declared, logical, polymorphic): a user's order line pointing at a
seeded batch through a logical reference is broken by deleting the batch just as surely.
"""

from dataclasses import dataclass, field

import numpy as np
import sqlalchemy as sa

from seed_pipeline.loaders import ownership
from seed_pipeline.loaders.bulk import delete_rows, set_null
from seed_pipeline.schema import TABLES, references

SHOWN = 5  # rows named in a message before "and N more"
CHUNK = 5000  # values per IN list
TAKEN_ALONG = {"CASCADE", "RESTRICT", "NO ACTION", None}  # declared ON DELETE rules that need the child gone


@dataclass
class Removal:
    """Seeded rows to delete, children first, and the users' rows that point at any of them."""

    steps: list[tuple[str, sa.ColumnElement[bool]]] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)  # the first few users' rows per reference, described
    unlinks: list[tuple[str, str, sa.ColumnElement[bool]]] = field(default_factory=list)  # (table, column, rows)
    users: set[tuple] = field(default_factory=set)  # every users' row in the way, as (table, *key)
    pointed: list[tuple[str, str, list]] = field(default_factory=list)  # (seeded table, column, values they point at)


def among(column: sa.ColumnElement, values) -> sa.ColumnElement[bool]:
    values = list(values)
    if not values:
        return sa.false()
    return sa.or_(*(column.in_(values[i : i + CHUNK]) for i in range(0, len(values), CHUNK)))


def _values(conn: sa.Connection, table: str, where: sa.ColumnElement[bool], column: str) -> list:
    t = TABLES[table]
    return [v for v in conn.execute(sa.select(t.c[column]).where(where)).scalars() if v is not None]


def plan_removal(conn: sa.Connection, table: str, where: sa.ColumnElement[bool]) -> Removal:
    """The deletions that remove the seeded rows of ``table`` selected by ``where``."""
    removal, queue = Removal(), [(table, where)]
    while queue:
        name, doomed = queue.pop(0)
        removal.steps.append((name, doomed))
        for ref in (r for r in references() if r.target == name):
            values = _values(conn, name, doomed, ref.target_column)
            if not values:
                continue
            child = TABLES[ref.table]
            pointing = [among(child.c[ref.column], values)]
            if ref.type_column:
                pointing.append(child.c[ref.type_column] == ref.type_value)
            mine = ownership.owned_clause(conn, ref.table)
            _users_rows(conn, removal, ref, sa.and_(*pointing, ~mine))
            if ref.kind != "declared" and ref.nullable and not ref.is_self:
                # the tool's own rows written before this table (a deferred reference) would point at
                # nothing until the run refills them: their table's checks run in between
                removal.unlinks.append((ref.table, ref.column, _pinned(conn, ref.table, sa.and_(*pointing, mine))))
            if ref.kind == "declared" and not ref.is_self and on_delete(ref) in TAKEN_ALONG:
                along = sa.and_(*pointing, mine)
                if conn.execute(sa.select(sa.literal(1)).select_from(child).where(along).limit(1)).first():
                    queue.append((ref.table, _pinned(conn, ref.table, along)))
    return removal


def _users_rows(conn: sa.Connection, removal: Removal, ref, users: sa.ColumnElement[bool]) -> None:
    """Note the users' rows ``users`` of ``ref.table`` that point at the doomed rows: a few described,
    how many, and the values they point at (what keeping those seeded rows means)."""
    child = TABLES[ref.table]
    keys = list(child.primary_key.columns)
    found = conn.execute(sa.select(*keys, child.c[ref.column]).where(users).limit(SHOWN + 1)).all()
    if not found:
        return
    removal.broken += [f"{ref.table} {', '.join(map(str, row[:-1]))} ({ref.column} -> {ref.target} {row[-1]})" for row in found]
    removal.users |= {(ref.table, *row) for row in conn.execute(sa.select(*keys).where(users))}
    values = conn.execute(sa.select(child.c[ref.column]).where(users).distinct()).scalars().all()
    removal.pointed.append((ref.target, ref.target_column, values))


def on_delete(ref) -> str | None:
    fk = next(fk for fk in TABLES[ref.table].c[ref.column].foreign_keys if fk.column.table.name == ref.target)
    return fk.ondelete.upper() if fk.ondelete else None


def _pinned(conn: sa.Connection, table: str, where: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
    """``where`` as the ids (or keys) it selects now, so it still names the same rows after parents go."""
    t = TABLES[table]
    if ownership.has_single_id(table):
        ids = np.sort(np.array(conn.execute(sa.select(t.c.id).where(where)).scalars().all(), dtype=np.int64))
        return ownership.ids_clause(t.c.id, ownership.ranges_of(ids))
    a, b = ownership.key_columns(table)
    pairs = conn.execute(sa.select(t.c[a], t.c[b]).where(where)).all()
    return sa.or_(*(sa.and_(t.c[a] == x, t.c[b] == y) for x, y in pairs)) if pairs else sa.false()


def apply(conn: sa.Connection, removal: Removal) -> None:
    for name, column, where in removal.unlinks:
        set_null(conn, name, column, where)
    for name, where in reversed(removal.steps):
        delete_rows(conn, name, where)


def refusal(subject: str, broken: list[str], action: str, otherwise: str = "", count: int | None = None) -> str:
    """One line naming the first users' rows in the way and how many more (``count``: all of them, if known)."""
    count = len(broken) if count is None else count
    shown = "; ".join(broken[:SHOWN]) + (f"; and {count - SHOWN} more" if count > SHOWN else "")
    return (
        f"{subject}: {action} would break rows this tool did not create that point at seeded rows: {shown}; "
        f"point those rows elsewhere or delete them first{otherwise}"
    )
