"""Fiscal periods: one per month of the history, closed by the accountant a few days after month end."""

import numpy as np
import pandas as pd

from seed_pipeline.business.history import timeline
from seed_pipeline.generation.context import HistoryWindow

CLOSE_AFTER_DAYS = (3, 9)  # month-end close takes the first week or so of the next month


def fiscal_periods(window: HistoryWindow, rng: np.random.Generator) -> pd.DataFrame:
    months = timeline.months(window)
    n = len(months)
    after = pd.to_timedelta(rng.integers(*CLOSE_AFTER_DAYS, n), unit="D") + pd.to_timedelta(rng.integers(9 * 3600, 17 * 3600, n), unit="s")
    closed_at = (months["last"] + after).where(lambda t: t <= window.end_ts)
    return pd.DataFrame({
        "id": np.arange(1, n + 1),
        "periodName": months["first"].dt.strftime("%B %Y"),
        "startDate": months["first"],
        "endDate": months["last"],
        "fiscalYear": months["first"].dt.year,
        "status": np.where(closed_at.notna(), "CLOSED", "OPEN"),
        "closedAt": closed_at,
    })


def period_of(periods: pd.DataFrame, dates: pd.Series) -> np.ndarray:
    """The local id of the period holding each date."""
    return np.searchsorted(periods["startDate"].to_numpy(), pd.to_datetime(dates).to_numpy(), side="right")
