"""What each batch of the core history is (strain, category, grade) and how much of it was on the shelf at a moment.

Needs, offers, sheets, lists and alerts all speak of real batches at real moments, drawn with
these helpers and ``shelf.Shelf``.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.history import CoreHistory
from seed_pipeline.business.rules import FLOWER_UNIT

STRAIN_TYPE = {"hybrid": "HYBRID", "indica": "INDICA", "sativa": "SATIVA"}  # strains.category -> needs/supply enum


def batch_goods(h: CoreHistory) -> pd.DataFrame:
    """One row per batch (index = local batch id - 1): its product, strain, category, grade and unit."""
    b = h.batches
    product = h.products.set_index("id").loc[b["productId"]]
    strain = h.strains.set_index("id").loc[product["strainId"]]
    return pd.DataFrame({
        "batch": b["id"].to_numpy(), "productId": b["productId"].to_numpy(), "lotId": b["lotId"].to_numpy(),
        "product": product["nameCanonical"].to_numpy(), "strainId": product["strainId"].to_numpy(),
        "strain": strain["name"].to_numpy(), "strain_type": strain["category"].map(STRAIN_TYPE).to_numpy(),
        "category": product["category"].to_numpy(), "subcategory": product["subcategory"].to_numpy(),
        "grade": b["grade"].where(b["grade"] != "").to_numpy(), "line": b["line"].to_numpy(),
        "whole": (b["unit"] != FLOWER_UNIT).to_numpy(), "unit": b["unit"].to_numpy(),
        "arrived": b["arrived"].to_numpy(), "unit_cost": b["unit_cost"].to_numpy(),
        "on_hand": b["on_hand"].to_numpy(), "sampled": b["sampled"].to_numpy(),
    })


def between(rng: np.random.Generator, earliest, latest) -> np.ndarray:
    """A moment uniformly between each pair (whole seconds); ``latest`` before ``earliest`` gives ``earliest``."""
    a = pd.to_datetime(pd.Series(earliest)).to_numpy().astype("datetime64[s]")
    b = pd.to_datetime(pd.Series(latest)).to_numpy().astype("datetime64[s]")
    span = np.maximum((b - a).astype(np.int64), 0)
    return a + (rng.random(len(a)) * span).astype(np.int64).astype("timedelta64[s]")


def sale_lines(h: CoreHistory) -> pd.DataFrame:
    """Every order line with its order's client and moment, and what its batch is."""
    goods = batch_goods(h)
    o = h.orders.set_index("id")
    lines = h.lines
    out = goods.iloc[lines["batch"].to_numpy()].reset_index(drop=True)
    out["batch_index"] = lines["batch"].to_numpy()
    out["order_id"] = lines["order_id"].to_numpy()
    out["client_id"] = o["client_id"].reindex(lines["order_id"]).to_numpy()
    out["ordered_at"] = o["created_at"].reindex(lines["order_id"]).to_numpy()
    out["quantity"] = lines["quantity"].to_numpy()
    out["unit_price"] = lines["unit_price"].to_numpy()
    return out


def by_quota(rng: np.random.Generator, n: int, mix: dict[str, float]) -> np.ndarray:
    """n states in the mix's shares, each present at least once when n allows, in random order."""
    counts = np.floor(np.array(list(mix.values())) * n).astype(int)
    counts = np.maximum(counts, 1 if n >= len(mix) else 0)
    while counts.sum() > n:
        counts[np.argmax(counts)] -= 1
    counts[np.argmax(list(mix.values()))] += n - counts.sum()
    return rng.permutation(np.repeat(list(mix), counts))
