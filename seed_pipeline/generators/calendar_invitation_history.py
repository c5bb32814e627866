"""Each invitation's trail, all before its meeting: CREATED and SENT by the organiser, then the
answer (ACCEPTED, DECLINED, AUTO_ACCEPTED) by the invitee, or CANCELLED when the meeting was called
off (at the invitation's last update), as TERP's invitation workflow logs them."""

import numpy as np
import pandas as pd

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame

ANSWERS = ("ACCEPTED", "DECLINED", "AUTO_ACCEPTED", "CANCELLED")
NOTES = {"CREATED": "Invitation created", "SENT": "Invitation sent", "ACCEPTED": "Accepted", "DECLINED": "Declined",
         "AUTO_ACCEPTED": "Accepted automatically (invitation settings)", "CANCELLED": "Event cancelled"}


@generates("calendar_invitation_history")
def generate(ctx, parents):
    i = parents["calendar_event_invitations"]
    answered = np.isin(i["status"].to_numpy(), ANSWERS)
    by_invitee = i["user_id"].where(i["status"].isin(["ACCEPTED", "DECLINED"]))
    steps = [
        pd.DataFrame({"inv": i["id"], "action": "CREATED", "by": i["created_by"], "at": i["created_at"], "order": 0}),
        pd.DataFrame({"inv": i["id"], "action": "SENT", "by": i["created_by"], "at": i["sent_at"], "order": 1}),
        pd.DataFrame({"inv": i["id"][answered], "action": i["status"][answered], "by": by_invitee[answered].where(
            i["status"][answered] != "CANCELLED", i["created_by"][answered]),
            "at": i["responded_at"].fillna(i["updated_at"])[answered], "order": 2}),
    ]
    h = pd.concat(steps, ignore_index=True).sort_values(["inv", "order"], kind="stable").reset_index(drop=True)
    return table_frame(ctx, {
        "invitation_id": h["inv"], "action": h["action"], "performed_by": pd.array(h["by"], dtype="Int64"),
        "performed_at": pd.to_datetime(h["at"]), "notes": [NOTES[a] for a in h["action"]], "metadata": [None] * len(h),
    })
