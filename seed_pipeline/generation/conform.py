"""A hand-written generator's frame in the live table's shape, for a run following a newer TERP.

The generator writes the model's columns; ``schema/follow.py`` marked how the live table differs.
Columns the database lacks are left out; a new nullable column stays NULL (a new ``deleted_at`` means
nothing was deleted); a new NOT NULL column is synthesised from its type and name like the generic
generator's; a retyped column takes its values in the live type; an enum value the database no longer
allows becomes the nearest allowed one.
"""

import numpy as np
import pandas as pd

from seed_pipeline.generation.columns import Draw, synthesize, typed
from seed_pipeline.generation.context import GenerationContext
from seed_pipeline.generation.generic import moment_column, unique_keys
from seed_pipeline.generation.pools import pools_for
from seed_pipeline.schema import TABLES
from seed_pipeline.schema.follow import LIVE, NEAREST, NEW, RETYPED


def _anchors(ctx: GenerationContext, frame: pd.DataFrame) -> np.ndarray:
    moment = moment_column(TABLES[ctx.table], frame.columns)
    if moment is not None:
        return pd.to_datetime(frame[moment]).to_numpy(dtype="datetime64[s]")
    return np.full(len(frame), np.datetime64(ctx.window.start_ts, "s"))


def conform(ctx: GenerationContext, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` unchanged unless its table follows the live schema."""
    table = TABLES[ctx.table]
    if not table.info.get(LIVE):
        return frame
    own = GenerationContext.for_table(f"{ctx.table}+live", ctx.settings)  # new columns never shift the model's draws
    draw = Draw(ctx.table, len(frame), own.rng, pools_for(ctx.settings.seed), ctx.window, ctx.scenario, _anchors(ctx, frame))
    single_unique = {key[0] for key in unique_keys(table) if len(key) == 1}
    for column in table.columns:
        if column.info.get(NEW) or column.name not in frame:  # generators may lay out the table's columns
            values = (typed(column, pd.Series([None] * len(frame), dtype=object)) if column.nullable
                      else synthesize(column, draw, unique=column.name in single_unique))
        else:
            values = frame[column.name]
            if NEAREST in column.info:
                values = values.replace(column.info[NEAREST])
            if column.info.get(RETYPED):
                values = typed(column, values)
        draw.made[column.name] = values.reset_index(drop=True).rename(column.name)
    return pd.DataFrame(draw.made, columns=[c.name for c in table.columns])
