"""The app's system roles, one per job."""

from seed_pipeline.business.catalog import ROLES
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("roles")
def generate(ctx, parents):
    return table_frame(ctx, {
        "name": [r.name for r in ROLES],
        "description": [r.description for r in ROLES],
        "is_system_role": [1] * len(ROLES),
    })
