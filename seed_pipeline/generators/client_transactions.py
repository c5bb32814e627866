"""The client statement behind the client screen: each invoice with what was paid on it, each payment, refund and write-off.

TERP's statement has no written-off state: a written-off invoice and the CREDIT line writing it off
carry no payment status, so neither its AR aging (PENDING, OVERDUE, PARTIAL) nor its credit score
(PAID) counts them.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.books.client_ledger import WRITE_OFF
from seed_pipeline.business.catalog import document_number
from seed_pipeline.contract.books import STATEMENT_METADATA
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame


@generates("client_transactions")
def generate(ctx, parents):
    t = books_of(ctx).transactions
    inv = history(ctx).invoices
    is_invoice = (t["type"] == "INVOICE").to_numpy()
    write_off = (t["kind"] == WRITE_OFF).to_numpy()
    row = t["invoice"].to_numpy(dtype=np.int64) - 1
    paid = inv["amountPaid"].to_numpy()[row]
    paid_on = inv["paid_at"].dt.normalize().to_numpy()[row]
    gone = (inv["writtenOff"].to_numpy()[row] > 0) & is_invoice
    number = np.where(is_invoice, [document_number("invoice", i) for i in t["invoice"]],
                      [document_number("payment", p) if pd.notna(p) else document_number("transaction", i)
                       for p, i in zip(t["payment"], t["id"])])
    status = np.where(is_invoice, t["status"], "PAID")
    status = np.where(gone | write_off, None, status)
    metadata = STATEMENT_METADATA.values({"invoiceNumber": document_number("invoice", i), **({"writeOffType": "BAD_DEBT"} if w else {})}
                                         for i, w in zip(t["invoice"], write_off))
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], t["client"]),
        "transaction_type": np.where(write_off, "CREDIT", t["type"]),
        "transaction_number": number,
        "transaction_date": t["at"].dt.normalize(),
        "amount": t["amount"],
        "payment_status": status,
        "payment_date": np.where(write_off, None, np.where(is_invoice, np.where(paid > 0, paid_on, None), t["at"].dt.normalize().to_numpy())),
        "payment_amount": np.where(write_off, None, np.where(is_invoice, paid, t["amount"])),
        "notes": np.where(write_off, "Bad debt written off", None),
        "metadata": metadata,
        "created_at": t["at"],
        "updated_at": np.where(is_invoice & (paid > 0), np.maximum(paid_on, t["at"].to_numpy()), t["at"].to_numpy()),
    })
