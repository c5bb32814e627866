"""The people of each meeting (``activity.attendance``), added when the event was created.

The organiser has accepted; the others accepted automatically where their invitation settings say
so (``activity.team.auto_accepts``), else answered between the invitation and the meeting: most
accept, some are tentative or decline, some never answer (shares dealt by quota).
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.attendance import attendance
from seed_pipeline.business.activity.calendar import event_start
from seed_pipeline.business.activity.quota import by_quota
from seed_pipeline.business.activity.team import auto_accepts, team
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame

ANSWERS = {"ACCEPTED": 0.6, "TENTATIVE": 0.1, "DECLINED": 0.15, "PENDING": 0.15}  # of invitations not accepted automatically


@generates("calendar_event_participants")
def generate(ctx, parents):
    e, rng, end = parents["calendar_events"], ctx.rng, ctx.window.end_ts
    crew = team(parents["users"])
    a = attendance(e, crew)
    r = a["row"].to_numpy()
    joined = pd.to_datetime(parents["users"].set_index("id")["createdAt"]).reindex(a["user"]).to_numpy()
    start = event_start(e["start_date"], e["start_time"]).to_numpy()[r]
    added = np.maximum(pd.to_datetime(e["created_at"]).to_numpy()[r], joined)  # nobody is added before their account exists
    organiser = (a["role"] == "ORGANIZER").to_numpy()
    auto = organiser | auto_accepts(crew, a["user"].to_numpy(), e["created_by"].to_numpy()[r], e["module"].to_numpy()[r],
                                    e["event_type"].to_numpy()[r])
    status = np.full(len(a), "ACCEPTED", dtype=object)
    asked = ~auto & (e["status"].to_numpy()[r] != "CANCELLED")  # answers to meetings that were called off do not count
    status[asked] = by_quota(rng, int(asked.sum()), ANSWERS)
    latest = np.minimum(start, np.datetime64(end))
    answered = added + ((latest - added) * rng.uniform(0.05, 0.9, len(a))).astype("timedelta64[s]")
    return table_frame(ctx, {
        "event_id": e["id"].to_numpy()[r], "user_id": a["user"], "role": a["role"], "response_status": status,
        "responded_at": pd.Series(np.where(auto, added, answered)).where(status != "PENDING"),
        "notify_on_creation": np.ones(len(a), bool), "notify_on_update": ~organiser,
        "added_by": e["created_by"].to_numpy()[r], "added_at": added,
    })
