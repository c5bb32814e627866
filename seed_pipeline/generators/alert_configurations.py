"""The alert settings behind the alerts: the inventory manager's reorder point for every product the business
stocks (what ``inventoryAlerts`` LOW_STOCK fires at) and slow-moving limit, the accountant's overdue-payment
limit and the sales manager's big-order limit."""

import pandas as pd

from seed_pipeline.business.catalog import staff_roles
from seed_pipeline.business.operations.alerts import SLOW_MOVING_DAYS, reorder_points
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame

BIG_ORDER_QUANTILE = 0.9
OVERDUE_DAYS = 30
STOCK_KEEPER = "Inventory Manager"
# (job, alert type, threshold, operator, delivery): the settings beside the reorder points
SETTINGS = ((STOCK_KEEPER, "CUSTOM", float(SLOW_MOVING_DAYS), "GREATER_THAN", "DASHBOARD"),
            ("Accountant", "OVERDUE_PAYMENT", float(OVERDUE_DAYS), "GREATER_THAN", "EMAIL"),
            ("Sales Manager", "HIGH_VALUE_ORDER", None, "GREATER_THAN", "DASHBOARD"))


@generates("alert_configurations")
def generate(ctx, parents):
    users, h = parents["users"], history(ctx)
    first = {}
    for user_id, job, email in zip(users["id"], staff_roles(len(users)), users["email"]):
        first.setdefault(job, (user_id, email))
    big = float(h.orders["total"].quantile(BIG_ORDER_QUANTILE).round(-2))
    points = reorder_points(h.batches) if STOCK_KEEPER in first else pd.Series(dtype=float)
    chosen = [s for s in SETTINGS if s[0] in first]
    joined = users.set_index("id")["createdAt"]
    # reorder points are set when the product is first stocked; the rest right after the account is made
    stocked = h.batches.groupby("productId")["arrived"].min().reindex(points.index).to_numpy()
    n = len(points)
    return table_frame(ctx, {
        "user_id": [first[STOCK_KEEPER][0]] * n + [first[s[0]][0] for s in chosen],
        "alert_type": ["LOW_STOCK"] * n + [s[1] for s in chosen],
        "target_type": ["PRODUCT"] * n + ["GLOBAL"] * len(chosen),
        "target_id": pd.array(list(real_ids(parents["products"], points.index)) + [None] * len(chosen), dtype="Int64"),
        "threshold_value": list(points.to_numpy()) + [big if s[2] is None else s[2] for s in chosen],
        "threshold_operator": ["LESS_THAN"] * n + [s[3] for s in chosen],
        "delivery_method": ["DASHBOARD"] * n + [s[4] for s in chosen],
        "email_address": [None] * n + [first[s[0]][1] if s[4] != "DASHBOARD" else None for s in chosen],
        "is_active": [True] * (n + len(chosen)),
        "created_at": list(stocked) + [joined[first[s[0]][0]] + pd.Timedelta(minutes=10) for s in chosen],
        "updated_at": list(stocked) + [joined[first[s[0]][0]] + pd.Timedelta(minutes=10) for s in chosen],
    })
