"""The business rules of the core history, written once.

Generators use them to make the data; checks use the same functions and values to verify it.
"""

import re
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class GrowType:
    key: str
    subcategory: str  # the app's Flower subcategory
    price_per_lb: float  # average list price of a pound over the grade mix
    share: float  # of flower revenue


GROW_TYPES = (
    GrowType("indoor", "Indoor", 1800.0, 0.40),
    GrowType("greenhouse", "Deps", 1200.0, 0.35),  # light-deprivation greenhouse
    GrowType("outdoor", "Outdoor", 800.0, 0.25),
)
GROW_BY_SUBCATEGORY = {g.subcategory: g for g in GROW_TYPES}

# Price of a pound relative to grade B, and each grade's share of flower sales.
GRADE_PRICE = {"A": 1.20, "B": 1.05, "C": 0.90, "D": 0.75}  # mix-weighted average: 1.005
GRADE_MIX = {"A": 0.25, "B": 0.35, "C": 0.25, "D": 0.15}
PRICE_TOLERANCE = 0.12  # sold price of a pound vs list: client concessions and batch-to-batch spread


@dataclass(frozen=True)
class NonFlower:
    category: str
    unit: str  # products.uomSellable
    unit_price: float
    share: float  # of non-flower revenue
    subcategories: tuple[str, ...]


NON_FLOWER = (
    NonFlower("Concentrates", "G", 9.0, 0.40, ("Shatter", "Wax", "Live Resin", "Rosin", "Distillate", "Crumble", "Budder")),
    NonFlower("Vapes", "EA", 14.0, 0.30, ("Cartridge", "All in One")),
    NonFlower("Bulk Oil", "G", 4.0, 0.10, ()),
    NonFlower("Manufactured Products", "EA", 7.0, 0.20, ("Preroll", "Edible", "Tincture", "Topical")),
)
FLOWER = "Flower"
FLOWER_UNIT = "LB"
# Bulk flower changes hands by the quarter pound; grams and units whole. An eighth (0.125) would not fit TERP's
# quantity columns of two decimals (order, invoice and bill lines), so a quarter is the trade's step the books hold exactly.
POUND_STEP = 0.25


def trade_step(whole) -> np.ndarray:
    """The smallest quantity the trade deals in: one unit (or gram) for packaged goods, a quarter of a pound of flower."""
    return np.where(np.asarray(whole, dtype=bool), 1.0, POUND_STEP)


def in_trade_units(quantity, whole, rounding=np.floor) -> np.ndarray:
    """Each quantity on its trade unit's steps (``rounding``: floor, ceil or round). Quarters are binary
    fractions, so sums and differences of such quantities stay exact in floating point."""
    step = trade_step(whole)
    steps = np.asarray(quantity, dtype=float) / step
    steps = np.where(np.abs(steps - np.round(steps)) < 1e-6, np.round(steps), steps)  # 2.9999999 steps are 3
    return rounding(steps) * step


def is_in_trade_units(quantity, whole) -> np.ndarray:
    """A quantity that is a whole number of its trade unit's steps (NaN is not)."""
    steps = np.asarray(quantity, dtype=float) / trade_step(whole)
    return np.abs(steps - np.round(steps)) < 1e-6


# Days from invoice to due date, by the app's payment terms.
TERMS_DAYS = {"COD": 0, "NET_7": 7, "NET_15": 15, "NET_30": 30, "CONSIGNMENT": 45, "PARTIAL": 30}
# How non-consignment sales split over the other terms (whales lean to NET_30).
CASH_TERMS_MIX = {"NET_30": 0.45, "NET_15": 0.20, "NET_7": 0.15, "COD": 0.15, "PARTIAL": 0.05}
INTAKE_CASH_TERMS = {"NET_30": 0.6, "COD": 0.4}  # lots not taken on consignment

AGED_DAYS = 120  # "120+ days past due"
LAPSED_DAYS = 90  # a buyer with no order for this long has lapsed (TERP's historicalAnalysis.getLapsedBuyers)
WRITE_OFF_NOTE = "Written off as bad debt: $"
REFUND_NOTE = "Refund of $"  # how an invoice's notes record a refund: "Refund of $1,234.56 issued 2026-03-02"
CLIENT_DISCOUNT = {"whale": (0.02, 0.05), "regular": (0.0, 0.02)}  # range of the price concession
TARGET_MARKUP_MARGIN = 0.27  # margin at list price; discounts bring it to about 25%


def rows_for_share(share: float, rows: int) -> int:
    """How many of ``rows`` make ``share`` of them: the nearest whole number (halves up), at least one.

    Returns and refunds are dealt exactly this many, and their figures' targets are this count's share.
    """
    return max(1, int(np.floor(share * rows + 0.5)))


def list_price(grow_or_category: str, grade: str | None) -> float:
    """Price of one sellable unit at list, before the client's concession."""
    for g in GROW_TYPES:
        if g.key == grow_or_category:
            return g.price_per_lb * GRADE_PRICE[grade]
    for nf in NON_FLOWER:
        if nf.category == grow_or_category:
            return nf.unit_price
    raise KeyError(grow_or_category)


def margin(revenue, cost):
    """Gross margin as a share of revenue."""
    return (np.asarray(revenue) - np.asarray(cost)) / np.asarray(revenue)


def due_dates(invoice_dates: pd.Series, terms: pd.Series) -> pd.Series:
    return invoice_dates + pd.to_timedelta(terms.map(TERMS_DAYS), unit="D")


def days_past_due(due: pd.Series, as_of: date) -> pd.Series:
    """Whole days since the due date as of the end date (negative: not yet due)."""
    return (pd.Timestamp(as_of) - pd.to_datetime(due)).dt.days


def invoice_status(total: pd.Series, paid: pd.Series, due: pd.Series, as_of: date, written_off: pd.Series) -> pd.Series:
    """PAID when nothing is due, OVERDUE when a balance is past due, PARTIAL when part is paid, else SENT.

    These are the states TERP's receivables and AR aging count (``server/arApDb.ts``); a debt
    written off as bad is VOID: nothing is due on it any more and no AR screen counts it.
    """
    balance = (total - paid - written_off).round(2)
    late = days_past_due(due, as_of) > 0
    status = np.where(paid > 0, "PARTIAL", "SENT")
    status = np.where(late & (balance > 0), "OVERDUE", status)
    status = np.where(balance <= 0, "PAID", status)
    status = np.where(written_off > 0, "VOID", status)
    return pd.Series(status, index=total.index)


def sale_status(invoice_status_: pd.Series) -> pd.Series:
    """orders.saleStatus as the invoice says it; a sale whose debt was written off is closed unpaid (CANCELLED)."""
    return invoice_status_.map({"PAID": "PAID", "PARTIAL": "PARTIAL", "OVERDUE": "OVERDUE", "VOID": "CANCELLED"}).fillna("PENDING")


def ar_aging(amount_due: pd.Series, due: pd.Series, as_of: date) -> dict[str, float]:
    """Receivable, overdue and 120+-days-overdue amounts as of a date."""
    past = days_past_due(due, as_of)
    receivable = float(amount_due.sum())
    overdue = float(amount_due[past > 0].sum())
    aged = float(amount_due[past >= AGED_DAYS].sum())
    return {"receivable": receivable, "overdue": overdue, "aged": aged}


# A calendar's start_date/end_date, a reminder's reminder_time and a series' instance_date may be ahead too
# (upcoming events), so may an open purchase order's expected delivery, a standing order's next run and an
# offer's available_until.
FUTURE_DATED = re.compile(r"due|until|expir|needed_?by|^(start|end)_date$|^reminder_time$|^instance_date$"
                          r"|^expectedDelivery|^next_generation", re.IGNORECASE)


def may_be_future(column_name: str) -> bool:
    """Dates that look ahead (a due date, an expiry, a scheduled event) may fall after the end date; every other date may not."""
    return bool(FUTURE_DATED.search(column_name))
