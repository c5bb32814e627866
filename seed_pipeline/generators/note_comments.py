"""Comments on shared notes: the sales manager on half of the account notes shared with them, a
colleague on a third of the team meeting minutes; the note's author answers half of them (a reply,
and the comment marked resolved). Written after the note, before the end date."""

import numpy as np
import pandas as pd

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame

ACCOUNT_SHARE, MINUTES_SHARE, REPLY_SHARE = 0.5, 0.33, 0.5


def _shared(value) -> list:
    return value if isinstance(value, list) else []


@generates("note_comments")
def generate(ctx, parents):
    n, rng, end = parents["freeform_notes"].reset_index(drop=True), ctx.rng, ctx.window.end_ts
    shared = [_shared(s) for s in n["sharedWith"]]
    account = (n["templateType"] == "client_account").to_numpy() & np.array([len(s) > 0 for s in shared])
    minutes = (n["templateType"] == "meeting").to_numpy() & np.array([len(s) > 0 for s in shared])
    pick = np.flatnonzero((account & (rng.random(len(n)) < ACCOUNT_SHARE)) | (minutes & (rng.random(len(n)) < MINUTES_SHARE)))
    who = np.array([shared[k][int(rng.integers(len(shared[k])))] for k in pick], dtype=np.int64)
    subject = [t.split(": ", 1)[-1] for t in n["title"].to_numpy()[pick]]
    text = [f"Put {s} on the next sales huddle agenda." if a else "Added the intake times to the dock checklist."
            for s, a in zip(subject, account[pick])]
    opened = pd.to_datetime(n["createdAt"]).to_numpy()[pick]
    at = pd.Series(opened + ((np.datetime64(end) - opened) * rng.uniform(0.05, 0.6, len(pick))).astype("timedelta64[s]"))
    replied = rng.random(len(pick)) < REPLY_SHARE
    reply_at = at + (end - at) * rng.uniform(0.1, 0.9, len(pick))
    first = pd.DataFrame({"note": n["id"].to_numpy()[pick], "user": who, "content": text, "parent": None,
                          "resolved": replied, "at": at, "updated": reply_at.where(replied, at)})
    first["local"] = np.arange(1, len(first) + 1)
    answers = first[replied]
    second = pd.DataFrame({"note": answers["note"], "user": n["userId"].to_numpy()[pick][replied], "content": "Done.",
                           "parent": answers["local"], "resolved": False, "at": reply_at[replied], "updated": reply_at[replied]})
    c = pd.concat([first.drop(columns="local"), second], ignore_index=True)
    return table_frame(ctx, {
        "noteId": c["note"], "userId": c["user"], "content": c["content"], "parentCommentId": pd.array(c["parent"], dtype="Int64"),
        "isResolved": c["resolved"].astype(bool), "createdAt": pd.to_datetime(c["at"]).dt.floor("s"),
        "updatedAt": pd.to_datetime(c["updated"]).dt.floor("s"),
    })
