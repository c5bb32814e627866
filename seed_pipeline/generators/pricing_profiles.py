"""Pricing profiles, each the rules of one kind of client; every client points at its own (a deferred reference)."""

import numpy as np
import pandas as pd

from seed_pipeline.business.commercial.pricing import PROFILES, RULES, profile_of
from seed_pipeline.contract.commercial import PROFILE_RULES
from seed_pipeline.generation.fill import fills
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import jobs_of


@generates("pricing_profiles", reads=("pricing_rules",))
def generate(ctx, parents):
    rules, users = parents["pricing_rules"], parents["users"]
    managers = users["id"].to_numpy()[[j == "Sales Manager" for j in jobs_of(users)]]
    author = managers[0] if len(managers) else users["id"].iloc[0]
    made = users.set_index("id").loc[author, "createdAt"] + pd.Timedelta(hours=1)  # set up by its author on day one
    n = len(PROFILES)
    return table_frame(ctx, {
        "name": [p.name for p in PROFILES],
        "description": [p.description for p in PROFILES],
        "rules": PROFILE_RULES.values([[{"ruleId": int(real_ids(rules, [r])[0]), "priority": RULES[r - 1].priority}
                                        for r in p.rules] for p in PROFILES]),
        "created_by": np.full(n, author),
        "created_at": [made] * n,
        "updated_at": [made] * n,
    })


@fills("clients", "pricing_profile_id")
def client_profiles(ctx, clients, profiles):
    """Whales on the key-account profile, regular buyers on the standard one, suppliers on list price.

    Frames that are not the history's (the generic generator's) are left without a profile.
    """
    h = history(ctx)
    if len(clients) != len(h.clients) or len(profiles) != len(PROFILES):
        return np.full(len(clients), None, dtype=object)
    return real_ids(profiles, profile_of(h.clients))
