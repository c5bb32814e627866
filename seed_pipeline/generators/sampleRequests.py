"""Sample requests: some came days before the client ordered that product, others were only samples, pending or cancelled.

``orders.related_sample_request_id`` is filled by pairing with ``relatedOrderId`` (generation/fill.py).
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.rules import FLOWER_UNIT
from seed_pipeline.contract.commercial import SAMPLE_PRODUCTS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import account_rep, commercial_of, optional_ids
from seed_pipeline.generators._core import WAREHOUSE, history, real_ids, staff
from seed_pipeline.generators._frame import table_frame


@generates("sampleRequests", reads=("products",))
def generate(ctx, parents):
    r = commercial_of(ctx).sample_requests
    h = history(ctx)
    n = len(r)
    users = parents["users"]
    flower = h.products["uomSellable"].to_numpy()[r["productId"] - 1] == FLOWER_UNIT
    quantity = np.where(flower, np.char.mod("%.2f", r["quantity"].to_numpy(float)), np.char.mod("%d", r["quantity"].to_numpy(float).astype(int)))
    product = real_ids(parents["products"], r["productId"])
    name = h.products["nameCanonical"].to_numpy()[r["productId"] - 1]
    fulfilled = (r["status"] == "FULFILLED").to_numpy()
    cancelled = (r["status"] == "CANCELLED").to_numpy()
    handler = pd.Series(staff(users, WAREHOUSE, n, ctx.rng), dtype="Int64")
    rep = pd.Series(account_rep(users, r["client_id"]), dtype="Int64")
    updated = pd.concat([r["requested"], r["fulfilled"], r["cancelled"], r["converted"]], axis=1).max(axis=1)
    return table_frame(ctx, {
        "clientId": real_ids(parents["clients"], r["client_id"]),
        "requestedBy": rep,
        "requestDate": r["requested"],
        "products": SAMPLE_PRODUCTS.values([[{"productId": int(p), "quantity": q}] for p, q in zip(product, quantity)]),
        "sampleRequestStatus": r["status"],
        "fulfilledDate": r["fulfilled"],
        "fulfilledBy": handler.where(fulfilled),
        "cancelledDate": r["cancelled"],
        "cancelledBy": rep.where(cancelled),
        "cancellationReason": r["reason"],
        "notes": [f"Sample of {p} ({q})" for p, q in zip(name, quantity)],
        "totalCost": r["cost"],
        "relatedOrderId": optional_ids(parents["orders"], r["order_id"]),
        "conversionDate": r["converted"],
        "createdAt": r["requested"],
        "updatedAt": updated,
    })
