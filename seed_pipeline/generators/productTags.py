"""Each product tagged by what it is (category, subcategory or grow method, strain type, packaging) and
what its strain is like (effects, dominant terpene, flavour), when it entered the catalogue."""

import pandas as pd

from seed_pipeline.business.catalogue.tags import product_tags
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import ids_by

TAGGED_AFTER = pd.Timedelta(minutes=5)  # tags are set in the product form right after it is saved


@generates("productTags")
def generate(ctx, parents):
    h = history(ctx)
    pairs = product_tags(h.products, h.strains)
    products = parents["products"]
    tag_ids = ids_by(parents["tags"], "name")
    created = pd.Series(products["createdAt"].to_numpy()[pairs["product"].to_numpy() - 1]) + TAGGED_AFTER
    return table_frame(ctx, {
        "productId": real_ids(products, pairs["product"]),
        "tagId": pairs["tag"].map(tag_ids).to_numpy(),
        "createdAt": created.clip(upper=ctx.window.end_ts),
    })
