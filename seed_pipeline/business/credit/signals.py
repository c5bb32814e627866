"""The credit engine's six signals of each client, as of each monthly recalculation, from its real invoices and payments.

The formulas are TERP's own (``server/creditEngine.ts``), applied to what the client's invoices
said on the day of the calculation: revenue momentum (3 against 12 months of invoicing), cash
collection (days from invoice to payment over 6 months), profitability (the client's margin),
debt aging (the oldest unpaid debt past due), repayment velocity (paid against newly invoiced
over 3 months) and tenure (months as a client and invoices so far). Each comes with its trend
(-1, 0, 1) by TERP's thresholds.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.history import CoreHistory
from seed_pipeline.generation.context import HistoryWindow

MONTH_DAYS = 30  # TERP counts a month of tenure as 30 days
FULL_TENURE_MONTHS, FULL_TENURE_INVOICES = 12, 15
LAG_FOR_ZERO_DAYS = 60  # cash collection: paid in 0 days scores 100, in 60 days or more 0
AGING_FOR_ZERO_DAYS = 90  # debt aging: 90 days past due or more scores 0
SIGNALS = ("revenueMomentum", "cashCollectionStrength", "profitabilityQuality", "debtAgingRisk", "repaymentVelocity",
           "tenureDepth")
TRENDS = ("revenueMomentumTrend", "cashCollectionTrend", "profitabilityTrend", "debtAgingTrend", "repaymentVelocityTrend")


def calculation_days(window: HistoryWindow) -> pd.DatetimeIndex:
    """The first of every month after the first, and the end date: when the limits are recalculated."""
    firsts = pd.date_range(window.start_ts, window.end_ts, freq="MS")
    return firsts[firsts > window.start_ts].append(pd.DatetimeIndex([window.end_ts.normalize()])).unique()


def _months_back(days: pd.Series, months: int) -> pd.Series:
    """TERP's ``new Date(y, m - months, 1)``: the first of the month ``months`` before each day."""
    return days.dt.to_period("M").dt.to_timestamp() - pd.DateOffset(months=months)


def _per_day(h: CoreHistory, days: pd.DatetimeIndex) -> pd.DataFrame:
    """Every invoice issued before each calculation day, with what it said then."""
    inv = h.invoices.merge(h.orders[["id", "total_margin"]].rename(columns={"id": "order_id"}), on="order_id")
    grid = inv.merge(pd.DataFrame({"day": days}), how="cross")
    grid = grid[grid["invoiceDate"] < grid["day"]].copy()  # the engine runs early in the morning
    paid_by_then = grid["paid_at"].notna() & (grid["paid_at"].dt.normalize() < grid["day"])
    grid["paid_then"] = np.where(paid_by_then, grid["amountPaid"], 0.0)
    # a debt written off is no longer owed from the day it was written off, nor was it ever settled
    gone_then = grid["written_off_at"].notna() & (grid["written_off_at"].dt.normalize() < grid["day"])
    grid["owed_then"] = (grid["totalAmount"] - grid["paid_then"] - np.where(gone_then, grid["writtenOff"], 0.0)).round(2)
    grid["settled"] = paid_by_then & (grid["amountDue"] <= 0) & (grid["writtenOff"] <= 0)  # paid in full by then
    grid["lag"] = (grid["paid_at"].dt.normalize() - grid["invoiceDate"]).dt.days
    grid["past_due"] = (grid["day"] - grid["dueDate"]).dt.days
    grid["from3"], grid["from6"], grid["from12"] = (_months_back(grid["day"], m) for m in (3, 6, 12))
    return grid


def _momentum(g: pd.DataFrame) -> pd.DataFrame:
    agg = g.assign(r3=g["totalAmount"].where(g["invoiceDate"] >= g["from3"], 0.0),
                   r12=g["totalAmount"].where(g["invoiceDate"] >= g["from12"], 0.0)).groupby(["customerId", "day"])[["r3", "r12"]].sum()
    growth = ((agg["r3"] / 3 - agg["r12"] / 12) / (agg["r12"] / 12).where(agg["r12"] > 0) * 100)
    score = (50 + growth.clip(-50, 50)).fillna(50)
    trend = np.select([growth > 5, growth < -5], [1, -1], 0)
    return pd.DataFrame({"revenueMomentum": score, "revenueMomentumTrend": trend})


def _collection(g: pd.DataFrame) -> pd.DataFrame:
    paid = g[g["settled"] & (g["invoiceDate"] >= g["from6"])].sort_values("invoiceDate")
    keys = ["customerId", "day"]
    lag = paid.groupby(keys)["lag"].mean()
    rank = paid.groupby(keys).cumcount()
    size = paid.groupby(keys)["lag"].transform("size")
    recent = paid[rank >= size - size // 2].groupby(keys)["lag"].mean()  # the newer half
    older = paid[rank < size - size // 2].groupby(keys)["lag"].mean()
    recent, older = recent.reindex(lag.index).fillna(lag), older.reindex(lag.index).fillna(lag)
    trend = np.select([recent < older - 3, recent > older + 3], [1, -1], 0)
    return pd.DataFrame({"cashCollectionStrength": (100 - lag / LAG_FOR_ZERO_DAYS * 100).clip(0, 100),
                         "cashCollectionTrend": trend})


def _profit_aging_velocity(g: pd.DataFrame) -> pd.DataFrame:
    keys = ["customerId", "day"]
    late = g["past_due"].where((g["owed_then"] > 0) & (g["past_due"] > 0), 0)
    recent = g["invoiceDate"] >= g["from3"]
    collected = g["paid_at"].notna() & (g["paid_at"].dt.normalize() >= g["from3"]) & g["settled"]
    agg = g.assign(late=late, new_ar=g["totalAmount"].where(recent, 0.0), paid3=g["paid_then"].where(collected, 0.0)).groupby(keys).agg(
        margin=("total_margin", "sum"), spent=("totalAmount", "sum"), owed=("owed_then", "sum"), oldest=("late", "max"),
        new_ar=("new_ar", "sum"), paid3=("paid3", "sum"), invoices=("id", "size"))
    margin = (100 * agg["margin"] / agg["spent"]).fillna(0.0)
    owing = agg["owed"] > 0.005
    ratio = agg["paid3"] / agg["new_ar"].where(agg["new_ar"] > 0)
    return pd.DataFrame({
        "profitabilityQuality": (margin / 50 * 100).clip(upper=100),
        "profitabilityTrend": np.select([margin > 20, margin < 5], [1, -1], 0),
        "debtAgingRisk": np.where(owing, (100 - agg["oldest"] / AGING_FOR_ZERO_DAYS * 100).clip(0, 100), 100.0),
        "debtAgingTrend": np.where(owing, np.select([agg["oldest"] < 30, agg["oldest"] > 60], [1, -1], 0), 0),
        "repaymentVelocity": (ratio * 100).clip(upper=100).fillna(100.0),
        "repaymentVelocityTrend": np.select([ratio > 1.1, ratio < 0.9], [1, -1], 0),
        "avgMargin": margin, "totalSpent": agg["spent"], "exposure": agg["owed"].clip(lower=0), "invoices": agg["invoices"]})


def signals(h: CoreHistory, window: HistoryWindow) -> pd.DataFrame:
    """One row per client and calculation day on which it had invoices: signals (rounded as TERP does) and trends."""
    g = _per_day(h, calculation_days(window))
    out = _profit_aging_velocity(g).join(_momentum(g)).join(_collection(g))
    out["cashCollectionStrength"] = out["cashCollectionStrength"].fillna(50.0)
    out["cashCollectionTrend"] = out["cashCollectionTrend"].fillna(0)
    out = out.reset_index().rename(columns={"customerId": "client"})
    joined = h.clients.set_index("id")["created_at"].reindex(out["client"]).to_numpy()
    out["months"] = ((out["day"] - joined).dt.days // MONTH_DAYS).to_numpy()
    out["tenureDepth"] = (np.minimum(100, out["months"] / FULL_TENURE_MONTHS * 100)
                          + np.minimum(100, out["invoices"] / FULL_TENURE_INVOICES * 100)) / 2
    for name in SIGNALS:
        out[name] = np.round(out[name].astype(float)).clip(0, 100)
    for name in TRENDS:
        out[name] = out[name].astype(np.int64)
    return out.sort_values(["day", "client"], ignore_index=True)
