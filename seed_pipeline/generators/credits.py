"""Store credits: one per real return (the goods' value) and a goodwill credit after some refunds, with what is left.

Amount used and remaining are what the applications say as of the end date, and the status is
TERP's (``business/credit/credits.credit_status``): a credit not spent by its expiry is EXPIRED.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import document_number
from seed_pipeline.business.credit.credits import RETURN
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import recorded_at
from seed_pipeline.generators._core import SERVICE, history, money_text, real_ids, staff
from seed_pipeline.generators._credit import credit_of, end_of_day, invoice_transactions, refund_moments
from seed_pipeline.generators._frame import table_frame

MARKED_EXPIRED_HOUR = 2  # the nightly job marks lapsed credits after midnight


def _texts(c: pd.DataFrame, h, invoice_of_order: pd.Series) -> tuple[list[str], list[str]]:
    """Reason and notes, from the return (product, quantity, reason) or the refund behind each credit."""
    r = h.returns
    product = h.products.set_index("id")["nameCanonical"]
    reasons, notes = [], []
    for kind, order, ret in zip(c["reason"], c["order_id"], c["return_id"]):
        if kind == RETURN:
            row = r.iloc[int(ret) - 1]
            unit = h.batches["unit"].iat[int(row["batch"])]
            name = product[h.batches["productId"].iat[int(row["batch"])]]
            why = str(row["returnReason"]).replace("_", " ").lower()
            reasons.append(f"Returned goods: {why}")
            notes.append(f"{row['quantity']:g} {unit} of {name} sent back from {document_number('order', order)}, "
                         f"credited at ${row['unit_price']:,.2f}/{unit}")
        else:
            reasons.append("Goodwill after refund")
            notes.append("Goodwill toward the next order after the refund on "
                         f"{document_number('invoice', invoice_of_order[order])}")
    return reasons, notes


@generates("credits")
def generate(ctx, parents):
    c = credit_of(ctx).credits
    h = history(ctx)
    invoice_of_order = h.invoices.set_index("order_id")["id"]
    reasons, notes = _texts(c, h, invoice_of_order)
    # a credit follows what caused it: the return's processing, or the refund's transaction (which may be the invoice's own day)
    source = np.where(c["return_id"].notna(), h.returns["processed_at"].reindex(c["return_id"].fillna(1).astype(int) - 1).to_numpy(),
                      refund_moments(ctx, invoice_of_order.reindex(c["order_id"])))
    created = recorded_at(ctx, c["issued"])
    created = np.where(pd.isna(source), created, np.maximum(created, pd.to_datetime(source).to_numpy() + np.timedelta64(600, "s")))
    created = np.minimum(created.astype("datetime64[s]"), np.datetime64(ctx.window.end_ts, "s"))
    used_day = end_of_day(pd.to_datetime(c["last_used"]).fillna(c["issued"]))
    marked = (pd.to_datetime(c["expires"]) + pd.Timedelta(days=1, hours=MARKED_EXPIRED_HOUR)).clip(upper=ctx.window.end_ts).to_numpy()
    updated = np.where(c["status"] == "EXPIRED", marked, np.where(c["last_used"].notna(), used_day, created))
    return table_frame(ctx, {
        "creditNumber": [document_number("credit", i) for i in c["id"]],
        "clientId": real_ids(parents["clients"], c["client"]),
        "transactionId": real_ids(parents["transactions"], invoice_transactions(ctx, invoice_of_order.reindex(c["order_id"]))),
        "creditAmount": money_text(c["amount"]),
        "amountUsed": money_text(c["used"]),
        "amountRemaining": money_text(c["remaining"]),
        "creditReason": reasons,
        "expirationDate": end_of_day(c["expires"]),
        "creditStatus": c["status"],
        "notes": notes,
        "createdBy": staff(parents["users"], SERVICE, len(c), ctx.rng),
        "createdAt": created,
        "updatedAt": np.maximum(pd.to_datetime(pd.Series(updated)).to_numpy(), created),
    })
