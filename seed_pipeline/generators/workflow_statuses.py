"""The inventory board's columns: one per batch status, in pipeline order."""

from seed_pipeline.business.catalog import BATCH_STATUSES
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("workflow_statuses")
def generate(ctx, parents):
    return table_frame(ctx, {
        "name": [s.name for s in BATCH_STATUSES],
        "slug": [s.slug for s in BATCH_STATUSES],
        "color": [s.color for s in BATCH_STATUSES],
        "order": range(1, len(BATCH_STATUSES) + 1),
    })
