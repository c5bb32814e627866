"""Invoices keyed on the wrong payment terms, voided and re-issued for the same order the same day.

The voided invoice was keyed when the order's invoice would have been, for the order's total and lines
but on other terms (so another due date); within the hour accounting voided it (status VOID, nothing
paid, nothing due) and keyed the right one, which is the order's invoice from then on and carries
everything the history says about it (payments, aging, refunds). Its journal is reversed on the day it
was voided (``books``), so it leaves no trace in revenue or receivables. The count is exact
(``rules.unsold_counts``); keys are local invoice ids after the others'.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.rules import TERMS_DAYS, unsold_counts

TO_VOID = (20 * 60, 2 * 3600)  # working time from keying the wrong invoice to voiding it
TO_REISSUE = (2 * 60, 15 * 60)  # and from voiding it to keying the right one


def voided(invoices: pd.DataFrame, end_ts: pd.Timestamp, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the invoices, the right ones re-keyed after the void, the voided invoices)."""
    keyed = hours.to_working(invoices["created_at"])
    end_w = hours.to_working([end_ts])[0] - 1
    eligible = np.flatnonzero(keyed + TO_VOID[1] + TO_REISSUE[1] <= end_w)
    k = min(unsold_counts(len(invoices))["VOIDED"], len(eligible))
    chosen = np.sort(rng.choice(eligible, k, replace=False))
    void_w = keyed[chosen] + rng.integers(*TO_VOID, k)
    reissue_w = void_w + rng.integers(*TO_REISSUE, k)
    right = invoices.iloc[chosen]
    terms = right["paymentTerms"].to_numpy()
    others = [[t for t in TERMS_DAYS if t != own] for own in terms]
    wrong = np.array([o[i] for o, i in zip(others, rng.integers(0, len(TERMS_DAYS) - 1, k))], dtype=object)
    v = pd.DataFrame({
        "id": np.arange(len(invoices) + 1, len(invoices) + k + 1),
        "order_id": right["order_id"].to_numpy(), "customerId": right["customerId"].to_numpy(),
        "invoiceDate": right["invoiceDate"].to_numpy(), "created_at": right["created_at"].to_numpy(),
        "dueDate": (right["invoiceDate"] + pd.to_timedelta(pd.Series(wrong).map(TERMS_DAYS).to_numpy(), unit="D")).to_numpy(),
        "totalAmount": right["totalAmount"].to_numpy(), "paymentTerms": wrong, "right_terms": terms,
        "voided_at": hours.from_working(void_w).to_numpy(), "reissued": right["id"].to_numpy(),
    })
    invoices = invoices.copy()
    invoices.loc[invoices.index[chosen], "created_at"] = hours.from_working(reissue_w).to_numpy()
    return invoices, v
