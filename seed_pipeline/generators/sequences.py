"""The app's document counters, each at the last number the history actually used."""

from seed_pipeline.business.catalog import DOCUMENT_SEQUENCES
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of
from seed_pipeline.generators._core import history
from seed_pipeline.generators._frame import table_frame


@generates("sequences")
def generate(ctx, parents):
    h, b = history(ctx), books_of(ctx)
    used = {"order": len(h.orders) + len(h.unsold), "quote": len(h.quotes), "invoice": len(h.invoices) + len(h.voided),
            "lot": len(h.lots), "batch": len(h.batches), "return": len(h.returns), "bill": len(b.bills), "payment": len(b.payments),
            "expense": len(b.expenses), "journal_entry": int(b.ledger["journal"].max()),
            "transaction": len(b.transactions)}
    return table_frame(ctx, {
        "name": list(DOCUMENT_SEQUENCES),
        "prefix": [s.prefix for s in DOCUMENT_SEQUENCES.values()],
        "currentValue": [used.get(kind, 0) for kind in DOCUMENT_SEQUENCES],
        "updatedAt": [ctx.window.end_ts] * len(DOCUMENT_SEQUENCES),
    })
