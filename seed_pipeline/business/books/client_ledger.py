"""Each client's account history as TERP's transaction tables keep it: invoices, payments and refunds.

One transaction per invoice (its status as the invoice says), per payment received and per
refund, numbered in time order; a payment is linked to the invoice it pays (PAYMENT_FOR) and a
refund to the payment it gives back part of (REFUND_OF).
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.history import CoreHistory
from seed_pipeline.business.rules import sale_status

TRANSACTION_STATUS = {"PAID": "PAID", "PARTIAL": "PARTIAL", "OVERDUE": "OVERDUE", "PENDING": "PENDING"}
PAYMENT_HOUR = 11  # a payment is entered late in the morning of its day


def transactions(h: CoreHistory, paid: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Transactions (local id = row + 1, in time order) and their links."""
    inv = h.invoices
    invoices = pd.DataFrame({
        "type": "INVOICE", "client": inv["customerId"].to_numpy(), "at": inv["created_at"].to_numpy(),
        "amount": inv["totalAmount"].to_numpy(), "status": sale_status(inv["status"]).map(TRANSACTION_STATUS).to_numpy(),
        "invoice": inv["id"].to_numpy(), "payment": pd.NA})
    money = paid[paid["kind"].isin(["receipt", "refund"])]
    at = money["paymentDate"] + pd.Timedelta(hours=PAYMENT_HOUR)
    moves = pd.DataFrame({
        "type": np.where(money["kind"] == "receipt", "PAYMENT", "REFUND"), "client": money["customerId"].to_numpy(),
        "at": np.maximum(at.to_numpy(), inv["created_at"].to_numpy()[money["invoice"].to_numpy(dtype=np.int64) - 1]),
        "amount": money["amount"].to_numpy(), "status": "COMPLETED",
        "invoice": money["invoice"].to_numpy(), "payment": money["id"].to_numpy()})
    frame = pd.concat([invoices, moves], ignore_index=True).sort_values(["at", "type"], kind="stable", ignore_index=True)
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    frame["client"] = frame["client"].astype(np.int64)
    return frame, _links(frame)


def _links(frame: pd.DataFrame) -> pd.DataFrame:
    of_invoice = frame[frame["type"] == "INVOICE"].set_index("invoice")["id"]
    payments = frame[frame["type"] == "PAYMENT"]
    first_payment = payments.drop_duplicates("invoice").set_index("invoice")["id"]
    refunds = frame[frame["type"] == "REFUND"]
    links = pd.concat([
        pd.DataFrame({"parent": of_invoice.reindex(payments["invoice"]).to_numpy(), "child": payments["id"].to_numpy(),
                      "type": "PAYMENT_FOR", "amount": payments["amount"].to_numpy(), "at": payments["at"].to_numpy()}),
        pd.DataFrame({"parent": first_payment.reindex(refunds["invoice"]).to_numpy(), "child": refunds["id"].to_numpy(),
                      "type": "REFUND_OF", "amount": refunds["amount"].to_numpy(), "at": refunds["at"].to_numpy()}),
    ], ignore_index=True)
    return links.sort_values(["at", "child"], kind="stable", ignore_index=True)
