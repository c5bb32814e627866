"""Saved live-catalog views of the whales, named after what each buys most."""

from seed_pipeline.contract.commercial import CATALOG_FILTERS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import commercial_of
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame


@generates("client_catalog_views")
def generate(ctx, parents):
    v = commercial_of(ctx).catalog_views
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], v["client_id"]),
        "name": v["name"],
        "filters": CATALOG_FILTERS.values(v["filters"]),
        "created_at": v["created_at"],
        "updated_at": v["updated_at"],
    })
