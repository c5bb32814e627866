"""Rules that hold the seeded database to TERP's application contract (``seed_pipeline/contract/``).

One rule per JSON column: every stored value decodes as the shape TERP's code reads. One rule per
JSON column holding rows' ids: each is the key of a row. One rule per status or type column: every
state a TERP screen counts is present, as far as the history is long enough to hold it (the
history's length is measured from the first sale, not taken from settings).
"""

from collections.abc import Callable
from datetime import date

import pandas as pd
import sqlalchemy as sa

from seed_pipeline.checks.violations import column_values
from seed_pipeline.contract import JSON_COLUMNS, STATE_COLUMNS, JsonColumn, StateColumn
from seed_pipeline.model import current
from seed_pipeline.schema import TABLES
from seed_pipeline.schema.follow import NEAREST

DAYS_A_MONTH = 30.44


def _months_of_history(conn, as_of: date) -> float:
    orders = TABLES["orders"]
    first = conn.execute(sa.select(sa.func.min(orders.c.created_at)).where(orders.c.orderType == "SALE")).scalar()
    if first is None:
        return 0.0
    return (pd.Timestamp(as_of) - pd.Timestamp(first)).days / DAYS_A_MONTH


def _json_rule(spec: JsonColumn) -> Callable[[sa.Connection, date], int]:
    table = TABLES[spec.table]

    def rule(conn, as_of) -> int:
        return len(spec.invalid(column_values(conn, table.c[spec.column])))

    rule.__name__ = f"{spec.table}_{spec.column}_reads_as_terp_expects"
    rule.__doc__ = (f"Every `{spec.table}.{spec.column}` value is {'a list of' if spec.many else 'one'} "
                    f"`{spec.shape.__name__}` as read by {', '.join(spec.read_by)}.")
    return rule


def _id_rule(spec: JsonColumn) -> Callable[[sa.Connection, date], int]:
    table = TABLES[spec.table]
    targets = sorted({target for _, target in spec.references})

    def rule(conn, as_of) -> int:
        rows = {t: set(conn.execute(sa.select(TABLES[t].c.id)).scalars()) for t in targets}
        values = column_values(conn, table.c[spec.column])
        return sum(any(i not in rows[t] for t, i in spec.ids(v)) for v in values if v is not None)

    rule.__name__ = f"{spec.table}_{spec.column}_ids_are_rows"
    where = ", ".join(".".join(path) + f" -> {t}" for path, t in spec.references)
    rule.__doc__ = (f"Every id inside `{spec.table}.{spec.column}` ({where}) is a row's key; "
                    "the count is of values with an id no row has.")
    return rule


def _state_rule(spec: StateColumn) -> Callable[[sa.Connection, date], int]:
    column = TABLES[spec.table].c[spec.column]

    def rule(conn, as_of) -> int:
        present = set(conn.execute(sa.select(column).distinct()).scalars())
        live = current().tables[spec.table].c.get(spec.column)
        gone = set(live.info.get(NEAREST, {})) if live is not None else set()  # states a followed TERP dropped
        return sum(1 for state in spec.required(_months_of_history(conn, as_of)) if state not in present | gone)

    rule.__name__ = f"{spec.table}_{spec.column}_has_every_counted_state"
    rule.__doc__ = (f"Every `{spec.table}.{spec.column}` state a TERP screen counts is present "
                    f"({', '.join(spec.counted)}); the count is of missing states.")
    return rule


# (rule, the table it guards, the other tables it reads): the history's length reads the orders.
_PLACED = ([(_json_rule(c), c.table, ()) for c in JSON_COLUMNS.values()]
           + [(_id_rule(c), c.table, tuple(sorted({t for _, t in c.references} - {c.table})))
              for c in JSON_COLUMNS.values() if c.references]
           + [(_state_rule(c), c.table, () if c.table == "orders" else ("orders",)) for c in STATE_COLUMNS.values()])

RULES: dict[str, Callable[[sa.Connection, date], int]] = {rule.__name__: rule for rule, _, _ in _PLACED}
HOMES: dict[str, tuple[str, tuple[str, ...]]] = {rule.__name__: (table, reads) for rule, table, reads in _PLACED}
