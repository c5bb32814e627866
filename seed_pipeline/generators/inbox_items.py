"""Each person's inbox, as TERP fills it: a ``mention`` when a colleague mentions them in a comment
(source: the comment; reference: what it is about), a ``task_assignment`` when someone else gives
them a task, and a ``task_update`` to the creator when such a task is done. Items arrive when their
source happens; by the end date most were opened, and those of finished work marked completed."""

import re

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.calendar import moments_between
from seed_pipeline.business.activity.quota import by_quota
from seed_pipeline.business.activity.team import MENTION, mentions
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame

STATES = {"unread": 0.15, "seen": 0.25, "completed": 0.6}
ARCHIVE_AFTER = pd.Timedelta(days=14)  # completed items older than this were archived


def _items(user, source_type, source, ref_type, ref, title, description, at) -> pd.DataFrame:
    return pd.DataFrame({"user": np.asarray(user, dtype=np.int64), "source_type": source_type, "source": np.asarray(source),
                         "ref_type": np.asarray(ref_type, dtype=object), "ref": np.asarray(ref), "title": list(title),
                         "description": list(description), "at": pd.to_datetime(pd.Series(at)).to_numpy()})


@generates("inbox_items")
def generate(ctx, parents):
    c, t, users, rng, end = parents["comments"].reset_index(drop=True), parents["todo_tasks"], parents["users"], ctx.rng, ctx.window.end_ts
    name = users.set_index("id")["name"]
    m = mentions(c)
    r = m["row"].to_numpy()
    author = c["user_id"].to_numpy()[r]
    m, r, author = m[m["user"].to_numpy() != author], r[m["user"].to_numpy() != author], author[m["user"].to_numpy() != author]
    given = t[t["assigned_to"].to_numpy() != t["created_by"].to_numpy()]
    finished = given[given["status"] == "done"]
    i = pd.concat([
        _items(m["user"], "mention", c["id"].to_numpy()[r], c["commentable_type"].to_numpy()[r], c["commentable_id"].to_numpy()[r],
               [f"{name[a]} mentioned you in a comment" for a in author],
               [re.sub(MENTION, r"@\1", x) for x in c["content"].to_numpy()[r]], c["created_at"].to_numpy()[r]),
        _items(given["assigned_to"], "task_assignment", given["id"], "task", given["id"],
               [f"New task assigned: {x}" for x in given["title"]], given["description"], given["created_at"]),
        _items(finished["created_by"], "task_update", finished["id"], "task", finished["id"],
               [f"Task completed: {x}" for x in finished["title"]], [f"Done by {name[u]}." for u in finished["assigned_to"]],
               finished["completed_at"]),
    ], ignore_index=True).sort_values("at", kind="stable").reset_index(drop=True)
    status = by_quota(rng, len(i), STATES)
    seen = moments_between(rng, i["at"], (i["at"] + (end - i["at"]) / 2))
    completed = moments_between(rng, seen, pd.Series([end] * len(i)))
    is_seen, is_done = np.isin(status, ["seen", "completed"]), status == "completed"
    return table_frame(ctx, {
        "user_id": i["user"], "source_type": i["source_type"], "source_id": i["source"], "reference_type": i["ref_type"],
        "reference_id": i["ref"], "title": i["title"], "description": i["description"], "status": status,
        "seen_at": seen.dt.floor("s").where(is_seen), "completed_at": completed.dt.floor("s").where(is_done),
        "is_archived": is_done & (completed < end - ARCHIVE_AFTER).to_numpy(), "created_at": i["at"],
        "updated_at": completed.where(is_done, seen.where(is_seen, i["at"])).dt.floor("s"),
    })
