"""The nine storage places the app creates for itself in the Main Warehouse."""

from seed_pipeline.business.catalog import LOCATIONS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("locations")
def generate(ctx, parents):
    return table_frame(ctx, {
        field: [getattr(place, field) for place in LOCATIONS] for field in ("site", "zone", "rack", "shelf", "bin")
    })
