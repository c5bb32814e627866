"""The occurrences TERP's instance generator makes of each weekly series, up to four weeks past the
end date, each generated four weeks ahead of its date: at the series' time, the holidays skipped.
A few were moved to a video call (MODIFIED, by the host, before the day) or called off (CANCELLED)."""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.quota import by_quota
from seed_pipeline.business.activity.recurrence import AHEAD_DAYS, INTERVAL, series_dates, series_events
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame

STATES = {"GENERATED": 0.9, "MODIFIED": 0.05, "CANCELLED": 0.05}
NIGHTLY = pd.Timedelta(hours=2)  # the instance job runs at 02:00


@generates("calendar_recurrence_instances")
def generate(ctx, parents):
    s, rng, end = series_events(parents["calendar_events"]), ctx.rng, ctx.window.end_ts
    until = pd.Timestamp(ctx.window.end) + pd.Timedelta(days=AHEAD_DAYS)
    dates = [series_dates(d, INTERVAL[k], until)[0] for d, k in zip(pd.to_datetime(s["start_date"]), s["series"])]
    row = np.repeat(np.arange(len(s)), [len(d) for d in dates])
    day = pd.Series(pd.DatetimeIndex([d for ds in dates for d in ds]))
    parent = s.iloc[row].reset_index(drop=True)
    created = pd.to_datetime(parent["created_at"])
    generated = (day - pd.Timedelta(days=AHEAD_DAYS) + NIGHTLY).clip(lower=created, upper=end)
    status = by_quota(rng, len(day), STATES)
    modified = status == "MODIFIED"
    before = (day + pd.to_timedelta(parent["start_time"]).to_numpy()).clip(upper=end)
    changed = generated + (before - generated) * rng.uniform(0.2, 0.9, len(day))
    host = parent["assigned_to"].fillna(parent["created_by"]).to_numpy(np.int64)
    return table_frame(ctx, {
        "parent_event_id": parent["id"], "instance_date": day, "start_time": parent["start_time"],
        "end_time": parent["end_time"], "timezone": parent["timezone"], "status": status,
        "modified_title": np.where(modified, parent["title"] + " (video call)", None), "modified_description": [None] * len(day),
        "modified_location": np.where(modified, "Video call", None), "modified_assigned_to": pd.array([None] * len(day), dtype="Int64"),
        "generated_at": generated.dt.floor("s"), "modified_at": changed.dt.floor("s").where(modified | (status == "CANCELLED")),
        "modified_by": pd.array(np.where(modified | (status == "CANCELLED"), host, None), dtype="Int64"),
    })
