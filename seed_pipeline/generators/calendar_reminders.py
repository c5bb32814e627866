"""One or two reminders per event, for whoever it is assigned to (else its creator).

Each fires a lead time before its event (``activity.REMINDER_LEADS`` by event type) and only a
lead that falls after the event was created is used, so an event logged as it happens (an intake)
has none; an upcoming event's reminders are those still to come where it has any. Reminders whose time has come were SENT (a few e-mails FAILED); those still ahead are
PENDING; those of a cancelled event due after it was called off are CANCELLED.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.calendar import REMINDER_LEADS, event_start, reminder_fits, reminder_time
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame

SECOND_SHARE = 0.4  # of events with a second reminder
METHODS = {"IN_APP": 0.6, "BOTH": 0.25, "EMAIL": 0.15}
FAILED_SHARE = 0.03  # of e-mail reminders that bounced
FAILURE = "SMTP 550: mailbox unavailable"


@generates("calendar_reminders")
def generate(ctx, parents):
    e, rng, end = parents["calendar_events"], ctx.rng, ctx.window.end_ts
    start = event_start(e["start_date"], e["start_time"])
    leads = [REMINDER_LEADS.get(t, (60,)) for t in e["event_type"]]
    row = np.repeat(np.arange(len(e)), [len(x) for x in leads])
    c = pd.DataFrame({"row": row, "lead": np.concatenate(leads).astype(np.int64), "draw": rng.random(len(row))})
    c = c[reminder_fits(start.to_numpy()[c["row"]], e["created_at"].to_numpy()[c["row"]], c["lead"])]
    wanted = 1 + (rng.random(len(e)) < SECOND_SHARE)
    # an upcoming event keeps a reminder still to come: its leads that fire after the end are taken first
    c["gone"] = (reminder_time(start.to_numpy()[c["row"]], c["lead"]) <= end).to_numpy()
    c = c.sort_values(["row", "gone", "draw"], kind="stable")
    c = c[c.groupby("row").cumcount().to_numpy() < wanted[c["row"]]]
    c = c.sort_values(["row", "lead"], ascending=[True, False], kind="stable").reset_index(drop=True)
    r, n = c["row"].to_numpy(), len(c)

    fires = reminder_time(start.to_numpy()[r], c["lead"])
    method = rng.choice(list(METHODS), n, p=list(METHODS.values()))
    called_off = (e["status"].to_numpy()[r] == "CANCELLED") & (fires.to_numpy() > e["updated_at"].to_numpy()[r])
    due = (fires <= end).to_numpy()
    failed = due & ~called_off & (method == "EMAIL") & (rng.random(n) < FAILED_SHARE)
    status = np.select([called_off, failed, due], ["CANCELLED", "FAILED", "SENT"], "PENDING")
    user = e["assigned_to"].fillna(e["created_by"]).to_numpy(np.int64)[r]
    return table_frame(ctx, {
        "event_id": e["id"].to_numpy()[r],
        "user_id": user,
        "reminder_time": fires,
        "relative_minutes": c["lead"],
        "method": method,
        "status": status,
        "sent_at": fires.where(status == "SENT"),
        "failure_reason": np.where(failed, FAILURE, None),
        "created_at": e["created_at"].to_numpy()[r],
    })
