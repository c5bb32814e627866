"""One match per need: to the batch that became the order, a batch on the shelf, an offer, or an earlier order."""

import pandas as pd

from seed_pipeline.contract.commercial import MATCH_REASONS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import account_rep, commercial_of, optional_ids
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame


@generates("match_records")
def generate(ctx, parents):
    m = commercial_of(ctx).matches
    acted = m["actioned_at"].notna()
    rep = pd.Series(account_rep(parents["users"], m["client_id"]), dtype="Int64")
    return table_frame(ctx, {
        "client_need_id": real_ids(parents["client_needs"], m["need_id"]),
        "client_id": real_ids(parents["clients"], m["client_id"]),
        "inventory_batch_id": optional_ids(parents["batches"], m["batch"]),
        "vendor_supply_id": optional_ids(parents["vendor_supply"], m["offer_id"]),
        "historical_order_id": optional_ids(parents["orders"], m["historical_order_id"]),
        "match_type": m["match_type"],
        "confidence_score": m["confidence"],
        "match_reasons": MATCH_REASONS.values(m["reasons"]),
        "user_action": m["user_action"],
        "actioned_at": m["actioned_at"],
        "actioned_by": rep.where(acted.to_numpy()),
        "resulted_in_sale": m["sale_order_id"].notna(),
        "sale_order_id": optional_ids(parents["orders"], m["sale_order_id"]),
        "created_at": m["created_at"],
    })
