"""Portal logins of the portal clients, with test credentials by convention (``business/catalogue/portal.py``):
a bcrypt hash no password matches, ``test-`` tokens none of which is valid at the end date, sign-ins as the clients
table records them."""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalogue.portal import (
    LOGINS_A_WEEK, RESET_MINUTES, RESET_SHARE, SESSION_DAYS, enabled_at, password_hashes, test_tokens,
)
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history
from seed_pipeline.generators._frame import table_frame


@generates("vip_portal_auth")
def generate(ctx, parents):
    h, rng, clients = history(ctx), ctx.rng, parents["clients"]
    on = np.flatnonzero(clients["vip_portal_enabled"].astype(bool).to_numpy())
    n = len(on)
    created = enabled_at(ctx.settings, clients.iloc[on])
    login = pd.to_datetime(clients["vip_portal_last_login"].iloc[on]).reset_index(drop=True)
    weeks = (login - created).dt.total_seconds() / (7 * 86400)
    rate = np.where(h.clients["whale"].to_numpy()[on], LOGINS_A_WEEK["whale"], LOGINS_A_WEEK["regular"])
    reset = rng.random(n) < RESET_SHARE
    requested = created + (ctx.window.end_ts - pd.Timedelta(minutes=RESET_MINUTES) - created) * rng.random(n)
    reset_at = requested.dt.floor("s").where(reset)
    expires = login + pd.Timedelta(days=SESSION_DAYS)
    lapsed = (expires <= ctx.window.end_ts).to_numpy()  # a session still open at the end was signed out
    return table_frame(ctx, {
        "client_id": clients["id"].to_numpy()[on],
        "email": clients["email"].to_numpy()[on],
        "password_hash": password_hashes(rng, n),
        "google_id": [None] * n,  # TERP's portal signs in by e-mail and password only
        "microsoft_id": [None] * n,
        "session_token": np.where(lapsed, test_tokens(rng, n, "session"), None),
        "session_expires_at": expires.where(lapsed),
        "reset_token": np.where(reset, test_tokens(rng, n, "reset"), None),
        "reset_token_expires_at": reset_at + pd.Timedelta(minutes=RESET_MINUTES),
        "last_login_at": login,
        "login_count": 1 + rng.poisson(rate * weeks.to_numpy()),
        "created_at": created,
        "updated_at": pd.concat([login, reset_at], axis=1).max(axis=1),
    })
