"""Inventory alerts that fire where TERP's alert job would have fired them, and the settings behind them.

LOW_STOCK fires the first time a sellable batch's replayed stock drops below its product's reorder
point (the inventory manager's setting per product: a quarter of a usual batch); it is RESOLVED when the batch sold out (or a return restocked it), else still ACTIVE (ACKNOWLEDGED when the
inventory manager has seen it). SLOW_MOVING fires for a sellable batch with stock and no sale for
the configured number of days, as of the end date.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.operations.workflow import SELLABLE
from seed_pipeline.business.rules import FLOWER_UNIT, in_trade_units

REORDER_SHARE = 0.25  # of the product's average batch received: the reorder point
SLOW_MOVING_DAYS = 90  # days without a sale (TERP's default)
ACKNOWLEDGED_SHARE = 0.4  # of alerts still open, seen by the inventory manager
SEVERITY = ((5.0, "HIGH"), (8.0, "MEDIUM"))  # at or below this much stock; otherwise LOW


def severity(quantity) -> np.ndarray:
    q = np.asarray(quantity, dtype=float)
    return np.where(q <= SEVERITY[0][0], "HIGH", np.where(q <= SEVERITY[1][0], "MEDIUM", "LOW"))


def reorder_points(batches: pd.DataFrame) -> pd.Series:
    """Each product's reorder point, in its trade unit: a quarter of its average batch, rounded up to a trade step."""
    mean = batches.groupby("productId")["received"].mean() * REORDER_SHARE
    whole = batches.groupby("productId")["unit"].first() != FLOWER_UNIT
    return pd.Series(in_trade_units(mean, whole, np.ceil), index=mean.index)


def _status_at(workflow: pd.DataFrame, batch: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Each (batch, moment)'s workflow status then."""
    w = workflow.sort_values("at", kind="stable")
    probe = pd.DataFrame({"batch": batch, "at": pd.to_datetime(at), "k": np.arange(len(batch))}).sort_values("at")
    joined = pd.merge_asof(probe, w[["batch", "at", "to"]].assign(at=pd.to_datetime(w["at"])), on="at", by="batch")
    return joined.sort_values("k")["to"].to_numpy(dtype=object)


def stock_alerts(batches: pd.DataFrame, movements: pd.DataFrame, workflow: pd.DataFrame, status: np.ndarray,
                 end_ts: pd.Timestamp) -> pd.DataFrame:
    """Alerts: batch, type, threshold, value, severity, status, at, resolved_at."""
    m = movements
    point = reorder_points(batches).reindex(batches["productId"]).to_numpy()[m["batch"]]
    m = m.assign(point=point)
    low = m[(m["after"] < m["point"]) & (m["after"] > 0) & (m["before"] >= m["point"])]
    low = low.assign(state=_status_at(workflow, low["batch"].to_numpy(), low["at"].to_numpy()))
    low = low[low["state"].isin(SELLABLE)].groupby("batch").head(1)
    after = m.merge(low[["batch", "at"]].rename(columns={"at": "fired"}), on="batch")
    cleared = (after["after"] <= 0) | (after["after"] >= after["point"])  # sold out, or restocked by a return
    emptied = after[(after["at"] > after["fired"]) & cleared].groupby("batch")["at"].min()
    resolved = emptied.reindex(low["batch"].to_numpy()).to_numpy("datetime64[s]")
    alerts = [pd.DataFrame({"batch": low["batch"].to_numpy(), "type": "LOW_STOCK", "threshold": low["point"].to_numpy(),
                            "value": low["after"].to_numpy(), "at": low["at"].to_numpy(), "resolved": resolved})]
    end = np.datetime64(end_ts, "s")
    last_sale = m[m["type"] == "SALE"].groupby("batch")["at"].max().reindex(range(len(batches)))
    arrived = batches["arrived"].to_numpy("datetime64[s]")
    since = last_sale.fillna(pd.Series(arrived)).to_numpy("datetime64[s]")
    idle = (end - since).astype("timedelta64[D]").astype(np.int64)
    slow = np.flatnonzero(np.isin(status, SELLABLE) & (batches["on_hand"].to_numpy() > 0) & (idle > SLOW_MOVING_DAYS))
    fired = since[slow] + np.timedelta64(SLOW_MOVING_DAYS, "D") + np.timedelta64(6 * 3600, "s")
    alerts.append(pd.DataFrame({"batch": slow, "type": "SLOW_MOVING", "threshold": float(SLOW_MOVING_DAYS),
                                "value": idle[slow].astype(float), "at": fired, "resolved": np.datetime64("NaT")}))
    out = pd.concat(alerts, ignore_index=True)
    out["at"] = pd.to_datetime(out["at"]).astype("datetime64[s]")
    out["resolved"] = pd.to_datetime(out["resolved"]).astype("datetime64[s]")
    out["severity"] = np.where(out["type"] == "LOW_STOCK", severity(out["value"]), "MEDIUM")
    return out.sort_values(["at", "batch"], kind="stable", ignore_index=True)
