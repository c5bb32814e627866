"""What clients asked for: needs that became orders, lapsed, were cancelled over price, or are still open.

Orders that began as a need point back at it (``orders.client_need_id``, a deferred reference).
"""

import numpy as np
import pandas as pd

from seed_pipeline.generation.fill import fills
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import account_rep, commercial_of
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame

NOTE = {"FULFILLED": "Quoted from a match", "EXPIRED": "Nothing came in before it lapsed",
        "CANCELLED": "Client would not go above budget", "ACTIVE": "Watching intake and vendor offers"}


@generates("client_needs")
def generate(ctx, parents):
    c = commercial_of(ctx)
    n, m = c.needs, c.matches
    clients = parents["clients"]
    name = clients["name"].to_numpy()[n["client_id"] - 1]
    decided = m.set_index("need_id")["actioned_at"].reindex(n["id"]).to_numpy()
    updated = np.where(n["status"] == "FULFILLED", n["fulfilled_at"],
                       np.where(n["status"] == "EXPIRED", n["expires_at"],
                                np.where(n["status"] == "CANCELLED", decided, n["created_at"])))
    unit = np.where(n["unit"] == "LB", "lb", n["unit"].str.lower())
    return table_frame(ctx, {
        "client_id": real_ids(clients, n["client_id"]),
        "strain": n["strain"], "product_name": n["product"],
        "strainId": real_ids(parents["strains"], n["strainId"]),
        "strain_type": n["strain_type"], "category": n["category"], "subcategory": n["subcategory"], "grade": n["grade"],
        "quantity_min": n["quantity_min"], "quantity_max": n["quantity_max"], "price_max": n["price_max"],
        "status": n["status"], "priority": n["priority"], "needed_by": n["needed_by"], "expires_at": n["expires_at"],
        "fulfilled_at": n["fulfilled_at"],
        "notes": [f"{c} wants {lo:g}-{hi:g} {u} of {p}, up to ${pm:,.2f}/{u}"
                  for c, lo, hi, u, p, pm in zip(name, n["quantity_min"], n["quantity_max"], unit, n["product"], n["price_max"])],
        "internal_notes": n["status"].map(NOTE),
        "created_at": n["created_at"],
        "updated_at": pd.to_datetime(pd.Series(updated)),
        "created_by": account_rep(parents["users"], n["client_id"]),
    })


@fills("orders", "client_need_id")
def orders_from_needs(ctx, orders, needs):
    """An order that began as a need names it; other orders (and frames not made from the history) name none."""
    n = commercial_of(ctx).needs
    met = n[n["status"] == "FULFILLED"]
    values = np.full(len(orders), None, dtype=object)
    h = history(ctx)
    if len(orders) != len(h.orders) + len(h.quotes) + len(h.unsold) or len(needs) != len(n):
        return values
    values[met["order_id"].to_numpy(dtype=np.int64) - 1] = real_ids(needs, met["id"])
    return values
