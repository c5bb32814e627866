"""One invoice per order, for its total; what is paid and due as of the end date follows the scenario's AR aging.

Refunds (``refunds_share`` of orders, about ``refund_size`` of their total) and bad debts written
off are written on the invoice's notes; the money itself moves in the financial tables. After them come the
invoices keyed on the wrong terms and voided within the hour (``history/voids.py``): VOID, nothing paid or
due, their notes naming the invoice that replaced them.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import document_number
from seed_pipeline.business.rules import REFUND_NOTE, VOID_NOTE, WRITE_OFF_NOTE
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import ACCOUNTING, history, real_ids, staff
from seed_pipeline.generators._frame import table_frame


@generates("invoices")
def generate(ctx, parents):
    h = history(ctx)
    inv, n = h.invoices, len(h.invoices)
    refund = h.refunds.set_index("order_id")
    notes = inv["order_id"].map(lambda o: (
        f"{REFUND_NOTE}{refund.at[o, 'amount']:,.2f} issued {refund.at[o, 'refunded_at']:%Y-%m-%d}" if o in refund.index else None))
    gone = inv["writtenOff"] > 0
    notes[gone] = [f"{WRITE_OFF_NOTE}{a:,.2f} on {d:%Y-%m-%d}, uncollectible after {(d - due).days} days past due"
                   for a, d, due in zip(inv.loc[gone, "writtenOff"], inv.loc[gone, "written_off_at"], inv.loc[gone, "dueDate"])]
    created_at = inv["created_at"].to_numpy()
    settled = inv["written_off_at"].fillna(inv["paid_at"])
    updated = pd.Series(np.where(settled.notna(), settled.to_numpy(), created_at)).clip(lower=pd.Series(created_at))
    live = table_frame(ctx, {
        "invoiceNumber": [document_number("invoice", i) for i in range(1, n + 1)],
        "customerId": real_ids(parents["clients"], inv["customerId"]),
        "invoiceDate": inv["invoiceDate"],
        "dueDate": inv["dueDate"],
        "subtotal": inv["totalAmount"],
        "taxAmount": np.zeros(n),
        "discountAmount": np.zeros(n),
        "totalAmount": inv["totalAmount"],
        "amountPaid": inv["amountPaid"],
        "amountDue": inv["amountDue"],
        "status": inv["status"],
        "paymentTerms": inv["paymentTerms"],
        "notes": notes,
        "referenceType": ["ORDER"] * n,
        "referenceId": real_ids(parents["orders"], inv["order_id"]),
        "createdBy": staff(parents["users"], ACCOUNTING, n, ctx.rng),
        "createdAt": created_at,
        "updatedAt": updated,
    })
    return pd.concat([live, _voided(ctx, h, parents)], ignore_index=True)


def _voided(ctx, h, parents) -> pd.DataFrame:
    """The voided invoices: the order's total on the wrong terms, VOID with nothing paid or due, voided when
    last updated."""
    v, k = h.voided, len(h.voided)
    return table_frame(ctx, {
        "invoiceNumber": [document_number("invoice", i) for i in v["id"]],
        "customerId": real_ids(parents["clients"], v["customerId"]),
        "invoiceDate": v["invoiceDate"], "dueDate": v["dueDate"],
        "subtotal": v["totalAmount"], "taxAmount": np.zeros(k), "discountAmount": np.zeros(k), "totalAmount": v["totalAmount"],
        "amountPaid": np.zeros(k), "amountDue": np.zeros(k), "status": ["VOID"] * k, "paymentTerms": v["paymentTerms"],
        "notes": [f"{VOID_NOTE}{document_number('invoice', r)}: keyed on {w} terms, the order's are {t}"
                  for r, w, t in zip(v["reissued"], v["paymentTerms"], v["right_terms"])],
        "referenceType": ["ORDER"] * k,
        "referenceId": real_ids(parents["orders"], v["order_id"]),
        "createdBy": staff(parents["users"], ACCOUNTING, k, ctx.rng),
        "createdAt": v["created_at"], "updatedAt": v["voided_at"],
    }).assign(id=v["id"].to_numpy())
