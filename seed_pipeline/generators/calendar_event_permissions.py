"""Explicit grants where visibility alone would hide an event from its people: TERP's permission
service lets everyone VIEW a COMPANY event, the creator and assignee edit theirs, and anyone else
only through a USER grant. So every participant of a TEAM or PRIVATE event who neither created nor
is assigned to it gets VIEW, and the people joining an audit or a close sign-off EDIT (they add the
findings)."""

import numpy as np
import pandas as pd

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.business.activity.attendance import attendance
from seed_pipeline.business.activity.team import team

EDITED_TOGETHER = ("AUDIT", "DEADLINE")


@generates("calendar_event_permissions")
def generate(ctx, parents):
    e = parents["calendar_events"]
    a = attendance(e, team(parents["users"]))
    r = a["row"].to_numpy()
    own = (a["user"].to_numpy() == e["created_by"].to_numpy()[r]) | (a["user"].to_numpy() == e["assigned_to"].fillna(0).to_numpy(np.int64)[r])
    hidden = e["visibility"].isin(["TEAM", "PRIVATE"]).to_numpy()[r]
    edits = e["event_type"].isin(EDITED_TOGETHER).to_numpy()[r]
    g = a[~own & (hidden | edits)]
    r = g["row"].to_numpy()
    return table_frame(ctx, {
        "event_id": e["id"].to_numpy()[r], "grant_type": ["USER"] * len(g), "grantee_id": g["user"],
        "permission": np.where(e["event_type"].isin(EDITED_TOGETHER).to_numpy()[r], "EDIT", "VIEW"),
        "granted_by": e["created_by"].to_numpy()[r],
        "granted_at": np.maximum(pd.to_datetime(e["created_at"]).to_numpy()[r],
                                 pd.to_datetime(parents["users"].set_index("id")["createdAt"]).reindex(g["user"]).to_numpy()),
    })
