"""What was paid to vendors for each batch: every paid bill's lines, on the day and by the method of its payment.

TERP keeps vendor payments per batch here (``drizzle/schema.ts``); a bill is paid in one payment,
so a payment's batches add up to it.
"""

import numpy as np

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of, not_before, parent_moments, recorded_at
from seed_pipeline.generators._core import ACCOUNTING, real_ids, staff
from seed_pipeline.generators._frame import table_frame


@generates("paymentHistory")
def generate(ctx, parents):
    b = books_of(ctx)
    pay = b.payments[b.payments["bill"].notna()].set_index("bill")
    lines = b.bill_lines[b.bill_lines["bill"].isin(pay.index)]
    paid = pay.reindex(lines["bill"])
    # keyed in on the payment's day, never before the batch it pays for came in (a COD lot is paid on arrival)
    paid_at = not_before(ctx, recorded_at(ctx, paid["paymentDate"]), parent_moments(parents["batches"], "createdAt", lines["batch"]))
    return table_frame(ctx, {
        "batchId": real_ids(parents["batches"], lines["batch"]),
        "vendorId": real_ids(parents["vendors"], paid["vendorId"].to_numpy(dtype=np.int64)),
        "amount": [f"{v:.2f}" for v in lines["lineTotal"]],
        "paymentDate": paid_at,
        "paymentMethod": paid["paymentMethod"].to_numpy(),
        "notes": [f"{document_number('payment', p)} on {document_number('bill', bill)}, {document_number('lot', lot)}"
                  for p, bill, lot in zip(paid["id"], lines["bill"], lines["lot"])],
        "recordedBy": staff(parents["users"], ACCOUNTING, len(lines), ctx.rng),
        "createdAt": paid_at,
    })
