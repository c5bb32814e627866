"""The operating account's statement: every ledger line on the bank's ledger account, as deposits and withdrawals."""

import numpy as np

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of, later, not_before, parent_moments, recorded_at
from seed_pipeline.generators._core import optional_real_ids
from seed_pipeline.generators._frame import table_frame

CLEARED_AFTER_HOURS = (24, 120)


@generates("bankTransactions")
def generate(ctx, parents):
    b = books_of(ctx)
    bank = b.bank_accounts.iloc[0]
    g = b.ledger[b.ledger["account"] == bank["ledgerAccount"]].reset_index(drop=True)
    n = len(g)
    is_payment = (g["referenceType"] == "PAYMENT").to_numpy()
    local_payment = g["ref"].where(is_payment)
    ref_number = np.full(n, None, dtype=object)
    ref_number[is_payment] = b.payments["referenceNumber"].to_numpy()[local_payment[is_payment].astype(np.int64) - 1]
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
        "paymentId": optional_real_ids(parents["payments"], local_payment),
        "isReconciled": reconciled,
        "reconciledAt": np.where(reconciled, cleared, None),
        "createdAt": created,
    })
