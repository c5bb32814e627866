"""What vendors offered: each lot before it arrived (PURCHASED), and recent or lapsed offers nobody bought."""

import numpy as np
import pandas as pd

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import commercial_of
from seed_pipeline.generators._core import SALES, real_ids, staff
from seed_pipeline.generators._frame import table_frame


@generates("vendor_supply")
def generate(ctx, parents):
    s = commercial_of(ctx).offers
    n = len(s)
    vendor = parents["vendors"]["name"].to_numpy()[s["vendor_id"] - 1]
    updated = pd.concat([s["created_at"], s["reserved_at"], s["purchased_at"]], axis=1).max(axis=1)
    expired = (s["status"] == "EXPIRED").to_numpy()
    updated = np.where(expired, s["available_until"], updated)
    return table_frame(ctx, {
        "vendor_id": real_ids(parents["vendors"], s["vendor_id"]),
        "strain": s["strain"], "product_name": s["product"], "strain_type": s["strain_type"],
        "category": s["category"], "subcategory": s["subcategory"], "grade": s["grade"],
        "quantity_available": s["quantity"], "unit_price": s["unit_price"], "status": s["status"],
        "available_until": s["available_until"], "reserved_at": s["reserved_at"], "purchased_at": s["purchased_at"],
        "notes": [f"{v} offers {q:g} lb of {p} at ${c:,.2f}/lb" for v, q, p, c in zip(vendor, s["quantity"], s["product"], s["unit_price"])],
        "internal_notes": np.where(s["status"] == "PURCHASED", "Bought: came in as the next lot", None),
        "created_at": s["created_at"],
        "updated_at": updated,
        "created_by": staff(parents["users"], SALES | {"Inventory Manager"}, n, ctx.rng),
    })
