"""Purchase orders to the vendors and the intake sessions that turned them into lots and batches.

Every lot was ordered a few days before it arrived, on one purchase order for the products of its
batches (the quantity received, a few short-shipped), at the batch's unit cost; it was checked in
on an intake session on the day it arrived, completed once its batches were inspected. A lot whose
batches still await intake at the end date is RECEIVING on an open session. Beside them, orders not
delivered yet (a draft, one sent, one confirmed, to the vendors of the latest lots, for what those
vendors last supplied) and one order the vendor could not fill (CANCELLED).
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.rules import FLOWER_UNIT, TERMS_DAYS, in_trade_units, trade_step

LEAD_DAYS = (3, 11)  # ordered this long before the lot arrives
SHORT_SHARE, SHORT_BY = 0.1, (0.02, 0.08)  # of items shipped short, and by how much
OPEN = ("DRAFT", "SENT", "CONFIRMED")  # orders not delivered at the end date, one each
OPEN_DAYS = 7  # placed within this many days of the end
DELIVERY_DAYS = (3, 10)  # expected this long after ordering


def _hours(rng, n, low, high) -> np.ndarray:
    return (rng.uniform(low, high, n) * 3600).astype("timedelta64[s]")


def purchasing(h, status: np.ndarray, workflow: pd.DataFrame,
               rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(purchase orders, their items, intake sessions); ids are local, orders numbered by date."""
    b = h.batches
    lots = h.lots[h.lots["id"].isin(b["lotId"])]  # a lot that brought no batch was never ordered or checked in
    start, end = np.datetime64(h.window.start_ts, "s"), np.datetime64(h.window.end_ts, "s")
    arrived = lots["date"].to_numpy("datetime64[s]")
    ordered = np.maximum(arrived - rng.integers(*LEAD_DAYS, len(lots)).astype("timedelta64[D]")
                         + _hours(rng, len(lots), -2, 2), start)
    ordered = np.where(ordered >= arrived, start, ordered)
    sent = ordered + ((arrived - ordered).astype(np.int64) * rng.uniform(0.05, 0.2, len(lots))).astype("timedelta64[s]")
    confirmed = sent + ((arrived - sent).astype(np.int64) * rng.uniform(0.1, 0.5, len(lots))).astype("timedelta64[s]")
    inspected = workflow[workflow["from"] == "AWAITING_INTAKE"].groupby("batch")["at"].max()
    done = pd.Series(inspected.reindex(range(len(b))).to_numpy(), index=b["lotId"].to_numpy())
    waiting = pd.Series(status == "AWAITING_INTAKE", index=b["lotId"].to_numpy()).groupby(level=0).any()
    open_lot = waiting.reindex(lots["id"], fill_value=False).to_numpy()
    completed = done.groupby(level=0).max().reindex(lots["id"]).to_numpy("datetime64[s]")
    received = pd.DataFrame({
        "key": lots["id"].to_numpy(), "lot": lots["id"].to_numpy(), "vendor": lots["vendorId"].to_numpy(), "status": np.where(open_lot, "RECEIVING", "RECEIVED"),
        "created": ordered, "sent": sent, "confirmed": confirmed, "expected": np.maximum(arrived.astype("datetime64[D]")
        + rng.integers(-1, 2, len(lots)).astype("timedelta64[D]"), ordered.astype("datetime64[D]")),
        "delivered": arrived, "terms": lots["paymentTerms"].to_numpy(),
    })
    sessions = pd.DataFrame({"id": np.arange(1, len(lots) + 1), "lot": lots["id"].to_numpy(), "vendor": lots["vendorId"].to_numpy(), "received": arrived,
                             "status": np.where(open_lot, "IN_PROGRESS", "COMPLETED"),
                             "completed": np.where(open_lot, np.datetime64("NaT"), completed),
                             "terms": lots["paymentTerms"].to_numpy()})
    whole = (b["unit"] != FLOWER_UNIT).to_numpy()
    short = rng.random(len(b)) < SHORT_SHARE
    asked = b["received"].to_numpy() * np.where(short, 1 + rng.uniform(*SHORT_BY, len(b)), 1.0)
    items = pd.DataFrame({"order": b["lotId"].to_numpy(), "batch": np.arange(len(b)), "product": b["productId"].to_numpy(),
                          "ordered": np.maximum(in_trade_units(asked, whole, np.ceil),
                                                b["received"].to_numpy() + np.where(short, trade_step(whole), 0.0)),
                          "received": b["received"].to_numpy(),
                          "cost": b["unit_cost"].to_numpy()})
    later, later_items = _not_delivered(h, lots, ordered, start, end, rng)
    orders = pd.concat([received, later], ignore_index=True)
    items = pd.concat([items, later_items], ignore_index=True)
    # orders are numbered in the order they were placed
    rank = np.argsort(np.argsort(orders["created"].to_numpy(), kind="stable"), kind="stable") + 1
    items["order"] = items["order"].map(dict(zip(orders["key"], rank))).to_numpy()
    orders.insert(0, "id", rank)
    orders["session"] = orders["lot"].map(dict(zip(sessions["lot"], sessions["id"])))
    orders = orders.sort_values("id", ignore_index=True)
    items = items.sort_values(["order", "batch"], kind="stable", ignore_index=True)
    items["total"] = (items["ordered"] * items["cost"]).round(4)
    totals = items.groupby("order")["total"].sum().round(2)
    orders["subtotal"] = orders["id"].map(totals).to_numpy()
    due = pd.to_timedelta(orders["terms"].map(TERMS_DAYS), unit="D")
    orders["due"] = np.where(orders["terms"] == "CONSIGNMENT", pd.NaT,
                             (pd.to_datetime(orders["delivered"]).fillna(pd.to_datetime(orders["expected"])) + due).dt.normalize())
    return orders, items, sessions


def _not_delivered(h, lots, ordered, start, end, rng):
    """The orders open at the end date, and one cancelled earlier, each for what its vendor last supplied."""
    b = h.batches
    latest = lots.sort_values("date", kind="stable").tail(len(OPEN))
    at = int(rng.integers(0, len(lots)))
    picks = pd.concat([latest, lots.iloc[[at]]], ignore_index=True)
    status = np.array(list(OPEN)[: len(latest)] + ["CANCELLED"], dtype=object)
    placed = np.where(status == "CANCELLED", ordered[at],
                      end - rng.integers(1, OPEN_DAYS * 24 * 3600, len(picks)).astype("timedelta64[s]"))
    placed = np.maximum(placed.astype("datetime64[s]"), start)
    sent = np.where(status == "DRAFT", np.datetime64("NaT"), placed + _hours(rng, len(picks), 0.5, 3))
    sent = np.minimum(sent, end)
    confirmed = np.where(np.isin(status, ["CONFIRMED"]), sent + ((end - sent).astype(np.int64) * 0.5).astype("timedelta64[s]"),
                         np.datetime64("NaT"))
    expected = placed.astype("datetime64[D]") + rng.integers(*DELIVERY_DAYS, len(picks)).astype("timedelta64[D]")
    expected = np.where(status == "CANCELLED", expected, np.maximum(expected, end.astype("datetime64[D]") + 1))
    local = int(lots["id"].max()) + np.arange(1, len(picks) + 1)
    orders = pd.DataFrame({"key": local, "lot": np.nan, "vendor": picks["vendorId"].to_numpy(), "status": status, "created": placed,
                           "sent": sent, "confirmed": confirmed, "expected": expected, "delivered": np.datetime64("NaT"),
                           "terms": picks["paymentTerms"].to_numpy()})
    parts = []
    for k, lot in zip(local, picks["id"]):
        own = b[b["lotId"] == lot]
        whole = (own["unit"] != FLOWER_UNIT).to_numpy()
        qty = own["received"].to_numpy() * rng.uniform(0.8, 1.2, len(own))
        parts.append(pd.DataFrame({"order": k, "batch": np.nan, "product": own["productId"].to_numpy(),
                                   "ordered": in_trade_units(qty, whole, np.ceil), "received": 0.0,
                                   "cost": own["unit_cost"].to_numpy()}))
    return orders, pd.concat(parts, ignore_index=True)
