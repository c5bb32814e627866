"""What the financial-table generators share: the company's books, and when in the day a clerk recorded them."""

import numpy as np
import pandas as pd

from seed_pipeline.business.books import Books, books
from seed_pipeline.business.hours import working_after
from seed_pipeline.generation.context import GenerationContext
from seed_pipeline.generators._system import OFFICE_HOURS


def books_of(ctx: GenerationContext) -> Books:
    return books(ctx.settings)


def recorded_at(ctx: GenerationContext, dates) -> np.ndarray:
    """A moment in office hours on each date: when the document was keyed in."""
    days = pd.to_datetime(pd.Series(dates)).dt.normalize().to_numpy().astype("datetime64[s]")
    seconds = ctx.rng.integers(OFFICE_HOURS[0] * 3600, OFFICE_HOURS[1] * 3600, len(days))
    return days + seconds.astype("timedelta64[s]")


def later(ctx: GenerationContext, moments, hours: tuple[int, int]) -> np.ndarray:
    """A moment some working hours after each one (the business calendar), never after the end of the history."""
    step = ctx.rng.integers(hours[0] * 3600, hours[1] * 3600, len(pd.Series(moments)))
    return working_after(moments, step, ctx.window.end_ts)


def not_before(ctx: GenerationContext, moments, parents) -> np.ndarray:
    """Each moment, or a few minutes after its parent document was keyed in if that came later (NaT: no parent).

    Wall-clock minutes, not working time: a payment keyed in after its batch stays on the batch's day."""
    own = pd.to_datetime(pd.Series(moments)).to_numpy().astype("datetime64[s]")
    parent = pd.to_datetime(pd.Series(parents)).to_numpy().astype("datetime64[s]")
    after = parent + ctx.rng.integers(60, 30 * 60, len(own)).astype("timedelta64[s]")
    after = np.minimum(after, np.datetime64(ctx.window.end_ts, "s"))
    return np.where(np.isnat(parent), own, np.maximum(own, after))


def parent_moments(parent: pd.DataFrame, column: str, local) -> np.ndarray:
    """The ``column`` of the parent row each local key names (NaT where there is none)."""
    local = pd.Series(local).astype("Int64")
    values = parent[column].to_numpy().astype("datetime64[s]")
    out = np.full(len(local), np.datetime64("NaT"), dtype="datetime64[s]")
    present = local.notna().to_numpy()
    out[present] = values[local[present].to_numpy(dtype=np.int64) - 1]
    return out
