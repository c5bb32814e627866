"""The company's costing policy as TERP's global COGS rules (``business/cogs.cost_rules``), set up at go-live."""

from seed_pipeline.business.cogs import cost_rules
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history
from seed_pipeline.generators._frame import table_frame


@generates("cogs_rules")
def generate(ctx, parents):
    rules = cost_rules(history(ctx))
    return table_frame(ctx, {
        "name": [r.name for r in rules],
        "description": [r.description for r in rules],
        "condition_field": [r.field for r in rules],
        "condition_operator": [r.operator for r in rules],
        "condition_value": [r.value for r in rules],
        "adjustment_type": [r.adjustment for r in rules],
        "adjustment_value": [r.amount for r in rules],
        "priority": list(range(1, len(rules) + 1)),
        "is_active": [r.active for r in rules],
    })
