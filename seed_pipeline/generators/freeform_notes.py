"""The team's notes (``activity.notes``): an account note per buying client by its rep, a working
note per person for their job, and the admin's minutes of each weekly team meeting held. Content is
Tiptap JSON (TERP's notes editor). Notes are edited later and last opened in the final days."""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.notes import JOB_NOTES, account_notes, doc
from seed_pipeline.business.activity.calendar import SERIES
from seed_pipeline.business.activity.team import first_of, team
from seed_pipeline.contract.activity import NOTE_CONTENT, NOTE_SHARED, NOTE_TAGS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._activity import set_up_moments
from seed_pipeline.generators._core import history
from seed_pipeline.generators._frame import table_frame

TEAM_MEETING = SERIES[0]


def _job_notes(ctx, users, crew) -> pd.DataFrame:
    at = set_up_moments(ctx, users, np.arange(len(crew)))
    month = f"{pd.Timestamp(ctx.window.end):%B}"
    notes = [JOB_NOTES[j] for j in crew["job"]]
    return pd.DataFrame({"author": crew["id"], "opened": at, "title": [t.format(month=month) for t, _ in notes],
                         "text": [[p.format(month=month) for p in ps] for _, ps in notes], "tags": [["work"]] * len(crew),
                         "shared": [[]] * len(crew), "pinned": True, "template": "checklist"})


def _minutes(ctx, crew) -> pd.DataFrame:
    start = pd.Timestamp(ctx.window.start)
    mondays = pd.date_range(start + pd.Timedelta(days=(TEAM_MEETING.weekday - start.day_of_week) % 7), ctx.window.end, freq="7D")
    held = mondays + pd.Timedelta(hours=TEAM_MEETING.hour + 1)
    admin = first_of(crew, ("Super Admin",))
    everyone = [int(u) for u in crew["id"] if u != admin]
    return pd.DataFrame({"author": admin, "opened": held[held <= ctx.window.end_ts],
                         "title": [f"Team meeting {d:%Y-%m-%d}" for d in held[held <= ctx.window.end_ts]],
                         "text": [["Sales pipeline and the week's deliveries.", "Intake schedule and open collections."]]
                         * int((held <= ctx.window.end_ts).sum()),
                         "tags": [["meeting"]] * int((held <= ctx.window.end_ts).sum()),
                         "shared": [everyone] * int((held <= ctx.window.end_ts).sum()), "pinned": False, "template": "meeting"})


@generates("freeform_notes")
def generate(ctx, parents):
    users, rng, end = parents["users"], ctx.rng, ctx.window.end_ts
    crew = team(users)
    accounts = account_notes(history(ctx), crew).assign(template="client_account")
    joined = users.set_index("id")["createdAt"]
    accounts["opened"] = np.maximum(accounts["opened"], joined.reindex(accounts["author"]).to_numpy())
    n = pd.concat([accounts.drop(columns="client"), _job_notes(ctx, users, crew), _minutes(ctx, crew)], ignore_index=True)
    n["opened"] = pd.to_datetime(n["opened"]).clip(upper=end)
    edited = n["opened"] + (end - n["opened"]) * rng.uniform(0, 0.5, len(n))
    viewed = pd.Series(end - pd.to_timedelta(rng.integers(0, 5 * 86400, len(n)), unit="s")).clip(lower=edited)
    return table_frame(ctx, {
        "userId": n["author"], "title": n["title"], "content": NOTE_CONTENT.values(doc(t) for t in n["text"]),
        "templateType": n["template"], "tags": NOTE_TAGS.values(n["tags"]), "isPinned": n["pinned"].astype(bool),
        "isArchived": np.zeros(len(n), bool), "sharedWith": NOTE_SHARED.values(n["shared"]),
        "createdAt": n["opened"].dt.floor("s"), "updatedAt": edited.dt.floor("s"), "lastViewedAt": viewed.dt.floor("s"),
    })
