"""Batches of each lot: received quantity, unit cost from the lot, and stock on hand after every later sale.

On hand = received - sold - sampled + returned, as of the end date (the history never lets it
go below zero on any date). TERP keeps quantities and costs as text.
"""

import json

import numpy as np

from seed_pipeline.business.catalog import document_number
from seed_pipeline.contract.core import BATCH_METADATA
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, money_text, quantity_text, real_ids
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import ids_by

RANGE_SPREAD = 0.08
PHOTOGRAPHED_SHARE = 0.3  # of live batches


@generates("batches")
def generate(ctx, parents):
    h = history(ctx)
    b = h.batches
    n, rng = len(b), ctx.rng
    whole = (b["unit"] != "LB").to_numpy()
    live = b["on_hand"] > 0
    status = np.where(live, np.where(rng.random(n) < PHOTOGRAPHED_SHARE, "PHOTOGRAPHY_COMPLETE", "LIVE"), "SOLD_OUT")
    status_ids = ids_by(parents["workflow_statuses"], "slug")
    ranged = (b["cogsMode"] == "RANGE").to_numpy()
    cost = b["unit_cost"].to_numpy()
    consignment = (b["paymentTerms"] == "CONSIGNMENT").to_numpy()
    last_sale = h.lines.groupby("batch")["order_id"].max()
    sold_at = h.orders.set_index("id")["created_at"].reindex(last_sale.to_numpy()).to_numpy()
    updated = b["arrived"].to_numpy().copy()
    updated[last_sale.index.to_numpy()] = np.maximum(updated[last_sale.index.to_numpy()], sold_at)
    meta = [json.dumps(m, sort_keys=True) for m in BATCH_METADATA.values(
        {"receivedQty": r, "unit": u, "line": ln} for r, u, ln in zip(b["received"], b["unit"], b["line"]))]
    return table_frame(ctx, {
        "code": [document_number("batch", i) for i in b["id"]],
        "sku": [f"SKU-{p:05d}-{i:06d}" for p, i in zip(b["productId"], b["id"])],
        "productId": real_ids(parents["products"], b["productId"]),
        "lotId": real_ids(parents["lots"], b["lotId"]),
        "batchStatus": status,
        "statusId": [status_ids[s.lower()] for s in status],
        "grade": b["grade"].where(b["grade"] != ""),
        "isSample": np.zeros(n, int),
        "sampleOnly": np.zeros(n, int),
        "sampleAvailable": ((b["sampled"] > 0) & live).astype(int),
        "cogsMode": b["cogsMode"],
        "unitCogs": money_text(cost),
        "unitCogsMin": np.where(ranged, money_text(cost * (1 - RANGE_SPREAD)), None),
        "unitCogsMax": np.where(ranged, money_text(cost * (1 + RANGE_SPREAD)), None),
        "paymentTerms": b["paymentTerms"],
        # consigned goods are paid for as they sell; bought ones when received
        "amountPaid": money_text(np.where(consignment, b["sold"] * cost, b["received"] * cost)),
        "metadata": meta,
        "onHandQty": quantity_text(b["on_hand"], whole),
        "sampleQty": quantity_text(b["sampled"], whole),
        **{k: quantity_text(np.zeros(n), whole) for k in ("reservedQty", "quarantineQty", "holdQty", "defectiveQty")},
        "publishEcom": (live & (rng.random(n) < 0.5)).astype(int),
        "publishB2b": live.astype(int),
        "createdAt": b["arrived"],
        "updatedAt": updated,
    })
