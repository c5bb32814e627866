"""`seed-pipeline teardown`: remove exactly the tool's rows, children first, in one transaction.

Refused, before deleting anything, while a row the tool did not create points at a seeded row
(through any reference, declared or logical): deleting would break it or cascade into it.
"""

from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from seed_pipeline.graph import build_graph
from seed_pipeline.loaders import ownership, referrers, scope
from seed_pipeline.loaders.bulk import delete_rows
from seed_pipeline.schema import TABLES, references


def users_rows_in_the_way(conn: sa.Connection) -> list[str]:
    """Each row the tool did not create that points at a seeded row, as ``table key (column -> target value)``."""
    found = []
    holding = set(scope.tables_with_foreign_rows(conn))  # one query; a reference from elsewhere holds no user's row
    for ref in references():
        if ref.table not in holding:
            continue
        child, target = TABLES[ref.table], TABLES[ref.target]
        seeded = sa.select(target.c[ref.target_column]).where(ownership.owned_clause(conn, ref.target)).correlate(None)
        where = [child.c[ref.column].in_(seeded), sa.not_(ownership.owned_clause(conn, ref.table))]
        if ref.type_column:
            where.append(child.c[ref.type_column] == ref.type_value)
        keys = list(child.primary_key.columns)
        for row in conn.execute(sa.select(*keys, child.c[ref.column]).where(*where).limit(referrers.SHOWN + 1)):
            found.append(f"{ref.table} {', '.join(map(str, row[:-1]))} ({ref.column} -> {ref.target} {row[-1]})")
    return found


def backup(conn: sa.Connection, tables: list[str], folder: Path) -> None:
    """Every row of ``tables`` and the bookkeeping, one CSV each, before anything changes."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in [*tables, *ownership.BOOKKEEPING]:
        frame = pd.read_sql(sa.text(f"SELECT * FROM {conn.dialect.identifier_preparer.quote(name)}"), conn)
        frame.to_csv(folder / f"{name}.csv", index=False)


def remove_seeded_rows(conn: sa.Connection) -> dict[str, int]:
    """Delete every seeded row, deferred references unlinked first, children before parents; rows per table."""
    graph, records = build_graph(), ownership.records(conn)
    for ref in graph.deferred:
        if ref.table in records:
            t = TABLES[ref.table]
            conn.execute(t.update().where(ownership.owned_clause(conn, ref.table)).values({ref.column: None}))
    removed = {}
    for name in reversed(graph.order):
        if name not in records:
            continue
        t = TABLES[name]
        mine = ownership.owned_clause(conn, name)
        removed[name] = conn.execute(sa.select(sa.func.count()).select_from(t).where(mine)).scalar_one()
        delete_rows(conn, name, mine)
        ownership.forget(conn, name)
    return removed
