"""What was paid to vendors for each batch: each bill payment spread over its bill's lines, on its day and by its method.

TERP keeps vendor payments per batch here (``drizzle/schema.ts``); a bill is paid in one payment,
which may be partial, so each line gets the payment's share of its total and a payment's batches
add up to exactly what it paid.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of, not_before, parent_moments, recorded_at
from seed_pipeline.generators._core import ACCOUNTING, real_ids, staff
from seed_pipeline.generators._frame import table_frame


def paid_per_line(lines: pd.DataFrame, paid: pd.Series, total: pd.Series) -> np.ndarray:
    """Each bill line's part of its bill's payment, pro rata to the line's total, the cents left over on the bill's largest line."""
    bill = lines["bill"].to_numpy()
    amount = (lines["lineTotal"].to_numpy() * (paid / total).reindex(bill).to_numpy()).round(2)
    short = (paid - pd.Series(amount).groupby(bill).sum()).round(2)
    largest = pd.Series(amount).groupby(bill).idxmax().to_numpy()
    amount[largest] += short.reindex(bill[largest]).to_numpy()
    return amount.round(2)


@generates("paymentHistory")
def generate(ctx, parents):
    b = books_of(ctx)
    pay = b.payments[b.payments["bill"].notna()].set_index("bill")
    lines = b.bill_lines[b.bill_lines["bill"].isin(pay.index)]
    share = paid_per_line(lines, pay["amount"], b.bills.set_index("id")["totalAmount"])
    lines, share = lines[share > 0], share[share > 0]
    paid = pay.reindex(lines["bill"])
    # keyed in on the payment's day, never before the batch it pays for came in (a COD lot is paid on arrival)
    paid_at = not_before(ctx, recorded_at(ctx, paid["paymentDate"]), parent_moments(parents["batches"], "createdAt", lines["batch"]))
    return table_frame(ctx, {
        "batchId": real_ids(parents["batches"], lines["batch"]),
        "vendorId": real_ids(parents["vendors"], paid["vendorId"].to_numpy(dtype=np.int64)),
        "amount": [f"{v:.2f}" for v in share],
        "paymentDate": paid_at,
        "paymentMethod": paid["paymentMethod"].to_numpy(),
        "notes": [f"{document_number('payment', p)} on {document_number('bill', bill)}, {document_number('lot', lot)}"
                  for p, bill, lot in zip(paid["id"], lines["bill"], lines["lot"])],
        "recordedBy": staff(parents["users"], ACCOUNTING, len(lines), ctx.rng),
        "createdAt": paid_at,
    })
