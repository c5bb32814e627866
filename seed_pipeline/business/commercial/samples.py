"""Sample requests, the monthly allocations they count against, and the sample stock log of each batch.

The core history sets aside a small share of each batch as samples at intake (``batches.sampleQty``,
taken out of on-hand stock). The log records that: ALLOCATED at intake (a quarter of batches get a
little more, RELEASED back after QC, so ALLOCATED - RELEASED is always the set-aside quantity), then
CONSUMED as fulfilled requests hand samples out, never more than was set aside. Some requests came
days before the same client ordered the same product (``relatedOrderId``); others were fulfilled
without an order, are still PENDING, or were CANCELLED.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.commercial.goods import batch_goods, between, by_quota, sale_lines
from seed_pipeline.business.history import CoreHistory
from seed_pipeline.business.rules import FLOWER_UNIT, in_trade_units, trade_step
from seed_pipeline.business.history.timeline import exact_share

DAY, HOUR = np.timedelta64(1, "D"), np.timedelta64(1, "h")
SAMPLE_SIZE = {"LB": (1, 1), "G": (1, 3), "EA": (1, 2)}  # one sample, in trade steps of the product's unit (a pound's: a quarter)
CONVERTED_SHARE = 0.04  # of orders that followed a sample of one of their products
RELEASED_SHARE = 0.25  # of batches with samples set aside, where QC gave part back
LEAD_DAYS = 14  # a sample comes at most this long before the order it led to
PENDING_DAYS = 5
OTHER_OUTCOMES = {"FULFILLED": 0.7, "PENDING": 0.1, "CANCELLED": 0.2}  # of requests that led to no order
ALLOWANCE = {True: 14.0, False: 7.0}  # monthly sample allowance (TERP's default 7), whales get double
CANCEL_REASONS = ("Client sourced it elsewhere", "Batch sold through before pickup", "Duplicate of an earlier request",
                  "Client asked to wait for the next harvest")


def _size(rng, unit: np.ndarray) -> np.ndarray:
    low = np.array([SAMPLE_SIZE[u][0] for u in unit])
    high = np.array([SAMPLE_SIZE[u][1] for u in unit])
    return rng.integers(low.astype(int), high.astype(int) + 1) * trade_step(unit != FLOWER_UNIT)


def requests(h: CoreHistory, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(requests, their products): one product a request, from a batch with samples set aside."""
    goods = batch_goods(h)
    end, start = np.datetime64(h.window.end_ts, "s"), np.datetime64(h.window.start_ts, "s")
    clients = h.clients.set_index("id")
    size = _size(rng, goods["unit"].to_numpy())
    stocked = goods["sampled"].to_numpy() >= size
    lines = sale_lines(h)
    born = clients["created_at"].reindex(lines["client_id"]).to_numpy().astype("datetime64[s]")
    at = lines["ordered_at"].to_numpy().astype("datetime64[s]")
    early = np.maximum.reduce([born, lines["arrived"].to_numpy().astype("datetime64[s]") + HOUR, at - LEAD_DAYS * DAY,
                               np.full(len(at), start)])
    ok = stocked[lines["batch_index"]] & (at - early > 2 * DAY)
    k = max(2, round(CONVERTED_SHARE * len(h.orders)))
    fits = lines[ok].sample(frac=1, random_state=rng).drop_duplicates("order_id").index.to_numpy()
    conv = np.sort(rng.choice(fits, min(k, len(fits)), replace=False))
    asked = between(rng, early[conv], at[conv] - 2 * DAY)
    converted = pd.DataFrame({"client_id": lines.loc[conv, "client_id"].to_numpy(), "batch_index": lines.loc[conv, "batch_index"].to_numpy(),
                              "requested": asked, "status": "FULFILLED", "order_id": lines.loc[conv, "order_id"].to_numpy(),
                              "converted": at[conv]})
    converted["fulfilled"] = between(rng, asked, np.minimum(asked + 2 * DAY, at[conv] - HOUR))

    buyers = clients[clients["is_buyer"]]
    k_other = max(len(OTHER_OUTCOMES), len(conv))
    candidates = np.flatnonzero(stocked & (goods["arrived"].to_numpy().astype("datetime64[s]") < end - DAY))
    batch = rng.choice(candidates, k_other)
    who = rng.choice(buyers.index.to_numpy(), k_other)
    status = by_quota(rng, k_other, OTHER_OUTCOMES)
    first = np.maximum(goods["arrived"].to_numpy()[batch].astype("datetime64[s]") + HOUR,
                       buyers["created_at"].reindex(who).to_numpy().astype("datetime64[s]"))
    first = np.where(status == "PENDING", np.maximum(first, end - PENDING_DAYS * DAY), first)
    asked = between(rng, first, np.where(status == "PENDING", end - HOUR, end - DAY))
    others = pd.DataFrame({"client_id": who, "batch_index": batch, "requested": asked, "status": status,
                           "order_id": np.nan, "converted": np.datetime64("NaT")})
    others["fulfilled"] = np.where(status == "FULFILLED", between(rng, asked, np.minimum(asked + 2 * DAY, end)), np.datetime64("NaT"))
    others["cancelled"] = np.where(status == "CANCELLED", between(rng, asked, np.minimum(asked + 3 * DAY, end)), np.datetime64("NaT"))
    out = pd.concat([converted, others], ignore_index=True).sort_values("requested", kind="stable", ignore_index=True)
    out["quantity"] = size[out["batch_index"]]
    out = _within_set_aside(out, goods)
    out.insert(0, "id", np.arange(1, len(out) + 1))
    out["productId"] = goods["productId"].to_numpy()[out["batch_index"]]
    out["reason"] = np.where(out["status"] == "CANCELLED", rng.choice(CANCEL_REASONS, len(out)), None)
    out["cost"] = np.where(out["status"] == "FULFILLED", np.round(out["quantity"] * goods["unit_cost"].to_numpy()[out["batch_index"]], 2), np.nan)
    return out, _log(out, goods, h, rng)


def _within_set_aside(out: pd.DataFrame, goods: pd.DataFrame) -> pd.DataFrame:
    """Drop fulfilled requests a batch's set-aside samples could no longer cover, in the order they were fulfilled."""
    fulfilled = out["status"] == "FULFILLED"
    order = out[fulfilled].sort_values("fulfilled", kind="stable")
    left = goods["sampled"].to_numpy().astype(float).copy()
    keep = np.ones(len(out), bool)
    for i, b, q in zip(order.index, order["batch_index"], order["quantity"]):
        if left[b] + 1e-9 >= q:
            left[b] -= q
        else:
            keep[i] = False
    return out[keep].reset_index(drop=True)


def _log(req: pd.DataFrame, goods: pd.DataFrame, h: CoreHistory, rng: np.random.Generator) -> pd.DataFrame:
    end = np.datetime64(h.window.end_ts, "s")
    aside = goods[goods["sampled"] > 0]
    arrived = aside["arrived"].to_numpy().astype("datetime64[s]")
    whole = aside["whole"].to_numpy()
    can_release = arrived < end - 2 * DAY
    released = np.zeros(len(aside), bool)
    released[np.flatnonzero(can_release)] = exact_share(rng, int(can_release.sum()), RELEASED_SHARE)
    extra = aside["sampled"].to_numpy() * rng.uniform(0.2, 0.5, len(aside))
    extra = np.maximum(trade_step(whole), in_trade_units(extra, whole, np.round))
    extra = np.where(released, extra, 0.0)
    allocated_at = arrived + rng.integers(600, 3 * 3600, len(aside)).astype("timedelta64[s]")
    allocated_at = np.minimum(allocated_at, end)
    parts = [pd.DataFrame({"batch_index": aside.index.to_numpy(), "action": "ALLOCATED", "quantity": aside["sampled"].to_numpy() + extra,
                           "at": allocated_at, "request": np.nan, "order_id": np.nan}),
             pd.DataFrame({"batch_index": aside.index.to_numpy()[released], "action": "RELEASED", "quantity": extra[released],
                           "at": between(rng, allocated_at[released] + DAY, allocated_at[released] + 2 * DAY),
                           "request": np.nan, "order_id": np.nan})]
    done = req[req["status"] == "FULFILLED"]
    parts.append(pd.DataFrame({"batch_index": done["batch_index"].to_numpy(), "action": "CONSUMED", "quantity": done["quantity"].to_numpy(),
                               "at": done["fulfilled"].to_numpy(), "request": done["id"].to_numpy(), "order_id": np.nan}))
    log = pd.concat(parts, ignore_index=True).sort_values(["at", "batch_index"], kind="stable", ignore_index=True)
    log["quantity"] = log["quantity"].round(4)
    log.insert(0, "id", np.arange(1, len(log) + 1))
    return log


def allocations(h: CoreHistory, req: pd.DataFrame) -> pd.DataFrame:
    """Each client's allowance for each month it asked for samples, what fulfilled requests used, and what is left.

    As TERP counts it, a request uses the allowance of the month it was fulfilled in.
    """
    clients = h.clients.set_index("id")
    at = pd.to_datetime(req["fulfilled"].fillna(req["requested"]))
    used = req.assign(month=at.dt.strftime("%Y-%m"), at=at, used=np.where(req["status"] == "FULFILLED", req["quantity"], 0.0))
    rows = used.groupby(["client_id", "month"]).agg(used=("used", "sum"), first=("requested", "min"), last=("at", "max")).reset_index()
    whale = clients["whale"].reindex(rows["client_id"]).to_numpy()
    rows["allocated"] = np.maximum(np.where(whale, ALLOWANCE[True], ALLOWANCE[False]), np.ceil(rows["used"]))
    rows["remaining"] = (rows["allocated"] - rows["used"]).round(2)
    rows["used"] = rows["used"].round(2)
    rows.insert(0, "id", np.arange(1, len(rows) + 1))
    return rows
