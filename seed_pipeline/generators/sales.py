"""TERP's per-batch sales register (``server/salesDb.ts``): one sale per order line, with the batch's cost snapshot.

Quantity, unit price and the cost at sale are the order line's; the cost is the batch's final
cost (a revision reaches back to earlier sales, ``business/cogs.py``), so a batch's profit on
TERP's sales screen is what the ledger's cost of sales says.
"""

import numpy as np

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import SALES, history, money_text, quantity_text, real_ids, staff
from seed_pipeline.generators._frame import table_frame


@generates("sales")
def generate(ctx, parents):
    h = history(ctx)
    lines = h.lines
    orders = h.orders.set_index("id")
    invoice = h.invoices.set_index("order_id")["id"].reindex(lines["order_id"]).to_numpy()
    sold_at = orders["created_at"].reindex(lines["order_id"]).to_numpy()
    return table_frame(ctx, {
        "batchId": real_ids(parents["batches"], lines["batchId"]),
        "productId": real_ids(parents["products"], lines["productId"]),
        "quantity": quantity_text(lines["quantity"], lines["whole"]),
        "cogsAtSale": money_text(lines["unit_cost"]),
        "salePrice": money_text(lines["unit_price"]),
        "cogsOverride": np.zeros(len(lines), int),
        "customerId": real_ids(parents["clients"], orders["client_id"].reindex(lines["order_id"]).to_numpy()),
        "saleDate": sold_at,
        "notes": [f"{document_number('order', o)}, {document_number('invoice', i)}" for o, i in zip(lines["order_id"], invoice)],
        "createdBy": staff(parents["users"], SALES, len(lines), ctx.rng),
        "createdAt": sold_at,
        "updatedAt": sold_at,
    })
