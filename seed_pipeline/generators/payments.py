"""Payments received on invoices, refunds sent to clients, and payments of vendor bills, numbered in date order.

Bank payments are reconciled against the statement a few days later; cash goes to the vault.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of, later, not_before, parent_moments, recorded_at
from seed_pipeline.generators._core import ACCOUNTING, optional_real_ids, staff
from seed_pipeline.generators._frame import table_frame

RECONCILED_AFTER_HOURS = (48, 240)


@generates("payments")
def generate(ctx, parents):
    p = books_of(ctx).payments
    n = len(p)
    created = recorded_at(ctx, p["paymentDate"])
    for parent, local in ((parents["invoices"], p["invoice"]), (parents["bills"], p["bill"])):
        created = not_before(ctx, created, parent_moments(parent, "createdAt", local))
    reconciled = later(ctx, created, RECONCILED_AFTER_HOURS)
    banked = (p["paymentMethod"] != "CASH").to_numpy()
    is_reconciled = banked & (reconciled < np.datetime64(ctx.window.end_ts, "s"))
    invoice_number = p["invoice"].map(lambda i: document_number("invoice", i) if pd.notna(i) else None)
    notes = np.select([p["kind"] == "refund", p["kind"] == "receipt"],
                      ["Refund on " + invoice_number.fillna(""), "Payment on " + invoice_number.fillna("")], None)
    return table_frame(ctx, {
        "paymentNumber": [document_number("payment", i) for i in p["id"]],
        "paymentType": p["paymentType"],
        "paymentDate": p["paymentDate"],
        "amount": p["amount"],
        "paymentMethod": p["paymentMethod"],
        "referenceNumber": p["referenceNumber"],
        "bankAccountId": np.where(banked, parents["bankAccounts"]["id"].iloc[0], None),
        "customerId": optional_real_ids(parents["clients"], p["customerId"]),
        "vendorId": optional_real_ids(parents["vendors"], p["vendorId"]),
        "invoiceId": optional_real_ids(parents["invoices"], p["invoice"]),
        "billId": optional_real_ids(parents["bills"], p["bill"]),
        "notes": np.where(p["kind"] == "vendor payment", None, notes),
        "isReconciled": is_reconciled,
        "reconciledAt": np.where(is_reconciled, reconciled, None),
        "createdBy": staff(parents["users"], ACCOUNTING, n, ctx.rng),
        "createdAt": created,
        "updatedAt": np.where(is_reconciled, reconciled, created),
    })
