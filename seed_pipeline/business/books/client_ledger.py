"""Each client's account history as TERP's transaction tables keep it: invoices, payments and refunds.

One transaction per invoice (its status as the invoice says), per payment received, per refund
and per bad debt written off, numbered in time order; a payment is linked to the invoice it pays
(PAYMENT_FOR), a refund to the payment it gives back part of (REFUND_OF), and a write-off to the
invoice it writes off (RELATED_TO). A write-off is what TERP's ``writeOffBadDebt`` records: a
COMPLETED REFUND-type transaction, the invoice's transaction WRITTEN_OFF when nothing had been paid
on it, PARTIAL when part had.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.history import CoreHistory
from seed_pipeline.business.rules import sale_status

TRANSACTION_STATUS = {"PAID": "PAID", "PARTIAL": "PARTIAL", "OVERDUE": "OVERDUE", "PENDING": "PENDING"}
PAYMENT_HOUR = 11  # a payment is entered late in the morning of its day
WRITE_OFF_HOUR = 15
WRITE_OFF = "write-off"


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
    gone = inv[inv["writtenOff"] > 0]
    invoices.loc[gone.index, "status"] = np.where(gone["amountPaid"] > 0, "PARTIAL", "WRITTEN_OFF")
    write_offs = pd.DataFrame({
        "type": "REFUND", "client": gone["customerId"].to_numpy(), "at": (gone["written_off_at"] + pd.Timedelta(hours=WRITE_OFF_HOUR)).to_numpy(),
        "amount": gone["writtenOff"].to_numpy(), "status": "COMPLETED", "invoice": gone["id"].to_numpy(), "payment": pd.NA,
        "kind": WRITE_OFF})
    frame = pd.concat([invoices.assign(kind="invoice"), moves.assign(kind=money["kind"].to_numpy()), write_offs],
                      ignore_index=True).sort_values(["at", "type"], kind="stable", ignore_index=True)
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    frame["client"] = frame["client"].astype(np.int64)
    return frame, _links(frame)


def _links(frame: pd.DataFrame) -> pd.DataFrame:
    of_invoice = frame[frame["type"] == "INVOICE"].set_index("invoice")["id"]
    payments = frame[frame["type"] == "PAYMENT"]
    first_payment = payments.drop_duplicates("invoice").set_index("invoice")["id"]
    refunds = frame[frame["kind"] == "refund"]
    write_offs = frame[frame["kind"] == WRITE_OFF]
    links = pd.concat([
        pd.DataFrame({"parent": of_invoice.reindex(payments["invoice"]).to_numpy(), "child": payments["id"].to_numpy(),
                      "type": "PAYMENT_FOR", "amount": payments["amount"].to_numpy(), "at": payments["at"].to_numpy()}),
        pd.DataFrame({"parent": first_payment.reindex(refunds["invoice"]).to_numpy(), "child": refunds["id"].to_numpy(),
                      "type": "REFUND_OF", "amount": refunds["amount"].to_numpy(), "at": refunds["at"].to_numpy()}),
        pd.DataFrame({"parent": of_invoice.reindex(write_offs["invoice"]).to_numpy(), "child": write_offs["id"].to_numpy(),
                      "type": "RELATED_TO", "amount": write_offs["amount"].to_numpy(), "at": write_offs["at"].to_numpy()}),
    ], ignore_index=True)
    return links.sort_values(["at", "child"], kind="stable", ignore_index=True)
