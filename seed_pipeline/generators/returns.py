"""Goods sent back after delivery: part of the order's first line, in the app's items list (batches by code)."""

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import SERVICE, history, real_ids, staff
from seed_pipeline.generators._frame import table_frame


@generates("returns")
def generate(ctx, parents):
    h = history(ctx)
    r = h.returns
    orders = parents["orders"]
    items = [[{"batchCode": document_number("batch", b + 1), "quantity": float(q), "unitPrice": float(p)}]
             for b, q, p in zip(r["batch"], r["quantity"], r["unit_price"])]
    return table_frame(ctx, {
        "order_id": real_ids(orders, r["order_id"]),
        "items": items,
        "returnReason": r["returnReason"],
        "notes": [f"{q:g} returned and restocked" for q in r["quantity"]],
        "processed_by": staff(parents["users"], SERVICE, len(r), ctx.rng),
        "processed_at": r["processed_at"],
    })
