"""What the system-table generators share: the team's jobs, lookups by natural key, office hours."""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import staff_roles
from seed_pipeline.generation.columns import DAY
from seed_pipeline.generation.context import GenerationContext

OFFICE_HOURS = (8, 18)  # when people sign in and change settings


def ids_by(frame: pd.DataFrame, key: str) -> dict:
    """The real id of each row of a parent frame, looked up by a natural key (a name, a number)."""
    return dict(zip(frame[key], frame["id"]))


def jobs_of(users: pd.DataFrame) -> list[str]:
    """The role of each row of the users frame, which lists the team in ``staff_roles`` order."""
    return staff_roles(len(users))


def office_moments(ctx: GenerationContext, days: np.ndarray) -> np.ndarray:
    """Timestamps during office hours on the given days after the window start (whole days, any float)."""
    start = np.datetime64(ctx.window.start_ts, "s")
    seconds = ctx.rng.integers(OFFICE_HOURS[0] * 3600, OFFICE_HOURS[1] * 3600, len(days))
    return start + (np.floor(days).astype(np.int64) * DAY + seconds).astype("timedelta64[s]")
