"""Quotes and draft quotes: the orders that are not (yet) sales, as TERP's order screens keep them.

A quote is an order of type QUOTE carrying the items of a sale (TERP's ``convertQuoteToSale`` copies
a quote's items, totals and client onto the new sale). A CONVERTED quote was made shortly before its
sale, which names it (``converted_from_order_id``); it was converted when the sale was entered
(``converted_at``), before its ``valid_until``. The other quotes offered a client the goods of one of
its sales again, a little after it: EXPIRED ones ran out before the end date, REJECTED ones were
turned down while valid, SENT / VIEWED / ACCEPTED ones are still valid at the end date, and DRAFT ones
(``is_draft``) are being written in the last working days. None reserves stock or has an invoice.
Counts are exact (``rules.quote_counts``); keys are local order ids after the sales' (n + 1 ...).
"""

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.rules import OPEN_QUOTE_STATES, QUOTE_VALID_DAYS, quote_counts
from seed_pipeline.generation.context import HistoryWindow

DAY = hours.DAY_SECONDS
LEAD = (1800, 5 * DAY)  # working time from a converted quote to its sale
REPEAT = (3600, 5 * DAY)  # working time from a sale to a quote offering its goods again
ANSWER = (3600, 3 * DAY)  # working time from sending a quote to the client's answer
RECENT = {"open": 5 * DAY, "DRAFT": 3 * DAY}  # open and draft quotes are this recent at the end date


def quotes(orders: pd.DataFrame, clients: pd.DataFrame, window: HistoryWindow,
           rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(sales with ``quote_id`` of the quote each was converted from, the quotes)."""
    counts = quote_counts(len(orders))
    sale_w = hours.to_working(orders["created_at"])
    start_w = hours.to_working([window.start_ts])[0]
    end_w = hours.to_working([window.end_ts])[0] - 1
    client_w = hours.to_working(clients["created_at"].to_numpy()[orders["client_id"].to_numpy() - 1])
    parts = [_converted(sale_w, np.maximum(client_w, start_w), counts["CONVERTED"], rng)]
    last_day_w = hours.to_working([pd.Timestamp(window.end) - pd.Timedelta(days=2)])[0] - 1  # expired: out by the end
    parts.append(repeats(sale_w, start_w, min(last_day_w, end_w), "EXPIRED", counts["EXPIRED"], rng))
    parts.append(repeats(sale_w, start_w, end_w - DAY, "REJECTED", counts["REJECTED"], rng))
    for state in OPEN_QUOTE_STATES:
        parts.append(repeats(sale_w, end_w - RECENT["open"], end_w - 3600, state, counts[state], rng))
    parts.append(repeats(sale_w, end_w - RECENT["DRAFT"], end_w, "DRAFT", counts["DRAFT"], rng))
    q = pd.concat(parts, ignore_index=True)
    q["created_at"] = hours.from_working(q.pop("at")).to_numpy()
    q = _validity(q, window, rng)
    q["client_id"] = orders["client_id"].to_numpy()[q["sale"]]
    q["is_draft"] = q["quoteStatus"] == "DRAFT"
    q = q.sort_values(["created_at", "sale"], kind="stable", ignore_index=True)
    q.insert(0, "id", np.arange(len(orders) + 1, len(orders) + len(q) + 1))
    converted = q[q["quoteStatus"] == "CONVERTED"]
    orders["quote_id"] = pd.Series(converted["id"].to_numpy(), index=converted["sale"].to_numpy()).reindex(
        orders.index).astype("Int64").to_numpy()
    return orders, q


def _converted(sale_w: np.ndarray, lower_w: np.ndarray, k: int, rng: np.random.Generator) -> pd.DataFrame:
    """Quotes made before ``k`` sales (at most LEAD earlier, never before the client or the history),
    converted when the sale was entered."""
    eligible = np.flatnonzero(sale_w - lower_w >= LEAD[0] + 60)
    sale = np.sort(rng.choice(eligible, min(k, len(eligible)), replace=False))
    lead = np.minimum(rng.integers(*LEAD, len(sale)), sale_w[sale] - lower_w[sale] - 60)  # a minute after the client
    return pd.DataFrame({"sale": sale, "at": sale_w[sale] - lead, "quoteStatus": "CONVERTED",
                         "answered": sale_w[sale]})


def repeats(sale_w: np.ndarray, lo: int, hi: int, status: str, k: int, rng: np.random.Generator) -> pd.DataFrame:
    """``k`` quotes made in working time [lo, hi], each offering again the goods of a sale made at most
    REPEAT before it (the nearest earlier sale where none is that recent)."""
    recent = np.flatnonzero((sale_w + REPEAT[0] <= hi) & (sale_w + REPEAT[1] >= lo))
    if not len(recent):
        recent = np.flatnonzero(sale_w < hi)[-1:]
    sale = rng.choice(recent, k)
    low = np.maximum(sale_w[sale] + REPEAT[0], lo)
    at = np.minimum(low + (rng.random(k) * np.maximum(np.minimum(sale_w[sale] + REPEAT[1], hi) - low, 0)).astype(np.int64),
                    hi)
    answered = np.where(np.isin(status, ("REJECTED", "VIEWED", "ACCEPTED")),
                        np.minimum(at + rng.integers(*ANSWER, k), max(hi, lo) + 3600), at)
    return pd.DataFrame({"sale": sale, "at": np.maximum(at, sale_w[sale] + 1), "quoteStatus": status,
                         "answered": np.maximum(answered, at)})


def _validity(q: pd.DataFrame, window: HistoryWindow, rng: np.random.Generator) -> pd.DataFrame:
    """``valid_until`` some days after the quote's day: before the end date for the expired ones (TERP's
    nightly run marked them at the next midnight), after it for the open ones and the drafts."""
    day = q["created_at"].dt.normalize()
    days = rng.integers(QUOTE_VALID_DAYS[0], QUOTE_VALID_DAYS[1] + 1, len(q))
    to_end = (pd.Timestamp(window.end) - day).dt.days.to_numpy()
    expired = (q["quoteStatus"] == "EXPIRED").to_numpy()
    still_open = q["quoteStatus"].isin(OPEN_QUOTE_STATES + ("DRAFT",)).to_numpy()
    answered = hours.from_working(q.pop("answered"))
    days = np.maximum(days, (answered.dt.normalize() - day).dt.days.to_numpy() + 1)  # answered while valid
    days = np.where(expired, np.clip(np.minimum(days, to_end - 1), 1, None), days)
    days = np.where(still_open, np.maximum(days, to_end + 1), days)
    q["valid_until"] = (day + pd.to_timedelta(days, unit="D")).to_numpy()
    answered = answered.to_numpy()
    q["updated_at"] = np.where(expired, (q["valid_until"] + pd.Timedelta(days=1)).to_numpy(), answered)
    q["converted_at"] = pd.Series(answered).where((q["quoteStatus"] == "CONVERTED").to_numpy()).to_numpy()
    return q
