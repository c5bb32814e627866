"""The tasks the business history gives rise to (``activity.todo.task_sources``), each on its list,
living the life of ``activity.tasks.lifecycle``: done by the end date (completed by the assignee),
started and not finished, or not touched yet, as its due date allows."""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.tasks import lifecycle
from seed_pipeline.business.activity.team import team
from seed_pipeline.business.activity.todo import lists, task_sources
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history
from seed_pipeline.generators._frame import table_frame


@generates("todo_tasks")
def generate(ctx, parents):
    users, l, end = parents["users"], parents["todo_lists"], ctx.window.end_ts
    crew = team(users)
    made = lists(crew)
    t = task_sources(history(ctx), crew, ctx.window)
    own = dict(zip(made.loc[made["key"] == "own", "owner"], l["id"].to_numpy()[(made["key"] == "own").to_numpy()]))
    shared = dict(zip(made.loc[made["key"] != "own", "key"], l["id"].to_numpy()[(made["key"] != "own").to_numpy()]))
    list_id = np.where(t["key"] == "own", t["creator"].map(own), t["key"].map(shared)).astype(np.int64)
    joined = users.set_index("id")["createdAt"]
    opened = pd.Series(pd.to_datetime(l.set_index("id")["created_at"]).reindex(list_id).to_numpy())
    created = pd.concat([t["created"], t["creator"].map(joined), t["assignee"].map(joined), opened], axis=1).max(axis=1)
    life = lifecycle(ctx.rng, created, t["due"], end)
    done = (life["status"] == "done").to_numpy()
    position = pd.Series(list_id).groupby(list_id).cumcount().to_numpy()
    return table_frame(ctx, {
        "list_id": list_id, "title": t["title"], "description": t["description"], "status": life["status"],
        "priority": t["priority"], "due_date": t["due"], "assigned_to": t["assignee"], "created_by": t["creator"],
        "position": position, "is_completed": done, "completed_at": life["completed"],
        "completed_by": pd.array(np.where(done, t["assignee"], None), dtype="Int64"), "created_at": created.dt.floor("s"),
        "updated_at": life["completed"].fillna(life["started"]).fillna(created).dt.floor("s"),
    })
