"""The credit engine's one settings row: the app's default weights, saved by the first admin at setup."""

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("credit_system_settings")
def generate(ctx, parents):
    users = parents["users"]
    return table_frame(ctx, {"updated_by": [users.loc[users["role"] == "admin", "id"].iloc[0]]})
