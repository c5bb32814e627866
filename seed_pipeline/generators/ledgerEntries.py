"""The general ledger: each line of every balanced journal, posted in the fiscal period of its date.

Journals are numbered in date order (``JE-0000042``) and their lines get a suffix
(``JE-0000042-2``). Entries of the last day are keyed in but not yet posted.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of, later, not_before, parent_moments, recorded_at
from seed_pipeline.generators._core import ACCOUNTING, real_ids, staff
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import ids_by

DOCUMENT_TABLE = {"INVOICE": "invoices", "PAYMENT": "payments", "BILL": "bills", "EXPENSE": "expenses", "WRITE_OFF": "invoices",
                  "INVOICE_REVERSAL": "invoices"}
KEYED = {"INVOICE_REVERSAL": "updatedAt"}  # a voided invoice's reversal is keyed when it was voided, not when it was
POSTED_AFTER_HOURS = (1, 20)


def _reference_ids(parents, ledger: pd.DataFrame) -> pd.array:
    ids = np.full(len(ledger), None, dtype=object)
    for kind, table in DOCUMENT_TABLE.items():
        mine = (ledger["referenceType"] == kind).to_numpy()
        ids[mine] = real_ids(parents[table], ledger.loc[mine, "ref"].astype(np.int64))
    return pd.array(ids, dtype="Int64")


def _document_moments(parents, ledger: pd.DataFrame) -> np.ndarray:
    """When each line's document was keyed in: its journal is posted right after."""
    out = np.full(len(ledger), np.datetime64("NaT"), dtype="datetime64[s]")
    for kind, table in DOCUMENT_TABLE.items():
        mine = (ledger["referenceType"] == kind).to_numpy()
        out[mine] = parent_moments(parents[table], KEYED.get(kind, "createdAt"), ledger.loc[mine, "ref"])
    return out


@generates("ledgerEntries")
def generate(ctx, parents):
    g = books_of(ctx).ledger
    n = len(g)
    account = ids_by(parents["accounts"], "accountNumber")
    created = not_before(ctx, recorded_at(ctx, g["date"]), _document_moments(parents, g))
    created = np.maximum(created, parent_moments(parents["fiscalPeriods"], "createdAt", g["period"]))
    posted = (g["date"] < pd.Timestamp(ctx.window.end)).to_numpy()
    posted_at = later(ctx, created, POSTED_AFTER_HOURS)
    number = [f"{document_number('journal_entry', j)}-{line}" for j, line in zip(g["journal"], g["line"])]
    return table_frame(ctx, {
        "entryNumber": number,
        "entryDate": g["date"],
        "accountId": [account[a] for a in g["account"]],
        "debit": g["debit"],
        "credit": g["credit"],
        "description": g["description"],
        "referenceType": g["referenceType"],
        "referenceId": _reference_ids(parents, g),
        "fiscalPeriodId": real_ids(parents["fiscalPeriods"], g["period"]),
        "isManual": g["referenceType"].isna().to_numpy(),
        "isPosted": posted,
        "postedAt": np.where(posted, posted_at, None),
        "postedBy": np.where(posted, staff(parents["users"], ACCOUNTING, n, ctx.rng), None),
        "createdBy": staff(parents["users"], ACCOUNTING, n, ctx.rng),
        "createdAt": created,
    })
