"""Sales that do not stand: sales cancelled before they were packed, and sales still in draft at the end date.

Like a quote that is not taken up (``quotes.repeats``), each offers a client the goods of one of its
sales again a little after it, so its items, totals and terms are those of a real order. A CANCELLED
sale was entered and confirmed like any sale, then cancelled minutes later, before packing: TERP's
``deleteOrder`` only marks it CANCELLED, and nothing had left the shelf, been invoiced or paid. A DRAFT
sale (``is_draft``) is being written in the last working days: never confirmed, no stock, no invoice.
Counts are exact (``rules.unsold_counts``); keys are local order ids after the quotes'.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.history.quotes import repeats
from seed_pipeline.business.rules import DRAFT_SALE_DAYS, unsold_counts
from seed_pipeline.generation.context import HistoryWindow

CONFIRM = (5 * 60, 4 * 3600)  # working time from entering a sale to confirming it, as for every sale
CANCEL = (10 * 60, 3600)  # working time from confirming to cancelling: before the earliest packing (an hour)


def drafts_since(end_ts: pd.Timestamp) -> int:
    """The working second from which the drafts open at the end date were entered: ``DRAFT_SALE_DAYS`` working
    days before the last working second of the history."""
    return int(hours.to_working([end_ts])[0]) - 1 - DRAFT_SALE_DAYS * hours.DAY_SECONDS


def unsold(orders: pd.DataFrame, first_id: int, window: HistoryWindow, rng: np.random.Generator) -> pd.DataFrame:
    """The cancelled and draft sales, numbered from ``first_id`` in time order: the sale whose goods each
    repeats, its status, client and moments (``confirmed_at`` and ``cancelled_at`` of the cancelled ones)."""
    counts = unsold_counts(len(orders))
    sale_w = hours.to_working(orders["created_at"])
    start_w = hours.to_working([window.start_ts])[0]
    end_w = hours.to_working([window.end_ts])[0] - 1
    latest = end_w - CONFIRM[1] - CANCEL[1]  # confirmed and cancelled by the end date
    cancelled = repeats(sale_w, start_w, max(latest, start_w), "CANCELLED", counts["CANCELLED"], rng)
    confirmed = cancelled["at"] + rng.integers(*CONFIRM, len(cancelled))
    cancelled["confirmed"] = confirmed
    cancelled["cancelled"] = np.minimum(confirmed + rng.integers(*CANCEL, len(cancelled)), end_w)
    drafts = repeats(sale_w, drafts_since(window.end_ts), end_w, "DRAFT", counts["DRAFT"], rng)
    u = pd.concat([cancelled, drafts], ignore_index=True).rename(columns={"quoteStatus": "status"}).drop(columns="answered")
    u["created_at"] = hours.from_working(u.pop("at")).to_numpy()
    for moment in ("confirmed", "cancelled"):
        u[f"{moment}_at"] = hours.from_working(u.pop(moment).fillna(0).astype(np.int64)).where(u["status"] == "CANCELLED").to_numpy()
    u["client_id"] = orders["client_id"].to_numpy()[u["sale"]]
    u = u.sort_values(["created_at", "sale"], kind="stable", ignore_index=True)
    u.insert(0, "id", np.arange(first_id, first_id + len(u)))
    return u
