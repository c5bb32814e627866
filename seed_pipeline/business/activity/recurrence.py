"""Recurring series: the rule TERP stores and the occurrences it generates from it, computed once.

TERP's instance generator (server/_core/instanceGenerationService.ts) steps from the rule's start
date by ``interval`` weeks and keeps the dates whose weekday is in ``by_day`` (0 = Sunday), skipping
``exception_dates``. Our series are weekly; their exceptions are the days the business is closed (``hours``).
"""

import numpy as np
import pandas as pd
from seed_pipeline.business import hours
from seed_pipeline.business.activity.attendance import series_of
from seed_pipeline.business.activity.calendar import SERIES

AHEAD_DAYS = 28  # TERP generates instances this far past today (the end date)

INTERVAL = {s.key: s.interval_weeks for s in SERIES}


def series_events(events: pd.DataFrame) -> pd.DataFrame:
    """The first meetings of the weekly series, with their series key."""
    key = series_of(events)
    mask = pd.Series(key).isin(list(INTERVAL)).to_numpy() & events["is_recurring"].astype(bool).to_numpy()
    found = events[mask].copy()
    found["series"] = key[mask]
    return found


def terp_weekday(day: pd.Timestamp) -> int:
    """TERP's (JavaScript's) weekday: 0 = Sunday ... 6 = Saturday."""
    return (pd.Timestamp(day).day_of_week + 1) % 7


def occurrences(start: pd.Timestamp, interval_weeks: int, until: pd.Timestamp) -> pd.DatetimeIndex:
    """Every date of a weekly series from its first date up to ``until``, holidays included."""
    return pd.date_range(pd.Timestamp(start).normalize(), pd.Timestamp(until).normalize(), freq=f"{7 * interval_weeks}D")


def series_dates(start: pd.Timestamp, interval_weeks: int, until: pd.Timestamp) -> tuple[list[pd.Timestamp], list[str]]:
    """(the instance dates, the exception dates as ISO strings) of one weekly series."""
    dates = occurrences(start, interval_weeks, until)
    open_ = hours.is_working_day(dates) if len(dates) else np.zeros(0, bool)
    return list(dates[open_]), [d.strftime("%Y-%m-%d") for d in dates[~open_]]
