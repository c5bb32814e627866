"""Inventory views saved by the people whose job is on the inventory screen, named after their filters
(``business/catalogue/views.py``); managers share theirs with the team."""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalogue.views import views_of
from seed_pipeline.contract.catalogue import INVENTORY_FILTERS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import jobs_of

SAVED_WITHIN_DAYS = 60  # of the person joining, or of the go-live


@generates("inventoryViews")
def generate(ctx, parents):
    h, rng, users = history(ctx), ctx.rng, parents["users"]
    vendors, brands = list(h.vendors["name"]), list(h.brands["name"])
    rows = [(uid, joined, *v) for uid, joined, job in zip(users["id"], users["createdAt"], jobs_of(users))
            for v in views_of(job, vendors, brands, rng)]
    by, joined, name, filters, shared = (list(x) for x in zip(*rows))
    start = np.maximum(pd.to_datetime(pd.Series(joined)).to_numpy(), np.datetime64(ctx.window.start_ts))
    saved = pd.Series(start + rng.integers(3600, SAVED_WITHIN_DAYS * 86400, len(rows)).astype("timedelta64[s]"))
    saved = saved.clip(upper=ctx.window.end_ts)
    return table_frame(ctx, {
        "name": name,
        "filters": INVENTORY_FILTERS.values(filters),
        "createdBy": by,
        "isShared": np.asarray(shared, dtype=int),
        "createdAt": saved,
        "updatedAt": saved,
    })
