"""The batches of each interest list, at the price the client's profile gave and the stock on the shelf when sent."""

import numpy as np

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import commercial_of
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame


@generates("client_interest_list_items")
def generate(ctx, parents):
    lists = commercial_of(ctx).interest_lists
    items = [(l, t, i) for l, t, its in zip(lists["id"], lists["submitted_at"], lists["items"]) for i in its]
    batch = np.array([i["batch"] for _, _, i in items])
    batches = parents["batches"]
    return table_frame(ctx, {
        "interest_list_id": real_ids(parents["client_interest_lists"], [l for l, _, _ in items]),
        "batch_id": real_ids(batches, batch),
        "item_name": batches["sku"].to_numpy()[batch - 1],
        "category": [i["category"] for _, _, i in items],
        "subcategory": [i["subcategory"] for _, _, i in items],
        "price_at_interest": [i["retailPrice"] for _, _, i in items],
        "quantity_at_interest": [i["quantity"] for _, _, i in items],
        "created_at": [t for _, t, _ in items],
    })
