"""Every ``<module>:<action>`` permission the roles are built from."""

from seed_pipeline.business.catalog import PERMISSIONS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("permissions")
def generate(ctx, parents):
    return table_frame(ctx, {
        "name": [p.name for p in PERMISSIONS],
        "description": [p.description for p in PERMISSIONS],
        "module": [p.module for p in PERMISSIONS],
    })
