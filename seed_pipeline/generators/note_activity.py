"""Each note's activity as TERP's notes log it: CREATED (TEMPLATE_APPLIED for notes made from a
template), SHARED with whom, PINNED, and UPDATED when it was edited later, by its author."""

import pandas as pd

from seed_pipeline.contract.activity import NOTE_ACTIVITY
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


def _step(n, kind, at, meta, order) -> pd.DataFrame:
    return pd.DataFrame({"note": n["id"].to_numpy(), "user": n["userId"].to_numpy(), "type": kind,
                         "at": pd.to_datetime(at).to_numpy(), "meta": list(meta), "order": order})


@generates("note_activity")
def generate(ctx, parents):
    n = parents["freeform_notes"]
    shared = n[[isinstance(s, list) and len(s) > 0 for s in n["sharedWith"]]]
    templated = n[n["templateType"].notna()]
    pinned = n[n["isPinned"].astype(bool)]
    edited = n[pd.to_datetime(n["updatedAt"]) > pd.to_datetime(n["createdAt"])]
    a = pd.concat([
        _step(n, "CREATED", n["createdAt"], ({"title": t} for t in n["title"]), 0),
        _step(templated, "TEMPLATE_APPLIED", templated["createdAt"], ({"title": t} for t in templated["title"]), 1),
        _step(shared, "SHARED", shared["createdAt"], ({"sharedWith": s} for s in shared["sharedWith"]), 2),
        _step(pinned, "PINNED", pinned["createdAt"], [None] * len(pinned), 3),
        _step(edited, "UPDATED", edited["updatedAt"], [None] * len(edited), 4),
    ], ignore_index=True).sort_values(["note", "order"], kind="stable")
    return table_frame(ctx, {
        "noteId": a["note"], "userId": a["user"], "activityType": a["type"], "metadata": NOTE_ACTIVITY.values(a["meta"]),
        "createdAt": a["at"],
    })
