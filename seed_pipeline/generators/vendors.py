"""The 8 (scenario) growers who supply every lot, from the core history."""

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history
from seed_pipeline.generators._frame import table_frame


@generates("vendors")
def generate(ctx, parents):
    v = history(ctx).vendors
    return table_frame(ctx, {**{c: v[c] for c in ("name", "contactName", "contactEmail", "contactPhone",
                                                   "paymentTerms", "notes", "createdAt")},
                             "updatedAt": v["createdAt"]})
