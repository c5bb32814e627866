"""A to-do task's life: created, maybe started, maybe done, and the activity that tells it.

Its status agrees with its dates: ``done`` was completed by the end date (before or a little after
its due date), ``in_progress`` was started and not finished, ``todo`` not touched yet. The same
moments write todo_tasks, todo_task_activity and the inbox, and the checks read them back.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.calendar import moments_between
from seed_pipeline.business.activity.quota import by_quota

PAST_DUE = {"done": 0.85, "in_progress": 0.05, "todo": 0.10}  # tasks due by the end date
NOT_DUE = {"done": 0.30, "in_progress": 0.30, "todo": 0.40}  # tasks due after it
GRACE = pd.Timedelta(days=2)  # done tasks finish at the latest this long after their due date


def started_before(created, completed) -> pd.Series:
    """When a done task was started: half way from its creation to its completion (to the second)."""
    created, completed = pd.to_datetime(pd.Series(created)), pd.to_datetime(pd.Series(completed))
    return (created + (completed - created) / 2).dt.floor("s")


def lifecycle(rng: np.random.Generator, created: pd.Series, due: pd.Series, end: pd.Timestamp) -> pd.DataFrame:
    """Per task: status, when it was started (NaT if never) and completed (NaT if not done)."""
    created, due = pd.to_datetime(created).reset_index(drop=True), pd.to_datetime(due).reset_index(drop=True)
    past = (due <= end).to_numpy()
    status = np.empty(len(created), dtype=object)
    status[past] = by_quota(rng, int(past.sum()), PAST_DUE)
    status[~past] = by_quota(rng, int((~past).sum()), NOT_DUE)
    finish_by = (due + GRACE).clip(upper=end)
    finish_by = finish_by.where(finish_by > created, created + pd.Timedelta(minutes=30)).clip(upper=end)
    completed = moments_between(rng, created, finish_by)  # people finish work during office hours
    started_done = started_before(created, completed)
    started_open = moments_between(rng, created, pd.Series([end] * len(created)))
    done, going = status == "done", status == "in_progress"
    return pd.DataFrame({
        "status": status,
        "started": started_done.where(done, started_open.where(going)).dt.floor("s"),
        "completed": completed.where(done).dt.floor("s"),
    })
