"""The client statement behind the client screen: each invoice with what was paid on it, each payment and refund."""

import json

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame


@generates("client_transactions")
def generate(ctx, parents):
    t = books_of(ctx).transactions
    inv = history(ctx).invoices
    is_invoice = (t["type"] == "INVOICE").to_numpy()
    row = t["invoice"].to_numpy(dtype=np.int64) - 1
    paid = inv["amountPaid"].to_numpy()[row]
    paid_on = inv["paid_at"].dt.normalize().to_numpy()[row]
    number = np.where(is_invoice, [document_number("invoice", i) for i in t["invoice"]],
                      [document_number("payment", p) if pd.notna(p) else None for p in t["payment"]])
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], t["client"]),
        "transaction_type": t["type"],
        "transaction_number": number,
        "transaction_date": t["at"].dt.normalize(),
        "amount": t["amount"],
        "payment_status": np.where(is_invoice, t["status"], "PAID"),
        "payment_date": np.where(is_invoice, np.where(paid > 0, paid_on, None), t["at"].dt.normalize().to_numpy()),
        "payment_amount": np.where(is_invoice, paid, t["amount"]),
        "metadata": [json.dumps({"invoiceNumber": document_number("invoice", i)}) for i in t["invoice"]],
        "created_at": t["at"],
        "updated_at": np.where(is_invoice & (paid > 0), np.maximum(paid_on, t["at"].to_numpy()), t["at"].to_numpy()),
    })
