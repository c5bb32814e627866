"""What the company owes its vendors: a bill for every lot it bought, and a monthly settlement of consigned goods sold.

Owned lots are billed on arrival at the lot's terms. Consigned goods are owed only once sold:
each month's sales of a consigned lot are billed to its vendor a few days after month end and
paid on settlement terms. A bill is paid in full around its due date, unless that is still ahead.
"""

from datetime import date

import numpy as np
import pandas as pd

from seed_pipeline.business.history import CoreHistory
from seed_pipeline.business.rules import TERMS_DAYS

SETTLEMENT_TERMS = "NET_15"
BILLED_AFTER_MONTH_END = (1, 6)  # days
PAY_DELAY_DAYS = (-3, 8)  # around the due date
CONSIGNMENT = "CONSIGNMENT"


def _purchases(h: CoreHistory) -> pd.DataFrame:
    """One line per batch of an owned lot: what was received, at cost, billed on arrival."""
    owned = h.batches[h.batches["paymentTerms"] != CONSIGNMENT]
    return pd.DataFrame({
        "kind": "purchase", "lot": owned["lotId"].to_numpy(), "month": -1,
        "billDate": owned["arrived"].dt.normalize().to_numpy(), "terms": owned["paymentTerms"].to_numpy(),
        "batch": owned["id"].to_numpy(), "productId": owned["productId"].to_numpy(),
        "quantity": owned["received"].to_numpy(), "unitPrice": owned["unit_cost"].to_numpy(),
        "lineTotal": (owned["received"] * owned["unit_cost"]).round(2).to_numpy(),
    })


def _settlements(h: CoreHistory, end: pd.Timestamp, rng: np.random.Generator) -> pd.DataFrame:
    """One line per consigned batch and month it sold in, billed after that month closed."""
    lines = h.lines
    batch = h.batches.iloc[lines["batch"].to_numpy()]
    consigned = (batch["paymentTerms"] == CONSIGNMENT).to_numpy()
    sold_at = h.orders.set_index("id")["created_at"].reindex(lines["order_id"]).to_numpy()
    sales = pd.DataFrame({
        "lot": batch["lotId"].to_numpy(), "batch": batch["id"].to_numpy(), "productId": batch["productId"].to_numpy(),
        "month": pd.DatetimeIndex(sold_at).to_period("M").to_timestamp(how="end").normalize(),
        "quantity": lines["quantity"].to_numpy(), "unitPrice": batch["unit_cost"].to_numpy(),
        "lineTotal": (lines["quantity"] * lines["unit_cost"]).round(2).to_numpy(),
    })[consigned]
    grouped = (sales.groupby(["lot", "month", "batch", "productId", "unitPrice"], as_index=False)
               .agg(quantity=("quantity", "sum"), lineTotal=("lineTotal", "sum")))
    bill_keys = grouped[["lot", "month"]].drop_duplicates()
    delay = pd.to_timedelta(rng.integers(*BILLED_AFTER_MONTH_END, len(bill_keys)), unit="D")
    bill_keys = bill_keys.assign(billDate=(bill_keys["month"] + delay).to_numpy())
    grouped = grouped.merge(bill_keys, on=["lot", "month"])
    grouped = grouped[grouped["billDate"] <= end]  # this month's sales are owed but not billed yet
    return grouped.assign(kind="consignment settlement", terms=SETTLEMENT_TERMS,
                          month=grouped["month"].dt.year * 100 + grouped["month"].dt.month)


def bills(h: CoreHistory, as_of: date, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Bills (local id = row + 1, in date order) and their lines."""
    end = pd.Timestamp(as_of)
    lines = pd.concat([_purchases(h), _settlements(h, end, rng)], ignore_index=True)
    lines["quantity"] = lines["quantity"].round(2)
    lines["lineTotal"] = lines["lineTotal"].round(2)
    keys = ["kind", "lot", "month"]
    frame = (lines.groupby(keys, as_index=False)
             .agg(billDate=("billDate", "first"), terms=("terms", "first"), totalAmount=("lineTotal", "sum"))
             .sort_values(["billDate", "lot", "kind"], ignore_index=True))
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    frame["totalAmount"] = frame["totalAmount"].round(2)
    frame["vendorId"] = h.lots.set_index("id")["vendorId"].reindex(frame["lot"]).to_numpy()
    frame["dueDate"] = frame["billDate"] + pd.to_timedelta(frame["terms"].map(TERMS_DAYS), unit="D")
    delay = np.where(frame["terms"] == "COD", 0, rng.integers(*PAY_DELAY_DAYS, len(frame)))
    paid_at = (frame["dueDate"] + pd.to_timedelta(delay, unit="D")).clip(lower=frame["billDate"])
    frame["paid_at"] = paid_at.where(paid_at <= end)
    frame["amountPaid"] = np.where(frame["paid_at"].notna(), frame["totalAmount"], 0.0)
    frame["amountDue"] = (frame["totalAmount"] - frame["amountPaid"]).round(2)
    frame["status"] = bill_status(frame["amountDue"], frame["dueDate"], as_of)
    lines = lines.merge(frame[keys + ["id"]].rename(columns={"id": "bill"}), on=keys).sort_values(["bill", "batch"], ignore_index=True)
    return frame, lines[["bill", "lot", "batch", "productId", "quantity", "unitPrice", "lineTotal"]]


def bill_status(amount_due: pd.Series, due: pd.Series, as_of: date) -> np.ndarray:
    """PAID when nothing is due, OVERDUE once past due, otherwise APPROVED and waiting for its date."""
    late = pd.to_datetime(due) < pd.Timestamp(as_of)
    return np.where(amount_due <= 0, "PAID", np.where(late, "OVERDUE", "APPROVED"))
