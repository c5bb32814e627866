"""Each vendor's house brand (and a second one for some)."""

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame


@generates("brands")
def generate(ctx, parents):
    h = history(ctx)
    b = h.brands
    created = h.vendors["createdAt"].to_numpy()[b["vendorId"].to_numpy() - 1]
    return table_frame(ctx, {"name": b["name"], "vendorId": real_ids(parents["vendors"], b["vendorId"]),
                             "description": b["description"], "createdAt": created, "updatedAt": created})
