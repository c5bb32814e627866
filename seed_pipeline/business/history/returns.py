"""Goods sent back: ``returns_share`` of the scenario's orders (a whole number of them), delivered ones, part of a line, a while after delivery."""

from datetime import date

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.activity.quota import by_quota
from seed_pipeline.business.rules import in_trade_units, rows_for_share, trade_step
from seed_pipeline.scenarios import Scenario

RETURN_REASONS = {"DEFECTIVE": 0.35, "NOT_AS_DESCRIBED": 0.25, "WRONG_ITEM": 0.2, "CUSTOMER_CHANGED_MIND": 0.1, "OTHER": 0.1}
DAYS_AFTER_DELIVERY = (1, 11)  # working days


def returns(s: Scenario, order_frame: pd.DataFrame, line_frame: pd.DataFrame, as_of: date,
            rng: np.random.Generator) -> pd.DataFrame:
    end = pd.Timestamp(as_of) + pd.Timedelta(hours=23, minutes=59)
    delivered = order_frame[order_frame["shipped_at"].notna() & (order_frame["shipped_at"] + pd.Timedelta(days=2) <= end)]
    n = min(len(delivered), rows_for_share(s.returns_share, s.orders))  # the target's count, whatever orders dropped out
    chosen = delivered.iloc[np.sort(rng.choice(len(delivered), n, replace=False))]
    lines = line_frame.groupby("order_id").head(1).set_index("order_id")  # the first line of each order
    line = lines.loc[chosen["id"]]
    fraction = rng.uniform(0.1, 0.6, n)
    whole = line["whole"].to_numpy()
    quantity = np.maximum(trade_step(whole), in_trade_units(line["quantity"].to_numpy() * fraction, whole))
    days = rng.integers(*DAYS_AFTER_DELIVERY, n)
    processed = hours.add_working(chosen["shipped_at"], days * hours.DAY_SECONDS).clip(upper=hours.last_working_moment(end))
    return pd.DataFrame({
        "order_id": chosen["id"].to_numpy(),
        "line": line["line_id"].to_numpy(),
        "batch": line["batch"].to_numpy(),
        "quantity": quantity,
        "unit_price": line["unit_price"].to_numpy(),
        # by quota: TERP's return statistics count each reason, and five returns show all five
        "returnReason": by_quota(rng, n, RETURN_REASONS),
        "processed_at": processed.to_numpy(),
    })
