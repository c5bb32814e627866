"""Goods sent back after delivery: part of the order's first line, in the app's items list (``contract.core.ReturnItem``)."""

from seed_pipeline.contract.core import RETURN_ITEMS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import SERVICE, history, real_ids, staff
from seed_pipeline.generators._frame import table_frame


@generates("returns", reads=("batches",))
def generate(ctx, parents):
    h = history(ctx)
    r = h.returns
    orders = parents["orders"]
    batch = real_ids(parents["batches"], r["batch"] + 1)  # the batch's real key, as the line's batch_id
    items = RETURN_ITEMS.values([{"batchId": int(b), "quantity": q, "reason": why}]
                                for b, q, why in zip(batch, r["quantity"], r["returnReason"]))
    return table_frame(ctx, {
        "order_id": real_ids(orders, r["order_id"]),
        "items": items,
        "returnReason": r["returnReason"],
        "notes": [f"{q:g} {u} of {p} returned and restocked" for q, u, p in
                  zip(r["quantity"], h.batches["unit"].to_numpy()[r["batch"]], h.products["nameCanonical"].to_numpy()[
                      h.batches["productId"].to_numpy()[r["batch"]] - 1])],
        "processed_by": staff(parents["users"], SERVICE, len(r), ctx.rng),
        "processed_at": r["processed_at"],
    })
