"""Each whale's current live-catalog draft: batches on the shelf now, added in the last week."""

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import commercial_of
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame


@generates("client_draft_interests")
def generate(ctx, parents):
    d = commercial_of(ctx).drafts
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], d["client_id"]),
        "batch_id": real_ids(parents["batches"], d["batch"]),
        "added_at": d["added_at"],
    })
