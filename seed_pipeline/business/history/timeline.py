"""The months of the history and how busy each one is: seasonal, slowly growing, never flat."""

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.generation.context import HistoryWindow

SEASON_AMPLITUDE = 0.15  # peak month ~15% above the average, trough ~15% below
PEAK_MONTH = 10  # harvest season: October
GROWTH_PER_YEAR = 0.12
MONTH_NOISE = 0.06


def month_starts(first, last) -> pd.DatetimeIndex:
    """The first day of every calendar month from ``first``'s to ``last``'s."""
    return pd.date_range(pd.Timestamp(first).to_period("M").to_timestamp(), pd.Timestamp(last), freq="MS")


def months(window: HistoryWindow) -> pd.DataFrame:
    """One row per calendar month touched by the window, clipped to it."""
    starts = month_starts(window.start, window.end)
    first = np.maximum(starts, pd.Timestamp(window.start))
    last = np.minimum(starts + pd.offsets.MonthEnd(0), pd.Timestamp(window.end))
    frame = pd.DataFrame({"first": first, "last": last})
    frame["days"] = (frame["last"] - frame["first"]).dt.days + 1
    return frame


def month_weights(frame: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Share of the history's business done in each month (sums to 1)."""
    month_of_year = frame["first"].dt.month.to_numpy()
    season = 1 + SEASON_AMPLITUDE * np.cos(2 * np.pi * (month_of_year - PEAK_MONTH) / 12)
    growth = (1 + GROWTH_PER_YEAR) ** (np.arange(len(frame)) / 12)
    noise = rng.normal(1.0, MONTH_NOISE, len(frame)).clip(0.8, 1.2)
    weights = season * growth * noise * frame["days"].to_numpy() / 30.4
    return weights / weights.sum()


def moments_in(first: pd.Series, days: pd.Series, rng: np.random.Generator) -> pd.Series:
    """A working moment of the business calendar in each row's span, uniform over its working time."""
    return hours.working_moments(first, days.to_numpy(), rng).set_axis(first.index)


def exact_share(rng: np.random.Generator, n: int, share: float) -> np.ndarray:
    """A random mask with exactly round(share * n) rows set: small scenarios hit their shares too."""
    return rng.permutation(n) < round(share * n)

