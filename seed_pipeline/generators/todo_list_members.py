"""The members of each list (``activity.todo.lists``): its owner, and the team of a shared list as
editors, added by the owner when the list was made. TERP shows a person every list they own or
belong to (todoListsDb.getUserLists)."""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.team import team
from seed_pipeline.business.activity.todo import lists
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("todo_list_members")
def generate(ctx, parents):
    made, l = lists(team(parents["users"])), parents["todo_lists"]
    row = np.repeat(np.arange(len(made)), [len(m) for m in made["members"]])
    members = [m for ms in made["members"] for m in ms]
    user = [u for u, _ in members]
    joined = pd.to_datetime(parents["users"].set_index("id")["createdAt"]).reindex(user).to_numpy()
    return table_frame(ctx, {
        "list_id": l["id"].to_numpy()[row], "user_id": user, "role": [r for _, r in members],
        "added_at": np.maximum(pd.to_datetime(l["created_at"]).to_numpy()[row], joined), "added_by": l["owner_id"].to_numpy()[row],
    })
