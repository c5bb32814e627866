"""One fiscal period per month of history; the accountant closes each in the first days of the next month."""

import numpy as np

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of
from seed_pipeline.generators._core import ACCOUNTING, staff
from seed_pipeline.generators._frame import table_frame


@generates("fiscalPeriods")
def generate(ctx, parents):
    p = books_of(ctx).periods
    n = len(p)
    closer = staff(parents["users"], ACCOUNTING, n, ctx.rng)
    # opened by the app at midnight (the first once the team's accounts exist)
    team_ready = parents["users"]["createdAt"].max().to_datetime64().astype("datetime64[s]") + np.timedelta64(60, "s")
    opened = np.maximum(p["startDate"].to_numpy().astype("datetime64[s]"), team_ready)
    closed = p["closedAt"].notna().to_numpy()
    return table_frame(ctx, {
        "periodName": p["periodName"],
        "startDate": p["startDate"],
        "endDate": p["endDate"],
        "fiscalYear": p["fiscalYear"],
        "status": p["status"],
        "closedAt": p["closedAt"],
        "closedBy": np.where(closed, closer, None),
        "createdAt": opened,
        "updatedAt": np.where(closed, p["closedAt"].to_numpy(), opened),
    })
