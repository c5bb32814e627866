"""Batches of each lot: received quantity, unit cost from the lot, and stock on hand after every later sale.

On hand = received - sold - sampled + returned, as of the end date (the history never lets it
go below zero on any date). TERP keeps quantities and costs as text. The status is where the
batch's workflow history (``business/operations/workflow.py``) ends; held and quarantined stock is
counted in ``holdQty`` and ``quarantineQty``, and only sellable batches are published.
"""

import json

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import document_number
from seed_pipeline.business.operations import operations
from seed_pipeline.business.operations.workflow import SELLABLE
from seed_pipeline.contract.core import BATCH_METADATA
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, money_text, quantity_text, real_ids
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import ids_by

RANGE_SPREAD = 0.08


@generates("batches")
def generate(ctx, parents):
    h = history(ctx)
    b = h.batches
    n, rng = len(b), ctx.rng
    whole = (b["unit"] != "LB").to_numpy()
    ops = operations(ctx.settings)
    status = ops.status
    live = pd.Series(np.isin(status, SELLABLE) & (b["on_hand"] > 0).to_numpy())
    held = {s: np.where(status == s, b["on_hand"], 0.0) for s in ("ON_HOLD", "QUARANTINED")}
    changed = ops.workflow.groupby("batch")["at"].max().reindex(range(n)).to_numpy("datetime64[s]")
    status_ids = ids_by(parents["workflow_statuses"], "slug")
    ranged = (b["cogsMode"] == "RANGE").to_numpy()
    cost = b["unit_cost"].to_numpy()
    consignment = (b["paymentTerms"] == "CONSIGNMENT").to_numpy()
    last_sale = h.lines.groupby("batch")["order_id"].max()
    sold_at = h.orders.set_index("id")["created_at"].reindex(last_sale.to_numpy()).to_numpy()
    updated = b["arrived"].to_numpy().copy()
    updated[last_sale.index.to_numpy()] = np.maximum(updated[last_sale.index.to_numpy()], sold_at)
    updated = np.maximum(updated.astype("datetime64[s]"), changed)
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
        "quarantineQty": quantity_text(held["QUARANTINED"], whole),
        "holdQty": quantity_text(held["ON_HOLD"], whole),
        **{k: quantity_text(np.zeros(n), whole) for k in ("reservedQty", "defectiveQty")},
        "publishEcom": (live & (rng.random(n) < 0.5)).astype(int),
        "publishB2b": live.astype(int),
        "createdAt": b["arrived"],
        "updatedAt": updated,
    })
