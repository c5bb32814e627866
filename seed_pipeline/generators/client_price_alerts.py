"""Price alerts of the whales on real batches: triggered when they bought at or under target, waiting, or lapsed."""

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import commercial_of
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame


@generates("client_price_alerts")
def generate(ctx, parents):
    a = commercial_of(ctx).price_alerts
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], a["client_id"]),
        "batch_id": real_ids(parents["batches"], a["batch"]),
        "target_price": a["target"],
        "active": a["active"],
        "triggered_at": a["triggered_at"],
        "created_at": a["created_at"],
        "expires_at": a["expires_at"],
    })
