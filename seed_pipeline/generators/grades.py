"""Quality grades A (top shelf) to D (economy), sorted best first."""

from seed_pipeline.business.catalog import GRADES
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("grades")
def generate(ctx, parents):
    return table_frame(ctx, {
        "name": [g.name for g in GRADES],
        "description": [g.description for g in GRADES],
        "sortOrder": range(1, len(GRADES) + 1),
    })
