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


def nearest_in_trade_units(quantity: float, whole: bool) -> float:
    """``in_trade_units(quantity, whole, np.round)`` of one finite quantity, in plain Python: the same steps and
    the same float (Python's ``round`` also takes halves to even). The stock allocation serves lines one at a
    time, and numpy's cost per call on a single value was half of its time."""
    step = 1.0 if whole else POUND_STEP
    steps = quantity / step
    nearest = round(steps)
    return float(round(float(nearest) if abs(steps - nearest) < 1e-6 else steps)) * step


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


@dataclass(frozen=True)
class ClientLifecycle:
    """How the book of clients changes over the history: the generator deals it, the checks hold it.

    A founding book is on the books in the history's first ``founding_days``; the other buying clients
    are acquired over the rest of it (``acquisition_ramp``: each month wins fewer than the one before, as
    the book fills), at least ``acquisition_lead_days`` before the end date. Some churn (TERP's lapsed
    buyers: no order for ``LAPSED_DAYS``+, never back), some are won back after ``win_back_gap_months``
    whole months without an order, and a few of the biggest buyers grew into whales.
    """

    founding_days: int = 14
    founding_share: float = 0.4  # of buying clients, at least one
    acquisition_ramp: float = 0.93  # a month's acquisitions per day relative to the month before
    acquisition_lead_days: int = 7
    acquisition_months: int = 6  # acquisitions fall in at least this many months, where history and clients allow
    acquisition_spare_months: int = 3  # months of a history that may hold none: the founding weeks' and the ends'
    churn_share: float = 0.1  # of buying clients (regulars where there are any), at least one
    win_back_share: float = 0.05  # of buying clients, at least one where the history has room
    win_back_gap_months: int = 4  # whole calendar months without an order: 120+ days
    win_back_gap_days: int = 120
    win_back_span_days: int = 217  # a history this long (first order to end date) has room for a win-back
    top_share: float = 0.1  # the biggest buyers (at least two) among whom a whale grew
    growing_whale_share: float = 0.3  # of whales, at least one
    growth: float = 2.5  # a growing whale spends at least this many times more in the history's second half
    grown: float = 2.0  # what the check holds it to: sold totals can stray a little from the dealt amounts
    growth_span_days: int = 300  # a history this long shows a whale's growth


CLIENT_LIFECYCLE = ClientLifecycle()


def top_buyers(buyers: int) -> int:
    """How many of the biggest buyers a grown whale is looked for among."""
    return min(buyers, max(2, round(CLIENT_LIFECYCLE.top_share * buyers)))


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


# --- the order lifecycle: quotes and drafts (business/history/quotes.py) ------------------------------
# Quotes per confirmed sale, by outcome: CONVERTED quotes became a sale (each sale names its quote);
# the others were not taken up. Open ones (SENT, VIEWED, ACCEPTED) are still valid at the end date;
# DRAFT quotes (is_draft = 1) are being written in the last working days and were never sent.
QUOTE_OUTCOME_SHARES = {"CONVERTED": 0.10, "EXPIRED": 0.04, "REJECTED": 0.02}
OPEN_QUOTE_STATES = ("SENT", "VIEWED", "ACCEPTED")
OPEN_QUOTE_SHARE = 0.01  # at least one of each open state
DRAFT_QUOTE_SHARE = 0.005
QUOTE_VALID_DAYS = (7, 30)  # valid_until after the quote's day; TERP's quotes from a match are valid 30 days


def quote_counts(sales: int) -> dict[str, int]:
    """How many quotes of each status a history of ``sales`` confirmed sales holds: exact, at least one each."""
    counts = {status: rows_for_share(share, sales) for status, share in QUOTE_OUTCOME_SHARES.items()}
    open_total = max(len(OPEN_QUOTE_STATES), rows_for_share(OPEN_QUOTE_SHARE, sales))
    base, extra = divmod(open_total, len(OPEN_QUOTE_STATES))
    counts.update({s: base + (i < extra) for i, s in enumerate(OPEN_QUOTE_STATES)})
    counts["DRAFT"] = rows_for_share(DRAFT_QUOTE_SHARE, sales)
    return counts


# --- sales that do not stand: drafts, cancellations, invoices voided (business/history/unsold.py) ------
# TERP keeps a sale being written as an order of type SALE with is_draft = 1 (ordersEnhancedV2.createDraft,
# ordersDb.createOrder with isDraft): no sale status, nothing confirmed, no stock moved, no invoice. A confirmed
# sale is cancelled by ordersDb.deleteOrder, which only sets saleStatus CANCELLED (its stock restore and
# reversing entries are TODOs): these were cancelled before they were packed, so no goods had left and nothing
# was invoiced or paid. A sale written off as bad debt is CANCELLED too (rules.sale_status), after it shipped.
# An invoice keyed on the wrong terms is voided (status VOID, nothing paid or due) and re-issued for the same
# order the same day; its journal is reversed as TERP's accountingHooks.reverseGLEntries does (INVOICE_REVERSAL).
CANCELLED_SALE_SHARE = 0.02  # of the sales that stand
DRAFT_SALE_SHARE = 0.005
VOIDED_INVOICE_SHARE = 0.01  # of the invoices of the sales that stand
DRAFT_SALE_DAYS = 3  # drafts are this recent at the end date
VOID_NOTE = "Voided, re-issued as "  # "Voided, re-issued as INV-000042: keyed on NET_30 terms, the order's are CONSIGNMENT"


def unsold_counts(sales: int) -> dict[str, int]:
    """How many cancelled sales, draft sales and voided invoices a history of ``sales`` standing sales holds:
    exact, at least one each."""
    return {"CANCELLED": rows_for_share(CANCELLED_SALE_SHARE, sales), "DRAFT": rows_for_share(DRAFT_SALE_SHARE, sales),
            "VOIDED": rows_for_share(VOIDED_INVOICE_SHARE, sales)}


def cancelled(sale_status, shipped_at) -> np.ndarray:
    """A sale cancelled before its goods left: CANCELLED and never shipped (a written-off sale had shipped)."""
    return (pd.Series(sale_status, dtype=object).to_numpy() == "CANCELLED") & pd.isna(pd.Series(shipped_at, dtype=object)).to_numpy()


def stands(order_type, is_draft, sale_status, shipped_at) -> np.ndarray:
    """A sale that stands, as the figures count it and TERP's invoice-based dashboards see it: a confirmed SALE,
    neither a draft nor cancelled before it shipped (one written off after shipping stands: it was sold)."""
    return (np.asarray(order_type) == "SALE") & ~np.asarray(is_draft, dtype=bool) & ~cancelled(sale_status, shipped_at)
