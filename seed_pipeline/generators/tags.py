"""The tag vocabulary of a cannabis wholesaler: product types, grow methods, strain types, effects, terpenes, flavours, packaging."""

from seed_pipeline.business.catalogue.tags import vocabulary
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("tags")
def generate(ctx, parents):
    tags = vocabulary()
    return table_frame(ctx, {
        "name": [t.name for t in tags],
        "standardizedName": [t.name.lower() for t in tags],
        "category": [t.category for t in tags],
        "description": [t.description for t in tags],
    })
