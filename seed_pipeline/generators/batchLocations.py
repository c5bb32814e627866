"""Where each batch with stock sits at the end date: one of the warehouse's nine places, a quarter on two.

Flower by grow type in zones A and B, other goods in zone C; the second shelf of a split batch is
where a transfer moved part of it (``inventoryMovements``). The quantities add up to on hand.
"""

import pandas as pd

from seed_pipeline.business.catalog import LOCATIONS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, quantity_text, real_ids
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._operations import ops


@generates("batchLocations")
def generate(ctx, parents):
    loc, h = ops(ctx).locations, history(ctx)
    arrived = ops(ctx).workflow.groupby("batch")["at"].min().reindex(loc["batch"]).to_numpy()
    created = pd.to_datetime(loc["since"]).fillna(pd.Series(arrived)).to_numpy()  # a split's shelf: since the transfer
    place = [LOCATIONS[k] for k in loc["place"]]
    whole = (h.batches["unit"] != "LB").to_numpy()[loc["batch"]]
    return table_frame(ctx, {
        "batchId": real_ids(parents["batches"], loc["batch"] + 1),
        **{field: [getattr(p, field) for p in place] for field in ("site", "zone", "rack", "shelf", "bin")},
        "qty": quantity_text(loc["qty"], whole),
        "createdAt": created,
        "updatedAt": created,
    })
