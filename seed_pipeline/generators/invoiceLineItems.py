"""Each invoice's lines: the lines of its order, same batch, quantity, price and total, so they add up to the invoice."""

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame


@generates("invoiceLineItems")
def generate(ctx, parents):
    h = history(ctx)
    lines = h.lines
    name = h.products.set_index("id")["nameCanonical"].reindex(lines["productId"]).to_numpy()
    invoice = h.invoices.set_index("order_id")["id"].reindex(lines["order_id"]).to_numpy()
    created = h.invoices["created_at"].to_numpy()[invoice - 1]
    return table_frame(ctx, {
        "invoiceId": real_ids(parents["invoices"], invoice),
        "productId": real_ids(parents["products"], lines["productId"]),
        "batchId": real_ids(parents["batches"], lines["batchId"]),
        "description": [f"{n} ({document_number('batch', b)})" for n, b in zip(name, lines["batchId"])],
        "quantity": lines["quantity"],
        "unitPrice": lines["unit_price"],
        "lineTotal": lines["line_total"],
        "createdAt": created,
    })
