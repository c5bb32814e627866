"""The record of each client meeting that was confirmed (TERP's confirmMeeting): when the event was
closed (its last update: after it took place, or when it was called off), the outcome its status
says (COMPLETED: completed; CANCELLED: cancelled), the rep and the client's people as attendees,
notes and action items written from the client. Meetings nobody confirmed yet have no record."""

import numpy as np
import pandas as pd

from seed_pipeline.contract.activity import ACTION_ITEMS, ATTENDEES
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame

NOTES = {"review": "Reviewed {c}'s orders and open invoices for the month; agreed the next menu.",
         "sales": "Presented this month's menu to {c}'s buyers; they are preparing a large order."}
ACTIONS = {"review": ("Send {c} the updated price list", "Check {c}'s open invoices with accounting"),
           "sales": ("Hold stock for {c}'s order", "Send {c} COAs for the strains they liked")}


@generates("client_meeting_history")
def generate(ctx, parents):
    e, clients, rng = parents["calendar_events"], parents["clients"].set_index("id"), ctx.rng
    m = e[(e["event_type"] == "MEETING") & (e["module"] == "CLIENTS") & e["client_id"].notna()
          & e["status"].isin(["COMPLETED", "CANCELLED"])].reset_index(drop=True)
    name = clients["name"].reindex(m["client_id"].astype("int64")).to_numpy()
    kind = np.where(m["title"].str.startswith("Account review"), "review", "sales")
    done = (m["status"] == "COMPLETED").to_numpy()
    outcome = np.where(done, "completed", "cancelled")
    rep = m["assigned_to"].to_numpy(np.int64)
    attendees = [[{"userId": int(r), "role": "ORGANIZER", "responseStatus": "ACCEPTED"}, {"name": c, "role": "CLIENT"}]
                 for r, c in zip(rep, name)]
    finished = rng.random((len(m), 2)) < 0.7
    actions = [[{"text": t.format(c=c), "completed": bool(f[j]), "assignedTo": int(r)} for j, t in enumerate(ACTIONS[k])]
               if d else [] for c, k, d, r, f in zip(name, kind, done, rep, finished)]
    start = pd.to_datetime(m["start_date"]) + pd.to_timedelta(m["start_time"])
    return table_frame(ctx, {
        "client_id": m["client_id"], "calendar_event_id": m["id"], "meeting_date": start, "meeting_type": kind,
        "attendees": ATTENDEES.values(attendees), "outcome": outcome,
        "notes": [NOTES[k].format(c=c) if d else f"Meeting with {c} did not take place." for c, k, d in zip(name, kind, done)],
        "action_items": ACTION_ITEMS.values(actions), "created_at": m["updated_at"], "updated_at": m["updated_at"],
    })
