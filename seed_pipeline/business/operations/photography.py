"""The photo sessions at the bench, taken from the batch workflow so that the calendar, the batches and the
media tell the same story.

A batch reaches PHOTOGRAPHY_COMPLETE when its session ends: each such transition is one session that took
place, starting a session's length before it. Flower that arrived in the last days and has not been shot
yet is booked for a session in the days after the end date. Nothing else is photographed, so a batch is
PHOTOGRAPHY_COMPLETE exactly when a session about it took place before that change.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.activity.calendar import KINDS, business_times
from seed_pipeline.business.operations.workflow import PHOTO_DAYS, PHOTO_SHARE
from seed_pipeline.business.rules import FLOWER_UNIT

SESSION = pd.Timedelta(minutes=KINDS["photo"].minutes)
BOOKED_WITHIN_DAYS = PHOTO_DAYS[1]  # flower that arrived this close to the end date is booked ahead


def photo_sessions(workflow: pd.DataFrame, batches: pd.DataFrame, status: np.ndarray, end_ts: pd.Timestamp,
                   rng: np.random.Generator) -> pd.DataFrame:
    """One row per session: batch (row of ``batches``), start, took_place, and for those that did the
    row of ``workflow`` holding the PHOTOGRAPHY_COMPLETE change it led to (-1 for sessions ahead)."""
    shot = workflow[workflow["to"] == "PHOTOGRAPHY_COMPLETE"]
    done = pd.DataFrame({"batch": shot["batch"].to_numpy(), "start": (shot["at"] - SESSION).to_numpy(),
                         "took_place": True, "change": shot.index.to_numpy()})
    end = pd.Timestamp(end_ts)
    arrived = batches["arrived"].to_numpy("datetime64[s]")
    fresh = ((batches["unit"] == FLOWER_UNIT).to_numpy() & (batches["on_hand"] > 0).to_numpy()
             & np.isin(status, ("AWAITING_INTAKE", "LIVE")) & ~np.isin(np.arange(len(batches)), done["batch"])
             & (arrived >= np.datetime64(end - pd.Timedelta(days=BOOKED_WITHIN_DAYS), "s")))
    booked = np.flatnonzero(fresh & (rng.random(len(batches)) < PHOTO_SHARE))
    day = hours.working_day_offset([end] * len(booked), rng.integers(*PHOTO_DAYS, len(booked)))
    ahead = pd.DataFrame({"batch": booked, "start": (day.to_numpy() + business_times(rng, len(booked))),
                          "took_place": False, "change": -1})
    return pd.concat([done, ahead], ignore_index=True).astype({"start": "datetime64[s]"})
