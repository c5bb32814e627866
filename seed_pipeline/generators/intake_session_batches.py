"""Each batch on the intake session of its lot: the quantity received and the cost agreed, as the batch has them."""

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._operations import ops
from seed_pipeline.generators.intake_sessions import session_of_batch


@generates("intake_session_batches")
def generate(ctx, parents):
    h = history(ctx)
    b = h.batches
    agreement = [f"Consignment: ${c:,.2f} per {u} owed as it sells" if t == "CONSIGNMENT" else f"Bought at ${c:,.2f} per {u}, {t}"
                 for c, u, t in zip(b["unit_cost"], b["unit"], b["paymentTerms"])]
    return table_frame(ctx, {
        "intake_session_id": real_ids(parents["intake_sessions"], session_of_batch(h, ops(ctx).sessions)),
        "batch_id": parents["batches"]["id"],
        "received_qty": b["received"],
        "unit_cost": b["unit_cost"],
        "total_cost": (b["received"] * b["unit_cost"]).round(4),
        "cogs_agreement": agreement,
        "created_at": b["arrived"],
        "updated_at": b["arrived"],
    })
