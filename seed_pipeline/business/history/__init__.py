"""The core history of the business as one simulation, a pure function of the seed settings.

Every core table's generator projects its rows from this one history, so orders, their lines,
invoices, batches (whose stock depends on later sales) and clients (whose running totals depend on
their invoices) agree with each other by construction. Keys here are local row numbers (1..n) of
each table; generators map them onto the parents' real ids.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from seed_pipeline.business import hours, place
from seed_pipeline.business.history import catalogue, lifecycle, parties, receivables, sales, stock, timeline
from seed_pipeline.business.history.quotes import quotes as quotes_of
from seed_pipeline.business.history.returns import returns
from seed_pipeline.business.history.unsold import unsold as unsold_of
from seed_pipeline.business.history.voids import voided
from seed_pipeline.business.rules import FLOWER_UNIT, days_past_due, sale_status
from seed_pipeline.generation.context import HistoryWindow, SeedSettings, table_rng
from seed_pipeline.generation.pools import pools_for

PACK_HOURS, SHIP_HOURS = (1, 10), (2, 20)  # working hours after confirmation, after packing
UNLOAD_SECONDS = 15 * 60  # a van leaves only if it reaches the client this long before closing, to unload
RANGE_COST_SHARE = 0.15  # batches costed with a range (their midpoint is the unit cost) instead of a fixed cost


@dataclass(frozen=True)
class CoreHistory:
    window: HistoryWindow
    clients: pd.DataFrame
    vendors: pd.DataFrame
    brands: pd.DataFrame
    strains: pd.DataFrame
    products: pd.DataFrame
    lots: pd.DataFrame
    batches: pd.DataFrame
    orders: pd.DataFrame
    lines: pd.DataFrame
    invoices: pd.DataFrame
    returns: pd.DataFrame
    refunds: pd.DataFrame
    quotes: pd.DataFrame  # orders that are not sales: quotes and drafts (local ids after the sales')
    unsold: pd.DataFrame  # sales that do not stand: cancelled and draft sales (local ids after the quotes')
    voided: pd.DataFrame  # invoices voided and re-issued (local ids after the others')


@lru_cache(maxsize=4)
def core_history(settings: SeedSettings) -> CoreHistory:
    s = settings.resolved
    window = HistoryWindow.ending(settings.end_date, s.months)
    rng = {part: table_rng(settings.seed, f"history.{part}") for part in
           ("timeline", "parties", "catalogue", "sales", "stock", "receivables", "returns", "costing", "quotes",
            "lifecycle", "unsold", "voids")}
    pools = pools_for(settings.seed)
    month_frame = timeline.months(window)
    weights = timeline.month_weights(month_frame, rng["timeline"])

    vendors = parties.vendors(s, rng["parties"], pools, window.start_ts)
    clients = parties.clients(s, rng["parties"], pools, window.start_ts, vendors["name"].to_numpy())
    clients = lifecycle.acquisitions(clients, window, rng["lifecycle"])
    brands = parties.brands(vendors, rng["parties"], pools)
    strains = catalogue.strains(s.strains, rng["catalogue"], pools)
    products = catalogue.products(strains, brands, rng["catalogue"], pools)

    orders = sales.orders(s, clients, month_frame, weights, window, rng["sales"])
    wanted = sales.lines(s, orders, rng["sales"])
    lots = stock.lots(s, month_frame, vendors["id"].to_numpy(), rng["stock"])
    batches = stock.batches(lots, wanted, orders, products, brands.set_index("id")["vendorId"], rng["stock"])
    batches["cogsMode"] = np.where(rng["costing"].random(len(batches)) < RANGE_COST_SHARE, "RANGE", "FIXED")
    lines = stock.allocate(wanted, orders, batches, rng["stock"])
    lines.insert(0, "line_id", np.arange(1, len(lines) + 1))
    lines["whole"] = (batches["unit"].to_numpy()[lines["batch"]] != FLOWER_UNIT)
    lines["batchId"] = lines["batch"] + 1
    lines["productId"] = batches["productId"].to_numpy()[lines["batch"]]

    orders, lines = _order_totals(orders, lines)
    orders = _fulfilment(orders, clients, window, rng["sales"])
    orders, quotes = quotes_of(orders, clients, window, rng["quotes"])
    unsold = unsold_of(orders, len(orders) + len(quotes) + 1, window, rng["unsold"])
    invoices = receivables.invoices(s, orders, settings.end_date, rng["receivables"])
    orders["saleStatus"] = sale_status(invoices["status"]).to_numpy()
    orders["due_date"] = invoices["dueDate"].to_numpy()
    refunds = receivables.refunds(s, invoices, settings.end_date, rng["receivables"])
    invoices, void = voided(invoices, window.end_ts, rng["voids"])
    returned = returns(s, orders, lines, settings.end_date, rng["returns"])
    batches = _stock_on_hand(batches, lines, returned)
    clients = _running_totals(clients, orders, invoices, settings)
    return CoreHistory(window, clients, vendors, brands, strains, products, lots, batches, orders, lines,
                       invoices, returned, refunds, quotes, unsold, void)


def _order_totals(orders: pd.DataFrame, lines: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """An order is what its lines add up to; orders whose lines all went unfilled are dropped.

    Local keys stay 1..n without gaps, so the surviving orders and their lines are renumbered.
    """
    lines_cost = (lines["quantity"] * lines["unit_cost"]).round(2)
    sums = lines.assign(cost=lines_cost).groupby("order_id").agg(total=("line_total", "sum"), cogs=("cost", "sum"))
    out = orders.merge(sums, left_on="id", right_index=True)
    renumber = pd.Series(np.arange(1, len(out) + 1), index=out["id"].to_numpy())
    lines = lines.assign(order_id=lines["order_id"].map(renumber).to_numpy())
    out["id"] = renumber.to_numpy()
    out["total"] = out["total"].round(2)
    out["total_cogs"] = out["cogs"].round(2)
    out["total_margin"] = (out["total"] - out["total_cogs"]).round(2)
    return out.drop(columns=["cogs"]).reset_index(drop=True), lines


def _fulfilment(orders: pd.DataFrame, clients: pd.DataFrame, window: HistoryWindow,
                rng: np.random.Generator) -> pd.DataFrame:
    """Confirmed, packed and shipped in that order, in working hours; whatever would happen after the end
    date has not yet (a confirmation due after it is taken at the last working moment before it).

    A van leaves early enough to reach the client's city before closing: one that would arrive later
    leaves at the next opening."""
    n = len(orders)
    created = hours.to_working(orders["created_at"])
    end = hours.to_working([window.end_ts])[0] - 1  # the last working second of the history
    confirmed = np.minimum(created + rng.integers(5 * 60, 4 * 3600, n), np.maximum(end, created))
    packed = confirmed + rng.integers(*[h * 3600 for h in PACK_HOURS], n)
    shipped = packed + rng.integers(*[h * 3600 for h in SHIP_HOURS], n)
    drive = (hours_away(clients, orders["client_id"]) * 3600).astype(np.int64)
    late = shipped % hours.DAY_SECONDS + drive + UNLOAD_SECONDS > hours.DAY_SECONDS
    shipped = np.where(late, (shipped // hours.DAY_SECONDS + 1) * hours.DAY_SECONDS, shipped)
    orders["confirmed_at"] = hours.from_working(confirmed).to_numpy()
    orders["packed_at"] = hours.from_working(packed).where(packed <= end).to_numpy()
    orders["shipped_at"] = hours.from_working(shipped).where(shipped <= end).to_numpy()
    orders["fulfillmentStatus"] = np.where(orders["shipped_at"].notna(), "SHIPPED",
                                           np.where(orders["packed_at"].notna(), "PACKED", "PENDING"))
    return orders


def hours_away(clients: pd.DataFrame, client_id) -> np.ndarray:
    """Drive hours from the warehouse to each client's city (local client ids)."""
    miles = np.array([place.CITIES[c].miles for c in clients["city"]])
    return place.drive_hours(miles[np.asarray(client_id, dtype=np.int64) - 1])


def _stock_on_hand(batches: pd.DataFrame, lines: pd.DataFrame, returned: pd.DataFrame) -> pd.DataFrame:
    """On hand = received - sold - sampled + returned, per batch, as of the end date."""
    sold = lines.groupby("batch")["quantity"].sum().reindex(batches.index, fill_value=0.0)
    back = returned.groupby("batch")["quantity"].sum().reindex(batches.index, fill_value=0.0)
    batches["sold"] = sold.round(2)
    batches["returned"] = back.round(2)
    batches["on_hand"] = (batches["received"] - sold - batches["sampled"] + back).round(2).clip(lower=0)
    return batches


def _running_totals(clients: pd.DataFrame, orders: pd.DataFrame, invoices: pd.DataFrame,
                    settings: SeedSettings) -> pd.DataFrame:
    """What TERP keeps on the client record, equal to what its orders and invoices say."""
    spent = orders.groupby("client_id")["total"].sum()
    profit = orders.groupby("client_id")["total_margin"].sum()
    owed = invoices.groupby("customerId")["amountDue"].sum()
    past = days_past_due(invoices["dueDate"], settings.end_date)
    oldest = past.where((invoices["amountDue"] > 0) & (past > 0)).groupby(invoices["customerId"]).max()
    ids = clients["id"]
    clients["total_spent"] = ids.map(spent).fillna(0.0).round(2).to_numpy()
    clients["total_profit"] = ids.map(profit).fillna(0.0).round(2).to_numpy()
    clients["avg_profit_margin"] = np.where(clients["total_spent"] > 0,
                                            (100 * clients["total_profit"] / clients["total_spent"].where(clients["total_spent"] > 0)).round(2), 0.0)
    clients["total_owed"] = ids.map(owed).fillna(0.0).round(2).to_numpy()
    clients["oldest_debt_days"] = ids.map(oldest).fillna(0).astype("int64").to_numpy()
    return clients
