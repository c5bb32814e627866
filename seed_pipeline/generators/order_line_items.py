"""Each order's lines: a real batch in stock on the order date, its cost, the price and the margin."""

import numpy as np

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame


@generates("order_line_items")
def generate(ctx, parents):
    h = history(ctx)
    lines = h.lines
    product_of_batch = h.batches["productId"].to_numpy()[lines["batch"].to_numpy()]
    names = h.products["nameCanonical"].to_numpy()[product_of_batch - 1]
    created = h.orders.set_index("id")["created_at"].reindex(lines["order_id"]).to_numpy()
    whale = h.orders.set_index("id")["whale"].reindex(lines["order_id"]).to_numpy()
    margin_dollar = ((lines["unit_price"] - lines["unit_cost"]) * lines["quantity"]).round(2)
    return table_frame(ctx, {
        "order_id": real_ids(parents["orders"], lines["order_id"]),
        "batch_id": real_ids(parents["batches"], lines["batchId"]),
        "product_display_name": names,
        "quantity": lines["quantity"],
        "cogs_per_unit": lines["unit_cost"],
        "original_cogs_per_unit": lines["unit_cost"],
        "is_cogs_overridden": np.zeros(len(lines), bool),
        "margin_percent": (100 * (lines["unit_price"] - lines["unit_cost"]) / lines["unit_price"]).round(2),
        "margin_dollar": margin_dollar,
        "is_margin_overridden": np.zeros(len(lines), bool),
        "margin_source": np.where(whale, "CUSTOMER_PROFILE", "DEFAULT"),
        "unit_price": lines["unit_price"],
        "line_total": lines["line_total"],
        "is_sample": np.zeros(len(lines), bool),
        "created_at": created,
        "updated_at": created,
    })
