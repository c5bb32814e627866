"""Everyone's own list and the team lists of ``activity.todo.TEAM_LISTS``, made by their owner
minutes after getting an account (before any task goes on them)."""

import pandas as pd

from seed_pipeline.business.activity.team import team
from seed_pipeline.business.activity.todo import lists
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


LIST_MINUTES = 5


@generates("todo_lists")
def generate(ctx, parents):
    users = parents["users"]
    made = lists(team(users))
    at = pd.to_datetime(users.set_index("id")["createdAt"]).reindex(made["owner"]) + pd.Timedelta(minutes=LIST_MINUTES)
    at = at.reset_index(drop=True).clip(upper=ctx.window.end_ts)
    return table_frame(ctx, {
        "name": made["name"], "description": made["description"], "owner_id": made["owner"],
        "is_shared": made["shared"].astype(bool), "created_at": at, "updated_at": at,
    })
