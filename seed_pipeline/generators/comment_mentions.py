"""The mentions in each comment, as TERP records them when the comment is saved: every
``@[name](id)`` in its content (``activity.team.MENTION``), by the comment's author, at its time."""

from seed_pipeline.business.activity.team import mentions
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("comment_mentions")
def generate(ctx, parents):
    c = parents["comments"].reset_index(drop=True)
    m = mentions(c)
    r = m["row"].to_numpy()
    return table_frame(ctx, {
        "comment_id": c["id"].to_numpy()[r], "mentioned_user_id": m["user"], "mentioned_by_user_id": c["user_id"].to_numpy()[r],
        "created_at": c["created_at"].to_numpy()[r],
    })
