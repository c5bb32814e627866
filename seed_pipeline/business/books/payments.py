"""Money in and out: client payments on invoices, refunds, and payments of vendor bills, in date order.

A client pays each invoice's paid amount in one payment on the day the history says it was
paid; cash collected on delivery goes to the vault, everything else to the operating account.
Refunds and vendor payments (in full, or a part paid in advance) leave the operating account.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.books.postings import CASH_VAULT, OPERATING
from seed_pipeline.business.history import CoreHistory

# how clients pay what is not cash on delivery; whales move large sums by wire
CLIENT_METHODS = {"whale": {"WIRE": 0.5, "ACH": 0.4, "CHECK": 0.1},
                  "regular": {"ACH": 0.45, "CHECK": 0.4, "WIRE": 0.05, "DEBIT_CARD": 0.1}}
VENDOR_METHODS = {"ACH": 0.6, "WIRE": 0.25, "CHECK": 0.15}
REFUND_METHODS = {"ACH": 0.7, "CHECK": 0.3}


def _choose(rng: np.random.Generator, mix: dict[str, float], n: int) -> np.ndarray:
    return rng.choice(list(mix), n, p=list(mix.values()))


def _reference(methods: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A check number, a bank trace number, or nothing for cash."""
    n = len(methods)
    check = np.char.mod("CHK %05d", rng.integers(1000, 99999, n))
    trace = np.char.mod("TRC%010d", rng.integers(10**9, 10**10 - 1, n, dtype=np.int64))
    return np.where(methods == "CHECK", check, np.where(methods == "CASH", None, trace))


def payments(h: CoreHistory, bills: pd.DataFrame, rng: np.random.Generator, credited: pd.Series) -> pd.DataFrame:
    """``credited``: store credit spent on each invoice (local id), which its payment does not bring in."""
    inv = h.invoices
    paid = inv[inv["amountPaid"] > 0]
    whale = h.clients.set_index("id")["whale"].reindex(paid["customerId"]).to_numpy()
    method = np.where(whale, _choose(rng, CLIENT_METHODS["whale"], len(paid)),
                      _choose(rng, CLIENT_METHODS["regular"], len(paid)))
    method = np.where(paid["paymentTerms"] == "COD", "CASH", method)
    received = pd.DataFrame({
        "kind": "receipt", "paymentType": "RECEIVED", "paymentDate": paid["paid_at"].dt.normalize().to_numpy(),
        "amount": paid["amountPaid"].to_numpy(), "paymentMethod": method,
        "customerId": paid["customerId"].to_numpy(), "invoice": paid["id"].to_numpy()})
    received["amount"] = (received["amount"] - credited.reindex(received["invoice"], fill_value=0.0).to_numpy()).round(2)
    received = received[received["amount"] > 0]
    refund_of = pd.Series(inv["id"].to_numpy(), index=inv["order_id"].to_numpy())
    refunds = pd.DataFrame({
        "kind": "refund", "paymentType": "SENT", "paymentDate": h.refunds["refunded_at"].dt.normalize().to_numpy(),
        "amount": h.refunds["amount"].to_numpy(), "paymentMethod": _choose(rng, REFUND_METHODS, len(h.refunds)),
        "customerId": inv.set_index("order_id")["customerId"].reindex(h.refunds["order_id"]).to_numpy(),
        "invoice": refund_of.reindex(h.refunds["order_id"]).to_numpy()})
    settled = bills[bills["amountPaid"] > 0]
    to_vendors = pd.DataFrame({
        "kind": "vendor payment", "paymentType": "SENT", "paymentDate": settled["paid_at"].to_numpy(),
        "amount": settled["amountPaid"].to_numpy(), "paymentMethod": _choose(rng, VENDOR_METHODS, len(settled)),
        "vendorId": settled["vendorId"].to_numpy(), "bill": settled["id"].to_numpy()})
    frame = pd.concat([received, refunds, to_vendors], ignore_index=True)
    frame = frame.sort_values(["paymentDate", "kind"], kind="stable", ignore_index=True)
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    frame["cash_account"] = np.where(frame["paymentMethod"] == "CASH", CASH_VAULT, OPERATING)
    frame["referenceNumber"] = _reference(frame["paymentMethod"].to_numpy(), rng)
    for column in ("customerId", "vendorId", "invoice", "bill"):
        frame[column] = frame[column].astype("Int64")
    return frame
