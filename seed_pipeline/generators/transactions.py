"""Each client's invoices, payments, refunds and bad debts written off as one stream of transactions, in time order."""

import json

import numpy as np

from seed_pipeline.business.books.client_ledger import WRITE_OFF
from seed_pipeline.business.catalog import document_number
from seed_pipeline.contract.books import TRANSACTION_METADATA
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of
from seed_pipeline.generators._core import ACCOUNTING, history, money_text, real_ids, staff
from seed_pipeline.generators._frame import table_frame

WRITE_OFF_REASON = "Uncollectible: {days} days past due, collection calls exhausted"


def _metadata(t, due_of_invoice) -> list[str]:
    """The documents behind each transaction, by the numbers the app prints; a write-off as TERP's badDebtDb writes it."""
    of_invoice = t[t["type"] == "INVOICE"].set_index("invoice")["id"]
    rows = []
    for kind, i, p, at in zip(t["kind"], t["invoice"], t["payment"], t["at"]):
        meta = {"invoiceNumber": document_number("invoice", i)}
        if kind == WRITE_OFF:
            original = int(of_invoice[i])
            meta |= {"writeOffReason": WRITE_OFF_REASON.format(days=(at.normalize() - due_of_invoice[i - 1]).days),
                     "originalTransactionId": original, "originalTransactionNumber": document_number("transaction", original),
                     "writeOffType": "BAD_DEBT"}
        elif kind != "invoice":
            meta["paymentNumber"] = document_number("payment", p)
        rows.append(meta)
    return [json.dumps(m) for m in TRANSACTION_METADATA.values(rows)]


@generates("transactions")
def generate(ctx, parents):
    t = books_of(ctx).transactions
    meta = _metadata(t, history(ctx).invoices["dueDate"].to_numpy())
    notes = np.where(t["kind"] == WRITE_OFF, ["Bad debt write-off: " + json.loads(m).get("writeOffReason", "") for m in meta], None)
    return table_frame(ctx, {
        "transactionNumber": [document_number("transaction", i) for i in t["id"]],
        "transactionType": t["type"],
        "clientId": real_ids(parents["clients"], t["client"]),
        "transactionDate": t["at"],
        "amount": money_text(t["amount"]),
        "transactionStatus": t["status"],
        "notes": notes,
        "metadata": meta,
        "createdBy": staff(parents["users"], ACCOUNTING, len(t), ctx.rng),
        "createdAt": t["at"],
        "updatedAt": t["at"],
    })
