"""Standing orders of the regular clients, set up from how they really buy.

A buying client with at least ``MIN_ORDERS`` orders has one, set up after that many orders: its cadence
is the typical gap between its orders, its template the products it bought most often at their usual
quantity, last generated on its latest order and next due one cadence later. A few were paused.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.rules import in_trade_units, trade_step
from seed_pipeline.contract.operations import JSON
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import SALES, history, real_ids, staff
from seed_pipeline.generators._frame import table_frame

TEMPLATE = next(c for c in JSON if c.table == "recurring_orders")
MIN_ORDERS = 4
TEMPLATE_ITEMS = 3
CADENCES = ((10, "WEEKLY", 7), (21, "BIWEEKLY", 14), (45, "MONTHLY", 30), (np.inf, "QUARTERLY", 91))  # median gap up to
PAUSED_SHARE = 0.2


def cadence(gap_days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(frequency, days between two generated orders) for a typical gap between orders."""
    bounds = np.array([c[0] for c in CADENCES])
    k = np.searchsorted(bounds, gap_days)
    return np.array([c[1] for c in CADENCES])[k], np.array([c[2] for c in CADENCES])[k]


@generates("recurring_orders", reads=("products",))
def generate(ctx, parents):
    h, rng = history(ctx), ctx.rng
    o = h.orders
    counts = o.groupby("client_id").size()
    regular = counts[counts >= MIN_ORDERS].index.to_numpy()
    mine = o[o["client_id"].isin(regular)].sort_values("created_at", kind="stable")
    gaps = mine.groupby("client_id")["created_at"].diff().dt.total_seconds() / 86400
    median_gap = gaps.groupby(mine["client_id"]).median().reindex(regular).to_numpy()
    frequency, every = cadence(median_gap)
    first = mine.groupby("client_id")["created_at"].nth(MIN_ORDERS - 1)  # set up once the pattern showed
    first = pd.Series(first.to_numpy(), index=mine["client_id"].loc[first.index].to_numpy()).reindex(regular)
    last = mine.groupby("client_id")["created_at"].max().reindex(regular)
    lines = h.lines.merge(o[["id", "client_id"]], left_on="order_id", right_on="id")
    bought = lines[lines["client_id"].isin(regular)].groupby(["client_id", "productId"])["quantity"].agg(["size", "median"])
    top = bought.reset_index().sort_values(["client_id", "size"], ascending=[True, False], kind="stable")
    top = top.groupby("client_id").head(TEMPLATE_ITEMS)
    whole = lines.drop_duplicates("productId").set_index("productId")["whole"]
    items = {c: [{"productId": int(real_ids(parents["products"], [p])[0]), "quantity": float(max(in_trade_units(q, whole[p]), trade_step(whole[p])))}
                 for p, q in zip(g["productId"], g["median"])] for c, g in top.groupby("client_id")}
    paused = rng.permutation(len(regular)) < round(PAUSED_SHARE * len(regular))
    template = [{"items": items[c]} for c in regular]
    next_due = (last.dt.normalize() + pd.to_timedelta(every, unit="D")).dt.date
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], regular),
        "frequency": frequency,
        "day_of_week": np.where(np.isin(frequency, ["WEEKLY", "BIWEEKLY"]), first.dt.day_of_week.to_numpy(), None),
        "day_of_month": np.where(np.isin(frequency, ["MONTHLY", "QUARTERLY"]), np.minimum(first.dt.day.to_numpy(), 28), None),
        "order_template": TEMPLATE.values(template),
        "status": np.where(paused, "PAUSED", "ACTIVE"),
        "start_date": first.dt.date,
        "last_generated_date": last.dt.date,
        "next_generation_date": next_due,
        "notify_client": ~paused,
        "notify_email": parents["clients"]["email"].to_numpy()[regular - 1],
        "created_by": staff(parents["users"], SALES, len(regular), rng),
        "created_at": first + pd.Timedelta(hours=1),
        "updated_at": last,
    })
