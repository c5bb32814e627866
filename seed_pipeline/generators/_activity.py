"""What the collaboration generators share: when each person set up their own screens."""

import numpy as np
import pandas as pd

SETTLING_DAYS = 10  # people set up their screens within this many days of getting an account


def set_up_moments(ctx, users: pd.DataFrame, rows: np.ndarray) -> pd.Series:
    """A moment after user row ``rows`` joined, within their first days, never after the end date."""
    joined = pd.to_datetime(users["createdAt"]).to_numpy()[rows]
    span = min(SETTLING_DAYS, ctx.window.days) * 86400
    moment = joined + (ctx.rng.random(len(rows)) * span).astype("timedelta64[s]")
    return pd.Series(moment).clip(upper=ctx.window.end_ts).astype("datetime64[s]")
