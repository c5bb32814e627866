"""One tag group per kind of tag, set up by the inventory manager in the first week."""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalogue.tags import GROUPS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import staff
from seed_pipeline.generators._frame import table_frame

CURATORS = {"Inventory Manager"}
SET_UP_DAYS = 7


@generates("tagGroups")
def generate(ctx, parents):
    n = len(GROUPS)
    by = staff(parents["users"], CURATORS, 1, ctx.rng)[0]
    joined = parents["users"].set_index("id")["createdAt"][by]
    at = max(ctx.window.start_ts, joined) + pd.to_timedelta(np.sort(ctx.rng.integers(0, SET_UP_DAYS * 86400, n)), unit="s")
    at = at.where(at <= ctx.window.end_ts, ctx.window.end_ts)
    return table_frame(ctx, {
        "name": [g.name for g in GROUPS],
        "description": [g.description for g in GROUPS],
        "color": [g.color for g in GROUPS],
        "createdBy": [by] * n,
        "createdAt": at,
        "updatedAt": at,
    })
