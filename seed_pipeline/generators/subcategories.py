"""Each category's subcategories (Flower: Outdoor, Deps, Indoor, ...), under their category's real id."""

from seed_pipeline.business.catalog import CATEGORIES
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import ids_by


@generates("subcategories")
def generate(ctx, parents):
    category_id = ids_by(parents["categories"], "name")
    pairs = [(category_id[c.name], sub) for c in CATEGORIES for sub in c.subcategories]
    return table_frame(ctx, {"categoryId": [p[0] for p in pairs], "name": [p[1] for p in pairs]})
