"""Each tag in the group of its kind, added when the group was set up."""

import pandas as pd

from seed_pipeline.business.catalogue.tags import GROUPS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("tagGroupMembers")
def generate(ctx, parents):
    tags, groups = parents["tags"], parents["tagGroups"]
    group_of = {g.category: g.name for g in GROUPS}
    member = tags[tags["category"].isin(group_of)]
    group = groups.set_index("name").loc[member["category"].map(group_of)]
    return table_frame(ctx, {
        "groupId": group["id"].to_numpy(),
        "tagId": member["id"].to_numpy(),
        "createdAt": pd.Series(group["createdAt"].to_numpy()),
    })
