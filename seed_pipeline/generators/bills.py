"""Vendor bills: owned lots billed on arrival, consigned goods billed monthly once sold; paid around their due date."""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of, later, not_before, parent_moments, recorded_at
from seed_pipeline.generators._core import ACCOUNTING, real_ids, staff
from seed_pipeline.generators._frame import table_frame


def _notes(bills: pd.DataFrame) -> list[str]:
    lot = bills["lot"].map(lambda i: document_number("lot", i))
    month = pd.to_datetime((bills["month"].clip(lower=190001) * 100 + 1).astype(str), format="%Y%m%d").dt.strftime("%B %Y")
    return [f"Consigned goods of {l} sold in {m}" if k == "consignment settlement" else f"Lot {l} bought, {t}"
            for k, l, m, t in zip(bills["kind"], lot, month, bills["terms"])]


@generates("bills")
def generate(ctx, parents):
    b = books_of(ctx).bills
    n = len(b)
    created = not_before(ctx, recorded_at(ctx, b["billDate"]), parent_moments(parents["lots"], "createdAt", b["lot"]))
    paid = b["paid_at"].notna().to_numpy()
    return table_frame(ctx, {
        "billNumber": [document_number("bill", i) for i in b["id"]],
        "vendorId": real_ids(parents["vendors"], b["vendorId"]),
        "billDate": b["billDate"],
        "dueDate": b["dueDate"],
        "subtotal": b["totalAmount"],
        "totalAmount": b["totalAmount"],
        "amountPaid": b["amountPaid"],
        "amountDue": b["amountDue"],
        "status": b["status"],
        "paymentTerms": b["terms"],
        "notes": _notes(b),
        "referenceType": ["LOT"] * n,
        "referenceId": real_ids(parents["lots"], b["lot"]),
        "createdBy": staff(parents["users"], ACCOUNTING, n, ctx.rng),
        "createdAt": created,
        "updatedAt": np.where(paid, later(ctx, np.maximum(created, b["paid_at"].to_numpy()), (1, 8)), created),
    })
