"""One intake session per lot that brought batches: checked in on arrival by the lot's receiver (who also
logged its batches' intake), completed once its batches were inspected; the lot still awaiting
inspection at the end date is IN_PROGRESS.

The vendor is the seller client mirroring the lot's vendor (TERP's intake keys vendors as clients);
the total is what the batches cost, paid as the batches say (owned goods on receipt, consigned
goods as they sell).
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import document_number
from seed_pipeline.business.rules import TERMS_DAYS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._operations import ops, receivers


def session_of_batch(h, sessions: pd.DataFrame) -> np.ndarray:
    """The local session id of each batch of the core history."""
    return h.batches["lotId"].map(dict(zip(sessions["lot"], sessions["id"]))).to_numpy(np.int64)


@generates("intake_sessions")
def generate(ctx, parents):
    h, s = history(ctx), ops(ctx).sessions
    b = h.batches
    cost = (b["received"] * b["unit_cost"]).groupby(b["lotId"]).sum()
    paid = np.where(b["paymentTerms"] == "CONSIGNMENT", b["sold"], b["received"]) * b["unit_cost"]
    paid = pd.Series(paid).groupby(b["lotId"]).sum()
    buyers = int(h.clients["is_buyer"].sum())  # seller-only clients follow the buyers, one per vendor
    received = pd.to_datetime(s["received"])
    due = received.dt.normalize() + pd.to_timedelta(s["terms"].map(TERMS_DAYS), unit="D")
    completed = pd.to_datetime(s["completed"])
    vendor = h.vendors["name"].to_numpy()[s["vendor"].to_numpy() - 1]
    return table_frame(ctx, {
        "session_number": [document_number("intake_session", i) for i in s["id"]],
        "vendor_id": real_ids(parents["clients"], buyers + s["vendor"].to_numpy()),
        "status": s["status"],
        "receive_date": received.dt.date,
        "received_by": receivers(ctx, parents["users"]).reindex(s["lot"]).to_numpy(),
        "paymentTerms": s["terms"],
        "payment_due_date": due.where(s["terms"] != "CONSIGNMENT").dt.date,
        "total_amount": s["lot"].map(cost).round(2).to_numpy(),
        "amount_paid": s["lot"].map(paid).round(2).to_numpy(),
        "internal_notes": [f"{document_number('lot', lot)} from {v}" for lot, v in zip(s["lot"], vendor)],
        "receipt_generated": completed.notna().to_numpy(),
        "receipt_generated_at": completed,
        "created_at": received,
        "updated_at": completed.fillna(received),
        "completed_at": completed,
    })
