"""Each store credit spent on a later invoice of its client, on the day that invoice was settled."""

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of, not_before, recorded_at
from seed_pipeline.generators._core import ACCOUNTING, real_ids, staff
from seed_pipeline.generators._credit import credit_of, invoice_transactions
from seed_pipeline.generators._frame import table_frame


@generates("creditApplications")
def generate(ctx, parents):
    a = credit_of(ctx).applications
    invoice_txn = invoice_transactions(ctx, a["invoice"])
    # on the day the invoice was settled, and not before it was recorded (a COD invoice is settled the day it is made)
    applied = not_before(ctx, recorded_at(ctx, a["applied"]), books_of(ctx).transactions["at"].to_numpy()[invoice_txn - 1])
    return table_frame(ctx, {
        "creditId": real_ids(parents["credits"], a["credit"]),
        "invoiceId": real_ids(parents["transactions"], invoice_txn),
        "amountApplied": [f"{v:.2f}" for v in a["amount"]],
        "appliedDate": applied,
        "notes": [f"{document_number('credit', k)} applied to {document_number('invoice', i)}"
                  for k, i in zip(a["credit"], a["invoice"])],
        "appliedBy": staff(parents["users"], ACCOUNTING, len(a), ctx.rng),
        "createdAt": applied,
    })
