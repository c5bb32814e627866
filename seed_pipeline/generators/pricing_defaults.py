"""The margin the pricing screen proposes for each product category."""

from seed_pipeline.business.catalog import CATEGORIES
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("pricing_defaults")
def generate(ctx, parents):
    return table_frame(ctx, {
        "product_category": [c.name for c in CATEGORIES],
        "default_margin_percent": [c.default_margin for c in CATEGORIES],
    })
