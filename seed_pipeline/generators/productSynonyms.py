"""The names the trade uses for each product's strain (nicknames, initials, misspellings), recorded in the
weeks after the product entered the catalogue, as vendors' manifests and buyers' messages used them."""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalogue.synonyms import product_synonyms
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame

RECORDED_WITHIN_DAYS = 30


@generates("productSynonyms")
def generate(ctx, parents):
    h = history(ctx)
    s = product_synonyms(h.products, h.strains)
    products = parents["products"]
    created = pd.Series(products["createdAt"].to_numpy()[s["product"].to_numpy() - 1]) + pd.to_timedelta(
        ctx.rng.integers(3600, RECORDED_WITHIN_DAYS * 86400, len(s)), unit="s")
    return table_frame(ctx, {
        "productId": real_ids(products, s["product"]),
        "synonym": s["synonym"].to_numpy(),
        "createdAt": created.clip(upper=ctx.window.end_ts).to_numpy(np.dtype("datetime64[ns]")),
    })
