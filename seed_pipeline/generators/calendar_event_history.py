"""Each event's history as TERP's calendar logs it: CREATED by its creator with a snapshot, then
COMPLETED or CANCELLED when that happened (by the assignee), and for a client meeting that was
confirmed the ``meeting_confirmation`` update TERP's confirmMeeting writes."""

import numpy as np
import pandas as pd

from seed_pipeline.contract.activity import SNAPSHOT
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame

CALLED_OFF = {"CLIENTS": "Called off by the client", "ACCOUNTING": "Client paid before the call"}


def _or_none(value):
    return None if pd.isna(value) else value


def _snapshots(e: pd.DataFrame, status) -> list[dict]:
    return [{"title": t, "startDate": sd, "startTime": _or_none(st), "endDate": ed, "endTime": _or_none(et), "status": s,
             "assignedTo": None if pd.isna(a) else int(a), "location": _or_none(loc)}
            for t, sd, st, ed, et, s, a, loc in zip(e["title"], pd.to_datetime(e["start_date"]).dt.date, e["start_time"],
                                                    pd.to_datetime(e["end_date"]).dt.date, e["end_time"], status,
                                                    e["assigned_to"], e["location"])]


@generates("calendar_event_history")
def generate(ctx, parents):
    e = parents["calendar_events"]
    doer = e["assigned_to"].fillna(e["created_by"]).to_numpy(np.int64)
    closed = e["status"].isin(["COMPLETED", "CANCELLED"]).to_numpy()
    confirmed = closed & ((e["event_type"] == "MEETING") & (e["module"] == "CLIENTS")).to_numpy()
    created = pd.DataFrame({"event": e["id"], "type": "CREATED", "by": e["created_by"], "at": e["created_at"], "field": None,
                            "old": None, "new": None, "snap": _snapshots(e, ["SCHEDULED"] * len(e)), "order": 0, "reason": None})
    ends = e[closed]
    status = pd.DataFrame({"event": ends["id"], "type": ends["status"], "by": doer[closed], "at": ends["updated_at"],
                           "field": "status", "old": "SCHEDULED", "new": ends["status"],
                           "snap": _snapshots(ends, ends["status"]), "order": 1,
                           "reason": np.where(ends["status"] == "CANCELLED",
                                              [CALLED_OFF.get(m, "Rescheduled, not needed this time") for m in ends["module"]], None)})
    meets = e[confirmed]
    outcome = np.where(meets["status"] == "COMPLETED", "completed", "cancelled")
    confirm = pd.DataFrame({"event": meets["id"], "type": "UPDATED", "by": doer[confirmed], "at": meets["updated_at"],
                            "field": "meeting_confirmation", "old": None, "new": [f"Meeting confirmed: {o}" for o in outcome],
                            "snap": None, "order": 2, "reason": None})
    h = pd.concat([created, status, confirm], ignore_index=True).sort_values(["event", "order"], kind="stable")
    return table_frame(ctx, {
        "event_id": h["event"], "change_type": h["type"], "changed_by": h["by"], "changed_at": pd.to_datetime(h["at"]),
        "field_changed": h["field"], "previous_value": h["old"], "new_value": h["new"],
        "change_reason": h["reason"].where(h["reason"].notna(), None), "full_snapshot": SNAPSHOT.values(h["snap"]),
    })
