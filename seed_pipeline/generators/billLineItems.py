"""A bill's lines: each batch it pays for, with the quantity received (owned) or sold (consigned) at cost."""

import numpy as np

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame


@generates("billLineItems")
def generate(ctx, parents):
    lines = books_of(ctx).bill_lines
    bills = parents["bills"]
    names = parents["products"]["nameCanonical"].to_numpy()[lines["productId"].to_numpy() - 1]
    return table_frame(ctx, {
        "billId": real_ids(bills, lines["bill"]),
        "productId": real_ids(parents["products"], lines["productId"]),
        "lotId": real_ids(parents["lots"], lines["lot"]),
        "description": [f"{name}, batch {document_number('batch', b)}" for name, b in zip(names, lines["batch"])],
        "quantity": lines["quantity"],
        "unitPrice": lines["unitPrice"],
        "lineTotal": lines["lineTotal"],
        "createdAt": bills["createdAt"].to_numpy()[lines["bill"].to_numpy() - 1] + np.timedelta64(0, "s"),
    })
