"""The alert settings behind the alerts: the inventory manager's low-stock and slow-moving limits (the ones
``inventoryAlerts`` fire at), the accountant's overdue-payment limit and the sales manager's big-order limit."""

import pandas as pd

from seed_pipeline.business.catalog import staff_roles
from seed_pipeline.business.operations.alerts import LOW_STOCK_BELOW, SLOW_MOVING_DAYS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._core import history

BIG_ORDER_QUANTILE = 0.9
OVERDUE_DAYS = 30
# (job, alert type, threshold, operator, delivery)
SETTINGS = (("Inventory Manager", "LOW_STOCK", LOW_STOCK_BELOW, "LESS_THAN", "BOTH"),
            ("Inventory Manager", "CUSTOM", float(SLOW_MOVING_DAYS), "GREATER_THAN", "DASHBOARD"),
            ("Accountant", "OVERDUE_PAYMENT", float(OVERDUE_DAYS), "GREATER_THAN", "EMAIL"),
            ("Sales Manager", "HIGH_VALUE_ORDER", None, "GREATER_THAN", "DASHBOARD"))


@generates("alert_configurations")
def generate(ctx, parents):
    users = parents["users"]
    jobs = staff_roles(len(users))
    first = {}
    for user_id, job, email in zip(users["id"], jobs, users["email"]):
        first.setdefault(job, (user_id, email))
    big = float(history(ctx).orders["total"].quantile(BIG_ORDER_QUANTILE).round(-2))
    chosen = [s for s in SETTINGS if s[0] in first]
    joined = users.set_index("id")["createdAt"]
    # set up right after the account, before the first goods come in
    at = [joined[first[s[0]][0]] + pd.Timedelta(minutes=10) for s in chosen]
    return table_frame(ctx, {
        "user_id": [first[s[0]][0] for s in chosen],
        "alert_type": [s[1] for s in chosen],
        "target_type": ["GLOBAL"] * len(chosen),
        "threshold_value": [big if s[2] is None else s[2] for s in chosen],
        "threshold_operator": [s[3] for s in chosen],
        "delivery_method": [s[4] for s in chosen],
        "email_address": [first[s[0]][1] if s[4] != "DASHBOARD" else None for s in chosen],
        "is_active": [True] * len(chosen),
        "created_at": at, "updated_at": at,
    })
