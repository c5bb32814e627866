"""Each invoice's lines: the lines of its order, same batch, quantity, price and total, so they add up to the invoice.

A voided invoice was keyed for its order's lines too (only its terms were wrong)."""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame


@generates("invoiceLineItems")
def generate(ctx, parents):
    h = history(ctx)
    lines = pd.concat([h.lines.merge(inv[["id", "order_id", "created_at"]].rename(columns={"id": "invoice"}), on="order_id",
                                     how="left", sort=False) for inv in (h.invoices, h.voided)], ignore_index=True)
    lines = lines[lines["invoice"].notna()].astype({"invoice": np.int64})
    name = h.products.set_index("id")["nameCanonical"].reindex(lines["productId"]).to_numpy()
    return table_frame(ctx, {
        "invoiceId": real_ids(parents["invoices"], lines["invoice"]),
        "productId": real_ids(parents["products"], lines["productId"]),
        "batchId": real_ids(parents["batches"], lines["batchId"]),
        "description": [f"{n} ({document_number('batch', b)})" for n, b in zip(name, lines["batchId"])],
        "quantity": lines["quantity"],
        "unitPrice": lines["unit_price"],
        "lineTotal": lines["line_total"],
        "createdAt": lines["created_at"].to_numpy(),
    })
