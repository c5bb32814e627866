"""The product categories the app creates for itself (Flower, Concentrates, ...)."""

from seed_pipeline.business.catalog import CATEGORIES
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("categories")
def generate(ctx, parents):
    return table_frame(ctx, {"name": [c.name for c in CATEGORIES], "description": [c.description for c in CATEGORIES]})
