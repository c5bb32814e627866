"""Low-stock and slow-moving alerts where the stock history really crossed the configured limits
(``business/operations/alerts.py``): resolved when the batch sold out or was restocked, otherwise
active, some acknowledged by the inventory manager."""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import document_number
from seed_pipeline.business.operations.alerts import ACKNOWLEDGED_SHARE
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids, staff
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._operations import MANAGERS, ops


@generates("inventoryAlerts")
def generate(ctx, parents):
    a, h, rng = ops(ctx).alerts, history(ctx), ctx.rng
    n, end = len(a), ctx.window.end_ts
    resolved = pd.to_datetime(a["resolved"])
    at = pd.to_datetime(a["at"])
    open_ = np.flatnonzero(resolved.isna().to_numpy())
    seen = np.zeros(n, bool)  # an exact share of the open ones, so both open states are there
    seen[open_[rng.permutation(len(open_)) < round(ACKNOWLEDGED_SHARE * len(open_))]] = True
    acknowledged_at = (at + (pd.Timestamp(end) - at) * rng.uniform(0.1, 0.5, n)).dt.floor("s").where(seen)
    status = np.where(resolved.notna(), "RESOLVED", np.where(seen, "ACKNOWLEDGED", "ACTIVE"))
    code = [document_number("batch", b + 1) for b in a["batch"]]
    unit = h.batches["unit"].to_numpy()[a["batch"]]
    message = [f"{c}: {v:g} {u} left, below {t:g}" if k == "LOW_STOCK" else f"{c}: no sale in {v:g} days"
               for c, v, u, t, k in zip(code, a["value"], unit, a["threshold"], a["type"])]
    return table_frame(ctx, {
        "inventoryAlertType": a["type"], "batchId": real_ids(parents["batches"], a["batch"] + 1),
        "threshold": a["threshold"], "currentValue": a["value"], "alertSeverity": a["severity"], "alertStatus": status,
        "message": message,
        "acknowledgedBy": pd.array(np.where(seen, staff(parents["users"], MANAGERS, n, rng), None), dtype="Int64"),
        "acknowledgedAt": acknowledged_at,
        "resolvedAt": resolved,
        "resolution": np.where(resolved.notna(), "Stock back above the limit or sold out", None),
        "createdAt": at,
        "updatedAt": pd.concat([at, acknowledged_at, resolved], axis=1).max(axis=1),
    })
