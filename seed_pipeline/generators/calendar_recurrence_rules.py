"""The rule of each weekly series (``activity.calendar.SERIES``) on its first meeting: every
``interval`` weeks on that meeting's weekday, no end, the days the business is closed as exceptions
(TERP's instance generator skips them)."""

import pandas as pd

from seed_pipeline.business.activity.recurrence import AHEAD_DAYS, INTERVAL, series_dates, series_events, terp_weekday
from seed_pipeline.contract.activity import BY_DAY, EXCEPTIONS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame

@generates("calendar_recurrence_rules")
def generate(ctx, parents):
    s = series_events(parents["calendar_events"])
    until = pd.Timestamp(ctx.window.end) + pd.Timedelta(days=AHEAD_DAYS)
    start = pd.to_datetime(s["start_date"])
    exceptions = [series_dates(d, INTERVAL[k], until)[1] for d, k in zip(start, s["series"])]
    return table_frame(ctx, {
        "event_id": s["id"], "frequency": ["WEEKLY"] * len(s), "interval": [INTERVAL[k] for k in s["series"]],
        "by_day": BY_DAY.values([terp_weekday(d)] for d in start), "start_date": start,
        "end_date": [None] * len(s), "count": [None] * len(s), "exception_dates": EXCEPTIONS.values(exceptions),
        "created_at": s["created_at"], "updated_at": s["created_at"],
    })
