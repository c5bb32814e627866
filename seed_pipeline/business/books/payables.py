"""What the company owes its vendors: a bill for every lot it bought, and a monthly settlement of consigned goods sold.

Owned lots are billed on arrival at the lot's terms. Consigned goods are owed only once sold:
each month's sales of a consigned lot are billed to its vendor a few days after month end and
paid on settlement terms. A bill is paid in full on or a few days after its due date, unless that
is still ahead; some bills not yet due are part paid, and some that fell due in the last month are
held back. Its status is what TERP's payables read (``server/arApDb.ts``): PENDING, PARTIAL or
OVERDUE while open, PAID once paid.
"""

from datetime import date

import numpy as np
import pandas as pd

from seed_pipeline.business.history import CoreHistory
from seed_pipeline.business.rules import TERMS_DAYS

SETTLEMENT_TERMS = "NET_30"
BILLED_AFTER_MONTH_END = (1, 6)  # days
PAY_DELAY_DAYS = (0, 8)  # on or after the due date
PART_PAID_SHARE = 0.3  # of open bills not yet due: part paid already (at least one of two)
PART_PAID = (0.2, 0.6)  # share of the bill paid in advance
HELD_SHARE = 0.15  # of bills due in the last 30 days: held back, still open (at least one)
RECENT_DAYS = 30
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
    _settle(frame, end, rng)
    frame["status"] = bill_status(frame["amountPaid"], frame["amountDue"], frame["dueDate"], as_of)
    lines = lines.merge(frame[keys + ["id"]].rename(columns={"id": "bill"}), on=keys).sort_values(["bill", "batch"], ignore_index=True)
    return frame, lines[["bill", "lot", "batch", "productId", "quantity", "unitPrice", "lineTotal"]]


def _at_least_one(rng: np.random.Generator, candidates: np.ndarray, share: float, minimum: int) -> np.ndarray:
    """``share`` of the candidates, but at least one when there are ``minimum`` or more."""
    n = round(share * len(candidates))
    n = max(n, 1) if len(candidates) >= minimum else n
    return np.sort(rng.choice(candidates, n, replace=False))


def _settle(frame: pd.DataFrame, end: pd.Timestamp, rng: np.random.Generator) -> None:
    """What has been paid on each bill by the end date, and when (``paid_at``: the one payment's day)."""
    n = len(frame)
    delay = np.where(frame["terms"] == "COD", 0, rng.integers(*PAY_DELAY_DAYS, n))
    paid_at = (frame["dueDate"] + pd.to_timedelta(delay, unit="D")).clip(lower=frame["billDate"])
    due = frame["dueDate"]
    recent = np.flatnonzero(((due < end) & (due >= end - pd.Timedelta(days=RECENT_DAYS)) & (frame["terms"] != "COD")).to_numpy())
    paid_at.iloc[_at_least_one(rng, recent, HELD_SHARE, 1)] = pd.NaT
    paid_at = paid_at.where(paid_at <= end)
    paid = np.where(paid_at.notna(), frame["totalAmount"], 0.0)
    ahead = np.flatnonzero((paid_at.isna() & (due >= end)).to_numpy())
    part = _at_least_one(rng, ahead, PART_PAID_SHARE, 2)
    paid[part] = (frame["totalAmount"].to_numpy()[part] * rng.uniform(*PART_PAID, len(part))).round(2)
    span = (end - frame["billDate"].iloc[part]).dt.days.to_numpy()
    paid_at.iloc[part] = (frame["billDate"].iloc[part] + pd.to_timedelta(np.floor(rng.random(len(part)) * (span + 1)), unit="D")).to_numpy()
    frame["paid_at"] = paid_at
    frame["amountPaid"] = paid
    frame["amountDue"] = (frame["totalAmount"] - frame["amountPaid"]).round(2)


def bill_status(amount_paid: pd.Series, amount_due: pd.Series, due: pd.Series, as_of: date) -> np.ndarray:
    """PAID when nothing is due; while open, OVERDUE once past due, PARTIAL when part is paid, else PENDING."""
    late = pd.to_datetime(due) < pd.Timestamp(as_of)
    status = np.where(np.asarray(amount_paid) > 0, "PARTIAL", "PENDING")
    status = np.where(late, "OVERDUE", status)
    return np.where(np.asarray(amount_due) <= 0, "PAID", status)
