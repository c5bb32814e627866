"""Typed frames of a table from the values a generator chose; nothing is left to the database.

Every column not given takes the app's own default, written out, and every timestamp not given
is the start of the history window: the data must not depend on the database filling it in.
"""

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.hours import in_working_hours, is_desk_moment
from seed_pipeline.generation.columns import Spec, typed
from seed_pipeline.generation.context import GenerationContext
from seed_pipeline.schema import TABLES
from seed_pipeline.schema.follow import NEW


def table_frame(ctx: GenerationContext, values: Mapping[str, Sequence]) -> pd.DataFrame:
    """A frame of ``ctx.table`` from column values: ids 1..n, other timestamps at setup, the rest at their default."""
    table = TABLES[ctx.table]
    n = len(next(iter(values.values())))
    serial = [c.name for c in table.primary_key.columns] == ["id"]
    columns = {}
    for column in table.columns:
        if column.info.get(NEW):
            continue  # a column of a newer TERP the model does not know: generation/conform.py fills it
        if column.name in values:
            made = _positional(values[column.name])
        elif serial and column.name == "id":
            made = np.arange(1, n + 1, dtype=np.int64)
        elif isinstance(column.type, sa.DateTime):
            made = pd.Series([ctx.window.start_ts] * n, dtype=object)
        else:
            made = pd.Series([Spec(column).default] * n, dtype=object)
        if isinstance(column.type, sa.DateTime) and is_desk_moment(ctx.table, column.name):
            made = in_working_hours(made, ctx.window.end_ts)
        columns[column.name] = typed(column, made)
    return pd.DataFrame(columns)


def _positional(values: Sequence) -> pd.Series | np.ndarray:
    """The values by position, in their own dtype: a Series' index is dropped, a list becomes objects."""
    if isinstance(values, pd.Series | pd.Index):
        return values.to_numpy()
    if isinstance(values, np.ndarray):
        return values
    return pd.Series(list(values), dtype=object)
