"""What the credit-table generators share: the credit book, and the client transaction each invoice is."""

import numpy as np
import pandas as pd

from seed_pipeline.business.credit import CreditBook, credit_book
from seed_pipeline.generation.context import GenerationContext
from seed_pipeline.generators._books import books_of


def credit_of(ctx: GenerationContext) -> CreditBook:
    return credit_book(ctx.settings)


def invoice_transactions(ctx: GenerationContext, invoices) -> np.ndarray:
    """Local id of the INVOICE transaction of each invoice (local id): credits are applied to those."""
    t = books_of(ctx).transactions
    of_invoice = t[t["type"] == "INVOICE"].set_index("invoice")["id"]
    return of_invoice.reindex(pd.Series(invoices).to_numpy()).to_numpy(dtype=np.int64)


def refund_moments(ctx: GenerationContext, invoices) -> np.ndarray:
    """Moment of the refund transaction of each invoice (local id), NaT where none: a goodwill credit follows it."""
    t = books_of(ctx).transactions
    of_invoice = t[(t["type"] == "REFUND") & t["payment"].notna()].set_index("invoice")["at"]
    return pd.to_datetime(of_invoice.reindex(pd.Series(invoices).to_numpy())).to_numpy()


def end_of_day(days) -> np.ndarray:
    """The last second of each day: an expiry or a day's last update."""
    return (pd.to_datetime(pd.Series(days)).dt.normalize() + pd.Timedelta(hours=23, minutes=59, seconds=59)).to_numpy()
