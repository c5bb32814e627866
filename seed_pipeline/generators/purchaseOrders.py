"""Purchase orders to the vendors (``business/operations/purchasing.py``): one per lot received, placed
days before it arrived and received through its intake session; the latest still open (draft, sent,
confirmed), one being received, one the vendor could not fill. Numbered in the order they were placed.
"""

import pandas as pd

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import WAREHOUSE, optional_real_ids, real_ids, staff
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._operations import ops

BUYERS = WAREHOUSE  # the inventory team buys


@generates("purchaseOrders")
def generate(ctx, parents):
    p = ops(ctx).purchase_orders
    created = pd.to_datetime(p["created"])
    stamps = pd.concat([created, pd.to_datetime(p["sent"]), pd.to_datetime(p["confirmed"]),
                        pd.to_datetime(p["delivered"])], axis=1).max(axis=1)
    return table_frame(ctx, {
        "poNumber": [document_number("purchase_order", i) for i in p["id"]],
        "vendorId": real_ids(parents["vendors"], p["vendor"]),
        "intakeSessionId": optional_real_ids(parents["intake_sessions"], p["session"]),
        "purchaseOrderStatus": p["status"],
        "orderDate": created.dt.date,
        "expectedDeliveryDate": pd.to_datetime(p["expected"]).dt.date,
        "actualDeliveryDate": pd.to_datetime(p["delivered"]).dt.date,
        "subtotal": p["subtotal"], "tax": [0.0] * len(p), "shipping": [0.0] * len(p), "total": p["subtotal"],
        "paymentTerms": p["terms"],
        "paymentDueDate": pd.to_datetime(p["due"]).dt.date,
        "notes": [f"For {document_number('lot', int(lot))}" if lot == lot else None for lot in p["lot"]],
        "createdBy": staff(parents["users"], BUYERS, len(p), ctx.rng),
        "createdAt": created,
        "updatedAt": stamps,
        "sentAt": pd.to_datetime(p["sent"]),
        "confirmedAt": pd.to_datetime(p["confirmed"]),
    })
