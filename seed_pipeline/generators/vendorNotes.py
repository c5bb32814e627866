"""Notes on each vendor by whoever received their goods: one per lot on the day it arrived (how
many batches, on what terms), by the inventory or warehouse person who did the intake."""

import pandas as pd

from seed_pipeline.business.activity.team import in_turn, team
from seed_pipeline.business.catalog import count_of, document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame

TERMS = {"CONSIGNMENT": "on consignment"}


@generates("vendorNotes")
def generate(ctx, parents):
    h, rng, end = history(ctx), ctx.rng, ctx.window.end_ts
    crew = team(parents["users"])
    lots = h.lots[pd.to_datetime(h.lots["date"]) <= end].reset_index(drop=True)
    batches = h.batches.groupby("lotId").size().reindex(lots["id"]).fillna(0).astype(int).to_numpy()
    vendor = h.vendors.set_index("id")["name"].reindex(lots["vendorId"]).to_numpy()
    terms = [TERMS.get(t, f"on {t.replace('_', ' ')} terms") for t in lots["paymentTerms"]]
    at = (pd.to_datetime(lots["date"]) + pd.to_timedelta(rng.integers(30, 180, len(lots)), unit="m")).clip(upper=end)
    return table_frame(ctx, {
        "vendorId": real_ids(parents["vendors"], lots["vendorId"]),
        "userId": in_turn(crew, ("Inventory Manager", "Warehouse Staff"), len(lots)),
        "note": [f"{document_number('lot', i)} received from {v}: {count_of(b, 'batch')}, {t}; manifest matched."
                 for i, v, b, t in zip(lots["id"], vendor, batches, terms)],
        "createdAt": at.dt.floor("s"), "updatedAt": at.dt.floor("s"),
    })
