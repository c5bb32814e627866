"""Buying clients (whales first, then regulars) and seller clients, with running totals from their invoices."""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalogue.portal import portal_clients
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history
from seed_pipeline.generators._frame import table_frame

REFEREE_SHARE = 0.1
LAST_LOGIN_DAYS = 10  # portal clients (whales, the best regulars) signed in within this many days of the end


def _codes(names: pd.Series, ids: pd.Series) -> list[str]:
    """The app's short client code: three letters of the name and a number."""
    letters = names.str.replace(r"[^A-Za-z]", "", regex=True).str.upper().str[:3].str.ljust(3, "X")
    return [f"{l}-{i:04d}" for l, i in zip(letters, ids)]


@generates("clients")
def generate(ctx, parents):
    h = history(ctx)
    c = h.clients
    n, rng = len(c), ctx.rng
    tags = np.where(c["whale"], "whale vip", np.where(c["is_buyer"], "regular", "supplier"))
    last_order = h.orders.groupby("client_id")["created_at"].max()
    updated = c["id"].map(last_order).fillna(c["created_at"])
    portal = portal_clients(c)
    login = ctx.window.end_ts - pd.to_timedelta(rng.integers(0, LAST_LOGIN_DAYS * 86400, n), unit="s")
    # a client acquired lately signed in after it came on the books: halfway from then to the end
    born = pd.to_datetime(c["created_at"]).reset_index(drop=True)
    login = pd.Series(login).where(pd.Series(login) > born, (born + (ctx.window.end_ts - born) / 2).dt.floor("s"))
    return table_frame(ctx, {
        "teri_code": _codes(c["name"], c["id"]),
        **{k: c[k] for k in ("name", "email", "phone", "address", "is_buyer", "is_seller")},
        "is_brand": ~c["is_buyer"],
        "is_referee": c["is_buyer"] & (rng.random(n) < REFEREE_SHARE),
        "is_contractor": np.zeros(n, bool),
        "tags": [t.split() for t in tags],
        "custom_pricing_rules": [None] * n,
        "auto_defer_consignment": c["whale"],
        **{k: c[k] for k in ("total_spent", "total_profit", "avg_profit_margin", "total_owed", "oldest_debt_days")},
        "vip_portal_enabled": portal,
        "vip_portal_last_login": login.where(portal),
        "created_at": c["created_at"],
        "updated_at": updated,
    })
