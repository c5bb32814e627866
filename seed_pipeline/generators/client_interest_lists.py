"""Interest lists the whales sent from the live catalog: converted into their orders, reviewed, archived or new."""

import numpy as np
import pandas as pd

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import account_rep, commercial_of, optional_ids
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame


@generates("client_interest_lists")
def generate(ctx, parents):
    lists = commercial_of(ctx).interest_lists
    orders = parents["orders"]
    rep = pd.Series(account_rep(parents["users"], lists["client_id"]), dtype="Int64")
    order = optional_ids(orders, lists["order_id"])
    converted_by = pd.Series(orders.set_index("id")["created_by"].reindex(order).to_numpy(), dtype="Int64")
    numbers = orders.set_index("id")["order_number"].reindex(order).to_numpy()
    notes = np.select([lists["status"] == "CONVERTED", lists["status"] == "ARCHIVED"],
                      [[f"Became {o}" for o in numbers], "Nothing ordered; archived"], None)
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], lists["client_id"]),
        "submitted_at": lists["submitted_at"],
        "status": lists["status"],
        "total_items": [len(i) for i in lists["items"]],
        "total_value": [round(sum(x["retailPrice"] for x in i), 2) for i in lists["items"]],
        "reviewed_at": lists["reviewed_at"],
        "reviewed_by": rep.where(lists["reviewed_at"].notna().to_numpy()),
        "converted_to_order_id": order,
        "converted_at": lists["converted_at"],
        "converted_by": converted_by,
        "notes": notes,
        "created_at": lists["submitted_at"],
        "updated_at": lists["updated_at"],
    })
