"""Intake and sale of stock: lots from vendors, batches per lot, and each order line drawn from a batch in stock.

Intake for a month's expected demand arrives in the month before (the first month's at the
start), with a safety margin, so a line always finds a batch that was received before the
order and still has stock; quantities never go below zero at any date.
"""

import bisect

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.activity.calendar import KINDS
from seed_pipeline.business.history.quotas import apportion
from seed_pipeline.business.history.timeline import exact_share, moments_in
from seed_pipeline.business.rules import (
    CLIENT_DISCOUNT,
    FLOWER_UNIT,
    INTAKE_CASH_TERMS,
    TARGET_MARKUP_MARGIN,
    in_trade_units,
    nearest_in_trade_units,
    trade_step,
)
from seed_pipeline.scenarios import Scenario

SAFETY_STOCK = 1.25  # intake / expected demand
BATCH_PRICE_SPREAD = 0.03  # batches of one product differ a little in price (clipped at twice this)
OPENING_LOTS = 2  # on the shelves on the first day
MARGIN_SPREAD = 0.02
SAMPLE_SHARE = (0.002, 0.01)  # of a batch taken as samples at intake
INTAKE_MINUTES = KINDS["intake"].minutes  # a lot reaches the dock early enough to be checked in before closing


def lots(s: Scenario, month_frame: pd.DataFrame, vendor_ids: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
    """Exactly ``lots_per_month`` × months lots (the opening ones included); lot of month m carries stock for
    month m+1 (month 0's arrive at the start).

    Every month brings at least one lot (the next one's stock); the rest go to the months in proportion
    to their days, ±15%, by largest remainder, so the count is the target's on any seed and end date.
    """
    months = len(month_frame)
    total = max(round(s.lots_per_month * s.months), OPENING_LOTS + months, len(vendor_ids))
    weights = month_frame["days"].to_numpy() * rng.uniform(0.85, 1.15, months)
    counts = apportion(weights, total - OPENING_LOTS, minimum=1)
    month = np.repeat(np.arange(len(month_frame)), counts)
    at = moments_in(month_frame["first"].iloc[month].reset_index(drop=True),
                    month_frame["days"].iloc[month].reset_index(drop=True), rng)
    frame = pd.DataFrame({"month": month, "date": hours.before_closing(at, INTAKE_MINUTES)})
    opening = moments_in(pd.Series([month_frame["first"].iloc[0]] * OPENING_LOTS), pd.Series([1] * OPENING_LOTS), rng)
    opening = pd.DataFrame({"month": -1, "date": hours.before_closing(opening, INTAKE_MINUTES)})
    frame = pd.concat([opening, frame], ignore_index=True).sort_values("date", kind="stable", ignore_index=True)
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    frame["vendorId"] = _vendors(vendor_ids, len(frame), rng)
    consignment = exact_share(rng, len(frame), s.consignment_intake_share)
    cash = rng.choice(list(INTAKE_CASH_TERMS), len(frame), p=list(INTAKE_CASH_TERMS.values()))
    frame["paymentTerms"] = np.where(consignment, "CONSIGNMENT", cash)
    return frame


def _vendors(vendor_ids: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """A vendor per lot, at random, but every vendor supplies at least one lot (when there are enough lots)."""
    chosen = rng.choice(vendor_ids, n)
    first = rng.permutation(n)[:len(vendor_ids)]
    chosen[first] = vendor_ids[:len(first)]
    return chosen


def _wanted(demand: pd.DataFrame, month: int, last_month: int, lots: int) -> list[tuple[str, str, float]]:
    """(class, value) a month's lots bring: the next month's demand (the last month's lots: its own), or the
    nearest month's that has any when that month sold nothing (a month of a day or two), the biggest classes
    split so there is one for every lot."""
    for m in (*range(month + 1, last_month + 1), *range(min(month, last_month), -1, -1)):
        mine = demand[demand["month"] == m]
        if len(mine):
            break
    wanted = list(zip(mine["line"], mine["grade"], mine["target"]))
    while wanted and len(wanted) < lots:
        line, grade, value = max(wanted, key=lambda w: w[2])
        wanted.remove((line, grade, value))
        wanted += [(line, grade, value / 2)] * 2
    return wanted


def batches(lot_frame: pd.DataFrame, line_frame: pd.DataFrame, order_frame: pd.DataFrame, product_frame: pd.DataFrame,
            brand_vendor: pd.Series, rng: np.random.Generator) -> pd.DataFrame:
    """One batch per (lot, class of goods): the class's demand of the next month, with a safety margin."""
    month_of_order = order_frame.set_index("id")["month"]
    demand = line_frame.assign(month=line_frame["order_id"].map(month_of_order))
    demand = demand.groupby(["month", "line", "grade"])["target"].sum().reset_index()
    rows = []
    last_month = int(lot_frame["month"].max())
    # the products of each class and the lots' fields as arrays: a batch is picked by positions, not by frame lookups
    of_class = product_frame.groupby(["line", "grade"], sort=False).indices
    vendor_of = product_frame["brandId"].map(brand_vendor).to_numpy()
    product = {c: product_frame[c].tolist() for c in ("id", "list_price", "uomSellable")}
    lot = {c: lot_frame[c].tolist() for c in ("id", "date", "paymentTerms", "vendorId")}
    lot_month = lot_frame["month"].to_numpy()
    for month in range(-1, last_month + 1):
        arriving = np.flatnonzero(lot_month == month)
        wanted = _wanted(demand, month, last_month, len(arriving))
        # classes dealt to the month's lots in turn, so every lot brings at least one batch
        turn = rng.permutation(len(arriving))
        for k, (line, grade, value) in enumerate(wanted):
            candidates = of_class[(line, grade)]
            at = arriving[turn[k % len(arriving)]]
            own = candidates[vendor_of[candidates] == lot["vendorId"][at]]
            chosen = (own if len(own) else candidates)[int(rng.integers(0, len(own) or len(candidates)))]
            rows.append((lot["id"][at], lot["date"][at], lot["paymentTerms"][at], product["id"][chosen], line, grade,
                         product["list_price"][chosen], product["uomSellable"][chosen], value))
    frame = pd.DataFrame(rows, columns=["lotId", "arrived", "paymentTerms", "productId", "line", "grade",
                                        "list_price", "unit", "value"])
    n = len(frame)
    frame.insert(0, "id", np.arange(1, n + 1))
    spread = rng.normal(0, BATCH_PRICE_SPREAD, n).clip(-2 * BATCH_PRICE_SPREAD, 2 * BATCH_PRICE_SPREAD)
    frame["unit_price"] = (frame["list_price"] * (1 + spread)).round(2)
    frame["unit_cost"] = (frame["unit_price"] * (1 - rng.normal(TARGET_MARKUP_MARGIN, MARGIN_SPREAD, n))).round(2)
    received = frame["value"] * SAFETY_STOCK / frame["unit_price"]
    # at least one pound or one unit: a class that sold next to nothing still arrives as goods, never as an empty batch
    whole = (frame["unit"] != FLOWER_UNIT).to_numpy()
    frame["received"] = np.maximum(in_trade_units(received, whole, np.ceil), 1.0)
    frame["sampled"] = in_trade_units(frame["received"] * rng.uniform(*SAMPLE_SHARE, n), whole)
    return frame.drop(columns=["value"])


def _nanoseconds(moments: pd.Series) -> np.ndarray:
    return moments.to_numpy().astype("datetime64[ns]").astype(np.int64)


def _cents(amount: float) -> float:
    """``np.round(amount, 2)`` of one float, as numpy computes it (times 100, halves to even, divided by 100)."""
    return round(amount * 100.0) / 100.0


class _Shelf:
    """The batches of one pool in stock as lines come in time order: arrived before the line's moment and not
    empty, in the pool's order (ascending batch position). Each batch joins once and leaves once it is
    empty, so a line costs about one step however many batches the pool holds (it was a mask over the whole
    pool per line, quadratic in the scale)."""

    def __init__(self, pool: np.ndarray, arrived: np.ndarray):
        by_arrival = np.argsort(arrived[pool], kind="stable")
        self.coming, self.times = pool[by_arrival].tolist(), arrived[pool][by_arrival].tolist()
        self.next, self.live = 0, []

    def at(self, moment: int, remaining: list[float]) -> list[int]:
        while self.next < len(self.coming) and self.times[self.next] < moment:
            batch = self.coming[self.next]
            self.next += 1
            if remaining[batch] > 0:
                bisect.insort(self.live, batch)
        return self.live

    def empty(self, batch: int) -> None:
        k = bisect.bisect_left(self.live, batch)
        if k < len(self.live) and self.live[k] == batch:
            del self.live[k]


def allocate(line_frame: pd.DataFrame, order_frame: pd.DataFrame, batch_frame: pd.DataFrame,
             rng: np.random.Generator) -> pd.DataFrame:
    """Give each line a batch in stock on its order date, a quantity, a price and a cost.

    Lines are served in order-time order, first-in first-out within their class of goods.
    """
    order_at = order_frame.set_index("id")["created_at"]
    whale = order_frame.set_index("id")["whale"]
    discount = np.where(whale.reindex(line_frame["order_id"]).to_numpy(),
                        rng.uniform(*CLIENT_DISCOUNT["whale"], len(line_frame)),
                        rng.uniform(*CLIENT_DISCOUNT["regular"], len(line_frame)))
    # moments as integer nanoseconds: comparing numpy datetimes one at a time was a third of the loop
    at = _nanoseconds(order_at.reindex(line_frame["order_id"]))
    arrived = _nanoseconds(batch_frame["arrived"])
    # each class's and each line of goods' batches (ascending positions) on a shelf of their own
    batch_class = list(zip(batch_frame["line"].tolist(), batch_frame["grade"].tolist()))
    keys = pd.Series(batch_class)
    of_class = {key: _Shelf(np.asarray(rows), arrived) for key, rows in keys.groupby(keys, sort=False).indices.items()}
    of_line = {key: _Shelf(np.asarray(rows), arrived) for key, rows in batch_frame.groupby("line", sort=False).indices.items()}
    # one value at a time from here: plain Python floats (numpy's cost per scalar was most of the loop)
    remaining = (batch_frame["received"] - batch_frame["sampled"]).tolist()
    price = batch_frame["unit_price"].tolist()
    whole = (batch_frame["unit"] != FLOWER_UNIT).tolist()
    step = trade_step(whole).tolist()
    targets, off = line_frame["target"].tolist(), discount.tolist()
    classes = list(zip(line_frame["line"].tolist(), line_frame["grade"].tolist()))
    chosen, qty, unit_price = [-1] * len(line_frame), [0.0] * len(line_frame), [0.0] * len(line_frame)
    moments = at.tolist()
    for i in np.argsort(at, kind="stable").tolist():
        # the line's own class first; another grade of the same goods if that class ran dry
        for shelf in (of_class.get(classes[i]), of_line.get(classes[i][0])):
            in_stock = shelf.at(moments[i], remaining) if shelf is not None else []
            if in_stock:
                break
        else:
            continue
        need = targets[i] / (price[in_stock[0]] * (1 - off[i]))
        b = next((batch for batch in in_stock if remaining[batch] >= need), None)
        if b is None:
            b = max(in_stock, key=remaining.__getitem__)  # the first of the fullest
        p = _cents(price[b] * (1 - off[i]))
        # the nearest step of the trade (rounding down lost half a step a line: 3.6% of a full seed's revenue), at
        # least one, which a batch in stock always holds (its stock is kept on those steps): a small line rounded
        # to nothing would empty an order and lose it from the scenario's count
        q = max(nearest_in_trade_units(min(targets[i] / p, remaining[b]), whole[b]), step[b])
        remaining[b] -= q
        if not remaining[b] > 0:
            of_class[batch_class[b]].empty(b)
            of_line[batch_class[b][0]].empty(b)
        chosen[i], qty[i], unit_price[i] = b, q, p
    out = line_frame.copy()
    out["batch"] = chosen
    out["quantity"] = qty
    out["unit_price"] = unit_price
    out = out[out["batch"] >= 0].reset_index(drop=True)
    out["unit_cost"] = batch_frame["unit_cost"].to_numpy()[out["batch"]]
    out["line_total"] = (out["quantity"] * out["unit_price"]).round(2)
    return out
