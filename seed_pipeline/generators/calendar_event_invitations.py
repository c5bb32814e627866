"""The invitations behind each meeting's participants, and the client's own invitation to meetings
with a client (TERP's CLIENT invitee). Sent minutes after the event was created, answered as the
participant answered (automatic acceptances as AUTO_ACCEPTED), CANCELLED when the meeting was called
off, expiring when the meeting starts."""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.calendar import event_start
from seed_pipeline.business.activity.team import auto_accepts, team
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame

SEND_MINUTES = (1, 30)
STATUS_OF_ANSWER = {"ACCEPTED": "ACCEPTED", "DECLINED": "DECLINED", "TENTATIVE": "PENDING", "PENDING": "PENDING"}


@generates("calendar_event_invitations")
def generate(ctx, parents):
    e, p, clients, rng = parents["calendar_events"], parents["calendar_event_participants"], parents["clients"], ctx.rng
    crew = team(parents["users"])
    ev = e.set_index("id")
    p = p[p["role"] != "ORGANIZER"]
    meets = e[(e["event_type"] == "MEETING") & (e["module"] == "CLIENTS") & e["client_id"].notna()]
    client = clients.set_index("id").reindex(meets["client_id"].astype("int64"))
    rows = pd.concat([
        pd.DataFrame({"event": p["event_id"].to_numpy(), "type": "USER", "user": p["user_id"].to_numpy(), "client": None,
                      "email": None, "name": None, "role": p["role"].to_numpy(), "answer": p["response_status"].to_numpy(),
                      "answered": p["responded_at"].to_numpy(), "participant": p["id"].to_numpy()}),
        pd.DataFrame({"event": meets["id"].to_numpy(), "type": "CLIENT", "user": None, "client": meets["client_id"].to_numpy(),
                      "email": client["email"].to_numpy(), "name": client["name"].to_numpy(), "role": "REQUIRED",
                      "answer": "ACCEPTED", "answered": pd.NaT, "participant": None}),
    ], ignore_index=True)
    event = ev.reindex(rows["event"])
    start = event_start(event["start_date"], event["start_time"]).to_numpy()
    latest = np.minimum(start, np.datetime64(ctx.window.end_ts))
    joined = pd.to_datetime(parents["users"].set_index("id")["createdAt"]).reindex(rows["user"].fillna(0)).to_numpy()
    created = pd.to_datetime(event["created_at"]).to_numpy()
    created = np.where(pd.isna(joined), created, np.maximum(created, joined))
    sent = np.minimum(created + (rng.integers(*SEND_MINUTES, len(rows)) * 60).astype("timedelta64[s]"), latest)
    client_reply = sent + ((latest - sent) * rng.uniform(0.1, 0.8, len(rows))).astype("timedelta64[s]")
    is_user = (rows["type"] == "USER").to_numpy()
    auto = is_user & auto_accepts(crew, rows["user"].fillna(0).to_numpy(np.int64), event["created_by"].to_numpy(),
                                  event["module"].to_numpy(), event["event_type"].to_numpy())
    answered = pd.Series(np.where(is_user, pd.to_datetime(rows["answered"]).to_numpy(), client_reply))
    sent = np.where(answered.notna() & (answered.to_numpy() < sent), answered.to_numpy(), sent)  # sent before anyone answered
    answered = answered.where(~pd.Series(auto), pd.Series(sent))
    status = np.where(auto, "AUTO_ACCEPTED", [STATUS_OF_ANSWER[a] for a in rows["answer"]])
    status = np.where(~is_user & (client_reply > np.datetime64(ctx.window.end_ts)), "PENDING", status)
    cancelled = (event["status"] == "CANCELLED").to_numpy()
    status = np.where(cancelled, "CANCELLED", status)
    answered = answered.where(np.isin(status, ["ACCEPTED", "DECLINED", "AUTO_ACCEPTED"]))
    title = event["title"].to_numpy()
    return table_frame(ctx, {
        "event_id": rows["event"], "invitee_type": rows["type"], "user_id": pd.array(rows["user"], dtype="Int64"),
        "client_id": pd.array(rows["client"], dtype="Int64"), "external_email": rows["email"], "external_name": rows["name"],
        "role": rows["role"], "message": [f"You are invited to '{t}'." for t in title], "status": status,
        "auto_accept": auto, "auto_accept_reason": np.where(auto, "Invitation settings", None),
        "overridden_at": [None] * len(rows),  # no admin overrode an answer (TERP stamps it only then)
        "sent_at": sent, "responded_at": answered, "expires_at": start,
        "created_by": event["created_by"].to_numpy(), "created_at": created,
        "updated_at": answered.fillna(pd.Series(sent)).to_numpy(),
        "participant_id": pd.array(rows["participant"], dtype="Int64"),
    })
