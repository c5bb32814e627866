"""The operating account's statement: every ledger line on the bank's ledger account, as deposits and withdrawals."""

import numpy as np
import pandas as pd

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of, later, not_before, parent_moments, recorded_at
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame

CLEARED_AFTER_HOURS = (24, 120)


@generates("bankTransactions")
def generate(ctx, parents):
    b = books_of(ctx)
    bank = b.bank_accounts.iloc[0]
    g = b.ledger[b.ledger["account"] == bank["ledgerAccount"]].reset_index(drop=True)
    n = len(g)
    is_payment = (g["referenceType"] == "PAYMENT").to_numpy()
    payment_ids = np.full(n, None, dtype=object)
    payment_ids[is_payment] = real_ids(parents["payments"], g.loc[is_payment, "ref"].astype(np.int64))
    reference = b.payments["referenceNumber"].to_numpy()
    ref_number = np.full(n, None, dtype=object)
    ref_number[is_payment] = reference[g.loc[is_payment, "ref"].astype(np.int64).to_numpy() - 1]
    local_payment = g["ref"].where(is_payment)
    created = not_before(ctx, recorded_at(ctx, g["date"]), parent_moments(parents["payments"], "createdAt", local_payment))
    cleared = later(ctx, created, CLEARED_AFTER_HOURS)
    reconciled = cleared < np.datetime64(ctx.window.end_ts, "s")
    kind = np.where(g["debit"] > 0, "DEPOSIT", "WITHDRAWAL")
    return table_frame(ctx, {
        "bankAccountId": [parents["bankAccounts"]["id"].iloc[0]] * n,
        "transactionDate": g["date"],
        "transactionType": kind,
        "amount": (g["debit"] + g["credit"]).round(2),
        "description": g["description"],
        "referenceNumber": ref_number,
        "paymentId": pd.array(payment_ids, dtype="Int64"),
        "isReconciled": reconciled,
        "reconciledAt": np.where(reconciled, cleared, None),
        "createdAt": created,
    })
