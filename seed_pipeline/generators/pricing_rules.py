"""The pricing rules behind the prices the history charged: markup over cost, each tier's concession, two retired ones."""

import pandas as pd

from seed_pipeline.business.commercial.pricing import rules_of
from seed_pipeline.contract.commercial import PRICING_CONDITIONS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history
from seed_pipeline.generators._frame import table_frame

RETIRED_AFTER_DAYS = 20  # a retired rule was switched off this long after go-live


@generates("pricing_rules")
def generate(ctx, parents):
    start = ctx.window.start_ts
    rules = rules_of(history(ctx))  # each tier's concession as its clients were charged
    return table_frame(ctx, {
        "name": [r.name for r in rules],
        "description": [r.description for r in rules],
        "adjustment_type": [r.adjustment_type for r in rules],
        "adjustment_value": [r.adjustment_value for r in rules],
        "conditions": PRICING_CONDITIONS.values([r.conditions for r in rules]),
        "logic_type": ["AND"] * len(rules),
        "priority": [r.priority for r in rules],
        "is_active": [r.active for r in rules],
        "created_at": [start] * len(rules),
        "updated_at": [start if r.active else start + pd.Timedelta(days=RETIRED_AFTER_DAYS) for r in rules],
    })
