"""Cost revisions of batches: the cost keyed in at intake revised to the vendor's final price, reaching back to earlier sales.

The change type is TERP's (``drizzle/schema.ts``: prospective, retroactive, both): a revision
made after the batch had sold applies to those sales too (both), otherwise only ahead
(prospective). The latest revision's new cost is the batch's cost.
"""

import numpy as np

from seed_pipeline.business.catalog import document_number
from seed_pipeline.business.cogs import revisions
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import ACCOUNTING, history, money_text, real_ids, staff
from seed_pipeline.generators._frame import table_frame


def _reasons(r, h) -> list[str]:
    vendor = h.vendors.set_index("id")["name"]
    vendor_of_lot = h.lots.set_index("id")["vendorId"]
    product = h.products.set_index("id")["nameCanonical"]
    return [f"{'Consignment price agreed with' if consigned else 'Final invoice from'} {vendor[vendor_of_lot[lot]]} "
            f"for {product[p]} ({document_number('batch', b)}, {document_number('lot', lot)}): ${new:,.2f}/{unit}, "
            f"${old:,.2f}/{unit} at intake"
            for consigned, lot, p, b, new, old, unit in zip(r["consigned"], r["lotId"], r["productId"], r["batchId"],
                                                            r["new"], r["old"], r["unit"])]


@generates("cogsHistory")
def generate(ctx, parents):
    h = history(ctx)
    r = revisions(h, ctx.rng)
    return table_frame(ctx, {
        "batchId": real_ids(parents["batches"], r["batchId"]),
        "oldCogs": money_text(r["old"]),
        "newCogs": money_text(r["new"]),
        "changeType": np.where(r["earlier_sales"] > 0, "both", "prospective"),
        "affectedSalesCount": r["earlier_sales"],
        "reason": _reasons(r, h),
        "changedBy": staff(parents["users"], ACCOUNTING, len(r), ctx.rng),
        "createdAt": r["at"],
    })
