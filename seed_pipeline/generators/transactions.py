"""Each client's invoices, payments and refunds as one stream of transactions, numbered in time order."""

import json

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of
from seed_pipeline.generators._core import ACCOUNTING, money_text, real_ids, staff
from seed_pipeline.generators._frame import table_frame


def _metadata(t) -> list[str]:
    """The documents behind each transaction, by the numbers the app prints."""
    return [json.dumps({"invoiceNumber": document_number("invoice", i)} if kind == "INVOICE" else
                       {"invoiceNumber": document_number("invoice", i), "paymentNumber": document_number("payment", p)})
            for kind, i, p in zip(t["type"], t["invoice"], t["payment"])]


@generates("transactions")
def generate(ctx, parents):
    t = books_of(ctx).transactions
    return table_frame(ctx, {
        "transactionNumber": [document_number("transaction", i) for i in t["id"]],
        "transactionType": t["type"],
        "clientId": real_ids(parents["clients"], t["client"]),
        "transactionDate": t["at"],
        "amount": money_text(t["amount"]),
        "transactionStatus": t["status"],
        "metadata": _metadata(t),
        "createdBy": staff(parents["users"], ACCOUNTING, len(t), ctx.rng),
        "createdAt": t["at"],
        "updatedAt": t["at"],
    })
