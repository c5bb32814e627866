"""The sample stock of each batch: set aside at intake, part given back after QC, handed out to fulfil requests."""

import numpy as np

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import commercial_of
from seed_pipeline.generators._core import WAREHOUSE, history, real_ids, staff
from seed_pipeline.generators._frame import table_frame


@generates("sample_inventory_log")
def generate(ctx, parents):
    c = commercial_of(ctx)
    log = c.sample_log
    batch = log["batch_index"].to_numpy()
    code = parents["batches"]["code"].to_numpy()[batch]
    client = c.sample_requests.set_index("id")["client_id"].reindex(log["request"].fillna(0)).to_numpy()
    who = history(ctx).clients["name"].to_numpy()[np.nan_to_num(client, nan=1).astype(int) - 1]
    notes = np.select([log["action"] == "ALLOCATED", log["action"] == "RELEASED"],
                      [[f"Set aside at intake of {b}" for b in code],
                       [f"Back to stock after QC ({b})" for b in code]],
                      [f"Sample handed to {w}" for w in who])
    return table_frame(ctx, {
        "batch_id": real_ids(parents["batches"], batch + 1),
        "order_id": [None] * len(log),
        "quantity": log["quantity"],
        "action": log["action"],
        "notes": notes,
        "created_by": staff(parents["users"], WAREHOUSE, len(log), ctx.rng),
        "created_at": log["at"],
    })
