"""Each task's story as TERP's todo activity log writes it: created by its creator, assigned (when
for someone else, logged as TERP does: ``User <id>``), moved to in progress by the assignee when
started, and completed. A task in progress was started at its last update; a done one half way to
its completion (``activity.tasks.started_before``)."""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.tasks import started_before
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


def _step(t, action, user, at, field=None, old=None, new=None, order=0) -> pd.DataFrame:
    n = len(t)
    return pd.DataFrame({"task": t["id"].to_numpy(), "action": action, "user": np.asarray(user), "at": pd.to_datetime(at).to_numpy(),
                         "field": field, "old": old, "new": np.broadcast_to(np.asarray(new, dtype=object), n), "order": order})


@generates("todo_task_activity")
def generate(ctx, parents):
    t = parents["todo_tasks"]
    delegated = t[t["assigned_to"].to_numpy() != t["created_by"].to_numpy()]
    moved = t[t["status"].isin(["in_progress", "done"])]
    started = np.where(moved["status"] == "done", started_before(moved["created_at"], moved["completed_at"]).to_numpy(),
                       pd.to_datetime(moved["updated_at"]).to_numpy())
    done = t[t["status"] == "done"]
    steps = [
        _step(t, "created", t["created_by"], t["created_at"]),
        _step(delegated, "assigned", delegated["created_by"], delegated["created_at"], "assigned_to", None,
              [f"User {u}" for u in delegated["assigned_to"]], 1),
        _step(moved, "status_changed", moved["assigned_to"], started, "status", "todo", "in_progress", 2),
        _step(done, "completed", done["completed_by"], done["completed_at"], "status", "in_progress", "done", 3),
    ]
    a = pd.concat(steps, ignore_index=True).sort_values(["task", "order"], kind="stable")
    return table_frame(ctx, {
        "task_id": a["task"], "user_id": a["user"].astype(np.int64), "action": a["action"], "field_changed": a["field"],
        "old_value": a["old"], "new_value": a["new"], "created_at": a["at"],
    })
