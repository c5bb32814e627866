"""Flower as strain × grow type × grade (sold by the pound), and the non-flower lines (by the gram or each)."""

import numpy as np

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame


@generates("products")
def generate(ctx, parents):
    h = history(ctx)
    p = h.products
    brand_created = h.vendors["createdAt"].to_numpy()[h.brands["vendorId"].to_numpy() - 1]
    created = brand_created[p["brandId"].to_numpy() - 1] + np.timedelta64(30, "m")
    return table_frame(ctx, {
        "brandId": real_ids(parents["brands"], p["brandId"]),
        "strainId": real_ids(parents["strains"], p["strainId"]),
        **{c: p[c] for c in ("nameCanonical", "category", "subcategory", "uomSellable", "description")},
        "createdAt": created,
        "updatedAt": created,
    })
